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
