"""Russian, table-driven: sentences written for these tests in the style of Russian
news agencies. Each case lists entities that must be found (type, name) and the quotes
expected (content, kind, speaker mention, speaker entity name), and optionally
every role (person, title, organization or country)."""

from __future__ import annotations

import pytest

from extractor import Extractor

from ..conftest import assert_spans_exact, quote_rows, role_rows

pytestmark = pytest.mark.model

CASES = [
    (
        "lone-surname-speaker-natasha-misses",
        "Лавров на пресс-конференции заявил, что переговоры продолжатся.",
        {("PERSON", "Лавров")},
        [("переговоры продолжатся", "indirect", "Лавров", "Лавров")],
    ),
    (
        "addressee-between-cue-and-clause",
        "Песков сообщил журналистам, что переговоры продолжатся.",
        {("PERSON", "Песков")},
        [("переговоры продолжатся", "indirect", "Песков", "Песков")],
    ),
    (
        "medium-between-cue-and-clause",
        "Министр иностранных дел Сергей Лавров заявил в интервью РИА Новости, что "
        "переговоры продолжатся.",
        {("PERSON", "Сергей Лавров"), ("ORGANIZATION", "РИА Новости")},
        [("переговоры продолжатся", "indirect", "Сергей Лавров", "Сергей Лавров")],
    ),
    (
        "kak-zayavil-title-and-name-short-clause",
        "Как заявил глава МИД России Сергей Лавров, переговоры продолжатся.",
        {("PERSON", "Сергей Лавров"), ("TITLE", "глава МИД России")},
        [("переговоры продолжатся", "indirect", "Сергей Лавров", "Сергей Лавров")],
    ),
    (
        "promise-is-reported-speech",
        "Эрдоган пообещал, что Турция поддержит Азербайджан.",
        {("PERSON", "Эрдоган"), ("COUNTRY", "Турция")},
        [("Турция поддержит Азербайджан", "indirect", "Эрдоган", "Эрдоган")],
    ),
    (
        "quoted-station-name-is-no-quote",
        "Официальный представитель МИД Мария Захарова заявила в эфире радиостанции "
        "«Спутник», что Москва ответит.",
        {("PERSON", "Мария Захарова"), ("ORGANIZATION", "Спутник")},
        [("Москва ответит", "indirect", "Мария Захарова", "Мария Захарова")],
    ),
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
        [],
    ),
    (
        "initial-close-up-ends-no-sentence",
        "Бывший директор ФБР Дж.Коми заявил, что не жалеет.",
        {("PERSON", "Дж.Коми"), ("ORGANIZATION", "ФБР")},
        [("не жалеет", "indirect", "Дж.Коми", "Дж.Коми")],
    ),
    (
        "participle-opening-a-sentence-is-no-speaker",
        "Поддержав решение, министр заявил, что всё готово.",
        set(),
        [("всё готово", "indirect", "министр", None)],
    ),
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
    # --- titles and roles: (person, title, organization or country) ---
    (
        "title-with-country-chto",
        "Министр иностранных дел России Сергей Лавров заявил, что переговоры продолжатся.",
        {("PERSON", "Сергей Лавров"), ("COUNTRY", "Россия")},
        [("переговоры продолжатся", "indirect", "Сергей Лавров", "Сергей Лавров")],
        {("Сергей Лавров", "Министр иностранных дел России", "Россия")},
    ),
    (
        "dash-cue-title-of-title",
        "«Мы готовы к диалогу», — сказал пресс-секретарь президента Дмитрий Песков.",
        {("PERSON", "Дмитрий Песков"), ("TITLE", "пресс-секретарь президента")},
        [("Мы готовы к диалогу", "direct", "Дмитрий Песков", "Дмитрий Песков")],
        {("Дмитрий Песков", "пресс-секретарь президента", None)},
    ),
    (
        "kak-otmetil-org-inside-title",
        "Как отметил глава МИД Турции Хакан Фидан, Анкара поддерживает переговоры.",
        {("PERSON", "Хакан Фидан"), ("ORGANIZATION", "МИД Турции")},
        [("Анкара поддерживает переговоры", "indirect", "Хакан Фидан", "Хакан Фидан")],
        {("Хакан Фидан", "глава МИД Турции", "МИД Турции")},
    ),
    (
        "po-mneniyu-genitive-title",
        "По мнению эксперта Ивана Петрова, рынок восстановится к осени.",
        {("PERSON", "Иван Петров")},
        [("рынок восстановится к осени", "indirect", "Ивана Петрова", "Иван Петров")],
        {("Иван Петров", "эксперта", None)},
    ),
    (
        "podcherknul-colon-quote",
        "Президент Казахстана Касым-Жомарт Токаев подчеркнул: «Мы открыты для инвестиций».",
        {("PERSON", "Касым-Жомарт Токаев"), ("COUNTRY", "Казахстан")},
        [("Мы открыты для инвестиций", "direct", "Касым-Жомарт Токаев", "Касым-Жомарт Токаев")],
        {("Касым-Жомарт Токаев", "Президент Казахстана", "Казахстан")},
    ),
    (
        "low-high-quote-marks",
        "Директор компании Анна Смирнова сообщила: „Продажи выросли на десять процентов“.",
        {("PERSON", "Анна Смирнова")},
        [("Продажи выросли на десять процентов", "direct", "Анна Смирнова", "Анна Смирнова")],
        {("Анна Смирнова", "Директор компании", None)},
    ),
    (
        "appositive-title-bound-to-agency",
        "Расим Багиров, директор департамента Агентства развития медиа Азербайджана, "
        "отметил, что сотрудничество укрепляется.",
        {("PERSON", "Расим Багиров"), ("ORGANIZATION", "Агентство развития медиа Азербайджана")},
        [("сотрудничество укрепляется", "indirect", "Расим Багиров", "Расим Багиров")],
        {
            (
                "Расим Багиров",
                "директор департамента Агентства развития медиа Азербайджана",
                "Агентство развития медиа Азербайджана",
            )
        },
    ),
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
        "name-that-begins-like-a-title-word",
        "Нейрохирург Мэри Кобб рассказала, что у боксера тяжелая травма.",
        {("PERSON", "Мэри Кобб"), ("TITLE", "Нейрохирург")},
        [("у боксера тяжелая травма", "indirect", "Мэри Кобб", "Мэри Кобб")],
        {("Мэри Кобб", "Нейрохирург", None)},
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
        "organization-after-a-title-word-stays-an-organization",
        "Представители Гринпис заявили, что проверка незаконна.",
        {("ORGANIZATION", "Гринпис")},
        [("проверка незаконна", "indirect", "Гринпис", "Гринпис")],
        set(),
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
        "title-of-someone-named-in-the-genitive",
        "Пресс-секретарь Владимира Путина Дмитрий Песков заявил, что визит состоится.",
        {("PERSON", "Владимир Путин"), ("PERSON", "Дмитрий Песков")},
        [("визит состоится", "indirect", "Дмитрий Песков", "Дмитрий Песков")],
        {("Дмитрий Песков", "Пресс-секретарь", None)},
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
        "words-between-speaker-and-verb-are-no-quote",
        "Сергей Лавров на пресс-конференции в Москве заявил о готовности к диалогу.",
        {("PERSON", "Сергей Лавров")},
        [],
        set(),
    ),
    (
        "main-directorate-is-no-head-of",
        "Главное управление МВД сообщило о задержании, а глава управления Иван Петров "
        "заявил, что следствие продолжается.",
        {("ORGANIZATION", "Главное управление"), ("PERSON", "Иван Петров")},
        [("следствие продолжается", "indirect", "Иван Петров", "Иван Петров")],
        {("Иван Петров", "глава управления", None)},
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
    "text, entities, quotes, roles",
    [(*c[1:4], c[4] if len(c) > 4 else None) for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_russian_cases(
    extractor: Extractor,
    text: str,
    entities: set[tuple[str, str]],
    quotes: list[tuple[str, str, str, str]],
    roles: set[tuple[str, str, str | None]] | None,
) -> None:
    result = extractor.extract(text, language="ru")
    assert_spans_exact(text, result)
    found = {(e.type, e.name) for e in result.entities}
    assert entities <= found, found
    assert quote_rows(result) == quotes
    if roles is not None:
        assert role_rows(result) == roles


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


def test_natasha_pipeline_runs_without_sentence_boundaries() -> None:
    """The bare pipeline (``extractor bench`` times it) sets no sentences: the title
    model's speaker is then looked for in the whole text."""
    from extractor.nlp.natasha import natasha_pipeline, title_model

    nlp = natasha_pipeline(title_model())
    doc = nlp("Лавров на пресс-конференции заявил, что переговоры продолжатся.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Лавров"]


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
