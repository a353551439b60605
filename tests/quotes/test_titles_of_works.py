"""Titles of works, laws and programmes in quote marks are names, not quotes, in every
language: alone they make no quote; inside a reported clause they keep it indirect
(the marks stay in the content). Sentences written for these tests."""

from __future__ import annotations

import pytest

from extractor import Extractor

from ..helpers import assert_spans_exact

pytestmark = pytest.mark.model

# (id, language, text, the expected quotes: [(content, kind, speaker mention)])
CASES = [
    (
        "en-shows",
        "en",
        'The network will air "Morning Joe" and the documentary "Fire and Fury" tonight.',
        [],
    ),
    ("ru-novel-film", "ru", "Министр прочитал роман «Война и мир» и посмотрел фильм «Брат».", []),
    ("ru-law", "ru", "Закон «О средствах массовой информации» вступил в силу в понедельник.", []),
    (
        "ru-programme-in-report",
        "ru",
        "Иван Петров заявил, что программа «Цифровая экономика» будет продлена.",
        [("программа «Цифровая экономика» будет продлена", "indirect", "Иван Петров")],
    ),
    ("tr-bill", "tr", 'Meclis "Basın Kanunu" teklifini kabul etti.', []),
    (
        "tr-series-in-report",
        "tr",
        'Bakan, "Kuruluş Osman" dizisini izlediğini söyledi.',
        [('"Kuruluş Osman" dizisini izlediğini', "indirect", "Bakan")],
    ),
    ("kk-programme", "kk", "«Цифрлық Қазақстан» бағдарламасы іске асырылып жатыр.", []),
    (
        "kk-novel-in-report",
        "kk",
        "Министр «Абай жолы» романын оқығанын айтты.",
        [("«Абай жолы» романын оқығанын", "indirect", "Министр")],
    ),
    ("az-law", "az", '"Media haqqında" Qanun qəbul edilib.', []),
    (
        "az-programme-in-report",
        "az",
        'Nazir "Qarabağ dirçəliş" proqramının icra edildiyini bildirib.',
        [('"Qarabağ dirçəliş" proqramının icra edildiyini', "indirect", "Nazir")],
    ),
    (
        "uz-programme-in-report",
        "uz",
        'Vazir "Yangi Oʻzbekiston" dasturi amalga oshirilayotganini aytdi.',
        [('"Yangi Oʻzbekiston" dasturi amalga oshirilayotganini', "indirect", "Vazir")],
    ),
    (
        "ky-epic-in-report",
        "ky",
        "Министр «Манас» эпосун окуганын айтты.",
        [("«Манас» эпосун окуганын", "indirect", "Министр")],
    ),
]


@pytest.mark.parametrize(
    ("language", "text", "expected"), [pytest.param(*c[1:], id=c[0]) for c in CASES]
)
def test_titles_of_works_are_no_quotes(
    extractor: Extractor, language: str, text: str, expected: list[tuple[str, str, str]]
) -> None:
    result = extractor.extract(text, language=language)
    assert_spans_exact(text, result)
    found = [
        (q.text, q.kind, q.speaker_mention.text if q.speaker_mention else None)
        for q in result.quotes
    ]
    assert found == expected
