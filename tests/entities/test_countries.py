"""Country names and codes from CLDR and ISO 3166, inflected Turkic forms included
(no model needed)."""

from __future__ import annotations

import pytest

from extractor.entities.countries import country_code, country_display_name


@pytest.mark.parametrize(
    "name, code",
    [
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("the United States", "US"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Kyrgyzstan", "KG"),
        ("us", None),
        ("Turkic", None),
        ("Europe", None),
    ],
)
def test_country_code(name: str, code: str | None) -> None:
    assert country_code(name) == code


def test_country_display_name() -> None:
    assert country_display_name("AZ") == "Azerbaijan"


@pytest.mark.parametrize(
    "name, language, code",
    [
        ("Türkiye'nin", "tr", "TR"),
        ("Çin'in", "tr", "CN"),
        ("Çinli", "tr", None),  # "Chinese", derived, not a case form
        ("Azərbaycanın", "az", "AZ"),
        ("Azərbaycan Respublikasının", "az", "AZ"),
        ("Azərbaycanlı", "az", None),
        ("Özbəkistanda", "az", "UZ"),
        ("Қазақстанның", "kk", "KZ"),
        ("Қазақстандық", "kk", None),
        ("Кыргызстандын", "ky", "KG"),
        ("O'zbekistonning", "uz", "UZ"),
        ("Ankara'da", "tr", None),  # a city
        ("Kubanıçbek", "az", None),  # a name, not "Kuba" + a six-letter "ending"
        ("Кубанычбек", "kk", None),
        ("Nijeryalı", "tr", None),  # derived (Nigerian), not "Nijer" + ending
        ("Çingene", "tr", None),  # Turkish endings on names take an apostrophe
        # In capitals, as headlines and news leads write them, read by the language's
        # own case rules (Turkish "İ" is "i", "I" is "ı").
        ("TÜRKİYE", "tr", "TR"),
        ("BELÇİKA'da", "tr", "BE"),
        ("IRAK", "tr", "IQ"),
        ("AZƏRBAYCAN", "az", "AZ"),
        ("ҚАЗАҚСТАН", "kk", "KZ"),
        ("RUSSIA", "en", "RU"),
        ("ANKARA", "tr", None),
        ("ABD", "tr", "US"),
    ],
)
def test_inflected_country_names(name: str, language: str, code: str | None) -> None:
    assert country_code(name, language) == code
