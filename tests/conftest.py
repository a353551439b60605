"""The one set of shared fixtures (the checks every table test uses are in helpers.py).
Corpus tests skip with a reason where ../shared is absent, unless
EXTRACTOR_REQUIRE_SHARED=1 (set by .ci/run), which turns that absence into a failure;
browser tests likewise without chromium or playwright, unless EXTRACTOR_REQUIRE_BROWSER=1,
and Spark tests without pyspark or Java, unless EXTRACTOR_REQUIRE_SPARK=1.

For the browser tests (marked ``browser``): ``live_server`` (the app served on
127.0.0.1; ``live_server_factory(**settings)`` starts one with other settings),
``browser_page`` (a chromium page that must log no console error, no uncaught exception
and no request outside the live servers; ``browser_log`` holds what it saw) and
``shot(page, name)`` (a screenshot in the test's tmp_path).

For the Spark tests (marked ``spark``): ``spark``, one local[2] SparkSession for the
session (UI off, few shuffle partitions)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx
import pytest

from extractor import Extractor
from extractor.settings import Settings, get_settings

from .helpers import require_extra

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Page, Route
    from pyspark.sql import SparkSession

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


# A live server and a browser, for the tests marked ``browser``: the real app served by
# uvicorn on 127.0.0.1, and Debian's chromium driven by Playwright (never a browser of
# Playwright's own: nothing is downloaded). They skip with a reason where chromium or
# playwright is missing, unless EXTRACTOR_REQUIRE_BROWSER=1 (set by .ci/run).

READY_TIMEOUT = 180.0  # seconds a live server may take to load its models


@dataclass
class LiveServer:
    """The app of ``extractor.web.create_app`` served by uvicorn in a background
    thread, on a port of its own, over a temporary SQLite database."""

    base_url: str
    settings: Settings
    server: Any  # uvicorn.Server
    thread: threading.Thread

    def url(self, path: str = "/") -> str:
        """The absolute URL of ``path`` on this server."""
        return self.base_url + path

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


class LiveServers:
    """Starts a live server per call, with settings overrides (``api_keys=[...]``,
    ``protect_reads=True``, ...), each over its own SQLite file; :meth:`stop_all` stops
    them."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self.tmp_path_factory = tmp_path_factory
        self.servers: list[LiveServer] = []

    @property
    def origins(self) -> set[str]:
        """The origins (``http://127.0.0.1:<port>``) of the servers started so far."""
        return {s.base_url for s in self.servers}

    def __call__(self, **overrides: Any) -> LiveServer:
        import uvicorn

        from extractor.web import create_app

        folder = self.tmp_path_factory.mktemp("live")
        settings = Settings(database_url=f"sqlite:///{folder / 'archive.db'}", **overrides)
        config = uvicorn.Config(
            create_app(settings),
            log_config=None,  # leave logging to pytest
            log_level="warning",
            access_log=False,
            timeout_graceful_shutdown=5,
        )
        server = uvicorn.Server(config)
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        # Its own thread and event loop: the test thread keeps none running (Playwright's
        # sync API refuses to start inside one).
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name=f"live-{port}", daemon=True
        )
        thread.start()
        live = LiveServer(f"http://127.0.0.1:{port}", settings, server, thread)
        self.servers.append(live)
        _wait_ready(live)
        return live

    def stop_all(self) -> None:
        for live in self.servers:
            live.stop()


def _wait_ready(live: LiveServer) -> None:
    """Wait until the server answers /readyz with 200; fail when it stops or its models
    fail to load."""
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if not live.thread.is_alive():
            pytest.fail(f"the live server at {live.base_url} stopped while starting")
        with contextlib.suppress(httpx.TransportError):
            response = httpx.get(live.url("/readyz"), timeout=5)
            if response.status_code == 200:
                return
            if "error" in response.json():
                pytest.fail(f"the live server's models failed to load: {response.text}")
        time.sleep(0.2)
    pytest.fail(f"the live server at {live.base_url} was not ready in {READY_TIMEOUT:.0f} s")


@pytest.fixture(scope="session")
def live_server_factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServers]:
    """``live_server_factory(**settings_overrides) -> LiveServer``: a new live server
    per call; all of them stop at the end of the session."""
    servers = LiveServers(tmp_path_factory)
    yield servers
    servers.stop_all()


@pytest.fixture(scope="session")
def live_server(live_server_factory: LiveServers) -> LiveServer:
    """One live server with the default settings (no API keys), shared by the session."""
    return live_server_factory()


