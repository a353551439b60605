"""Tokenized text is read with normal spacing; every span maps back to the original."""

from __future__ import annotations

import re

import pytest

from extractor import Extractor
from extractor.nlp.spacing import is_tokenized, respace

from ..helpers import assert_spans_exact


@pytest.mark.parametrize(
    "text, spaced",
    [
        (
            "« Әр өңірдің өз бағдарламасы бар » , — дейді жауапты мамандар .",
            "«Әр өңірдің өз бағдарламасы бар», — дейді жауапты мамандар.",
        ),
        (
            'Züganov , " Yeltsin dönemi artık bitti . " dedi ve Türkiye \'nin adını andı .',
            'Züganov, "Yeltsin dönemi artık bitti." dedi ve Türkiye\'nin adını andı.',
        ),
        # A single mark of one kind opens and one of another closes (archive mix-ups).
        (
            "Akşener , ' Çetelere savaş açtı ( Çakıcı 'yı ) . Kuryedir \" dedi .",
            "Akşener, 'Çetelere savaş açtı (Çakıcı'yı). Kuryedir\" dedi.",
        ),
        ("Сказал :\n« Да » , — ответил он .", "Сказал:\n«Да», — ответил он."),
        # The last mark of a paragraph, before a lower-case word, closes words whose
        # opening mark was lost.
        (
            'Hoca , Takımımız iyi oynadı . Şampiyonluk bizim hakkımız " dedi .',
            'Hoca, Takımımız iyi oynadı. Şampiyonluk bizim hakkımız" dedi.',
        ),
    ],
)
def test_tokenized_text_gets_normal_spacing(text: str, spaced: str) -> None:
    respaced = respace(text)
    assert respaced is not None and respaced.text == spaced
    assert all(text[respaced.source[i]] == ch for i, ch in enumerate(respaced.text))


@pytest.mark.parametrize(
    "text",
    [
        '"We will not back down," said Sen. Elizabeth Warren.',
        "Он сказал: «Да», — и ушёл. Потом добавил ещё одно слово .",
        "Bakı, 27 noyabr. Ölkə , region.",  # more marks attached than apart
        "",
    ],
)
def test_normal_text_is_left_as_it_is(text: str) -> None:
    assert not is_tokenized(text) and respace(text) is None


def test_spans_map_back_to_the_original() -> None:
    respaced = respace("Ол : « Иә » , — деді .")
    assert respaced is not None and respaced.text == "Ол: «Иә», — деді."
    start = respaced.text.index("Иә")
    assert respaced.original(start, start + 2) == (7, 9)


@pytest.mark.model
@pytest.mark.parametrize(
    "language, tokenized, normal",
    [
        (
            "kk",
            "« Қатерлі дертті емдеу шаралары ақылы » , — дейді дәрігер Диляра Қайдарова .",
            "«Қатерлі дертті емдеу шаралары ақылы», — дейді дәрігер Диляра Қайдарова.",
        ),
        (
            "tr",
            'Züganov , " Yeltsin dönemi artık bitti . Önemli olan , iç savaş çıkmaması " dedi .',
            'Züganov, "Yeltsin dönemi artık bitti. Önemli olan, iç savaş çıkmaması" dedi.',
        ),
    ],
)
def test_tokenized_text_extracts_like_normal_text(
    extractor: Extractor, language: str, tokenized: str, normal: str
) -> None:
    a = extractor.extract(tokenized, language=language)
    b = extractor.extract(normal, language=language)
    assert_spans_exact(tokenized, a)
    assert a.text_length == len(tokenized)
    assert [(q.kind, re.sub(r" +([,.;:!?])", r"\1", q.text)) for q in a.quotes] == [
        (q.kind, q.text) for q in b.quotes
    ]
    assert {(e.type, e.name) for e in a.entities} == {(e.type, e.name) for e in b.entities}
    assert a.quotes, "the tokenized quote is found"
