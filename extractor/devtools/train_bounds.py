"""Training the quote boundary model (``extractor train quotes``; quotes/bounds.py).

The finders run on PolNeAR's training block without the model; each proposal of a
reported content that meets an annotated content (overlap >= 0.3) gives two ranking
examples: its candidate starts, the annotated start among them, and its candidate ends.
An averaged perceptron learns to rank them. The final block and dev are never read.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InvalidInputError
from ..quotes.bounds import BoundsModel, Proposal, model_path
from .corpora import BratDoc, polnear
from .evaluation import overlap, polnear_gold

# A gold bound this many characters from the nearest candidate is out of reach.
SLACK = 2


@dataclass
class Example:
    """One ranking: the candidates' features and the index of the right one."""

    features: list[list[int]]
    gold: int
    proposed: int  # the finder's own bound among the candidates
    # What choosing each candidate costs: its distance from the annotated bound, as a
    # share of the annotated content's length (the overlap it loses), at most 1.
    costs: list[float] = field(default_factory=list)


@dataclass
class Examples:
    starts: list[Example] = field(default_factory=list)
    ends: list[Example] = field(default_factory=list)
    names: dict[str, int] = field(default_factory=dict)
    proposals: int = 0
    matched: int = 0

    def ids(self, feats: list[str]) -> list[int]:
        return [self.names.setdefault(f, len(self.names)) for f in feats]


def _ranking(
    examples: Examples,
    candidates: list[tuple[int, list[str]]],
    target: int,
    where: list[int],
    proposed: int,
    length: int = 1,
) -> Example | None:
    """The example whose right answer is the candidate nearest ``target`` (a character
    offset; ``where`` gives each candidate's), or None where none is within SLACK."""
    if not candidates:
        return None
    best = min(range(len(candidates)), key=lambda k: abs(where[k] - target))
    if abs(where[best] - target) > SLACK:
        return None
    at = next((k for k, (p, _) in enumerate(candidates) if p == proposed), -1)
    costs = [min(1.0, abs(w - target) / max(length, 1)) for w in where]
    return Example([examples.ids(f) for _, f in candidates], best, at, costs)


def collect(docs: Sequence[BratDoc]) -> Examples:
    """Ranking examples from the finders' proposals on ``docs``."""
    from ..entities.mentions import find_mentions
    from ..extract import Extractor
    from ..language import get_lang
    from ..quotes.finder import find_quotes

    lang = get_lang("en")
    nlp = Extractor().nlp("en")
    out = Examples()
    for bdoc, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        golds = polnear_gold(bdoc)
        found = find_mentions(doc, nlp, lang)
        for q in find_quotes(doc, found, lang, learned_bounds=False):
            proposal = Proposal.of(doc, q, lang)
            if proposal is None:
                continue
            out.proposals += 1
            best = max(
                golds, key=lambda g: overlap((q.start, q.end), (g.start, g.end)), default=None
            )
            if best is None or overlap((q.start, q.end), (best.start, best.end)) < 0.3:
                continue
            out.matched += 1
            starts = list(proposal.starts())
            length = best.end - best.start
            ex = _ranking(
                out, starts, best.start, [doc[i].idx for i, _ in starts], proposal.ts, length
            )
            if ex is not None:
                out.starts.append(ex)
            ends = list(proposal.ends())
            ends_at = [doc[j - 1].idx + len(doc[j - 1].text) for j, _ in ends]
            ex = _ranking(out, ends, best.end, ends_at, proposal.te, length)
            if ex is not None:
                out.ends.append(ex)
    return out


def perceptron(examples: Sequence[Example], size: int, epochs: int, seed: int = 0) -> list[float]:
    """Averaged perceptron weights for ranking each example's candidates."""
    w = [0.0] * size
    total = [0.0] * size  # sum of the weights over every step (for the average)
    stamp = [0] * size  # the step each weight last changed
    step = 0
    order = list(range(len(examples)))
    rng = random.Random(seed)

    def score(feats: list[int]) -> float:
        return sum(w[f] for f in feats)

    def bump(feats: list[int], delta: float) -> None:
        for f in feats:
            total[f] += (step - stamp[f]) * w[f]
            stamp[f] = step
            w[f] += delta

    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            ex = examples[k]
            step += 1
            guess = max(range(len(ex.features)), key=lambda c: score(ex.features[c]))
            if guess != ex.gold:
                # (Cost-sensitive: a guess a word off matters less than one a clause off.)
                cost = ex.costs[guess] if ex.costs else 1.0
                if cost > 0:
                    bump(ex.features[ex.gold], cost)
                    bump(ex.features[guess], -cost)
    return [(total[f] + (step - stamp[f]) * w[f]) / step for f in range(size)]


def accuracy(examples: Sequence[Example], weights: Sequence[float]) -> float:
    right = sum(
        max(range(len(ex.features)), key=lambda c: sum(weights[f] for f in ex.features[c]))
        == ex.gold
        for ex in examples
    )
    return right / len(examples) if examples else 0.0


def _proposed_right(examples: Sequence[Example]) -> float:
    return sum(ex.proposed == ex.gold for ex in examples) / len(examples) if examples else 0.0


@dataclass
class TrainReport:
    path: Path
    examples: Examples
    start_accuracy: float
    end_accuracy: float
    start_baseline: float
    end_baseline: float
    features: int

    def text(self) -> str:
        e = self.examples
        return "\n".join(
            [
                f"proposals of reported contents: {e.proposals}, meeting an annotated one: "
                f"{e.matched}",
                f"annotated start within reach: {len(e.starts)}, end: {len(e.ends)}",
                f"bounds right on the training block: start {self.start_accuracy:.3f}, end "
                f"{self.end_accuracy:.3f} (the finder's own: {self.start_baseline:.3f}, "
                f"{self.end_baseline:.3f})",
                f"{self.features} features kept; model written to {self.path}",
            ]
        )


def train_bounds(
    *,
    epochs: int = 8,
    limit: int | None = None,
    output: Path | None = None,
    shared_dir: Path | None = None,
) -> TrainReport:
    """Train the English boundary model on PolNeAR's training block and write it."""
    if epochs < 1:
        raise InvalidInputError("epochs must be 1 or more")
    docs = list(polnear("train", shared_dir))
    if limit is not None:
        docs = docs[:limit]
    examples = collect(docs)
    if not examples.starts or not examples.ends:
        raise InvalidInputError("no reported content met an annotated one: nothing to learn from")
    size = len(examples.names)
    start_w = perceptron(examples.starts, size, epochs)
    end_w = perceptron(examples.ends, size, epochs, seed=1)
    names = sorted(examples.names, key=examples.names.__getitem__)

    def kept(weights: list[float]) -> dict[str, float]:
        return {n: round(x, 4) for n, x in zip(names, weights, strict=True) if abs(x) >= 1e-4}

    model = BoundsModel(
        kept(start_w),
        kept(end_w),
        {
            "trained_on": "PolNeAR train block (the training folder less its final block)",
            "documents": len(docs),
            "epochs": epochs,
            "start_examples": len(examples.starts),
            "end_examples": len(examples.ends),
        },
    )
    path = output or model_path("en_quote_bounds")
    try:
        model.save(path)
    except OSError as exc:
        raise InvalidInputError(f"cannot write the model to {path}: {exc.strerror}") from exc
    return TrainReport(
        path,
        examples,
        accuracy(examples.starts, start_w),
        accuracy(examples.ends, end_w),
        _proposed_right(examples.starts),
        _proposed_right(examples.ends),
        len(model.start) + len(model.end),
    )
