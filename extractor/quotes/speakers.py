"""Speakers: the reporting verb and its subject in a parse, the words naming the
speaker (a name, a pronoun, a title or another noun phrase), and, over the whole
document, the entity each speaker mention resolves to: the name's entity, the person
a pronoun follows, the one holder of a title ("the Director"), or the organization
last named with the noun's head word ("the agency said")."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..entities.base import ORGANIZATION, PERSON, DocMentions, Mention
from ..entities.clusters import CharMention, fold
from ..entities.countries import country_code
from ..entities.persons import is_given_name
from ..language import LangData
from ..schema import Entity, Quote, Role, SpeakerKind
from ..schema import Span as TextSpan
from .common import FoundQuote, Marked, char_offsets, content_text, doc_text, sentence_at


def is_cue(token: Token, lang: LangData) -> bool:
    """Whether a parsed token is a reporting verb of the language: its lemma, or a
    phrasal verb ("point out")."""
    # An adjectival participle ("so-called", "the said agreement") reports nothing.
    # A hyphen written close up joins a compound ("so-called"); one between spaces
    # is a dash ("«...», - сообщил он").
    if token.dep_ in {"amod", "compound"} or (
        token.i > 0 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_
    ):
        return False
    if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {
        "VBD",
        "VBZ",
        "VBP",
        "VBN",
        "VBG",
        "VB",
    }:
        return False
    # "That said, ...": a discourse marker, not an attribution.
    if (
        0 < token.i < len(token.doc) - 1
        and token.nbor(1).text == ","
        and token.nbor(-1).lower_ in {"that", "this"}
        and token.nbor(-1).dep_ == "nsubj"
    ):
        return False
    lemma = token.lemma_.lower()
    if token.lower_ in lang.non_cue_words:
        return False
    # The writer's own remark to the reader, in the first person plural of the future
    # with no subject: "Напомним, что ..." (let us recall), "Отметим, что ...".
    morph = token.morph
    if (
        morph.get("Person", []) == ["1"]
        and morph.get("Number", []) == ["Plur"]
        and morph.get("Tense", []) == ["Fut"]
        and not any(c.dep_.startswith("nsubj") for c in token.children)
    ):
        return False
    if lemma in lang.reporting_verbs:
        return True
    return phrasal_noun(token, lang) is not None or any(
        (lemma, child.lower_) in lang.phrasal_reporting_verbs
        for child in token.children
        if child.dep_ == "prt"
    )


def phrasal_noun(token: Token, lang: LangData) -> Token | None:
    """The noun that makes a verb a report ("обратили внимание", "выразил надежду",
    "опубликовал заявление"): its object, where the pair is one of the language's."""
    lemma = token.lemma_.lower()
    return next(
        (
            c
            for c in token.children
            if c.dep_ == "dobj" and (lemma, c.lower_) in lang.phrasal_reporting_verbs
        ),
        None,
    )


def source_of(cue: Token, lang: LangData) -> Token | None:
    """Whose words a reporting verb reports: the owner of the words it quotes ("РИА
    Новости цитирует слова посла" -> "посла"), else its subject."""
    for child in cue.children:
        if child.dep_ == "dobj" and child.lower_ in lang.words_nouns:
            owner = next((c for c in child.children if c.dep_ in {"nmod", "poss"}), None)
            if owner is not None:
                return owner
    return subject_of(cue)


def subject_of(cue: Token) -> Token | None:
    """The grammatical subject of a reporting verb, looking up through coordination
    ("He smiled and said ..."), control and participles ("rejected it, saying ...",
    "responded by saying ..."); the agent of a passive ("was told by X")."""
    verb: Token | None = cue
    for _ in range(4):
        if verb is None:
            break
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            # Two where the parse took a word of the content for one: the nearer ("Мэром
            # избран баскетболист X, сообщило агентство AP").
            at = verb.i
            return min(subjects, key=lambda c: abs(c.i - at))
        for child in verb.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if (
            verb.dep_ == "acl"
            and verb.head is not verb
            and verb.morph.get("VerbForm", []) == ["Part"]
            and verb.morph.get("Voice", []) == ["Act"]
        ):
            # An active participle's subject is the noun it describes: "кандидатом,
            # официально объявившим о намерении ..." (the candidate who announced).
            return verb.head
        if verb.dep_ in {"conj", "xcomp", "advcl", "pcomp", "prep"} and verb.head is not verb:
            verb = _clause_before(verb) if verb.dep_ == "advcl" else verb.head
        else:
            break
    return _misattached_subject(cue)


