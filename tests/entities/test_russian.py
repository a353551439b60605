"""Entities and roles in Russian, table-driven: sentences written for these tests in
the style of Russian news agencies, none reporting speech (they must give no quote).
Sentences with quotes are in tests/quotes/test_russian.py."""

from __future__ import annotations

import pytest

from extractor import Extractor
from extractor.entities.inflection import name_readings
from extractor.entities.persons import is_given_name

from ..helpers import case_params, check_case

pytestmark = pytest.mark.model

# (id, text, {(type, name)}, [(content, kind, speaker mention, speaker's name)][,
#  {(person, title, organization or country)}: every role, when given])
CASES = [
    (
        "unknown-surname-takes-the-case-of-the-given-name",
        "Встреча прошла под председательством министра иностранных дел Доминика Рааба.",
        {("PERSON", "Доминик Рааб")},
        [],
    ),
    (
        "institution-named-after-a-person-keeps-the-name",
        "Выставка посвящена творчеству А. С. Пушкина. В официальной группе Института "
        "Пушкина сообщили о ней.",
        {("PERSON", "А. С. Пушкин"), ("ORGANIZATION", "Институт Пушкина")},
        [],
    ),
    (
        "names-with-initials-close-up",
        "Б.Обама охарактеризовал Дж.Коми как высококвалифицированного сотрудника.",
        {("PERSON", "Б.Обама"), ("PERSON", "Дж.Коми")},
        [("Дж.Коми как высококвалифицированного сотрудника", "indirect", "Б.Обама", "Б.Обама")],
    ),
    # --- titles and roles: (person, title, organization or country) ---
    (
        "inflected-countries",
        "Встреча лидеров Азербайджана, Казахстана и Узбекистана прошла в Астане.",
        {("COUNTRY", "Азербайджан"), ("COUNTRY", "Казахстан"), ("COUNTRY", "Узбекистан")},
        [],
        set(),
    ),
    (
        "coordinated-titles-one-holder",
        "Продюсер и актер Игорь Жижикин посетил фестиваль.",
        {("PERSON", "Игорь Жижикин")},
        [],
        {("Игорь Жижикин", "Продюсер", None), ("Игорь Жижикин", "актер", None)},
    ),
    (
        "organization-nominative-with-country-and-adjective",
        "Верховный суд Испании отклонил жалобу российских компаний.",
        {("ORGANIZATION", "Верховный суд Испании"), ("COUNTRY", "Испания"), ("COUNTRY", "Россия")},
        [],
        set(),
    ),
    (
        "organizations-named-in-nominative",
        "Представители Министерства иностранных дел и Государственной думы встретились.",
        {
            ("ORGANIZATION", "Министерство иностранных дел"),
            ("ORGANIZATION", "Государственная дума"),
        },
        [],
        None,
    ),
    (
        "royal-titles-before-names-and-a-surname-like-one",
        "Император Японии Акихито обратился к нации, а принц Филипп и Сергей Принцев "
        "приехали в Токио.",
        {
            ("PERSON", "Акихито"),
            ("PERSON", "Филипп"),
            ("PERSON", "Сергей Принцев"),
            ("COUNTRY", "Япония"),
        },
        [],
        {("Акихито", "Император Японии", "Япония"), ("Филипп", "принц", None)},
    ),
    (
        "a-list-of-titles-one-holder",
        "Писатель, поэт и журналист Дмитрий Быков выступил в Москве.",
        {("PERSON", "Дмитрий Быков")},
        [],
        {
            ("Дмитрий Быков", "Писатель", None),
            ("Дмитрий Быков", "поэт", None),
            ("Дмитрий Быков", "журналист", None),
        },
    ),
    (
        "dash-for-the-copula",
        "Владимир Квачков\xa0— полковник ГРУ, а Сергей Петров — директор завода.",
        {("PERSON", "Владимир Квачков"), ("PERSON", "Сергей Петров")},
        [],
        {("Владимир Квачков", "полковник ГРУ", "ГРУ"), ("Сергей Петров", "директор завода", None)},
    ),
    (
        "holder-named-after-their-age",
        "Трамп уволил директора ФБР 68-летнего Роберта Мюллера.",
        {("PERSON", "Роберт Мюллер"), ("ORGANIZATION", "ФБР")},
        [],
        {("Роберт Мюллер", "директора ФБР", "ФБР")},
    ),
    (
        "words-between-speaker-and-verb-are-no-quote-but-its-topic-is",
        "Сергей Лавров на пресс-конференции в Москве заявил о готовности к диалогу.",
        {("PERSON", "Сергей Лавров")},
        [("готовности к диалогу", "indirect", "Сергей Лавров", "Сергей Лавров")],
        set(),
    ),
    (
        "list-bullets-are-not-titles",
        "В список вошли:\n• Иван Петров\n• Анна Смирнова\n• Марк Шилд",
        {("PERSON", "Иван Петров"), ("PERSON", "Анна Смирнова"), ("PERSON", "Марк Шилд")},
        [],
        set(),
    ),
]


@pytest.mark.parametrize(
    "language, text, entities, quotes, roles", case_params(CASES, language="ru")
)
def test_russian_cases(
    extractor: Extractor,
    language: str,
    text: str,
    entities: set[tuple[str, str]],
    quotes: list[tuple[str, ...]],
    roles: set[tuple[str, str, str | None]] | None,
) -> None:
    check_case(extractor, language, text, entities, quotes, roles)


