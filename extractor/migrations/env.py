"""Alembic environment: migrations run on the connection :func:`store.migrate` passes."""

from __future__ import annotations

from alembic import context

from extractor.store import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` command line: a URL from the settings
    from extractor.settings import get_settings
    from extractor.store import make_engine

    engine = make_engine(get_settings().database_url)
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