def _clause_before(converb: Token) -> Token:
    """The verb a participle or gerund after its clause goes with: its head, or a verb
    coordinated with the head (or a verb above it) that has a subject of its own and
    stands between them, where the parse hung the gerund too high ("Он продолжал
    сворачивать ..., а я шутил над парнем, говоря, что ...": I joked, saying)."""
    head = converb.head
    if head.i > converb.i:
        return head
    between = [
        t
        for t in converb.doc[head.i + 1 : converb.i]
        if t.dep_ == "conj"
        and (t.head.i == head.i or t.head in head.ancestors)
        and t.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "nsubj" for c in t.children)
    ]
    return between[-1] if between else head


def _misattached_subject(cue: Token) -> Token | None:
    """A subject the parser hung on the verb before: the nearest one to the left of a
    cue after a clause of its own ("Управление сообщило ..., а глава управления Иван
    Петров заявил, что ..."), with no verb between them."""
    if cue.dep_ != "parataxis":
        return None
    for k in range(cue.i - 1, cue.head.i, -1):
        token = cue.doc[k]
        if token.pos_ in {"VERB", "AUX"}:
            return None
        if token.dep_ == "nsubj" and token.head.i < k:
            return token
    return None


def speaker_of(
    doc: Doc, head: Token, found: DocMentions, lang: LangData
) -> tuple[tuple[int, int], str]:
    """The words naming the speaker whose head is ``head``, and their kind. A name in
    apposition wins over the noun it explains ("the bank's governor, Taleh Kazimov")."""
    # A country speaks by its government ("Южная Корея опровергает ...").
    mention = (
        found.at(head.i, "PERSON")
        or found.at(head.i, "ORGANIZATION")
        or (found.at(head.i, "COUNTRY") if head.dep_ in {"nsubj", "nsubjpass"} else None)
    )
    if mention is None:
        for child in head.rights:
            named = found.at(child.i, "PERSON") or found.at(child.i, "ORGANIZATION")
            if child.dep_ == "appos" and named is not None:
                mention = named
                break
    if mention is not None:
        return char_offsets(doc[mention.start : mention.end]), "name"
    if head.lower_ in lang.person_pronouns or head.pos_ == "PRON":
        return char_offsets(head), "pronoun"
    title = next((t for t in found.titles if t.core_start <= head.i < t.mention.end), None)
    left = head.i
    for child in head.lefts:
        if child.dep_ in {"det", "compound", "amod", "poss", "nummod", "nmod"}:
            left = min(left, child.left_edge.i)
    # People named by whom they speak for: "Представители Гринпис", "пресс-служба
    # полиции" (a name after the noun, in the genitive). Not the organization of one
    # person's title: "глава МИД Японии" is a person, not the ministry.
    collective = title is None or head.morph.get("Number", []) == ["Plur"]
    for child in head.rights:
        named = found.at(child.i, "ORGANIZATION") or found.at(child.i, "PERSON")
        if child.dep_ == "nmod" and named is not None and child.i - head.i <= 3 and collective:
            return char_offsets(doc[left : max(named.end, head.i + 1)]), "name"
    if title is not None:
        left = min(left, title.mention.start)
        return char_offsets(doc[left : max(head.i + 1, title.mention.end)]), "title"
    # The whole noun phrase: a hyphenated word's parts ("пресс-службы", parsed "пресс"
    # with "-службы" fixed to it) and whose it is ("представитель ведомства").
    right = head.i + 1
    for child in head.rights:
        if child.i != right or child.dep_ not in {"fixed", "flat", "goeswith", "nmod"}:
            break
        right = child.right_edge.i + 1 if child.dep_ == "nmod" else child.i + 1
    return char_offsets(doc[left:right]), "noun"


