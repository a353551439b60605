"""``/v1/quotes``: who said what across the archive, newest first."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from ...schema import ErrorResponse
from ..deps import KeyFirstRoute, SettingsDep, StoreDep, page_size, require_read_key
from ..errors import ERRORS

router = APIRouter(
    route_class=KeyFirstRoute,
    tags=["archive"],
    responses={**ERRORS, 401: {"model": ErrorResponse}},
    dependencies=[Depends(require_read_key)],
)


@router.get("/v1/quotes")
def list_quotes(
    store: StoreDep,
    settings: SettingsDep,
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
    items, next_cursor = store.quotes(
        speaker=speaker,
        organization=organization,
        country=country,
        q=q,
        language=language,
        since=since,
        until=until,
        cursor=cursor,
        limit=page_size(limit, settings),
    )
    return {"items": items, "next_cursor": next_cursor}
