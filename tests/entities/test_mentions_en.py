"""English entities and roles, table-driven."""

from __future__ import annotations

import pytest

from extractor import Extractor

from ..helpers import assert_spans_exact

pytestmark = pytest.mark.model

# (id, text, entities that must be present as (type, name), names that must not be entities)
ENTITY_CASES = [
    (
        "countries-cldr-and-alias",
        "Turkey and Azerbaijan signed the deal; the United States welcomed it.",
        [("COUNTRY", "Turkey"), ("COUNTRY", "Azerbaijan"), ("COUNTRY", "United States")],
        [],
    ),
    (
        "adjective-is-no-country",
        "Turkic states and Nordic countries met in Baku.",
        [],
        ["Turkic", "Nordic"],
    ),
    (
        "pronoun-us-is-no-country",
        "They told us the US embassy would reopen.",
        [("COUNTRY", "US")],
        ["us"],
    ),
    (
        "org-with-country",
        "The Ministry of Foreign Affairs of Azerbaijan issued a statement.",
        [("ORGANIZATION", "Ministry of Foreign Affairs of Azerbaijan"), ("COUNTRY", "Azerbaijan")],
        [],
    ),
    (
        "coordination-split",
        "Türkiye and the Ministry of Energy signed an agreement.",
        [("COUNTRY", "Türkiye"), ("ORGANIZATION", "Ministry of Energy")],
        ["Türkiye and the Ministry of Energy"],
    ),
    (
        "acronym-defined-inline",
        "The Organization of Turkic States (OTS) met in Baku. OTS members agreed.",
        [("ORGANIZATION", "Organization of Turkic States")],
        ["OTS"],
    ),
    (
        "surname-joins-full-name",
        "Hakan Fidan arrived in Baku. Fidan met the president.",
        [("PERSON", "Hakan Fidan")],
        ["Fidan"],
    ),
    (
        "particle-name",
        "Ursula von der Leyen opened the summit.",
        [("PERSON", "Ursula von der Leyen")],
        ["Ursula von der"],
    ),
    (
        "country-name-as-given-name",
        "Jordan Henderson said the team was ready.",
        [("PERSON", "Jordan Henderson")],
        ["Jordan"],
    ),
    (
        "country-alone-stays-a-country",
        "Jordan said the talks had failed.",
        [("COUNTRY", "Jordan")],
        [],
    ),
    (
        "initials-end-no-sentence",
        "The report was written by J. R. Hartley, a retired angler.",
        [("PERSON", "J. R. Hartley")],
        ["Hartley"],
    ),
    (
        "a-date-before-an-appositive-title-is-no-person",
        "On Thursday, the 3rd of November, the mayor of Toulouse suspended the agreement.",
        [],
        ["November"],
    ),
    (
        "company-with-title-word",
        "General Motors will build a new plant.",
        [("ORGANIZATION", "General Motors")],
        ["Motors"],
    ),
]


@pytest.mark.parametrize(
    "text, present, absent", [c[1:] for c in ENTITY_CASES], ids=[c[0] for c in ENTITY_CASES]
)
def test_entities(extractor: Extractor, text: str, present: list, absent: list) -> None:
    result = extractor.extract(text, language="en")
    assert_spans_exact(text, result)
    got = {(e.type, e.name) for e in result.entities}
    for item in present:
        assert item in got, got
    names = {e.name for e in result.entities}
    for name in absent:
        assert name not in names, got
    for e in result.entities:
        if e.type == "COUNTRY":
            assert e.code and len(e.code) == 2 and e.key == f"country:{e.code}"


def test_country_names_in_any_form_share_the_iso_key(extractor: Extractor) -> None:
    result = extractor.extract("Turkey, Türkiye and the Republic of Türkiye agreed.", language="en")
    countries = [e for e in result.entities if e.type == "COUNTRY"]
    assert len(countries) == 1
    assert countries[0].code == "TR" and len(countries[0].mentions) == 3


def test_mentions_of_one_entity_share_its_key(extractor: Extractor) -> None:
    result = extractor.extract("Hakan Fidan arrived. Fidan spoke.", language="en")
    person = next(e for e in result.entities if e.type == "PERSON")
    assert [m.text for m in person.mentions] == ["Hakan Fidan", "Fidan"]
    assert person.key == "person:hakan fidan"


