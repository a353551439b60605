"""The newsroom desk in chromium against a live server: paste the seed article and see
Rasim Baghirov's seven quotes highlighted and listed, store it, find them by
"Багиров", open his page (role, timeline, graph), export the search as CSV, delete the
document; an article full of HTML runs nothing; a key typed into the desk is kept for
the session. Every page is screenshotted (under the test's tmp_path); no page logs an
error or asks anything of another host (the ``browser_page`` fixture checks)."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from ..conftest import BrowserLog, LiveServer, LiveServers

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.store]

KEY = "desk-browser-key"
INJECTION = (
    "<script>window.__xss = 1; alert(1)</script> Breaking <img src=x onerror=alert(2)> news.\n\n"
    '"We will not <b>back</b> down <img src=x onerror="window.__xss=2">," said Sen. '
    "Elizabeth Warren."
)


def paste(page: Page, text: str) -> None:
    """Paste ``text`` into the desk's form and send it (as a person would)."""
    page.get_by_role("textbox", name="Article text").fill(text)
    page.get_by_role("button", name="Find who said what").click()
    page.locator("#wsw-heading").wait_for()


def test_the_desk_from_paste_to_delete(
    live_server: LiveServer,
    browser_page: Page,
    browser_log: BrowserLog,
    shot: Callable[..., Path],
    seed_text: str,
) -> None:
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url("/"))
    assert page.get_by_label("Language", exact=True).input_value() == "auto"
    shot(page, "desk-paste-form")

    # Paste: seven quotes by Rasim Baghirov, highlighted in the text and in the table.
    paste(page, seed_text)
    rows = page.locator("table.wsw tbody tr")
    speakers = [rows.nth(i).locator("td.who").inner_text() for i in range(rows.count())]
    assert speakers.count("Rasim Baghirov") == 7, speakers
    quotes = page.locator(".article .hl-quote[tabindex='0']")
    assert quotes.count() == 7
    assert page.locator(".article .hl-speaker").count() >= 4
    assert page.locator(".article [lang=ru] .hl-quote").count() == 1
    # A quote, focused from the keyboard, says who said it; its row lights up with it.
    first = page.locator("#quote-q2")
    first.focus()
    tip = first.evaluate("el => getComputedStyle(el, '::after').content")
    assert "Rasim Baghirov" in tip and "Media Development Agency" in tip
    rows.nth(1).hover()
    assert "lit" in (page.locator("#quote-q2").get_attribute("class") or "")
    shot(page, "desk-paste-result")

    # Store it, with its metadata.
    page.get_by_label("Title").fill("Turkic states' info exchange")
    page.get_by_label("Source").fill("Report")
    page.get_by_label("Published (UTC)").fill("2025-11-27T11:02")
    page.get_by_role("button", name="Store in archive").click()
    page.get_by_text("Stored in the archive").wait_for()
    document_url = page.url.split("?")[0]
    # (stored as pasted: the id is the hash of the very text, as the API stores it)
    assert document_url.endswith(hashlib.sha256(seed_text.encode()).hexdigest()[:32])
    assert page.locator(".article .hl-quote[tabindex='0']").count() == 7
    shot(page, "desk-document")

    page.get_by_role("link", name="Documents").click()
    page.get_by_role("link", name="Turkic states' info exchange").wait_for()
    shot(page, "desk-documents")

    # Search in Russian: the seven quotes, with the role at the time and the sentence.
    page.get_by_role("link", name="Search").click()
    page.get_by_label("Speaker").fill("Багиров")
    page.get_by_role("button", name="Search").click()
    results = page.locator("li.result")
    results.first.wait_for()
    assert results.count() == 7
    assert "Director of the Department" in results.first.inner_text()
    assert "speaker=%D0%91" in page.url  # bookmarkable: the query is in the URL
    shot(page, "desk-search")

    # The CSV export of the same search.
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    exported = list(csv.DictReader(io.StringIO(content)))
    assert len(exported) == 7
    assert {row["speaker"] for row in exported} == {"Rasim Baghirov"}

    # His page: spellings, role, the timeline, the graph.
    results.first.get_by_role("link", name="Rasim Baghirov").click()
    page.get_by_role("heading", name="Rasim Baghirov").wait_for()
    body = page.locator("main").inner_text()
    for spelling in ("Rasim Bağırov", "Расим Багиров"):
        assert spelling in body
    assert "Media Development Agency of Azerbaijan" in body
    assert page.locator("svg.bars rect").count() == 1
    assert page.locator(".graph a.node").count() >= 3
    shot(page, "desk-entity")
    # The graph's nodes are links, reached from the keyboard.
    page.locator(".graph a.node", has_text="Media Development Agency").first.focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Media Development Agency of Azerbaijan").wait_for()
    assert "Rasim Baghirov" in page.locator("main").inner_text()
    shot(page, "desk-organization")

    # Delete it: asked first, then gone.
    page.goto(document_url)
    page.get_by_role("link", name="Delete…").click()
    shot(page, "desk-delete")
    page.get_by_role("button", name="Delete the document").click()
    page.get_by_text("was deleted").wait_for()
    assert page.get_by_role("link", name="Turkic states' info exchange").count() == 0
    browser_log.allow("status of 404")
    page.goto(document_url)
    assert page.get_by_role("heading", name="Not found").is_visible()
    page.goto(live_server.url("/search?speaker=Багиров"))
    assert page.locator("li.result").count() == 0


