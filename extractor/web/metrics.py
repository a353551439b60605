"""Prometheus metrics of the service (``GET /metrics``): requests, latencies, the
extraction queue's depth, extraction time per language and documents stored.

With several server processes, ``extractor serve`` sets ``PROMETHEUS_MULTIPROC_DIR``
and every process writes its values there; a scrape of any process answers for all.
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"
# Latency buckets (seconds) from a health check to a large document.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)


class Metrics:
    """The service's metrics, in a registry of their own (one per app)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter(
            "extractor_requests",
            "HTTP requests answered.",
            ["method", "route", "status"],
            registry=r,
        )
        self.latency = Histogram(
            "extractor_request_seconds",
            "Time to answer an HTTP request.",
            ["method", "route"],
            buckets=BUCKETS,
            registry=r,
        )
        self.queue_depth = Gauge(
            "extractor_queue_depth",
            "Texts waiting for extraction.",
            multiprocess_mode="livesum",
            registry=r,
        )
        self.extraction = Histogram(
            "extractor_extraction_seconds",
            "Extraction time per text, by its main language.",
            ["language"],
            buckets=BUCKETS,
            registry=r,
        )
        self.stored = Counter(
            "extractor_documents_stored", "Documents added to the archive.", registry=r
        )

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    def observe_extraction(self, language: str, seconds: float) -> None:
        self.extraction.labels(language).observe(seconds)

    def exposition(self) -> tuple[bytes, str]:
        """The text format of every metric (of every server process when several)."""
        if os.environ.get(MULTIPROCESS_DIR):
            registry = CollectorRegistry()
            MultiProcessCollector(registry)
            return generate_latest(registry), CONTENT_TYPE_LATEST
        return generate_latest(self.registry), CONTENT_TYPE_LATEST
