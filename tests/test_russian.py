"""Russian, table-driven: sentences written for these tests in the style of Russian
news agencies. Each case lists entities that must be found (type, name) and the quotes
expected (content, kind, speaker mention, speaker entity name)."""

from __future__ import annotations

import pytest

from extractor import Extractor

from .conftest import assert_spans_exact, quote_rows

pytestmark = pytest.mark.model

CASES = [
    (
        "colon-quote-title-org-country",
        "Директор департамента Агентства развития медиа Азербайджана Расим Багиров заявил: "
        "«ОТГ формирует единое медиапространство».",
        {("PERSON", "Расим Багиров"), ("COUNTRY", "Азербайджан"), ("ORGANIZATION", "ОТГ")},
        [("ОТГ формирует единое медиапространство", "direct", "Расим Багиров", "Расим Багиров")],
    ),
    (
        "po-slovam-genitive-name-normalized",
        "По словам Расима Багирова, сотрудничество между странами растет.",
        {("PERSON", "Расим Багиров")},
        [
            (
                "сотрудничество между странами растет",
                "indirect",
                "Расима Багирова",
                "Расим Багиров",
            )
        ],
    ),
    (
        "dash-cue-after-quote",
        "«Мы продолжим работу», — заявил министр иностранных дел Турции Хакан Фидан.",
        {("PERSON", "Хакан Фидан"), ("COUNTRY", "Турция")},
        [("Мы продолжим работу", "direct", "Хакан Фидан", "Хакан Фидан")],
    ),
    (
        "chto-clause",
        "Хакан Фидан заявил, что отношения между Турцией и Азербайджаном укрепляются.",
        {("PERSON", "Хакан Фидан"), ("COUNTRY", "Турция"), ("COUNTRY", "Азербайджан")},
        [
            (
                "отношения между Турцией и Азербайджаном укрепляются",
                "indirect",
                "Хакан Фидан",
                "Хакан Фидан",
            )
        ],
    ),
    (
        "headline-name-colon",
        "Расим Багиров: ОТГ формирует единое медиапространство благодаря совместным проектам",
        {("PERSON", "Расим Багиров"), ("ORGANIZATION", "ОТГ")},
        [
            (
                "ОТГ формирует единое медиапространство благодаря совместным проектам",
                "direct",
                "Расим Багиров",
                "Расим Багиров",
            )
        ],
    ),
    (
        "feminine-cue-pronoun-follow",
        "Мария Захарова встретилась с журналистами. «Переговоры идут», — сказала она.",
        {("PERSON", "Мария Захарова")},
        [("Переговоры идут", "direct", "она", "Мария Захарова")],
    ),
    (
        "dash-speech-paragraph",
        "Мария Захарова ответила на вопросы.\n— Мы продолжим переговоры, — сказала она.",
        {("PERSON", "Мария Захарова")},
        [("Мы продолжим переговоры", "direct", "она", "Мария Захарова")],
    ),
    (
        "dash-speech-exclamation-name-after-cue",
        "— Это важное решение! — заявил Хакан Фидан.\nДругой абзац — без прямой речи.",
        {("PERSON", "Хакан Фидан")},
        [("Это важное решение!", "direct", "Хакан Фидан", "Хакан Фидан")],
    ),
]


@pytest.mark.parametrize(
    "text, entities, quotes", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_russian_cases(
    extractor: Extractor,
    text: str,
    entities: set[tuple[str, str]],
    quotes: list[tuple[str, str, str, str]],
) -> None:
    result = extractor.extract(text, language="ru")
    assert_spans_exact(text, result)
    found = {(e.type, e.name) for e in result.entities}
    assert entities <= found, found
    assert quote_rows(result) == quotes
