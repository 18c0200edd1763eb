FROM python:3.11-slim
WORKDIR /srv/claimdb
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY seeds ./seeds
# Editable, so alembic.ini, migrations/ and seeds/ stay where app.config expects them.
RUN pip install --no-cache-dir -e .
EXPOSE 8000
CMD ["claimdb", "serve", "--host", "0.0.0.0", "--port", "8000"]