def colon_intro(doc: Doc, q: Marked, inside: list[bool], lang: LangData) -> Token | Span | None:
    """For a quote opened right after a colon: the cue of the introducing sentence, or
    the name/title before the colon in a "Name: quote" line."""
    k = q.open_at - 1
    while k >= 0 and doc_text(doc)[k].isspace():
        k -= 1
    if k < 0 or doc_text(doc)[k] != ":":
        return None
    colon = doc.char_span(k, k + 1, alignment_mode="expand")
    if colon is None:
        return None
    sent = sentence_at(doc, colon.start)
    for token in reversed(list(sent)):
        if token.i < colon.start and not inside[token.i] and is_cue(token, lang):
            return token
    return doc[sent.start : colon.start] if colon.start > sent.start else None


# --- speakers as entities of the document ----------------------------------------------


# A surname's endings in the region's languages, Latin and Cyrillic ("Tokayev",
# "Тоқаева", "Мамытбеков", "Бағыров", "Nazarbayev", "Ахметжанұлы").
_SURNAME = re.compile(
    r"(?:ov|ev|yev|ova|eva|yeva|in|ina|sky|skiy|skaya|uly|ulı|kyzy|qizi|o[gğ]lu|zade|zadə|"
    r"enko|chuk|vich|dze|shvili|yan|"
    r"ов|ев|ёв|ова|ева|ёва|ин|ина|ский|ская|ұлы|улы|қызы|кызы|заде|енко|чук|вич|дзе|швили|ян)$",
    re.IGNORECASE,
)
# Endings no organization's last word has ("Nebenzya" aside): an organization tag on
# a speaker whose last word ends so is a person's name ("Igor Mosiichuk said").
_STRONG_SURNAME = re.compile(
    r"(?:ov|ev|yev|ova|eva|yeva|enko|chuk|vich|dze|shvili|uly|kyzy|o[gğ]lu|"
    r"ов|ев|ова|ева|енко|чук|вич|дзе|швили|ұлы|улы|қызы|кызы)$",
    re.IGNORECASE,
)


def name_speakers(
    doc: Doc, found: DocMentions, quotes: list[FoundQuote], lang: LangData
) -> list[FoundQuote]:
    """Speakers the entity model missed or mistook, made people: two to four
    capitalized words in speaker position, no title, institution, people word or
    country among them, the first a given name in some spelling ("Dzhon Makkeyn",
    "Con Makkeyn") or the last a surname of the region ("Fuad Əliyev bildirib"), with
    the rest of a name the parse or the model left out ("Касым-Жомарт | Токаев
    заявил", "Tayson | F’yuri said"). An organization the model tagged there becomes a
    person only where the shape leaves no doubt: a given name first, a hyphenated given
    name and a surname, or a surname ending no organization has ("Kassym-Jomart Tokayev
    said", "Vasiliy Nebenzya said"; "Morgan Stanley said" stays). ``found`` gains the
    PERSON mentions; the quotes come back with their speakers marked as names."""
    out = []
    for q in quotes:
        span = (
            doc.char_span(q.speaker[0], q.speaker[1], alignment_mode="contract")
            if q.speaker is not None and q.speaker_kind in {"noun", "name"}
            else None
        )
        if span is None or not len(span):
            out.append(q)
            continue
        whole = _name_extent(doc, span, found, lang)
        inside = [m for m in found.all() if m.start < whole.end and whole.start < m.end]
        if (
            any(m.start < whole.start or m.end > whole.end for m in inside)
            or any(m.label not in {PERSON, ORGANIZATION} for m in inside)
            or [(m.label, m.start, m.end) for m in inside] == [(PERSON, whole.start, whole.end)]
            or not _person_shaped(whole, lang, tagged=any(m.label == ORGANIZATION for m in inside))
        ):
            out.append(q)
            continue
        for m in inside:
            (found.persons if m.label == PERSON else found.orgs).remove(m)
        found.persons.append(Mention(PERSON, whole.start, whole.end))
        out.append(replace(q, speaker=(whole.start_char, whole.end_char), speaker_kind="name"))
    return out


