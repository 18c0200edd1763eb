"""Settings, read once from CLAIMDB_* environment variables (and a .env file if present)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLAIMDB_", env_file=".env", extra="ignore")

    database_url: str = Field(
        "sqlite:///./claimdb.sqlite3",
        description="SQLAlchemy URL; postgresql+psycopg://user:pass@host/db selects PostgreSQL.",
    )
    api_key: SecretStr | None = Field(
        None,
        description="Admin bearer key (acts as `server-admin-key`). Unset, and no key made "
        "with `claimdb keys create`: writes answer 403.",
    )
    read_key: SecretStr | None = Field(
        None, description="Bearer key for read endpoints. Unset: reads are public."
    )
    max_document_bytes: int = Field(2_000_000, ge=1, description="Largest document accepted.")
    max_query_bytes: int = Field(8_192, ge=256, description="Longest query string accepted.")
    cors_origins: list[str] = Field(
        default_factory=list, description="Origins allowed by CORS; empty means closed."
    )
    sqlite_busy_timeout_ms: int = Field(
        30_000, ge=0, description="How long an import waits for SQLite's write lock."
    )
    write_wait_ms: int = Field(
        3_000,
        ge=0,
        description="How long an HTTP write waits for its turn, and then for the database's "
        "write lock, before a 503 with Retry-After (sending the same document again is safe).",
    )
    extraction_seconds: float = Field(
        60.0,
        ge=0,
        description="Longest an import spends extracting one document; past it the document "
        "fails with that reason and the batch goes on. 0: no limit.",
    )
    seeds_dir: Path = Field(PROJECT_ROOT / "seeds", description="Folder `claimdb seed` imports.")


settings = Settings()
