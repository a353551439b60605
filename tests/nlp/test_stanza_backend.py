"""The stanza backend: stanza's annotations on spaCy's tokens (a stand-in stanza with a
known answer), and a real stanza NER model trained here from KazNERD during the test
run, loaded through EXTRACTOR_PIPELINES ("stanza:<folder>") like any other pipeline.

The model tests need stanza and torch (the ``stanza`` extra); they skip without them,
unless EXTRACTOR_REQUIRE_STANZA=1 (set by .ci/run), which makes that a failure."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import spacy

from extractor import Extractor
from extractor.errors import ExtractorError, ModelNotAvailableError
from extractor.nlp.pipelines import load_pipeline, paragraph_boundaries  # noqa: F401
from extractor.nlp.stanza_backend import StanzaAnnotator
from extractor.settings import Settings

from ..helpers import require_extra

OUR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "TITLE"}


@dataclass
class _Word:
    text: str
    upos: str = "NOUN"
    xpos: str = "N"
    lemma: str = ""
    feats: str = ""
    head: int = 0
    deprel: str = "root"


@dataclass
class _Token:
    id: tuple[int, ...]


@dataclass
class _Ent:
    type: str
    tokens: list[_Token]


@dataclass
class _Sentence:
    words: list[_Word]
    ents: list[_Ent] = field(default_factory=list)


class _FakeStanza:
    """Answers like stanza.Pipeline on pre-tokenized sentences: every word a NOUN
    hanging on the first word, and an entity wherever a sentence has a known name."""

    def __init__(self, processors: tuple[str, ...], names: dict[str, str]) -> None:
        self.processors = dict.fromkeys(processors)
        self.names = names
        self.seen: list[list[str]] = []

    def __call__(self, sentences: list[list[str]]) -> Any:
        self.seen.extend(sentences)
        out = []
        for words in sentences:
            sentence = _Sentence(
                [
                    _Word(
                        w,
                        lemma=w.lower(),
                        head=0 if i == 0 else 1,
                        deprel="root" if i == 0 else "dep",
                    )
                    for i, w in enumerate(words)
                ]
            )
            for i, w in enumerate(words):
                if w in self.names:
                    sentence.ents.append(_Ent(self.names[w], [_Token((i + 1,))]))
            out.append(sentence)
        return type("Doc", (), {"sentences": out})()


def _spacy(text: str) -> Any:
    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("paragraph_boundaries", after="sentencizer")
    return nlp(text)


def test_stanza_annotations_land_on_spacys_tokens_whitespace_left_out() -> None:
    doc = _spacy("Тоқаев Астанада сөйледі.\n\nНазарбаев келді.")
    fake = _FakeStanza(
        ("tokenize", "ner"), {"Тоқаев": "PER", "Астанада": "LOC", "Назарбаев": "PER"}
    )
    out = StanzaAnnotator(fake, "stanza")(doc)
    # stanza saw the sentences without the paragraph break's whitespace token.
    assert fake.seen == [["Тоқаев", "Астанада", "сөйледі", "."], ["Назарбаев", "келді", "."]]
    assert out.text == doc.text
    assert [(e.text, e.label_) for e in out.ents] == [
        ("Тоқаев", "PERSON"),
        ("Астанада", "LOC"),
        ("Назарбаев", "PERSON"),
    ]
    assert [s.text.strip() for s in out.sents] == ["Тоқаев Астанада сөйледі.", "Назарбаев келді."]
    assert not out.has_annotation("DEP") and not out.has_annotation("POS")


def test_a_very_long_sentence_goes_to_stanza_in_pieces() -> None:
    from extractor.nlp.stanza_backend import LONGEST_SENTENCE

    doc = _spacy("Тоқаев, " * 300 + "сөйледі.")
    fake = _FakeStanza(("tokenize", "ner"), {"Тоқаев": "PER"})
    out = StanzaAnnotator(fake, "stanza")(doc)
    assert max(len(s) for s in fake.seen) == LONGEST_SENTENCE
    assert sum(len(s) for s in fake.seen) == len(doc)
    assert len(out.ents) == 300 and out.text == doc.text


def test_a_parse_from_stanza_becomes_the_docs_parse() -> None:
    doc = _spacy("Тоқаев сөйледі.\nНазарбаев келді.")
    fake = _FakeStanza(("tokenize", "pos", "lemma", "depparse", "ner"), {"Тоқаев": "PER"})
    out = StanzaAnnotator(fake, "stanza")(doc)
    assert out.has_annotation("DEP") and out.has_annotation("POS")
    assert [s.root.text for s in out.sents] == ["Тоқаев", "Назарбаев"]
    second = next(t for t in out if t.text == "келді")
    assert second.head.text == "Назарбаев" and second.dep_ == "dep" and second.pos_ == "NOUN"
    assert second.lemma_ == "келді"
    assert [(e.text, e.label_) for e in out.ents] == [("Тоқаев", "PERSON")]


def test_a_missing_stanza_folder_is_a_clear_error() -> None:
    with pytest.raises(ModelNotAvailableError, match="does not exist"):
        load_pipeline("stanza:/nonexistent/stanza_resources", "kk")


def _require_stanza() -> None:
    require_extra("stanza", "stanza", "EXTRACTOR_REQUIRE_STANZA")


@pytest.fixture(scope="module")
def stanza_folder(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small stanza NER model trained on the first 600 sentences of KazNERD's training
    block (the recipe of ``extractor train ner --backend stanza``)."""
    _require_stanza()
    from extractor.devtools.train_stanza import train_stanza_ner

    folder = tmp_path_factory.mktemp("stanza_kk")
    return train_stanza_ner("kk", folder, steps=600, size="small", limit=600, shared_dir=shared_dir)