def _name_extent(doc: Doc, span: Span, found: DocMentions, lang: LangData) -> Span:
    """The speaker span with the capitalized words of a name around it: those after
    it in its sentence, and, where it does not start with a given name, before it a
    given name or an entity that ends where it starts ("Airat | Arslanov")."""
    start, end = span.start, span.end
    while (
        end < len(doc)
        and end - start < 6
        and doc[end - 1].whitespace_
        and _name_word(doc[end].text)
        and not doc[end].is_sent_start
        # A name is written in one alphabet: "Дональд Трамп | Twitter-дегі".
        and _alphabet(doc[end].text) == _alphabet(doc[end - 1].text)
    ):
        end += 1
    given_first = is_given_name(doc[start].text, lang.code)
    name_ends = {m.end for m in found.all() if m.label in {PERSON, ORGANIZATION}}
    while start > 0 and not given_first and end - start < 6 and not doc[start].is_sent_start:
        # The word before, with a soft sign's apostrophe split off it ("Igor | ’").
        glued = start >= 2 and doc[start - 1].text in "’ʼ" and not doc[start - 2].whitespace_
        first = start - 2 if glued else start - 1
        word = doc[first:start].text
        if not (
            doc[start - 1].whitespace_
            and _name_word(word)
            and doc[first].pos_ not in _NOT_NAME_POS
            and doc[first].lower_ not in lang.reporting_verbs  # "Said Dorothy Poynter, …"
            and doc[first].lower_ not in lang.time_adverbs  # "Dün | Hakan Fidan"
            and (is_given_name(word, lang.code) or start in name_ends)
        ):
            break
        start = first
    return doc[start:end]


