"""The corpus readers: tagged NER corpora with our labels, NEREL's nested entities."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.devtools.corpora import ner_corpus
from extractor.errors import InvalidInputError


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
    # The held-out blocks never overlap the training part (contiguous blocks: a story is
    # on one side only, so a repeated sentence is rare).
    for name in ("turkish-wiki-ner", "kaznerd", "az-ner"):
        train_texts = {s.text for s in ner_corpus(name, "train", shared_dir)}
        for split in ("dev", "final"):
            held = [s.text for s in ner_corpus(name, split, shared_dir)]
            assert held and sum(t in train_texts for t in held) < 0.01 * len(held), (name, split)
    with pytest.raises(InvalidInputError, match="train, dev or final"):
        ner_corpus("az-ner", "test", shared_dir)


@pytest.mark.corpus
def test_nerel_final_block_is_documents_apart_from_train(shared_dir: Path) -> None:
    from extractor.devtools.corpora import nerel

    names = {s: [d.name for d in nerel(s, shared_dir)] for s in ("train", "final", "dev")}
    assert len(names["final"]) == len(names["train"] + names["final"]) // 10
    assert not set(names["final"]) & set(names["train"])
    # The final block is the end of the sorted training folder.
    assert max(names["train"]) < min(names["final"])


@pytest.mark.corpus
def test_nerel_reads_nested_entities(shared_dir: Path) -> None:
    from extractor.devtools.corpora import nerel

    doc = next(iter(nerel("dev", shared_dir)))
    labels = {label for label, _, _ in doc.spans.values()}
    assert "PERSON" in labels
    for _label, pieces, surface in doc.spans.values():
        if len(pieces) == 1:
            assert doc.text[pieces[0][0] : pieces[0][1]] == surface


@pytest.mark.corpus
def test_milliyet_in_contiguous_blocks(shared_dir: Path) -> None:
    """turkish-news-ner: train, dev and final are contiguous blocks of the file (in that
    order), its inline markup read as tags, its places as GPE."""
    from extractor.devtools.corpora import MILLIYET_BLOCK

    blocks = {s: ner_corpus("turkish-news-ner", s, shared_dir) for s in ("train", "dev", "final")}
    assert len(blocks["dev"]) == len(blocks["final"]) == MILLIYET_BLOCK
    assert len(blocks["train"]) > 6 * MILLIYET_BLOCK
    labels = {label for s in blocks["dev"] for _, _, label in s.spans()}
    assert labels == {"PERSON", "ORG", "GPE"}
    sentence = next(s for s in blocks["final"] if "'" in s.text and s.spans())
    for start, end, _ in sentence.spans():
        assert "[" not in sentence.text[start:end] and "'" not in sentence.text[start:end]


@pytest.mark.corpus
def test_polnear_final_block_is_each_outlets_latest_articles(shared_dir: Path) -> None:
    """PolNeAR's training folder splits by document into train and the held-back final
    block (each outlet's latest twelve), which the quote models never see."""
    from extractor.devtools.corpora import polnear, polnear_all_train

    train = [d.name for d in polnear("train", shared_dir)]
    final = [d.name for d in polnear("final", shared_dir)]
    assert (len(train), len(final)) == (756, 84)
    assert not set(train) & set(final)
    assert sorted(train + final) == [d.name for d in polnear_all_train(shared_dir)]
    outlets = {n.split("_", 1)[0] for n in final}
    assert len(outlets) == 7
    for outlet in outlets:  # names are outlet_date_title: the final block is the later
        latest_train = max(n for n in train if n.startswith(outlet + "_"))
        assert all(n > latest_train for n in final if n.startswith(outlet + "_"))
    with pytest.raises(InvalidInputError, match="train, dev, final"):
        next(polnear("test", shared_dir))