def _find_chromium() -> str:
    """The chromium to drive: EXTRACTOR_CHROMIUM, else the first of chromium,
    chromium-browser, google-chrome on PATH; with playwright installed. Where either
    is missing: a skip, or a failure with EXTRACTOR_REQUIRE_BROWSER=1."""
    require_extra("playwright", "dev", "EXTRACTOR_REQUIRE_BROWSER")
    configured = os.environ.get("EXTRACTOR_CHROMIUM")
    names = [configured] if configured else ["chromium", "chromium-browser", "google-chrome"]
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    message = (
        f"EXTRACTOR_CHROMIUM={configured} is not an executable"
        if configured
        else "no chromium (apt-get install chromium, or set EXTRACTOR_CHROMIUM)"
    )
    if os.environ.get("EXTRACTOR_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


def _require_spark() -> None:
    """pyspark (the spark extra) and a Java Spark can start: a skip where either is
    missing, or a failure with EXTRACTOR_REQUIRE_SPARK=1 (set by .ci/run)."""
    require_extra("pyspark", "spark", "EXTRACTOR_REQUIRE_SPARK")
    require_extra("pandas", "spark", "EXTRACTOR_REQUIRE_SPARK")
    from extractor.archive.spark import java_command

    if java_command() is None:
        message = "no Java for Spark (apt-get install openjdk-17-jre-headless, or set JAVA_HOME)"
        if os.environ.get("EXTRACTOR_REQUIRE_SPARK") == "1":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    """One local SparkSession for the test session: two cores, four shuffle partitions,
    no UI; the Python workers run this interpreter."""
    _require_spark()
    from extractor.archive.spark import spark_session

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = spark_session("local[2]", "extractor tests", ui=False, shuffle_partitions=4)
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def pytest_runtest_setup(item: pytest.Item) -> None:
    # A browser test without a browser stops here, before its live server starts.
    if item.get_closest_marker("browser"):
        _find_chromium()
    # Likewise a Spark test without pyspark or Java.
    if item.get_closest_marker("spark"):
        _require_spark()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The path of the chromium to drive (see :func:`_find_chromium`)."""
    return _find_chromium()


@dataclass
class BrowserLog:
    """What went wrong in a page: console errors, uncaught exceptions, and requests to
    any origin but the live servers' (aborted). ``browser_page`` asserts at teardown
    that all three are empty; a test that provokes an error on purpose says so with
    :meth:`allow`."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    allowed: list[re.Pattern[str]] = field(default_factory=list)

    def allow(self, pattern: str) -> None:
        """Tolerate console errors that match the regular expression ``pattern``."""
        self.allowed.append(re.compile(pattern))

    def problems(self) -> list[str]:
        console = [e for e in self.console_errors if not any(p.search(e) for p in self.allowed)]
        return (
            [f"console error: {e}" for e in console]
            + [f"page error: {e}" for e in self.page_errors]
            + [f"request outside the live server: {u}" for u in self.foreign_requests]
        )

    def assert_clean(self) -> None:
        problems = self.problems()
        assert not problems, "\n".join(problems)


@pytest.fixture
def browser_log() -> BrowserLog:
    """The log of the test's ``browser_page`` (see :class:`BrowserLog`)."""
    return BrowserLog()


@pytest.fixture
def browser_page(
    chromium_path: str, live_server_factory: LiveServers, browser_log: BrowserLog
) -> Iterator[Page]:
    """A fresh chromium page (Playwright's sync API) in a new context; its console
    errors, uncaught exceptions and requests to other origins than the live servers'
    go to ``browser_log`` (the requests are aborted), which must be empty at the end.
    Playwright runs only for the test's duration: while it runs, the test thread has
    an event loop of Playwright's."""
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    def keep_local(route: Route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" in live_server_factory.origins:
            route.continue_()
        else:
            browser_log.foreign_requests.append(url)
            route.abort("blockedbyclient")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location
            browser_log.console_errors.append(
                f"{message.text} ({where.get('url')}:{where.get('lineNumber')})"
            )

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path)
        try:
            context = browser.new_context()
            context.route("**/*", keep_local)
            page = context.new_page()
            page.on("console", on_console)
            page.on("pageerror", lambda error: browser_log.page_errors.append(str(error)))
            yield page
            context.close()
        finally:
            browser.close()
    browser_log.assert_clean()


@pytest.fixture
def shot(tmp_path: Path) -> Callable[..., Path]:
    """``shot(page, name, full_page=True)``: a screenshot of the page saved as
    ``<tmp_path>/<name>.png`` (pytest keeps the last runs' under its base temporary
    folder); its path."""

    def save(page: Page, name: str, full_page: bool = True) -> Path:
        path = tmp_path / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return save
