"""The project's own language identifier for the supported languages: a naive Bayes
model over character n-grams (1 to 4 letters, word edges marked), trained on the news
corpora of ../shared by ``extractor train langid`` (see models/README.md).

lingua tells the world's languages apart but has no Uzbek or Kyrgyz model, and on one
short sentence it reads Kyrgyz as Kazakh or Mongolian and short Russian as Ukrainian.
This model knows only the seven supported languages, so :mod:`.identify` asks it only
which of them a text is, once lingua has not named a language of its own.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..settings import MODELS_DIR

MODEL_PATH = MODELS_DIR / "langid" / "ngrams.json.gz"
ORDERS = (1, 2, 3, 4)
# Uzbek's oʻ and gʻ are written with several apostrophes; one stands for all.
_APOSTROPHES = str.maketrans({c: "'" for c in "ʻʼ‘’`´"})
_NOT_LETTERS = re.compile(r"[^\w']+|[\d_]+")


def features(text: str) -> Counter[str]:
    """The character n-grams of ``text``: lower case, digits and punctuation dropped,
    each word between spaces so that its first and last letters count as such."""
    words = _NOT_LETTERS.sub(" ", text.translate(_APOSTROPHES).lower()).split()
    grams: Counter[str] = Counter()
    for word in words:
        padded = " " + word.strip("'") + " "
        for n in ORDERS:
            for i in range(len(padded) - n + 1):
                gram = padded[i : i + n]
                if gram != " ":
                    grams[gram] += 1
    return grams


@dataclass(frozen=True)
class Reading:
    """What the model reads in a text (see :meth:`NgramModel.read`)."""

    language: str | None
    foreign_share: float


@dataclass(frozen=True)
class NgramModel:
    """Log-probabilities of each n-gram in each class (a class is a language, or a
    language in one script: ``uz-latn``), and of an n-gram the class never had."""

    classes: tuple[str, ...]
    log_prob: dict[str, tuple[float, ...]]
    unseen: tuple[float, ...]
    log_prior: tuple[float, ...]

    def scores(self, text: str) -> dict[str, float]:
        """Log-likelihood of ``text`` under each class (priors included)."""
        return dict(zip(self.classes, self._totals(features(text)), strict=True))

    def _totals(self, grams: Counter[str]) -> list[float]:
        totals = list(self.log_prior)
        for gram, count in grams.items():
            row = self.log_prob.get(gram)
            if row is None:
                continue  # a gram no language had says nothing
            for k, value in enumerate(row):
                totals[k] += count * value
        return totals

    def read(self, text: str) -> Reading:
        """The most likely supported language of ``text`` (the script suffix dropped;
        None for a text without letters), and the share of its n-grams of three
        letters or more that this language's class has seen at most once in training:
        near 0.1 for a sentence of a supported language, 0.3 and up for French or
        Polish read as English. One pass over the text's n-grams."""
        grams = features(text)
        if not grams:
            return Reading(None, 0.0)
        totals = self._totals(grams)
        k = max(range(len(totals)), key=totals.__getitem__)
        long_grams = {g: c for g, c in grams.items() if len(g.strip()) >= 2 and len(g) >= 3}
        total = sum(long_grams.values())
        rare = self.unseen[k] + math.log(3) + 0.01  # a count of one, smoothed
        strange = sum(
            c
            for g, c in long_grams.items()
            if (row := self.log_prob.get(g)) is None or row[k] <= rare
        )
        return Reading(self.classes[k].split("-")[0], strange / total if total else 0.0)

    def language(self, text: str) -> str | None:
        """The most likely supported language (see :meth:`read`)."""
        return self.read(text).language

    def foreign_share(self, text: str) -> float:
        """The share of n-grams foreign to the most likely language (see :meth:`read`)."""
        return self.read(text).foreign_share

    def confidence(self, text: str, language: str) -> float:
        """The posterior probability that ``text`` is in ``language`` (any script)."""
        scores = self.scores(text)
        top = max(scores.values())
        weights = {c: math.exp(v - top) for c, v in scores.items()}
        mine = sum(w for c, w in weights.items() if c.split("-")[0] == language)
        return mine / sum(weights.values())

    def to_json(self) -> dict[str, object]:
        return {
            "classes": list(self.classes),
            "orders": list(ORDERS),
            "log_prior": [round(x, 4) for x in self.log_prior],
            "unseen": [round(x, 4) for x in self.unseen],
            "log_prob": {g: [round(x, 3) for x in row] for g, row in self.log_prob.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> NgramModel:
        log_prob = data["log_prob"]
        assert isinstance(log_prob, dict)
        return cls(
            classes=tuple(data["classes"]),  # type: ignore[arg-type]
            log_prob={g: tuple(row) for g, row in log_prob.items()},
            unseen=tuple(data["unseen"]),  # type: ignore[arg-type]
            log_prior=tuple(data["log_prior"]),  # type: ignore[arg-type]
        )


def train(
    samples: Iterable[tuple[str, str]], per_class: int = 6000, alpha: float = 0.5
) -> NgramModel:
    """A model from (class, text) samples: each class's ``per_class`` most frequent
    n-grams make the vocabulary; Laplace smoothing ``alpha``; equal priors (the news a
    user sends is in any of the languages, whatever the corpora's sizes)."""
    counts: dict[str, Counter[str]] = {}
    for label, text in samples:
        counts.setdefault(label, Counter()).update(features(text))
    classes = tuple(sorted(counts))
    vocabulary = sorted({g for c in classes for g, _ in counts[c].most_common(per_class)})
    log_prob: dict[str, list[float]] = {g: [] for g in vocabulary}
    unseen = []
    for c in classes:
        total = sum(counts[c][g] for g in vocabulary) + alpha * (len(vocabulary) + 1)
        for g in vocabulary:
            log_prob[g].append(math.log((counts[c][g] + alpha) / total))
        unseen.append(math.log(alpha / total))
    prior = [math.log(1 / len(classes))] * len(classes)
    return NgramModel(
        classes, {g: tuple(row) for g, row in log_prob.items()}, tuple(unseen), tuple(prior)
    )


def save(model: NgramModel, path: Path = MODEL_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(model.to_json(), fh, ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> NgramModel:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return NgramModel.from_json(json.load(fh))
