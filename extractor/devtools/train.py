"""Training recipe for the project's own NER pipelines (``extractor train ner``).

One spaCy pipeline (tok2vec + ner) per language, trained on the token-tagged corpora
under ``<shared_dir>/data`` with our labels (PERSON, ORG, GPE, LOC, TITLE), and written
to ``models/<code>_ner``. Closely related languages share data: Azerbaijani trains on
az-ner plus Turkish. The model card (models/README.md) records data, licences, scores
and this command.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InvalidInputError
from ..settings import MODELS_DIR
from .corpora import NER_CORPUS_LANGUAGE, TaggedSentence, ner_corpus

if TYPE_CHECKING:
    from spacy.tokens import Doc

# language -> [(corpus, times repeated in the training data)]; the dev set that picks
# the best checkpoint is the dev blocks of the corpora in DEV_SETS (default: the first).
TRAINING_SETS: dict[str, list[tuple[str, int]]] = {
    "tr": [("turkish-wiki-ner", 1), ("turkish-news-ner", 1)],
    "az": [("az-ner", 4), ("turkish-wiki-ner", 1), ("turkish-news-ner", 1)],
    "kk": [("kaznerd", 1)],
    "ru": [("nerel", 1)],
}
# spaCy language classes: Kazakh has none, the multi-language tokenizer serves.
SPACY_LANG = {"tr": "tr", "az": "az", "kk": "xx", "ru": "ru"}
LABELS = ("PERSON", "ORG", "GPE", "LOC", "TITLE")
# Languages whose models add natasha's pretrained word vectors (extractor.nlp.embeddings):
# Russian news vectors, which also know the Russian words and names in Kazakh text and
# the Latin-script names and brands in Turkish text.
# The value is the share of tokens that lose their vector in training (see
# ``NavecVectors``): Kazakh names are mostly missing from the table.
NAVEC_LANGUAGES = {"ru": 0.0, "tr": 0.0, "kk": 0.25}
# NEREL's nested types -> the flat labels of the Russian model (natasha finds places).
NEREL_LABELS = {"PERSON": "PERSON", "ORGANIZATION": "ORG", "PROFESSION": "TITLE"}
# Corpora that annotate no job titles (Milliyet: PER, LOC, ORG only).
NO_TITLES = {"turkish-news-ner"}


def _nerel_docs(split: str, shared_dir: Path | None) -> Iterator[Doc]:
    """NEREL documents as spaCy Docs with flat entities: NEREL nests ("глава МВД" is a
    PROFESSION holding the ORGANIZATION "МВД"), so the outermost span wins, the longer
    one where two overlap."""
    import spacy
    from spacy.tokens import Span

    from .corpora import nerel

    nlp = spacy.blank("ru")
    for brat in nerel(split, shared_dir):
        doc = nlp.make_doc(brat.text)
        spans = sorted(
            (
                (pieces[0][0], pieces[-1][1], NEREL_LABELS[label])
                for label, pieces, _ in brat.spans.values()
                if label in NEREL_LABELS and len(pieces) == 1
            ),
            key=lambda s: (s[0] - s[1], s[0]),
        )
        ents: list[Span] = []
        for a, b, label in spans:
            span = doc.char_span(a, b, label=label, alignment_mode="expand")
            if span is not None and not any(
                e.start < span.end and span.start < e.end for e in ents
            ):
                ents.append(span)
        doc.ents = sorted(ents, key=lambda e: e.start)
        yield doc


def _nerel_docbin(split: str, path: Path, shared_dir: Path | None, times: int = 1) -> None:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    for doc in _nerel_docs(split, shared_dir):
        for _ in range(times):
            db.add(doc)
    db.to_disk(path)


def nerel_sentences(split: str, shared_dir: Path | None = None) -> list[TaggedSentence]:
    """NEREL's documents as tagged sentences (the flat entities of :func:`_nerel_docs`,
    sentences as the extractor splits them), for trainers that read sentences."""
    import spacy

    sentencizer = spacy.blank("ru").add_pipe("sentencizer")
    out: list[TaggedSentence] = []
    for doc in _nerel_docs(split, shared_dir):
        doc = sentencizer(doc)
        for sent in doc.sents:
            tokens = [t for t in sent if not t.is_space]
            if tokens:
                tags = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in tokens]
                out.append(TaggedSentence([t.text for t in tokens], tags))
    return out


def _docbin(sentences: Sequence[TaggedSentence], lang: str, path: Path) -> None:
    import spacy
    from spacy.tokens import Doc, DocBin

    nlp = spacy.blank(lang)
    db = DocBin(store_user_data=False)
    for s in sentences:
        # A tag "" leaves the token unannotated (see without_titles).
        doc = Doc(nlp.vocab, words=s.words, spaces=[True] * len(s.words), ents=list(s.tags))
        db.add(doc)
    db.to_disk(path)


_SUFFIX = re.compile(r"^['’]\w+$")


def joined_suffixes(sentences: Sequence[TaggedSentence]) -> list[TaggedSentence]:
    """Sentences with a case ending set off as its own token ("Kohl", "'ün") joined to
    its word ("Kohl'ün"), as the extractor joins them in tokenized text
    (:mod:`extractor.nlp.spacing`) before its models see it; the word keeps its tag."""
    out = []
    for s in sentences:
        words: list[str] = []
        tags: list[str] = []
        for word, tag in zip(s.words, s.tags, strict=True):
            if words and _SUFFIX.match(word) and words[-1][-1:].isalnum():
                words[-1] += word
                continue
            words.append(word)
            tags.append(tag)
        out.append(TaggedSentence(words, tags))
    return out


def without_titles(sentences: Sequence[TaggedSentence], language: str) -> list[TaggedSentence]:
    """Sentences of a corpus that annotates no job titles, with the words that head a
    title in ``language`` ("Başbakan", "bakanı"), and the modifiers right before them
    ("Dışişleri"), left unannotated instead of taught as no entity: the other corpora's
    titles are not unlearnt."""
    from ..language import get_lang

    lang = get_lang(language)
    out = []
    for s in sentences:
        tags = list(s.tags)
        for i, word in enumerate(s.words):
            if tags[i] != "O" or word.lower() not in lang.title_heads:
                continue
            tags[i] = ""
            j = i - 1
            while j >= 0 and tags[j] == "O" and s.words[j].lower() in lang.title_modifiers:
                tags[j] = ""
                j -= 1
        out.append(TaggedSentence(s.words, tags))
    return out


def config(language: str, steps: int, width: int, encoder: str | None = None) -> str:
    """The spaCy training config for ``language`` (efficiency CNN, our labels); with
    ``encoder`` "e5", the encoder's token states are features too (accurate pipeline)."""
    from spacy.cli.init_config import init_config

    from ..nlp import embeddings  # noqa: F401  (registers extractor.NavecHashEmbed.v1)

    cfg = init_config(lang=SPACY_LANG[language], pipeline=["ner"], optimize="efficiency")
    cfg["training"]["max_steps"] = steps
    cfg["training"]["eval_frequency"] = 500
    cfg["training"]["patience"] = 3000
    cfg["components"]["tok2vec"]["model"]["encode"]["width"] = width
    cfg["components"]["tok2vec"]["model"]["embed"]["width"] = width
    cfg["nlp"]["batch_size"] = 256
    if encoder == "e5":
        embed = cfg["components"]["tok2vec"]["model"]["embed"]
        embed["@architectures"] = "extractor.E5HashEmbed.v1"
        del embed["include_static_vectors"]
        embed["navec"] = language in NAVEC_LANGUAGES
    elif language in NAVEC_LANGUAGES:
        embed = cfg["components"]["tok2vec"]["model"]["embed"]
        embed["@architectures"] = "extractor.NavecHashEmbed.v1"
        del embed["include_static_vectors"]
        if NAVEC_LANGUAGES[language]:
            embed["word_dropout"] = NAVEC_LANGUAGES[language]
    text: str = cfg.to_str()
    return text


