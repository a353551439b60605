"""A speaker that names someone is an entity: a full name in speaker position the entity
model missed becomes a PERSON; an organization shaped like a person's name (a given name
first, or a hyphenated given name and a surname) becomes one; other capitalized speakers
keep what they are.
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
    # A given name first, in any spelling, makes a person of a name the model missed or
    # took for an organization.
    (
        "en",
        "Vasiliy Nebenzya told reporters the talks would continue.",
        "Vasiliy Nebenzya",
        "PERSON",
    ),
    ("en", "Dzhon Makkeyn told reporters the vote would be close.", "Dzhon Makkeyn", "PERSON"),
    (
        "az",
        "Con Makkeyn jurnalistlərə bildirib ki, danışıqlar davam edəcək.",
        "Con Makkeyn",
        "PERSON",
    ),
    (
        "tr",
        "Cey Allard, görüşmelerin gelecek hafta süreceğini söyledi.",
        "Cey Allard",
        "PERSON",
    ),
    (
        "az",
        "Serqey Rost jurnalistlərə bildirib ki, danışıqlar davam edəcək.",
        "Serqey Rost",
        "PERSON",
    ),
    ("en", "Igor’ Mosiychuk told reporters the talks would continue.", "Igor’ Mosiychuk", "PERSON"),
    ("en", "Morgan Stanley said profits would fall.", "Morgan Stanley", "ORGANIZATION"),
    (
        "az",
        "Milli Məclis bildirib ki, qanun layihəsi gələn həftə müzakirə olunacaq.",
        "Milli Məclis",
        "ORGANIZATION",
    ),
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


# A woman's surname stays feminine in every language, inflected or not.
WOMEN = [
    ("kk", "Айгүл Тоқаева журналистерге реформа жалғасатынын айтты.", "Айгүл Тоқаева"),
    ("kk", "Айгүл Тоқаеваның айтуынша, реформа жалғасады.", "Айгүл Тоқаева"),
    ("az", "Leyla Əliyevanın sözlərinə görə, danışıqlar davam edəcək.", "Leyla Əliyeva"),
    ("tr", "Leyla Aliyeva, görüşmelerin süreceğini söyledi.", "Leyla Aliyeva"),
    ("uz", "Leyla Aliyeva muzokaralar davom etishini aytdi.", "Leyla Aliyeva"),
    ("ky", "Айгүл Токоева журналисттерге реформа уланарын айтты.", "Айгүл Токоева"),
    ("ru", "По словам Айгуль Токаевой, реформы продолжатся.", "Айгуль Токаева"),
    ("en", "Leyla Aliyeva told reporters the talks would continue.", "Leyla Aliyeva"),
]


@pytest.mark.parametrize("language, text, name", WOMEN)
def test_a_womans_surname_stays_feminine(
    extractor: Extractor, language: str, text: str, name: str
) -> None:
    result = extractor.extract(text, language=language)
    [quote] = result.quotes
    speaker = result.entity(quote.speaker) if quote.speaker else None
    assert speaker is not None and (speaker.type, speaker.name) == ("PERSON", name)


def test_a_titled_name_taken_whole_keeps_its_role(extractor: Extractor) -> None:
    """The model's "Basri Özbey" taken whole as "Hasan Basri Özbey": the role is read on
    the whole name (it used to point at the mention replaced, and failed)."""
    text = 'Parti İl Sekreteri Hasan Basri Özbey yaptığı açıklamada " Bu işin sorumlularını bulacağız " dedi .'
    result = extractor.extract(text, language="tr")
    [quote] = result.quotes
    speaker = result.entity(quote.speaker) if quote.speaker else None
    assert speaker is not None and speaker.name == "Hasan Basri Özbey"
    [role] = result.roles
    assert role.person == speaker.id


# A name is written in one alphabet: the next capitalized word in another is no part of
# it (the platform the statement was made on, a brand).
OTHER_ALPHABET = [
    ("kk", "Бұл туралы Дональд Трамп Twitter-дегі парақшасында мәлімдеді.", "Дональд Трамп"),
    ("ru", "Об этом Дональд Трамп Twitter-аккаунте не сообщал.", "Дональд Трамп"),
    ("ky", "Бул тууралуу Садыр Жапаров Facebook баракчасында билдирди.", "Садыр Жапаров"),
]


@pytest.mark.parametrize("language, text, name", OTHER_ALPHABET)
def test_a_name_stops_at_another_alphabet(
    extractor: Extractor, language: str, text: str, name: str
) -> None:
    result = extractor.extract(text, language=language)
    people = [e.name for e in result.entities if e.type == "PERSON"]
    assert people == [name]


def test_a_word_without_a_letter_has_no_alphabet(extractor: Extractor) -> None:
    # A stray combining mark before a cue is a word with no letter to tell its alphabet.
    text = "\u0301 We will not back down said it was reported"
    [quote] = extractor.extract(text, language="en").quotes
    assert quote.text == "it was reported"


# A surname opening the sentence before an "according to" cue is the speaker's name,
# not a word capitalized by its place. Sentences written for this test.
SOURCE_SURNAMES = [
    ("kk", "Тоқаевтың сөзінше, реформа жалғасады.", "Тоқаев"),
    ("ky", "Жапаровдун айтымында, реформа уланат.", "Жапаров"),
    ("az", "Əliyevin sözlərinə görə, danışıqlar davam edəcək.", "Əliyev"),
    ("tr", "Karimov'un açıklamasına göre, görüşmeler sürecek.", "Karimov"),
]


@pytest.mark.parametrize("language, text, name", SOURCE_SURNAMES)
def test_a_surname_opening_an_according_to_phrase_speaks(
    extractor: Extractor, language: str, text: str, name: str
) -> None:
    result = extractor.extract(text, language=language)
    [quote] = result.quotes
    speaker = result.entity(quote.speaker) if quote.speaker else None
    assert speaker is not None and (speaker.type, speaker.name) == ("PERSON", name)
