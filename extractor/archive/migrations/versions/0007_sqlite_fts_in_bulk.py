"""SQLite: the full-text indexes of a batch of new rows filled in one statement each.

The triggers that keep ``documents_fts`` and ``quotes_fts`` in step with their tables
fired once per row inserted, which took most of the time a batch spent in SQLite. A
writer that fills the indexes itself marks its transaction with a row in
``fts_deferred`` (inserted and deleted inside the transaction, so no other connection
ever sees it); while that row is there the insert triggers do nothing. Every other
insert, from any tool, still goes through the triggers. PostgreSQL's indexes are
generated columns and are left as they are.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_TABLES = (("quotes", "text"), ("documents", "text"))


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE TABLE IF NOT EXISTS fts_deferred (writer INTEGER)")
    for table, column in _TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_insert")
        op.execute(
            f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} "
            "WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN "
            f"INSERT INTO {table}_fts(rowid, {column}) VALUES (new.rowid, new.{column}); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, column in _TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_insert")
        op.execute(
            f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {table}_fts(rowid, {column}) VALUES (new.rowid, new.{column}); END"
        )
    op.execute("DROP TABLE IF EXISTS fts_deferred")
