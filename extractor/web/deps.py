"""What the routes share, as FastAPI dependencies: the service (settings, the
extractor, readiness of its models), the archive store, and API-key authentication
as a bearer security scheme, so that ``/openapi.json`` declares which operations
need a key."""

from __future__ import annotations

import hmac
import logging
import threading
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..archive.store import Store, open_store
from ..errors import InvalidInputError, UnauthorizedError
from ..extract import Extractor
from ..schema import Extraction
from ..settings import Settings

log = logging.getLogger("extractor.service")


class Service:
    """One per app: the settings, the extractor with its models (loaded in the
    background at start-up), and the archive store (opened on first use).

    One extraction runs at a time: spaCy pipelines are shared, and not thread-safe.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.extractor = Extractor(settings)
        self.lock = threading.Lock()
        self.ready = False
        self.error: str | None = None  # why the models failed to load
        self._store: Store | None = None

    def warm_up(self) -> None:
        """Load the models; a failure is reported by ``/readyz``, never raised."""
        try:
            self.extractor.load(self.settings.preload_languages)
            self.ready = True
        except Exception as exc:
            log.exception("model loading failed")
            self.error = str(exc)

    def extract(self, text: str, language: str | None) -> Extraction:
        with self.lock:
            return self.extractor.extract(text, language=language)

    def store(self) -> Store:
        with self.lock:
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
        "endpoints need one when keys are set, reading endpoints too with "
        "EXTRACTOR_PROTECT_READS=true."
    ),
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]


def _check_key(settings: Settings, credentials: HTTPAuthorizationCredentials | None) -> None:
    if credentials is None or not any(
        hmac.compare_digest(credentials.credentials, k) for k in settings.api_keys
    ):
        raise UnauthorizedError("a valid API key is required: Authorization: Bearer <key>")


def require_write_key(settings: SettingsDep, credentials: Credentials) -> None:
    """Writing endpoints need a key when keys are set."""
    if settings.api_keys:
        _check_key(settings, credentials)


def require_read_key(settings: SettingsDep, credentials: Credentials) -> None:
    """Reading endpoints need a key when keys are set and reads are protected."""
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
