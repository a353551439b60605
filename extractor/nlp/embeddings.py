"""Pretrained features for our own spaCy models: navec's Russian word vectors and the
multilingual encoder's token states.

natasha ships navec's news embeddings in its wheel (250,000 lowercased words, 300
dimensions, product-quantized to 100 bytes a word). ``extractor.NavecHashEmbed.v1`` is
spaCy's ``MultiHashEmbed`` with these vectors in place of a vocab's vectors table: the
hash embeddings of each token's form, prefix, suffix and shape are concatenated with a
learned projection of its navec vector. The vectors are read from the installed
natasha package when a model is built, never stored in the model folder, and the table
is the one natasha's own taggers use, loaded once per process.

``extractor.E5HashEmbed.v1`` (the accurate pipelines) adds, the same way, a learned
projection of each token's state in multilingual-e5-small (:mod:`.encoder`), frozen:
the encoder runs once per sentence, and in training its output is kept per sentence
(:func:`remember_encodings`), since the same sentences come back every epoch.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, cast

import numpy as np
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.initializers import glorot_uniform_init
from thinc.types import Floats2d, Ragged

NAVEC_WIDTH = 300
_SLICE = 2048  # tokens whose vectors are decoded at once when tagging


@cache
def news_embedding() -> Any:
    """natasha's ``NewsEmbedding`` (navec), shared with natasha's taggers."""
    from natasha import NewsEmbedding

    return NewsEmbedding()


class NavecTable:
    """Words to navec vectors, decoded from the product quantization on demand."""

    def __init__(self, embedding: Any) -> None:
        self.ids: dict[str, int] = embedding.vocab.word_ids
        self.indexes: np.ndarray = embedding.pq.indexes  # (words, 100) uint8
        self.codes: np.ndarray = embedding.pq.codes  # (100, 256, 3)
        self.unknown = -1
        self._columns = np.arange(self.codes.shape[0])

    def row(self, word: str) -> int:
        lower = word.lower()
        found = self.ids.get(lower)
        if found is None and "ё" in lower:
            found = self.ids.get(lower.replace("ё", "е"))
        return self.unknown if found is None else found

    def vectors(self, words: list[str]) -> np.ndarray:
        """(len(words), 300) float32; unknown words are zero vectors."""
        rows = np.array([self.row(w) for w in words], dtype=np.int64)
        out = np.zeros((len(words), NAVEC_WIDTH), dtype=np.float32)
        known = rows >= 0
        if known.any():
            codes = self.codes[self._columns[None, :], self.indexes[rows[known]]]
            out[known] = codes.reshape(int(known.sum()), NAVEC_WIDTH)
        return out


@cache
def navec_table() -> NavecTable:
    return NavecTable(news_embedding())


def NavecVectors(nO: int | None = None, word_dropout: float = 0.0) -> Model[list[Doc], Ragged]:
    """Each token's navec vector through a learned linear projection to ``nO``. In
    training, ``word_dropout`` of the tokens lose their vector, so that the model also
    learns to tag the words the table does not know (most Kazakh names)."""
    return Model(
        "navec_vectors",
        _navec_forward,
        init=_projection_init,
        params={"W": None},
        attrs={"word_dropout": word_dropout},
        dims={"nO": nO, "nM": NAVEC_WIDTH},
    )


def _navec_forward(
    model: Model[list[Doc], Ragged], docs: list[Doc], is_train: bool
) -> tuple[Ragged, Callable[[Ragged], list[Doc]]]:
    lengths = model.ops.asarray1i([len(doc) for doc in docs])
    words = [token.text for doc in docs for token in doc]
    if not words:
        empty = Ragged(model.ops.alloc2f(0, model.get_dim("nO")), lengths)
        return empty, lambda d: []
    W = cast(Floats2d, model.ops.as_contig(model.get_param("W")))
    if not is_train:
        # Projected a slice at a time: a batch's full vectors (300 floats a token) are
        # never held at once.
        table = navec_table()
        parts = [
            model.ops.gemm(
                model.ops.asarray2f(cast(Floats2d, table.vectors(words[i : i + _SLICE]))),
                W,
                trans2=True,
            )
            for i in range(0, len(words), _SLICE)
        ]
        return Ragged(model.ops.xp.vstack(parts), lengths), lambda d: []
    vectors = navec_table().vectors(words)
    rate = float(model.attrs.get("word_dropout", 0.0))
    if rate > 0:
        vectors[np.random.random(len(words)) < rate] = 0.0
    return _project(model, vectors, lengths)


def _project(
    model: Model[list[Doc], Ragged], vectors: np.ndarray, lengths: Any
) -> tuple[Ragged, Callable[[Ragged], list[Doc]]]:
    """Static vectors (tokens, nM) through the layer's learned ``W``, with its gradient."""
    W = cast(Floats2d, model.ops.as_contig(model.get_param("W")))
    V = model.ops.asarray2f(cast(Floats2d, vectors))
    output = Ragged(model.ops.gemm(V, W, trans2=True), lengths)

    def backprop(d_output: Ragged) -> list[Doc]:
        model.inc_grad("W", model.ops.gemm(cast(Floats2d, d_output.data), V, trans1=True))
        return []

    return output, backprop


