"""Pretrained Russian word vectors for our own spaCy models.

natasha ships navec's news embeddings in its wheel (250,000 lowercased words, 300
dimensions, product-quantized to 100 bytes a word). ``extractor.NavecHashEmbed.v1`` is
spaCy's ``MultiHashEmbed`` with these vectors in place of a vocab's vectors table: the
hash embeddings of each token's form, prefix, suffix and shape are concatenated with a
learned projection of its navec vector. The vectors are read from the installed
natasha package when a model is built, never stored in the model folder, and the table
is the one natasha's own taggers use, loaded once per process.
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
        init=_navec_init,
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
    V = model.ops.asarray2f(cast(Floats2d, vectors))
    output = Ragged(model.ops.gemm(V, W, trans2=True), lengths)

    def backprop(d_output: Ragged) -> list[Doc]:
        model.inc_grad("W", model.ops.gemm(cast(Floats2d, d_output.data), V, trans1=True))
        return []

    return output, backprop


def _navec_init(
    model: Model[list[Doc], Ragged], X: Any = None, Y: Ragged | None = None
) -> Model[list[Doc], Ragged]:
    if Y is not None:
        model.set_dim("nO", Y.data.shape[1])
    model.set_param("W", glorot_uniform_init(model.ops, (model.get_dim("nO"), NAVEC_WIDTH)))
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
