"""Statements: the quotes that state one thing. A headline and the paragraph it sums
up, the English, Azerbaijani and Russian versions of one headline, a translation and
its original: each is a version of one statement.

Two quotes are versions of one statement where nothing sets them apart and their words
agree:

- **Apart**: two speakers who cannot be one entity (:func:`may_be_one`: a person's
  name in two scripts may be); numbers neither quote's set of which holds the other's
  ("5%" and "6%"); names (people, organizations, countries named inside them) where
  both name some and none of one quote's may be the other's (across languages,
  countries only: other names' keys differ between a name and its translation).
- **Same language**: the Dice overlap of their content words (words of four letters or
  more, compared by their first five letters, which takes in most inflections) of at
  least :data:`LEXICAL_DICE`.
- **Other languages**: multilingual-e5-small's cosine (:mod:`..nlp.sentences`) of at
  least :data:`CROSS_COSINE`, set on the parallel news sentences' dev block
  (``extractor eval parallel``). Where no encoder is given, quotes in different
  languages are one statement only as headlines.
- **Headlines**: lines that are only "Speaker: statement" by one speaker in
  different languages are one headline's versions, whatever their words.

Quotes join statements in order: each joins the statement whose versions it agrees with
best on average (each pair's margin above its threshold), if that average is not below
zero and nothing sets it apart from any of them; else it starts one of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..entities.linking import same_entity, word_skeleton
from ..schema import Entity, Quote

# Same language: the Dice overlap of content words from which two quotes say one thing.
LEXICAL_DICE = 0.5
# Other languages: the cosine of two quotes' sentence vectors from which they say one
# thing (parallel-pud dev, quotes of one sentence against quotes of others).
CROSS_COSINE = 0.865
# The margin two headlines of one speaker in different languages count for.
HEADLINE_MARGIN = 1.0
_STEM = 5
_WORD = re.compile(r"[^\W\d_]{4,}")
_NUMBER = re.compile(r"\d+(?:[.,\u00a0 ]\d+)*")


@dataclass(frozen=True)
class Said:
    """A quote as statements compare it: its words, their language, who said it (an
    entity key, or None), the entities it names (keys) and whether it is a headline."""

    text: str
    language: str
    speaker: str | None = None
    names: tuple[str, ...] = ()
    headline: bool = False


Vectors = Callable[[Sequence[str]], np.ndarray]


@lru_cache(maxsize=65536)
def numbers(text: str) -> frozenset[str]:
    """The numbers written in digits, separators read ("1,200", "1 200" -> "1200";
    "3,5" -> "3.5")."""
    found = set()
    for match in _NUMBER.finditer(text):
        parts = re.split(r"[.,\u00a0 ]", match.group())
        if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
            found.add("".join(parts))  # thousands
        elif len(parts) == 2:
            found.add(f"{parts[0]}.{parts[1]}")  # a decimal
        else:
            found.update(parts)  # numbers listed ("1, 2 and 3")
    return frozenset(found)


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """The content words of a text by their first letters (see the module doc)."""
    return frozenset(w.casefold()[:_STEM] for w in _WORD.findall(text))


def may_be_one(key_a: str, key_b: str) -> bool:
    """Whether two entity keys may name one entity, for telling statements apart: the
    same entity (:func:`same_entity`), or two names whose last words have one consonant
    skeleton, whatever type each was given (a name's spellings in two scripts:
    "Rogers", "Роджерс"; "Samsung" an organization in one, a person in the other)."""
    if same_entity(key_a, key_b):
        return True
    name_a, name_b = key_a.partition(":")[2].split(), key_b.partition(":")[2].split()
    if not (name_a and name_b):
        return False
    return word_skeleton(name_a[-1]) == word_skeleton(name_b[-1])


def _apart(a: Said, b: Said) -> bool:
    if a.speaker and b.speaker and not may_be_one(a.speaker, b.speaker):
        return True
    na, nb = numbers(a.text), numbers(b.text)
    if na and nb and not (na <= nb or nb <= na):
        return True
    names_a, names_b = a.names, b.names
    if a.language != b.language:
        # Across languages only countries are named alike (their codes): a person's or
        # an organization's key may be its translation's or another script's.
        names_a = tuple(n for n in names_a if n.startswith("country:"))
        names_b = tuple(n for n in names_b if n.startswith("country:"))
    if names_a and names_b:
        return not any(may_be_one(x, y) for x in names_a for y in names_b)
    return False


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


class _Pairs:
    """Margins of pairs of quotes, sentence vectors made once and only when a pair
    across languages needs them."""

    def __init__(self, quotes: Sequence[Said], vectors: Vectors | None) -> None:
        self.quotes = quotes
        self.words = [content_words(q.text) for q in quotes]
        self.encode = vectors
        self.vectors: dict[int, np.ndarray] = {}

    def need(self, indexes: Sequence[int]) -> None:
        """Encode the quotes ``indexes`` not encoded yet, in one call."""
        todo = [i for i in dict.fromkeys(indexes) if i not in self.vectors]
        if todo and self.encode is not None:
            for i, v in zip(todo, self.encode([self.quotes[i].text for i in todo])):
                self.vectors[i] = v

    def margin(self, i: int, j: int) -> float | None:
        """How far quotes ``i`` and ``j`` are above the threshold that makes them one
        statement (below zero: under it); None where something sets them apart."""
        a, b = self.quotes[i], self.quotes[j]
        if _apart(a, b):
            return None
        if a.language == b.language:
            return _dice(self.words[i], self.words[j]) - LEXICAL_DICE
        if a.headline and b.headline and a.speaker and b.speaker:
            return HEADLINE_MARGIN
        if self.encode is None:
            return -1.0
        self.need([i, j])
        return float(self.vectors[i] @ self.vectors[j]) - CROSS_COSINE


def best_statement(
    new: Sequence[Said], known: Sequence[tuple[int, Said]], vectors: Vectors | None = None
) -> int | None:
    """The statement of ``known`` (statement id, version) that the versions ``new`` (one
    statement's, of another document) are versions of too: the one they agree with best
    on average, if that is not below zero and nothing sets them apart; else None."""
    quotes = [*new, *(said for _, said in known)]
    pairs = _Pairs(quotes, vectors)
    pairs.need(
        [
            k
            for i, a in enumerate(new)
            for j, (_, b) in enumerate(known, start=len(new))
            if a.language != b.language and not _apart(a, b)
            for k in (i, j)
        ]
    )
    versions: dict[int, list[int]] = {}
    for j, (statement, _) in enumerate(known, start=len(new)):
        versions.setdefault(statement, []).append(j)
    words = pairs.words
    best, best_score = None, 0.0
    for statement, members in versions.items():
        # (Quick: versions in one language that share no word are not one statement.)
        if not any(
            words[i] & words[j] or quotes[i].language != quotes[j].language
            for i in range(len(new))
            for j in members
        ):
            continue
        margins = [pairs.margin(i, j) for i in range(len(new)) for j in members]
        if any(m is None for m in margins):
            continue
        score = sum(m for m in margins if m is not None) / len(margins)
        if score >= 0 and (best is None or score > best_score):
            best, best_score = statement, score
    return best


def same_statement(a: Said, b: Said, vectors: Vectors | None = None) -> bool:
    """Whether two quotes (of any documents) are versions of one statement."""
    margin = _Pairs([a, b], vectors).margin(0, 1)
    return margin is not None and margin >= 0


def statement_groups(quotes: Sequence[Said], vectors: Vectors | None = None) -> list[int]:
    """The statement of each quote, numbered from 0 in order of first version."""
    pairs = _Pairs(quotes, vectors)
    # The quotes with a partner in another language are encoded at once (one call).
    pairs.need(
        [
            i
            for i, a in enumerate(quotes)
            for j, b in enumerate(quotes)
            if i != j and a.language != b.language and not _apart(a, b)
        ]
    )
    groups: list[list[int]] = []
    of: list[int] = []
    for i in range(len(quotes)):
        best, best_score = None, 0.0
        for n, members in enumerate(groups):
            margins = [pairs.margin(i, j) for j in members]
            if any(m is None for m in margins):
                continue
            score = sum(m for m in margins if m is not None) / len(margins)
            if score >= 0 and (best is None or score > best_score):
                best, best_score = n, score
        if best is None:
            groups.append([i])
            of.append(len(groups) - 1)
        else:
            groups[best].append(i)
            of.append(best)
    return of


def is_headline(text: str, quote: Quote) -> bool:
    """Whether the quote is a line of its own that opens with its speaker and a colon
    ("Director: Turkic states' info exchange builds unified space")."""
    if quote.speaker_mention is None or quote.pieces:
        return False
    line_start = text.rfind("\n", 0, quote.start) + 1
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    return (
        not text[line_start : quote.speaker_mention.start].strip()
        and text[quote.speaker_mention.end : quote.start].strip(" \t\"'“”«»") == ":"
        and not text[quote.end : line_end].strip(" \t.!?\"'“”«»")
    )


def said_of(
    quote: Quote, entities: Sequence[Entity], language: str, headline: bool = False
) -> Said:
    """A quote of an extraction as statements compare it: its speaker's key, and the
    keys of the entities (but titles and its speaker) mentioned inside it."""
    speaker = next((e for e in entities if e.id == quote.speaker), None) if quote.speaker else None
    inside = {
        e.key
        for e in entities
        if e is not speaker
        and e.type != "TITLE"
        and any(quote.start <= m.start and m.end <= quote.end for m in e.mentions)
    }
    return Said(
        quote.text,
        language,
        speaker.key if speaker is not None else None,
        tuple(sorted(inside)),
        headline,
    )


def assign_statements(
    text: str,
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    language_at: Callable[[int], str],
    vectors: Vectors | None,
) -> None:
    """Number the statements of one document's quotes (``Quote.statement``: "s1", "s2",
    … in order of first version), each quote as :func:`said_of` gives it."""
    said = [said_of(q, entities, language_at(q.start), is_headline(text, q)) for q in quotes]
    for q, n in zip(quotes, statement_groups(said, vectors)):
        q.statement = f"s{n + 1}"
