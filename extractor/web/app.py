"""The FastAPI application: the routers, the error handlers, a limit on request
bodies, and the models loaded in the background at start-up (``/readyz`` says when).

Run with ``extractor serve`` (or ``uvicorn service:app``). Every error has one JSON
shape: ``{"error": {"code": ..., "message": ..., "details": {...}}}``.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request

from ..settings import Settings, get_settings
from ..version import __version__
from .deps import Service
from .errors import error_response, install_error_handlers
from .routers import documents, entities, extract, graph, health, quotes


def create_app(settings: Settings | None = None, *, load_models: bool = True) -> FastAPI:
    """The HTTP API over one :class:`~extractor.Extractor` and one archive store.
    With ``load_models``, the models load in a background thread at start-up."""
    service = Service(settings or get_settings())

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if load_models:
            threading.Thread(target=service.warm_up, name="model-loader", daemon=True).start()
        yield

    app = FastAPI(
        title="Who-said-what extractor",
        version=__version__,
        description=(
            "People, job titles, organizations, countries and attributed quotes from news text."
        ),
        lifespan=lifespan,
    )
    app.state.service = service
    max_body = service.settings.max_text_chars * 4 * service.settings.max_batch_size + 65_536

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Any) -> Any:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > max_body:
            return error_response(413, "request_too_large", f"request body over {max_body} bytes")
        return await call_next(request)

    install_error_handlers(app)
    for module in (health, extract, documents, quotes, entities, graph):
        app.include_router(module.router)
    return app
