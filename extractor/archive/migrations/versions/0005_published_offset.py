"""The UTC offset a document's ``published_at`` was given with, so that it reads back
as given ("2025-05-01T10:00:00+05:00"); the instant itself is stored in UTC.

Archives stored before keep a null offset and read back in UTC. (SQLite stored those
times as their wall-clock time, without the offset, which cannot be recovered.)

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # An archive created at 0001 by this version's tables has the column already.
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("documents")}
    if "published_offset" not in columns:
        op.add_column("documents", sa.Column("published_offset", sa.SmallInteger))


def downgrade() -> None:
    op.execute("ALTER TABLE documents DROP COLUMN published_offset")
