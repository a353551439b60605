"""Properties of the library's entry point on arbitrary text: ``Extractor.extract``
returns an Extraction whose every span lies inside the text and is the text between
its offsets, and whose ids refer to its own entities; or it raises an ExtractorError;
never anything else. The texts mix news-like pieces (names, titles, reporting verbs,
quote marks of each language) with arbitrary Unicode: punctuation, combining marks,
direction marks, NULs, and long runs of one character."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from extractor import Extraction, Extractor
from extractor.errors import ExtractorError
from extractor.schema import Span

pytestmark = [pytest.mark.slow, pytest.mark.model]

# Pieces of news in each language, so that the generated texts reach the entity,
# role and quote rules and not only the tokenizer.
PIECES = {
    "en": (
        "said|told reporters|according to|noted that|further emphasized that|he said|"
        "she added|Sen. Elizabeth Warren|Rasim Baghirov|Baghirov|Director|the Director|"
        "Foreign Minister|Jeyhun Bayramov|President|of the|Organization of Turkic States|"
        "OTS|Azerbaijan|the United States|police|officials|it was reported|"
        "We will not back down|talks"
    ).split("|"),
    "ru": (
        "сказал|заявил|по словам|отметил, что|сообщает|Расим Багиров|Багиров|директор|"
        "министр иностранных дел|Азербайджана|Организации тюркских государств|"
        "в заявлении|сообщается|Мы не отступим"
    ).split("|"),
    "kk": (
        "деді|деп хабарлады|деп мәлімдеді|сөзінше|Тоқаевтың сөзінше|Тоқаев|"
        "Қасым-Жомарт Тоқаев|Президент|Қазақстан|Ақорда|министрі|Біз"
    ).split("|"),
    "tr": (
        "dedi|açıkladı|sözlerine göre|belirtti|Erdoğan|Recep Tayyip Erdoğan|Cumhurbaşkanı|"
        "Dışişleri Bakanı|Türkiye|Türk Devletleri Teşkilatı|Açıklamada|belirtildi|"
        "Geri adım atmayacağız"
    ).split("|"),
}
# Quote marks, dashes and colons of the languages (« », „ “, ‘ ’, 「 」...), and the
# characters that trouble tokenizers and offsets: combining marks, direction and
# zero-width marks, NUL, other controls, no-break and line separators, astral
# characters, letters whose case mapping changes their length.
MARKS = [*"\"'«»„“”‘’‹›「」『』—–-:;,.!?…()[]", "\n", "\n\n", "\t", "  "]
ODD = [*"\u0301\u0308\u200f\u200e\u202e\u2066\u200b\u200d\ufeff\x00\x1b\x7f\u00a0\u2028İß"]
ODD += ["\U0001f600", "\U0001d400"]
SEPARATORS = st.sampled_from(["", " ", " ", " ", "\n", "\n\n", ", "])


def any_text(max_size: int = 300) -> st.SearchStrategy[str]:
    """Arbitrary Unicode without surrogates (hypothesis leaves them out)."""
    return st.text(st.characters(exclude_categories=["Cs"]), max_size=max_size)


def news_like(language: str) -> st.SearchStrategy[str]:
    """Texts of a few hundred characters at most, of news pieces in ``language``,
    quote marks, odd characters and arbitrary text, joined by spaces and breaks."""
    token = st.one_of(
        st.sampled_from(PIECES[language]),
        st.sampled_from(MARKS),
        st.sampled_from(ODD),
        any_text(12),
    )
    pieces = st.lists(st.tuples(token, SEPARATORS), max_size=40)
    return pieces.map(lambda parts: "".join(p + s for p, s in parts)[:400])


def long_runs() -> st.SearchStrategy[str]:
    """One character or piece repeated a few thousand times, with a text around it."""
    unit = st.sampled_from(['"', "«", "a", " ", "\n", "said ", "A. ", "\u0301", "\x00", "Ş"])
    run = st.builds(lambda u, n: u * (n // len(u)), unit, st.integers(1_000, 5_000))
    return st.builds(lambda a, r, b: a + r + b, any_text(40), run, any_text(40))


def texts(language: str) -> st.SearchStrategy[str]:
    """News-like texts most of the time, arbitrary Unicode sometimes."""
    return st.one_of(news_like(language), news_like(language), any_text())


def spans(result: Extraction) -> Iterator[tuple[str, Span]]:
    """Every span of ``result`` with where it was found."""
    for entity in result.entities:
        for span in [*entity.mentions, *entity.references]:
            yield f"entity {entity.id}", span
    for role in result.roles:
        for span in [role.evidence, *role.other_evidence]:
            yield f"role {role.id}", span
    for relation in result.relations:
        yield f"relation {relation.id}", relation.evidence
    for quote in result.quotes:
        for part in [quote.cue, quote.speaker_mention, *quote.pieces]:
            if part is not None:
                yield f"quote {quote.id}", part


def check_extraction(text: str, result: Extraction) -> None:
    """Every span lies within ``text`` and is the text between its offsets; a quote's
    text is the text between its offsets and holds its pieces; ids resolve."""
    assert isinstance(result, Extraction)
    assert result.text_length == len(text)
    for where, span in spans(result):
        assert 0 <= span.start <= span.end <= len(text), (where, span)
        assert text[span.start : span.end] == span.text, (where, span)
    for quote in result.quotes:
        assert 0 <= quote.start <= quote.end <= len(text), quote
        assert text[quote.start : quote.end] == quote.text, quote
        for piece in quote.pieces:
            assert quote.start <= piece.start <= piece.end <= quote.end, (quote, piece)
    for segment in result.segments:
        assert 0 <= segment.start <= segment.end <= len(text), segment
    check_ids(result)


def check_ids(result: Extraction) -> None:
    """Roles, relations and quotes name entities of the result, of the right type."""
    types = {e.id: e.type for e in result.entities}
    assert len(types) == len(result.entities), "entity ids repeat"
    for role in result.roles:
        assert types.get(role.person) == "PERSON", role
        assert types.get(role.title) == "TITLE", role
        assert role.organization is None or types.get(role.organization) == "ORGANIZATION", role
        assert role.country is None or types.get(role.country) == "COUNTRY", role
    for relation in result.relations:
        assert relation.source in types and relation.target in types, relation
    for quote in result.quotes:
        assert quote.speaker is None or quote.speaker in types, quote


def extract_or_refuse(extractor: Extractor, text: str, language: str | None) -> None:
    """Extract ``text``: a valid Extraction, or an ExtractorError (anything else fails)."""
    note(f"extract({text!r}, language={language!r})")
    try:
        result = extractor.extract(text, language=language)
    except ExtractorError:
        return
    check_extraction(text, result)


BOUNDED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("language", [None, "en"])
@settings(BOUNDED, max_examples=100)
@given(text=texts("en"))
def test_english_and_detected(extractor: Extractor, language: str | None, text: str) -> None:
    extract_or_refuse(extractor, text, language)


@pytest.mark.parametrize("language", ["ru", "kk", "tr"])
@settings(BOUNDED, max_examples=30)
@given(data=st.data())
def test_other_languages(extractor: Extractor, language: str, data: st.DataObject) -> None:
    text = data.draw(texts(language), label="text")
    extract_or_refuse(extractor, text, language)


@pytest.mark.parametrize("language", [None, "en", "ru"])
@settings(BOUNDED, max_examples=6)
@given(text=long_runs())
def test_long_runs(extractor: Extractor, language: str | None, text: str) -> None:
    extract_or_refuse(extractor, text, language)


@settings(BOUNDED, max_examples=20)
@given(
    text=st.builds(
        lambda a, s, b: a + s + b,
        texts("en"),
        st.sampled_from(["\ud800", "\udfff", "\udc80"]),
        any_text(20),
    )
)
def test_lone_surrogates(extractor: Extractor, text: str) -> None:
    """A str may hold half of a surrogate pair (from JSON or a bad decoder): it is
    refused or extracted like any text, never a crash."""
    extract_or_refuse(extractor, text, None)


@settings(BOUNDED, max_examples=15)
@given(batch=st.lists(texts("en"), min_size=1, max_size=4))
def test_extract_many_is_extract(extractor: Extractor, batch: list[str]) -> None:
    """``extract_many`` gives each text what ``extract`` gives it alone (an error at its
    place where ``extract`` raises one)."""
    results = extractor.extract_many(batch)
    assert len(results) == len(batch)
    for text, result in zip(batch, results):
        try:
            alone = extractor.extract(text)
        except ExtractorError as error:
            assert isinstance(result, ExtractorError) and result.code == error.code, result
            continue
        assert isinstance(result, Extraction), result
        assert result.model_dump() == alone.model_dump()
