"""What a quote's source is (``speaker_kind``): a person, an organization (an entity, or
an institution named by its common noun), the document the words are said in, a source
described without a name or an impersonal report, or nothing named. Sentences written
for these tests in each language's news style."""

from __future__ import annotations

import pytest

from extractor import Extractor

from ..helpers import assert_spans_exact

pytestmark = pytest.mark.model

# (id, language, text, content, speaker mention, speaker_kind, speaker has an entity)
CASES = [
    (
        "en-person",
        "en",
        "Interior Minister Jane Doe said the border would stay open.",
        "the border would stay open",
        "Jane Doe",
        "person",
        True,
    ),
    (
        "en-pronoun-person",
        "en",
        '"We will not leave," she said.',
        "We will not leave",
        "she",
        "person",
        False,
    ),
    (
        "en-institution",
        "en",
        "The police said two suspects were detained on Sunday.",
        "two suspects were detained on Sunday",
        "The police",
        "organization",
        False,
    ),
    (
        "en-described",
        "en",
        "Witnesses said the fire started shortly after midnight.",
        "the fire started shortly after midnight",
        "Witnesses",
        "unnamed",
        False,
    ),
    (
        "ru-impersonal",
        "ru",
        "Сообщается, что переговоры продолжатся в понедельник.",
        "переговоры продолжатся в понедельник",
        None,
        "unnamed",
        False,
    ),
    (
        "ru-document",
        "ru",
        "В заявлении подчёркивается, что санкции будут сняты.",
        "санкции будут сняты",
        "заявлении",
        "document",
        False,
    ),
    (
        "ru-document-author",
        "ru",
        "В заявлении МИД России подчёркивается, что санкции будут сняты.",
        "санкции будут сняты",
        "МИД России",
        "organization",
        True,
    ),
    (
        # The organization in a speaker's title is not the speaker.
        "ru-title-organization-is-not-the-speaker",
        "ru",
        "Бывший глава МИД Японии заявил, что переговоры продолжатся.",
        "переговоры продолжатся",
        "Бывший глава МИД Японии",
        "person",
        False,
    ),
    (
        # Nor is the platform the words were written on.
        "ru-platform-is-not-the-speaker",
        "ru",
        "В своём телеграм-канале он пишет, что переговоры зашли в тупик.",
        "переговоры зашли в тупик",
        "он",
        "person",
        False,
    ),
    (
        # Nor the addressee.
        "ru-addressee-is-not-the-speaker",
        "ru",
        "Иван Петров рассказал журналистам «Коммерсанта», что сделка закрыта.",
        "сделка закрыта",
        "Иван Петров",
        "person",
        True,
    ),
    (
        "ru-institution",
        "ru",
        "Полиция заявила, что задержала двоих подозреваемых.",
        "задержала двоих подозреваемых",
        "Полиция",
        "organization",
        False,
    ),
    (
        "ru-press-service-of-a-ministry",
        "ru",
        "Учения начались на границе. Об этом сообщила пресс-служба министерства обороны.",
        "Учения начались на границе",
        "пресс-служба министерства обороны",
        "organization",
        False,
    ),
    (
        "ru-ministry-it-was-said-in",
        "ru",
        "В министерстве энергетики подтвердили, что цены на бензин вырастут.",
        "цены на бензин вырастут",
        "министерстве энергетики",
        "organization",
        False,
    ),
    (
        "ru-according-to-a-law",
        "ru",
        "Согласно закону, выборы должны пройти в сентябре.",
        "выборы должны пройти в сентябре",
        "закону",
        "document",
        False,
    ),
    (
        "ru-as-is-reported",
        "ru",
        "Как сообщается, пожар на складе потушен.",
        "пожар на складе потушен",
        None,
        "unnamed",
        False,
    ),
    (
        "ru-country-speaks-as-an-organization",
        "ru",
        "Южная Корея опровергает сообщения о болезни лидера КНДР.",
        "сообщения о болезни лидера КНДР",
        "Южная Корея",
        "organization",
        True,
    ),
    (
        "ru-described",
        "ru",
        "Очевидцы рассказали, что пожар начался ночью.",
        "пожар начался ночью",
        "Очевидцы",
        "unnamed",
        False,
    ),
    (
        "tr-document",
        "tr",
        "Açıklamada, yeni düzenlemenin gelecek ay yürürlüğe gireceği belirtildi.",
        "yeni düzenlemenin gelecek ay yürürlüğe gireceği",
        "Açıklamada",
        "document",
        False,
    ),
    (
        # A newspaper is an institution: an organization.
        "tr-participle-noun",
        "tr",
        "Hükümetin planını eleştiren gazete, vergilerin artacağını yazdı.",
        "vergilerin artacağını",
        "gazete",
        "organization",
        False,
    ),
    (
        "tr-institution",
        "tr",
        "Polis, iki şüphelinin gözaltına alındığını açıkladı.",
        "iki şüphelinin gözaltına alındığını",
        "Polis",
        "organization",
        False,
    ),
    (
        "tr-dropped-subject",
        "tr",
        "Yeni yasanın meclise geleceğini söyledi.",
        "Yeni yasanın meclise geleceğini",
        None,
        None,
        False,
    ),
    (
        "kk-document-passive",
        "kk",
        "Мәлімдемеде жаңа заң келесі айдан бастап күшіне енетіні айтылған.",
        "жаңа заң келесі айдан бастап күшіне енетіні",
        "Мәлімдемеде",
        "document",
        False,
    ),
    (
        "kk-described",
        "kk",
        "Дәрігерлер вирустың тез таралатынын айтты.",
        "вирустың тез таралатынын",
        "Дәрігерлер",
        "unnamed",
        False,
    ),
    (
        "az-document",
        "az",
        "Bəyanatda yeni qaydaların gələn aydan qüvvəyə minəcəyi bildirilib.",
        "yeni qaydaların gələn aydan qüvvəyə minəcəyi",
        "Bəyanatda",
        "document",
        False,
    ),
    (
        "az-institution",
        "az",
        "Nazirlik yeni qaydaların qüvvəyə minəcəyini bildirib.",
        "yeni qaydaların qüvvəyə minəcəyini",
        "Nazirlik",
        "organization",
        False,
    ),
    (
        "uz-institution-modifier-apostrophe",
        "uz",
        "Vazirlik yangi qoidalar kelasi oydan kuchga kirishini maʼlum qildi.",
        "yangi qoidalar kelasi oydan kuchga kirishini",
        "Vazirlik",
        "organization",
        False,
    ),
    (
        "uz-document",
        "uz",
        "Bayonotda yangi qoidalar kuchga kirishi aytildi.",
        "yangi qoidalar kuchga kirishi",
        "Bayonotda",
        "document",
        False,
    ),
    (
        "ky-institution",
        "ky",
        "Милиция эки шектүү кармалганын билдирди.",
        "эки шектүү кармалганын",
        "Милиция",
        "organization",
        False,
    ),
]


@pytest.mark.parametrize(
    ("language", "text", "content", "mention", "kind", "has_entity"),
    [pytest.param(*c[1:], id=c[0]) for c in CASES],
)
def test_speaker_kind(
    extractor: Extractor,
    language: str,
    text: str,
    content: str,
    mention: str | None,
    kind: str | None,
    has_entity: bool,
) -> None:
    result = extractor.extract(text, language=language)
    assert_spans_exact(text, result)
    [quote] = result.quotes
    assert quote.text == content
    assert (quote.speaker_mention.text if quote.speaker_mention else None) == mention
    assert quote.speaker_kind == kind
    assert (quote.speaker is not None) == has_entity
    if quote.speaker is not None:
        entity = next(e for e in result.entities if e.id == quote.speaker)
        # (A country speaks by its government: an organization.)
        assert entity.type in ({"PERSON"} if kind == "person" else {"ORGANIZATION", "COUNTRY"})
