"""The JSON (and CSV) API of the newsroom desk, on SQLite and PostgreSQL (see
``database_url``): documents newest first, deleting one, quotes as CSV and with the
role at the time, the document and the sentence around them, timelines. The archive
is filled by the store (no models needed); the app reads it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import pytest
from fastapi.testclient import TestClient

from extractor.archive.export import COLUMNS
from extractor.archive.store import Store, open_store
from extractor.settings import Settings
from extractor.web import create_app
from tests.archive.reports import report
from tests.helpers import assert_error

pytestmark = pytest.mark.store

KEY = "desk-key-123"
AUTH = {"Authorization": f"Bearer {KEY}"}
# (published_at, id, person, organization, statement, title)
DOCS = [
    (
        "2026-01-05T09:00:00+00:00",
        "jan",
        "Anna Berg",
        "Nordic Press Agency",
        "the plan works",
        None,
    ),
    (
        "2026-02-10T09:00:00+03:00",
        "feb",
        "Omar Haddad",
        "Nordic Press Agency",
        "=1+2 works",
        "=SUM(A1)",
    ),
    (
        "2026-03-15T09:00:00+00:00",
        "mar",
        "Anna Berg",
        "Harbour Media Board",
        "-5 is the loss",
        "@home",
    ),
    (
        "2026-04-20T09:00:00+00:00",
        "apr",
        "Lena Novak",
        "Harbour Media Board",
        "\ttabs stay",
        "+news",
    ),
]


@pytest.fixture
def archive(database_url: str) -> Store:
    store = open_store(database_url)
    for when, doc_id, person, organization, statement, title in DOCS:
        store.add(
            *report(person, organization, statement),
            doc_id=doc_id,
            published_at=datetime.fromisoformat(when),
            title=title or f"About {doc_id}",
            url=f"https://example.org/{doc_id}",
            source="wire" if doc_id in {"jan", "mar"} else "daily",
        )
    return store


def _app(database_url: str, **settings: Any) -> TestClient:
    return TestClient(
        create_app(Settings(database_url=database_url, **settings), load_models=False)
    )


@pytest.fixture
def client(database_url: str, archive: Store) -> Iterator[TestClient]:
    with _app(database_url, api_keys=[KEY], max_page_size=5, max_export_rows=3) as c:
        yield c


def _entity_id(client: TestClient, kind: str, name: str, **headers: str) -> int:
    found = client.get("/v1/entities", params={"type": kind, "q": name}, headers=headers)
    [entity] = found.json()["items"]
    return int(entity["id"])


# --- GET /v1/documents -------------------------------------------------------------------


def test_documents_newest_first_in_pages(client: TestClient) -> None:
    first = client.get("/v1/documents", params={"limit": 3})
    assert first.status_code == 200, first.text
    body = first.json()
    assert set(body) == {"items", "next_cursor"}
    assert [d["id"] for d in body["items"]] == ["apr", "mar", "feb"]
    feb = body["items"][2]
    assert feb == {
        "id": "feb",
        "title": "=SUM(A1)",
        "url": "https://example.org/feb",
        "source": "daily",
        "published_at": "2026-02-10T09:00:00+03:00",
        "language": "en",
        "status": "ok",
        "stored_at": feb["stored_at"],
        "quote_count": 1,
    }
    rest = client.get("/v1/documents", params={"limit": 3, "cursor": body["next_cursor"]})
    assert [d["id"] for d in rest.json()["items"]] == ["jan"]
    assert rest.json()["next_cursor"] is None


@pytest.mark.parametrize(
    "params, ids",
    [
        ({"source": "wire"}, ["mar", "jan"]),
        ({"language": "en", "source": "daily"}, ["apr", "feb"]),
        ({"since": "2026-02-10T06:00:00Z"}, ["apr", "mar", "feb"]),
        ({"until": "2026-02-10T06:00:00Z"}, ["jan"]),
        ({"since": "2026-02-01T00:00:00+05:00", "until": "2026-04-01"}, ["mar", "feb"]),
    ],
)
def test_documents_filters(client: TestClient, params: dict, ids: list[str]) -> None:
    assert [d["id"] for d in client.get("/v1/documents", params=params).json()["items"]] == ids


@pytest.mark.parametrize(
    "params, status, code",
    [
        ({"cursor": "garbage"}, 422, "invalid_input"),
        ({"limit": 6}, 422, "invalid_input"),
        ({"limit": 0}, 422, "invalid_input"),
        ({"since": "yesterday"}, 422, "invalid_request"),
        ({"until": "0001-01-01T00:00:00+05:00"}, 422, "invalid_input"),
        ({"source": "wire\x00"}, 422, "invalid_input"),
    ],
)
def test_documents_clear_errors(client: TestClient, params: dict, status: int, code: str) -> None:
    assert_error(client.get("/v1/documents", params=params), status, code)


def test_desk_reads_can_be_protected(database_url: str, archive: Store) -> None:
    with _app(database_url, api_keys=[KEY], protect_reads=True) as c:
        person = _entity_id(c, "PERSON", "Anna Berg", **AUTH)
        for path, params in (
            ("/v1/documents", {}),
            ("/v1/quotes", {"format": "csv"}),
            (f"/v1/entities/{person}/timeline", {}),
        ):
            assert_error(c.get(path, params=params), 401, "unauthorized")
            assert c.get(path, params=params, headers=AUTH).status_code == 200


# --- DELETE /v1/documents/{id} ---------------------------------------------------------


def test_delete_needs_the_write_key(client: TestClient) -> None:
    assert_error(client.delete("/v1/documents/jan"), 401, "unauthorized")
    wrong = client.delete("/v1/documents/jan", headers={"Authorization": "Bearer nope"})
    assert_error(wrong, 401, "unauthorized")
    assert client.get("/v1/documents/jan").status_code == 200  # still there


def test_delete_a_document_and_the_entities_only_it_named(client: TestClient) -> None:
    # Lena Novak is named by "apr" only; Harbour Media Board by "mar" too.
    lena = _entity_id(client, "PERSON", "Lena Novak")
    board = _entity_id(client, "ORGANIZATION", "Harbour Media Board")

    deleted = client.delete("/v1/documents/apr", headers=AUTH)
    assert deleted.status_code == 200, deleted.text
    assert deleted.json() == {"id": "apr", "deleted": True}

    assert_error(client.get("/v1/documents/apr"), 404, "not_found")
    assert_error(client.get(f"/v1/entities/{lena}"), 404, "not_found")
    assert client.get("/v1/entities", params={"q": "Lena Novak"}).json()["items"] == []
    assert client.get(f"/v1/entities/{board}").json()["documents"] == 1
    quotes = client.get("/v1/quotes", params={"organization": "Harbour Media Board"}).json()
    assert [q["document_id"] for q in quotes["items"]] == ["mar", "jan"]  # Anna's
    assert "apr" not in {d["id"] for d in client.get("/v1/documents").json()["items"]}

    assert_error(client.delete("/v1/documents/apr", headers=AUTH), 404, "not_found")
    assert_error(client.delete("/v1/documents/none", headers=AUTH), 404, "not_found")


def test_delete_is_documented(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/v1/documents/{doc_id}"]["delete"]
    assert {"200", "401", "404"} <= set(operation["responses"])
    assert operation["security"] == [{"apiKey": []}]
    assert '"deleted": true' in operation["description"]


# --- GET /v1/quotes: the desk's fields, CSV --------------------------------------------------


def test_quotes_carry_the_role_at_the_time_the_document_and_the_context(
    client: TestClient,
) -> None:
    items = client.get("/v1/quotes", params={"speaker": "Anna Berg"}).json()["items"]
    assert [q["document_id"] for q in items] == ["mar", "jan"]
    mar = items[0]
    assert mar["role"]["title"] == "director"
    assert mar["role"]["organization"] == "Harbour Media Board"
    assert mar["document"] == {
        "id": "mar",
        "title": "@home",
        "url": "https://example.org/mar",
        "published_at": "2026-03-15T09:00:00+00:00",
    }
    assert mar["context"] == (
        "Anna Berg, director of the Harbour Media Board, said that -5 is the loss."
    )
    # The fields that were there before are still there.
    assert {"id", "text", "kind", "start", "end", "cue", "speaker", "speaker_mention"} <= set(mar)
    assert mar["speaker"]["name"] == "Anna Berg" and len(mar["speaker"]["roles"]) == 2


def test_quotes_of_an_entity(client: TestClient) -> None:
    board = _entity_id(client, "ORGANIZATION", "Harbour Media Board")
    items = client.get("/v1/quotes", params={"entity": board}).json()["items"]
    # Lena's and Anna's (who held a post there), Anna's earlier one too.
    assert [q["document_id"] for q in items] == ["apr", "mar", "jan"]
    assert_error(client.get("/v1/quotes", params={"entity": 999}), 404, "not_found")


def _rows(response: Any) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert "charset=utf-8" in response.headers["content-type"]
    assert response.content.count(b"\r\n") >= 1  # RFC 4180 line ends
    reader = csv.DictReader(io.StringIO(response.content.decode("utf-8"), newline=""))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def _unescaped(cell: str) -> str:
    return cell[1:] if cell[:2] in {"'=", "'+", "'-", "'@", "'\t"} else cell


def test_quotes_as_csv_match_the_json(client: TestClient) -> None:
    params = {"organization": "Nordic Press Agency"}
    items = client.get("/v1/quotes", params=params).json()["items"]
    rows = _rows(client.get("/v1/quotes", params={**params, "format": "csv"}))
    assert len(rows) == len(items) == 3
    for row, item in zip(rows, items, strict=True):
        role = item["role"] or {}
        assert row["id"] == str(item["id"])
        assert row["published_at"] == item["published_at"]
        assert row["speaker"] == item["speaker"]["name"]
        assert row["speaker_id"] == str(item["speaker"]["id"])
        assert row["speaker_mention"] == item["speaker_mention"]
        assert row["title"] == role["title"] and row["organization"] == role["organization"]
        assert row["country"] == (role["country"] or "")
        assert _unescaped(row["quote"]) == item["text"]
        assert row["kind"] == item["kind"] and row["language"] == item["language"]
        assert float(row["confidence"]) == item["confidence"]
        assert row["document_id"] == item["document"]["id"] == item["document_id"]
        assert _unescaped(row["document_title"]) == item["document"]["title"]
        assert row["url"] == item["document"]["url"]
        assert row["context"] == item["context"]


def test_csv_cells_a_spreadsheet_would_run_are_inert(client: TestClient) -> None:
    rows = {r["document_id"]: r for r in _rows(client.get("/v1/quotes?format=csv&limit=3"))}
    assert rows["feb"]["quote"] == "'=1+2 works"
    assert rows["feb"]["document_title"] == "'=SUM(A1)"
    assert rows["mar"]["quote"] == "'-5 is the loss"
    assert rows["mar"]["document_title"] == "'@home"
    assert rows["apr"]["quote"] == "'\ttabs stay"
    assert rows["apr"]["document_title"] == "'+news"
    # (the context, which does not start with the quote, is left as it is)
    assert rows["feb"]["context"].startswith("Omar Haddad")


def test_csv_pages_follow_the_next_cursor(client: TestClient) -> None:
    everything = [q["id"] for q in client.get("/v1/quotes").json()["items"]]
    first = client.get("/v1/quotes", params={"format": "csv", "limit": 2})
    assert [int(r["id"]) for r in _rows(first)] == everything[:2]
    cursor = first.headers["X-Next-Cursor"]
    assert first.headers["Link"].endswith('>; rel="next"') and cursor in first.headers["Link"]
    following = first.headers["Link"][1 : first.headers["Link"].index(">")]
    rest = client.get(following)
    assert [int(r["id"]) for r in _rows(rest)] == everything[2:]
    assert "X-Next-Cursor" not in rest.headers and "Link" not in rest.headers
    # By default a CSV page holds max_export_rows (3 here): more than a JSON page may.
    default = client.get("/v1/quotes", params={"format": "csv"})
    assert len(_rows(default)) == 3 and "X-Next-Cursor" in default.headers
    assert_error(
        client.get("/v1/quotes", params={"format": "csv", "limit": 4}), 422, "invalid_input"
    )


@pytest.mark.parametrize(
    "accept, csv_answer",
    [
        ("text/csv", True),
        ("text/csv;q=0.9, application/json;q=0.5", True),
        ("text/*", True),
        ("application/json, text/csv", False),
        ("application/json;q=0.4, text/csv;q=0.3", False),
        ("text/html,application/xhtml+xml,*/*;q=0.8", False),
        ("*/*", False),
        ("text/csv;q=nan", False),
    ],
)
def test_csv_by_the_accept_header(client: TestClient, accept: str, csv_answer: bool) -> None:
    response = client.get("/v1/quotes", headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv") is csv_answer
    if not csv_answer:
        assert set(response.json()) == {"items", "next_cursor"}


def test_quote_formats(client: TestClient) -> None:
    default = client.get("/v1/quotes").json()
    assert client.get("/v1/quotes", params={"format": "json"}).json() == default
    as_json = client.get("/v1/quotes", params={"format": "json"}, headers={"Accept": "text/csv"})
    assert as_json.json() == default
    for fmt in ("xml", "", "csv2"):
        error = assert_error(client.get("/v1/quotes", params={"format": fmt}), 422, "invalid_input")
        assert error["details"]["known"] == ["json", "csv"]


def test_csv_of_no_quotes_is_its_header(client: TestClient) -> None:
    rows = _rows(client.get("/v1/quotes", params={"format": "csv", "speaker": "Nobody Here"}))
    assert rows == []


# --- GET /v1/entities/{id}/timeline --------------------------------------------------------


def test_timeline(client: TestClient) -> None:
    anna = _entity_id(client, "PERSON", "Anna Berg")
    response = client.get(f"/v1/entities/{anna}/timeline")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["months"] == [{"month": "2026-01", "quotes": 1}, {"month": "2026-03", "quotes": 1}]
    assert (body["name"], body["type"], body["quotes"], body["documents"]) == (
        "Anna Berg",
        "PERSON",
        2,
        2,
    )
    assert body["first_seen"] == "2026-01-05T09:00:00+00:00"
    assert body["last_seen"] == "2026-03-15T09:00:00+00:00"
    assert [(r["organization"], r["first_seen"], r["last_seen"]) for r in body["roles"]] == [
        ("Nordic Press Agency", "2026-01-05T09:00:00+00:00", "2026-01-05T09:00:00+00:00"),
        ("Harbour Media Board", "2026-03-15T09:00:00+00:00", "2026-03-15T09:00:00+00:00"),
    ]

    agency = _entity_id(client, "ORGANIZATION", "Nordic Press Agency")
    months = client.get(f"/v1/entities/{agency}/timeline").json()["months"]
    # Anna's and Omar's (06:00 on 10 February in UTC), and Anna's at the other board.
    assert months == [
        {"month": "2026-01", "quotes": 1},
        {"month": "2026-02", "quotes": 1},
        {"month": "2026-03", "quotes": 1},
    ]


@pytest.mark.parametrize(
    "path, status, code",
    [
        ("/v1/entities/999/timeline", 404, "not_found"),
        ("/v1/entities/0/timeline", 404, "not_found"),
        (f"/v1/entities/{2**70}/timeline", 404, "not_found"),
        ("/v1/entities/abc/timeline", 422, "invalid_request"),
    ],
)
def test_timeline_errors(client: TestClient, path: str, status: int, code: str) -> None:
    assert_error(client.get(path), status, code)


def test_documents_published_without_an_offset_read_back_in_utc(
    database_url: str, archive: Store
) -> None:
    archive.add(
        *report("Omar Haddad", "Nordic Press Agency", "late news"),
        doc_id="naive",
        published_at=datetime(2026, 5, 1, 12, 0),
    )
    with _app(database_url) as c:
        [first] = c.get("/v1/documents", params={"limit": 1}).json()["items"]
    assert first["id"] == "naive"
    assert datetime.fromisoformat(first["published_at"]) == datetime(
        2026, 5, 1, 12, tzinfo=timezone.utc
    )
