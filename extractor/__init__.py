"""Multilingual who-said-what extraction: people, titles, organizations, countries, quotes.

>>> from extractor import Extractor
>>> result = Extractor().extract("'We will win,' said Foreign Minister Jeyhun Bayramov.")
"""

from .errors import (
    EmptyTextError,
    ExtractorError,
    InvalidInputError,
    ModelNotAvailableError,
    TextTooLargeError,
    UnsupportedLanguageError,
)
from .extract import Extractor
from .schema import Entity, Extraction, Quote, Role, Segment, Span
from .version import __version__

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
