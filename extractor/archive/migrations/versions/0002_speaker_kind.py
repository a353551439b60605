"""What each quote's source is: person, organization, document or unnamed.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # An archive created at 0001 by this version's tables has the column already.
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("quotes")}
    if "speaker_kind" not in columns:
        op.add_column("quotes", sa.Column("speaker_kind", sa.String(12)))


def downgrade() -> None:
    op.execute("ALTER TABLE quotes DROP COLUMN speaker_kind")
