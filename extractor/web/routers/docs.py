"""``/docs`` (Swagger UI) and ``/redoc`` (ReDoc) over ``/openapi.json``, with their
scripts, style sheet and icon served by the service itself under ``/static/docs/``
(the copies the fastapi-offline package ships: Swagger UI 5, ReDoc 2), so that both
pages work on a machine without internet access. Like ``/openapi.json``, they need no
API key, whatever ``EXTRACTOR_PROTECT_READS`` says."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

# Where the assets are served, and the folder they come from (swagger-ui-bundle.js,
# swagger-ui.css, redoc.standalone.js, favicon.png).
ASSETS_URL = "/static/docs"
ASSETS_DIR = Path(str(files("fastapi_offline") / "static"))
# FastAPI's default path of Swagger UI's OAuth2 redirect page.
OAUTH2_REDIRECT_URL = "/docs/oauth2-redirect"

# ReDoc's side menu shows Redocly's logo from its CDN, with no option to leave it out.
REDOC_LOGO = b'"https://cdn.redoc.ly/redoc/logo-mini.svg"'

router = APIRouter(include_in_schema=False)


@cache
def _redoc_script() -> bytes:
    """ReDoc's script with no logo to fetch (an empty image source: no request, and
    ReDoc drops the image when it fails to load)."""
    return (ASSETS_DIR / "redoc.standalone.js").read_bytes().replace(REDOC_LOGO, b'""')


# Before the mount, which serves the unchanged file under the same name.
@router.get(f"{ASSETS_URL}/redoc.standalone.js")
def redoc_script() -> Response:
    """ReDoc's script (see :func:`_redoc_script`)."""
    return Response(_redoc_script(), media_type="text/javascript; charset=utf-8")


router.mount(ASSETS_URL, StaticFiles(directory=ASSETS_DIR), name="docs-assets")


def _root(request: Request) -> str:
    """The path the app is served under behind a proxy ("" at the root)."""
    return str(request.scope.get("root_path", "")).rstrip("/")


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI: every operation, with a form to try it."""
    app, root = request.app, _root(request)
    return get_swagger_ui_html(
        openapi_url=root + app.openapi_url,
        title=f"{app.title} - Swagger UI",
        swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
        swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
        swagger_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
        oauth2_redirect_url=root + OAUTH2_REDIRECT_URL,
        init_oauth=app.swagger_ui_init_oauth,
        # No badge from the online validator (validator.swagger.io): nothing leaves.
        swagger_ui_parameters={"validatorUrl": None, **(app.swagger_ui_parameters or {})},
    )


@router.get(OAUTH2_REDIRECT_URL)
async def swagger_ui_redirect() -> HTMLResponse:
    """The page an OAuth2 login in Swagger UI returns to."""
    return get_swagger_ui_oauth2_redirect_html()


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    """ReDoc: the API reference on one page."""
    app, root = request.app, _root(request)
    return get_redoc_html(
        openapi_url=root + app.openapi_url,
        title=f"{app.title} - ReDoc",
        redoc_js_url=f"{root}{ASSETS_URL}/redoc.standalone.js",
        redoc_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
        with_google_fonts=False,
    )
