"""Country names and ISO 3166-1 alpha-2 codes, from CLDR (babel) and ISO 3166 (pycountry)."""

from __future__ import annotations

from functools import cache, lru_cache

import pycountry
from babel import Locale, UnknownLocaleError

from .lang import get_lang


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
    return names


@cache
def _folded(language: str) -> dict[str, str]:
    return {name.casefold(): code for name, code in country_names(language).items()}


def country_code(name: str, language: str = "en") -> str | None:
    """The alpha-2 code for a capitalized country ``name``, or None if it is not one."""
    cleaned = name.strip()
    if cleaned[:4].casefold() == "the ":
        cleaned = cleaned[4:]
    if not cleaned or not cleaned[0].isupper():
        return None
    return _folded(language).get(cleaned.casefold())


@cache
def country_display_name(code: str) -> str:
    """The English CLDR name for a country code ("AZ" -> "Azerbaijan")."""
    name = Locale("en").territories.get(code)
    if name:
        return str(name)
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country is not None else code
