"""Country names and codes from CLDR and ISO 3166, inflected Turkic forms included
(no model needed)."""

from __future__ import annotations

import pytest

from extractor import Extractor
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


# A country's name inside a currency's (CLDR's currency names in each language) is no
# mention of the country; the country named beside it still is. Sentences written for
# these tests.
CURRENCIES = [
    ("en", "The deal was worth 5 billion US dollars, Canada said.", ["CA"]),
    ("ru", "Сделка стоила 5 миллиардов долларов США, сообщила Канада.", ["CA"]),
    ("ru", "США заявили, что курс доллара США вырос.", ["US"]),
    ("kk", "Жобаның құны бір миллиард АҚШ долларына жетеді .", []),
    ("kk", "АҚШ алтын қорын көбейтті .", ["US"]),  # gold is no currency here
    ("tr", "Anlaşma 5 milyar ABD doları değerinde, dedi Kanada.", ["CA"]),
    ("az", "Layihənin dəyəri 5 milyard ABŞ dolları olacaq.", []),
    ("uz", "Loyiha qiymati 5 milliard AQSh dollari bo'ladi.", []),
    ("ky", "Долбоордун наркы 5 миллиард АКШ доллары болот.", []),
]


@pytest.mark.model
@pytest.mark.parametrize("language, text, codes", CURRENCIES)
def test_a_currency_names_no_country(
    extractor: Extractor, language: str, text: str, codes: list[str]
) -> None:
    result = extractor.extract(text, language=language)
    assert sorted(e.code or "" for e in result.entities if e.type == "COUNTRY") == codes
