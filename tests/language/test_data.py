"""Per-language data: word sets with Turkic stems, the Turkic languages' data."""

from __future__ import annotations

from extractor.language import Words, get_lang


def test_words_match_stems_and_exact_forms() -> None:
    words = Words({"direktor-", "müdir", "bakan-", "bakanlığ-"})
    assert "direktorunun" in words and "direktor" in words
    assert "müdir" in words and "müdiri" not in words  # no "-": exact only
    assert words.stem_of("bakanlığı") == "bakanlığ"  # the longest stem wins
    assert words.stem_of("bakanı") == "bakan"
    assert "bakanxxxxxxxxxxxxxx" not in words  # too long to be an ending
    assert "direktoru" in (words | frozenset({"sədr"}))


def test_turkic_language_data_loads() -> None:
    for code in ("tr", "az", "kk", "uz", "ky"):
        lang = get_lang(code)
        assert lang.head_final and lang.title_heads and lang.org_heads
        assert not set(lang.title_heads) & set(lang.org_heads)
