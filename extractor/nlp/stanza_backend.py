"""stanza pipelines behind the spaCy interface (``EXTRACTOR_PIPELINES`` value
``stanza:<folder>``).

The folder is a stanza resources folder, read and never downloaded to:
- one written by ``extractor train ner --backend stanza`` (``<lang>/ner/extractor.pt``
  beside an empty ``resources.json``), or
- one holding stanza's official models, fetched by a user with internet access with
  ``python -c "import stanza; stanza.download('kk', model_dir='FOLDER')"``; its
  ``resources.json`` says which processors the language has (pos, lemma, depparse, ner).

spaCy's tokenizer for the language splits words, and the sentencizer with news
paragraphs (:func:`.pipelines.paragraph_boundaries`) splits sentences, as for every
other pipeline, so the extractor's rules see the same tokens whichever backend ran;
stanza then reads those sentences pre-tokenized and its annotations become the Doc's:
entities, and where the folder's models have them, part of speech, lemma, morphology
and a dependency parse. stanza and torch are an optional install (``pip install
'who-said-what-extractor[stanza]'``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import ModelNotAvailableError
from .startup import STANZA_PREFIX

# The file our own training recipe writes under <folder>/<lang>/ner/.
OWN_NER_MODEL = "extractor.pt"
# stanza's entity types (its official models use CoNLL's and OntoNotes' names) -> ours.
LABELS = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "TITLE": "TITLE",
    "POSITION": "TITLE",
    "NORP": "NORP",
}
# stanza's parser scores every pair of a sentence's words, in time and memory growing with
# the square of its length: a longer run of words (a list, a run of marks) is read in
# pieces this long.
LONGEST_SENTENCE = 200
# stanza's processors the wrapper uses, in pipeline order (tokenization stays spaCy's).
PROCESSORS = ("pos", "lemma", "depparse", "ner")


def is_stanza(name: str) -> bool:
    """Whether a pipeline name from the settings names a stanza folder."""
    return name.startswith(STANZA_PREFIX)


def _stanza_pipeline(language: str, folder: Path) -> Any:
    try:
        import stanza
    except ImportError as exc:
        raise ModelNotAvailableError(
            "the stanza backend needs stanza and torch: pip install "
            "'who-said-what-extractor[stanza]'",
            pipeline=f"{STANZA_PREFIX}{folder}",
        ) from exc
    own = folder / language / "ner" / OWN_NER_MODEL
    resources_file = folder / "resources.json"
    common: dict[str, Any] = {
        "dir": str(folder),
        "download_method": None,
        "tokenize_pretokenized": True,
        "logging_level": "ERROR",
        "use_gpu": False,
    }
    if own.is_file():
        vectors = folder / language / "pretrain" / OWN_NER_MODEL
        if vectors.is_file():
            common["ner_pretrain_path"] = str(vectors)
        return stanza.Pipeline(
            language,
            processors="tokenize,ner",
            ner_model_path=str(own),
            allow_unknown_language=True,
            **common,
        )
    resources = (
        json.loads(resources_file.read_text(encoding="utf-8")) if resources_file.is_file() else {}
    )
    defaults = resources.get(language, {}).get("default_processors", {})
    processors = [p for p in PROCESSORS if p in defaults]
    if not processors or not (folder / language).is_dir():
        raise ModelNotAvailableError(
            f"no stanza models for {language!r} in {folder}: train one with `extractor train "
            f"ner --backend stanza --language {language} --output {folder}`, or fetch "
            f"stanza's with stanza.download({language!r}, model_dir={str(folder)!r})",
            pipeline=f"{STANZA_PREFIX}{folder}",
        )
    # The language's default package of each processor, as resources.json names them.
    chosen = {p: defaults[p] for p in ("tokenize", *processors) if p in defaults}
    return stanza.Pipeline(language, processors=chosen, **common)


@Language.factory("stanza", default_config={"folder": "", "language": ""})
def make_stanza_annotator(nlp: Language, name: str, folder: str, language: str) -> StanzaAnnotator:
    """The ``stanza`` component: the models of ``folder`` for ``language``."""
    return StanzaAnnotator(_stanza_pipeline(language, Path(folder)), name)


class StanzaAnnotator:
    """A spaCy component: runs stanza on the Doc's sentences (spaCy's tokens, whitespace
    tokens left out) and returns the Doc annotated with what stanza's models give."""

    def __init__(self, snlp: Any, name: str) -> None:
        self.snlp = snlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        words = [[t.i for t in sent if not t.is_space] for sent in doc.sents]
        sentences = [
            s[start : start + LONGEST_SENTENCE]
            for s in words
            for start in range(0, len(s), LONGEST_SENTENCE)
        ]
        if not sentences:
            return doc
        sdoc = self.snlp([[doc[i].text for i in s] for s in sentences])
        return self._annotated(doc, sentences, sdoc)

    def _annotated(self, doc: Doc, sentences: list[list[int]], sdoc: Any) -> Doc:
        n = len(doc)
        has_pos = "pos" in self.snlp.processors
        has_lemma = "lemma" in self.snlp.processors
        has_parse = "depparse" in self.snlp.processors
        pos: list[str] = ["SPACE" if t.is_space else "X" for t in doc]
        tags: list[str] = ["_SP" if t.is_space else "" for t in doc]
        lemmas: list[str] = [t.text for t in doc]
        morphs: list[str] = ["" for _ in doc]
        heads: list[int] = list(range(n))
        deps: list[str] = ["dep" if t.is_space else "" for t in doc]
        sent_starts: list[bool | int | None] = [False] * n
        ents: list[tuple[str, int, int]] = []
        for indices, sentence in zip(sentences, sdoc.sentences, strict=True):
            sent_starts[indices[0]] = True
            for i, word in zip(indices, sentence.words, strict=True):
                pos[i] = word.upos or "X"
                tags[i] = word.xpos or ""
                lemmas[i] = word.lemma or doc[i].text
                morphs[i] = word.feats or ""
                if has_parse and word.head:
                    heads[i] = indices[word.head - 1]
                deps[i] = (word.deprel or "dep") if has_parse else ""
            for ent in sentence.ents:
                label = LABELS.get(ent.type, ent.type)
                first = indices[ent.tokens[0].id[0] - 1]
                last = indices[ent.tokens[-1].id[-1] - 1]
                ents.append((label, first, last + 1))
        for i, token in enumerate(doc):
            # A whitespace token hangs on the token before it, inside its sentence.
            if token.is_space and i > 0 and not sent_starts[i]:
                heads[i] = i - 1
        new = Doc(
            doc.vocab,
            words=[t.text for t in doc],
            spaces=[bool(t.whitespace_) for t in doc],
            pos=pos if has_pos else None,
            tags=tags if has_pos else None,
            lemmas=lemmas if has_lemma else None,
            morphs=morphs if has_pos else None,
            heads=heads if has_parse else None,
            deps=deps if has_parse else None,
            sent_starts=None if has_parse else sent_starts,
        )
        new.ents = [Span(new, a, b, label=label) for label, a, b in ents]
        new.user_data.update(doc.user_data)
        return new


def stanza_pipeline(name: str, language: str) -> Language:
    """A spaCy pipeline for ``language`` whose annotations come from the stanza models in
    the folder named by ``name`` (``stanza:<folder>``)."""
    from .pipelines import paragraph_boundaries  # noqa: F401  (registers the component)

    folder = Path(name[len(STANZA_PREFIX) :]).expanduser()
    if not folder.is_dir():
        raise ModelNotAvailableError(
            f"stanza resources folder {str(folder)!r} does not exist", pipeline=name
        )
    try:
        nlp = spacy.blank(language)
    except ImportError:  # no spaCy language class (Kazakh): the multi-language one
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("paragraph_boundaries", after="sentencizer")
    nlp.add_pipe("stanza", config={"folder": str(folder), "language": language})
    nlp.meta["name"] = f"stanza_{folder.name}"
    nlp.meta["version"] = _stanza_version()
    return nlp


def _stanza_version() -> str:
    import stanza

    return str(stanza.__version__)
