"""Canonical keys and same-person decisions across scripts and spellings, and the
cross-script benchmark pairs (extractor/devtools/data/cross_script_pairs.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.devtools.evaluation import cross_script_scores
from extractor.devtools.name_variants import evaluate as evaluate_identity
from extractor.devtools.name_variants import evaluate_archive
from extractor.entities.linking import (
    entity_key,
    known_organization,
    name_key,
    romanize,
    same_person,
)


@pytest.mark.parametrize(
    "names",
    [
        [("Rasim Baghirov", "en"), ("Rasim Bağırov", "az"), ("Расим Багиров", "ru")],
        [("Ilham Aliyev", "en"), ("İlham Əliyev", "az"), ("Ильхам Алиев", "ru")],
        [("Jeyhun Bayramov", "en"), ("Ceyhun Bayramov", "az"), ("Джейхун Байрамов", "ru")],
        [("Kassym-Jomart Tokayev", "en"), ("Қасым-Жомарт Тоқаев", "kk")],
        [("Shavkat Mirziyoyev", "en"), ("Шавкат Мирзиёев", "ru")],
    ],
)
def test_equal_keys_across_scripts(names: list[tuple[str, str]]) -> None:
    assert len({entity_key("PERSON", n, language=lang) for n, lang in names}) == 1


def test_language_decides_what_a_latin_letter_reads() -> None:
    assert romanize("Ceyhun", "az") == "jeyhun"
    # Foreign spellings in Turkic text: no Turkic alphabet writes "ch", no Turkic word
    # opens with two consonants.
    assert romanize("Michael", "tr") == "michael"
    assert name_key("Clinton", "tr") == name_key("Clinton", "en")
    assert name_key("Vladislav Chelax", "uz") == name_key("Vladislav Çelax", "az")
    assert romanize("Çavuşoğlu") == "chavushoglu"  # Turkic letters say it is Turkic
    assert romanize("Ceyhun") == "ceyhun"  # without a hint, English reading
    # A letter or pair the language's alphabet lacks: Turkish has no "q", "w", "x"
    # (Azerbaijani and Uzbek have "q" and "x"), Uzbek writes "c" only in "ch", none "ck".
    for name in ("Wallace", "Trix", "Mark Zuckerberg", "Xavi Hernández"):
        assert name_key(name, "tr") == name_key(name, "en"), name
    assert name_key("Clarence", "uz") == name_key("Clarence", "en")
    assert name_key("Wallace", "az") == name_key("Wallace", "en")
    assert romanize("Xəzər Qasımov", "az") == "khazar kasimov"  # native letters
    assert romanize("Qubad Mirzəxanov", "az") == "kubad mirzakhanov"
    assert romanize("Cem Yılmaz", "tr") == "jem yilmaz"
    assert romanize("Cemal Recep", "tr") == "jemal rejep"  # no sign either way: Turkic
    assert name_key("Macron") == name_key("Макрон", "ru")


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Hikmet Hajiyev", "Хикмет Гаджиев", True),  # Russian г for h
        ("Volodymyr Zelensky", "Владимир Зеленский", True),
        ("I. Aliyev", "Ilham Aliyev", True),
        ("Ilham Aliyev", "Heydar Aliyev", False),
        ("Ilham Aliyev", "Mehriban Aliyeva", False),
        ("Maria Zakharova", "Maria Zakharov", False),
        ("Aliyev", "Ilham Aliyev", False),
        ("Aliyev", "Aliyev", True),  # equal keys
        ("Elmar Mammadyarov", "Elmar Mammadov", False),
    ],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


@pytest.mark.parametrize(
    "a, language_a, b, language_b, same",
    [
        # Azerbaijani "ə" read as "e" in Turkish, as "a" in English.
        ("Hacı Məmmədov", "az", "Hacı Memmedov", "tr", True),
        ("Haji Mammadov", "en", "Hacı Memmedov", "tr", True),
        ("Rəşad Nəbiyev", "az", "Reshad Nebiyev", "en", True),
        ("Shavkat Mirziyoyev", "uz", "Şevket Mirziyoyev", "tr", True),
        # A compound given name written as two Turkish words.
        ("Kassym-Jomart Tokayev", "en", "Kasım Cömert Tokayev", "tr", True),
        ("Касым-Жомарт Токаев", "ru", "Kasım Cömert Tokayev", "tr", True),
        # Russian г and х for Turkic and English h; ё as yo or io.
        ("Hüseyn Əliyev", "az", "Гусейн Алиев", "ru", True),
        ("Фёдор Лукьянов", "ru", "Fiodor Lukianov", "en", True),
        ("Артём Шевченко", "ru", "Artem Shevchenko", "en", True),
        ("Евгений Плющенко", "ru", "Yevgeniy Plyushchenko", "en", True),
        # Different people stay apart, a first letter no spelling changes too.
        ("Sadyr Japarov", "en", "Akylbek Japarov", "en", False),
        ("Виктор Болотов", "ru", "Виктор Золотов", "ru", False),
        ("Александр Постников", "ru", "Александр Бортников", "ru", False),
        ("Mario Kho", "en", "Dario Fo", "en", False),
        ("Рашад Набиев", "ru", "Рамиз Набиев", "ru", False),
        ("Hikmet Hajiyev", "en", "Hikmet Hasanov", "en", False),
    ],
)
def test_same_person_across_alphabets(
    a: str, language_a: str, b: str, language_b: str, same: bool
) -> None:
    assert same_person(a, b, language_a, language_b) is same


def test_known_organizations_in_every_language() -> None:
    keys = {
        known_organization(n)
        for n in ["OTS", "Organization of Turkic States", "ОТГ", "Türk Dövlətləri Təşkilatı"]
    }
    assert keys == {"organization of turkic states"}
    assert known_organization("Media Development Agency") is None
    assert entity_key("ORGANIZATION", "ООН") == entity_key("ORGANIZATION", "United Nations")
    assert entity_key("COUNTRY", "Türkiyə", "TR") == "country:TR"


def test_cross_script_pairs_meet_targets() -> None:
    counts, pairs = cross_script_scores()
    assert pairs >= 60
    assert counts.n_gold >= 30 and pairs - counts.n_gold >= 20  # positives and negatives
    assert counts.precision >= 0.97, counts
    assert counts.recall >= 0.90, counts


SECRETARY_GENERAL = [
    (
        "az",
        "Türk Dövlətləri Təşkilatının Baş katibi Kubanıçbek Ömüraliyev bildirib ki, "
        "əməkdaşlıq genişlənir.",
    ),
    (
        "ru",
        "Генеральный секретарь Организации тюркских государств Кубанычбек Омуралиев "
        "заявил, что сотрудничество расширяется.",
    ),
    (
        "kk",
        "Түркі мемлекеттері ұйымының Бас хатшысы Кубанычбек Өмуралиев ынтымақтастық "
        "кеңейіп жатқанын айтты.",
    ),
    (
        "tr",
        "Türk Devletleri Teşkilatı Genel Sekreteri Kubanıçbek Ömüraliyev, iş birliğinin "
        "genişlediğini söyledi.",
    ),
    ("en", "OTS Secretary General Kubanychbek Omuraliev said that cooperation is growing."),
]


@pytest.mark.model
def test_one_organization_and_one_person_in_five_languages(extractor) -> None:  # type: ignore[no-untyped-def]
    org_keys, person_keys = set(), set()
    for language, text in SECRETARY_GENERAL:
        result = extractor.extract(text, language=language)
        orgs = [e for e in result.entities if e.type == "ORGANIZATION"]
        people = [e for e in result.entities if e.type == "PERSON"]
        assert len(orgs) == 1 and len(people) == 1, (language, result.entities)
        org_keys.add(orgs[0].key)
        person_keys.add(people[0].key)
        assert [q.speaker for q in result.quotes] == [people[0].id], language
    assert org_keys == {"organization:organization of turkic states"}
    assert len(person_keys) == 1, person_keys


SEATS_OF_GOVERNMENT = [
    ("en", "The White House said the talks would continue.", "White House"),
    ("ru", "В Белом доме сообщили, что визит отменён.", "Белом доме"),
    ("tr", "Beyaz Saray, görüşmelerin süreceğini açıkladı.", "Beyaz Saray"),
    ("ru", "В Кремле заявили, что переговоры продолжатся.", "Кремле"),
    ("az", "Kreml danışıqların davam edəcəyini bildirib.", "Kreml"),
    # Akorda, the Kazakh president's office; its name ends like a locative ("-да"), and
    # the Russian model takes it for a person.
    ("kk", "Жаңа зауыт ашылады деп хабарлады Ақорда.", "Ақорда"),
    ("kk", "Ақорда жаңа заң қабылданғанын хабарлады.", "Ақорда"),
    ("ru", "Новый закон вступит в силу, сообщает Акорда.", "Акорда"),
    ("en", "The law takes effect next year, Akorda said.", "Akorda"),
]


@pytest.mark.model
@pytest.mark.parametrize("language, text, speaker", SEATS_OF_GOVERNMENT)
def test_seats_of_government_speak_as_one_organization(  # type: ignore[no-untyped-def]
    extractor, language: str, text: str, speaker: str
) -> None:
    result = extractor.extract(text, language=language)
    [quote] = result.quotes
    org = result.entity(quote.speaker)
    assert org is not None and org.type == "ORGANIZATION"
    assert org.key in {"organization:white house", "organization:kremlin", "organization:akorda"}
    assert quote.speaker_mention is not None and quote.speaker_mention.text == speaker


@pytest.mark.model
def test_a_word_that_only_begins_like_a_known_name_is_none(extractor) -> None:  # type: ignore[no-untyped-def]
    # "Кремниевая долина" (Silicon Valley) begins like "Кремль"; "Кремле" is a form of it.
    result = extractor.extract("Стартапы Кремниевой долины привлекли инвестиции.", language="ru")
    assert not [e for e in result.entities if e.key == "organization:kremlin"], result.entities


@pytest.mark.model
def test_a_white_house_in_lower_case_is_no_organization(extractor) -> None:  # type: ignore[no-untyped-def]
    for language, text in (
        ("en", "A white house stood by the river."),
        ("ru", "Мы купили белый дом у реки."),
    ):
        result = extractor.extract(text, language=language)
        assert not [e for e in result.entities if e.type == "ORGANIZATION"], result.entities


@pytest.mark.slow
def test_identity_on_published_romanizations(shared_dir: Path) -> None:
    """NEREL's Wikidata people in BGN/PCGN, Wikipedia, passport, Telegram, Uzbek,
    Azerbaijani and Turkish spellings (the issue's targets: precision 0.97, recall 0.90;
    floors a little below what is reached)."""
    report = evaluate_identity(shared_dir)
    assert report.people > 1000 and report.negative_pairs > 300
    assert report.precision >= 0.995 and report.recall >= 0.98, report.text()


@pytest.mark.slow
@pytest.mark.store
def test_identity_in_the_archive(shared_dir: Path) -> None:
    """Each spelling of 200 NEREL people no rule was written from (the 150 before them
    were read) stored as its own one-sentence report: the archive's speakers and
    speaker search (targets 0.90 and 0.95, reached: 0.920 and 0.962; floors a little
    below, and no wrong merge)."""
    report = evaluate_archive(limit=200, shared_dir=shared_dir, offset=150)
    recall = report.pairs_joined / report.pairs_same
    assert report.pairs_split_wrong == 0, report.text()
    assert recall >= 0.90 and report.found / report.expected >= 0.94, report.text()
