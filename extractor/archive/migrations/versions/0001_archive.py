"""The archive: documents, entities, aliases, roles, quotes, full-text indexes.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from alembic import op

from extractor.archive.store import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    metadata.create_all(bind)
    if bind.dialect.name == "sqlite":
        # FTS5 indexes kept in step with their tables by triggers.
        for table, column in (("quotes", "text"), ("documents", "text")):
            op.execute(
                f"CREATE VIRTUAL TABLE {table}_fts USING fts5({column}, content='{table}', "
                "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"
            )
            op.execute(
                f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN "
                f"INSERT INTO {table}_fts(rowid, {column}) VALUES (new.rowid, new.{column}); END"
            )
            op.execute(
                f"CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN "
                f"INSERT INTO {table}_fts({table}_fts, rowid, {column}) "
                f"VALUES ('delete', old.rowid, old.{column}); END"
            )
    elif bind.dialect.name == "postgresql":
        for table in ("quotes", "documents"):
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN tsv tsvector "
                "GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED"
            )
            op.execute(f"CREATE INDEX ix_{table}_tsv ON {table} USING GIN (tsv)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for table in ("quotes", "documents"):
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
    metadata.drop_all(bind)
