"""Mentions clustered into document entities, each with a name and a canonical key.

Within a document:
- a country is one entity per ISO code;
- a person's full names in any script or spelling are one entity (equal
  :func:`linking.name_key`, or :func:`linking.same_person`): "Rasim Baghirov", "Rasim
  Bağırov", "Расим Багиров";
- a surname alone joins the one full name ending in it, also with a case ending in the
  languages that inflect names ("Bağırovun", "Багирова"); with two such full names it
  stays apart (ambiguous: "Aliyev" beside Ilham and Heydar Aliyev);
- an organization joins its acronym when the acronym is defined in the text
  ("Organization of Turkic States (OTS)", "RCA (Radio Corporation of America)") or
  spells the name's initials ("МВД"); a known organization (``data/organizations.json``)
  joins all its names and acronyms in every language ("OTS", "ОТГ");
- a bare title head ("Director") joins the one longer title with that head.

Keys come from :func:`linking.entity_key`: equal for the same name across documents
and scripts.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from ..schema import Entity, Span
from .base import DocMentions, Mention
from .countries import country_display_name
from .linking import entity_key, known_organization, name_key, same_person

_INFLECTING = frozenset({"ru", "tr", "az", "kk", "uz", "ky"})
# Words an acronym skips: English, Russian and Turkic connectors ("Министерство
# внутренних дел" = МВД, "Организация по ..." = О...).
_CONNECTORS = frozenset(
    {"of", "for", "and", "the", "on", "&", "de", "in", "at"}
    | {"и", "по", "в", "на", "о", "об", "при", "для"}
    | {"və", "ve", "va", "және", "жана", "üzrə", "üzere", "bo'yicha", "жөніндегі"}
)
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
    language: str | None = None  # of the segment the mention is in


def char_mentions(
    doc: Doc, found: DocMentions, offset: int, language: str
) -> dict[Mention, CharMention]:
    """The CharMention of every token-level mention (titles' organizations included),
    ``offset`` characters into the document."""
    out: dict[Mention, CharMention] = {}
    heads = {t.mention: t.head for t in found.titles}
    tagged = {t.mention for t in found.titles if t.tagged}
    attached = [m for t in found.titles for m in (t.org, t.country) if m is not None]
    for m in [*found.all(), *attached]:
        span = doc[m.start : m.end]
        out[m] = CharMention(
            m.label,
            span.start_char + offset,
            span.end_char + offset,
            span.text,
            m.code,
            m.name,
            heads.get(m),
            m in tagged,
            language,
        )
    return out


def entity_mentions(mentions: list[CharMention], held: set[CharMention]) -> list[CharMention]:
    """The mentions that make entities. Only titles held by someone (``held``),
    capitalized ones ("Director:") or ones a model tagged as titles are entities; the
    rules alone find head words in any use."""
    return [
        m for m in mentions if m.label != "TITLE" or m in held or m.text[:1].isupper() or m.tagged
    ]


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
        surface = m.name or _POSSESSIVE.sub("", m.text)
        known = known_organization(surface) if m.label == "ORGANIZATION" else None
        if m.label == "COUNTRY":
            join(("COUNTRY", m.code or fold(m.text)), m)
        elif known is not None:
            # A known organization by any of its names or acronyms ("OTS", "ОТГ").
            join((m.label, f"known:{known}"), m)
        elif (
            (m.label == "PERSON" and len(_name_words(surface)) == 1)
            or (m.label == "TITLE" and m.head and fold(m.text) == fold(m.head))
            or (m.label == "ORGANIZATION" and _is_acronym(m.text))
        ):
            singles.append(m)
        elif m.label == "PERSON":
            # One person written in several alphabets or spellings in one document
            # ("Rasim Baghirov", "Rasim Bağırov", "Расим Багиров").
            join((m.label, name_key(surface, m.language)), m)
        else:
            join((m.label, fold(surface)), m)
    clusters = _merge_people(clusters)
    acronyms = _defined_acronyms(mentions, text)
    for m in singles:
        target = _attach_single(m, clusters, acronyms)
        if target is not None:
            target.mentions.append(m)
        else:
            join((m.label, fold(_POSSESSIVE.sub("", m.name or m.text))), m)
    clusters.sort(key=lambda c: min(x.start for x in c.mentions))
    entities: list[Entity] = []
    ids: dict[CharMention, str] = {}
    for n, c in enumerate(clusters, start=1):
        eid = f"e{n}"
        name = _best_name(c)
        key = entity_key(c.label, _key_name(c, name), c.code, _language(c))
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


def _merge_people(clusters: list[_Cluster]) -> list[_Cluster]:
    """Join the full names of one person that spelling or script keeps apart
    ("Hikmət Hacıyev", "Хикмет Гаджиев"): :func:`linking.same_person`."""
    kept: list[_Cluster] = []
    for c in clusters:
        if c.label == "PERSON":
            names = {(x.name or x.text, x.language) for x in c.mentions}
            match = next(
                (
                    k
                    for k in kept
                    if k.label == "PERSON"
                    and any(
                        same_person(a, b, la, lb)
                        for a, la in names
                        for b, lb in {(x.name or x.text, x.language) for x in k.mentions}
                    )
                ),
                None,
            )
            if match is not None:
                match.mentions.extend(c.mentions)
                continue
        kept.append(c)
    return kept


def _key_name(c: _Cluster, name: str) -> str:
    """The name an entity is keyed on: a known organization's key, else its name."""
    if c.label == "ORGANIZATION":
        for x in c.mentions:
            known = known_organization(x.name or x.text)
            if known is not None:
                return known
    return name


def _language(c: _Cluster) -> str | None:
    """The language of the segment of the entity's best-named mention."""
    languages = Counter(x.language for x in c.mentions if x.language)
    return languages.most_common(1)[0][0] if languages else None


def _is_acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return 2 <= len(letters) <= 8 and all(ch.isupper() for ch in letters) and " " not in text


def _defined_acronyms(mentions: list[CharMention], text: str) -> dict[str, CharMention]:
    """Acronyms defined in parentheses right after an organization's name, or with the
    name in parentheses right after them ("RCA (Radio Corporation of America)")."""
    defined: dict[str, CharMention] = {}
    orgs = [m for m in mentions if m.label == "ORGANIZATION"]
    for m in orgs:
        if _is_acronym(m.text):
            following = re.match(r"\s*\(\s*", text[m.end : m.end + 4])
            if following:
                start = m.end + following.end()
                name = next((x for x in orgs if x.start == start and not _is_acronym(x.text)), None)
                if name is not None:
                    defined.setdefault(m.text, name)
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
        # The surname alone, in any spelling, and in the languages that inflect names
        # with a case ending ("Bağırovun", "Багирова").
        word = name_key(m.name or m.text, m.language)
        inflected = m.language in _INFLECTING

        def ends_with(x: CharMention) -> bool:
            last = name_key(x.name or x.text, x.language).split()[-1:]
            if not last:
                return False
            return word == last[0] or (
                inflected and word.startswith(last[0]) and len(word) - len(last[0]) <= 3
            )

        candidates = [
            c for c in clusters if c.label == "PERSON" and any(ends_with(x) for x in c.mentions)
        ]
    elif m.label == "ORGANIZATION":
        acronym = _POSSESSIVE.sub("", m.text)
        definition = acronyms.get(acronym)
        candidates = [
            c
            for c in clusters
            if c.label == "ORGANIZATION"
            and any(
                x is definition or (initials(x.name or x.text) == acronym and " " in x.text)
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
