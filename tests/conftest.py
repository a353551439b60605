"""The one set of shared fixtures (the checks every table test uses are in helpers.py).
Corpus tests skip with a reason where ../shared is absent, unless
EXTRACTOR_REQUIRE_SHARED=1 (set by .ci/run), which turns that absence into a failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extractor import Extractor
from extractor.settings import get_settings

ROOT = Path(__file__).resolve().parent.parent


def _shared_dir() -> Path:
    configured = Path(get_settings().shared_dir)
    return configured if configured.is_absolute() else (ROOT / configured).resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = _shared_dir()
    if not (path / "data").is_dir() or not (path / "seed").is_dir():
        message = f"the shared corpora and seed are not at {path} (set EXTRACTOR_SHARED_DIR)"
        if os.environ.get("EXTRACTOR_REQUIRE_SHARED") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    return (shared_dir / "seed" / "report-az-2025-11-27-baghirov.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


def _postgres_url() -> str | None:
    return os.environ.get("EXTRACTOR_TEST_POSTGRES_URL") or None


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database of each kind: a SQLite file, and PostgreSQL where
    EXTRACTOR_TEST_POSTGRES_URL names one (.ci/run starts Debian's PostgreSQL and sets
    it, with EXTRACTOR_REQUIRE_POSTGRES=1 so that its absence fails)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'archive.db'}"
    url = _postgres_url()
    if url is None:
        message = "no PostgreSQL to test against (set EXTRACTOR_TEST_POSTGRES_URL)"
        if os.environ.get("EXTRACTOR_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url
