"""Per-language knowledge as data, keyed by ISO 639-1 code.

Each ``<code>.py`` module defines ``LANG: LangData``. Code elsewhere never hard-codes
words of a language; it asks :func:`get_lang`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import cache

from ..errors import UnsupportedLanguageError

SUPPORTED: tuple[str, ...] = ("en",)


@dataclass(frozen=True)
class LangData:
    code: str
    # Lemmas of verbs that introduce reported speech or writing.
    reporting_verbs: frozenset[str]
    # Reporting verbs whose object or infinitive says what was promised, demanded or
    # announced when they take no clause ("vowed to cut taxes", "announced the pick").
    object_reporting_verbs: frozenset[str]
    # Particles that make a phrasal reporting verb out of a lemma: ("point", "out").
    phrasal_reporting_verbs: frozenset[tuple[str, str]]
    # Multi-word cues that name the source after them: "according to X".
    source_cues: tuple[tuple[str, ...], ...]
    # Opening quote mark -> the closing marks that end it (the first is the proper one;
    # others are the mix-ups of real typing: “...").
    quote_pairs: dict[str, tuple[str, ...]]
    # Head words of job titles, lower case ("minister", "director").
    title_heads: frozenset[str]
    # Words that may precede a title head inside the title ("deputy", "foreign").
    title_modifiers: frozenset[str]
    # Words that may follow a title head inside the title ("general" in "secretary general").
    title_postmodifiers: frozenset[str]
    # Head words that make a capitalized phrase an organization name ("ministry", "agency").
    org_heads: frozenset[str]
    # Organization heads naming a unit of a larger body ("department"): a title "of" such
    # a unit keeps the unit in the title and looks further for the organization.
    org_unit_heads: frozenset[str]
    # Lower-case words allowed inside a proper name ("of", "and", "the").
    name_connectors: frozenset[str]
    # Prepositions binding a title to its organization ("director of/at X").
    title_org_preps: frozenset[str]
    # Honorifics stripped from person names.
    honorifics: frozenset[str]
    # Personal pronouns that can refer back to a person.
    person_pronouns: frozenset[str]
    # Determiners that may open a noun phrase naming the speaker ("the minister").
    determiners: frozenset[str]
    # Abbreviations whose stop does not end a sentence ("sen.", "gov.", "jan.").
    abbreviations: frozenset[str] = frozenset()
    # Upper-case words before a colon that are labels, not speakers ("UPDATE:").
    non_speaker_labels: frozenset[str] = frozenset()
    # Extra country names (as written -> ISO 3166-1 alpha-2) that CLDR and ISO lack.
    country_aliases: dict[str, str] = field(default_factory=dict)
    # Relative and interrogative pronouns that can be moved out of a reported clause
    # ("which the campaign says includes ...").
    relative_pronouns: frozenset[str] = frozenset()
    # Coordinating conjunctions ("and", "but").
    conjunctions: frozenset[str] = frozenset()


@cache
def get_lang(code: str) -> LangData:
    """The language data for ``code``; raises :class:`UnsupportedLanguageError`."""
    if code not in SUPPORTED:
        raise UnsupportedLanguageError(
            f"language {code!r} is not supported; supported languages: {', '.join(SUPPORTED)}",
            language=code,
            supported=list(SUPPORTED),
        )
    module = importlib.import_module(f"{__name__}.{code}")
    lang: LangData = module.LANG
    return lang
