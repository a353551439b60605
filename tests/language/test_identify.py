"""Language identification per paragraph, and the error naming the supported
languages (no NLP model needed)."""

from __future__ import annotations

import pytest

from extractor.errors import UnsupportedLanguageError
from extractor.language import SUPPORTED, get_lang
from extractor.language.identify import segment


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
