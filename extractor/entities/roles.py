"""Roles: a person holding a job title, at an organization, in a country.

English news states roles in four ways (the patterns of the ACE/TAC "employee_of"
and "title" slot fillers):
- apposition: "Rasim Baghirov, Director of ... at the Media Development Agency";
- a title before the name: "Foreign Minister Jeyhun Bayramov", "Apple chief executive Tim Cook";
- apposition after the title: "the central bank's governor, Taleh Kazimov, said";
- a copula: "Smith is the chief executive of Acme".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc

from ..language import LangData
from ..schema import Relation, Role, Span
from .base import DocMentions, Mention, TitleMention
from .clusters import CharMention


@dataclass(frozen=True)
class FoundRole:
    person: Mention
    title: TitleMention
    organization: Mention | None
    country: Mention | None
    start: int  # evidence, token range
    end: int


def find_roles(doc: Doc, found: DocMentions, lang: LangData) -> list[FoundRole]:
    """Every (person, title, organization, country) stated in ``doc``."""
    person_ending = {p.end: p for p in found.persons}
    person_starting = {p.start: p for p in found.persons}
    roles: list[FoundRole] = []
    # "продюсер и актер Игорь Жижикин": titles joined by "и"/"," share the holder of
    # the last one.
    shared: dict[TitleMention, Mention] = {}
    titles = found.titles
    # Right to left, so that a list shares one holder: "Писатель, поэт и журналист X".
    for left, right in reversed(list(pairwise(titles))):
        gap = list(doc[left.mention.end : right.mention.start])
        joined = len(gap) == 1 and (gap[0].lower_ in lang.conjunctions or gap[0].text == ",")
        # An honorific between a post and the name is the holder's, not a post of its
        # own: "Ankara Üniversitesi Rektörü | Prof. Dr. | Necdet Ünüvar".
        honorific = not gap and all(
            t.lower_ in lang.honorifics or t.is_punct
            for t in doc[right.mention.start : right.mention.end]
        )
        joined = joined or honorific
        holder = shared.get(right) or person_starting.get(right.mention.end)
        if joined and holder is not None and right.mention.end == right.core_end:
            shared[left] = holder
    for title in titles:
        # A name right after the title holds it ("X, Almanya Başbakanı Olaf Scholz"),
        # before a name the title is in apposition to.
        person = shared.get(title)
        if person is None and title.mention.end == title.core_end:
            person = person_starting.get(title.core_end)
            # ... or after the holder's honorifics: "Rektörü | Prof. Dr. | Necdet Ünüvar".
            after = title.core_end
            while after < len(doc) and (
                doc[after].lower_ in lang.honorifics
                or (after > title.core_end and doc[after].text == ".")
            ):
                after += 1
            if person is None and after > title.core_end:
                person = person_starting.get(after)
            # A name in an oblique case right after the title is whose title it is;
            # the name after that holds it: "Адвокат Александра Кокорина | Андрей
            # Ромашов", "пресс-секретарь Владимира Путина | Дмитрий Песков".
            if person is not None and person.name is not None and person.end in person_starting:
                person = person_starting[person.end]
            # ... or after the holder's age: "директора ФБР 68-летнего Роберта Мюллера".
            if (
                person is None
                and title.core_end < len(doc)
                and _AGE.match(doc[title.core_end].text)
            ):
                person = person_starting.get(title.core_end + 1)
        if person is None:
            person = _appositive(doc, title, person_ending, lang)
        if person is None:
            person = _title_first(doc, title, person_starting)
        if person is None:
            person = _copula(doc, title, found)
        if person is None and lang.copulas:
            person = _flat_copula(doc, title, found, lang)
        if person is None:
            continue
        country = title.country or _country_in(found, title.org)
        parts = [person, title.mention, *(m for m in (title.org, country) if m is not None)]
        start = min(m.start for m in parts)
        end = max(m.end for m in parts)
        roles.append(FoundRole(person, title, title.org, country, start, end))
    return roles


_AGE = re.compile(r"^\d+-(летн|лет)\w*$")


def _appositive(
    doc: Doc, title: TitleMention, person_ending: dict[int, Mention], lang: LangData
) -> Mention | None:
    """The person in "PERSON, [the] [ORG's] TITLE"."""
    k = title.core_start
    for prior in (title.org, title.country):
        if prior is not None and prior.end <= k and prior.start < k:
            k = prior.start
    k -= 1
    while k >= 0 and doc[k].lower_ in lang.determiners:
        k -= 1
    if k >= 1 and doc[k].text == ",":
        return person_ending.get(k)
    return None


def _title_first(
    doc: Doc, title: TitleMention, person_starting: dict[int, Mention]
) -> Mention | None:
    """The person in "[the bank's] TITLE [of ORG], PERSON," (apposition after the title)."""
    k = max(m.end for m in (title.mention, title.org, title.country) if m is not None)
    if k + 1 < len(doc) and doc[k].text == ",":
        person = person_starting.get(k + 1)
        if person is not None and (person.end >= len(doc) or doc[person.end].is_punct):
            return person
    return None


def _copula(doc: Doc, title: TitleMention, found: DocMentions) -> Mention | None:
    """The person in "PERSON is/was/became the TITLE"."""
    head = next(
        (doc[i] for i in range(title.core_start, title.core_end) if doc[i].lower_ == title.head),
        None,
    )
    if head is None or head.dep_ != "attr" or head.head.lemma_ not in {"be", "become", "remain"}:
        return None
    for child in head.head.children:
        if child.dep_ == "nsubj":
            return next((p for p in found.persons if p.start <= child.i < p.end), None)
    return None


def _flat_copula(
    doc: Doc, title: TitleMention, found: DocMentions, lang: LangData
) -> Mention | None:
    """The person in "PERSON [ещё] COPULA [пост] TITLE" within one sentence, found
    from words alone: the last person named before the copula, with no other title
    between them."""
    if not lang.copulas:
        return None
    start = title.mention.start
    sentence_start = doc[start].sent.start
    copula = next(
        (
            k
            for k in range(start - 1, max(sentence_start, start - 3) - 1, -1)
            if doc[k].lower_ in lang.copulas
        ),
        None,
    )
    dash = start - 1 >= sentence_start and doc[start - 1].text in _DASHES
    if copula is None and dash:
        # "Владимир Квачков — полковник ГРУ": the dash stands for the copula, right
        # after the name.
        copula = start - 1
    if copula is None:
        return None
    before = [p for p in found.persons if sentence_start <= p.start and p.end <= copula]
    if not before:
        return None
    person = before[-1]
    if dash and copula == start - 1 and any(not doc[k].is_space for k in range(person.end, copula)):
        return None
    if copula - person.end > 4 or any(person.end <= t.mention.start < copula for t in found.titles):
        return None
    return person


_DASHES = frozenset({"—", "–"})


def _country_in(found: DocMentions, org: Mention | None) -> Mention | None:
    if org is None:
        return None
    return next((c for c in found.countries if org.start <= c.start and c.end <= org.end), None)


# --- roles and part-of relations of the document -----------------------------------

# A role in document character offsets: person, title, organization and country
# mentions, and the evidence's start and end.
RoleRow = tuple[CharMention, CharMention, CharMention | None, CharMention | None, int, int]
# A unit, the organization it is part of, and the evidence's start and end.
PartOfRow = tuple[CharMention, CharMention, int, int]


def role_rows(
    doc: Doc, roles: list[FoundRole], chars: dict[Mention, CharMention], offset: int
) -> list[RoleRow]:
    """The roles of a segment ``offset`` characters into the document."""
    return [
        (
            chars[r.person],
            chars[r.title.mention],
            chars[r.organization] if r.organization is not None else None,
            chars[r.country] if r.country is not None else None,
            doc[r.start].idx + offset,
            doc[r.end - 1].idx + len(doc[r.end - 1].text) + offset,
        )
        for r in roles
    ]


def part_of_rows(
    doc: Doc, found: DocMentions, chars: dict[Mention, CharMention], offset: int
) -> list[PartOfRow]:
    """Units named in a title with their organization ("Director of the Department of X
    at the Agency"), of a segment ``offset`` characters into the document."""
    return [
        (
            chars[t.unit],
            chars[t.org],
            doc[t.mention.start].idx + offset,
            doc[t.org.end - 1].idx + len(doc[t.org.end - 1].text) + offset,
        )
        for t in found.titles
        if t.unit is not None and t.org is not None and t.unit in chars and t.org in chars
    ]


def document_roles(text: str, rows: list[RoleRow], ids: dict[CharMention, str]) -> list[Role]:
    """One Role per (person, title, organization, country) entity row: the first
    statement is its evidence, every later one is kept in ``other_evidence``."""
    roles: list[Role] = []
    seen_roles: dict[tuple[str, str, str | None, str | None], Role] = {}
    for person, title, org, country, start, end in rows:
        row = (
            ids[person],
            ids[title],
            ids.get(org) if org else None,
            ids.get(country) if country else None,
        )
        known = seen_roles.get(row)
        if known is not None:
            statement = Span(start=start, end=end, text=text[start:end])
            if statement != known.evidence and statement not in known.other_evidence:
                known.other_evidence.append(statement)
            continue
        seen_roles[row] = Role(
            id=f"r{len(roles) + 1}",
            person=row[0],
            title=row[1],
            organization=row[2],
            country=row[3],
            evidence=Span(start=start, end=end, text=text[start:end]),
        )
        roles.append(seen_roles[row])
    return roles


def part_of_relations(
    text: str, rows: list[PartOfRow], ids: dict[CharMention, str]
) -> list[Relation]:
    """One ``part_of`` relation per (unit, organization) entity pair."""
    relations: list[Relation] = []
    for unit, org, start, end in rows:
        source, target = ids.get(unit), ids.get(org)
        if source is None or target is None or source == target:
            continue
        if any(r.source == source and r.target == target for r in relations):
            continue
        relations.append(
            Relation(
                id=f"l{len(relations) + 1}",
                type="part_of",
                source=source,
                target=target,
                evidence=Span(start=start, end=end, text=text[start:end]),
            )
        )
    return relations
