"""Statements: each quote's ``statement_id``, the statement it is a version of (quotes
of one statement across documents and languages), and the ``statements`` table that
gives them their ids. Quotes stored before have none.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # An archive created at 0001 by this version's tables has them already.
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    if "statements" not in inspector.get_table_names():
        op.create_table(
            "statements",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        )
    if "statement_id" not in {c["name"] for c in inspector.get_columns("quotes")}:
        op.add_column("quotes", sa.Column("statement_id", sa.Integer))
    op.execute("CREATE INDEX IF NOT EXISTS ix_quotes_statement ON quotes (statement_id)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_quotes_statement")
    op.execute("ALTER TABLE quotes DROP COLUMN statement_id")
    op.execute("DROP TABLE statements")
