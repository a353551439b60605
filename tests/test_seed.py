"""The seed article (../shared/seed/) extracts perfectly, read as one document."""

from __future__ import annotations

import re

import pytest

from extractor import Extraction, Extractor

from .helpers import assert_spans_exact

pytestmark = [pytest.mark.model, pytest.mark.corpus]


@pytest.fixture(scope="module")
def seed(extractor: Extractor, seed_text: str) -> Extraction:
    return extractor.extract(seed_text)


def _one(result: Extraction, type_: str, name: str):  # type: ignore[no-untyped-def]
    found = [e for e in result.entities if e.type == type_ and e.name == name]
    assert len(found) == 1, [(e.type, e.name) for e in result.entities]
    return found[0]


def test_spans_are_exact(seed: Extraction, seed_text: str) -> None:
    assert_spans_exact(seed_text, seed)


def test_language_and_segments(seed: Extraction, seed_text: str) -> None:
    assert seed.language == "en"
    langs = [(s.language, s.processed) for s in seed.segments]
    assert langs[0] == ("en", True)
    # The Azerbaijani and Russian headlines are recognised as such, not read as English,
    # and each is processed with its own language's pipeline.
    assert ("az", True) in langs and ("ru", True) in langs
    ru = next(s for s in seed.segments if s.language == "ru")
    assert seed_text[ru.start : ru.end].startswith("Расим Багиров")


def test_baghirov_is_one_person_with_every_mention(seed: Extraction, seed_text: str) -> None:
    person = _one(seed, "PERSON", "Rasim Baghirov")
    covered = {(m.start, m.end) for m in person.mentions}
    assert any(seed_text[s:e] == "Rasim Baghirov" for s, e in covered)
    for match in re.finditer(r"\bBaghirov\b", seed_text):
        assert any(s <= match.start() and match.end() <= e for s, e in covered), match.start()
    # The headlines' "Rasim Bağırov" and "Расим Багиров" are the same person.
    assert any(seed_text[s:e] == "Rasim Bağırov" for s, e in covered)
    assert any(seed_text[s:e] == "Расим Багиров" for s, e in covered)
    assert [e.name for e in seed.entities if e.type == "PERSON"] == ["Rasim Baghirov"]


def test_baghirov_role(seed: Extraction) -> None:
    person = _one(seed, "PERSON", "Rasim Baghirov")
    roles = [r for r in seed.roles if r.person == person.id]
    assert len(roles) == 1
    role = roles[0]
    assert seed.entity(role.title).name == (
        "Director of the Department of International Relations and Documentation"
    )
    assert seed.entity(role.organization).name == "Media Development Agency of Azerbaijan"
    country = seed.entity(role.country)
    assert country.type == "COUNTRY" and country.code == "AZ"


def test_organizations(seed: Extraction) -> None:
    ots = _one(seed, "ORGANIZATION", "Organization of Turkic States")
    # The English acronym and the Russian headline's "ОТГ" are the same organization.
    assert {"OTS", "ОТГ", "Organization of Turkic States"} <= {m.text for m in ots.mentions}
    assert ots.key == "organization:organization of turkic states"
    assert [e for e in seed.entities if e.type == "ORGANIZATION" and "ОТГ" in e.name] == []
    orgs = {e.name for e in seed.entities if e.type == "ORGANIZATION"}
    assert "OTS Media and Information Working Group" in orgs
    assert "Media Development Agency of Azerbaijan" in orgs


def test_countries(seed: Extraction) -> None:
    countries = {e.code: e.name for e in seed.entities if e.type == "COUNTRY"}
    assert countries == {
        "AZ": "Azerbaijan",
        "TR": "Türkiye",
        "UZ": "Uzbekistan",
        "KG": "Kyrgyzstan",
    }
    assert not any(e.type == "PERSON" and "Azerbaijan" in e.name for e in seed.entities)


def test_department_is_part_of_the_agency(seed: Extraction) -> None:
    [relation] = seed.relations
    assert relation.type == "part_of"
    assert seed.entity(relation.source).name == (
        "Department of International Relations and Documentation"
    )
    assert seed.entity(relation.target).name == "Media Development Agency of Azerbaijan"


def test_headline_title_refers_to_baghirov(seed: Extraction, seed_text: str) -> None:
    person = _one(seed, "PERSON", "Rasim Baghirov")
    assert person.key == "person:rasim bagirov"
    # The English headline's "Director" names him as the speaker.
    assert "Director" in {r.text for r in person.references}


def test_russian_headline_entities(seed: Extraction, seed_text: str) -> None:
    ru = next(s for s in seed.segments if s.language == "ru")
    inside = {
        (e.type, m.text) for e in seed.entities for m in e.mentions if ru.start <= m.start < ru.end
    }
    assert inside == {("PERSON", "Расим Багиров"), ("ORGANIZATION", "ОТГ")}


def test_quotes_all_by_baghirov(seed: Extraction) -> None:
    person = _one(seed, "PERSON", "Rasim Baghirov")
    quotes = seed.quotes
    assert len(quotes) == 7, [q.text[:40] for q in quotes]
    assert all(q.speaker == person.id for q in quotes)

    headline, according, noted, block, emphasized, az_headline, ru_headline = quotes
    assert headline.text == "Turkic states' info exchange builds unified space"
    assert headline.speaker_mention.text == "Director"

    assert according.kind == "indirect"
    assert according.cue.text == "according to"
    assert according.text.startswith("Information exchange among Turkic states")
    assert according.text.endswith("unified communication space")

    assert noted.kind == "indirect" and noted.cue.text == "noted"
    assert noted.text.startswith("joint projects carried out by OTS member states")
    assert noted.text.endswith("unified and sustainable communication space")

    assert block.kind == "direct"
    assert block.text.startswith("Azerbaijan has consistently participated")
    assert block.text.endswith("by member states.")

    assert emphasized.kind == "indirect" and emphasized.cue.text == "emphasized"
    assert emphasized.text.startswith("the issues reflected in the agenda")
    assert emphasized.text.endswith("in the media field more effectively")

    assert az_headline.speaker_mention.text == "Rasim Bağırov"
    assert az_headline.text == (
        "Türk dövlətlərinin informasiya mübadiləsi vahid kommunikasiya məkanının "
        "formalaşmasına töhfə verir"
    )
    assert ru_headline.speaker_mention.text == "Расим Багиров"
    assert ru_headline.text == (
        "ОТГ формирует единое медиапространство благодаря совместным проектам"
    )


def test_the_headlines_are_one_statement(seed: Extraction) -> None:
    headline, according, noted, block, emphasized, az_headline, ru_headline = seed.quotes
    # The English, Azerbaijani and Russian headlines are versions of one statement, and
    # so is the lead paragraph the English headline sums up.
    assert headline.statement == az_headline.statement == ru_headline.statement
    assert according.statement == headline.statement
    # What Baghirov said besides are statements of their own.
    others = {noted.statement, block.statement, emphasized.statement}
    assert len(others) == 3 and headline.statement not in others
    assert all(q.statement for q in seed.quotes)


def test_statement_sentence_is_not_a_quote(seed: Extraction) -> None:
    assert not any("He made this statement" in q.text for q in seed.quotes)
    assert not any("12th meeting" in q.text for q in seed.quotes)
