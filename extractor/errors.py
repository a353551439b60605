"""The extractor's error hierarchy. Every error has a stable ``code`` and an HTTP status."""

from __future__ import annotations

from typing import Any


class ExtractorError(Exception):
    """Base class: a request the extractor cannot honour, with a clear message."""

    code = "extractor_error"
    status = 400

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.reason = message  # the message without any "text #N:" prefix
        self.details = details

    def at_index(self, index: int, label: str = "text") -> ExtractorError:
        """Name the failing item of a batch in the message and the details."""
        self.message = f"{label} #{index}: {self.reason}"
        self.args = (self.message,)
        self.details["index"] = index
        return self


class EmptyTextError(ExtractorError):
    code = "empty_text"
    status = 422


class TextTooLargeError(ExtractorError):
    code = "text_too_large"
    status = 413


class UnsupportedLanguageError(ExtractorError):
    code = "unsupported_language"
    status = 422


class InvalidInputError(ExtractorError):
    code = "invalid_input"
    status = 422


class ModelNotAvailableError(ExtractorError):
    """A configured pipeline is not installed; raised when it is first needed."""

    code = "model_not_available"
    status = 503


class NotAcceptableError(ExtractorError):
    """The client accepts none of the formats the extractor can answer with."""

    code = "not_acceptable"
    status = 406


class UnauthorizedError(ExtractorError):
    code = "unauthorized"
    status = 401


class NotFoundError(ExtractorError):
    code = "not_found"
    status = 404


class StoreUnavailableError(ExtractorError):
    """The configured database cannot be opened (bad URL, server down, no such folder)."""

    code = "store_unavailable"
    status = 503


class RequestTooLargeError(ExtractorError):
    """A request body over the endpoint's limit (measured as it arrives)."""

    code = "request_too_large"
    status = 413


class OverloadedError(ExtractorError):
    """The extraction queue is full; the client should retry after ``retry_after`` s."""

    code = "overloaded"
    status = 503


class ExtractionTimeoutError(ExtractorError):
    """An extraction did not finish within the service's time budget."""

    code = "extraction_timeout"
    status = 504
