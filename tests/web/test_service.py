"""The HTTP API: TestClient for behaviour, one real uvicorn process on localhost."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from extractor.settings import Settings
from extractor.web import create_app

from ..helpers import assert_error

ROOT = Path(__file__).resolve().parents[2]
TEXT = '"We will not back down," said Sen. Elizabeth Warren.'


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app = create_app(Settings(max_text_chars=2000, max_batch_size=3))
    with TestClient(app) as c:
        deadline = time.monotonic() + 120
        while c.get("/readyz").status_code != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
        yield c


def test_health_and_ready(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["ready"] is True


def test_readyz_is_false_before_models_load() -> None:
    app = create_app(Settings(), load_models=False)
    with TestClient(app) as c:
        assert c.get("/readyz").status_code == 503
        assert c.get("/healthz").status_code == 200


@pytest.mark.model
def test_extract(client: TestClient) -> None:
    response = client.post("/v1/extract", json={"text": TEXT})
    assert response.status_code == 200
    body = response.json()
    assert body["language"] == "en"
    quote = body["quotes"][0]
    assert TEXT[quote["start"] : quote["end"]] == quote["text"] == "We will not back down"
    speaker = next(e for e in body["entities"] if e["id"] == quote["speaker"])
    assert speaker["name"] == "Elizabeth Warren"


@pytest.mark.model
def test_batch_matches_single(client: TestClient) -> None:
    texts = [TEXT, "Foreign Minister Jeyhun Bayramov said talks would resume."]
    batch = client.post("/v1/extract/batch", json={"documents": [{"text": t} for t in texts]})
    assert batch.status_code == 200
    singles = [client.post("/v1/extract", json={"text": t}).json() for t in texts]
    assert batch.json()["results"] == singles


def test_empty_text(client: TestClient) -> None:
    assert_error(client.post("/v1/extract", json={"text": "  "}), 422, "empty_text")


def test_text_too_large(client: TestClient) -> None:
    error = assert_error(
        client.post("/v1/extract", json={"text": "a " * 1500}), 413, "text_too_large"
    )
    assert error["details"]["limit"] == 2000


def test_body_too_large(client: TestClient) -> None:
    huge = "x" * (2000 * 4 * 3 + 70_000)
    assert_error(client.post("/v1/extract", json={"text": huge}), 413, "request_too_large")


def test_unsupported_language(client: TestClient) -> None:
    error = assert_error(
        client.post("/v1/extract", json={"text": "Bonjour.", "language": "fr"}),
        422,
        "unsupported_language",
    )
    assert error["details"]["supported"] == ["en", "ru", "tr", "az", "kk", "uz", "ky"]


def test_malformed_json(client: TestClient) -> None:
    response = client.post(
        "/v1/extract",
        content=b'{"text": "unterminated',
        headers={"content-type": "application/json"},
    )
    assert_error(response, 400, "malformed_json")


@pytest.mark.parametrize(
    "body",
    [{}, {"text": 5}, {"text": "ok", "extra": 1}, {"text": None}, ["not", "an", "object"]],
)
def test_invalid_request(client: TestClient, body: object) -> None:
    assert_error(client.post("/v1/extract", json=body), 422, "invalid_request")


def test_batch_errors(client: TestClient) -> None:
    assert_error(client.post("/v1/extract/batch", json={"documents": []}), 422, "invalid_request")
    too_many = {"documents": [{"text": "Hello there."}] * 4}
    assert_error(client.post("/v1/extract/batch", json=too_many), 413, "text_too_large")


@pytest.mark.model
def test_batch_a_refused_document_fails_alone(client: TestClient) -> None:
    documents = [
        {"text": TEXT},
        {"text": ""},
        {"text": "Le gouvernement français a annoncé mardi une réforme des retraites."},
    ]
    response = client.post("/v1/extract/batch", json={"documents": documents})
    assert response.status_code == 200
    body = response.json()
    assert body["failed"] == 2
    fine, empty, foreign = body["results"]
    assert fine == client.post("/v1/extract", json={"text": TEXT}).json()
    assert empty["status"] == 422 and empty["error"]["code"] == "empty_text"
    assert empty["error"]["details"]["index"] == 1
    assert empty["error"]["message"].startswith("document #1")
    assert foreign["status"] == 422 and foreign["error"]["code"] == "unsupported_language"
    forced = client.post(
        "/v1/extract/batch",
        json={"documents": [{"text": TEXT}, {"text": "Bonjour.", "language": "fr"}]},
    ).json()
    assert forced["failed"] == 1 and forced["results"][0] == fine
    assert forced["results"][1]["error"]["code"] == "unsupported_language"
    assert forced["results"][1]["error"]["details"]["index"] == 1
    # A graph holds the documents extracted.
    graph = client.post(
        "/v1/extract/batch", params={"format": "jsonld"}, json={"documents": documents}
    )
    assert graph.status_code == 200


def test_not_found_and_method(client: TestClient) -> None:
    assert_error(client.get("/v1/nothing"), 404, "not_found")
    assert_error(client.get("/v1/extract"), 405, "method_not_allowed")


def test_docs_and_openapi(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert "/v1/extract" in spec["paths"] and "/v1/extract/batch" in spec["paths"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.server
@pytest.mark.slow
def test_real_server_on_localhost() -> None:
    port = _free_port()
    env = {**os.environ, "EXTRACTOR_PORT": str(port), "EXTRACTOR_HOST": "127.0.0.1"}
    cli = [sys.executable, "-m", "extractor.cli", "serve", "--log-level", "warning"]
    cli += ["--workers", "2"]
    proc = subprocess.Popen(cli, cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        ready = False
        while time.monotonic() < deadline and not ready:
            with contextlib.suppress(httpx.TransportError):
                ready = httpx.get(f"{base}/readyz", timeout=2).status_code == 200
            if proc.poll() is not None:
                pytest.fail(f"server exited with {proc.returncode}")
            time.sleep(0.5)
        assert ready, "server not ready within 180 s"
        response = httpx.post(f"{base}/v1/extract", json={"text": TEXT}, timeout=30)
        assert response.status_code == 200
        assert response.json()["quotes"][0]["text"] == "We will not back down"
        bad = httpx.post(
            f"{base}/v1/extract",
            content=b"{",
            timeout=30,
            headers={"content-type": "application/json"},
        )
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "malformed_json"
        assert _chunked_upload_status(port, megabytes=4) == 413
        # Both workers count into one /metrics.
        for _ in range(4):
            httpx.post(f"{base}/v1/extract", json={"text": TEXT}, timeout=30)
        metrics = httpx.get(f"{base}/metrics", timeout=10).text
        assert 'extractor_requests_total{method="POST",route="/v1/extract",status="200"} 5.0' in (
            metrics
        )
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _chunked_upload_status(port: int, megabytes: int) -> int:
    """The status a server answers to a chunked body that never ends (the server must
    refuse it by its size, before any end)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(
            b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b"x" * 65_536
        with contextlib.suppress(OSError):  # the server may close while we still send
            for _ in range(megabytes * 16):
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        return int(sock.recv(4096).split(b" ")[1])


@pytest.mark.model
@pytest.mark.parametrize(
    "query, accept, media",
    [
        ("?format=turtle", None, "text/turtle"),
        ("", "application/ld+json", "application/ld+json"),
        ("", "application/graphml+xml", "application/graphml+xml"),
        ("?format=neo4j", None, "application/zip"),
        ("", "*/*", "application/json"),
    ],
)
def test_extract_graph_formats(
    client: TestClient, query: str, accept: str | None, media: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    body = {"text": TEXT, "url": "https://example.org/warren"}
    response = client.post(f"/v1/extract{query}", json=body, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media)
    if media == "text/turtle":
        assert "schema:Quotation" in response.text
        assert "<https://example.org/warren#char=" in response.text


@pytest.mark.model
def test_batch_graph_is_one_graph(client: TestClient) -> None:
    docs = [{"text": TEXT}, {"text": "Elizabeth Warren said that the bill would pass."}]
    response = client.post("/v1/extract/batch?format=jsonld", json={"documents": docs})
    assert response.status_code == 200, response.text
    people = [n for n in response.json()["@graph"] if n.get("@type") == "Person"]
    assert len(people) == 1


def test_unknown_and_unacceptable_formats(client: TestClient) -> None:
    assert_error(client.post("/v1/extract?format=pdf", json={"text": TEXT}), 422, "invalid_input")
    response = client.post("/v1/extract", json={"text": TEXT}, headers={"Accept": "text/html"})
    assert_error(response, 406, "not_acceptable")