_NOT_NAME_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "ADV", "SCONJ", "CCONJ"})
# Letters and the marks inside romanized names ("F’yuri", "Ab·e", "O'Neil", "Kassym-Jomart"),
# and the soft sign's apostrophe after them ("Igor’").
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[-'’ʼ·](?=[^\W\d_]))*[’ʼ]?")


def _alphabet(word: str) -> str:
    """The alphabet of a word's first letter ("LATIN", "CYRILLIC", ...)."""
    letter = next((c for c in word if c.isalpha()), None)
    return unicodedata.name(letter, "").partition(" ")[0] if letter else ""


def _name_word(text: str) -> bool:
    return text[:1].isupper() and _NAME_WORD.fullmatch(text) is not None


def _person_shaped(span: Span, lang: LangData, tagged: bool) -> bool:
    """Two to four capitalized words, none a title, institution, people word or
    country, and: the first a given name (two or three words), or the last a surname
    by its ending; with ``tagged`` (an organization's tag to undo), the surname only
    after a hyphenated given name or as the second of two words with an ending no
    organization has ("Mosiichuk", "Aliyev")."""
    words = span.text.split()  # (a hyphenated name is one word: "Kassym-Jomart")
    if not 2 <= len(words) <= 4:
        return False
    for text in words:
        if not _name_word(text):
            return False
        if text.isupper() and len(text) > 1:
            return False  # an acronym
        lower = text.lower()
        if country_code(text, lang.code) or any(
            lower in words_
            for words_ in (
                lang.title_heads,
                lang.org_heads,
                lang.institution_nouns,
                lang.speaker_nouns,
                lang.determiners,
                lang.document_nouns,
            )
        ):
            return False
    first = words[0]
    if len(words) <= 3 and is_given_name(first, lang.code):
        return True
    # The last word a surname of the region ("Human Rights Watch", "Beyaz Saray" are
    # no people); with ``tagged`` after a hyphenated given name.
    hyphen = "-" in first and all(p[:1].isupper() for p in first.split("-"))
    if tagged:
        return bool(
            (hyphen and _SURNAME.search(words[-1]))
            or (len(words) == 2 and _STRONG_SURNAME.search(words[-1]))
        )
    return bool(_SURNAME.search(words[-1]))


_TRAILING = re.compile(r"[\W_]+$")


def document_quotes(
    text: str,
    found: list[FoundQuote],
    ids: dict[CharMention, str],
    roles: list[Role],
    by_id: dict[str, Entity],
) -> list[Quote]:
    """The document's quotes from those its segments found, in text order, each with
    its speaker resolved to an entity id (``ids``: the entity of each mention); the same
    words by the same speaker (a repeated headline) once."""
    spans = sorted(
        (
            (m.start, m.end, ids[m], m.label)
            for m in ids
            if m.label in {"PERSON", "ORGANIZATION", "COUNTRY"}
        ),
        key=lambda x: x[0],
    )
    quotes: list[Quote] = []
    seen: set[tuple[str, str | None]] = set()
    for q in sorted(found, key=lambda q: (q.start, q.end)):
        speaker = resolve_speaker(text, q, spans, roles, by_id)
        key = (
            fold(text[q.start : q.end]),
            speaker or (text[slice(*q.speaker)] if q.speaker else None),
        )
        if key in seen:
            continue  # the same words by the same speaker (a repeated headline)
        seen.add(key)
        quotes.append(
            Quote(
                id=f"q{len(quotes) + 1}",
                text=content_text(text, q.start, q.end, q.pieces),
                start=q.start,
                end=q.end,
                kind=q.kind,
                cue=TextSpan(start=q.cue[0], end=q.cue[1], text=text[q.cue[0] : q.cue[1]])
                if q.cue
                else None,
                speaker_mention=(
                    TextSpan(
                        start=q.speaker[0], end=q.speaker[1], text=text[q.speaker[0] : q.speaker[1]]
                    )
                    if q.speaker
                    else None
                ),
                speaker=speaker,
                speaker_kind=speaker_kind(q, by_id.get(speaker or "")),
                confidence=q.confidence,
                pieces=[TextSpan(start=a, end=b, text=text[a:b]) for a, b in q.pieces],
            )
        )
    return quotes


def speaker_kind(q: FoundQuote, entity: Entity | None) -> SpeakerKind | None:
    """The public kind of a quote's source (see :class:`extractor.schema.Quote`): the
    type of the entity its mention resolves to; else what the finder saw in the words
    (a pronoun or a title stands for a person, an institution's common noun for an
    organization; another common noun is a source described without a name)."""
    if entity is not None:
        return "person" if entity.type == "PERSON" else "organization"
    if q.speaker_kind == "unnamed":
        return "unnamed"  # an impersonal report: no mention
    if q.speaker is None:
        return None
    found: dict[str | None, SpeakerKind] = {
        "document": "document",
        "institution": "organization",
        "noun": "unnamed",
    }
    return found.get(q.speaker_kind, "person")


def resolve_speaker(
    text: str,
    q: FoundQuote,
    spans: list[tuple[int, int, str, str]],
    roles: list[Role],
    by_id: dict[str, Entity],
) -> str | None:
    """The entity a quote's speaker mention refers to, or None."""
    if q.speaker is None:
        return None
    s, e = q.speaker
    if q.speaker_kind == "name":
        inside = [x for x in spans if x[0] <= s and e <= x[1]] or [
            x for x in spans if x[0] < e and s < x[1]
        ]
        return max(inside, key=lambda x: x[1] - x[0])[2] if inside else None
    if q.speaker_kind == "pronoun":
        # The nearest person mentioned before the pronoun.
        before = [x for x in spans if x[3] == "PERSON" and x[1] <= s]
        return before[-1][2] if before else None
    head = _TRAILING.sub("", text[s:e]).split()[-1:]
    if not head:
        return None
    word = head[0].casefold()
    # "the Director" -> the person who holds a title with that head.
    holders = [
        r.person
        for r in roles
        if word in fold(by_id[r.title].name).split()[:1]
        or fold(by_id[r.title].name).split()[-1:] == [word]
    ]
    if holders and len(set(holders)) == 1:
        return holders[0]
    if holders:
        return None  # several holders: ambiguous
    # "the agency said" -> the organization last named with that head word.
    orgs = [
        x
        for x in spans
        if x[3] == "ORGANIZATION" and x[1] <= s and word in fold(text[x[0] : x[1]]).split()
    ]
    return orgs[-1][2] if orgs else None


def add_references(quotes: list[Quote], by_id: dict[str, Entity]) -> None:
    """Pronouns and titles naming a speaker refer to the entity they resolve to: each
    such speaker mention joins that entity's ``references``, kept in text order."""
    for q in quotes:
        entity = by_id.get(q.speaker or "")
        span = q.speaker_mention
        if entity is None or span is None:
            continue
        named = {(m.start, m.end) for m in [*entity.mentions, *entity.references]}
        if (span.start, span.end) not in named:
            entity.references.append(span)
    for entity in by_id.values():
        entity.references.sort(key=lambda x: x.start)
