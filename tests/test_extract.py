"""The library contract: Extractor.extract / extract_many, validation and errors."""

from __future__ import annotations

import pytest

from extractor import (
    EmptyTextError,
    Extractor,
    InvalidInputError,
    ModelNotAvailableError,
    TextTooLargeError,
    UnsupportedLanguageError,
)
from extractor.extract import extracted
from extractor.schema import Extraction
from extractor.settings import Settings

from .helpers import assert_spans_exact

TEXTS = [
    '"We will not back down," said Sen. Elizabeth Warren.',
    "Foreign Minister Jeyhun Bayramov said talks with Armenia were moving forward.\n\n"
    "“Our relations are strategic,” he added. The Ministry of Foreign Affairs of "
    "Azerbaijan confirmed the visit, according to a statement.",
    "The parliament approved the budget on Friday after a long debate.",
]


@pytest.mark.model
def test_extract_many_equals_extract(extractor: Extractor) -> None:
    many = extractor.extract_many(TEXTS)
    assert [m.model_dump() for m in many] == [extractor.extract(t).model_dump() for t in TEXTS]
    for text, result in zip(TEXTS, many):
        assert_spans_exact(text, result)
        assert result.text_length == len(text)
        assert result.extractor_version
        assert result.models["en"].startswith("en_core_web_sm")


@pytest.mark.model
def test_result_round_trips_as_json(extractor: Extractor) -> None:
    from extractor import Extraction

    result = extractor.extract(TEXTS[1])
    assert Extraction.model_validate_json(result.model_dump_json()) == result


@pytest.mark.model
def test_ids_are_consistent(extractor: Extractor) -> None:
    result = extractor.extract(TEXTS[1])
    ids = {e.id for e in result.entities}
    for role in result.roles:
        assert {role.person, role.title} <= ids
        assert role.organization is None or role.organization in ids
    for quote in result.quotes:
        assert quote.speaker is None or quote.speaker in ids
        assert 0.0 <= quote.confidence <= 1.0


@pytest.mark.model
def test_language_is_forced_or_detected(extractor: Extractor) -> None:
    assert extractor.extract(TEXTS[0], language="EN").language == "en"
    assert extractor.extract(TEXTS[1]).language == "en"


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text(extractor: Extractor, text: str) -> None:
    with pytest.raises(EmptyTextError, match="empty"):
        extractor.extract(text)


def test_too_large() -> None:
    small = Extractor(Settings(max_text_chars=50))
    with pytest.raises(TextTooLargeError, match="limit is 50"):
        small.extract("word " * 20)


def test_forced_unsupported_language(extractor: Extractor) -> None:
    with pytest.raises(UnsupportedLanguageError) as info:
        extractor.extract("Bonjour tout le monde.", language="fr")
    assert "supported languages: en" in info.value.message


def test_detected_unsupported_language(extractor: Extractor) -> None:
    text = (
        "Le ministre des Affaires étrangères a déclaré lundi que les négociations "
        "reprendraient la semaine prochaine à Genève."
    )
    with pytest.raises(UnsupportedLanguageError, match="'fr' is not supported"):
        extractor.extract(text)


@pytest.mark.parametrize("bad", [None, 42, b"bytes"])
def test_non_string_text(extractor: Extractor, bad: object) -> None:
    with pytest.raises(InvalidInputError, match="must be a string"):
        extractor.extract(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("text, offset", [("Hakan Fidan \ud800 said so.", 12), ("\udfff", 0)])
def test_a_lone_surrogate_is_refused(extractor: Extractor, text: str, offset: int) -> None:
    with pytest.raises(InvalidInputError, match="lone surrogate") as refused:
        extractor.extract(text)
    assert refused.value.details["offset"] == offset


def test_extract_many_rejects_a_single_string(extractor: Extractor) -> None:
    with pytest.raises(InvalidInputError):
        extractor.extract_many("one text")  # type: ignore[arg-type]


def test_extract_many_a_refused_text_fails_alone(extractor: Extractor) -> None:
    fine, empty, foreign, large = extractor.extract_many(
        [
            "A fine text about Baku.",
            "  ",
            "Le gouvernement français a annoncé mardi une réforme des retraites.",
            "The minister spoke about the budget. " * 40_000,
        ]
    )
    assert isinstance(fine, Extraction) and fine.language == "en"
    assert fine == extractor.extract("A fine text about Baku.")
    assert isinstance(empty, EmptyTextError)
    assert empty.message == "text #1: text is empty" and empty.details["index"] == 1
    assert isinstance(foreign, UnsupportedLanguageError) and foreign.details["index"] == 2
    assert isinstance(large, TextTooLargeError) and large.details["index"] == 3


def test_extracted_raises_the_first_refusal(extractor: Extractor) -> None:
    results = extractor.extract_many(["A fine text about Baku.", "  "])
    with pytest.raises(EmptyTextError):
        extracted(results)
    assert extracted(results[:1]) == results[:1]


def test_extract_many_a_forced_unknown_language_fails_the_batch(extractor: Extractor) -> None:
    with pytest.raises(UnsupportedLanguageError):
        extractor.extract_many(["A fine text."], language="xx")


def test_extract_many_of_nothing(extractor: Extractor) -> None:
    assert extractor.extract_many([]) == []


def test_missing_model_is_a_clear_error() -> None:
    broken = Extractor(Settings(pipelines={"en": "no_such_pipeline_installed"}))
    with pytest.raises(ModelNotAvailableError, match="no_such_pipeline_installed"):
        broken.extract("Some English text about the weather.", language="en")


def test_pipeline_setting_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRACTOR_PIPELINES", '{"en": "en_core_web_lg"}')
    monkeypatch.setenv("EXTRACTOR_MAX_TEXT_CHARS", "1234")
    settings = Settings()
    assert settings.pipeline_for("en") == "en_core_web_lg"
    assert settings.max_text_chars == 1234


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.model
def test_real_news_runs_clean(extractor: Extractor, shared_dir) -> None:  # type: ignore[no-untyped-def]
    """Every PolNeAR dev article extracts without error, with exact spans and quotes
    attributed to entities of the same document."""
    from extractor.devtools.corpora import polnear

    docs = list(polnear("dev", shared_dir))
    results = extractor.extract_many([d.text for d in docs])
    attributed = 0
    for doc, result in zip(docs, results):
        assert_spans_exact(doc.text, result)
        ids = {e.id for e in result.entities}
        for q in result.quotes:
            assert q.speaker is None or q.speaker in ids
            attributed += q.speaker is not None
    assert attributed > 300  # the dev split has over 800 speech attributions


@pytest.mark.model
def test_a_case_ending_set_off_as_a_token_is_no_part_of_the_name(extractor: Extractor) -> None:
    """Tokenized Turkish ("Kohl 'ün") names "Kohl"; written attached ("Kohl'ün") the
    mention stays the word as written."""
    tokenized = extractor.extract("Helmut Kohl 'ün partisi seçimi kazandı .", language="tr")
    [person] = [e for e in tokenized.entities if e.type == "PERSON"]
    assert [m.text for m in person.mentions] == ["Helmut Kohl"]
    written = extractor.extract("Helmut Kohl'ün partisi seçimi kazandı.", language="tr")
    [person] = [e for e in written.entities if e.type == "PERSON"]
    assert [m.text for m in person.mentions] == ["Helmut Kohl'ün"]
    assert person.name == "Helmut Kohl"
