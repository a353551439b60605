"""Organizations: capitalized runs of words holding an institution's head word
("Media Development Agency of Azerbaijan"), the NER's organizations, names capitalized
on the first word only ("Sog'liqni saqlash vazirligi"), acronyms by where they stand,
and the known international organizations in any of their names and case forms
(``data/organizations.json``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Token

from ..language import LangData
from .base import (
    ORGANIZATION,
    DocMentions,
    Mention,
    case_marked,
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
from .titles import tagged_titles


def org_chunks(
    doc: Doc, chunks: list[tuple[int, int]], lang: LangData, country_at: dict[int, Mention]
) -> list[Mention]:
    """The capitalized runs (``chunks``) that hold an institution's head word, split at
    "and" between institutions, less a country alone."""
    orgs: list[Mention] = []
    for start, end in chunks:
        for s, e in _split_coordination(doc, start, end, lang, country_at):
            while s < e and doc[s].lower_ in function_words(lang):
                s += 1
            if not has_head(doc, s, e, lang.org_heads):
                continue
            whole_country = country_at.get(s)
            if whole_country and whole_country.start == s and whole_country.end == e:
                continue
            orgs.append(Mention(ORGANIZATION, s, e))
    return orgs


def _split_coordination(
    doc: Doc, start: int, end: int, lang: LangData, country_at: dict[int, Mention]
) -> Iterable[tuple[int, int]]:
    """Split "Türkiye and the Ministry of X" or "Ministry of A and Ministry of B" at "and"."""
    for k in range(start + 1, end - 1):
        if doc[k].lower_ not in {"and", "&"}:
            continue
        left_country = country_at.get(start)
        left_is_country = left_country is not None and left_country.end == k
        both_orgs = has_head(doc, start, k, lang.org_heads) and doc[k + 1].lower_ in lang.org_heads
        if left_is_country or both_orgs:
            yield start, k
            yield from _split_coordination(doc, k + 1, end, lang, country_at)
            return
    yield start, end


def deferring_to_ner(doc: Doc, orgs: list[Mention], lang: LangData) -> list[Mention]:
    """The rule-found organizations the NER leaves standing. NER-only pipelines (ours,
    natasha) learned the institution names of their languages, often capitalized on the
    first word only ("Агентство развития медиа"); capitalized runs only add what they
    did not tag. The NER decides where it tagged the run's head word; an entity with an
    institution's head word is one whatever label the NER gave it ("Prezident
    Administrasiyasının" tagged PERSON), and a country it tagged at the start of a run
    ("Azərbaycan | Mədəniyyət Nazirliyinin") leaves the run an institution."""
    tagged = {
        i
        for ent in ents(doc)
        if ent.label_ == "ORG" or not has_head(doc, ent.start, ent.end, lang.org_heads)
        for i in range(ent.start, ent.end)
    }
    return [
        o
        for o in orgs
        if not any(k in tagged and doc[k].lower_ in lang.org_heads for k in range(o.start, o.end))
        and not any(
            e.label_ == "ORG"
            and o.start <= e.start < o.end
            # In a verb-final language a run ending in its head word keeps what
            # the NER cut off before the head ("Peşəkar İngilis Dilli | Məktəblərin
            # Kanada Assosiasiyası").
            and not (
                lang.head_final
                and e.end < o.end
                and doc[o.end - 1].lower_ in lang.org_heads
                and not has_head(doc, e.start, e.end, lang.org_heads)
            )
            for e in ents(doc)
        )
    ]


def verb_final_runs(
    doc: Doc, orgs: list[Mention], lang: LangData, names: set[int]
) -> list[Mention]:
    """A verb-final language's capitalized runs as institution names: a lone institution
    word opening a sentence is capitalized by its place, a common noun
    ("Университетте", at the university), unless the NER tagged it; a run ending in a
    document's word names a document; a run starts after an opening word in a place
    case and ends at its head word (``names``: tokens of people and countries)."""
    return [
        ends_at_head(doc, without_opening_case(doc, o, lang), lang, names)
        for o in orgs
        if not (o.end - o.start == 1 and doc[o.start].is_sent_start and not doc[o.start].is_upper)
        # The last word is the head: "Siyasi Partiler Kanunu" (the Political Parties
        # Law) is a law.
        and doc[o.end - 1].lower_ not in lang.document_nouns
    ]


def coordinated(doc: Doc, org: Mention, lang: LangData, names: set[int]) -> list[Mention]:
    """Two institutions joined by "and", each ending in its head word, are two: "İstanbul
    Valiliği ve İçişleri Bakanlığı"; a person before "and" is none of the institution
    after it ("Şükrü Süsin ve Hürriyet Gazetesi"). One head for both parts is one name
    ("Türk Sanayici ve İşadamları Derneği", "Universitetlər və Kolleclər
    Assosiasiyası")."""
    for k in range(org.start + 1, org.end - 1):
        if doc[k].lower_ not in lang.name_connectors:
            continue
        word = doc[k - 1].lower_
        # (A plural names the members: "Kanada Universitetlər və Kolleclər
        # Assosiasiyası", the association of universities and colleges.)
        plural = any(x in word[-6:] for x in lang.plural_suffixes)
        before = word in lang.org_heads and not plural
        person = all(j in names for j in range(org.start, k))
        if before or person:
            second = Mention(ORGANIZATION, k + 1, org.end)
            if person:
                return coordinated(doc, second, lang, names)
            return [replace(org, end=k), *coordinated(doc, second, lang, names)]
    return [org]


def without_opening_case(doc: Doc, org: Mention, lang: LangData) -> Mention:
    """A sentence's first word in a place case or the accusative, capitalized by its
    place, is no part of the name after it: "Tədbirdə | Peşəkar Jurnalistlərin ...
    Assosiasiyası" (at the event), "Müqaviləni | Beynəlxalq Neft ... Assosiasiyası"."""
    first = doc[org.start]
    word = first.lower_
    accusative = [e for e in lang.case_endings if len(e) >= 2 and e[0] in "nн"]
    if (
        org.end - org.start >= 3
        and first.is_sent_start
        and word not in lang.org_heads
        and (
            place_case(word, lang)
            or any(word.endswith(e) and len(word) >= len(e) + 3 for e in accusative)
        )
    ):
        return replace(org, start=org.start + 1)
    return org


def ends_at_head(doc: Doc, org: Mention, lang: LangData, names: set[int]) -> Mention:
    """A verb-final language's institution name ends with its head word: a person, a
    country or a quotation after it is none of it ("Парламент Мәжілісіне | Нұрсұлтан
    Назарбаев", "Үкіметімізде | Қазақстан Республикасының", "İnstitutunda | "Funksiyalar
    nəzəriyyəsi" şöbəsi")."""
    heads = [k for k in range(org.start, org.end) if doc[k].lower_ in lang.org_heads]
    if heads and any(
        k in names or doc[k].text in quote_mark_chars(lang) for k in range(heads[-1] + 1, org.end)
    ):
        org = replace(org, end=heads[-1] + 1)
    return org


def with_quoted_name(doc: Doc, org: Mention, lang: LangData) -> Mention:
    """A quoted name before an institution's head words is the institution's own name,
    part of it: "«İnflot» Dəniz Agentliyi", ""Türk Telekom" Genel Müdürlüğü"."""
    marks = quote_mark_chars(lang)
    k = org.start - 1
    if k < 1 or doc[k].text not in marks:
        return org
    for opening in range(k - 1, max(-1, k - 6), -1):
        if doc[opening].text in marks:
            inside = doc[opening + 1 : k]
            if len(inside) and is_cap(inside[0]) and not any(t.is_punct for t in inside):
                return replace(org, start=opening)
            return org
    return org


def with_country_before(
    doc: Doc, orgs: list[Mention], countries: list[Mention], lang: LangData
) -> list[Mention]:
    """A country before an institution's name is part of it: "Azərbaycan Mədəniyyət
    Nazirliyi", "Қазақстан Республикасының Білім министрлігі". Only a country in the
    nominative or the genitive ("Fransa'da Lille ... Üniversitesi" is a university in
    France), before a name that is no acronym ("Azərbaycan BMT")."""
    country_ends = {
        m.end: m
        for m in countries
        if m.name is None or doc[m.end - 1].lower_.endswith(lang.genitive_suffixes or ("\0",))
    }
    return [
        replace(o, start=country_ends[o.start].start)
        if o.start in country_ends and not doc[o.start].is_upper
        else o
        for o in orgs
    ]


def with_country_after(orgs: list[Mention], countries: list[Mention]) -> list[Mention]:
    """Where the language names an institution's country after it in the genitive
    (``LangData.org_country_genitive``: "Агентство развития медиа Азербайджана"), the
    country is part of the name."""
    country_starts = {m.start: m for m in countries}
    return [
        replace(o, end=country_starts[o.end].end) if o.end in country_starts else o for o in orgs
    ]


def ner_orgs(doc: Doc, lang: LangData, found: DocMentions, core_tokens: set[int]) -> list[Mention]:
    # A country may begin an institution's name ("Azərbaycan Mədəniyyət Nazirliyi"); it
    # stays a country mention of its own as well.
    taken = {i for m in [*found.orgs, *found.persons] for i in range(m.start, m.end)} | core_tokens
    orgs: list[Mention] = []
    for ent in ents(doc):
        if ent.label_ != "ORG":
            continue
        start, end = ent.start, ent.end
        while start < end and (doc[start].lower_ in function_words(lang) or doc[start].is_punct):
            start += 1
        while end > start and trailing(doc[end - 1]):
            end -= 1
        # An entity running into a title or a name keeps what comes before it
        # ("Dışişleri Bakanlığı | Sözcüsü Öncü Keçeli").
        end = next((k for k in range(start, end) if k in taken), end)
        while end > start and trailing(doc[end - 1]):
            end -= 1
        if end <= start:
            continue
        span = doc[start:end]
        if country_code(span.text, lang.code) or span.text in lang.not_organizations:
            continue
        # A verb-final name ends in a noun; one ending in an adjective the language
        # derives ("Халықаралық музыкалық", international musical; "Оңтүстік", south)
        # is no organization's.
        last = doc[end - 1].lower_
        if (
            lang.head_final
            and last not in lang.org_heads
            and any(
                last.endswith(x) and len(last) > len(x) + 2
                for x in lang.derivational_suffixes
                # Not the short endings nouns also end in ("Okulu", "Fenerbahçe").
                if len(x) >= 3 and x not in lang.plural_suffixes
            )
        ):
            continue
        # A lone adjective or lower-case word is no organization name, nor is a lone
        # capitalized word modifying a common noun ("Turkic states"); an acronym
        # modifier stays ("OTS member states").
        if end - start == 1:
            token = doc[start]
            modifier = (
                token.dep_ in {"compound", "amod"}
                and token.head.pos_ == "NOUN"
                and not token.is_upper
            )
            if token.pos_ == "ADJ" or not is_cap(token) or modifier:
                continue
        # A verb-final name the NER began at a lower-case word starts at the proper
        # noun before it, with no case ending ("Еуразия | ұлттық университеті", which
        # the model read as a place and an institution).
        while (
            lang.head_final
            and start > 0
            and doc[start].text[:1].islower()
            and not doc[start].is_sent_start
            and start - 1 not in taken
            and doc[start - 1].is_alpha
            and is_cap(doc[start - 1])
            and doc[start - 1].lower_ not in function_words(lang)
            and not _inflected(doc[start - 1].lower_, lang)
        ):
            start -= 1
        orgs.append(Mention(ORGANIZATION, start, end))
    return orgs


def _inflected(word: str, lang: LangData) -> bool:
    """Whether a word ends in a case ending of two letters or more, or in a place's
    adjective ending ("Ұлыбританиядағы", in Britain)."""
    return case_marked(word, lang) or word.endswith(
        ("дағы", "дегі", "тағы", "тегі", "ndaki", "ndeki", "daki", "deki")
    )


def compound_orgs(doc: Doc, orgs: list[Mention]) -> list[Mention]:
    """ "Organization of Turkic States (OTS) Media and Information Working Group" is one
    body, the OTS working group: join "ORG (ACRONYM) ORG" into a mention named with the
    acronym, keeping the parts as mentions of their own."""
    by_start = {o.start: o for o in orgs}
    extra: list[Mention] = []
    tails: set[Mention] = set()
    for o in orgs:
        k = o.end
        if (
            k + 3 < len(doc)
            and doc[k].text == "("
            and doc[k + 1].is_upper
            and doc[k + 2].text == ")"
            and (k + 3) in by_start
        ):
            tail = by_start[k + 3]
            name = f"{doc[k + 1].text} {doc[tail.start : tail.end].text}"
            extra.append(Mention(ORGANIZATION, o.start, tail.end, name=name))
            tails.add(tail)
    # "Yargıtay 8. Ceza Dairesi" (the court's Eighth Criminal Chamber), "Danıştay 2.
    # Dairesi": an institution and its numbered unit are one body.
    ends = {o.end: o for o in orgs}
    for o in orgs:
        k = o.start - 1
        if k >= 1 and k in ends and _ordinal(doc[k]) and doc[o.start].text[:1].isupper():
            head = ends[k]
            extra.append(Mention(ORGANIZATION, head.start, o.end))
            tails.update({head, o})
    kept = [o for o in orgs if o not in tails]
    return in_order([*kept, *extra])


def _ordinal(token: Token) -> bool:
    """A number written as an ordinal with a dot ("8.")."""
    return token.text.endswith(".") and token.text[:-1].isdigit() and len(token.text) <= 4


def first_word_orgs(
    doc: Doc, lang: LangData, found: DocMentions, breakers: set[int]
) -> list[Mention]:
    """The organizations with those named by a capitalized first word, up to three
    lower-case words and a lower-case institution head ("Sog'liqni saqlash vazirligi",
    "Министрлер кабинетинин"), which no other mention covers."""
    taken = {
        i for m in [*found.orgs, *found.persons, *found.countries] for i in range(m.start, m.end)
    } | breakers
    extra: list[Mention] = []
    for head in doc:
        h = head.i
        if h in taken or not head.text[:1].islower() or head.lower_ not in lang.org_heads:
            continue
        k = h - 1
        while (
            k >= max(0, h - 3)
            and doc[k].text[:1].islower()
            and doc[k].is_alpha
            and k not in taken
            and doc[k].lower_ not in function_words(lang)
            and not doc[k + 1].is_sent_start
        ):
            k -= 1
        # A word in a place case ("Toshkentda", "shahrida") is where, not a name's.
        if (
            k >= 0
            and k < h
            and k not in taken
            and not doc[k + 1].is_sent_start
            and is_cap(doc[k])
            and doc[k].lower_ not in function_words(lang)
            and doc[k].lower_ not in lang.time_adverbs
            and not any(place_case(doc[j].lower_, lang) for j in range(k, h))
            and not any(e.label_ in {"GPE", "LOC"} and e.start <= k < e.end for e in ents(doc))
        ):
            extra.append(Mention(ORGANIZATION, k, h + 1))
            taken.update(range(k, h + 1))
    return in_order([*found.orgs, *extra])


def quoted_orgs(doc: Doc, lang: LangData, found: DocMentions, breakers: set[int]) -> list[Mention]:
    """The organizations with those a verb-final language names by a quoted name before
    a lower-case word for their kind ("«Ақ жол» партиясынан", from the «Ақ жол» party;
    "«Bek Air» компаниясының"): the quoted name is the organization's, the kind word a
    common noun. A name in quotes before any other word is a programme's, a product's
    or a work's ("«Нұрлы жер» бағдарламасы"), none of them here."""
    pairs = lang.quote_pairs
    taken = {
        i for m in [*found.orgs, *found.persons, *found.countries] for i in range(m.start, m.end)
    } | breakers
    extra: list[Mention] = []
    for head in doc[2:]:
        h = head.i
        if (
            not head.text[:1].islower()
            or head.lower_ not in lang.org_heads
            or head.is_sent_start
            or doc[h - 1].is_sent_start
        ):
            continue
        closing = doc[h - 1].text
        for opening in range(h - 2, max(-1, h - 8), -1):
            if closing not in pairs.get(doc[opening].text, ()):
                continue
            inside = range(opening + 1, h - 1)
            if (
                inside
                and is_cap(doc[opening + 1])
                and not any(k in taken or doc[k].is_sent_start for k in inside)
                and not any(doc[k].is_punct and doc[k].text not in "-&." for k in inside)
            ):
                extra.append(Mention(ORGANIZATION, opening + 1, h - 1))
                taken.update(inside)
            break
    return in_order([*found.orgs, *extra])


def acronym_orgs(doc: Doc, lang: LangData, found: DocMentions) -> list[Mention]:
    """Acronyms that name organizations by where they stand: opening a verb-final title
    ("TBMM Başkanı", "AMEA prezidenti"), or before an organization's name in brackets
    ("CAPLS (Peşəkar İngilis Dilli Məktəblərin Kanada Assosiasiyası)")."""
    taken = {i for m in [*found.orgs, *found.countries] for i in range(m.start, m.end)}
    extra: list[Mention] = []
    if lang.head_final:
        extra = [
            Mention(ORGANIZATION, s, s + 1)
            for s, e in tagged_titles(doc, lang)
            if e - s >= 2 and _acronym(doc[s]) and s not in taken
        ]
    taken |= {i for m in [*extra, *found.persons] for i in range(m.start, m.end)}
    # Where a proper noun's case ending follows an apostrophe, an acronym inside a
    # sentence that takes one names an organization ("SPD'nin", "FP'ye", "PKK'nın"); a
    # country's ("ABD'nin") is a country already.
    for token in doc:
        base, mark, ending = token.text.partition(
            next((a for a in lang.name_suffix_apostrophes if a in token.text), "\0")
        )
        if (
            mark
            and ending.isalpha()
            and ending.islower()
            and not token.is_sent_start
            and token.i not in taken
            and 2 <= len(base) <= 5
            and base.isalpha()
            and base.isupper()
            and base not in _COMMON_ACRONYMS
            # A plural names things of a kind: "KİT'ler" (state enterprises).
            and not ending.lower().startswith(lang.plural_suffixes or ("\0",))
            and not country_code(base, lang.code)
        ):
            extra.append(Mention(ORGANIZATION, token.i, token.i + 1, name=base))
    for o in [*found.orgs, *extra]:
        k = o.start - 2
        if (
            k >= 0
            and doc[k + 1].text == "("
            and o.end < len(doc)
            and doc[o.end].text == ")"
            and _acronym(doc[k])
            and k not in taken
        ):
            extra.append(Mention(ORGANIZATION, k, k + 1))
    return extra


# Acronyms of common nouns, in the region's Latin scripts ("TV'de", on television).
_COMMON_ACRONYMS = frozenset({"TV", "CD", "DVD", "PC", "SMS", "GSM", "ATM", "USB", "GPS"})


def _acronym(token: Token) -> bool:
    """An upper-case word of two to six letters ("TBMM", "AMEA", "ЕҚЫҰ")."""
    return 2 <= len(token.text) <= 6 and token.text.isalpha() and token.text.isupper()


@cache
def _known_names() -> dict[str, list[tuple[str, ...]]]:
    """The names of the known organizations as word tuples, by their first letters."""
    from .linking import known_names

    index: dict[str, list[tuple[str, ...]]] = {}
    for name in known_names():
        words = tuple(name.split())
        index.setdefault(words[0][:2].casefold(), []).append(words)
    return index


def with_known_orgs(doc: Doc, lang: LangData, found: DocMentions) -> list[Mention]:
    """The organizations with the known ones added (:func:`_known_orgs`). A found
    organization that is only known ones joined by "and" ("UN and the European
    Union") gives way to them; one that says more keeps its span ("OTS Media and
    Information Working Group")."""
    known = _known_orgs(doc, lang, found)
    kept: list[Mention] = []
    for o in found.orgs:
        parts = [m for m in known if m.start < o.end and o.start < m.end]
        covered = {i for m in parts for i in range(m.start, m.end)}
        rest = [
            doc[i]
            for i in range(o.start, o.end)
            if i not in covered
            and not doc[i].is_punct
            and doc[i].lower_ not in lang.conjunctions | lang.determiners | {"and", "&"}
        ]
        if parts and not rest:
            continue  # the known organizations stand for it
        if parts:
            known = [m for m in known if m not in parts]
        kept.append(o)
    return in_order([*kept, *known])


def _known_orgs(doc: Doc, lang: LangData, found: DocMentions) -> list[Mention]:
    """Known organizations (``data/organizations.json``) by any of their
    names, with case endings where the language inflects them ("Түркі мемлекеттері
    ұйымының", "Организации тюркских государств", "BMT-nin")."""
    from .linking import known_organization

    # A person the NER found whose name is a known organization's is that organization
    # ("сообщает Акорда", tagged as a person).
    taken = {
        i
        for m in found.persons
        if not known_organization(doc[m.start : m.end].text)
        for i in range(m.start, m.end)
    }
    spans: list[Mention] = []
    i = 0
    while i < len(doc):
        best = known_org_length(doc, i, lang)
        if best and not any(k in taken for k in range(i, i + best)):
            spans.append(Mention(ORGANIZATION, i, i + best))
            i += best
        else:
            i += 1
    return spans


def known_org_length(doc: Doc, i: int, lang: LangData) -> int:
    """The number of words of the longest known organization name at token ``i``."""
    # How much longer than a name's word its inflected form may be: Turkic case and
    # possessive endings stack ("Təşkilatının"); Russian endings replace the word's own
    # ("Кремль" -> "Кремлем"), so "Кремниевой" is no form of it.
    growth = 5 if lang.head_final else 2 if lang.country_adjectives else 0
    best = 0
    for words in _known_names().get(doc[i].text[:2].casefold(), []):
        n = len(words)
        # A name is written capitalized ("Белый дом", not "белый дом").
        if (
            i + n <= len(doc)
            and (doc[i].text[:1].isupper() or not words[0][:1].isupper())
            and all(_word_matches(doc[i + j].text, w, growth) for j, w in enumerate(words))
        ):
            best = max(best, n)
    return best


def _word_matches(token: str, word: str, growth: int) -> bool:
    """A token is a known name's word: the same word (acronyms: the same letters and
    case), or, in a language that inflects (``growth`` > 0), its stem with a case ending
    at most ``growth`` letters longer than the word."""
    inflecting = growth > 0
    if word.isupper() and len(word) > 1:
        return token == word or (
            inflecting and token.startswith(word) and token[len(word) : len(word) + 1] in "'’-"
        )
    folded, target = token.casefold(), word.casefold()
    if folded == target:
        return True
    stem = target[: max(3, len(target) - 2)]
    return inflecting and folded.startswith(stem) and len(folded) - len(target) <= growth
