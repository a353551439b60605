"""The FastAPI application: the routers, the error handlers, the request guard (request
ids, body limits per endpoint, access log, metrics) and the extraction engine, which
loads the models at start-up (``/readyz`` says when).

Run with ``extractor serve`` (or ``uvicorn service:app``). Every error has one JSON
shape: ``{"error": {"code": ..., "message": ..., "details": {...}}}``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI

from ..settings import Settings, get_settings
from ..version import __version__
from .deps import Service
from .desk import too_large
from .errors import install_error_handlers
from .metrics import Metrics
from .middleware import RequestGuard
from .routers import docs, documents, entities, extract, graph, health, pages, quotes

# The body limit of requests that carry no text (queries, health), in bytes.
SMALL_BODY = 65_536


def create_app(settings: Settings | None = None, *, load_models: bool = True) -> FastAPI:
    """The HTTP API over one extraction engine and one archive store. With
    ``load_models``, the engine loads the models before its first extraction."""
    metrics = Metrics()
    service = Service(settings or get_settings(), metrics)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        service.start(load_models=load_models)
        yield
        service.engine.stop()

    app = FastAPI(
        title="Who-said-what extractor",
        version=__version__,
        description=(
            "People, job titles, organizations, countries and attributed quotes from news text."
        ),
        lifespan=lifespan,
        # /docs and /redoc with their assets served here (routers/docs.py)
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = service
    app.add_middleware(
        RequestGuard,
        limit_for=body_limits(service.settings),
        metrics=metrics,
        too_large=too_large,
    )
    install_error_handlers(app)
    # (pages last: its /static mount leaves /static/docs to the docs router)
    for module in (health, extract, documents, quotes, entities, graph, docs, pages):
        app.include_router(module.router)
    return app


def body_limits(settings: Settings) -> Callable[[str], int]:
    """Each path's request body limit: a batch's, one text's (six bytes a character,
    the most JSON spends on one, plus the other fields), or a small one."""
    one_text = settings.max_text_chars * 6 + SMALL_BODY

    def limit_for(path: str) -> int:
        if path == "/v1/extract/batch":
            return settings.max_batch_bytes
        if path in ("/v1/extract", "/v1/documents", "/", "/documents"):  # (and the desk's forms)
            return one_text
        return SMALL_BODY

    return limit_for
