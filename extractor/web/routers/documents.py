"""``/v1/documents``: store a document with its extraction, read it back."""

from __future__ import annotations

from functools import partial
from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ...archive.store import Store
from ...schema import DocumentRequest, ErrorResponse, StoredDocumentResponse
from ..deps import KeyFirstRoute, ServiceDep, StoreDep, require_read_key, require_write_key
from ..errors import ERRORS

router = APIRouter(route_class=KeyFirstRoute, tags=["archive"])


@router.post(
    "/v1/documents",
    response_model=StoredDocumentResponse,
    status_code=201,
    responses={**ERRORS, 200: {"model": StoredDocumentResponse}, 401: {"model": ErrorResponse}},
    dependencies=[Depends(require_write_key)],
)
async def add_document(body: DocumentRequest, service: ServiceDep, store: StoreDep) -> Any:
    """Extract a document and store it with its extraction, in one transaction.
    Idempotent: the same id or the same text is stored once (200 with the stored
    record's id; 201 when new, also when another request stores it at the same time)."""
    existing = await run_in_threadpool(store.find_document, body.id, body.text)
    if existing is not None:
        return await run_in_threadpool(_already_stored, store, existing)
    result = await service.extract(body.text, body.language)
    saved = await run_in_threadpool(
        partial(
            store.add,
            body.text,
            result,
            doc_id=body.id,
            url=body.url,
            title=body.title,
            source=body.source,
            published_at=body.published_at,
        )
    )
    if not saved.created:
        return await run_in_threadpool(_already_stored, store, saved.id)
    service.metrics.stored.inc()
    return StoredDocumentResponse(id=saved.id, created=True, status="ok", extraction=result)


def _already_stored(store: Store, doc_id: str) -> JSONResponse:
    """200 with the stored record's id and status."""
    stored = store.document(doc_id)
    return JSONResponse(
        status_code=200,
        content=StoredDocumentResponse(
            id=doc_id, created=False, status=stored["status"], error=stored["error"]
        ).model_dump(mode="json"),
    )


@router.get(
    "/v1/documents/{doc_id}",
    responses={**ERRORS, 401: {"model": ErrorResponse}},
    dependencies=[Depends(require_read_key)],
)
def get_document(doc_id: str, store: StoreDep) -> Any:
    """A stored document: its text, metadata, versions and extraction."""
    return store.document(doc_id)
