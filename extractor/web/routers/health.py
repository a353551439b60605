"""``/healthz`` (the process is up) and ``/readyz`` (the models are loaded)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from ...schema import ErrorResponse
from ...version import __version__
from ..deps import ServiceDep
from ..errors import error_response

router = APIRouter(tags=["service"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok", "version": __version__}


@router.get("/readyz", responses={503: {"model": ErrorResponse}})
def readyz(service: ServiceDep) -> Any:
    """True once the models are loaded."""
    if service.ready:
        return {"ready": True, "languages": list(service.extractor.supported_languages)}
    if service.error:
        return error_response(503, "model_load_failed", str(service.error))
    return JSONResponse(status_code=503, content={"ready": False})
