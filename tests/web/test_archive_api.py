"""The archive over HTTP: ingest, queries, entities, graph, API keys, limits."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from extractor.settings import Settings
from extractor.web import create_app

pytestmark = [pytest.mark.model, pytest.mark.store]

KEY = "test-key-123"
ARTICLE = {
    "id": "report-1",
    "text": (
        "Rasim Baghirov, Director of the Department of International Relations at the Media "
        "Development Agency of Azerbaijan, said that the fight against disinformation needs "
        "joint steps.\n\nRasim Bağırov bildirib ki, əməkdaşlıq davam edir."
    ),
    "url": "https://example.org/report-1",
    "title": "Joint steps",
    "published_at": "2026-05-27T09:00:00Z",
    "source": "example",
}


def _client(tmp_path: Path, **settings: object) -> TestClient:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'a.db'}", **settings))
    return TestClient(app)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with _client(tmp_path, api_keys=[KEY], max_page_size=5) as c:
        deadline = time.monotonic() + 120
        while c.get("/readyz").status_code != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
        yield c


def _auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {KEY}"}


def test_ingest_then_query(client: TestClient) -> None:
    created = client.post("/v1/documents", json=ARTICLE, headers=_auth())
    assert created.status_code == 201, created.text
    assert created.json()["created"] is True
    again = client.post("/v1/documents", json={**ARTICLE, "id": "x"}, headers=_auth())
    assert again.status_code == 200 and again.json()["id"] == "report-1"

    quotes = client.get("/v1/quotes", params={"speaker": "Багиров"}).json()
    assert len(quotes["items"]) == 2
    first = quotes["items"][0]
    assert first["document_id"] == "report-1" and first["speaker"]["name"] == "Rasim Baghirov"
    assert first["speaker"]["roles"][0]["organization"] == "Media Development Agency of Azerbaijan"
    assert first["published_at"].startswith("2026-05-27")
    assert client.get("/v1/quotes", params={"q": "disinformation"}).json()["items"]
    assert not client.get("/v1/quotes", params={"until": "2026-01-01T00:00:00Z"}).json()["items"]

    doc = client.get("/v1/documents/report-1").json()
    assert doc["text"] == ARTICLE["text"] and doc["extraction"]["quotes"]

    people = client.get("/v1/entities", params={"type": "PERSON", "q": "Bagirov"}).json()
    [person] = people["items"]
    entity = client.get(f"/v1/entities/{person['id']}").json()
    assert "Rasim Bağırov" in entity["aliases"] and entity["quotes"]

    hood = client.get("/v1/graph", params={"entity": person["id"]}).json()
    assert hood["nodes"] and hood["edges"]
    graphml = client.get("/v1/graph", params={"entity": person["id"], "format": "graphml"})
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    import io

    assert nx.read_graphml(io.BytesIO(graphml.content)).number_of_nodes() >= 2
    jsonld = client.get(
        "/v1/graph", params={"entity": person["id"]}, headers={"Accept": "application/ld+json"}
    )
    assert any(n["@type"] == "Person" for n in jsonld.json()["@graph"])


def test_writes_need_a_key(client: TestClient) -> None:
    response = client.post("/v1/documents", json=ARTICLE)
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
    wrong = client.post("/v1/documents", json=ARTICLE, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert client.get("/v1/quotes").status_code == 200  # reads are open by default


def test_reads_can_be_protected(tmp_path: Path) -> None:
    with _client(tmp_path, api_keys=[KEY], protect_reads=True) as c:
        assert c.get("/v1/quotes").status_code == 401
        assert c.get("/v1/quotes", headers=_auth()).status_code == 200


@pytest.mark.parametrize(
    "path, params, status, code",
    [
        ("/v1/quotes", {"limit": 6}, 422, "invalid_input"),  # over max_page_size
        ("/v1/quotes", {"cursor": "garbage"}, 422, "invalid_input"),
        ("/v1/quotes", {"since": "yesterday"}, 422, "invalid_request"),
        ("/v1/entities", {"type": "PLANET"}, 422, "invalid_input"),
        ("/v1/entities/999", {}, 404, "not_found"),
        ("/v1/documents/none", {}, 404, "not_found"),
        ("/v1/graph", {"entity": 999}, 404, "not_found"),
    ],
)
def test_clear_errors(client: TestClient, path: str, params: dict, status: int, code: str) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code


def test_empty_document_is_a_clear_error(client: TestClient) -> None:
    response = client.post("/v1/documents", json={"text": "  "}, headers=_auth())
    assert response.status_code == 422 and response.json()["error"]["code"] == "empty_text"


def test_unavailable_store_is_a_clear_error() -> None:
    app = create_app(Settings(database_url="sqlite:////nonexistent-folder/a.db"), load_models=False)
    with TestClient(app) as c:
        response = c.get("/v1/quotes")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "store_unavailable"


def test_a_statement_over_http(client: TestClient) -> None:
    english = {
        "id": "en-1",
        "text": "Foreign Minister Jeyhun Bayramov said that Azerbaijan will open three new "
        "embassies in Africa next year.",
        "published_at": "2025-05-02T09:00:00Z",
        "source": "Report",
    }
    russian = {
        "id": "ru-1",
        "text": "Министр иностранных дел Джейхун Байрамов заявил, что Азербайджан откроет "
        "три новых посольства в Африке в следующем году.",
        "published_at": "2025-05-03T09:00:00+04:00",
        "source": "Trend",
    }
    for doc in (russian, english):
        assert client.post("/v1/documents", json=doc, headers=_auth()).status_code == 201
    items = client.get("/v1/quotes").json()["items"]
    assert len({q["statement_id"] for q in items}) == 1
    statement_id = items[0]["statement_id"]
    statement = client.get(f"/v1/statements/{statement_id}").json()
    assert [v["document_id"] for v in statement["versions"]] == ["en-1", "ru-1"]
    assert statement["first"]["document"]["published_at"] == "2025-05-02T09:00:00+00:00"
    assert statement["languages"] == ["en", "ru"] and statement["sources"] == ["Report", "Trend"]
    by_filter = client.get("/v1/quotes", params={"statement": statement_id}).json()["items"]
    assert {q["document_id"] for q in by_filter} == {"en-1", "ru-1"}
    missing = client.get(f"/v1/statements/{statement_id + 1000}")
    assert missing.status_code == 404 and missing.json()["error"]["code"]
    assert client.get("/v1/statements/abc").status_code == 422


def test_a_statement_filter_beyond_any_id_finds_nothing(client: TestClient) -> None:
    assert client.post("/v1/documents", json=ARTICLE, headers=_auth()).status_code == 201
    for value in ("-3", "0", "3000000000", str(2**70)):
        answer = client.get("/v1/quotes", params={"statement": value})
        assert answer.status_code == 200 and answer.json()["items"] == [], value
