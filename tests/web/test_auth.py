"""API keys as a bearer security scheme: declared in the OpenAPI document on exactly
the operations that may need a key, and checked before the request is validated."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from extractor.settings import Settings
from extractor.web import create_app

KEY = "test-key-123"
# (method, path) of every operation that may need a key: writes when keys are set,
# reads too when reads are protected.
WRITES = {("post", "/v1/documents")}
READS = {
    ("get", "/v1/documents/{doc_id}"),
    ("get", "/v1/quotes"),
    ("get", "/v1/entities"),
    ("get", "/v1/entities/{entity_id}"),
    ("get", "/v1/graph"),
}


def _client(tmp_path: Path, **settings: object) -> TestClient:
    app = create_app(
        Settings(database_url=f"sqlite:///{tmp_path / 'a.db'}", **settings), load_models=False
    )
    return TestClient(app)


def test_openapi_declares_the_bearer_scheme_where_a_key_may_be_needed(tmp_path: Path) -> None:
    with _client(tmp_path, api_keys=[KEY]) as client:
        spec = client.get("/openapi.json").json()
    [(name, scheme)] = spec["components"]["securitySchemes"].items()
    assert scheme["type"] == "http" and scheme["scheme"] == "bearer"
    secured = {
        (method, path)
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if {name: []} in operation.get("security", [])
    }
    assert secured == WRITES | READS
    for method, path in secured:
        assert "401" in spec["paths"][path][method]["responses"]


@pytest.mark.parametrize(
    "request_args",
    [
        {"method": "POST", "url": "/v1/documents", "json": {"text": 5}},
        {"method": "GET", "url": "/v1/quotes", "params": {"since": "yesterday"}},
        {"method": "GET", "url": "/v1/entities/not-a-number"},
        {"method": "GET", "url": "/v1/graph"},
    ],
)
def test_the_key_is_checked_before_the_request_is_validated(
    tmp_path: Path, request_args: dict
) -> None:
    with _client(tmp_path, api_keys=[KEY], protect_reads=True) as client:
        response = client.request(**request_args)
        assert response.status_code == 401, response.text
        assert response.json()["error"]["code"] == "unauthorized"
        with_key = client.request(**request_args, headers={"Authorization": f"Bearer {KEY}"})
        assert with_key.status_code == 422, with_key.text


@pytest.mark.parametrize(
    "header", [None, "Bearer nope", f"Basic {KEY}", f"Bearer{KEY}", "Bearer ", f"bearer {KEY}x"]
)
def test_a_missing_or_wrong_key_is_refused(tmp_path: Path, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    with _client(tmp_path, api_keys=[KEY]) as client:
        response = client.post("/v1/documents", json={"text": "Hello."}, headers=headers)
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


@pytest.mark.parametrize("header", [f"Bearer {KEY}", f"bearer   {KEY}  ", f"BEARER {KEY}"])
def test_the_key_is_read_as_a_bearer_token(tmp_path: Path, header: str) -> None:
    with _client(tmp_path, api_keys=[KEY], protect_reads=True) as client:
        response = client.get("/v1/quotes", headers={"Authorization": header})
    assert response.status_code == 200, response.text


def test_without_keys_nothing_needs_one(tmp_path: Path) -> None:
    with _client(tmp_path, protect_reads=True) as client:
        assert client.get("/v1/quotes").status_code == 200
        assert client.get("/v1/entities").status_code == 200
