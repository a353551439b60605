"""``/v1/graph``: an archive entity's neighbourhood (roles and co-mentions) as JSON,
JSON-LD or GraphML."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...errors import InvalidInputError
from ...graph import negotiate, render_neighbourhood
from ...schema import ErrorResponse
from ..deps import KeyFirstRoute, SettingsDep, StoreDep, require_read_key
from ..errors import ERRORS

router = APIRouter(
    route_class=KeyFirstRoute,
    tags=["archive"],
    responses={**ERRORS, 401: {"model": ErrorResponse}},
    dependencies=[Depends(require_read_key)],
)


@router.get("/v1/graph")
def get_graph(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    entity: int = Query(..., description="Entity id at the centre."),
    depth: int = Query(1, ge=1, le=3, description="Steps from the entity (1-3)."),
    format: str | None = Query(None, description="json, jsonld or graphml (else Accept)."),
) -> Any:
    """The entity's neighbourhood: roles and co-mentions, as JSON, JSON-LD or GraphML."""
    fmt = negotiate(format, request.headers.get("accept"))
    store.entity(entity)  # 404 for an unknown entity
    hood = store.neighbourhood(entity, depth=depth, limit=settings.max_page_size)
    if fmt == "json":
        return hood
    if fmt not in {"jsonld", "graphml"}:
        raise InvalidInputError("the graph endpoint answers json, jsonld or graphml")
    content, media = render_neighbourhood(hood, fmt)
    return Response(content=content, media_type=media)
