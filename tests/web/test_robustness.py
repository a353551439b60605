"""The service under hostile input and load: every bad request a 4xx in the error shape,
a full queue a 503 with Retry-After, a slow extraction a 504, and health checks and
archive reads that never wait behind an extraction. The extractor is replaced by a
stand-in where the test is about the service, not the models."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from extractor.schema import Extraction
from extractor.settings import Settings
from extractor.web import create_app

from ..helpers import assert_error


class StandIn:
    """extract_many that waits for ``gate`` (when set) and records each batch."""

    def __init__(self, gate: threading.Event | None = None, delay: float = 0.0) -> None:
        self.gate = gate
        self.delay = delay
        self.batches: list[list[str]] = []
        self.entered = threading.Event()

    def __call__(self, texts: Sequence[str], language: str | None = None) -> list[Extraction]:
        self.batches.append(list(texts))
        self.entered.set()
        if self.gate is not None:
            self.gate.wait(30)
        time.sleep(self.delay)
        return [
            Extraction(language="en", text_length=len(t), extractor_version="test") for t in texts
        ]


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator:
    clients: list[TestClient] = []

    def make(stand_in: StandIn | None = None, **settings: object) -> TestClient:
        app = create_app(
            Settings(database_url=f"sqlite:///{tmp_path / 'a.db'}", **settings), load_models=False
        )
        if stand_in is not None:
            app.state.service.extractor.extract_many = stand_in
        client = TestClient(app)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


# --- input that is not text, ids out of range, bad cursors, bad IRIs -------------------


@pytest.mark.parametrize("text", ["before \ud800 after", "lone low \udfff", "nul \x00 byte"])
@pytest.mark.parametrize(
    "url, body",
    [
        ("/v1/extract", lambda t: {"text": t}),
        ("/v1/extract/batch", lambda t: {"documents": [{"text": t}]}),
        ("/v1/documents", lambda t: {"text": t}),
    ],
)
def test_text_that_is_not_unicode_text_is_refused(make_client, text: str, url: str, body) -> None:
    # (JSON can spell a lone surrogate as an escape; httpx cannot encode one itself.)
    raw = json.dumps(body(text)).encode()
    response = make_client(StandIn()).post(
        url, content=raw, headers={"content-type": "application/json"}
    )
    error = assert_error(response, 422, "invalid_request")
    assert "offset" in error["message"]


@pytest.mark.parametrize("field", ["title", "id", "source", "language", "url"])
def test_a_nul_in_any_document_field_is_refused(make_client, field: str) -> None:
    body = {"text": "Hello there.", field: "https://x.org/a\x00b"}
    assert_error(make_client(StandIn()).post("/v1/documents", json=body), 422, "invalid_request")


@pytest.mark.parametrize("url", ["not an iri", "https://x.org/a b", "https://x.org/<a>", "rel/x"])
def test_a_graph_source_must_be_an_iri(make_client, url: str) -> None:
    client = make_client(StandIn())
    response = client.post("/v1/extract?format=turtle", json={"text": "Hi.", "url": url})
    assert_error(response, 422, "invalid_request")
    ok = client.post(
        "/v1/extract?format=turtle", json={"text": "Hi.", "url": "https://x.org/ü?a=1#b"}
    )
    assert ok.status_code == 200, ok.text


@pytest.mark.parametrize(
    "path, status, code",
    [
        (f"/v1/entities/{2**31}", 404, "not_found"),
        (f"/v1/entities/{2**64}", 404, "not_found"),
        (f"/v1/entities/{10**40}", 404, "not_found"),
        (f"/v1/graph?entity={2**64}", 404, "not_found"),
        ("/v1/quotes?cursor=MWU0MDA", 422, "invalid_input"),  # base64 of "1e400"
        ("/v1/entities?cursor=MWU0MDA", 422, "invalid_input"),
        (f"/v1/entities?cursor={'9' * 30}", 422, "invalid_input"),
        ("/v1/quotes?q=a%00b", 422, "invalid_input"),
        ("/v1/entities?q=a%00b", 422, "invalid_input"),
        ("/v1/quotes?speaker=%00", 422, "invalid_input"),
    ],
)
def test_out_of_range_ids_bad_cursors_and_nuls_in_queries(
    make_client, path: str, status: int, code: str
) -> None:
    assert_error(make_client().get(path), status, code)


@pytest.mark.parametrize(
    "content",
    [
        b'{"text": "\xff\xfe"}',
        b"[" * 5000 + b"]" * 5000,
        b'{"text": "a", "language": ' + b"1" * 100_000 + b"}",
        b'{"text": "unterminated',
    ],
    ids=["not-utf8", "nested", "long-number", "unterminated"],
)
def test_bodies_that_are_not_json_are_malformed_json(make_client, content: bytes) -> None:
    response = make_client(StandIn()).post(
        "/v1/extract", content=content, headers={"content-type": "application/json"}
    )
    assert_error(response, 400, "malformed_json")


# --- body limits: per endpoint, counted while the body streams in ---------------------


def test_body_limits_are_per_endpoint(make_client) -> None:
    client = make_client(StandIn(), max_text_chars=1000, max_batch_bytes=200_000)
    documents = [{"text": "word " * 150} for _ in range(100)]  # ~80 kB
    assert client.post("/v1/extract/batch", json={"documents": documents}).status_code == 200
    padded = {"text": "Hi.", "source": "x" * 80_000}
    assert_error(client.post("/v1/extract", json=padded), 413, "request_too_large")
    assert_error(client.post("/v1/quotes", json=padded), 413, "request_too_large")
    too_many = [{"text": "word " * 150} for _ in range(300)]
    assert_error(
        client.post("/v1/extract/batch", json={"documents": too_many}), 413, "request_too_large"
    )


def test_a_chunked_upload_cannot_pass_the_limit(make_client) -> None:
    # (No Content-Length: the limit is counted as the body arrives; test_service's real
    # server shows the refusal comes before the body ends.)
    client = make_client(StandIn(), max_text_chars=1000)

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(1000):  # 1 MB, far over the ~70 kB limit
            yield b"x" * 1000
        yield b'"}'

    response = client.post(
        "/v1/extract", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_error(response, 413, "request_too_large")


def test_a_text_over_the_limit_is_refused_before_it_is_queued(make_client) -> None:
    stand_in = StandIn()
    client = make_client(stand_in, max_text_chars=100)
    assert_error(client.post("/v1/extract", json={"text": "a " * 60}), 413, "text_too_large")
    response = client.post(
        "/v1/extract/batch", json={"documents": [{"text": "a " * 60}, {"text": "fine"}]}
    )
    assert response.status_code == 200
    first, second = response.json()["results"]
    assert first["error"]["code"] == "text_too_large" and second["text_length"] == 4
    assert stand_in.batches == [["fine"]]


# --- load: bounded queue, time budget, micro-batches, nothing waits behind extraction --


def test_a_full_queue_answers_503_with_retry_after(make_client) -> None:
    gate = threading.Event()
    stand_in = StandIn(gate)
    client = make_client(stand_in, queue_limit=2)
    with ThreadPoolExecutor(4) as pool:
        running = pool.submit(client.post, "/v1/extract", json={"text": "first"})
        assert stand_in.entered.wait(10)
        queued = [pool.submit(client.post, "/v1/extract", json={"text": t}) for t in "ab"]
        deadline = time.monotonic() + 10
        while client.app.state.service.engine.waiting < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        refused = client.post("/v1/extract", json={"text": "one too many"})
        gate.set()
        statuses = [f.result().status_code for f in (running, *queued)]
    assert_error(refused, 503, "overloaded")
    assert int(refused.headers["Retry-After"]) >= 1
    assert statuses == [200, 200, 200]


def test_waiting_requests_are_extracted_together(make_client) -> None:
    gate = threading.Event()
    stand_in = StandIn(gate)
    client = make_client(stand_in)
    with ThreadPoolExecutor(5) as pool:
        first = pool.submit(client.post, "/v1/extract", json={"text": "first"})
        assert stand_in.entered.wait(10)
        rest = [pool.submit(client.post, "/v1/extract", json={"text": f"t{i}"}) for i in range(4)]
        deadline = time.monotonic() + 10
        while client.app.state.service.engine.waiting < 4 and time.monotonic() < deadline:
            time.sleep(0.01)
        gate.set()
        answers = [f.result() for f in (first, *rest)]
    assert [a.status_code for a in answers] == [200] * 5
    assert [a.json()["text_length"] for a in answers] == [5, 2, 2, 2, 2]
    assert stand_in.batches[0] == ["first"]
    assert sorted(stand_in.batches[1]) == ["t0", "t1", "t2", "t3"]


def test_an_extraction_over_the_time_budget_is_a_504(make_client) -> None:
    gate = threading.Event()
    client = make_client(StandIn(gate), extraction_timeout=0.3)
    try:
        error = assert_error(
            client.post("/v1/extract", json={"text": "slow"}), 504, "extraction_timeout"
        )
    finally:
        gate.set()
    assert error["details"]["timeout"] == 0.3


def test_health_and_archive_reads_never_wait_for_an_extraction(make_client) -> None:
    gate = threading.Event()
    stand_in = StandIn(gate)
    client = make_client(stand_in)
    with ThreadPoolExecutor(2) as pool:
        busy = pool.submit(client.post, "/v1/extract", json={"text": "x " * 1000})
        assert stand_in.entered.wait(10)
        try:
            assert client.get("/healthz").status_code == 200
            assert client.get("/v1/quotes").status_code == 200
            assert client.get("/v1/entities").status_code == 200
            assert client.get("/metrics").status_code == 200
            assert not busy.done()  # all of that while the extraction was still running
        finally:
            gate.set()
        assert busy.result().status_code == 200


# --- errors nobody planned for, request ids, metrics ---------------------------------


def test_an_unexpected_error_is_a_500_in_the_error_shape(make_client) -> None:
    def broken(texts: Sequence[str], language: str | None = None) -> list[Extraction]:
        raise RuntimeError("boom")

    client = make_client()
    client.app.state.service.extractor.extract_many = broken
    response = client.post("/v1/extract", json={"text": "Hello."})
    assert_error(response, 500, "internal_error")
    assert "boom" not in response.text and response.headers["x-request-id"]
    assert client.get("/healthz").status_code == 200  # and the service goes on


def test_request_ids_are_echoed_or_made(make_client) -> None:
    client = make_client()
    assert (
        client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"]
        == "abc-123"
    )
    made = client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert made.headers["x-request-id"] not in ("", "bad id\twith spaces")


def test_metrics_count_requests_extractions_and_stored_documents(make_client) -> None:
    client = make_client(StandIn())
    client.post("/v1/extract", json={"text": "Hello."})
    client.post("/v1/documents", json={"text": "Stored once."})
    client.post("/v1/documents", json={"text": "Stored once."})
    text = client.get("/metrics").text
    assert 'extractor_requests_total{method="POST",route="/v1/extract",status="200"} 1.0' in text
    assert 'extractor_extraction_seconds_count{language="en"} 2.0' in text
    assert "extractor_documents_stored_total 1.0" in text
    assert "extractor_queue_depth 0.0" in text


# --- concurrent writes through the API, on both backends -------------------------------


@pytest.mark.store
def test_concurrent_duplicates_are_stored_once_and_answered_200(database_url: str) -> None:
    app = create_app(Settings(database_url=database_url), load_models=False)
    app.state.service.extractor.extract_many = StandIn(delay=0.05)
    body = {"id": "same-doc", "text": "The same story, posted eight times at once."}
    with TestClient(app) as client, ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: client.post("/v1/documents", json=body), range(8)))
    assert sorted(a.status_code for a in answers) == [200] * 7 + [201]
    for answer in answers:
        assert answer.json()["id"] == "same-doc"
        assert answer.json()["created"] is (answer.status_code == 201)


@pytest.mark.store
def test_the_publication_offset_is_kept(database_url: str) -> None:
    app = create_app(Settings(database_url=database_url), load_models=False)
    app.state.service.extractor.extract_many = StandIn()
    with TestClient(app) as client:
        for doc_id, at in (
            ("east", "2025-05-01T10:00:00+05:00"),
            ("west", "2025-05-01T04:00:00-03:00"),
        ):
            body = {"id": doc_id, "text": f"Story from the {doc_id}.", "published_at": at}
            assert client.post("/v1/documents", json=body).status_code == 201
        east = client.get("/v1/documents/east").json()
        west = client.get("/v1/documents/west").json()
    assert east["published_at"] == "2025-05-01T10:00:00+05:00"
    assert west["published_at"] == "2025-05-01T04:00:00-03:00"
