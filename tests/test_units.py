"""Unit tests that need no NLP model: quote marks, clustering, countries, language id."""

from __future__ import annotations

import pytest

from extractor.entities.clusters import CharMention, cluster, fold, initials
from extractor.entities.countries import country_code, country_display_name
from extractor.errors import UnsupportedLanguageError
from extractor.language import SUPPORTED, get_lang
from extractor.language.identify import segment
from extractor.quotes import quote_marks

EN = get_lang("en")


def _contents(text: str) -> list[tuple[str, bool]]:
    return [(text[q.start : q.end], q.closed) for q in quote_marks(text, EN)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "yes, we will," and left.', [("yes, we will", True)]),
        ("“Curly,” she said, “marks.”", [("Curly", True), ("marks.", True)]),
        ("«Ёлки» и „палки“", [("Ёлки", True), ("палки", True)]),
        ("It’s the company’s view.", []),
        ("‘Single’ marks", [("Single", True)]),
        ("\"Outer 'inner' outer,\" he said.", [("Outer 'inner' outer", True)]),
        ('He measured 5" of snow.', []),
        ('A "open\n\nNext paragraph.', [("open", False)]),
        ('"One\n\n"Two," she said.', [('One\n\n"Two', True)]),
        ('A "stray mark. "Quoted," he said.', [("stray mark.", False), ("Quoted", True)]),
        ("", []),
        ('"', []),
    ],
)
def test_quote_marks(text: str, expected: list[tuple[str, bool]]) -> None:
    assert _contents(text) == expected


def test_fold_and_initials() -> None:
    assert fold("Bagírov’s  Office") == "bagirov s office"
    assert fold("Türkiye") == "turkiye"
    assert initials("Organization of Turkic States") == "OTS"
    assert initials("Ministry of Foreign Affairs") == "MFA"


def _m(label: str, text: str, start: int, **kw: str) -> CharMention:
    return CharMention(label, start, start + len(text), text, **kw)


def test_cluster_surname_acronym_and_title() -> None:
    text = "Rasim Baghirov of the Organization of Turkic States (OTS). Baghirov, Director of X. OTS. Director"
    mentions = [
        _m("PERSON", "Rasim Baghirov", 0),
        _m("ORGANIZATION", "Organization of Turkic States", 22),
        _m("ORGANIZATION", "OTS", 53),
        _m("PERSON", "Baghirov", 59),
        _m("TITLE", "Director of X", 69, head="director"),
        _m("ORGANIZATION", "OTS", 84),
        _m("TITLE", "Director", 89, head="director"),
    ]
    entities, ids = cluster(mentions, text)
    by_name = {e.name: e for e in entities}
    assert [m.text for m in by_name["Rasim Baghirov"].mentions] == ["Rasim Baghirov", "Baghirov"]
    assert [m.text for m in by_name["Organization of Turkic States"].mentions] == [
        "Organization of Turkic States",
        "OTS",
        "OTS",
    ]
    assert len(by_name["Director of X"].mentions) == 2
    assert len(entities) == 3
    assert by_name["Rasim Baghirov"].key == "person:rasim bagirov"
    assert len(set(ids.values())) == 3


def test_cluster_keeps_ambiguous_surname_apart() -> None:
    text = "Ilham Aliyev and Heydar Aliyev. Aliyev."
    mentions = [
        _m("PERSON", "Ilham Aliyev", 0),
        _m("PERSON", "Heydar Aliyev", 17),
        _m("PERSON", "Aliyev", 32),
    ]
    entities, _ = cluster(mentions, text)
    assert sorted(e.name for e in entities) == ["Aliyev", "Heydar Aliyev", "Ilham Aliyev"]


def test_cluster_countries_by_code() -> None:
    text = "Turkey and Türkiye"
    entities, _ = cluster(
        [_m("COUNTRY", "Turkey", 0, code="TR"), _m("COUNTRY", "Türkiye", 11, code="TR")], text
    )
    assert len(entities) == 1 and entities[0].key == "country:TR" and entities[0].code == "TR"


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


def test_unsupported_language_lists_supported() -> None:
    with pytest.raises(UnsupportedLanguageError) as info:
        get_lang("fr")
    assert "en" in info.value.message
    assert info.value.details["supported"] == list(SUPPORTED)


def test_segments_by_paragraph_language() -> None:
    text = (
        "The ministers met in Baku on Monday to discuss regional cooperation.\n\n"
        "They agreed to meet again next year and to expand the exchange of news.\n\n"
        "Rasim Bağırov: Türk dövlətlərinin informasiya mübadiləsi vahid məkan yaradır\n"
        "Расим Багиров: ОТГ формирует единое медиапространство благодаря проектам\n"
    )
    main, segments = segment(text, "en")
    assert main == "en"
    assert [s.language for s in segments] == ["en", "az", "ru"]
    assert text[segments[0].start : segments[0].end].endswith("exchange of news.")
    assert text[segments[-1].start : segments[-1].end].startswith("Расим")
    assert segments[-1].end == len(text.rstrip())


def test_short_text_takes_default_language() -> None:
    main, segments = segment("OK.", "en")
    assert main == "en" and segments[0].language == "en"