def test_html_in_an_article_runs_nothing(
    live_server: LiveServer, browser_page: Page, shot: Callable[..., Path]
) -> None:
    page = browser_page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_server.url("/"))
    paste(page, INJECTION)
    assert "<b>back</b>" in page.locator("table.wsw").inner_text()
    page.get_by_label("Title").fill("<script>window.__xss = 3</script>")
    page.get_by_role("button", name="Store in archive").click()
    page.get_by_text("Stored in the archive").wait_for()
    document_url = page.url.split("?")[0]
    assert "<script>window.__xss = 3</script>" in page.locator("h1").inner_text()
    shot(page, "desk-injection")
    for path in ("/documents", "/search?q=back"):
        page.goto(live_server.url(path))
        assert page.evaluate("window.__xss") is None
    page.locator("li.result a[href^='/entities/']").first.click()
    page.get_by_role("heading", name="Elizabeth Warren").wait_for()
    page.goto(document_url + "/delete")
    page.get_by_role("button", name="Delete the document").click()
    page.get_by_text("was deleted").wait_for()
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    assert page.locator("img").count() == 0


def test_the_key_is_asked_for_and_kept_for_the_session(
    live_server_factory: LiveServers,
    browser_page: Page,
    browser_log: BrowserLog,
    shot: Callable[..., Path],
) -> None:
    server = live_server_factory(api_keys=[KEY], protect_reads=True)
    page = browser_page
    browser_log.allow("status of 401")
    page.goto(server.url("/search?speaker=Warren"))
    assert "/key?next=" in page.url
    shot(page, "desk-key")
    page.get_by_label("API key").fill("not the key")
    page.get_by_role("button", name="Keep the key").click()
    page.get_by_text("That key is not valid").wait_for()
    page.get_by_label("API key").fill(KEY)
    page.get_by_role("button", name="Keep the key").click()
    page.get_by_role("heading", name="Who said what").wait_for()
    assert page.url == server.url("/search?speaker=Warren")
    [cookie] = [c for c in page.context.cookies() if c["name"] == "desk_key"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["expires"] == -1
    assert page.evaluate("document.cookie") == ""  # neither cookie is readable by scripts
    page.goto(server.url("/"))
    paste(page, '"We will not back down," said Sen. Elizabeth Warren.')
    page.get_by_role("button", name="Store in archive").click()
    page.get_by_text("Stored in the archive").wait_for()
    page.get_by_role("button", name="Forget key").click()
    assert "/key" in page.url or page.get_by_label("API key").count() == 1
