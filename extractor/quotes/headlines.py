"""Headline and transcript lines that open with a speaker and a colon ("Name:
statement", "Title: statement", "TAPPER: ..."); the same "Name"/"Title" prefix
attributes a quote opened after a colon in the finders."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..entities.base import DocMentions
from ..language import LangData
from .common import FoundQuote, char_offsets, confidence_of, doc_text


def name_prefix(
    doc: Doc, prefix: Span, found: DocMentions, lang: LangData
) -> tuple[tuple[int, int], str] | None:
    """A "Name" or "Title" standing alone before a colon: its span and kind."""
    start, end = prefix.start, prefix.end
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    if not 1 <= end - start <= 5:
        return None
    for m in (*found.persons, *found.orgs):
        if m.start == start and m.end == end:
            return char_offsets(doc[start:end]), "name"
    for t in found.titles:
        if t.mention.start <= start and end <= t.mention.end and t.core_start >= start:
            return char_offsets(doc[start:end]), "title"
    return None


def find_headlines(
    doc: Doc, found: DocMentions, lang: LangData, inside: list[bool]
) -> list[FoundQuote]:
    """Lines that open with a speaker and a colon: headlines ("Name: statement",
    "Title: statement") and transcripts ("TAPPER: ..."). The speaker is a name, a title
    or a speaker label of at most five words; after a title the statement is a
    headline's (3-30 words), after a name it may be a whole paragraph."""
    quotes: list[FoundQuote] = []
    offset = 0
    for line in doc_text(doc).splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        colon_at = line.find(":")
        if colon_at < 0 or any(ch in lang.quote_pairs for ch in line[:colon_at]):
            continue
        body = doc.char_span(line_start, line_start + len(line.rstrip()), alignment_mode="expand")
        colon = doc.char_span(
            line_start + colon_at, line_start + colon_at + 1, alignment_mode="expand"
        )
        if body is None or colon is None or inside[colon.start]:
            continue
        prefix = name_prefix(doc, doc[body.start : colon.start], found, lang)
        statement = doc[colon.end : body.end]
        words = [t for t in statement if t.is_alpha]
        if prefix is None:
            continue
        longest = 30 if prefix[1] == "title" else 250
        if not 3 <= len(words) <= longest:
            continue
        speaker, kind = prefix
        s, e = statement.start_char, statement.end_char
        quotes.append(
            FoundQuote(s, e, "direct", None, speaker, kind, confidence_of("headline", kind))
        )
    return quotes


def with_headlines(quotes: list[FoundQuote], headlines: list[FoundQuote]) -> list[FoundQuote]:
    """The quotes with the headlines', in text order. Quoted words inside a headline or
    transcript line are part of its statement, no quote of their own."""
    kept = [q for q in quotes if not any(h.start <= q.start and q.end <= h.end for h in headlines)]
    return sorted([*kept, *headlines], key=lambda q: (q.start, q.end))
