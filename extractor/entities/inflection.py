"""Names in their base form: a mention's ``name`` without the case ending its last
word carries ("Erdoğan'ın", "Bayramovla", "Mərkəzi Bankın sədri") or in the
nominative the pipeline gave ("Расима Багирова" -> "Расим Багиров"); the text span
itself never changes."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ..language import LangData
from .base import PERSON, Mention
from .persons import SURNAME_WORD


def nominative(doc: Doc, mention: Mention, normal: dict[tuple[int, int], str]) -> Mention:
    """The mention named in the nominative where the pipeline gave that form."""
    span = doc[mention.start : mention.end]
    base = normal.get((span.start_char, span.end_char))
    if mention.name is not None or base is None or base == span.text:
        return mention
    return replace(mention, name=base)


def org_nominative(
    doc: Doc, mention: Mention, normal: dict[tuple[int, int], str], lang: LangData
) -> Mention:
    """An institution named in the nominative: its head noun and the adjectives before
    it take the nominative, the words after keep their cases ("Агентства развития медиа
    Азербайджана" -> "Агентство развития медиа Азербайджана", not "развитие")."""
    span = doc[mention.start : mention.end]
    base = next(
        (v for (a, _), v in normal.items() if a == span.start_char and v != span.text), None
    )
    words = span.text.split(" ")
    forms = base.split(" ") if base else []
    if mention.name is not None or not forms or len(forms) > len(words):
        return mention
    head = 0
    while head < len(forms) - 1 and words[head].lower().endswith(lang.adjective_endings):
        head += 1
    name = " ".join([*forms[: head + 1], *words[head + 1 :]])
    return replace(mention, name=name) if name != span.text else mention


def without_case_ending(doc: Doc, mention: Mention, lang: LangData) -> Mention:
    """The name without the case ending its last word carries after an apostrophe:
    "Erdoğan'ın" is named "Erdoğan"."""
    last = doc[mention.end - 1].text
    cut = min((last.find(a) for a in lang.name_suffix_apostrophes if a in last[1:]), default=-1)
    if cut <= 0 or mention.name is not None:
        return mention
    words = [t.text_with_ws for t in doc[mention.start : mention.end - 1]]
    return replace(mention, name="".join(words) + last[:cut])


def without_genitive(doc: Doc, mention: Mention, lang: LangData) -> Mention:
    """A name without the genitive ending of its last word: an institution's head word
    ("Mərkəzi Bankın sədri" -> "Mərkəzi Bank", "Агентлігінің" -> "Агентлігі"), a person
    before "according to" ("Rasim Bağırovun sözlərinə görə" -> "Rasim Bağırov"); a
    surname without any case ending ("Bayramovla" -> "Bayramov")."""
    last = doc[mention.end - 1]
    word = last.text
    if mention.label == PERSON:
        # A surname with a case ending: "Назарбаевтың" is named "Назарбаев".
        shaped = SURNAME_WORD.match(word)
        if shaped and shaped.group("ending") and mention.name is None:
            stem = shaped.group("ending").lstrip("'’")
            if stem in (
                *lang.genitive_suffixes,
                *lang.place_case_endings,
                *lang.case_endings,
            ) or stem.startswith(lang.genitive_suffixes):
                words = [t.text_with_ws for t in doc[mention.start : mention.end - 1]]
                return replace(mention, name="".join(words) + shaped.group("base"))
        after = doc[mention.end].lower_ if mention.end < len(doc) else ""
        possessed = after in {cue[0] for cue in lang.source_cues}
    else:
        possessed = last.lower_ in lang.org_heads
    if mention.name is not None or not possessed:
        return mention
    ending = next((e for e in lang.genitive_suffixes if word.lower().endswith(e)), None)
    if ending is None or len(word) - len(ending) < 3:
        return mention
    words = [t.text_with_ws for t in doc[mention.start : mention.end - 1]]
    return replace(mention, name="".join(words) + word[: len(word) - len(ending)])


def name_readings(name: str, limit: int = 8) -> list[str]:
    """A Russian name as the dictionary reads it in the nominative: each word in an
    oblique case replaced by the nominative of its readings as a given name, surname or
    patronymic (else of its likeliest readings), keeping the reading's gender
    ("Гордона Брауна" -> "Гордон Браун"; "Ирины Яровой" -> "Ирина Яровая"). The name
    itself comes first; at most ``limit`` forms; a name not in Cyrillic has no others."""
    from itertools import islice, product

    from ..nlp.natasha import russian_morphology

    words = name.split()
    if not words or not all(_CYRILLIC.fullmatch(w) for w in words):
        return [name]
    morph = russian_morphology()
    choices = []
    for word in words:
        parses = morph.parse(word)
        named = [p for p in parses if {"Name", "Surn", "Patr"} & p.tag.grammemes]
        forms: list[str] = []
        if any({"nomn", "sing"} <= p.tag.grammemes for p in named):
            choices.append([word])  # "Анна", "Петрова": a nominative already
            continue
        for reading in named or parses:
            if "nomn" in reading.tag:
                continue
            nominative = reading.inflect({"Nom", "Sing"}) or reading.inflect({"Nom"})
            if nominative is not None:
                form = "-".join(p.capitalize() for p in nominative.word.split("-"))
                if form not in forms and form != word and len(forms) < 2:
                    forms.append(form)
        if not named or not forms:
            # A foreign name the dictionary does not know, by its case ending
            # ("Гонзалеса", "Гонзалесу", "Гонзалесом" -> "Гонзалес"; "Серены" -> "Серена").
            for ending, base in _OBLIQUE_ENDINGS:
                stem = word[: -len(ending)]
                if word.endswith(ending) and len(stem) > 2 and stem[-1] not in _VOWELS:
                    forms.append(stem + base)
                    break
        choices.append([*forms, word])  # the likeliest nominative first
    readings = [" ".join(c) for c in islice(product(*choices), limit)]
    return list(dict.fromkeys([name, *readings]))[:limit]


_CYRILLIC = re.compile(r"[А-ЯЁа-яё][А-ЯЁа-яё-]*")
_VOWELS = "аеёиоуыэюяь"
_OBLIQUE_ENDINGS = (("ом", ""), ("ем", ""), ("у", ""), ("а", ""), ("е", ""), ("ы", "а"))
