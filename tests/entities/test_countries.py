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
    ],
)
def test_inflected_country_names(name: str, language: str, code: str | None) -> None:
    assert country_code(name, language) == code
