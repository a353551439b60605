"""People: the NER's PERSON spans cleaned of honorifics, titles and non-name words;
a capitalized name beside a title ("X, Director of ...", "Foreign Minister X"),
whatever the NER said; in the Turkic languages a name beside a reporting verb and a
surname shaped like one of the region's ("Назарбаевтың"); a surname alone after its
full name; transcript speaker labels ("TAPPER: ...")."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..language import LangData, Words
from ..nlp.pipelines import follows_initial
from .base import (
    PERSON,
    DocMentions,
    Mention,
    ents,
    function_words,
    has_head,
    in_order,
    is_cap,
    place_case,
    quote_mark_chars,
    trailing,
)
from .countries import country_code
from .linking import name_key
from .organizations import known_org_length


def find_persons(
    doc: Doc,
    lang: LangData,
    found: DocMentions,
    chunks: list[tuple[int, int]],
    core_tokens: set[int],
    country_at: dict[int, Mention],
) -> list[Mention]:
    """The people of ``doc``, given its organizations and titles so far, the capitalized
    runs (``chunks``), the tokens of titles and boilerplate (``core_tokens``) and of
    countries (``country_at``); the widest of nested names."""
    taken = {i for m in found.orgs for i in range(m.start, m.end)} | set(country_at)
    persons: dict[tuple[int, int], Mention] = {}

    def add(start: int, end: int) -> None:
        if end <= start or any(k in taken or k in core_tokens for k in range(start, end)):
            return
        if has_head(doc, start, end, lang.org_heads) or country_code(
            doc[start:end].text, lang.code
        ):
            return
        # A law's or a report's name ends in its kind: "Milletvekili | Seçimi Kanunu".
        if (
            end - start >= 2
            and doc[end - 1].lower_ in lang.document_nouns
            and not is_given_name(doc[start].text, lang.code)
        ):
            return
        if not any(doc[k].text[:1].isalpha() and is_cap(doc[k]) for k in range(start, end)):
            return
        persons[(start, end)] = Mention(PERSON, start, end)

    for ent in ents(doc):
        if ent.label_ == "PERSON" or (
            ent.label_ == "ORG" and not lang.head_final and _surname_shaped(ent, lang)
        ):
            start, end = _clean_person(doc, ent.start, ent.end, lang, core_tokens)
            # A title the model ran the name into: "William Lyon Mackenzie | Kralın".
            end = next((k for k in range(start + 1, end) if k in core_tokens), end)
            # A name the model cut short before a title: "William Lyon | Mackenzie |
            # Kralın", one capitalized word between the name and the title.
            if (
                lang.head_final
                and end == ent.end
                and end + 1 < len(doc)
                and end + 1 in core_tokens
                and end not in core_tokens
                and end not in taken
                and not doc[end].ent_type_  # ("Ceyhun Bayramov | Bakıda | səfirlə")
                # A case ending closes the name: "Erdoğan'ın | Basın Danışmanı".
                and not any(a in doc[end - 1].text for a in lang.name_suffix_apostrophes)
                and doc[end].is_alpha
                and is_cap(doc[end])
                and not doc[end].is_sent_start
            ):
                end += 1
            # A country the model ran the name into: "Мұрат Нұртілеу | Түркиямен".
            while end - start > 2 and end - 1 in country_at:
                end -= 1
            # Two people the model ran into one: "Dmitri Peskov | Vladimir Putinə", a
            # given name after a full name that does not end in one.
            split = next(
                (
                    k
                    for k in range(start + 2, end - 1)
                    if is_given_name(doc[k].text, lang.code)
                    and not is_given_name(doc[k - 1].text, lang.code)
                    and doc[k - 1].lower_ not in lang.name_suffixes
                ),
                None,
            )
            if split is not None:
                add(start, split)
                start = split
            add(start, end)
    # A name beside a title is a person's, whatever the NER said.
    chunk_at_end = {e: (s, e) for s, e in chunks}
    chunk_at_start = {s: (s, e) for s, e in chunks}
    for title in found.titles:
        # "X, [the] Director ..." (appositive)
        k = title.core_start - 1
        while k >= 0 and doc[k].lower_ in lang.determiners:
            k -= 1
        if k >= 1 and doc[k].text == "," and k in chunk_at_end:
            s, e = chunk_at_end[k]
            # In a verb-final language a lone word opening the sentence is capitalized
            # anyway: "Негізі, министрдің айтуынша" (basically, the minister says).
            opener = lang.head_final and e - s == 1 and doc[s].is_sent_start
            # Words the NER took for an institution or a place are no part of a name,
            # and the person it found among them is the name ("CHP Lideri | Deniz
            # Baykal, Devlet Bakanı ...").
            inner = any(
                x.label_ in {"ORG", "GPE", "LOC"} and s <= x.start and x.end <= e for x in ents(doc)
            )
            # Nor is a date's word ("the 3rd of November, the mayor of ...").
            dated = any(
                x.label_ in {"DATE", "TIME"} and x.start < e and s < x.end for x in ents(doc)
            )
            if not inner and not dated and (not opener or is_given_name(doc[s].text, lang.code)):
                _name_like(doc, s, e, add)
        # "Foreign Minister X" (pre-nominal); the NER's own person span wins where
        # it has one ("naziri Ceyhun Bayramov Bakıda": Bakıda is a city).
        if title.mention.end in chunk_at_start and title.mention.end == title.core_end:
            s, e = chunk_at_start[title.core_end]
            # The name ends where a country begins ("Садыр Жапаров | Өзбекстандын").
            e = next((k for k in range(s + 1, e) if k in country_at), e)
            # Labels that keep the words a place or an institution: natasha's
            # organizations are trusted ("Представители Гринпис"); the small English
            # model often takes a name for one.
            if lang.head_final:
                decided = {"PERSON", "ORG", "LOC"}
            else:
                decided = {"PERSON", "ORG"} if lang.code == "ru" else {"PERSON"}
            if not any(
                # A place word after a title stays a place, unless the words after the
                # title are a full name the NER took for one ("Садыр Жапаров"); in a
                # verb-final language an institution comes before the title, so a full
                # name after it with no institution's word is the holder's ("baş naziri
                # Rişi Sunak", tagged ORG).
                (
                    (x.label_ in decided and not (lang.head_final and _name_shaped_org(x, lang)))
                    or (x.label_ == "GPE" and (e - s < 2 or country_code(x.text, lang.code)))
                )
                and x.start < e
                and s < x.end
                and x.start >= title.core_end
                for x in ents(doc)
            ):
                _name_like(doc, s, e, add)
    if lang.head_final:
        _turkic_names(doc, lang, chunks, add)
        _surnames(doc, lang, add)
        # A surname the NER tagged alone takes the given name before it ("Mamarizo |
        # Nurmuratov").
        tagged = {i for e in ents(doc) if e.label_ != "PERSON" for i in range(e.start, e.end)}
        for s, e in list(persons):
            if (
                e - s == 1
                and SURNAME_WORD.match(doc[s].text)
                and _given_name_before(doc, s, lang, tagged | taken | core_tokens)
            ):
                shorter = persons.pop((s, e))
                add(s - 1, e)
                if (s - 1, e) not in persons:
                    persons[(s, e)] = shorter  # the longer name was refused
        # A name the NER cut before its last word, which carries a proper noun's case
        # ending after an apostrophe ("Ayşe | Demir'e göre").
        for s, e in list(persons):
            if not _apostrophe_ending(doc[e - 1], lang) and _apostrophe_surname(
                doc, e, lang, tagged | taken | core_tokens
            ):
                shorter = persons.pop((s, e))
                add(s, e + 1)
                if (s, e + 1) not in persons:
                    persons[(s, e)] = shorter
    for s, e in list(persons):
        start = _with_leading_initials(doc, s)
        # The official full name puts the surname first: "Bakıxanov | Akif Məmmədxan
        # oğlu".
        if (
            doc[e - 1].lower_ in lang.name_suffixes
            and start > 0
            and SURNAME_WORD.match(doc[start - 1].text)
            and start - 1 not in taken
        ):
            start -= 1
        if start < s:
            shorter = persons.pop((s, e))
            add(start, e)
            if (start, e) not in persons:
                persons[(s, e)] = shorter  # the longer name was refused
    # A surname alone refers to the named person: "Rasim Baghirov ... Baghirov"; not
    # inside an organization the NER tagged, which may be named after them ("Института
    # Пушкина").
    surnames = {doc[m.end - 1].text: m for m in persons.values() if m.end - m.start >= 2}
    named = {
        i for e in ents(doc) if e.label_ == "ORG" and len(e) >= 2 for i in range(e.start, e.end)
    }
    for token in doc:
        if token.text in surnames and is_cap(token) and token.i not in named:
            add(token.i, token.i + 1)
    # Nested or duplicate spans: keep the widest.
    kept: list[Mention] = []
    for m in in_order(persons.values()):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


# Lower-case parts of European and Arabic names ("Ursula von der Leyen", "Daphne du
# Maurier", "Sharon den Adel", "Filarmonica della Scala"), in Latin and Cyrillic.
_NAME_PARTICLES = frozenset(
    """van von de der den des du da das do dos di del della dei la le ter ten zu
    bin al ibn el ван фон де дер ди дель ибн бин аль эль""".split()
)


def _clean_person(
    doc: Doc, start: int, end: int, lang: LangData, core_tokens: set[int]
) -> tuple[int, int]:
    """Trim honorifics, titles, punctuation and non-name words from a PERSON span."""
    while start < end and (
        doc[start].lower_ in lang.honorifics
        or doc[start].lower_ in function_words(lang)
        or doc[start].lower_ in lang.time_adverbs
        or start in core_tokens
        or doc[start].is_punct
        or doc[start].is_space
    ):
        start += 1
    for k in range(start, end):
        token = doc[k]
        lower_word = (
            token.text[:1].islower()
            and token.lower_ not in _NAME_PARTICLES
            and token.lower_ not in lang.name_suffixes
        )
        if (
            lower_word
            or any(ch.isdigit() for ch in token.text)
            or token.tag_ == "POS"
            or (token.is_punct and token.text not in {".", "-"})
        ):
            end = k
            break
    while end > start and trailing(doc[end - 1]):
        end -= 1
    # A form of address after the name is none of it: "Mesut | Bey", "Eyüp | Abi'yi".
    while end - start >= 2 and _address_term(doc[end - 1].text, lang):
        end -= 1
    # A place after a full name: "Мұрат Нұртілеу | Парижге".
    if (
        end - start >= 3
        and place_case(doc[end - 1].lower_, lang)
        and not any(place_case(doc[k].lower_, lang) for k in range(start, end - 1))
    ):
        end -= 1
    # A patronymic ends the full name: "Bayramov Akif Bayram oğlu"; not after a case
    # ending ("Brunel'ın oğlu" is Brunel's son).
    inflected = end > start and any(a in doc[end - 1].text for a in lang.name_suffix_apostrophes)
    while start < end < len(doc) and doc[end].lower_ in lang.name_suffixes and not inflected:
        end += 1
    # An official full name the model cut after the surname: "Həsənov | Rauf Əli oğlu"
    # (surname, given name, father's name, patronymic word).
    if (
        end - start == 1
        and not inflected
        and end + 2 < len(doc)
        and doc[end + 2].lower_ in lang.name_suffixes
        and all(doc[k].is_alpha and is_cap(doc[k]) for k in (end, end + 1))
    ):
        end += 3
    # A name never ends in a particle: "Ursula von der" + "Leyen".
    while start < end < len(doc) and doc[end - 1].lower_ in _NAME_PARTICLES and is_cap(doc[end]):
        end += 1
    return start, end


def _address_term(word: str, lang: LangData) -> bool:
    base, _, ending = word.lower().partition(
        next((a for a in lang.name_suffix_apostrophes if a in word), "\0")
    )
    return base in lang.address_terms or f"{base}{ending}" in lang.address_terms


def _name_like(doc: Doc, start: int, end: int, add: Callable[[int, int], None]) -> None:
    """Call ``add`` on a 1-4 word chunk of proper nouns (a personal name's shape)."""
    if 1 <= end - start <= 4 and all(
        doc[k].pos_ in {"PROPN", "NOUN"}
        or doc[k].text == "."
        or (not doc[k].pos_ and is_cap(doc[k]))
        for k in range(start, end)
    ):
        add(start, end)


def _turkic_names(
    doc: Doc, lang: LangData, chunks: list[tuple[int, int]], add: Callable[[int, int], None]
) -> None:
    """In the Turkic languages only proper names (and a sentence's first word) are
    capitalized: next to a reporting verb, a run of two or three capitalized words that
    names no institution, title or country is the speaker's name ("dedi Baxtiyor
    Saidov"), where the NER (say, a model borrowed from a related language) missed it."""
    tagged = {i for ent in ents(doc) for i in range(ent.start, ent.end)}
    closed = function_words(lang)
    for start, end in chunks:
        if any(k in tagged for k in range(start, end)):
            continue  # the NER has decided what these words are
        if doc[start].is_sent_start and (
            end - start >= 3
            or doc[start].lower_ in closed
            or doc[start].lower_ in lang.time_adverbs
            # A plural is a common noun ("Сазгерлер", composers).
            or (lang.plural_suffixes and doc[start].lower_.endswith(lang.plural_suffixes))
        ):
            start += 1  # the first word of a sentence is capitalized anyway
        words = doc[start:end]
        name_shaped = all(
            t.text[:1].isupper() and t.text[1:2].islower() and t.text.replace("'", "").isalpha()
            for t in words
        )
        institutional = any(
            t.lower_ in lang.org_heads or t.lower_ in lang.title_heads for t in words
        )
        source_starts = {cue[0] for cue in lang.source_cues}
        beside_cue = (start > 0 and doc[start - 1].lower_ in lang.reporting_verbs) or (
            end < len(doc)
            and (doc[end].lower_ in lang.reporting_verbs or doc[end].lower_ in source_starts)
        )
        if not (2 <= len(words) <= 3 and name_shaped and not institutional):
            continue
        if known_org_length(doc, start, lang):
            continue  # "Beyaz Saray" (the White House)
        if (
            beside_cue
            or _opens_reported_sentence(doc, start, lang)
            or _before_reported_quote(doc, end, lang)
        ):
            add(start, end)


def _opens_reported_sentence(doc: Doc, start: int, lang: LangData) -> bool:
    """Verb-final: the words from ``start`` open the sentence that a reporting verb
    closes ("Dün Hakan Fidan görüşmelerin süreceğini söyledi"), the speaker's place."""
    sent = doc[start].sent
    if not all(
        doc[k].lower_ in lang.time_adverbs or doc[k].is_punct for k in range(sent.start, start)
    ):
        return False
    last = next((t for t in reversed(sent) if not t.is_punct and not t.is_space), None)
    return last is not None and last.lower_ in lang.reporting_verbs


def _before_reported_quote(doc: Doc, end: int, lang: LangData) -> bool:
    """Verb-final: the words before ``end`` are followed (after a subject particle or a
    comma) by a quotation that a reporting verb closes the sentence with ("Adile Kaya
    da | "İstanbul cennet değil" dedi"), the speaker's place."""
    k = end
    while k < len(doc) and (doc[k].lower_ in lang.subject_particles or doc[k].text == ","):
        k += 1
    if k >= len(doc) or doc[k].text not in lang.quote_pairs or doc[k].is_sent_start:
        return False
    sent = doc[k].sent
    last = next((t for t in reversed(sent) if not t.is_punct and not t.is_space), None)
    return last is not None and last.i > k and last.lower_ in lang.reporting_verbs


def _surnames(doc: Doc, lang: LangData, add: Callable[[int, int], None]) -> None:
    """In the Turkic languages a capitalized word inside a sentence shaped like a
    surname ("Назарбаевтың") is a person's name where the NER tagged nothing there,
    with the capitalized given name before it."""
    tagged = {i for ent in ents(doc) for i in range(ent.start, ent.end)}
    # A surname opening the sentence before an "according to" cue is a name, not a
    # word capitalized by its place ("Тоқаевтың сөзінше, ...", "Əliyevin sözlərinə
    # görə, ...").
    source_words = Words(cue[0] for cue in lang.source_cues)
    for token in doc:
        i = token.i
        match = SURNAME_WORD.match(token.text)
        opens_source = i + 1 < len(doc) and doc[i + 1].lower_ in source_words
        if i in tagged or (token.is_sent_start and not opens_source) or not match:
            continue
        # A case ending ends in a vowel or one consonant: "Екатерин|бург" is no
        # surname with an ending.
        ending = (match.group("ending") or "").lstrip("'’")
        if len(ending) >= 2 and not any(c in _VOWELS for c in ending[-2:]):
            continue
        # A place's ending after an apostrophe, fused or split off: "Kosova 'da" (in
        # Kosovo) is where, not who.
        split = doc[i + 1].text if i + 1 < len(doc) and not token.whitespace_ else ""
        if i + 1 < len(doc) and doc[i + 1].text[:1] in lang.name_suffix_apostrophes:
            split = doc[i + 1].text
        case = (split[1:] if split[:1] in lang.name_suffix_apostrophes else "") or (
            ending if any(a in token.text for a in lang.name_suffix_apostrophes) else ""
        )
        if case and case.lower().lstrip("n").startswith(_AT_OR_FROM):
            continue
        start = i - 1 if _given_name_before(doc, i, lang, tagged) else i
        add(start, i + 1)


# Surname endings of the region's languages (Russian, Ukrainian, Azerbaijani, Turkish,
# Armenian, Georgian, Kazakh and Kyrgyz patronymic surnames): "Baghirov", "Aliyeva",
# "Lukashenko", "Pashinyan", "Çavuşoğlu", "Mammadli", "Jafarzade", "Tokayev".
_SURNAME_ENDINGS = (
    "ov",
    "ev",
    "ova",
    "eva",
    "in",
    "ina",
    "sky",
    "skiy",
    "skaya",
    "enko",
    "yan",
    "ian",
    "oğlu",
    "oglu",
    "zade",
    "zadeh",
    "shvili",
    "dze",
    "uly",
    "kyzy",
    "li",
    "lı",
)


def _surname_shaped(ent: Span, lang: LangData) -> bool:
    """An NER organization that is a personal name: two or three capitalized words, the
    last with a surname ending, none an institution's word ("Rasim Baghirov", which a
    small English model may tag ORG)."""
    words = list(ent)
    return (
        2 <= len(words) <= 3
        and all(t.is_alpha and t.is_title for t in words)
        and words[-1].lower_.endswith(_SURNAME_ENDINGS)
        and len(words[-1]) >= 5
        and not any(t.lower_ in lang.org_heads for t in words)
    )


# Locative and ablative endings after a proper noun's apostrophe.
_AT_OR_FROM = ("da", "de", "ta", "te", "dan", "den", "tan", "ten")
_VOWELS = frozenset("aeiouyıöüəаеёиоуыэюяәөұүі")


# A surname of the region with an optional case ending: "Назарбаевтың", "Əliyevin",
# "Tokayev'in" (Russian-type -ov/-ev/-in surnames, also in Turkic spelling).
SURNAME_WORD = re.compile(
    r"^(?P<base>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІÇŞİÖÜƏ][a-zа-яёәғқңөұүһіçşğıöüə]{2,}"
    r"(?:ova|eva|yeva|ov|ev|yev|ова|ева|ов|ев|ина|ин))"
    r"(?P<ending>['’]?[a-zа-яёәғқңөұүһіçşğıöüə]{1,4})?$"
)


def _apostrophe_surname(doc: Doc, i: int, lang: LangData, blocked: set[int]) -> bool:
    """Whether token ``i`` is a capitalized word with a case ending set off by an
    apostrophe, as proper nouns take it ("Demir'e"), that no other entity holds and
    that is no title, institution, form of address or country."""
    if i >= len(doc) or i in blocked or not _apostrophe_ending(doc[i], lang):
        return False
    token = doc[i]
    base, _, ending = token.text.partition(
        next(a for a in lang.name_suffix_apostrophes if a in token.text)
    )
    return (
        not token.is_sent_start
        and len(base) >= 2
        and base.isalpha()
        and base[0].isupper()
        and base[1:].islower()
        and ending.isalpha()
        and ending.islower()
        and len(ending) <= 5
        and base.lower() not in lang.title_heads
        and base.lower() not in lang.org_heads
        # A form of address after the name is none of it ("Mesut | Bey'le").
        and base.lower() not in lang.name_suffixes
        and base.lower() not in lang.address_terms
        and not country_code(base, lang.code)
    )


def _apostrophe_ending(token: Token, lang: LangData) -> bool:
    """Whether a word carries a case ending after an apostrophe ("Müren'in"), which
    ends a name: the capitalized word after it is someone or something else."""
    return any(a in token.text for a in lang.name_suffix_apostrophes)


def _given_name_before(doc: Doc, i: int, lang: LangData, blocked: set[int]) -> bool:
    """Whether the word before token ``i`` may be a given name: capitalized, none of
    ``blocked``, no title or institution word, function word, adverb of time or place
    ("Aziz | Karimov"; not "Prezident | Karimov", "Kecha | Karimov", "Toshkentda |
    Karimov")."""
    if i == 0 or doc[i].is_sent_start:
        return False
    prev = doc[i - 1]
    word = prev.lower_
    return (
        prev.i not in blocked
        and prev.is_title
        and prev.is_alpha
        and word not in lang.title_heads
        and word not in lang.org_heads
        and word not in function_words(lang)
        and word not in lang.time_adverbs
        and not place_case(word, lang)
    )


def _with_leading_initials(doc: Doc, start: int) -> int:
    """The start of a name with the initials before it: "R. M. | Qliyer", "R . M . |
    Qliyer" (tokenized text)."""
    while start > 0 and follows_initial(doc, start):
        start -= 2 if doc[start - 1].text == "." else 1
    return start


def _name_shaped_org(ent: Span, lang: LangData) -> bool:
    """An organization the NER tagged that reads like a full name: two or three
    capitalized words, none an institution's."""
    return (
        ent.label_ == "ORG"
        and 2 <= len(ent) <= 3
        and all(t.is_title and t.is_alpha for t in ent)
        and not any(t.lower_ in lang.org_heads for t in ent)
    )


def with_speaker_labels(
    doc: Doc, lang: LangData, persons: list[Mention], country_at: dict[int, Mention]
) -> list[Mention]:
    """Transcript speaker labels: one to three capitalized words opening a line before a
    colon ("TAPPER: ...", "MR. TRUMP: ...") name a person."""
    taken = {i for p in persons for i in range(p.start, p.end)}
    labels: list[Mention] = []

    def line_break_before(i: int) -> bool:
        return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_

    for token in doc:
        if token.text != ":" or token.i == 0:
            continue
        start = token.i
        while start > 0 and token.i - start < 4 and not line_break_before(start):
            start -= 1
        if not line_break_before(start) or not 1 <= token.i - start <= 3:
            continue
        words = [t for t in doc[start : token.i] if not t.is_punct]
        # In Turkic news a "Name Surname: statement" headline is the common form.
        named = (
            lang.head_final
            and 2 <= len(words) <= 3
            and all(t.is_title and t.is_alpha for t in words)
            and not any(t.lower_ in lang.title_heads or t.lower_ in lang.org_heads for t in words)
        )
        if (
            not words
            or not (all(t.is_upper and t.is_alpha for t in words) or named)
            or any(t.lower_ in lang.non_speaker_labels for t in words)
            or any(k in taken or k in country_at for k in range(start, token.i))
        ):
            continue
        labels.append(Mention(PERSON, start, token.i))
    return sorted([*persons, *labels], key=lambda m: m.start)


def outside_quoted_names(
    doc: Doc, persons: list[Mention], orgs: list[Mention], lang: LangData
) -> list[Mention]:
    """A quoted name of an institution names no person ("«Azəriqaz» İstehsalat
    Birliyi")."""
    quoted = [o for o in orgs if doc[o.start].text in quote_mark_chars(lang)]
    return [p for p in persons if not any(o.start < p.start and p.end < o.end for o in quoted)]


# Given names of the world as the Russian dictionary writes them ("Джон", "Синдзо",
# "Ильхам"; `extractor train names`), matched by the phonetic name key, so "Dzhon",
# "John", "Jon" and "Con" (Azerbaijani) are given names too.
GIVEN_NAMES_PATH = Path(__file__).parent / "data" / "given_names.txt"


@cache
def _given_name_keys() -> frozenset[str]:
    if not GIVEN_NAMES_PATH.exists():
        return frozenset()
    lines = GIVEN_NAMES_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(_velar(name_key(n, "ru")) for n in lines if n and not n.startswith("#"))


def is_given_name(word: str, language: str | None = None) -> bool:
    """Whether ``word`` is a given name in some spelling ("Vasiliy", "İlham", Azerbaijani
    "Serqey")."""
    key = name_key(word, language)
    return bool(key) and " " not in key and _velar(key) in _given_name_keys()


# Russian writes Turkic and English "h" as "г" or "х", and Azerbaijani writes the
# Russian "г" as "q" ("Serqey", "Qordon"): in the given names' keys these are one.
_VELARS = str.maketrans({"h": "g", "k": "g"})


def _velar(key: str) -> str:
    return key.translate(_VELARS)
