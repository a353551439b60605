"""``/v1/entities``: the people, organizations, countries and titles of the archive."""

from __future__ import annotations

from typing import Any

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


@router.get("/v1/entities")
def list_entities(
    store: StoreDep,
    settings: SettingsDep,
    type: str | None = Query(None, description="PERSON, ORGANIZATION, COUNTRY or TITLE."),
    q: str | None = Query(None, description="A name in any script or spelling."),
    cursor: str | None = Query(None),
    limit: int | None = Query(None, description="Page size (default 50)."),
) -> Any:
    """Entities across the archive."""
    items, next_cursor = store.entities(
        kind=type, q=q, cursor=cursor, limit=page_size(limit, settings)
    )
    return {"items": items, "next_cursor": next_cursor}


@router.get("/v1/entities/{entity_id}")
def get_entity(entity_id: int, store: StoreDep) -> Any:
    """One entity: aliases in every script, roles over time, quotes, co-mentions."""
    return store.entity(entity_id)


@router.get("/v1/entities/{entity_id}/timeline")
def get_timeline(entity_id: int, store: StoreDep) -> Any:
    """An entity over time: `{"id", "name", "type", "first_seen", "last_seen"` (the
    first and last document naming it), `"documents", "quotes", "months"` (quotes per
    month in UTC, `[{"month": "YYYY-MM", "quotes": n}]`, months with quotes, oldest
    first: a person's own; an organization's or country's own and those of the people
    holding a post there), `"roles"}` (held by the person, or there: person_id, person,
    title, organization_id, organization, country_id, country, first_seen, last_seen,
    documents; oldest first). 404 for an unknown entity."""
    return store.timeline(entity_id)
