"""Multilingual who-said-what extraction: people, titles, organizations, countries, quotes.

>>> from extractor import Extractor
>>> result = Extractor().extract("'We will win,' said Foreign Minister Jeyhun Bayramov.")
"""

from typing import TYPE_CHECKING, Any

from .errors import (
    EmptyTextError,
    ExtractorError,
    InvalidInputError,
    ModelNotAvailableError,
    TextTooLargeError,
    UnsupportedLanguageError,
)
from .schema import Entity, Extraction, Quote, Role, Segment, Span
from .version import __version__

if TYPE_CHECKING:
    from .extract import Extractor

__all__ = [
    "EmptyTextError",
    "Entity",
    "Extraction",
    "Extractor",
    "ExtractorError",
    "InvalidInputError",
    "ModelNotAvailableError",
    "Quote",
    "Role",
    "Segment",
    "Span",
    "TextTooLargeError",
    "UnsupportedLanguageError",
    "__version__",
]


def __getattr__(name: str) -> Any:
    """``Extractor``, imported on first use: ``import extractor`` (the command line, the
    schema) imports no NLP library until extracting needs one."""
    if name == "Extractor":
        from .extract import Extractor

        return Extractor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
