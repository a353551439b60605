"""Quotes: who said what in one spaCy Doc.

In: a Doc with its entity mentions (:class:`~extractor.entities.base.DocMentions`) and
the language's data. Out: :class:`FoundQuote` (content, kind, cue, speaker mention, in
Doc character offsets); :func:`speakers.document_quotes` then resolves each speaker
mention to an entity of the document. Rooms: ``marks`` (quote marks and their
pairing), ``parsed`` (the finder over a dependency parse), ``flat`` (the finder for
pipelines without a parser), ``headlines`` ("Name: statement" lines), ``speakers``
(cues, speaker mentions, their entities), ``common`` (what they share).
May import: entities, nlp, language, schema; never the archive, the web layer or
devtools.

The package imports nothing itself (spaCy is heavy): :func:`find_quotes` is in
``finder``, and the names below are read from their modules when first asked for, so
that the archive can compare statements (``statements``) without loading spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["FoundQuote", "find_quotes", "name_speakers", "quote_marks"]

_HOMES = {
    "FoundQuote": "common",
    "find_quotes": "finder",
    "name_speakers": "speakers",
    "quote_marks": "marks",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_HOMES[name]}", __name__), name)
