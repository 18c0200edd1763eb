# The commands the README names. `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test lint eval bench load clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,data]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed  ## migrate, seed, serve at http://$(HOST):$(PORT)/docs
	$(BIN)/claimdb seed
	$(BIN)/claimdb serve --host $(HOST) --port $(PORT)

test: $(VENV)/.installed-dev  ## the whole suite (PostgreSQL half with CLAIMDB_TEST_POSTGRES_URL)
	$(BIN)/ruff check app tests bench migrations
	$(BIN)/pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check app tests bench migrations
	$(BIN)/ruff format --check app tests bench migrations

eval: $(VENV)/.installed  ## extraction accuracy: FA-KES labels, then the gold claims (dev, holdout)
	$(BIN)/claimdb eval tests/data/fakes/fakes_dev.csv --preset fakes
	$(BIN)/claimdb eval --claims tests/data/gold/dev
	$(BIN)/claimdb eval --claims tests/data/gold/holdout

bench: $(VENV)/.installed-dev  ## claimdb vs Datasette vs raw SQL (BENCH_ARGS="--quick", "--postgres URL"...)
	$(BIN)/python bench/compare.py $(BENCH_ARGS)

load: $(VENV)/.installed-dev  ## 60 s load test against a served database (LOAD_ARGS="--postgres URL ...")
	$(BIN)/python bench/load.py $(LOAD_ARGS)

clean:
	rm -rf $(VENV) claimdb.sqlite3 claimdb.sqlite3-wal claimdb.sqlite3-shm .pytest_cache
