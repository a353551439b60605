"""Alembic environment: migrations run on the connection :func:`store.migrate` passes."""

from __future__ import annotations

from alembic import context

from extractor.archive.store import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` command line: a URL from the settings
    from extractor.archive.store import make_engine
    from extractor.settings import get_settings

    engine = make_engine(get_settings().database_url)
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
