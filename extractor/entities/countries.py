"""Countries: names and ISO 3166-1 alpha-2 codes from CLDR (babel) and ISO 3166
(pycountry), and the country mentions of a Doc (a country is never a PERSON or an ORG).
"""

from __future__ import annotations

from functools import cache, lru_cache

import pycountry
from babel import Locale, UnknownLocaleError
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..language import LangData, get_lang
from ..nlp.natasha import russian_morphology
from .base import COUNTRY, Mention, ents, is_cap


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


@cache
def country_names(language: str) -> dict[str, str]:
    """Country name as written -> alpha-2 code, for names used in ``language`` text.

    Names come from CLDR territory names in ``language`` and in English (news in any
    language cites English names), ISO 3166 short, official and common names, and the
    language's alias table for names neither carries (e.g. "Turkey").
    """
    codes = _iso_codes()
    names: dict[str, str] = {}
    for locale_code in dict.fromkeys(("en", language)):
        try:
            territories = Locale.parse(locale_code).territories
        except (UnknownLocaleError, ValueError):
            continue
        for code, name in territories.items():
            if code in codes:
                names.setdefault(name, code)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(value, country.alpha_2)
    for alias, code in get_lang(language).country_aliases.items():
        names.setdefault(alias, code)
    # CLDR writes Uzbek's letter modifiers (Qozogʻiston); news types an apostrophe.
    for name, code in list(names.items()):
        if "ʻ" in name or "ʼ" in name:
            for mark in "'’":
                names.setdefault(name.replace("ʻ", mark).replace("ʼ", mark), code)
    return names


@cache
def _folded(language: str) -> dict[str, str]:
    return {name.casefold(): code for name, code in country_names(language).items()}


@lru_cache(maxsize=65536)
def country_code(name: str, language: str = "en") -> str | None:
    """The alpha-2 code for a capitalized country ``name``, or None if it is not one."""
    cleaned = name.strip()
    if cleaned[:4].casefold() == "the ":
        cleaned = cleaned[4:]
    if not cleaned or not cleaned[0].isupper():
        return None
    folded = _folded(language)
    code = folded.get(cleaned.casefold())
    if code is None and get_lang(language).head_final:
        base = uninflected(cleaned, language, folded)
        code = folded.get(base.casefold()) if base else None
    word = cleaned.split("'")[0].split("’")[0]
    if code is None and len(word) > 3 and word.isalpha() and word.isupper():
        # A name in capitals, as a headline or a news lead writes it ("TÜRKİYE",
        # "BELÇİKA'da"): read in the language's own case rules.
        return country_code(_capitalized(cleaned, language), language)
    return code


def _capitalized(word: str, language: str) -> str:
    """A word in capitals with only its first letter kept capital; Turkish and
    Azerbaijani lower "İ" to "i" and "I" to "ı" ("TÜRKİYE" -> "Türkiye", "IRAK" ->
    "Irak")."""
    rest = word[1:]
    if language in {"tr", "az"}:
        rest = rest.replace("İ", "i").replace("I", "ı")
    return word[:1] + rest.lower()


_MAX_ENDING = 5  # letters of the longest case ending taken off a country name


