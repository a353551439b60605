"""What every request goes through: a request id (echoed in ``X-Request-ID`` and in
every log line), the body limit of its endpoint (counted while the body streams in, so
neither a false Content-Length nor a chunked upload gets past it), one access-log line
and the request metrics, and a last resort for unexpected errors: a 500 in the error
shape, after which the connection is closed cleanly."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.body_limit import RequestBodyLimitMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response
from .logs import request_id
from .metrics import Metrics

log = logging.getLogger("extractor.service")
access_log = logging.getLogger("extractor.access")

REQUEST_ID_HEADER = "X-Request-ID"
_CLIENT_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


class RequestGuard:
    """Pure ASGI middleware (see the module's docstring); ``limit_for`` gives the body
    limit of a path, in bytes, and ``too_large`` the answer of a path that does not
    answer in the JSON error shape to a body declared over it (None for the JSON one)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        limit_for: Callable[[str], int],
        metrics: Metrics | None = None,
        too_large: Callable[[str, int], ASGIApp | None] | None = None,
    ) -> None:
        self.app = app
        self.limit_for = limit_for
        self.metrics = metrics
        self.too_large = too_large
        self._limited: dict[int, ASGIApp] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = _request_id(scope)
        token = request_id.set(rid)
        status = 500
        started = False
        begun = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                started = True
                status = message["status"]
                MutableHeaders(scope=message).append(REQUEST_ID_HEADER, rid)
            await send(message)

        limit = self.limit_for(scope["path"])
        try:
            if _declared_length(scope) > limit:
                own = self.too_large(scope["path"], limit) if self.too_large else None
                await (own or _too_large(limit))(scope, receive, send_with_id)
            else:
                await self._limited_app(limit)(scope, receive, send_with_id)
        except Exception:
            log.exception("unexpected error")
            if not started:
                response = error_response(
                    500, "internal_error", "the extractor failed on this input; it was logged"
                )
                response.headers["Connection"] = "close"
                await response(scope, receive, send_with_id)
        finally:
            self._record(scope, status, time.perf_counter() - begun, rid)
            request_id.reset(token)

    def _limited_app(self, limit: int) -> ASGIApp:
        """The app behind a body limit counted as the body streams in."""
        if limit not in self._limited:
            self._limited[limit] = RequestBodyLimitMiddleware(self.app, max_body_size=limit)
        return self._limited[limit]

    def _record(self, scope: Scope, status: int, seconds: float, rid: str) -> None:
        route = getattr(scope.get("route"), "path", None) or "unmatched"
        method = scope["method"]
        if self.metrics is not None:
            self.metrics.observe_request(method, route, status, seconds)
        access_log.info(
            "%s %s %d",
            method,
            scope["path"],
            status,
            extra={
                "method": method,
                "path": scope["path"],
                "route": route,
                "status": status,
                "duration_ms": round(seconds * 1000, 1),
                "request_id": rid,
            },
        )


def _request_id(scope: Scope) -> str:
    """The client's X-Request-ID when it is a plain token, else a new one."""
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            text = value.decode("latin-1")
            if _CLIENT_ID.fullmatch(text):
                return text
    return uuid.uuid4().hex


def _declared_length(scope: Scope) -> int:
    """The request's Content-Length (0 when absent or not a number)."""
    value = Headers(scope=scope).get("content-length", "")
    return int(value) if value.isdigit() else 0


def _too_large(limit: int) -> ASGIApp:
    return error_response(
        413,
        "request_too_large",
        f"the request body is over this endpoint's limit ({limit} bytes)",
        {"limit": limit},
    )
