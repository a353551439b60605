"""/docs (Swagger UI) and /redoc (ReDoc) work offline: their assets come from the
service itself. In chromium: each page renders the API, logs no error and sends no
request outside the service; with TestClient: the HTML names no other host, the assets
it names are served, and the pages are as open as /openapi.json."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fastapi.testclient import TestClient

from extractor.settings import Settings
from extractor.web import create_app

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from ..conftest import LiveServer, LiveServers

KEY = "docs-key-1"
URL = re.compile(r"""(?:https?:)?//[^\s"'<>)]+""")
ASSET = re.compile(r"""(?:src|href)="([^"]+)\"""")


def _client(tmp_path: Path, **settings: Any) -> TestClient:
    app = create_app(
        Settings(database_url=f"sqlite:///{tmp_path / 'a.db'}", **settings), load_models=False
    )
    return TestClient(app)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_the_docs_name_no_other_host_and_serve_their_assets(tmp_path: Path, page: str) -> None:
    with _client(tmp_path) as client:
        response = client.get(page)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        html = response.text
        assert URL.findall(html) == []
        assets = ASSET.findall(html)
        assert assets and all(a.startswith("/static/docs/") for a in assets), assets
        for asset in assets:
            served = client.get(asset)
            assert served.status_code == 200, asset
            assert len(served.content) > 1000, asset


@pytest.mark.parametrize(
    "path", ["/docs", "/redoc", "/docs/oauth2-redirect", "/static/docs/swagger-ui-bundle.js"]
)
def test_the_docs_are_open_like_the_openapi_document(tmp_path: Path, path: str) -> None:
    with _client(tmp_path, api_keys=[KEY], protect_reads=True) as client:
        assert client.get("/openapi.json").status_code == 200
        assert client.get(path).status_code == 200
        # ... while the API itself needs the key.
        assert client.get("/v1/quotes").status_code == 401


def test_the_docs_stay_out_of_the_openapi_document(tmp_path: Path) -> None:
    with _client(tmp_path) as client:
        paths = client.get("/openapi.json").json()["paths"]
    assert not [p for p in paths if p.startswith(("/docs", "/redoc", "/static"))]


@pytest.mark.browser
def test_swagger_ui_renders_offline(
    live_server: LiveServer, browser_page: Page, shot: Callable[..., Path]
) -> None:
    page = browser_page
    page.goto(live_server.url("/docs"))
    operation = page.locator(".opblock-summary", has_text="/v1/extract/batch")
    operation.first.wait_for()
    summaries = page.locator(".opblock-summary").all_inner_texts()
    assert any(re.search(r"POST\s+/v1/extract\b(?!/)", s) for s in summaries), summaries
    assert any(re.search(r"GET\s+/v1/quotes", s) for s in summaries), summaries
    assert page.title() == "Who-said-what extractor - Swagger UI"
    # An operation opens on a click (Swagger UI's own script at work).
    page.locator(".opblock-summary", has_text="/healthz").first.click()
    page.get_by_role("button", name="Try it out").first.wait_for()
    shot(page, "swagger-ui")


@pytest.mark.browser
def test_redoc_renders_offline(
    live_server: LiveServer, browser_page: Page, shot: Callable[..., Path]
) -> None:
    page = browser_page
    page.goto(live_server.url("/redoc"))
    page.get_by_role("heading", name=re.compile("Who-said-what extractor")).first.wait_for()
    page.get_by_text("/v1/extract/batch").first.wait_for(state="attached")
    assert page.title() == "Who-said-what extractor - ReDoc"
    shot(page, "redoc", full_page=False)


@pytest.mark.browser
def test_the_docs_render_without_a_key_when_reads_are_protected(
    live_server_factory: LiveServers,
    browser_page: Page,
    shot: Callable[..., Path],
) -> None:
    locked = live_server_factory(api_keys=[KEY], protect_reads=True)
    page = browser_page
    page.goto(locked.url("/docs"))
    page.locator(".opblock-summary", has_text="/v1/quotes").first.wait_for()
    # The padlock of the bearer scheme.
    page.get_by_role("button", name=re.compile("Authorize")).first.wait_for()
    shot(page, "swagger-ui-locked")