def _projection_init(
    model: Model[list[Doc], Ragged], X: Any = None, Y: Ragged | None = None
) -> Model[list[Doc], Ragged]:
    if Y is not None:
        model.set_dim("nO", Y.data.shape[1])
    shape = (model.get_dim("nO"), model.get_dim("nM"))
    model.set_param("W", glorot_uniform_init(model.ops, shape))
    return model


@registry.architectures("extractor.NavecHashEmbed.v1")
def navec_hash_embed(
    width: int, attrs: list[str], rows: list[int], word_dropout: float = 0.0
) -> Model[list[Doc], list[Floats2d]]:
    """``MultiHashEmbed`` with navec's vectors as the static vectors (see module doc)."""
    embeddings: list[Model[Any, Any]] = [
        HashEmbed(width, n_rows, column=i, seed=8 + i, dropout=0.0) for i, n_rows in enumerate(rows)
    ]
    features: Model[list[Doc], Ragged] = chain(
        FeatureExtractor(attrs), list2ragged(), with_array(concatenate(*embeddings))
    )
    max_out: Model[Ragged, Ragged] = with_array(
        Maxout(width, width * (len(attrs) + 1), nP=3, dropout=0.0, normalize=True)
    )
    model: Model[list[Doc], list[Floats2d]] = chain(
        concatenate(features, NavecVectors(width, word_dropout)), max_out, ragged2list()
    )
    return model


E5_WIDTH = 384
_encodings: dict[tuple[str, int], np.ndarray] | None = None


def remember_encodings(on: bool) -> None:
    """Keep (``on``) or stop keeping each sentence's encoder states; for training,
    where every epoch reads the same sentences."""
    global _encodings
    _encodings = {} if on else None


def _sentences(doc: Doc) -> list[Any]:
    if doc.has_annotation("SENT_START"):
        return list(doc.sents)
    return [doc[:]]


def encode_docs(docs: list[Doc]) -> np.ndarray:
    """(tokens of all docs, 384) float32: each token's encoder state, sentence by
    sentence (the whole doc where no sentences are set)."""
    from .encoder import encoder

    spans = [span for doc in docs for span in _sentences(doc)]
    found: list[np.ndarray | None] = [None] * len(spans)
    missing: list[int] = []
    for i, span in enumerate(spans):
        if _encodings is not None:
            found[i] = _encodings.get((span.text, len(span)))
        if found[i] is None:
            missing.append(i)
    if missing:
        sentences = [
            [(t.text, t.i == spans[i].start or bool(t.nbor(-1).whitespace_)) for t in spans[i]]
            for i in missing
        ]
        for i, states in zip(missing, encoder().token_vectors(sentences), strict=True):
            found[i] = states
            if _encodings is not None:
                _encodings[(spans[i].text, len(spans[i]))] = states.astype(np.float16)
    parts = [a for a in found if a is not None]
    if not parts:
        return np.zeros((0, E5_WIDTH), dtype=np.float32)
    return np.concatenate(parts).astype(np.float32)


def E5Vectors(nO: int | None = None) -> Model[list[Doc], Ragged]:
    """Each token's encoder state through a learned linear projection to ``nO``."""
    return Model(
        "e5_vectors",
        _e5_forward,
        init=_projection_init,
        params={"W": None},
        dims={"nO": nO, "nM": E5_WIDTH},
    )


def _e5_forward(
    model: Model[list[Doc], Ragged], docs: list[Doc], is_train: bool
) -> tuple[Ragged, Callable[[Ragged], list[Doc]]]:
    lengths = model.ops.asarray1i([len(doc) for doc in docs])
    return _project(model, encode_docs(docs), lengths)


@registry.architectures("extractor.E5HashEmbed.v1")
def e5_hash_embed(
    width: int, attrs: list[str], rows: list[int], navec: bool = False
) -> Model[list[Doc], list[Floats2d]]:
    """``MultiHashEmbed`` with the encoder's token states (and navec's vectors, with
    ``navec``) as static features (see module doc). Without the encoder installed,
    a clear error when the model is built, not at its first sentence."""
    from .encoder import model_file

    model_file()
    embeddings: list[Model[Any, Any]] = [
        HashEmbed(width, n_rows, column=i, seed=8 + i, dropout=0.0) for i, n_rows in enumerate(rows)
    ]
    features: Model[list[Doc], Ragged] = chain(
        FeatureExtractor(attrs), list2ragged(), with_array(concatenate(*embeddings))
    )
    static: list[Model[list[Doc], Ragged]] = [E5Vectors(width)]
    if navec:
        static.append(NavecVectors(width))
    max_out: Model[Ragged, Ragged] = with_array(
        Maxout(width, width * (len(attrs) + len(static)), nP=3, dropout=0.0, normalize=True)
    )
    model: Model[list[Doc], list[Floats2d]] = chain(
        concatenate(features, *static), max_out, ragged2list()
    )
    return model