def test_ambiguous_surname_stays_apart(extractor: Extractor) -> None:
    text = "Ilham Aliyev met Heydar Aliyev in Baku. Aliyev said nothing."
    result = extractor.extract(text, language="en")
    people = {e.name: e for e in result.entities if e.type == "PERSON"}
    assert "Ilham Aliyev" in people and "Heydar Aliyev" in people
    assert all(len(e.mentions) == 1 for e in people.values())


# (id, text, person, title, organization, country)
ROLE_CASES = [
    (
        "prenominal",
        "Foreign Minister Jeyhun Bayramov met his counterpart.",
        "Jeyhun Bayramov",
        "Foreign Minister",
        None,
        None,
    ),
    (
        "appositive-of-org",
        "Tim Cook, chief executive of Apple, visited the plant.",
        "Tim Cook",
        "chief executive",
        "Apple",
        None,
    ),
    (
        "appositive-det",
        "Mary Barra, the chief executive of General Motors, spoke.",
        "Mary Barra",
        "chief executive",
        "General Motors",
        None,
    ),
    (
        "possessive-country",
        "Azerbaijan's Foreign Minister Jeyhun Bayramov arrived.",
        "Jeyhun Bayramov",
        "Foreign Minister",
        None,
        "Azerbaijan",
    ),
    (
        "title-of-country",
        "Ilham Aliyev, President of Azerbaijan, received the delegation.",
        "Ilham Aliyev",
        "President",
        None,
        "Azerbaijan",
    ),
    (
        "copula",
        "Anna Smith is the director of the National Museum.",
        "Anna Smith",
        "director",
        "National Museum",
        None,
    ),
    (
        "title-first-appositive",
        "The agency's spokesperson, Leyla Abdullayeva, declined to comment.",
        "Leyla Abdullayeva",
        "spokesperson",
        None,
        None,
    ),
    (
        "org-before-title",
        "Apple chief executive Tim Cook visited Baku.",
        "Tim Cook",
        "chief executive",
        "Apple",
        None,
    ),
    (
        "abbreviated-title",
        "Sen. Elizabeth Warren voted against the bill.",
        "Elizabeth Warren",
        "Sen.",
        None,
        None,
    ),
    (
        "portfolio",
        "Emil Majidov, Minister of Foreign Affairs, spoke first.",
        "Emil Majidov",
        "Minister of Foreign Affairs",
        None,
        None,
    ),
    (
        "unit-and-agency",
        "Leyla Mammadova, Head of the Press Office at the Central Bank of Azerbaijan, spoke.",
        "Leyla Mammadova",
        "Head of the Press Office",
        "Central Bank of Azerbaijan",
        "Azerbaijan",
    ),
]


@pytest.mark.parametrize(
    "text, person, title, org, country", [c[1:] for c in ROLE_CASES], ids=[c[0] for c in ROLE_CASES]
)
def test_roles(
    extractor: Extractor, text: str, person: str, title: str, org: str | None, country: str | None
) -> None:
    result = extractor.extract(text, language="en")
    assert_spans_exact(text, result)
    rows = []
    for r in result.roles:
        o, c = result.entity(r.organization), result.entity(r.country)
        rows.append(
            (
                result.entity(r.person).name,
                result.entity(r.title).name,
                o.name if o else None,
                c.name if c else None,
            )
        )
    assert (person, title, org, country) in rows


def test_a_role_stated_twice_is_one_role_with_both_statements(extractor: Extractor) -> None:
    text = (
        "Senator Elizabeth Warren spoke on Monday. Reporters met her later, and "
        "Senator Elizabeth Warren spoke again."
    )
    result = extractor.extract(text, language="en")
    roles = [r for r in result.roles if result.entity(r.person).name == "Elizabeth Warren"]
    assert len(roles) == 1
    statements = [roles[0].evidence, *roles[0].other_evidence]
    assert [s.start for s in statements] == [text.index("Senator"), text.rindex("Senator")]
    for s in statements:
        assert text[s.start : s.end] == s.text


def test_role_links_count_every_statement(extractor: Extractor) -> None:
    from extractor.devtools.evaluation import predicted_links

    text = "Senator Elizabeth Warren spoke first. Later Senator Elizabeth Warren spoke again."
    links = predicted_links(extractor.extract(text, language="en"))["WORKS_AS"]
    first, second = text.index("Senator"), text.rindex("Senator")

    def span(word: str, at: int) -> tuple[int, int]:
        start = text.index(word, at)
        return start, start + len(word)

    assert (span("Elizabeth Warren", first), span("Senator", first)) in links
    assert (span("Elizabeth Warren", second), span("Senator", second)) in links
