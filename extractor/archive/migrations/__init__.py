"""Alembic migrations of the archive store (run by :func:`extractor.store.migrate`)."""
