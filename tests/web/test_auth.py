"""API keys as a bearer security scheme: declared in the OpenAPI document on exactly
the operations that may need a key, and checked before the request is validated."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from extractor.settings import Settings
from extractor.web import create_app

KEY = "test-key-123"
# (method, path) of every operation that may need a key: writes when keys are set,
# reads and extraction too when reads are protected.
WRITES = {("post", "/v1/documents"), ("delete", "/v1/documents/{doc_id}")}
READS = {
    ("post", "/v1/extract"),
    ("post", "/v1/extract/batch"),
    ("get", "/v1/documents"),
    ("get", "/v1/documents/{doc_id}"),
    ("get", "/v1/quotes"),
    ("get", "/v1/entities"),
    ("get", "/v1/entities/{entity_id}"),
    ("get", "/v1/entities/{entity_id}/timeline"),
    ("get", "/v1/graph"),
    ("get", "/v1/statements/{statement_id}"),
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
        {"method": "POST", "url": "/v1/extract", "json": {"text": 5}},
        {"method": "POST", "url": "/v1/extract/batch", "json": {"documents": []}},
        {"method": "GET", "url": "/v1/quotes", "params": {"since": "yesterday"}},
        {"method": "GET", "url": "/v1/quotes", "params": {"format": "xml"}},
        {"method": "GET", "url": "/v1/documents", "params": {"until": "tomorrow"}},
        {"method": "GET", "url": "/v1/entities/not-a-number"},
        {"method": "GET", "url": "/v1/entities/not-a-number/timeline"},
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


@pytest.mark.parametrize(
    "request_args",
    [
        {"method": "POST", "url": "/v1/extract", "json": {"text": "Hello."}},
        {"method": "POST", "url": "/v1/extract/batch", "json": {"documents": [{"text": "Hi."}]}},
    ],
)
def test_protected_reads_cover_extraction(tmp_path: Path, request_args: dict) -> None:
    with _client(tmp_path, api_keys=[KEY], protect_reads=True) as client:
        response = client.request(**request_args)
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


@pytest.mark.parametrize("key", ["ключ-секрет", "clé"])
def test_non_ascii_keys_compare_as_bytes(tmp_path: Path, key: str) -> None:
    raw = f"Bearer {key}".encode()
    with _client(tmp_path, api_keys=[key], protect_reads=True) as client:
        right = client.get("/v1/quotes", headers=[(b"authorization", raw)])
        wrong = client.get("/v1/quotes", headers=[(b"authorization", "Bearer ключ".encode())])
        latin = client.get("/v1/quotes", headers=[(b"authorization", b"Bearer \xff\xfe")])
    assert right.status_code == 200, right.text
    assert wrong.status_code == 401 and latin.status_code == 401


@pytest.mark.parametrize(
    "raw, keys",
    [
        ("k1", ["k1"]),
        ("k1, k2 ,k3", ["k1", "k2", "k3"]),
        ('["k1", "k2"]', ["k1", "k2"]),
        ('["a,b"]', ["a,b"]),
        ("", []),
    ],
)
def test_keys_from_the_environment_as_a_comma_list_or_json(
    monkeypatch: pytest.MonkeyPatch, raw: str, keys: list[str]
) -> None:
    monkeypatch.setenv("EXTRACTOR_API_KEYS", raw)
    assert Settings().api_keys == keys


def test_a_malformed_key_list_is_a_clear_startup_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("EXTRACTOR_API_KEYS", '["k1"')
    from extractor.cli import main
    from extractor.settings import get_settings

    get_settings.cache_clear()
    try:
        with pytest.raises(SystemExit) as exited:
            sys.exit(main(["serve", "--port", "1"]))
    finally:
        get_settings.cache_clear()
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "EXTRACTOR_API_KEYS" in error and "Traceback" not in error


@pytest.mark.parametrize("url", ["/v1/documents", "/v1/extract"])
def test_the_key_is_checked_before_the_body_is_read(tmp_path: Path, url: str) -> None:
    headers = {"content-type": "application/json"}
    with _client(tmp_path, api_keys=[KEY], protect_reads=True) as client:
        response = client.post(url, content=b'{"text": "unterminated', headers=headers)
        with_key = client.post(
            url,
            content=b'{"text": "unterminated',
            headers={**headers, "Authorization": f"Bearer {KEY}"},
        )
    assert response.status_code == 401, response.text
    assert with_key.status_code == 400 and with_key.json()["error"]["code"] == "malformed_json"
