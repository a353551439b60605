"""Country names and ISO 3166-1 alpha-2 codes, from CLDR (babel) and ISO 3166 (pycountry)."""

from __future__ import annotations

from functools import cache, lru_cache

import pycountry
from babel import Locale, UnknownLocaleError

from ..language import get_lang


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
    return code


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
