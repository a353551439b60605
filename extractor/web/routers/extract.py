"""``/v1/extract`` and ``/v1/extract/batch``: text in, the Extraction (JSON) or its
knowledge graph (JSON-LD, Turtle, GraphML, Neo4j CSV) out."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from ...errors import ExtractorError, TextTooLargeError
from ...graph import FORMATS, Document, negotiate, render
from ...schema import (
    BatchItemError,
    BatchRequest,
    BatchResponse,
    ErrorDetail,
    ErrorResponse,
    Extraction,
    ExtractRequest,
)
from ..deps import KeyFirstRoute, Service, ServiceDep, require_read_key
from ..errors import ERRORS

router = APIRouter(
    route_class=KeyFirstRoute, tags=["extract"], dependencies=[Depends(require_read_key)]
)

GRAPH_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    401: {"model": ErrorResponse},
    406: {"model": ErrorResponse},
    200: {
        "content": {media: {} for name, media in FORMATS.items() if name != "json"},
        "description": "The Extraction as JSON, or its graph in the negotiated format.",
    },
}
FORMAT_DESCRIPTION = f"Output format: {', '.join(FORMATS)} (else the Accept header)."


@router.post("/v1/extract", response_model=Extraction, responses=GRAPH_RESPONSES)
async def extract(
    body: ExtractRequest,
    request: Request,
    service: ServiceDep,
    format: str | None = Query(None, description=FORMAT_DESCRIPTION),
) -> Any:
    """Extract entities, roles and quotes from one text: JSON (the Extraction), or the
    knowledge graph as JSON-LD, Turtle, GraphML or Neo4j CSV (zip) by the ``format``
    parameter or the ``Accept`` header."""
    fmt = negotiate(format, request.headers.get("accept"))
    result = await service.extract(body.text, body.language)
    if fmt == "json":
        return result
    return await _graph([Document(result, body.text, body.url or "")], fmt)


@router.post("/v1/extract/batch", response_model=BatchResponse, responses=GRAPH_RESPONSES)
async def extract_batch(
    body: BatchRequest,
    request: Request,
    service: ServiceDep,
    format: str | None = Query(None, description=FORMAT_DESCRIPTION),
) -> Any:
    """Extract many texts in one request (batched through the NLP pipeline); with a
    graph format, one graph of all of them (entities with one key are one node). A
    refused document (empty, too large, an unsupported language) is an item with its
    own error; the others are extracted all the same."""
    fmt = negotiate(format, request.headers.get("accept"))
    response = await _extract_batch(body, service)
    if fmt == "json":
        return response
    # (A graph holds the documents extracted; refused ones have no nodes.)
    documents = [
        Document(x, d.text, d.url or "")
        for x, d in zip(response.results, body.documents, strict=True)
        if isinstance(x, Extraction)
    ]
    return await _graph(documents, fmt)


async def _graph(documents: list[Document], fmt: str) -> Response:
    """The documents' graph in ``fmt`` (rendered off the event loop)."""
    content, media = await run_in_threadpool(render, documents, fmt)
    return Response(content=content, media_type=media)


async def _extract_batch(body: BatchRequest, service: Service) -> BatchResponse:
    limit = service.settings.max_batch_size
    if len(body.documents) > limit:
        raise TextTooLargeError(
            f"{len(body.documents)} documents in one batch; the limit is {limit}", limit=limit
        )
    by_index: dict[int, Extraction | BatchItemError] = {}
    # Documents sharing a forced language are extracted together.
    groups: dict[str | None, list[int]] = {}
    for i, doc in enumerate(body.documents):
        try:
            service.check_size(doc.text, i)
        except ExtractorError as exc:
            by_index[i] = _item_error(exc, i)
            continue
        groups.setdefault(doc.language, []).append(i)
    for language, indexes in groups.items():
        texts = [body.documents[i].text for i in indexes]
        done = await service.extract_many(texts, language)
        for i, result in zip(indexes, done, strict=True):
            by_index[i] = _item_error(result, i) if isinstance(result, ExtractorError) else result
    results = [by_index[i] for i in range(len(body.documents))]
    failed = sum(isinstance(r, BatchItemError) for r in results)
    return BatchResponse(results=results, failed=failed)


def _item_error(exc: ExtractorError, index: int) -> BatchItemError:
    """A refused document's error, named by its position in the batch."""
    return BatchItemError(
        status=exc.status,
        error=ErrorDetail(
            code=exc.code,
            message=f"document #{index}: {exc.reason}",
            details={**exc.details, "index": index},
        ),
    )
