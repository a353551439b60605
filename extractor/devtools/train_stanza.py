"""Training recipe for stanza NER models (``extractor train ner --backend stanza``).

The same corpora and splits as the spaCy recipe (:mod:`.train`): the training blocks to
train on, the dev blocks to pick the best checkpoint. stanza's NER tagger (a character
and word BiLSTM with a CRF) reads pretrained word vectors: here natasha's navec vectors
(the table our spaCy models use), cut to the words of the corpora so that the model
folder stays small. The result is a stanza resources folder that
``EXTRACTOR_PIPELINES='{"kk": "stanza:<folder>"}'`` loads
(:mod:`extractor.nlp.stanza_backend`).
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import InvalidInputError, ModelNotAvailableError
from ..nlp.stanza_backend import OWN_NER_MODEL
from .corpora import TaggedSentence
from .train import training_data, training_sets

# The file of word vectors beside the model: <folder>/<lang>/pretrain/<this>.
OWN_PRETRAIN = "extractor.pt"
# Network sizes: stanza's defaults, and a small one for tests and quick trials.
SIZES = {
    "default": {"hidden_dim": 256, "char_hidden_dim": 100, "char_emb_dim": 100},
    "small": {"hidden_dim": 32, "char_hidden_dim": 16, "char_emb_dim": 16},
}


def _write_json(sentences: Sequence[TaggedSentence], path: Path) -> None:
    rows = [
        [{"text": w, "ner": t} for w, t in zip(s.words, s.tags, strict=True)] for s in sentences
    ]
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def _write_vectors(sentences: Sequence[TaggedSentence], path: Path) -> int:
    """navec's vectors of the corpus words it knows, as a word2vec text file; returns
    how many words were written."""
    from ..nlp.embeddings import navec_table

    table = navec_table()
    words = sorted({w.lower() for s in sentences for w in s.words if table.row(w) >= 0})
    if not words:
        return 0
    vectors = table.vectors(words)
    with path.open("w", encoding="utf-8") as out:
        out.write(f"{len(words)} {vectors.shape[1]}\n")
        for word, vector in zip(words, vectors, strict=True):
            out.write(word + " " + " ".join(f"{x:.5f}" for x in vector) + "\n")
    return len(words)


def train_stanza_ner(
    language: str,
    output: Path,
    *,
    steps: int = 8000,
    shared_dir: Path | None = None,
    seed: int = 0,
    corpora: Sequence[tuple[str, int]] | None = None,
    size: str = "default",
    limit: int | None = None,
) -> Path:
    """Train stanza's NER tagger for ``language`` into the resources folder ``output``
    (``<output>/<language>/ner/extractor.pt``, its vectors under ``pretrain/``); returns
    ``output``. ``limit`` trains on the first N training sentences only (tests)."""
    try:
        from stanza.models import ner_tagger
    except ImportError as exc:
        raise ModelNotAvailableError(
            "training with stanza needs stanza and torch: pip install "
            "'who-said-what-extractor[stanza]'"
        ) from exc
    sets = training_sets(language, corpora)
    if size not in SIZES:
        raise InvalidInputError(f"unknown size {size!r}; use {' or '.join(SIZES)}")
    train, dev = training_data(language, sets, shared_dir, seed=seed, limit=limit)

    model_dir = output / language / "ner"
    pretrain_dir = output / language / "pretrain"
    model_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        _write_json(train, work / "train.json")
        _write_json(dev, work / "dev.json")
        args = [
            "--train_file", str(work / "train.json"),
            "--eval_file", str(work / "dev.json"),
            "--save_dir", str(model_dir),
            "--save_name", OWN_NER_MODEL,
            "--shorthand", f"{language}_extractor",
            "--max_steps", str(steps),
            "--eval_interval", str(max(50, min(500, steps // 10))),
            "--seed", str(seed),
            "--cpu",
        ]  # fmt: skip
        for key, value in SIZES[size].items():
            args += [f"--{key}", str(value)]
        if _write_vectors(train + dev, work / "vectors.txt"):
            from stanza.models.common.pretrain import Pretrain

            pretrain_dir.mkdir(parents=True, exist_ok=True)
            Pretrain(str(pretrain_dir / OWN_PRETRAIN), str(work / "vectors.txt")).load()
            args += ["--wordvec_pretrain_file", str(pretrain_dir / OWN_PRETRAIN)]
        else:
            args += ["--no_pretrain"]
        logging.getLogger("stanza").setLevel(logging.INFO)
        ner_tagger.main(args)
    (output / "resources.json").write_text("{}\n", encoding="utf-8")
    return output
