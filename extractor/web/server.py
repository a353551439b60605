"""``extractor serve``: gunicorn with uvicorn workers. The app is built and its
preloaded models are read once, in the master process, before it forks its workers,
so that the workers share those pages for as long as nobody writes to them
(copy-on-write); each worker then runs its own extraction thread and event loop.

The app is named by its import string, as uvicorn and gunicorn take it: the command
does not import the HTTP framework itself."""

from __future__ import annotations

import os
from typing import Any

from gunicorn.app.base import BaseApplication
from gunicorn.util import import_app

from .logs import log_config

APP = "extractor.web:create_app()"
# Where prometheus_client's multiprocess mode keeps each process's values; it must be
# set before prometheus_client is first imported (by the app, in load()).
MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        app = import_app(APP)
        app.state.service.warm_up()  # in the master: shared by every worker it forks
        return app


def serve(
    *, host: str, port: int, workers: int, log_level: str, log_format: str, metrics_dir: str
) -> None:
    """Serve the API on ``host:port`` with ``workers`` processes until stopped."""
    # Every process writes its metrics there; /metrics reads them all.
    os.environ.setdefault(MULTIPROCESS_DIR, metrics_dir)
    _Gunicorn(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "uvicorn_worker.UvicornWorker",
            "preload_app": True,
            "logconfig_dict": log_config(log_level, log_format),
            "loglevel": log_level,
            "accesslog": None,
            # Workers answer heartbeats from their event loop, free while they extract.
            "timeout": 120,
            "graceful_timeout": 30,
            "keepalive": 5,
        }
    ).run()
