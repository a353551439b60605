"""Mentions clustered into entities: folding, initials, surnames, acronyms, titles,
countries (no model needed)."""

from __future__ import annotations

from extractor.entities.clusters import CharMention, cluster, fold, initials


def test_fold_and_initials() -> None:
    assert fold("Bagírov’s  Office") == "bagirov s office"
    assert fold("Türkiye") == "turkiye"
    assert initials("Organization of Turkic States") == "OTS"
    assert initials("Ministry of Foreign Affairs") == "MFA"


def _m(label: str, text: str, start: int, **kw: str) -> CharMention:
    return CharMention(label, start, start + len(text), text, **kw)


def test_cluster_surname_acronym_and_title() -> None:
    text = "Rasim Baghirov of the Organization of Turkic States (OTS). Baghirov, Director of X. OTS. Director"
    mentions = [
        _m("PERSON", "Rasim Baghirov", 0),
        _m("ORGANIZATION", "Organization of Turkic States", 22),
        _m("ORGANIZATION", "OTS", 53),
        _m("PERSON", "Baghirov", 59),
        _m("TITLE", "Director of X", 69, head="director"),
        _m("ORGANIZATION", "OTS", 84),
        _m("TITLE", "Director", 89, head="director"),
    ]
    entities, ids = cluster(mentions, text)
    by_name = {e.name: e for e in entities}
    assert [m.text for m in by_name["Rasim Baghirov"].mentions] == ["Rasim Baghirov", "Baghirov"]
    assert [m.text for m in by_name["Organization of Turkic States"].mentions] == [
        "Organization of Turkic States",
        "OTS",
        "OTS",
    ]
    assert len(by_name["Director of X"].mentions) == 2
    assert len(entities) == 3
    assert by_name["Rasim Baghirov"].key == "person:rasim bagirov"
    assert len(set(ids.values())) == 3


def test_cluster_keeps_ambiguous_surname_apart() -> None:
    text = "Ilham Aliyev and Heydar Aliyev. Aliyev."
    mentions = [
        _m("PERSON", "Ilham Aliyev", 0),
        _m("PERSON", "Heydar Aliyev", 17),
        _m("PERSON", "Aliyev", 32),
    ]
    entities, _ = cluster(mentions, text)
    assert sorted(e.name for e in entities) == ["Aliyev", "Heydar Aliyev", "Ilham Aliyev"]


def test_cluster_countries_by_code() -> None:
    text = "Turkey and Türkiye"
    entities, _ = cluster(
        [_m("COUNTRY", "Turkey", 0, code="TR"), _m("COUNTRY", "Türkiye", 11, code="TR")], text
    )
    assert len(entities) == 1 and entities[0].key == "country:TR" and entities[0].code == "TR"
