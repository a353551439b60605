"""Mentions clustered into document entities, each with a name and a canonical key.

Within a document:
- a country is one entity per ISO code;
- a person's surname alone joins the one full name ending in it ("Baghirov" ->
  "Rasim Baghirov"); with two such full names it stays apart (ambiguous);
- an organization joins its acronym when the acronym is defined in the text
  ("Organization of Turkic States (OTS)") or spells the name's initials;
- a bare title head ("Director") joins the one longer title with that head.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii

from .countries import country_display_name
from .schema import Entity, Span

_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "&", "de", "in", "at"})
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class CharMention:
    """A mention in document character offsets."""

    label: str
    start: int
    end: int
    text: str
    code: str | None = None
    name: str | None = None
    head: str | None = None  # title head word
    tagged: bool = False  # a title tagged by a model (kept even when no one holds it)


@dataclass
class _Cluster:
    label: str
    mentions: list[CharMention] = field(default_factory=list)
    code: str | None = None


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = re.findall(r"\w+", stripped.casefold())
    return " ".join(words)


_SOUNDS = (("gh", "g"), ("kh", "h"), ("x", "h"), ("q", "k"), ("w", "v"), ("y", "i"))


@lru_cache(maxsize=65536)
def sound_key(text: str) -> str:
    """A spelling- and script-blind form of a name: transliterated to Latin (anyascii),
    with the letters that spellings of Turkic and Russian names trade for each other
    made one ("Baghirov", "Bağırov", "Багиров" -> "bagirov")."""
    latin = re.sub(r"['`’ʼ]", "", anyascii(text).casefold())
    words = re.findall(r"[a-z]+", latin)
    out = []
    for word in words:
        for a, b in _SOUNDS:
            word = word.replace(a, b)
        out.append(re.sub(r"(.)\1+", r"\1", word))
    return " ".join(out)


def _name_words(text: str) -> list[str]:
    return fold(_POSSESSIVE.sub("", text.strip())).split()


def initials(name: str) -> str:
    """Initials of a name's content words: "Organization of Turkic States" -> "OTS"."""
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in _CONNECTORS]
    return "".join(w[0].upper() for w in words)


def cluster(mentions: list[CharMention], text: str) -> tuple[list[Entity], dict[CharMention, str]]:
    """Entities from the document's mentions, and the entity id of each mention."""
    mentions = sorted(set(mentions), key=lambda m: (m.start, -m.end, m.label))
    clusters: list[_Cluster] = []
    index: dict[tuple[str, str], _Cluster] = {}

    def join(key: tuple[str, str], m: CharMention) -> None:
        c = index.get(key)
        if c is None:
            c = index[key] = _Cluster(m.label, code=m.code)
            clusters.append(c)
        c.mentions.append(m)

    singles: list[CharMention] = []
    for m in mentions:
        if m.label == "COUNTRY":
            join(("COUNTRY", m.code or fold(m.text)), m)
        elif (
            (m.label == "PERSON" and len(_name_words(m.text)) == 1)
            or (m.label == "TITLE" and m.head and fold(m.text) == fold(m.head))
            or (m.label == "ORGANIZATION" and _is_acronym(m.text))
        ):
            singles.append(m)
        elif m.label == "PERSON":
            # One person written in several alphabets or spellings in one document
            # ("Rasim Baghirov", "Rasim Bağırov", "Расим Багиров").
            join((m.label, sound_key(m.name or _POSSESSIVE.sub("", m.text))), m)
        else:
            join((m.label, fold(m.name or _POSSESSIVE.sub("", m.text))), m)
    acronyms = _defined_acronyms(mentions, text)
    for m in singles:
        target = _attach_single(m, clusters, acronyms)
        if target is not None:
            target.mentions.append(m)
        else:
            join((m.label, fold(_POSSESSIVE.sub("", m.text))), m)
    clusters.sort(key=lambda c: min(x.start for x in c.mentions))
    entities: list[Entity] = []
    ids: dict[CharMention, str] = {}
    for n, c in enumerate(clusters, start=1):
        eid = f"e{n}"
        name = _best_name(c)
        key = f"{c.label.lower()}:{c.code}" if c.code else f"{c.label.lower()}:{fold(name)}"
        ordered = sorted({(x.start, x.end): x for x in c.mentions}.values(), key=lambda x: x.start)
        entities.append(
            Entity(
                id=eid,
                type=c.label,
                name=name,
                key=key,
                code=c.code,
                mentions=[Span(start=x.start, end=x.end, text=x.text) for x in ordered],
            )
        )
        for x in c.mentions:
            ids[x] = eid
    return entities, ids


def _is_acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return 2 <= len(letters) <= 8 and all(ch.isupper() for ch in letters) and " " not in text


def _defined_acronyms(mentions: list[CharMention], text: str) -> dict[str, CharMention]:
    """Acronyms defined in parentheses right after an organization's name."""
    defined: dict[str, CharMention] = {}
    for m in mentions:
        if m.label != "ORGANIZATION" or _is_acronym(m.text):
            continue
        match = re.match(r"\s*\(\s*([^\W\d_]{2,8})\s*\)", text[m.end : m.end + 16])
        if match and _is_acronym(match.group(1)):
            defined.setdefault(match.group(1), m)
    return defined


def _attach_single(
    m: CharMention, clusters: list[_Cluster], acronyms: dict[str, CharMention]
) -> _Cluster | None:
    """The one cluster a surname, acronym or bare title joins, or None if none/ambiguous."""
    candidates: list[_Cluster] = []
    if m.label == "PERSON":
        word = _name_words(m.text)[0]
        candidates = [
            c
            for c in clusters
            if c.label == "PERSON" and any(_name_words(x.text)[-1:] == [word] for x in c.mentions)
        ]
    elif m.label == "ORGANIZATION":
        acronym = _POSSESSIVE.sub("", m.text)
        definition = acronyms.get(acronym)
        candidates = [
            c
            for c in clusters
            if c.label == "ORGANIZATION"
            and any(
                x is definition
                or (x.name is None and initials(x.text) == acronym and " " in x.text)
                for x in c.mentions
            )
        ]
        if definition is not None:
            candidates = [c for c in candidates if definition in c.mentions] or candidates
    elif m.label == "TITLE":
        candidates = [
            c for c in clusters if c.label == "TITLE" and any(x.head == m.head for x in c.mentions)
        ]
    return candidates[0] if len(candidates) == 1 else None


def _best_name(c: _Cluster) -> str:
    if c.label == "COUNTRY" and c.code:
        forms = Counter(x.name or x.text for x in c.mentions)
        display = country_display_name(c.code)
        return display if display in forms else forms.most_common(1)[0][0]
    named = [x.name for x in c.mentions if x.name]
    if named:
        return named[0]
    surfaces = [_POSSESSIVE.sub("", x.text.strip()) for x in c.mentions]
    return max(surfaces, key=lambda f: (len(f.split()), len(f)))
