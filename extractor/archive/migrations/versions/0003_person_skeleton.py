"""A person's surname skeleton, so that another spelling of a stored person is found
among the names that share it; and the name key of a quote's speaker mention where the
speaker is no entity, so that a speaker search finds it.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from extractor.entities.linking import name_key, surname_skeleton

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    columns = {c["name"] for c in inspector.get_columns("entities")}
    # An archive created at 0001 by this version's tables has the column and index.
    if "skeleton" not in columns:
        op.add_column("entities", sa.Column("skeleton", sa.String(60)))
    if "ix_entities_skeleton" not in {i["name"] for i in inspector.get_indexes("entities")}:
        op.create_index("ix_entities_skeleton", "entities", ["type", "skeleton"])
    table = sa.table(
        "entities", sa.column("id", sa.Integer), sa.column("key"), sa.column("skeleton")
    )
    rows = bind.execute(
        sa.text("SELECT id, key FROM entities WHERE type = 'PERSON' AND skeleton IS NULL")
    ).fetchall()
    for entity_id, key in rows:
        skeleton = surname_skeleton(str(key).removeprefix("person:"))[:60] or None
        if skeleton:
            bind.execute(table.update().where(table.c.id == entity_id).values(skeleton=skeleton))

    quote_columns = {c["name"] for c in inspector.get_columns("quotes")}
    if "speaker_folded" not in quote_columns:
        op.add_column("quotes", sa.Column("speaker_folded", sa.String(400)))
    quotes = sa.table("quotes", sa.column("id", sa.Integer), sa.column("speaker_folded"))
    unnamed = bind.execute(
        sa.text(
            "SELECT id, speaker_mention, language FROM quotes WHERE speaker_id IS NULL "
            "AND speaker_mention IS NOT NULL AND speaker_folded IS NULL"
        )
    ).fetchall()
    for quote_id, mention, language in unnamed:
        bind.execute(
            quotes.update()
            .where(quotes.c.id == quote_id)
            .values(speaker_folded=name_key(str(mention), language)[:400])
        )


def downgrade() -> None:
    op.drop_index("ix_entities_skeleton", "entities")
    op.execute("ALTER TABLE entities DROP COLUMN skeleton")
    op.execute("ALTER TABLE quotes DROP COLUMN speaker_folded")
