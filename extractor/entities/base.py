"""What every kind of mention shares: the mention types, and the token tests that
persons, organizations, titles and countries all use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..language import LangData, get_lang

PERSON = "PERSON"
ORGANIZATION = "ORGANIZATION"
COUNTRY = "COUNTRY"
TITLE = "TITLE"

_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "X"})


@dataclass(frozen=True)
class Mention:
    """A mention as a token range ``[start, end)`` of one Doc."""

    label: str
    start: int
    end: int
    code: str | None = None  # ISO 3166-1 alpha-2, countries only
    name: str | None = None  # display name when it differs from the text


@dataclass(frozen=True)
class TitleMention:
    """A job title, the organization/country it is bound to, and its core words."""

    mention: Mention
    core_start: int
    core_end: int
    head: str  # lower-cased head word ("director")
    org: Mention | None = None
    country: Mention | None = None
    tagged: bool = False  # tagged by a statistical model, not found by the rules
    unit: Mention | None = None  # a unit of ``org`` named in the title ("Department of X")


@dataclass
class DocMentions:
    persons: list[Mention] = field(default_factory=list)
    orgs: list[Mention] = field(default_factory=list)
    countries: list[Mention] = field(default_factory=list)
    titles: list[TitleMention] = field(default_factory=list)

    def all(self) -> list[Mention]:
        found = [*self.persons, *self.orgs, *self.countries, *(t.mention for t in self.titles)]
        return sorted(set(found), key=lambda m: (m.start, -m.end, m.label))

    def at(self, token_i: int, label: str | None = None) -> Mention | None:
        """The widest mention covering token ``token_i`` (optionally of one label)."""
        pool = {
            "PERSON": self.persons,
            "ORGANIZATION": self.orgs,
            "COUNTRY": self.countries,
        }.get(label or "")
        candidates = pool if pool is not None else self.all()
        hits = sorted(
            {m for m in candidates if m.start <= token_i < m.end and label in (None, m.label)},
            key=lambda m: (m.start, -m.end, m.label),
        )
        return max(hits, key=lambda m: m.end - m.start) if hits else None


def ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc (spaCy rebuilds the tuple on every access)."""
    cached: tuple[Span, ...] | None = doc.user_data.get("extractor.ents")
    if cached is None:
        cached = tuple(doc.ents)
        doc.user_data["extractor.ents"] = cached
    return cached


def is_cap(token: Token) -> bool:
    """A capitalized word (not punctuation, not English "I")."""
    text = token.text
    return bool(text) and text[0].isupper() and not token.is_punct and token.lower_ != "i"


def is_word(token: Token) -> bool:
    """Letters only, with the apostrophes inside a word: Uzbek's letters
    ("o'qituvchilar") and the case ending a Turkish proper noun or title takes
    ("Başbakan'ın")."""
    return token.is_alpha or (
        token.text[:1].isalpha() and _LETTERS.fullmatch(token.text) is not None
    )


_LETTERS = re.compile(r"(?:[^\W\d_]|['’ʻʼ‘](?=[^\W\d_]))+")


def in_order(mentions: Iterable[Mention]) -> list[Mention]:
    """Mentions in text order, the longer first where two begin together."""
    return sorted(mentions, key=lambda m: (m.start, -m.end))


def has_head(doc: Doc, start: int, end: int, heads: frozenset[str]) -> bool:
    # Without a tagger (our own NER-only pipelines) every word may be a head.
    return any(
        doc[k].lower_ in heads and (not doc[k].pos_ or doc[k].pos_ in _NAME_POS)
        for k in range(start, end)
    )


def quote_mark_chars(lang: LangData) -> frozenset[str]:
    """Every opening and closing quote mark of the language."""
    return _quote_marks_of(lang.code)


@cache
def _quote_marks_of(code: str) -> frozenset[str]:
    pairs = get_lang(code).quote_pairs
    return frozenset([*pairs, *(c for closers in pairs.values() for c in closers)])


def function_words(lang: LangData) -> frozenset[str]:
    """Words that are never part of a name or a title, capitalized or not."""
    return _function_words_of(lang.code)


@cache
def _function_words_of(code: str) -> frozenset[str]:
    lang = get_lang(code)
    return frozenset(
        [
            *lang.determiners,
            *lang.conjunctions,
            *lang.person_pronouns,
            *lang.pronouns,
            # ("Bunu", this, opening a sentence before a name: "Bunu Xarici İşlər
            # Nazirliyi açıqlayıb".)
            *lang.anaphors_alone,
        ]
    )


def trailing(token: Token) -> bool:
    """Punctuation, space or a possessive ending, which no name span ends with."""
    return token.is_punct or token.is_space or token.tag_ == "POS"


def place_case(word: str, lang: LangData) -> bool:
    """A word in a place case (locative, ablative, dative): "Bakıda", "Парижге"."""
    return any(word.endswith(e) and len(word) >= len(e) + 3 for e in lang.place_case_endings)


def case_marked(word: str, lang: LangData) -> bool:
    """Whether a word ends in a case ending of two letters or more (one letter is too
    often a name's own: "Həbibbəyli")."""
    endings = (*lang.case_endings, *lang.place_case_endings, *lang.genitive_suffixes)
    return any(word.endswith(e) and len(e) >= 2 and len(word) > len(e) + 1 for e in endings)
