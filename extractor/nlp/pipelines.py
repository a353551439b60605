"""Loading spaCy pipelines, once per process, with the extractor's own components:
news paragraphs as sentence boundaries, natasha for Russian, the project's models."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from ..errors import ModelNotAvailableError
from . import embeddings  # noqa: F401  (registers the architecture of our models)
from .natasha import natasha_pipeline
from .stanza_backend import is_stanza, stanza_pipeline
from .startup import NATASHA, title_model
from .tokenizer import BoundedTokenizer

_lock = threading.Lock()


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: news paragraphs, headlines and datelines stand alone.
    The stop after a name's initial ends none.

    Runs before the parser, which keeps boundaries that are already set.
    """
    # Set all at once: spaCy checks the whole Doc each time one token's is set.
    starts = doc.to_array([SENT_START]).astype("int64").ravel()  # 1 starts, -1 not, 0 unset
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            starts[token.i] = 1
        elif (
            starts[token.i] == 1
            and follows_initial(doc, token.i)
            and token.is_title
            and not token.is_stop
        ):
            # The stop of an initial ends no sentence: "A. Hüseynov", "R . M . Qliyer".
            starts[token.i] = -1
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
    return doc


def follows_initial(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a name's initial and its stop ("A." or "A" "."), or
    one written close up to the name ("Дж.Коми", "А.Лукашенко")."""
    previous = doc[i - 1].text
    if len(previous) == 2 and previous[0].isupper() and previous[1] == ".":
        return True
    if previous != "." or i < 2:
        return False
    initial = doc[i - 2].text
    # Not a unit after a number: "перегрузки до 10 G. Из-за ...".
    if i >= 3 and doc[i - 3].like_num:
        return False
    if len(initial) == 1 and initial.isupper():
        return True
    close_up = not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
    return close_up and len(initial) == 2 and initial.istitle() and initial.isalpha()


@cache
def _load(name: str, language: str | None) -> Language:
    nlp = _load_pipeline(name, language)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    return nlp


def _load_pipeline(name: str, language: str | None) -> Language:
    if is_stanza(name):
        if language is None:
            raise ModelNotAvailableError("a stanza pipeline needs its language", pipeline=name)
        return stanza_pipeline(name, language)
    if name == NATASHA:
        # The parse sets the sentences anew; the sentencizer serves the title model.
        nlp = natasha_pipeline(title_model(), syntax=True)
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


def load_pipeline(name: str, language: str | None = None) -> Language:
    """The spaCy pipeline ``name`` with the extractor's components; loaded once.
    ``stanza:<folder>`` names stanza's models in a local folder (:mod:`.stanza_backend`),
    which serve the ``language`` given."""
    with _lock:
        return _load(name, language if is_stanza(name) else None)


# The rule lemmatizer keeps every word's lemmas it has found (spaCy's ``Lemmatizer.cache``):
# a process reading new words for long empties it past this many.
LEMMA_CACHE = 50_000
_readers: dict[int, threading.RLock] = {}


@contextmanager
def reading(nlp: Language, *, zone: bool = True) -> Iterator[None]:
    """A block in which ``nlp`` reads text for one thread at a time; with ``zone``, in a
    memory zone: the strings and lexemes of the words it reads for the first time
    (names, numbers, misspellings) are freed at the block's end, so that a process
    reading text for ever keeps its string store and lexicon at the size they had. Docs
    made in a zone must not be read after it. A block opened inside a zone is part of
    that zone."""
    with _lock:
        reader = _readers.setdefault(id(nlp.vocab), threading.RLock())
    with reader:
        if not zone or getattr(nlp.vocab, "in_memory_zone", False):
            yield
            return
        try:
            with nlp.memory_zone():
                yield
        finally:
            for _, component in nlp.pipeline:
                if isinstance(component, Lemmatizer) and len(component.cache) > LEMMA_CACHE:
                    component.cache.clear()


def describe(nlp: Language) -> str:
    """'name-version' of a loaded pipeline, for provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', '')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
