"""A speaker that names someone is an entity: a full name in speaker position the entity
model missed becomes a PERSON; an organization shaped like a person's name (a hyphenated
given name and a surname) becomes one; other capitalized speakers keep what they are.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from extractor import Extractor

pytestmark = pytest.mark.model

# (language, text, speaker mention, type of the speaker's entity or None)
CASES = [
    (
        "en",
        "Kassym-Jomart Tokayev said the reforms would continue.",
        "Kassym-Jomart Tokayev",
        "PERSON",
    ),
    ("ru", "Касым-Жомарт Токаев заявил, что реформы продолжатся.", "Касым-Жомарт Токаев", "PERSON"),
    ("en", "Igor Mosiichuk told reporters the talks would continue.", "Igor Mosiichuk", "PERSON"),
    ("en", "Human Rights Watch said the law was unfair.", "Human Rights Watch", None),
    ("en", "Deutsche Bank said profits would fall.", "Deutsche Bank", "ORGANIZATION"),
    (
        "en",
        "Amnesty International said the trial was flawed.",
        "Amnesty International",
        "ORGANIZATION",
    ),
    ("ru", "Белый дом заявил, что переговоры продолжатся.", "Белый дом", "ORGANIZATION"),
]


@pytest.mark.parametrize("language, text, mention, entity_type", CASES)
def test_speaker_entity(
    extractor: Extractor, language: str, text: str, mention: str, entity_type: str | None
) -> None:
    result = extractor.extract(text, language=language)
    [quote] = result.quotes
    assert quote.speaker_mention is not None and quote.speaker_mention.text == mention
    entity = result.entity(quote.speaker) if quote.speaker else None
    assert (entity.type if entity else None) == entity_type
    if entity_type == "PERSON":
        assert quote.speaker_kind == "person"
