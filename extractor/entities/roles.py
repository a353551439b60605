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
from .base import DocMentions, Mention, TitleMention


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
        if person is None and not doc.has_annotation("DEP"):
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