def training_sets(
    language: str, corpora: Sequence[tuple[str, int]] | None = None
) -> list[tuple[str, int]]:
    """The (corpus, times repeated) a model of ``language`` trains on: ``corpora``, or
    the language's recipe; a clear error for an unknown language or corpus."""
    if language not in TRAINING_SETS:
        raise InvalidInputError(
            f"no NER training data for {language!r}; trainable: {', '.join(TRAINING_SETS)}"
        )
    sets = list(corpora or TRAINING_SETS[language])
    for corpus, times in sets:
        if corpus not in NER_CORPUS_LANGUAGE or times < 1:
            raise InvalidInputError(
                f"unknown NER corpus {corpus!r} (or times < 1); known: "
                + ", ".join(NER_CORPUS_LANGUAGE),
                corpus=corpus,
            )
    return sets


def _sentences(corpus: str, split: str, shared_dir: Path | None) -> list[TaggedSentence]:
    if corpus == "nerel":
        return nerel_sentences(split, shared_dir)
    return ner_corpus(corpus, split, shared_dir)


def training_data(
    language: str,
    sets: Sequence[tuple[str, int]],
    shared_dir: Path | None,
    *,
    seed: int = 0,
    limit: int | None = None,
) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    """(train, dev) sentences as the models are taught them: the training blocks of
    ``sets`` (each repeated its times, shuffled with ``seed``; the first ``limit`` of
    each), and the dev blocks of the corpora in ``language`` itself (else the first
    corpus's), read as the extractor reads text (:func:`joined_suffixes`), with the
    title words of a corpus without titles unannotated (:func:`without_titles`)."""
    train: list[TaggedSentence] = []
    for corpus, times in sets:
        sentences = _sentences(corpus, "train", shared_dir)[:limit]
        if corpus in NO_TITLES:
            sentences = without_titles(sentences, NER_CORPUS_LANGUAGE[corpus])
        train.extend(joined_suffixes(sentences) * times)
    random.Random(seed).shuffle(train)
    own = [c for c, _ in sets if NER_CORPUS_LANGUAGE[c] == language] or [sets[0][0]]
    dev = joined_suffixes([s for c in own for s in _sentences(c, "dev", shared_dir)])
    if limit is not None:
        dev = dev[: max(1, limit // 5)]
    return train, dev


def train_ner(
    language: str,
    output: Path | None = None,
    *,
    steps: int = 8000,
    width: int = 128,
    shared_dir: Path | None = None,
    seed: int = 0,
    corpora: Sequence[tuple[str, int]] | None = None,
    encoder: str | None = None,
) -> Path:
    """Train the NER pipeline for ``language``; returns the folder of the best model.
    ``corpora`` replaces the language's training sets ([(corpus, times repeated)]); the
    dev blocks of every corpus of the language itself pick the best checkpoint. With
    ``encoder`` ("e5"), the accurate pipeline, by default into models/<code>_ner_e5."""
    from spacy.cli.train import train

    from ..nlp.embeddings import remember_encodings

    sets = training_sets(language, corpora)
    name = f"{language}_ner" + (f"_{encoder}" if encoder else "")
    output = output or MODELS_DIR / name
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        lang = SPACY_LANG[language]
        if any(corpus == "nerel" for corpus, _ in sets):
            if len(sets) > 1:
                raise InvalidInputError("NEREL trains alone (its documents are not sentences)")
            _nerel_docbin("train", work / "train.spacy", shared_dir)
            _nerel_docbin("dev", work / "dev.spacy", shared_dir)
        else:
            train_sents, dev = training_data(language, sets, shared_dir, seed=seed)
            _docbin(train_sents, lang, work / "train.spacy")
            _docbin(dev, lang, work / "dev.spacy")
        (work / "config.cfg").write_text(config(language, steps, width, encoder), encoding="utf-8")
        remember_encodings(encoder is not None)
        try:
            train(
                work / "config.cfg",
                work / "out",
                overrides={
                    "paths.train": str(work / "train.spacy"),
                    "paths.dev": str(work / "dev.spacy"),
                    "system.seed": seed,
                },
            )
        finally:
            remember_encodings(False)
        best = work / "out" / "model-best"
        _finish(best, name)
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(best, output)
    return output


def _finish(path: Path, name: str) -> None:
    """Name the model in its meta.json."""
    language = name.split("_")[0]
    meta_path = path / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["name"] = name
    meta["lang"] = meta.get("lang", SPACY_LANG[language])
    labels = meta.get("labels", {}).get("ner", LABELS)
    meta["description"] = f"NER for {language} ({', '.join(labels)}); see models/README.md"
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
