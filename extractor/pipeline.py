"""Loading spaCy pipelines, once per process, with the extractor's own components."""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import ModelNotAvailableError

_lock = threading.Lock()


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: news paragraphs, headlines and datelines stand alone.

    Runs before the parser, which keeps boundaries that are already set.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


NATASHA = "natasha_ru"  # the pipeline name that stands for natasha's Russian models
_NATASHA_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}


@cache
def _natasha() -> tuple[Any, Any, Any, Any]:
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return (
        Segmenter(),
        NewsMorphTagger(embedding),
        NewsNERTagger(embedding),
        MorphVocab(),
    )


@Language.component("natasha_ner")
def natasha_ner(doc: Doc) -> Doc:
    """Russian entities from natasha's news NER (PER, ORG, LOC), with each span's
    nominative form ("Расима Багирова" -> "Расим Багиров") kept in
    ``doc.user_data["extractor.normal"]`` by character span."""
    from natasha import Doc as NatashaDoc

    segmenter, morph, tagger, vocab = _natasha()
    nd = NatashaDoc(doc.text)
    nd.segment(segmenter)
    nd.tag_morph(morph)  # the nominative forms need the morphology
    nd.tag_ner(tagger)
    ents: list[Span] = []
    normal: dict[tuple[int, int], str] = {}
    for span in nd.spans:
        label = _NATASHA_LABELS.get(span.type)
        if label is None:
            continue
        token_span = doc.char_span(span.start, span.stop, label=label, alignment_mode="expand")
        if token_span is None:
            continue
        if any(e.start < token_span.end and token_span.start < e.end for e in ents):
            continue
        ents.append(token_span)
        span.normalize(vocab)
        normal[(token_span.start_char, token_span.end_char)] = span.normal or span.text
    doc.ents = ents
    doc.user_data["extractor.normal"] = normal
    return doc


def natasha_pipeline() -> Language:
    """natasha's Russian NER as a spaCy pipeline (no sentence boundaries added)."""
    try:
        import natasha  # noqa: F401
    except ImportError as exc:
        raise ModelNotAvailableError(
            "Russian needs the natasha package (pip install natasha)", pipeline=NATASHA
        ) from exc
    nlp = spacy.blank("ru")
    nlp.add_pipe("natasha_ner")
    nlp.meta["name"] = "natasha_news"
    nlp.meta["version"] = "1.6.0"
    return nlp


@cache
def _load(name: str) -> Language:
    if name == NATASHA:
        nlp = natasha_pipeline()
        nlp.add_pipe("sentencizer", first=True)
        nlp.add_pipe("paragraph_boundaries", after="sentencizer")
        return nlp
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotAvailableError(
            f"spaCy pipeline {name!r} is not installed: install its package or set "
            "EXTRACTOR_PIPELINES to one that is",
            pipeline=name,
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    elif {"senter", "sentencizer"} & set(nlp.pipe_names):
        nlp.add_pipe("paragraph_boundaries", last=True)
    else:
        # An NER-only pipeline (our own models) still needs sentences; the
        # sentencizer decides every token, so paragraph breaks are marked after it.
        nlp.add_pipe("sentencizer", first=True)
        nlp.add_pipe("paragraph_boundaries", after="sentencizer")
    return nlp


def load_pipeline(name: str) -> Language:
    """The spaCy pipeline ``name`` with the extractor's components; loaded once."""
    with _lock:
        return _load(name)


def describe(nlp: Language) -> str:
    """'name-version' of a loaded pipeline, for provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', '')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