def uninflected(name: str, language: str, known: dict[str, str] | None = None) -> str | None:
    """The known name that ``name`` is a case form of, in a language with suffixes:
    "Türkiye'nin" -> "Türkiye", "Azərbaycanın" -> "Azərbaycan", "Қазақстанның" ->
    "Қазақстан". Derived words ("Azərbaycanlı", Azerbaijani) are not case forms."""
    lang = get_lang(language)
    known = known if known is not None else _folded(language)
    cased = _cased(language)
    folded = name.casefold()
    for cut in range(len(folded) - 1, max(len(folded) - _MAX_ENDING, 1) - 1, -1):
        base, tail = folded[:cut], folded[cut:]
        rest = tail.lstrip("'’")
        # A case ending has two letters or more, or follows an apostrophe ("Çin'e");
        # the name keeps its own capitals ("АҚШ", not "Ақшасыз"; "Дания", not "Данияр").
        ending = len(rest) >= 2 or (len(rest) == 1 and rest != tail)
        if base not in known or name[:cut] not in cased:
            continue
        if rest.startswith(lang.derivational_suffixes):
            return None  # "Nijeryalı" (Nigerian) is no case form of "Nijer" either
        # Turkish spelling puts an apostrophe between a proper name and its ending
        # ("Çin'e"): "Çingene" is no form of "Çin".
        apostrophe = not lang.suffix_apostrophe_required or rest != tail
        if ending and apostrophe and rest.isalpha() and rest.islower():
            return name[:cut]
    return None


@cache
def _cased(language: str) -> frozenset[str]:
    return frozenset(country_names(language))


@cache
def country_display_name(code: str, language: str = "en") -> str:
    """The CLDR name of a country code in ``language`` ("AZ" -> "Azerbaijan")."""
    names = {c: n for n, c in get_lang(language).country_aliases.items()}
    try:
        name = Locale.parse(language).territories.get(code) or names.get(code)
    except (UnknownLocaleError, ValueError):
        name = None
    name = name or Locale("en").territories.get(code)
    if name:
        return str(name)
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country is not None else code


# --- country mentions in a Doc ----------------------------------------------------


@cache
def _country_matcher(nlp: Language, language: str) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for name, code in country_names(language).items():
        matcher.add(code, [nlp.make_doc(name)])
    return matcher


def find_countries(doc: Doc, nlp: Language, lang: LangData) -> list[Mention]:
    """The country mentions of ``doc``, in text order: names from CLDR in any case
    form, the NER's places that name a country, and adjectives naming one."""
    spans: list[Mention] = []
    if lang.head_final:  # names take case endings: matched word by word
        found = _without_named_places(doc, _inflected_countries(doc, lang, spans))
        return _without_given_names(doc, found, lang)
    matches = _country_matcher(nlp, lang.code)(doc)
    # Longest match first, no overlaps: "Republic of Korea" over "Korea".
    for match_id, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if any(s.start < end and start < s.end for s in spans):
            continue
        if start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
            continue  # the end of a hyphenated name: "Нью-Джерси"
        spans.append(Mention(COUNTRY, start, end, code=doc.vocab.strings[match_id]))
    # A pipeline that gives nominative forms (natasha for Russian) names inflected
    # countries: "Азербайджана" -> "Азербайджан".
    normal: dict[tuple[int, int], str] = doc.user_data.get("extractor.normal") or {}
    for ent in ents(doc):
        # natasha takes "Российской Федерации" for an organization: its nominative
        # form says it is a country.
        if ent.label_ not in {"GPE", "ORG"} or any(
            s.start < ent.end and ent.start < s.end for s in spans
        ):
            continue
        base = normal.get((ent.start_char, ent.end_char), ent.text)
        code = country_code(base, lang.code)
        if code is not None:
            name = base if base != ent.text else None
            spans.append(Mention(COUNTRY, ent.start, ent.end, code=code, name=name))
    if "extractor.normal" in doc.user_data:  # natasha's pipeline: Russian morphology
        spans.extend(_morphology_countries(doc, spans))
    spans.extend(_country_adjectives(doc, lang, spans))
    return sorted(_without_given_names(doc, spans, lang), key=lambda m: m.start)


