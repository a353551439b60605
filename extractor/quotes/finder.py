"""The quote finder of a language: by the parse where the pipeline has one, else by the
words around reporting cues (:func:`find_quotes`)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..entities.base import DocMentions
from ..language import LangData
from .bounds import load_model, refine_bounds
from .common import FoundQuote, head_word, institution_word
from .flat import find_quotes_flat
from .parsed import find_quotes_parsed


def find_quotes(
    doc: Doc, found: DocMentions, lang: LangData, *, learned_bounds: bool = True
) -> list[FoundQuote]:
    """Every quote in ``doc``, in text order: by the parse where the pipeline has a
    parser, else by the words around reporting cues; where the language has a boundary
    model (and ``learned_bounds``), the bounds of each reported content are the model's.
    A speaker that is an institution named by its common noun ("Полиция заявила", "the
    ministry said") or a title the entity rules did not take for one ("ауыл әкімі") is
    marked so."""
    if not doc.has_annotation("DEP"):
        quotes = find_quotes_flat(doc, found, lang)
    else:
        quotes = find_quotes_parsed(doc, found, lang)
        model = load_model(lang.quote_bounds) if learned_bounds and lang.quote_bounds else None
        if model is not None:
            quotes = refine_bounds(doc, quotes, model, lang)
    return [_institution(doc, _outside_words(q), lang) for q in quotes]


def _outside_words(q: FoundQuote) -> FoundQuote:
    """A direct quote whose speaker lies inside its own quoted words has none: the words
    are someone's, not their speaker's name ("объявлены как «Ветра зимы»")."""
    if q.kind == "direct" and q.speaker is not None:
        s, e = q.speaker
        # (A quote split around its attribution holds the speaker between its pieces.)
        pieces = q.pieces or ((q.start, q.end),)
        if any(start <= s and e <= end for start, end in pieces):
            return replace(q, speaker=None, speaker_kind=None)
    return q


def _institution(doc: Doc, q: FoundQuote, lang: LangData) -> FoundQuote:
    if q.speaker_kind != "noun" or q.speaker is None:
        return q
    head = head_word(doc, *q.speaker).strip(".,:;'’\"«»")
    if institution_word(head, lang):
        return replace(q, speaker_kind="institution")
    if head in lang.title_heads:
        return replace(q, speaker_kind="title")  # "ауыл әкімі", the village head
    return q
