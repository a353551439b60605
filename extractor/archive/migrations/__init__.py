"""Alembic migrations of the archive store (run by :func:`extractor.archive.store.migrate`)."""
