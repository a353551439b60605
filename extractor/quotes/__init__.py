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
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..entities.base import DocMentions
from ..language import LangData
from .common import FoundQuote
from .flat import find_quotes_flat
from .marks import quote_marks
from .parsed import find_quotes_parsed

__all__ = ["FoundQuote", "find_quotes", "quote_marks"]


def find_quotes(doc: Doc, found: DocMentions, lang: LangData) -> list[FoundQuote]:
    """Every quote in ``doc``, in text order: by the parse where the pipeline has a
    parser, else by the words around reporting cues."""
    if not doc.has_annotation("DEP"):
        return find_quotes_flat(doc, found, lang)
    return find_quotes_parsed(doc, found, lang)
