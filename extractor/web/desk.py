"""What the newsroom desk's pages share: the Jinja2 templates (autoescaped), the
security headers every page carries (a Content-Security-Policy without inline
scripts or styles), the HTML error page, form bodies, and the desk's session: the API
key kept in a cookie (HttpOnly, SameSite=Strict) and the CSRF token that every
state-changing form carries.

The pages themselves are in :mod:`.routers.pages`; the JSON API's error shape is not
touched: only the desk's routes (:class:`PageRoute`) answer errors in HTML.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import logging
import secrets
from collections.abc import Callable, Coroutine, Mapping
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute
from jinja2 import Environment, FileSystemLoader
from pydantic import TypeAdapter, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from ..errors import ExtractorError, InvalidInputError
from ..language import SUPPORTED
from ..settings import Settings
from .deps import get_service, valid_key

log = logging.getLogger("extractor.service")

HERE = Path(__file__).resolve().parent
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"

# The desk's pages (the body limit middleware answers them in HTML too).
PAGE_PREFIXES = ("/search", "/documents", "/entities", "/key")
KEY_COOKIE = "desk_key"
CSRF_COOKIE = "desk_csrf"
CSRF_FIELD = "csrf"
# Everything from this origin only; no inline scripts or styles, no plugins, no
# framing, forms posted here only.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
# Most fields one form may carry.
MAX_FIELDS = 40
TITLES = {
    400: "Bad request",
    401: "Key needed",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    413: "Too large",
    415: "Unsupported form",
    422: "Check the input",
    500: "Something went wrong",
    503: "Busy",
    504: "Took too long",
}


class Redirect(Exception):
    """Answer with a redirect (303: the browser follows it with a GET)."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


