"""The HTTP layer: :func:`create_app` builds the FastAPI application.

In: HTTP requests. Out: the library's Extractions and the archive's records as JSON (or
a knowledge-graph format), errors in one JSON shape. Rooms: ``app`` (the application),
``routers/`` (one APIRouter per resource: health, extract, documents, quotes,
entities, graph), ``deps`` (dependencies: the service, settings, store, API keys),
``errors`` (the error shape and handlers).
May import every room of the library except devtools; nothing in the library imports
it (FastAPI stays out of the core).
"""

from .app import create_app

__all__ = ["create_app"]