# A word that only begins like a title head and names no person is no title.
NOT_TITLE_CASES = [
    ("Секретариат МАГАТЭ сообщил о смерти гендиректора.", "Секретариат"),
    ("Полиция штата Мэриленд обнаружила тело.", "Мэриленд"),
    ("Мэрия Москвы закрыла парк.", "Мэрия"),
]


@pytest.mark.parametrize("text, word", NOT_TITLE_CASES)
def test_an_inanimate_noun_is_no_title(extractor: Extractor, text: str, word: str) -> None:
    result = extractor.extract(text, language="ru")
    titles = [e.name for e in result.entities if e.type == "TITLE"]
    assert not any(word in t for t in titles), titles


def test_a_unit_after_a_number_is_no_initial(extractor: Extractor) -> None:
    text = "Перегрузки дошли до 10 G. Из-за ошибки модуль упал в степи."
    result = extractor.extract(text, language="ru")
    assert [e.name for e in result.entities if e.type == "PERSON"] == []


@pytest.mark.parametrize(
    "text, countries",
    [
        ("После приговора он крикнул: «Слава Украине!»", ["Украина"]),
        ("Сорок лет назад состоялся первый полёт «Колумбии».", []),
        ("Он вернулся в Нью-Джерси.", []),
    ],
)
def test_inflected_countries_the_ner_left_untagged(
    extractor: Extractor, text: str, countries: list[str]
) -> None:
    result = extractor.extract(text, language="ru")
    assert [e.name for e in result.entities if e.type == "COUNTRY"] == countries


@pytest.mark.parametrize(
    "text, names",
    [
        # The dictionary's noun of the tagger's case ("Обамы", "Обамой" -> "Обама").
        ("Сторонники Обамы вышли на улицы.", ["Обама"]),
        ("Мэр Лондона Садик Хан встретился с Обамой.", ["Садик Хан", "Обама"]),
        # A foreign surname no dictionary knows: the case's ending off its stem.
        ("Об Обаме и Доссе писали все газеты.", ["Обама", "Досс"]),
        ("Премьер позвонил Эрдогану.", ["Эрдоган"]),
        # Every word of a foreign name natasha left as written ("Марра" a genitive).
        ("Это был эпизод шоу Эндрю Марра на канале BBC.", ["Эндрю Марр"]),
        # Left as written: indeclinable names, and names in the nominative.
        ("Спортсмен рассказал о Даффи.", ["Даффи"]),
        ("Книга о Гёте вышла в мае.", ["Гете"]),
        ("Встреча с Меркель прошла хорошо.", ["Меркель"]),
        ("Вчера в Берлин прилетел Барак Обама.", ["Барак Обама"]),
    ],
)
def test_a_name_in_an_oblique_case_is_named_in_the_nominative(
    extractor: Extractor, text: str, names: list[str]
) -> None:
    result = extractor.extract(text, language="ru")
    assert [e.name for e in result.entities if e.type == "PERSON"] == names


@pytest.mark.parametrize(
    "text, name",
    [
        ("По словам Айгерим Жумабековой, план будет выполнен.", "Айгерим Жумабекова"),
        ("Министр встретился с Гульнарой Каримовой.", "Гульнара Каримова"),
        ("Ответ Ольги Скабеевой прозвучал вчера.", "Ольга Скабеева"),
        ("По словам Сергея Петрова, план будет выполнен.", "Сергей Петров"),
    ],
)
def test_a_name_in_the_nominative_keeps_its_gender(
    extractor: Extractor, text: str, name: str
) -> None:
    result = extractor.extract(text, language="ru")
    assert [e.name for e in result.entities if e.type == "PERSON"] == [name]


@pytest.mark.parametrize(
    "name, nominative",
    [
        ("Гордона Брауна", "Гордон Браун"),
        ("Василия Небензю", "Василий Небензя"),
        ("Расиму Багирову", "Расим Багиров"),
        ("Фиделя Кастро", "Фидель Кастро"),
        ("Эда Гонзалесом", "Эда Гонзалес"),  # (a surname the dictionary does not know)
        ("Ильхаму Алиеву", "Ильхам Алиев"),
    ],
)
def test_name_readings_in_the_nominative(name: str, nominative: str) -> None:
    readings = name_readings(name)
    assert readings[0] == name and nominative in readings


@pytest.mark.parametrize("name", ["Анна Петрова", "Gordon Brown", "Мэри"])
def test_a_nominative_or_latin_name_has_no_other_readings(name: str) -> None:
    assert name_readings(name) == [name]


@pytest.mark.parametrize(
    "word, language",
    [
        ("Vasiliy", "en"),
        ("Dzhon", "en"),
        ("Con", "az"),
        ("Serqey", "az"),
        ("İlham", "az"),
        ("Shavkat", "uz"),
    ],
)
def test_given_names_in_any_spelling(word: str, language: str) -> None:
    assert is_given_name(word, language)


@pytest.mark.parametrize("word", ["Morgan", "Human", "Deutsche", "Reuters", "Beyaz"])
def test_words_that_are_no_given_names(word: str) -> None:
    assert not is_given_name(word, "en")
