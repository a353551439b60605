"""HTTP API: thin routes over :class:`extractor.Extractor`.

Run with ``extractor serve`` (or ``uvicorn service:app``). Every error has one JSON
shape: ``{"error": {"code": ..., "message": ..., "details": {...}}}``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from extractor import Extractor, ExtractorError, __version__
from extractor.errors import TextTooLargeError
from extractor.graph import FORMATS, Document, negotiate, render
from extractor.schema import BatchRequest, BatchResponse, ErrorResponse, Extraction, ExtractRequest
from extractor.settings import Settings, get_settings

log = logging.getLogger("extractor.service")

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse} for status in (400, 413, 422, 500, 503)
}


def create_app(settings: Settings | None = None, *, load_models: bool = True) -> FastAPI:
    """The FastAPI application. Models load in the background at start-up."""
    settings = settings or get_settings()
    extractor = Extractor(settings)
    state = {"ready": False, "error": None}
    lock = threading.Lock()  # one extraction at a time: spaCy pipelines are shared

    def warm_up() -> None:
        try:
            extractor.load(settings.preload_languages)
            state["ready"] = True
        except Exception as exc:  # reported by /readyz, never raised into a request
            log.exception("model loading failed")
            state["error"] = str(exc)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if load_models:
            threading.Thread(target=warm_up, name="model-loader", daemon=True).start()
        yield

    app = FastAPI(
        title="Who-said-what extractor",
        version=__version__,
        description=(
            "People, job titles, organizations, countries and attributed quotes from news text."
        ),
        lifespan=lifespan,
    )
    max_body = settings.max_text_chars * 4 * settings.max_batch_size + 65_536

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Any) -> Any:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > max_body:
            return _error(413, "request_too_large", f"request body over {max_body} bytes")
        return await call_next(request)

    @app.exception_handler(ExtractorError)
    async def extractor_error(_: Request, exc: ExtractorError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message, exc.details)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return _error(400, "malformed_json", "the request body is not valid JSON")
        problems = [
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'body') or 'body'}: {e.get('msg')}"
            for e in errors
        ]
        return _error(422, "invalid_request", "; ".join(problems), {"errors": problems})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return _error(500, "internal_error", "the extractor failed on this input; it was logged")

    @app.get("/healthz", tags=["service"])
    def healthz() -> dict[str, str]:
        """The process is up."""
        return {"status": "ok", "version": __version__}

    @app.get("/readyz", tags=["service"], responses={503: {"model": ErrorResponse}})
    def readyz() -> Any:
        """True once the models are loaded."""
        if state["ready"]:
            return {"ready": True, "languages": list(extractor.supported_languages)}
        if state["error"]:
            return _error(503, "model_load_failed", str(state["error"]))
        return JSONResponse(status_code=503, content={"ready": False})

    graph_responses: dict[int | str, dict[str, Any]] = {
        **ERRORS,
        406: {"model": ErrorResponse},
        200: {
            "content": {media: {} for name, media in FORMATS.items() if name != "json"},
            "description": "The Extraction as JSON, or its graph in the negotiated format.",
        },
    }

    @app.post("/v1/extract", response_model=Extraction, tags=["extract"], responses=graph_responses)
    def extract(
        body: ExtractRequest,
        request: Request,
        format: str | None = Query(
            None, description=f"Output format: {', '.join(FORMATS)} (else the Accept header)."
        ),
    ) -> Any:
        """Extract entities, roles and quotes from one text: JSON (the Extraction), or the
        knowledge graph as JSON-LD, Turtle, GraphML or Neo4j CSV (zip) by the ``format``
        parameter or the ``Accept`` header."""
        fmt = negotiate(format, request.headers.get("accept"))
        with lock:
            result = extractor.extract(body.text, language=body.language)
        if fmt == "json":
            return result
        content, media = render([Document(result, body.text, body.url or "")], fmt)
        return Response(content=content, media_type=media)

    @app.post(
        "/v1/extract/batch",
        response_model=BatchResponse,
        tags=["extract"],
        responses=graph_responses,
    )
    def extract_batch(
        body: BatchRequest,
        request: Request,
        format: str | None = Query(
            None, description=f"Output format: {', '.join(FORMATS)} (else the Accept header)."
        ),
    ) -> Any:
        """Extract many texts in one request (batched through the NLP pipeline); with a
        graph format, one graph of all of them (entities with one key are one node)."""
        fmt = negotiate(format, request.headers.get("accept"))
        response = _extract_batch(body)
        if fmt == "json":
            return response
        documents = [
            Document(x, d.text, d.url or "")
            for x, d in zip(response.results, body.documents, strict=True)
        ]
        content, media = render(documents, fmt)
        return Response(content=content, media_type=media)

    def _extract_batch(body: BatchRequest) -> BatchResponse:
        if len(body.documents) > settings.max_batch_size:
            raise TextTooLargeError(
                f"{len(body.documents)} documents in one batch; the limit is "
                f"{settings.max_batch_size}",
                limit=settings.max_batch_size,
            )
        results: list[Extraction] = []
        with lock:
            # Documents sharing a forced language go through nlp.pipe together.
            groups: dict[str | None, list[int]] = {}
            for i, doc in enumerate(body.documents):
                groups.setdefault(doc.language, []).append(i)
            by_index: dict[int, Extraction] = {}
            for language, indexes in groups.items():
                texts = [body.documents[i].text for i in indexes]
                try:
                    done = extractor.extract_many(texts, language=language)
                except ExtractorError as exc:
                    # The failing text's position in its group -> in the batch.
                    raise exc.at_index(indexes[exc.details.get("index", 0)], "document") from None
                by_index.update(zip(indexes, done))
            results = [by_index[i] for i in range(len(body.documents))]
        return BatchResponse(results=results)

    app.state.extractor = extractor
    app.state.ready = state
    return app


def _error(
    status: int, code: str, message: str, details: dict[str, Any] | None = None
) -> JSONResponse:
    body = ErrorResponse.model_validate(
        {"error": {"code": code, "message": message, "details": details or {}}}
    )
    return JSONResponse(status_code=status, content=body.model_dump(mode="json"))


def __getattr__(name: str) -> FastAPI:
    # `uvicorn service:app` builds the app on first access, not at import time.
    if name == "app":
        application = create_app()
        globals()["app"] = application
        return application
    raise AttributeError(name)
