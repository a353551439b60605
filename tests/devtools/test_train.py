"""The training recipe's data preparation: what the models are taught from the corpora."""

from __future__ import annotations

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
