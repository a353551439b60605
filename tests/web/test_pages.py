"""The newsroom desk's pages over TestClient (no browser): every page renders with its
language, labels and security headers; the seed article's seven quotes by Rasim
Baghirov are listed and highlighted; storing, searching, the entity page and deleting
work as forms without JavaScript; HTML in articles is always shown escaped; errors are
HTML pages with the right status; the key lives in a strict session cookie and state
changes need the session's CSRF token and this site's origin."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from extractor.schema import Entity, Extraction, Quote, Segment, Span
from extractor.settings import Settings
from extractor.web import create_app
from extractor.web.highlight import Mark, article, render

KEY = "desk-key-123"
INJECTION = (
    "<script>alert(1)</script> Breaking <img src=x onerror=alert(2)> news.\n\n"
    '"We will not <b>back</b> down <img src=x onerror=window.__xss=1>," said Sen. '
    "Elizabeth Warren."
)


# --- helpers ---------------------------------------------------------------------------


class Page(HTMLParser):
    """What the tests read from a page: the <html> lang, the form controls and their
    labels, every element's attributes, and the text of some elements."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: str | None = None
        self.controls: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.wrapped: set[int] = set()  # controls inside a <label>
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "label" and a.get("for"):
            self.label_for.add(str(a["for"]))
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            if "label" in self.open:
                self.wrapped.add(len(self.controls))
            self.controls.append(a)
        if tag not in ("input", "meta", "link", "br", "img", "hr", "circle", "rect", "line"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open and self.open.pop() != tag:
                pass

    def unlabelled(self) -> list[dict[str, str | None]]:
        return [
            c
            for i, c in enumerate(self.controls)
            if i not in self.wrapped and c.get("id") not in self.label_for
        ]

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]


def assert_page(response, status: int = 200) -> Page:
    """An HTML page of the desk with its status, CSP and language; every control
    labelled."""
    assert response.status_code == status, response.text[:2000]
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "Traceback" not in response.text
    page = Page(response.text)
    assert page.html_lang == "en"
    assert not page.unlabelled(), page.unlabelled()
    return page


def _make(tmp_path: Path, database_url: str | None = None, **settings: object) -> TestClient:
    url = database_url or f"sqlite:///{tmp_path / 'desk.db'}"
    return TestClient(create_app(Settings(database_url=url, **settings)))


def _ready(client: TestClient) -> TestClient:
    deadline = time.monotonic() + 180
    while client.get("/readyz").status_code != 200 and time.monotonic() < deadline:
        time.sleep(0.2)
    return client


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[TestClient]:
    """The desk with the models loaded, no keys, a SQLite archive."""
    with _make(tmp_path) as client:
        yield _ready(client)


def csrf(client: TestClient) -> str:
    """The session's CSRF token (a page visited first sets it)."""
    if not client.cookies.get("desk_csrf"):
        client.get("/key")
    return str(client.cookies.get("desk_csrf"))


