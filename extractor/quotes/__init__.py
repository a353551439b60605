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

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from ..entities.base import DocMentions, Mention
from ..language import LangData
from .common import FoundQuote, head_word
from .flat import find_quotes_flat
from .marks import quote_marks
from .parsed import find_quotes_parsed

__all__ = ["FoundQuote", "find_quotes", "name_speakers", "quote_marks"]


# A surname's endings in the region's languages, Latin and Cyrillic ("Tokayev",
# "Тоқаева", "Мамытбеков", "Бағыров", "Nazarbayev", "Ахметжанұлы").
_SURNAME = re.compile(
    r"(?:ov|ev|yev|ova|eva|yeva|in|ina|sky|skiy|skaya|uly|ulı|kyzy|qizi|o[gğ]lu|zade|zadə|"
    r"enko|chuk|vich|dze|shvili|yan|"
    r"ов|ев|ёв|ова|ева|ёва|ин|ина|ский|ская|ұлы|улы|қызы|кызы|заде|енко|чук|вич|дзе|швили|ян)$",
    re.IGNORECASE,
)
# Endings no organization's last word has ("Nebenzya" aside): an organization tag on
# a speaker whose last word ends so is a person's name ("Igor Mosiichuk said").
_STRONG_SURNAME = re.compile(
    r"(?:ov|ev|yev|ova|eva|yeva|enko|chuk|vich|dze|shvili|uly|kyzy|o[gğ]lu|"
    r"ов|ев|ова|ева|енко|чук|вич|дзе|швили|ұлы|улы|қызы|кызы)$",
    re.IGNORECASE,
)


def name_speakers(
    doc: Doc, found: DocMentions, quotes: list[FoundQuote], lang: LangData
) -> list[FoundQuote]:
    """Speakers the entity model missed, made people: two to four capitalized words in
    speaker position, no title, institution or people word among them, ending in a
    surname of the region ("Fuad Əliyev bildirib"), with the rest of a name the
    parse left out ("Касым-Жомарт | Токаев заявил"); and an organization in speaker
    position shaped like a person's name, a hyphenated given name and a surname
    ("Kassym-Jomart Tokayev said"). ``found`` gains the PERSON mentions; the quotes come
    back with their speakers marked as names."""
    out = []
    for q in quotes:
        span = (
            doc.char_span(q.speaker[0], q.speaker[1], alignment_mode="contract")
            if q.speaker is not None and q.speaker_kind in {"noun", "name"}
            else None
        )
        if span is None or not len(span):
            out.append(q)
            continue
        if q.speaker_kind == "name":
            org = next((m for m in found.orgs if (m.start, m.end) == (span.start, span.end)), None)
            if org is not None and _person_shaped(span, lang, hyphenated=True):
                found.orgs.remove(org)
                found.persons.append(Mention("PERSON", span.start, span.end))
            out.append(q)
            continue
        end = span.end
        while (
            end < len(doc)
            and end - span.start < 6
            and doc[end - 1].whitespace_
            and doc[end].is_alpha
            and doc[end].text[:1].isupper()
            and not doc[end].is_sent_start
        ):
            end += 1
        span = doc[span.start : end]
        if _person_shaped(span, lang, hyphenated=False) and not any(
            m.start < span.end and span.start < m.end for m in found.all()
        ):
            found.persons.append(Mention("PERSON", span.start, span.end))
            speaker = (span.start_char, span.end_char)
            out.append(replace(q, speaker=speaker, speaker_kind="name"))
            continue
        out.append(q)
    return out


def _person_shaped(span: Span, lang: LangData, hyphenated: bool) -> bool:
    """Two to four capitalized words, none a title, institution or people word, the
    last a surname by its ending; with ``hyphenated`` (an organization's tag to undo),
    the first a hyphenated given name, or two words the last with an ending no
    organization has ("Mosiichuk", "Aliyev")."""
    words = span.text.split()  # (a hyphenated name is one word: "Kassym-Jomart")
    if not 2 <= len(words) <= 4:
        return False
    for text in words:
        if not text[:1].isupper() or not text.replace("-", "").replace("'", "").isalpha():
            return False
        if text.isupper() and len(text) > 1:
            return False  # an acronym
        lower = text.lower()
        if any(
            lower in words_
            for words_ in (
                lang.title_heads,
                lang.org_heads,
                lang.institution_nouns,
                lang.speaker_nouns,
                lang.determiners,
                lang.document_nouns,
            )
        ):
            return False
    # The last word a surname of the region ("Human Rights Watch", "Beyaz Saray" are
    # no people); with ``hyphenated`` the first a hyphenated given name.
    first = words[0]
    hyphen = "-" in first and all(p[:1].isupper() for p in first.split("-"))
    if hyphenated:
        return bool(
            (hyphen and _SURNAME.search(words[-1]))
            or (len(words) == 2 and _STRONG_SURNAME.search(words[-1]))
        )
    return bool(_SURNAME.search(words[-1]))


def find_quotes(doc: Doc, found: DocMentions, lang: LangData) -> list[FoundQuote]:
    """Every quote in ``doc``, in text order: by the parse where the pipeline has a
    parser, else by the words around reporting cues. A speaker that is an institution
    named by its common noun ("Полиция заявила", "the ministry said") or a title the
    entity rules did not take for one ("ауыл әкімі") is marked so."""
    if not doc.has_annotation("DEP"):
        quotes = find_quotes_flat(doc, found, lang)
    else:
        quotes = find_quotes_parsed(doc, found, lang)
    return [_institution(doc, q, lang) for q in quotes]


def _institution(doc: Doc, q: FoundQuote, lang: LangData) -> FoundQuote:
    if q.speaker_kind != "noun" or q.speaker is None:
        return q
    head = head_word(doc, *q.speaker).strip(".,:;'’\"«»")
    if head in lang.org_heads or head in lang.institution_nouns:
        return replace(q, speaker_kind="institution")
    if head in lang.title_heads:
        return replace(q, speaker_kind="title")  # "ауыл әкімі", the village head
    return q
