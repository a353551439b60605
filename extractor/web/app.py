"""HTTP API: thin routes over :class:`extractor.Extractor`.

Run with ``extractor serve`` (or ``uvicorn service:app``). Every error has one JSON
shape: ``{"error": {"code": ..., "message": ..., "details": {...}}}``.
"""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..archive.store import Store, open_store
from ..errors import ExtractorError, InvalidInputError, TextTooLargeError, UnauthorizedError
from ..extract import Extractor
from ..graph import FORMATS, Document, negotiate, render, render_neighbourhood
from ..schema import (
    BatchRequest,
    BatchResponse,
    DocumentRequest,
    ErrorResponse,
    Extraction,
    ExtractRequest,
    StoredDocumentResponse,
)
from ..settings import Settings, get_settings

log = logging.getLogger("extractor.service")

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse} for status in (400, 413, 422, 500, 503)
}


def create_app(settings: Settings | None = None, *, load_models: bool = True) -> FastAPI:
    """The FastAPI application. Models load in the background at start-up."""
    settings = settings or get_settings()
    extractor = Extractor(settings)
    state: dict[str, Any] = {"ready": False, "error": None}
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

    # --- the archive -------------------------------------------------------------------

    store_holder: dict[str, Store] = {}

    def get_store() -> Store:
        with lock:
            if "store" not in store_holder:
                store_holder["store"] = open_store(settings.database_url)
            return store_holder["store"]

    def authorized(request: Request, write: bool) -> None:
        """Writing endpoints need a key when keys are set; reading ones when asked to."""
        if not settings.api_keys or (not write and not settings.protect_reads):
            return
        header = request.headers.get("authorization", "")
        scheme, _, key = header.partition(" ")
        if scheme.lower() != "bearer" or not any(
            hmac.compare_digest(key.strip(), k) for k in settings.api_keys
        ):
            raise UnauthorizedError("a valid API key is required: Authorization: Bearer <key>")

    def page_size(limit: int | None) -> int:
        if limit is None:
            return min(50, settings.max_page_size)
        if not 1 <= limit <= settings.max_page_size:
            raise InvalidInputError(
                f"limit must be between 1 and {settings.max_page_size}", limit=limit
            )
        return limit

    @app.post(
        "/v1/documents",
        response_model=StoredDocumentResponse,
        status_code=201,
        tags=["archive"],
        responses={**ERRORS, 200: {"model": StoredDocumentResponse}, 401: {"model": ErrorResponse}},
    )
    def add_document(body: DocumentRequest, request: Request) -> Any:
        """Extract a document and store it with its extraction, in one transaction.
        Idempotent: the same id or the same text is stored once (200 with the stored
        record's id; 201 when new)."""
        authorized(request, write=True)
        store = get_store()
        existing = store.find_document(body.id, body.text)
        if existing is not None:
            stored = store.document(existing)
            return JSONResponse(
                status_code=200,
                content=StoredDocumentResponse(
                    id=existing, created=False, status=stored["status"], error=stored["error"]
                ).model_dump(mode="json"),
            )
        with lock:
            result = extractor.extract(body.text, language=body.language)
        saved = store.add(
            body.text,
            result,
            doc_id=body.id,
            url=body.url,
            title=body.title,
            source=body.source,
            published_at=body.published_at,
        )
        return StoredDocumentResponse(
            id=saved.id, created=saved.created, status="ok", extraction=result
        )

    @app.get("/v1/documents/{doc_id}", tags=["archive"], responses=ERRORS)
    def get_document(doc_id: str, request: Request) -> Any:
        """A stored document: its text, metadata, versions and extraction."""
        authorized(request, write=False)
        return get_store().document(doc_id)

    @app.get("/v1/quotes", tags=["archive"], responses=ERRORS)
    def list_quotes(
        request: Request,
        speaker: str | None = Query(None, description="A name in any script or spelling."),
        organization: str | None = Query(
            None, description="Quotes by people holding a post there (or by it)."
        ),
        country: str | None = Query(None, description="A country name or ISO code."),
        q: str | None = Query(None, description="Full-text search in the quote text."),
        language: str | None = Query(None, description="ISO 639-1 code of the quote's text."),
        since: Annotated[
            datetime | None, Query(description="Published at or after (ISO 8601).")
        ] = None,
        until: Annotated[datetime | None, Query(description="Published before (ISO 8601).")] = None,
        cursor: str | None = Query(None, description="`next_cursor` of the previous page."),
        limit: int | None = Query(None, description="Page size (default 50, at most the limit)."),
    ) -> Any:
        """Who said what, newest first, with each speaker's roles, the document and offsets."""
        authorized(request, write=False)
        items, next_cursor = get_store().quotes(
            speaker=speaker,
            organization=organization,
            country=country,
            q=q,
            language=language,
            since=since,
            until=until,
            cursor=cursor,
            limit=page_size(limit),
        )
        return {"items": items, "next_cursor": next_cursor}

    @app.get("/v1/entities", tags=["archive"], responses=ERRORS)
    def list_entities(
        request: Request,
        type: str | None = Query(None, description="PERSON, ORGANIZATION, COUNTRY or TITLE."),
        q: str | None = Query(None, description="A name in any script or spelling."),
        cursor: str | None = Query(None),
        limit: int | None = Query(None, description="Page size (default 50)."),
    ) -> Any:
        """Entities across the archive."""
        authorized(request, write=False)
        items, next_cursor = get_store().entities(
            kind=type, q=q, cursor=cursor, limit=page_size(limit)
        )
        return {"items": items, "next_cursor": next_cursor}

    @app.get("/v1/entities/{entity_id}", tags=["archive"], responses=ERRORS)
    def get_entity(entity_id: int, request: Request) -> Any:
        """One entity: aliases in every script, roles over time, quotes, co-mentions."""
        authorized(request, write=False)
        return get_store().entity(entity_id)

    @app.get("/v1/graph", tags=["archive"], responses=ERRORS)
    def get_graph(
        request: Request,
        entity: int = Query(..., description="Entity id at the centre."),
        depth: int = Query(1, ge=1, le=3, description="Steps from the entity (1-3)."),
        format: str | None = Query(None, description="json, jsonld or graphml (else Accept)."),
    ) -> Any:
        """The entity's neighbourhood: roles and co-mentions, as JSON, JSON-LD or GraphML."""
        authorized(request, write=False)
        fmt = negotiate(format, request.headers.get("accept"))
        store = get_store()
        store.entity(entity)  # 404 for an unknown entity
        hood = store.neighbourhood(entity, depth=depth, limit=settings.max_page_size)
        if fmt == "json":
            return hood
        if fmt not in {"jsonld", "graphml"}:
            raise InvalidInputError("the graph endpoint answers json, jsonld or graphml")
        content, media = render_neighbourhood(hood, fmt)
        return Response(content=content, media_type=media)

    app.state.extractor = extractor
    app.state.ready = state
    app.state.store = store_holder
    return app


def _error(
    status: int, code: str, message: str, details: dict[str, Any] | None = None
) -> JSONResponse:
    body = ErrorResponse.model_validate(
        {"error": {"code": code, "message": message, "details": details or {}}}
    )
    return JSONResponse(status_code=status, content=body.model_dump(mode="json"))