def _morphology_countries(doc: Doc, found: list[Mention]) -> list[Mention]:
    """Inflected country names the NER left untagged, by the place names of the
    Russian dictionary ("Слава Украине!" -> Украина); none inside another entity
    ("Нью-Джерси", "Единая Россия")."""
    morph = russian_morphology()
    covered = {i for m in found for i in range(m.start, m.end)}
    covered |= {i for e in ents(doc) for i in range(e.start, e.end)}
    spans = []
    for token in doc:
        if token.i in covered or not token.is_alpha or not token.text[:1].isupper():
            continue
        if token.i > 0 and doc[token.i - 1].text == "-":
            continue  # the end of a hyphenated name
        if (
            0 < token.i < len(doc) - 1
            and doc[token.i - 1].text in '«"„“'
            and doc[token.i + 1].text in '»"“”'
        ):
            continue  # a quoted name is a ship's, a paper's or a team's ("«Колумбии»")
        for parse in morph.parse(token.text):
            if "Geox" not in parse.tag:
                continue
            base = parse.normal_form.capitalize()
            code = country_code(base, "ru")
            if code is not None:
                spans.append(Mention(COUNTRY, token.i, token.i + 1, code=code, name=base))
                break
    return spans


def _without_given_names(doc: Doc, countries: list[Mention], lang: LangData) -> list[Mention]:
    """A country's name opening a person's name the NER tagged is a given name: "Jordan
    Henderson", "Chad Smith"; not so before a title ("Azerbaijan President ...")."""
    firsts = {e.start: e for e in ents(doc) if e.label_ == "PERSON" and len(e) >= 2}
    return [
        m
        for m in countries
        if not (
            m.start in firsts
            and m.end < firsts[m.start].end
            and is_cap(doc[m.end])
            and doc[m.end].lower_ not in lang.title_heads
            and doc[m.end].lower_ not in lang.org_heads
            and m.name is None
        )
    ]


def _without_named_places(doc: Doc, countries: list[Mention]) -> list[Mention]:
    """A country inside a place the NER tagged that ends in a common noun is part of the
    place's name: "Солтүстік Қазақстан облысы" (North Kazakhstan Region) is no mention
    of Kazakhstan; "Қытай Халық Республикасы" (all capitalized) still is China."""
    places = [
        e
        for e in ents(doc)
        if e.label_ in {"GPE", "LOC"} and len(e) >= 2 and doc[e.end - 1].text[:1].islower()
    ]
    return [m for m in countries if not any(e.start <= m.start and m.end < e.end for e in places)]


def _country_adjectives(doc: Doc, lang: LangData, found: list[Mention]) -> list[Mention]:
    """Adjectives naming a country ("российских", "Американская"), named by the
    country's own name."""
    if not lang.country_adjectives:
        return []
    taken = {i for m in found for i in range(m.start, m.end)}
    endings = frozenset(lang.adjective_endings)
    spans = []
    for token in doc:
        word = token.lower_
        # A capitalized adjective inside a sentence is part of a name ("Колумбийском
        # университете", "Советского района").
        if token.i in taken or not token.is_alpha or (is_cap(token) and not token.is_sent_start):
            continue
        for size in (2, 3):
            code = lang.country_adjectives.get(word[:-size])
            if code is not None and word[-size:] in endings:
                name = country_display_name(code, lang.code)
                spans.append(Mention(COUNTRY, token.i, token.i + 1, code=code, name=name))
                break
    return spans


def _inflected_countries(doc: Doc, lang: LangData, found: list[Mention]) -> list[Mention]:
    """Country names with a case ending on their last word ("Türkiye'nin",
    "Azərbaycan Respublikasının"), longest first."""
    taken = {i for m in found for i in range(m.start, m.end)}
    spans: list[Mention] = []
    for start in range(len(doc)):
        if start in taken or not is_cap(doc[start]):
            continue
        for size in (3, 2, 1):
            end = start + size
            if end > len(doc) or any(k in taken for k in range(start, end)):
                continue
            if any(doc[k].is_sent_start for k in range(start + 1, end)):
                continue
            text = doc[start:end].text
            code = country_code(text, lang.code)
            if code is not None:
                base = uninflected(text, lang.code) if country_code(text) is None else None
                spans.append(Mention(COUNTRY, start, end, code=code, name=base))
                taken.update(range(start, end))
                break
    return spans