class PageError(Exception):
    """Answer with the HTML error page."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class KeyNeeded(Exception):
    """A write without a valid key: ask for it in a form that posts ``fields`` again
    to ``action`` with the key."""

    def __init__(self, action: str, fields: Mapping[str, str], message: str) -> None:
        super().__init__(message)
        self.action = action
        self.fields = dict(fields)
        self.message = message


# --- languages ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def languages() -> list[dict[str, str]]:
    """The supported languages (the project's language data), each with its name in
    English and in itself (CLDR names from babel)."""
    from babel import Locale

    out = []
    for code in SUPPORTED:
        try:
            locale = Locale.parse(code)
            english = locale.get_display_name("en") or code
            native = locale.get_display_name(code) or english
        except (ValueError, LookupError):
            english = native = code
        out.append({"code": code, "name": english, "native": native})
    return out


# --- templates ---------------------------------------------------------------------------


def _when(value: object, fmt: str = "%d %b %Y %H:%M") -> str:
    """An ISO 8601 instant as the desk shows it (UTC)."""
    if not value:
        return ""
    try:
        at = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if at.tzinfo is not None:
        at = at.astimezone(timezone.utc)
    return at.strftime(fmt)


def _day(value: object) -> str:
    return _when(value, "%Y-%m-%d")


def _path_part(value: object) -> str:
    """``value`` as one path segment of a URL."""
    return quote(str(value), safe="")


def _query(params: Mapping[str, object]) -> str:
    """A query string of the non-empty ``params``."""
    return urlencode({k: str(v) for k, v in params.items() if v not in (None, "")})


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The desk's Jinja2 environment: every value autoescaped."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
    )
    env.filters.update(when=_when, day=_day, path=_path_part, query=_query)
    return env


def root_path(request: Request) -> str:
    """The path the app is served under behind a proxy ("" at the root)."""
    return str(request.scope.get("root_path", "")).rstrip("/")


def secure(response: Response) -> Response:
    """The desk's security headers on ``response``."""
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    return response


def render(
    request: Request,
    template: str,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    """A page from ``template``, with what every page needs in its context (the CSRF
    token, the key state, the languages) and the security headers."""
    settings = get_service(request).settings
    token, fresh = csrf_token(request)
    html = (
        environment()
        .get_template(template)
        .render(
            root=root_path(request),
            path=request.url.path,
            csrf=token,
            keys_needed=bool(settings.api_keys),
            has_key=has_key(request, settings),
            languages=languages(),
            **context,
        )
    )
    response = HTMLResponse(html, status_code=status, headers=dict(headers or {}))
    if fresh:
        set_cookie(response, request, CSRF_COOKIE, token)
    return secure(response)  # type: ignore[return-value]


def error_page(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> HTMLResponse:
    """The HTML error page: what was wrong, for a person, with the status code."""
    return render(
        request,
        "error.html",
        status=status,
        headers=headers,
        title=TITLES.get(status, "Error"),
        code=status,
        message=message,
    )


# --- the session: key and CSRF cookies -------------------------------------------------------


def set_cookie(response: Response, request: Request, name: str, value: str) -> None:
    """A session cookie (no expiry) that scripts cannot read and other sites never
    send (HttpOnly, SameSite=Strict, Path=/; Secure over HTTPS)."""
    response.set_cookie(
        name,
        value,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


def csrf_token(request: Request) -> tuple[str, bool]:
    """The session's CSRF token, and whether it is new (to be set as a cookie)."""
    token = request.cookies.get(CSRF_COOKIE, "")
    if 20 <= len(token) <= 100 and token.replace("-", "").replace("_", "").isalnum():
        return token, False
    return secrets.token_urlsafe(32), True


def encode_key(key: str) -> str:
    """A key as a cookie value (base64, so any character survives)."""
    return base64.urlsafe_b64encode(key.encode("utf-8")).decode("ascii")


def _cookie_key(request: Request) -> bytes | None:
    value = request.cookies.get(KEY_COOKIE)
    if not value or len(value) > 4096:
        return None
    try:
        return base64.urlsafe_b64decode(value.encode("ascii"))
    except (binascii.Error, ValueError):
        return None


def has_key(request: Request, settings: Settings) -> bool:
    """Whether the session holds a valid API key (always, when no keys are set)."""
    return not settings.api_keys or valid_key(settings, _cookie_key(request))


def read_guard(request: Request) -> None:
    """With ``protect_reads``, the pages need the key: to the key form without it."""
    settings = get_service(request).settings
    if settings.api_keys and settings.protect_reads and not has_key(request, settings):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise Redirect(f"{root_path(request)}/key?{urlencode({'next': target})}")


def safe_next(value: str | None) -> str:
    """A local path to go on to after the key form ("/" for anything else: no other
    site, no scheme, no backslashes)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    if any(ord(c) < 32 for c in value) or urlsplit(value).netloc:
        return "/"
    return value


def same_origin(request: Request) -> None:
    """Refuse a form posted from another site: an Origin header (browsers send one
    with every POST) must name this host."""
    origin = request.headers.get("origin")
    if origin is None:
        return
    host = request.headers.get("host", "")
    if origin == "null" or urlsplit(origin).netloc.lower() != host.lower():
        raise PageError(403, "This form was sent from another site; it was refused.")


def check_csrf(request: Request, form: Mapping[str, str]) -> None:
    """A state-changing form must come from this site: the same origin, and the token
    of the session's SameSite=Strict cookie (which other sites' requests never carry)
    in the form."""
    same_origin(request)
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = form.get(CSRF_FIELD, "")
    if not cookie or not hmac.compare_digest(cookie.encode(), sent.encode()):
        raise PageError(
            403,
            "This form's session token is missing or out of date (cookies must be on). "
            "Go back, reload the page and send it again.",
        )


def require_writer(
    request: Request, form: Mapping[str, str], action: str, response: Response | None = None
) -> str | None:
    """A write needs the key when keys are set: the session's, or one typed into the
    form (then kept in the session: its cookie value is returned). Without a valid key,
    :class:`KeyNeeded` asks for it."""
    settings = get_service(request).settings
    if has_key(request, settings):
        return None
    typed = form.get("key", "")
    if typed and valid_key(settings, typed.encode("utf-8")):
        return encode_key(typed)
    kept = {k: v for k, v in form.items() if k not in ("key", CSRF_FIELD)}
    message = "That key is not valid." if typed else "Storing and deleting need the API key."
    raise KeyNeeded(action, kept, message)


# --- form bodies and query values ---------------------------------------------------------


async def read_form(request: Request) -> dict[str, str]:
    """A form's fields (``application/x-www-form-urlencoded``, UTF-8); the last value
    of a repeated field wins."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise PageError(415, "Send the form from the page (a URL-encoded form).")
    body = await request.body()
    try:
        pairs = parse_qsl(
            body.decode("ascii"),
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=MAX_FIELDS,
        )
    except (UnicodeDecodeError, ValueError) as exc:
        raise PageError(400, "The form could not be read (not UTF-8 text).") from exc
    return dict(pairs)


_INSTANT: TypeAdapter[datetime] = TypeAdapter(datetime)


def parse_day(value: str | None, field: str, *, end: bool = False) -> datetime | None:
    """A date (YYYY-MM-DD, the start of that day in UTC, or with ``end`` the start of
    the next) or an ISO 8601 instant; None when empty; InvalidInputError otherwise."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        day = date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        day = None
    if day is not None:
        if end:
            try:
                day += timedelta(days=1)
            except OverflowError as exc:
                raise InvalidInputError(f"{field} is out of the range of dates") from exc
        return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
    try:
        return _INSTANT.validate_python(value)
    except ValidationError as exc:
        raise InvalidInputError(
            f"{field}: {value!r} is not a date (YYYY-MM-DD) or an ISO 8601 time", field=field
        ) from exc


# --- routes that answer in HTML ------------------------------------------------------------


def _problems(exc: RequestValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ()) if p not in ('body', 'path', 'query'))}: "
        f"{e.get('msg')}"
        for e in exc.errors()
    )


def page_exception(request: Request, exc: Exception) -> Response:
    """The answer of a desk page to ``exc``: a redirect, the key form, or the HTML
    error page with the error's status (an unexpected error is logged and a 500)."""
    if isinstance(exc, Redirect):
        return secure(RedirectResponse(exc.url, status_code=303))
    if isinstance(exc, KeyNeeded):
        return render(
            request,
            "key.html",
            status=401,
            action=exc.action,
            fields=exc.fields,
            message=exc.message,
            next="",
        )
    if isinstance(exc, PageError):
        return error_page(request, exc.status, exc.message)
    if isinstance(exc, ExtractorError):
        headers = {}
        if "retry_after" in exc.details:
            headers["Retry-After"] = str(exc.details["retry_after"])
        return error_page(request, exc.status, exc.message, headers)
    if isinstance(exc, RequestValidationError):
        return error_page(request, 422, f"Some of the input is not valid: {_problems(exc)}.")
    if isinstance(exc, StarletteHTTPException):
        if exc.status_code == 413:
            return error_page(request, 413, "The request is over this page's size limit.")
        return error_page(request, exc.status_code, str(exc.detail))
    log.exception("unexpected error on a desk page", exc_info=exc)
    return error_page(request, 500, "The desk failed on this request; it was logged.")


class PageRoute(APIRoute):
    """A desk route: its errors (bad input, unknown ids, a body over the limit, a
    missing key) answered as HTML pages, and the security headers on every answer."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def page(request: Request) -> Response:
            try:
                response = await handler(request)
            except Exception as exc:
                return page_exception(request, exc)
            return secure(response)

        return page


def is_page(path: str) -> bool:
    """Whether ``path`` is one of the desk's pages."""
    return path == "/" or path.startswith(PAGE_PREFIXES)


def too_large(path: str, limit: int) -> ASGIApp | None:
    """The answer to a desk form whose body is over its limit: a plain HTML page
    (the request is refused before it is routed); None for other paths."""
    if not is_page(path):
        return None
    html = (
        environment()
        .get_template("error.html")
        .render(
            root="",
            path=path,
            languages=languages(),
            code=413,
            title=TITLES[413],
            message=f"The form is over this page's size limit ({limit:,} bytes).",
        )
    )
    return secure(HTMLResponse(html, status_code=413))
