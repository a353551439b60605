"""Turkic-language helpers that need no model: stems, inflected country names,
spelling-blind person keys, the NER corpus readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.devtools.corpora import ner_corpus
from extractor.entities.countries import country_code
from extractor.language import Words, get_lang


def test_words_match_stems_and_exact_forms() -> None:
    words = Words({"direktor-", "müdir", "bakan-", "bakanlığ-"})
    assert "direktorunun" in words and "direktor" in words
    assert "müdir" in words and "müdiri" not in words  # no "-": exact only
    assert words.stem_of("bakanlığı") == "bakanlığ"  # the longest stem wins
    assert words.stem_of("bakanı") == "bakan"
    assert "bakanxxxxxxxxxxxxxx" not in words  # too long to be an ending
    assert "direktoru" in (words | frozenset({"sədr"}))


@pytest.mark.parametrize(
    "name, language, code",
    [
        ("Türkiye'nin", "tr", "TR"),
        ("Çin'in", "tr", "CN"),
        ("Çinli", "tr", None),  # "Chinese", derived, not a case form
        ("Azərbaycanın", "az", "AZ"),
        ("Azərbaycan Respublikasının", "az", "AZ"),
        ("Azərbaycanlı", "az", None),
        ("Özbəkistanda", "az", "UZ"),
        ("Қазақстанның", "kk", "KZ"),
        ("Қазақстандық", "kk", None),
        ("Кыргызстандын", "ky", "KG"),
        ("O'zbekistonning", "uz", "UZ"),
        ("Ankara'da", "tr", None),  # a city
        ("Kubanıçbek", "az", None),  # a name, not "Kuba" + a six-letter "ending"
        ("Кубанычбек", "kk", None),
        ("Nijeryalı", "tr", None),  # derived (Nigerian), not "Nijer" + ending
        ("Çingene", "tr", None),  # Turkish endings on names take an apostrophe
    ],
)
def test_inflected_country_names(name: str, language: str, code: str | None) -> None:
    assert country_code(name, language) == code


def test_turkic_language_data_loads() -> None:
    for code in ("tr", "az", "kk", "uz", "ky"):
        lang = get_lang(code)
        assert lang.head_final and lang.title_heads and lang.org_heads
        assert not set(lang.title_heads) & set(lang.org_heads)


@pytest.mark.corpus
def test_ner_corpora_read_with_our_labels(shared_dir: Path) -> None:
    for name in ("turkish-wiki-ner", "kaznerd", "az-ner"):
        train = ner_corpus(name, "train", shared_dir)
        dev = ner_corpus(name, "dev", shared_dir)
        assert train and dev and len(train) > 5 * len(dev)
        labels = {label for s in dev for _, _, label in s.spans()}
        assert {"PERSON", "ORG"} <= labels <= {"PERSON", "ORG", "GPE", "LOC", "TITLE"}
        sentence = next(s for s in dev if s.spans())
        for start, end, _ in sentence.spans():
            assert sentence.text[start:end].strip() == sentence.text[start:end]
    # The held-out split of a one-file corpus never overlaps its training part.
    train_texts = {s.text for s in ner_corpus("kaznerd", "train", shared_dir)}
    dev_texts = [s.text for s in ner_corpus("kaznerd", "dev", shared_dir)]
    assert sum(t in train_texts for t in dev_texts) < 0.05 * len(dev_texts)


def test_ner_scoring_counts_exact_spans_by_type() -> None:
    from extractor.devtools.evaluation import ner_gold, score_ner

    text = "Hakan Fidan Türkiye Ankara Dışişleri Bakanı"
    gold = ner_gold(
        [(0, 11, "PERSON"), (12, 19, "GPE"), (20, 26, "GPE"), (27, 43, "TITLE")], text, "tr"
    )
    assert (12, 19, "COUNTRY") in gold and not any(g[0] == 20 for g in gold)  # a city
    pred = {(0, 11, "PERSON"), (12, 19, "COUNTRY"), (27, 37, "TITLE")}
    counts = score_ner([gold], [pred])
    assert counts["PERSON"].f1 == 1.0 and counts["COUNTRY"].f1 == 1.0
    assert counts["TITLE"].precision == 0.0 and counts["TITLE"].n_gold == 1


@pytest.mark.corpus
def test_nerel_reads_nested_entities(shared_dir: Path) -> None:
    from extractor.devtools.corpora import nerel

    doc = next(iter(nerel("dev", shared_dir)))
    labels = {label for label, _, _ in doc.spans.values()}
    assert "PERSON" in labels
    for _label, pieces, surface in doc.spans.values():
        if len(pieces) == 1:
            assert doc.text[pieces[0][0] : pieces[0][1]] == surface


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
