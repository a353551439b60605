"""Documents listed newest first: an index on their time (publication, else the time
they were stored) and id, the order ``GET /v1/documents`` pages through; and a
person's roles by time, to find the one held when a quote was published.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # An archive created at 0001 by this version's tables has the indexes already.
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_documents_order "
        "ON documents (coalesce(published_at, created_at), id)"
    )
    op.execute("CREATE INDEX IF NOT EXISTS ix_roles_person_time ON roles (person_id, published_at)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_documents_order")
    op.execute("DROP INDEX IF EXISTS ix_roles_person_time")
