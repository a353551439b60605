"""The training recipe's data preparation: what the models are taught from the corpora."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from extractor.devtools.corpora import TaggedSentence
from extractor.devtools.train import joined_suffixes, without_titles
from extractor.nlp.spacing import respace


def test_a_split_case_ending_joins_its_word_as_the_extractor_joins_it() -> None:
    words = ["Helmut", "Kohl", "'ün", "dediği", "'", "X", "'", "Türkiye", "’nin"]
    tags = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-GPE", "O"]
    [joined] = joined_suffixes([TaggedSentence(words, tags)])
    assert joined.words == ["Helmut", "Kohl'ün", "dediği", "'", "X", "'", "Türkiye’nin"]
    assert joined.tags == ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-GPE"]
    # The same words the extractor's respacing gives the models for tokenized text.
    respaced = respace("Helmut Kohl 'ün dediği gibi , Türkiye ’nin sorunu .")
    assert respaced is not None
    assert "Kohl'ün" in respaced.text and "Türkiye’nin" in respaced.text


def test_title_words_of_a_corpus_without_titles_are_left_unannotated() -> None:
    words = ["Dışişleri", "Bakanı", "İsmail", "Cem", "dün", "Ankara", "'ya", "döndü", "."]
    tags = ["O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O"]
    [out] = without_titles([TaggedSentence(words, tags)], "tr")
    assert out.tags == ["", "", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O"]
    # A sentence without title words is left as it is.
    [plain] = without_titles([TaggedSentence(["Ahmet", "geldi"], ["B-PERSON", "O"])], "tr")
    assert plain.tags == ["B-PERSON", "O"]


def test_the_perceptron_learns_to_rank_the_right_candidate() -> None:
    from extractor.devtools.train_bounds import Example, accuracy, perceptron

    # Feature 0 marks the right candidate; feature 1 is noise on every candidate.
    examples = [Example([[1], [0, 1], [1]], 1, 0), Example([[0, 1], [1], [1]], 0, 2)] * 5
    weights = perceptron(examples, 2, epochs=3)
    assert weights[0] > weights[1]
    assert accuracy(examples, weights) == 1.0


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.model
def test_train_quotes_writes_a_model_the_extractor_reads(shared_dir: Path, tmp_path: Path) -> None:
    from extractor.devtools.train_bounds import train_bounds
    from extractor.quotes.bounds import BoundsModel

    path = tmp_path / "bounds.json.gz"
    report = train_bounds(epochs=2, limit=4, output=path, shared_dir=shared_dir)
    assert report.examples.matched > 5 and report.features > 100
    assert report.start_accuracy >= report.start_baseline
    with gzip.open(path, "rt", encoding="utf-8") as f:
        model = BoundsModel.from_json(json.load(f))
    assert model.meta["documents"] == 4 and model.start and model.end
    assert "training block" in report.text()