@pytest.mark.slow
def test_the_recipe_writes_a_resources_folder(stanza_folder: Path) -> None:
    assert json.loads((stanza_folder / "resources.json").read_text()) == {}
    assert (stanza_folder / "kk" / "ner" / "extractor.pt").is_file()
    assert (stanza_folder / "kk" / "pretrain" / "extractor.pt").is_file()


@pytest.mark.slow
def test_a_trained_stanza_model_tags_kazakh_news(stanza_folder: Path, shared_dir: Path) -> None:
    from extractor.devtools.corpora import ner_corpus

    nlp = load_pipeline(f"stanza:{stanza_folder}", "kk")
    # Sentences it was trained on: the model must have learnt their people.
    sentences = ner_corpus("kaznerd", "train", shared_dir)[:600]
    gold = found = 0
    for sentence in sentences[:200]:
        doc = nlp(sentence.text)
        assert {e.label_ for e in doc.ents} <= OUR_LABELS
        spans = {(a, b) for a, b, label in sentence.spans() if label == "PERSON"}
        gold += len(spans)
        found += len(spans & {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"})
    assert gold and found / gold > 0.3


@pytest.mark.slow
def test_the_extractor_runs_on_a_stanza_pipeline(stanza_folder: Path) -> None:
    settings = Settings(pipelines={"kk": f"stanza:{stanza_folder}"})
    extractor = Extractor(settings)
    assert extractor.nlp("kk").pipe_names[-1] == "stanza"
    text = "Қазақстан Президенті Қасым-Жомарт Тоқаев Астанада сөйледі."
    result = extractor.extract(text, language="kk")
    assert result.language == "kk"
    assert "stanza" in " ".join(result.models.values())
    for entity in result.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_a_folder_without_models_for_the_language_is_a_clear_error(tmp_path: Path) -> None:
    _require_stanza()
    (tmp_path / "resources.json").write_text("{}")
    extractor = Extractor(Settings(pipelines={"kk": f"stanza:{tmp_path}"}))
    with pytest.raises(ExtractorError, match="no stanza models for 'kk'"):
        extractor.extract("Тоқаев Астанада сөйледі.", language="kk")
