"""One JSON shape for every error: ``{"error": {"code", "message", "details"}}``, from
the library's errors, request validation and unknown routes (anything unexpected is
answered by :class:`~extractor.web.middleware.RequestGuard`: a 500, logged). The
newsroom desk's pages answer theirs as HTML pages (:mod:`.desk`), also for a path
under them that no page answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ExtractorError
from ..schema import ErrorResponse
from .desk import error_page, is_page

# The documented error responses of every operation.
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse} for status in (400, 413, 422, 500, 503, 504)
}
# What FastAPI says when a body cannot be read as JSON at all (not UTF-8, nested too
# deep, a number too long to convert).
_UNPARSABLE = "There was an error parsing the body"


def error_response(
    status: int,
    code: str,
    message: str,
    details: dict[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """An error in the one JSON shape."""
    body = ErrorResponse.model_validate(
        {"error": {"code": code, "message": message, "details": details or {}}}
    )
    return JSONResponse(status_code=status, content=body.model_dump(mode="json"), headers=headers)


async def _extractor_error(_: Request, exc: ExtractorError) -> JSONResponse:
    response = error_response(exc.status, exc.code, exc.message, exc.details)
    if "retry_after" in exc.details:
        response.headers["Retry-After"] = str(exc.details["retry_after"])
    return response


async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(400, "malformed_json", "the request body is not valid JSON")
    problems = [
        f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'body') or 'body'}: {e.get('msg')}"
        for e in errors
    ]
    return error_response(422, "invalid_request", "; ".join(problems), {"errors": problems})


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    if exc.status_code in (404, 405) and is_page(request.url.path):
        # (a path under the desk's pages that none of them answers: an HTML page too)
        message = "There is no such page." if exc.status_code == 404 else str(exc.detail)
        return error_page(request, exc.status_code, message, headers=exc.headers)
    if exc.status_code == 400 and exc.detail == _UNPARSABLE:
        return error_response(400, "malformed_json", "the request body is not valid JSON")
    if exc.status_code == 413:
        return error_response(
            413, "request_too_large", "the request body is over this endpoint's limit"
        )
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return error_response(exc.status_code, code, str(exc.detail), headers=exc.headers)


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error of ``app`` in the one JSON shape."""
    app.exception_handler(ExtractorError)(_extractor_error)
    app.exception_handler(RequestValidationError)(_validation_error)
    app.exception_handler(StarletteHTTPException)(_http_error)
