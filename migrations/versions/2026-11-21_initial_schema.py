"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-21 04:37:01.026400
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate renders sqlmodel.sql.sqltypes.AutoString)
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "actor",
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("curated", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=256), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["parent_id"], ["actor.id"], name=op.f("fk_actor_parent_id_actor")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor")),
        sa.UniqueConstraint("slug", name=op.f("uq_actor_slug")),
    )
    with op.batch_alter_table("actor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_actor_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "import_run",
        sa.Column("origin", sa.String(length=1024), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("errors", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_run")),
    )
    op.create_table(
        "place",
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("governorate", sa.String(length=64), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.String(length=12), nullable=False),
        sa.Column("geonames_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=256), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["parent_id"], ["place.id"], name=op.f("fk_place_parent_id_place")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place")),
        sa.UniqueConstraint("slug", name=op.f("uq_place_slug")),
    )
    with op.batch_alter_table("place", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_place_governorate"), ["governorate"], unique=False)
        batch_op.create_index(batch_op.f("ix_place_kind"), ["kind"], unique=False)
        batch_op.create_index("ix_place_lat_lon", ["lat", "lon"], unique=False)
        batch_op.create_index(batch_op.f("ix_place_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "actor_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=256), nullable=False),
        sa.Column("key", sa.String(length=256), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_actor_alias_actor_id_actor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_alias")),
        sa.UniqueConstraint("actor_id", "alias", name=op.f("uq_actor_alias_actor_id_alias")),
    )
    with op.batch_alter_table("actor_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_alias_key"), ["key"], unique=False)

    op.create_table(
        "place_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=256), nullable=False),
        sa.Column("key", sa.String(length=256), nullable=False),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["place.id"],
            name=op.f("fk_place_alias_place_id_place"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place_alias")),
        sa.UniqueConstraint("place_id", "alias", name=op.f("uq_place_alias_place_id_alias")),
    )
    with op.batch_alter_table("place_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_place_alias_key"), ["key"], unique=False)

    op.create_table(
        "source",
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("author", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("outlet", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("url", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("published_precision", sa.String(length=8), nullable=False),
        sa.Column("published_origin", sa.String(length=8), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("external_id", sa.String(length=512), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("encoding", sa.String(length=16), nullable=False),
        sa.Column("body_end", sa.Integer(), nullable=True),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("import_run_id", sa.Integer(), nullable=True),
        sa.Column("extractor_version", sa.String(length=16), nullable=True),
        sa.Column("primary_place_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_run_id"], ["import_run.id"], name=op.f("fk_source_import_run_id_import_run")
        ),
        sa.ForeignKeyConstraint(
            ["primary_place_id"], ["place.id"], name=op.f("fk_source_primary_place_id_place")
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"], ["source.id"], name=op.f("fk_source_supersedes_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
        sa.UniqueConstraint("content_sha256", name=op.f("uq_source_content_sha256")),
        sa.UniqueConstraint(
            "origin", "external_id", "version", name=op.f("uq_source_origin_external_id_version")
        ),
    )
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_external_id"), ["external_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_source_import_run_id"), ["import_run_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_source_primary_place_id"), ["primary_place_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_source_supersedes_id"), ["supersedes_id"], unique=False
        )

    op.create_table(
        "claim",
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("claimant_text", sa.String(length=512), nullable=True),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("in_comments", sa.Boolean(), nullable=False),
        sa.Column("event_type", sa.String(length=24), nullable=False),
        sa.Column("event_date_start", sa.Date(), nullable=True),
        sa.Column("event_date_end", sa.Date(), nullable=True),
        sa.Column("event_date_precision", sa.String(length=8), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("claimant_id", sa.Integer(), nullable=True),
        sa.Column("quantities", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claimant_id"], ["actor.id"], name=op.f("fk_claim_claimant_id_actor")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_claim_source_id_source"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim")),
    )
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_claimant_id"), ["claimant_id"], unique=False)
        batch_op.create_index(
            "ix_claim_event_dates", ["event_date_start", "event_date_end"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_claim_event_type"), ["event_type"], unique=False)
        batch_op.create_index(
            "ix_claim_source_id_char_start", ["source_id", "char_start"], unique=False
        )

    op.create_table(
        "mention",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("surface", sa.String(length=512), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"], name=op.f("fk_mention_actor_id_actor")),
        sa.ForeignKeyConstraint(["place_id"], ["place.id"], name=op.f("fk_mention_place_id_place")),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_mention_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mention")),
    )
    with op.batch_alter_table("mention", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mention_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mention_place_id"), ["place_id"], unique=False)
        batch_op.create_index("ix_mention_source_start", ["source_id", "char_start"], unique=False)

    op.create_table(
        "claim_actor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actor.id"], name=op.f("fk_claim_actor_actor_id_actor")
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_actor_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_actor")),
    )
    with op.batch_alter_table("claim_actor", schema=None) as batch_op:
        batch_op.create_index(
            "ix_claim_actor_actor_role", ["actor_id", "role", "claim_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_claim_actor_claim_id"), ["claim_id"], unique=False)

    op.create_table(
        "claim_place",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_place_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["place.id"], name=op.f("fk_claim_place_place_id_place")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_place")),
    )
    with op.batch_alter_table("claim_place", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_place_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index("ix_claim_place_place_claim", ["place_id", "claim_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("claim_place", schema=None) as batch_op:
        batch_op.drop_index("ix_claim_place_place_claim")
        batch_op.drop_index(batch_op.f("ix_claim_place_claim_id"))

    op.drop_table("claim_place")
    with op.batch_alter_table("claim_actor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_actor_claim_id"))
        batch_op.drop_index("ix_claim_actor_actor_role")

    op.drop_table("claim_actor")
    with op.batch_alter_table("mention", schema=None) as batch_op:
        batch_op.drop_index("ix_mention_source_start")
        batch_op.drop_index(batch_op.f("ix_mention_place_id"))
        batch_op.drop_index(batch_op.f("ix_mention_actor_id"))

    op.drop_table("mention")
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_index("ix_claim_source_id_char_start")
        batch_op.drop_index(batch_op.f("ix_claim_event_type"))
        batch_op.drop_index("ix_claim_event_dates")
        batch_op.drop_index(batch_op.f("ix_claim_claimant_id"))

    op.drop_table("claim")
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_supersedes_id"))
        batch_op.drop_index(batch_op.f("ix_source_primary_place_id"))
        batch_op.drop_index(batch_op.f("ix_source_import_run_id"))
        batch_op.drop_index(batch_op.f("ix_source_external_id"))

    op.drop_table("source")
    with op.batch_alter_table("place_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_alias_key"))

    op.drop_table("place_alias")
    with op.batch_alter_table("actor_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_alias_key"))

    op.drop_table("actor_alias")
    with op.batch_alter_table("place", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_parent_id"))
        batch_op.drop_index("ix_place_lat_lon")
        batch_op.drop_index(batch_op.f("ix_place_kind"))
        batch_op.drop_index(batch_op.f("ix_place_governorate"))

    op.drop_table("place")
    op.drop_table("import_run")
    with op.batch_alter_table("actor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_parent_id"))
        batch_op.drop_index(batch_op.f("ix_actor_kind"))

    op.drop_table("actor")
