"""The HTTP layer: :func:`create_app` builds the FastAPI application.

In: HTTP requests. Out: the library's Extractions and the archive's records as JSON (or
a knowledge-graph format), errors in one JSON shape. Rooms: ``app`` (the application),
``routers/`` (one APIRouter per resource: health, extract, documents, quotes,
entities, graph; docs: Swagger UI and ReDoc), ``deps`` (dependencies: the service,
settings, store, API keys),
``engine`` (the extraction thread and its bounded queue), ``middleware`` (request ids,
body limits, access log, last-resort errors), ``metrics`` (Prometheus), ``logs`` (JSON
log lines), ``errors`` (the error shape and handlers); the newsroom desk: ``routers/pages``
(its pages), ``desk`` (templates, security headers, HTML errors, the key cookie and CSRF),
``highlight`` (an article's spans as HTML), ``charts`` (the SVG timeline and graph),
``templates/`` and ``static/``.
May import every room of the library except devtools; nothing in the library imports
it (FastAPI stays out of the core).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # The app and its models' code load on first use, not when the server's
    # supervisor process reads its logging configuration.
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
