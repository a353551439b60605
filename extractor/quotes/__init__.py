"""Quotes: who said what in one spaCy Doc."""

from .parsed import FoundQuote, find_quotes, quote_marks

__all__ = ["FoundQuote", "find_quotes", "quote_marks"]
