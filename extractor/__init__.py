"""Multilingual who-said-what extraction: people, titles, organizations, countries, quotes.

>>> from extractor import Extractor
>>> result = Extractor().extract("'We will win,' said Foreign Minister Jeyhun Bayramov.")
"""

__version__ = "0.1.0"

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
