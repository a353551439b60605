"""``/healthz`` (the process is up), ``/readyz`` (the models are loaded) and
``/metrics`` (Prometheus). They never wait for an extraction."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from ...schema import ErrorResponse
from ...version import __version__
from ..deps import ServiceDep
from ..errors import error_response

router = APIRouter(tags=["service"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok", "version": __version__}


@router.get("/readyz", responses={503: {"model": ErrorResponse}})
async def readyz(service: ServiceDep) -> Any:
    """True once the models are loaded."""
    if service.ready:
        return {"ready": True, "languages": list(service.extractor.supported_languages)}
    if service.error:
        return error_response(503, "model_load_failed", str(service.error))
    return JSONResponse(status_code=503, content={"ready": False})


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {}}, "description": "Prometheus text format."}},
)
def metrics(service: ServiceDep) -> Response:
    """Requests, latencies, queue depth, extraction time per language, documents stored."""
    content, media = service.metrics.exposition()
    return Response(content=content, media_type=media)
