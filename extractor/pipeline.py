"""Loading spaCy pipelines, once per process, with the extractor's own components."""

from __future__ import annotations

import threading
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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


@cache
def _load(name: str) -> Language:
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
