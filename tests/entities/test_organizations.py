"""Organization rules on hand-built Docs (blank pipelines, entities set by hand)."""

from __future__ import annotations

from extractor.language import get_lang


def test_a_run_ending_in_its_head_keeps_what_the_ner_cut_off() -> None:
    """The NER tagged only the first words of an institution's name; the capitalized
    run through its head word is the name (verb-final languages)."""
    import spacy
    from spacy.tokens import Span

    from extractor.entities.mentions import find_mentions

    nlp = spacy.blank("az")
    nlp.add_pipe("sentencizer")
    doc = nlp("Bu gün Peşəkar İngilis Dilli Məktəblərin Kanada Assosiasiyası bəyanat yayıb.")
    doc.ents = [Span(doc, 2, 5, label="ORG")]
    found = find_mentions(doc, nlp, get_lang("az"))
    assert [doc[o.start : o.end].text for o in found.orgs] == [
        "Peşəkar İngilis Dilli Məktəblərin Kanada Assosiasiyası"
    ]


def test_an_acronym_before_its_name_in_brackets_is_an_organization() -> None:
    import spacy

    from extractor.entities.mentions import find_mentions

    nlp = spacy.blank("az")
    nlp.add_pipe("sentencizer")
    doc = nlp("Bu işə CAPLS (Peşəkar Dil Məktəblərinin Assosiasiyası) nəzarət edir.")
    found = find_mentions(doc, nlp, get_lang("az"))
    assert sorted(doc[o.start : o.end].text for o in found.orgs) == [
        "CAPLS",
        "Peşəkar Dil Məktəblərinin Assosiasiyası",
    ]


def test_a_verb_final_name_the_ner_began_lower_case_starts_at_its_proper_noun() -> None:
    """The NER read "Еуразия" as a place and "ұлттық университеті" as an institution:
    the uninflected proper noun before a lower-case start is the name's first word; one
    with a case ending ("Ұлыбританиядағы", in Britain) is not."""
    import spacy
    from spacy.tokens import Span

    from extractor.entities.mentions import find_mentions

    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    for text, expected in [
        ("Ал Еуразия ұлттық университеті лагерь ашты.", "Еуразия ұлттық университеті"),
        ("Енді Ұлыбританиядағы аэроғарыш университеті зерттеу жүргізді.", "аэроғарыш университеті"),
    ]:
        doc = nlp(text)
        doc.ents = [Span(doc, 2, 4, label="ORG")]
        found = find_mentions(doc, nlp, get_lang("kk"))
        assert [doc[o.start : o.end].text for o in found.orgs] == [expected]
