"""Person skeletons with "ts", "s", "z" and the "g" class as one letter, so that a name
spelled with "c" for "ts" ("Sencov", "Sentsov") is compared with the stored spelling.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from extractor.entities.linking import surname_skeleton

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    table = sa.table(
        "entities", sa.column("id", sa.Integer), sa.column("key"), sa.column("skeleton")
    )
    rows = bind.execute(
        sa.text("SELECT id, key, skeleton FROM entities WHERE type = 'PERSON'")
    ).fetchall()
    for entity_id, key, old in rows:
        skeleton = surname_skeleton(str(key).removeprefix("person:"))[:60] or None
        if skeleton != old:
            bind.execute(table.update().where(table.c.id == entity_id).values(skeleton=skeleton))


def downgrade() -> None:
    pass  # the older skeletons only find fewer spellings; nothing to undo
