"""``/v1/documents``: store a document with its extraction, list the stored ones,
read one back, delete one."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ...archive.store import Store
from ...errors import NotFoundError
from ...schema import (
    DeletedDocumentResponse,
    DocumentRequest,
    ErrorResponse,
    StoredDocumentResponse,
)
from ..deps import (
    KeyFirstRoute,
    ServiceDep,
    SettingsDep,
    StoreDep,
    page_size,
    require_read_key,
    require_write_key,
)
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


@router.get(
    "/v1/documents",
    responses={**ERRORS, 401: {"model": ErrorResponse}},
    dependencies=[Depends(require_read_key)],
)
def list_documents(
    store: StoreDep,
    settings: SettingsDep,
    source: str | None = Query(None, description="Only this publisher or feed name."),
    language: str | None = Query(None, description="ISO 639-1 code of the document."),
    since: Annotated[
        datetime | None, Query(description="Published (else stored) at or after (ISO 8601).")
    ] = None,
    until: Annotated[
        datetime | None, Query(description="Published (else stored) before (ISO 8601).")
    ] = None,
    cursor: str | None = Query(None, description="`next_cursor` of the previous page."),
    limit: int | None = Query(None, description="Page size (default 50, at most the limit)."),
) -> Any:
    """Stored documents, newest first (by `published_at`, else the time they were
    stored, then by id): `{"items": [{"id", "title", "url", "source", "published_at",
    "language", "status", "stored_at", "quote_count"}], "next_cursor"}`."""
    items, next_cursor = store.documents(
        source=source,
        since=since,
        until=until,
        language=language,
        cursor=cursor,
        limit=page_size(limit, settings),
    )
    return {"items": items, "next_cursor": next_cursor}


@router.delete(
    "/v1/documents/{doc_id}",
    response_model=DeletedDocumentResponse,
    responses={**ERRORS, 401: {"model": ErrorResponse}, 404: {"model": ErrorResponse}},
    dependencies=[Depends(require_write_key)],
)
def delete_document(doc_id: str, store: StoreDep) -> Any:
    """Delete a stored document, in one transaction: its text, versions and
    extraction, its quotes, roles and mentions, and every entity no other document
    names any more (with its aliases). Answers 200 with `{"id", "deleted": true}`; 404
    (`not_found`) for an unknown id. Needs a key when keys are set. The same text can
    be stored again afterwards."""
    if not store.delete_document(doc_id):
        raise NotFoundError(f"no document with id {doc_id!r}", id=doc_id)
    return DeletedDocumentResponse(id=doc_id, deleted=True)
