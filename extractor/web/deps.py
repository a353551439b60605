"""What the routes share, as FastAPI dependencies: the service (settings, the
extractor, readiness of its models), the archive store, and API-key authentication
as a bearer security scheme, so that ``/openapi.json`` declares which operations
need a key."""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends, Request, Response, Security
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..archive.store import Store, open_store
from ..errors import ExtractorError, InvalidInputError, TextTooLargeError, UnauthorizedError
from ..extract import Extractor
from ..schema import Extraction
from ..settings import Settings
from .engine import Engine, Result
from .metrics import Metrics

log = logging.getLogger("extractor.service")
# The time budget of a request grows with its text: one budget per this many characters.
BUDGET_CHARS = 100_000


class Service:
    """One per server process: the settings, the extraction engine (its thread owns
    the extractor and loads the models first), and the archive store (opened on first
    use). Archive reads and health checks never wait for an extraction."""

    def __init__(self, settings: Settings, metrics: Metrics | None = None) -> None:
        self.settings = settings
        self.metrics = metrics or Metrics()
        self.extractor = Extractor(settings)
        self.engine = Engine(
            self.extractor,
            queue_limit=settings.queue_limit,
            batch_size=settings.batch_size,
            observe=self.metrics.observe_extraction,
            depth=self.metrics.queue_depth.set,
        )
        self.ready = False
        self.error: str | None = None  # why the models failed to load
        self._store: Store | None = None
        self._opening = threading.Lock()

    def start(self, *, load_models: bool = True) -> None:
        """Start the engine; with ``load_models``, it loads them before any extraction."""
        self.engine.start(self.warm_up if load_models else None)

    def warm_up(self) -> None:
        """Load the models; a failure is reported by ``/readyz``, never raised."""
        try:
            self.extractor.load(self.settings.preload_languages)
            self.ready = True
        except Exception as exc:
            log.exception("model loading failed")
            self.error = str(exc)

    def check_size(self, text: str, index: int | None = None) -> None:
        """Refuse a text over the limit before it is queued."""
        limit = self.settings.max_text_chars
        if len(text) > limit:
            error = TextTooLargeError(
                f"text has {len(text)} characters; the limit is {limit}", limit=limit
            )
            raise error if index is None else error.at_index(index, "document")

    async def extract_many(self, texts: list[str], language: str | None) -> list[Result]:
        """Each text's extraction or error, through the engine, within the time budget
        (``extraction_timeout`` for each 100,000 characters, at least once)."""
        size = sum(len(t) for t in texts) / BUDGET_CHARS
        budget = self.settings.extraction_timeout * max(1.0, size)
        return await self.engine.extract(texts, language, budget)

    async def extract(self, text: str, language: str | None) -> Extraction:
        """One text's extraction (its error raised)."""
        self.check_size(text)
        [result] = await self.extract_many([text], language)
        if isinstance(result, ExtractorError):
            raise result
        return result

    def store(self) -> Store:
        if self._store is None:
            with self._opening:
                if self._store is None:
                    self._store = open_store(self.settings.database_url)
        return self._store


def get_service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


ServiceDep = Annotated[Service, Depends(get_service)]


def get_app_settings(service: ServiceDep) -> Settings:
    """The settings the app was made with."""
    return service.settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]


def get_store(service: ServiceDep) -> Store:
    """The archive store (``EXTRACTOR_DATABASE_URL``), opened on first use."""
    return service.store()


StoreDep = Annotated[Store, Depends(get_store)]

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="apiKey",
    description=(
        "An API key from EXTRACTOR_API_KEYS, as `Authorization: Bearer <key>`: writing "
        "endpoints need one when keys are set, reading and extraction endpoints too with "
        "EXTRACTOR_PROTECT_READS=true."
    ),
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]


def valid_key(settings: Settings, given: bytes | None) -> bool:
    """Whether ``given`` is one of the API keys (compared as bytes, in constant time)."""
    return given is not None and any(
        hmac.compare_digest(given, key.encode("utf-8")) for key in settings.api_keys
    )


def _check_key(settings: Settings, credentials: HTTPAuthorizationCredentials | None) -> None:
    # Header values arrive as Latin-1 text; keys are compared as bytes, in constant time.
    given = credentials.credentials.encode("latin-1") if credentials else None
    if not valid_key(settings, given):
        raise UnauthorizedError("a valid API key is required: Authorization: Bearer <key>")


def require_write_key(settings: SettingsDep, credentials: Credentials) -> None:
    """Writing endpoints need a key when keys are set."""
    if settings.api_keys:
        _check_key(settings, credentials)


def require_read_key(settings: SettingsDep, credentials: Credentials) -> None:
    """Reading and extraction endpoints need a key when keys are set and reads are
    protected."""
    if settings.api_keys and settings.protect_reads:
        _check_key(settings, credentials)


def page_size(limit: int | None, settings: Settings) -> int:
    """A query's page size: 50 by default, at most ``max_page_size``."""
    if limit is None:
        return min(50, settings.max_page_size)
    if not 1 <= limit <= settings.max_page_size:
        raise InvalidInputError(
            f"limit must be between 1 and {settings.max_page_size}", limit=limit
        )
    return limit


class KeyFirstRoute(APIRoute):
    """A route that checks its API key before it reads the body: a request without a
    valid key is answered 401 whatever its body, even malformed JSON."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        checks = [
            d.dependency
            for d in self.dependencies
            if d.dependency in (require_write_key, require_read_key)
        ]

        async def checked(request: Request) -> Response:
            if checks:
                settings = get_service(request).settings
                credentials = await bearer(request)
                for check in checks:
                    check(settings, credentials)
            return await handler(request)

        return checked
