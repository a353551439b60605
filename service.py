"""The ASGI entry point: ``uvicorn service:app`` serves the app :mod:`extractor.web`
builds (``extractor serve`` runs the same app)."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    # The app is built on first access, not at import time.
    if name == "app":
        from extractor.web import create_app

        application = create_app()
        globals()["app"] = application
        return application
    raise AttributeError(name)
