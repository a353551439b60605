"""``/v1/documents``: store a document with its extraction, read it back."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from ...schema import DocumentRequest, ErrorResponse, StoredDocumentResponse
from ..deps import ServiceDep, StoreDep, require_read_key, require_write_key
from ..errors import ERRORS

router = APIRouter(tags=["archive"])


@router.post(
    "/v1/documents",
    response_model=StoredDocumentResponse,
    status_code=201,
    responses={**ERRORS, 200: {"model": StoredDocumentResponse}, 401: {"model": ErrorResponse}},
    dependencies=[Depends(require_write_key)],
)
def add_document(body: DocumentRequest, service: ServiceDep, store: StoreDep) -> Any:
    """Extract a document and store it with its extraction, in one transaction.
    Idempotent: the same id or the same text is stored once (200 with the stored
    record's id; 201 when new)."""
    existing = store.find_document(body.id, body.text)
    if existing is not None:
        stored = store.document(existing)
        return JSONResponse(
            status_code=200,
            content=StoredDocumentResponse(
                id=existing, created=False, status=stored["status"], error=stored["error"]
            ).model_dump(mode="json"),
        )
    result = service.extract(body.text, body.language)
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


@router.get(
    "/v1/documents/{doc_id}",
    responses={**ERRORS, 401: {"model": ErrorResponse}},
    dependencies=[Depends(require_read_key)],
)
def get_document(doc_id: str, store: StoreDep) -> Any:
    """A stored document: its text, metadata, versions and extraction."""
    return store.document(doc_id)
