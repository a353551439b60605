"""A batch is read in a memory zone: the words it brings are forgotten at its end."""

from __future__ import annotations

import spacy

from extractor.nlp.pipelines import reading


def test_words_read_in_a_zone_are_forgotten() -> None:
    nlp = spacy.blank("en")
    before = len(nlp.vocab.strings)
    with reading(nlp):
        doc = nlp("Qwzxv plorbed the grintle.")
        assert "plorbed" in nlp.vocab.strings and doc[1].text == "plorbed"
    assert len(nlp.vocab.strings) == before
    assert "plorbed" not in nlp.vocab.strings


def test_without_a_zone_words_are_kept() -> None:
    nlp = spacy.blank("en")
    with reading(nlp, zone=False):
        nlp("Qwzxv plorbed the grintle.")
    assert "plorbed" in nlp.vocab.strings


def test_a_block_inside_a_zone_is_part_of_it() -> None:
    nlp = spacy.blank("en")
    before = len(nlp.vocab.strings)
    with nlp.memory_zone():
        with reading(nlp):
            nlp("Qwzxv plorbed the grintle.")
        assert "plorbed" in nlp.vocab.strings  # the outer zone has not ended
    assert len(nlp.vocab.strings) == before