def store(client: TestClient, text: str, **fields: str) -> str:
    """Store ``text`` through the desk's form; where it leads (the stored document's
    page, with a notice)."""
    response = client.post(
        "/documents",
        data={"text": text, "language": "auto", "csrf": csrf(client), **fields},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text[:2000]
    return str(response.headers["location"])


def baghirov_rows(page_html: str) -> list[str]:
    """The who-said-what rows whose speaker is Rasim Baghirov."""
    rows = re.findall(r'<tr data-quote="[^"]+">(.*?)</tr>', page_html, re.S)
    return [r for r in rows if re.search(r'class="who">\s*Rasim Baghirov', r)]


# --- the highlighter -------------------------------------------------------------------


class Balance(HTMLParser):
    """Checks that spans nest and collects the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag == "span", tag
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        assert tag == "span" and self.depth > 0
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize(
    "spans",
    [
        [(1, 5, 1), (3, 8, 2), (2, 9, 3)],  # overlapping, none nested
        [(0, 10, 0), (0, 10, 1), (0, 10, 2)],  # the same span three times
        [(2, 4, 3), (0, 10, 1), (4, 6, 3), (5, 7, 2)],  # touching and crossing
        [(0, 3, 2), (3, 6, 2), (6, 100, 1)],  # beyond the end
    ],
)
def test_spans_are_cut_into_well_formed_html_and_the_text_kept(spans: list) -> None:
    text = "a<b>&c'd\"e\nf"
    marks = [Mark(s, e, layer, f"c{i}", order=i) for i, (s, e, layer) in enumerate(spans)]
    checker = Balance()
    checker.feed(str(render(text, [m for m in marks if m.start < min(m.end, len(text))])))
    assert checker.depth == 0
    assert "".join(checker.text) == text


def test_a_quote_is_focusable_once_with_its_speaker_and_role_and_languages_are_marked() -> None:
    text = 'Rasim Bağırov: "Sözümüz <b>var</b>"\nИван сказал: «Да»'
    x = Extraction(
        language="az",
        text_length=len(text),
        extractor_version="test",
        entities=[
            Entity(
                id="e1",
                type="PERSON",
                name="Rasim Bağırov",
                key="person:rasim bagirov",
                mentions=[Span(start=0, end=13, text="Rasim Bağırov")],
            )
        ],
        quotes=[
            Quote(
                id="q1",
                text="Sözümüz <b>var</b>",
                start=16,
                end=34,
                kind="direct",
                speaker_mention=Span(start=0, end=13, text="Rasim Bağırov"),
                speaker="e1",
                confidence=0.9,
            )
        ],
        segments=[
            Segment(start=0, end=35, language="az", processed=True),
            Segment(start=36, end=len(text), language="ru", processed=True),
        ],
    )
    html = str(article(text, x).text)
    assert html.count('tabindex="0"') == 1 and 'id="quote-q1"' in html
    assert 'title="Rasim Bağırov"' in html and 'data-tip="Rasim Bağırov"' in html
    assert "&lt;b&gt;var&lt;/b&gt;" in html and "<b>" not in html
    assert '<span class="seg" lang="ru">Иван сказал: «Да»</span>' in html


# --- pages -----------------------------------------------------------------------------


@pytest.mark.model
def test_the_paste_page_lists_and_highlights_baghirovs_seven_quotes(
    desk: TestClient, seed_text: str
) -> None:
    form = assert_page(desk.get("/"))
    assert form.find("textarea", id="text") and form.find("select", id="language")
    options = [a.get("value") for t, a in form.elements if t == "option"]
    assert options[0] == "auto" and {"en", "ru", "az", "kk", "tr"} <= set(options)

    response = desk.post("/", data={"text": seed_text, "language": "auto"})
    page = assert_page(response)
    rows = baghirov_rows(response.text)
    assert len(rows) == 7
    assert all("Media Development Agency of Azerbaijan" in r for r in rows)
    quotes = page.find("span", tabindex="0")
    assert len(quotes) == 7 and all("hl-quote" in str(q["class"]) for q in quotes)
    assert all(str(q["title"]).startswith("Rasim Baghirov — Director") for q in quotes)
    # Speakers and cues are marked apart from the quotes; each language has its lang.
    assert 'class="hl-speaker"' in response.text and 'class="hl-cue"' in response.text
    assert page.find("div", class_="article", lang="en")
    assert page.find("span", class_="seg", lang="az") and page.find("span", class_="seg", lang="ru")
    assert page.find("td", class_="said", lang="ru") and page.find("td", class_="said", lang="az")
    # The store form carries the text back.
    assert page.find("input", type="hidden", name="text")
    assert page.find("form", action="/documents")


@pytest.mark.model
@pytest.mark.store
def test_store_search_entity_export_and_delete(
    tmp_path: Path, database_url: str, seed_text: str
) -> None:
    with _make(tmp_path, database_url, max_page_size=5) as desk:
        _ready(desk)
        location = store(
            desk, seed_text, title="Turkic states", source="Report", published_at="2025-11-27T11:02"
        )
        path = urlsplit(location).path
        shown = desk.get(location)
        page = assert_page(shown)
        assert "Stored in the archive" in shown.text and len(baghirov_rows(shown.text)) == 7
        assert len(page.find("span", tabindex="0")) == 7
        # The same text again (with a browser's CR LF line breaks): stored once.
        again = desk.post(
            "/documents",
            data={"text": seed_text.replace("\n", "\r\n"), "csrf": csrf(desk)},
            follow_redirects=False,
        )
        assert urlsplit(again.headers["location"]).path == path
        assert "notice=already" in again.headers["location"]

        listed = desk.get("/documents")
        assert_page(listed)
        assert "Turkic states" in listed.text and path in listed.text
        assert ">7<" in listed.text.replace(" ", "")
        assert path in desk.get("/documents", params={"source": "Report"}).text
        assert path not in desk.get("/documents", params={"until": "2025-11-26"}).text
        assert path in desk.get("/documents", params={"since": "2025-11-27"}).text

        # Five to a page here, newest first: the next page's link carries the cursor.
        found = desk.get("/search", params={"speaker": "Багиров"})
        results = assert_page(found)
        assert found.text.count('class="result"') == 5
        [next_link] = [a["href"] for a in results.find("a", rel="next")]
        assert parse_qs(urlsplit(str(next_link)).query)["speaker"] == ["Багиров"]
        second = desk.get(str(next_link))
        assert_page(second)
        assert second.text.count('class="result"') == 2 and 'rel="next"' not in second.text
        found_text = found.text + second.text
        assert "Director of the Department of International Relations" in found.text
        assert found_text.count(f'href="{path}"') == 7
        # The sentence around each quote, the quote marked in it.
        assert "Baghirov further emphasized that <mark>" in found_text
        everything = Page(found_text)
        assert everything.find("blockquote", lang="ru") and everything.find("blockquote", lang="az")
        csv_link = next(a["href"] for a in results.find("a") if "format=csv" in str(a.get("href")))
        assert parse_qs(urlsplit(str(csv_link)).query)["speaker"] == ["Багиров"]
        exported = desk.get(str(csv_link))
        assert exported.status_code == 200 and exported.text.count("Baghirov") >= 7
        assert (
            desk.get("/search", params={"q": "disinformation", "until": "2025-11-26"}).text.count(
                'class="result"'
            )
            == 0
        )

        entity_link = next(
            a["href"] for a in results.find("a") if str(a.get("href")).startswith("/entities/")
        )
        entity = desk.get(str(entity_link))
        page = assert_page(entity)
        for spelling in ("Rasim Baghirov", "Rasim Bağırov", "Расим Багиров"):
            assert spelling in entity.text
        assert (
            "Roles over time" in entity.text
            and "Media Development Agency of Azerbaijan" in entity.text
        )
        assert "2025-11: 7 quotes" in entity.text  # the chart's bar
        assert page.find("svg", role="img") and page.find("svg", role="group")
        org = next(
            a["href"]
            for t, a in page.elements
            if t == "a"
            and str(a.get("href")).startswith("/entities/")
            and a.get("href") != entity_link
        )
        assert_page(desk.get(str(org)))

        confirm = desk.get(path + "/delete")
        confirm_page = assert_page(confirm)
        assert confirm_page.find("form", method="post", action=path + "/delete")
        assert desk.get(path).status_code == 200  # asking deletes nothing
        deleted = desk.post(path + "/delete", data={"csrf": csrf(desk)}, follow_redirects=False)
        assert deleted.status_code == 303 and deleted.headers["location"].startswith(
            "/documents?deleted="
        )
        notice = desk.get(deleted.headers["location"])
        assert "was deleted" in notice.text and path not in notice.text
        assert_page(desk.get(path), 404)
        assert desk.get("/search", params={"speaker": "Багиров"}).text.count('class="result"') == 0


@pytest.mark.model
def test_html_in_articles_and_quotes_is_shown_escaped_on_every_page(desk: TestClient) -> None:
    pasted = desk.post("/", data={"text": INJECTION})
    assert_page(pasted)
    path = urlsplit(
        store(desk, INJECTION, title="<script>alert(3)</script>", source="<i>src</i>")
    ).path
    doc = desk.get(path)
    page = assert_page(doc)
    listed = desk.get("/documents")
    found = desk.get("/search", params={"q": "back"})
    assert found.text.count('class="result"') == 1
    entity = next(a["href"] for a in Page(found.text).find("a") if "/entities/" in str(a["href"]))
    pages = [pasted, doc, listed, found, desk.get(str(entity)), desk.get(path + "/delete")]
    for response in pages:
        assert_page(response)
        html = response.text
        assert "<script>alert" not in html and "<img" not in html and "<b>back" not in html
        assert "<i>src" not in html
        scripts = re.findall(r"<script[^>]*>", html)
        assert scripts == ['<script src="/static/desk.js" defer>'], scripts
        assert not re.search(
            r"\son[a-z]+=",
            html.replace("onerror=alert(2)", "").replace("onerror=window.__xss=1", ""),
        )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc.text
    assert (
        "&lt;b&gt;back&lt;/b&gt;" in doc.text
        and "&lt;img src=x onerror=window.__xss=1&gt;" in doc.text
    )
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in listed.text
    # The quote with HTML in it is one of the highlighted quotes.
    assert page.find("span", tabindex="0")


# --- errors ---------------------------------------------------------------------------


@pytest.fixture
def plain(tmp_path: Path) -> Iterator[TestClient]:
    """The desk without its models (for what fails before an extraction)."""
    app = create_app(
        Settings(database_url=f"sqlite:///{tmp_path / 'plain.db'}", max_text_chars=1000),
        load_models=False,
    )
    with TestClient(app) as client:
        yield client


@pytest.mark.parametrize(
    "method, path, data, status",
    [
        ("post", "/", {"text": "   "}, 422),
        ("post", "/", {"text": "word " * 300}, 413),
        ("post", "/", {"text": "Hello there.", "language": "xx"}, 422),
        ("post", "/", {"text": "nul \x00 byte"}, 422),
        ("get", "/search?since=yesterday", None, 422),
        ("get", "/search?until=2025-02-30", None, 422),
        ("get", "/search?cursor=garbage", None, 422),
        ("get", "/documents?since=31.12.2025", None, 422),
        ("get", "/documents?cursor=garbage", None, 422),
        ("get", "/documents/no-such-document", None, 404),
        ("get", "/documents/no-such-document/delete", None, 404),
        ("get", "/entities/999999", None, 404),
        ("get", f"/entities/{2**70}", None, 404),
        ("get", "/entities/not-a-number", None, 422),
        ("get", "/entities/lookup?key=person:nobody&name=Nobody", None, 404),
        ("get", "/documents/some/thing/else", None, 404),
        ("get", "/key/forget", None, 405),
    ],
)
def test_bad_input_is_a_friendly_html_page_with_its_status(
    plain: TestClient, method: str, path: str, data: dict | None, status: int
) -> None:
    response = plain.request(method, path, data=data)
    page = assert_page(response, status)
    assert page.find("p", class_="alert error", role="alert")


def test_a_form_over_the_body_limit_is_an_html_413(plain: TestClient) -> None:
    # (The limit of a page with an article is one text's: 6 bytes a character and 64 KiB.)
    big = {"text": "x" * 80_000, "csrf": csrf(plain)}
    for path in ("/", "/documents", "/key"):
        assert_page(plain.post(path, data=big), 413)
    # The JSON API keeps its own error shape.
    api = plain.post("/v1/quotes", json={"x": "y" * 80_000})
    assert api.status_code == 413 and api.json()["error"]["code"] == "request_too_large"


def test_the_json_api_keeps_its_error_shape(plain: TestClient) -> None:
    for path in ("/v1/documents/none", "/v1/entities/999"):
        response = plain.get(path)
        assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_a_form_that_is_not_urlencoded_is_refused(plain: TestClient) -> None:
    response = plain.post(
        "/", content=b'{"text": "x"}', headers={"content-type": "application/json"}
    )
    assert_page(response, 415)
    bad = plain.post(
        "/", content=b"text=%FF%FE", headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert_page(bad, 400)


def test_static_files_the_schema_and_the_docs_assets(plain: TestClient) -> None:
    for name in ("desk.css", "desk.js", "favicon.svg"):
        assert plain.get(f"/static/{name}").status_code == 200
    paths = plain.get("/openapi.json").json()["paths"]
    assert all(p.startswith("/v1/") or p in ("/healthz", "/readyz", "/metrics") for p in paths)
    # The desk's /static leaves /static/docs to the API docs' assets.
    assert plain.get("/static/docs/swagger-ui.css").status_code == 200


# --- key and CSRF ---------------------------------------------------------------------


def test_writes_need_the_key_which_lives_in_a_strict_session_cookie(tmp_path: Path) -> None:
    app = create_app(
        Settings(database_url=f"sqlite:///{tmp_path / 'k.db'}", api_keys=[KEY]), load_models=False
    )
    with TestClient(app) as client:
        assert_page(client.get("/"))  # reads stay open
        asked = client.post(
            "/documents",
            data={"text": "Some article.", "title": "T", "csrf": csrf(client)},
            follow_redirects=False,
        )
        page = assert_page(asked, 401)
        # The form asks for the key and carries the article on.
        hidden = {a["name"]: a["value"] for a in page.find("input", type="hidden")}
        assert hidden["text"] == "Some article." and hidden["title"] == "T"
        assert page.find("input", type="password", name="key")

        # A key typed into that form gets the write past the key check.
        typed = client.post(
            "/documents/no-such-document/delete", data={"csrf": csrf(client), "key": KEY}
        )
        assert_page(typed, 404)
        assert_page(
            client.post("/documents/no-such-document/delete", data={"csrf": csrf(client)}), 401
        )

        wrong = client.post("/key", data={"key": "nope", "csrf": csrf(client), "next": "/search"})
        assert_page(wrong, 401)
        assert "desk_key" not in client.cookies

        kept = client.post(
            "/key",
            data={"key": KEY, "csrf": csrf(client), "next": "/search?speaker=x"},
            follow_redirects=False,
        )
        assert kept.status_code == 303 and kept.headers["location"] == "/search?speaker=x"
        cookie = kept.headers["set-cookie"]
        assert cookie.startswith("desk_key=") and KEY not in cookie
        for flag in ("HttpOnly", "SameSite=strict", "Path=/"):
            assert flag.lower() in cookie.lower()
        assert "expires" not in cookie.lower() and "max-age" not in cookie.lower()
        assert "Forget key" in client.get("/").text

        # Off-site "next" targets are not followed.
        for target in ("https://evil.example/", "//evil.example", "/\\evil.example"):
            away = client.post(
                "/key",
                data={"key": KEY, "csrf": csrf(client), "next": target},
                follow_redirects=False,
            )
            assert away.headers["location"] == "/"

        forgotten = client.post("/key/forget", data={"csrf": csrf(client)}, follow_redirects=False)
        assert forgotten.status_code == 303 and "desk_key" not in client.cookies


def test_protected_reads_send_the_pages_to_the_key_form(tmp_path: Path) -> None:
    app = create_app(
        Settings(database_url=f"sqlite:///{tmp_path / 'p.db'}", api_keys=[KEY], protect_reads=True),
        load_models=False,
    )
    with TestClient(app) as client:
        for path in ("/", "/search?speaker=Bagirov", "/documents", "/entities/1"):
            response = client.get(path, follow_redirects=False)
            assert response.status_code == 303, path
            target = urlsplit(response.headers["location"])
            assert target.path == "/key" and parse_qs(target.query)["next"] == [path]
        assert_page(client.get("/key"))
        client.post("/key", data={"key": KEY, "csrf": csrf(client)})
        assert_page(client.get("/search?speaker=Bagirov"))
        assert client.get("/v1/quotes").status_code == 401  # the API still wants its header


def test_state_changes_need_the_csrf_token_and_this_origin(tmp_path: Path) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'c.db'}"), load_models=False)
    with TestClient(app) as client:
        token = csrf(client)
        cases = [
            ({"text": "x"}, {}),  # no token in the form
            ({"text": "x", "csrf": "forged" * 5}, {}),  # another token
            ({"text": "x", "csrf": token}, {"origin": "https://evil.example"}),
            ({"text": "x", "csrf": token}, {"origin": "null"}),
        ]
        for data, headers in cases:
            for path in ("/documents", "/documents/some-id/delete", "/key/forget"):
                assert_page(client.post(path, data=data, headers=headers), 403)
        client.cookies.clear()  # a request from another site carries no SameSite=Strict cookie
        assert_page(client.post("/documents", data={"text": "x", "csrf": token}), 403)
        assert_page(
            client.post("/", data={"text": "x"}, headers={"origin": "https://evil.example"}), 403
        )
