"""Quote attribution on annotated news outside English: ``extractor eval quotes
--corpus quotes-ru-dev | quotes-kk-dev | quotes-tr-dev``.

The definitions are those of the sets' own scorers (``score.py`` beside each set), which
the held-out sets follow:
- the overlap of a predicted and a gold content span is the number of shared characters
  divided by the length of the longer span;
- matching is one-to-one and greedy within a text, per threshold: best overlap first,
  on ties the pair whose speaker is right first;
- speaker accuracy is counted on matched pairs whose gold speaker is not null: right when
  the predicted speaker mention shares a character with the gold speaker or the name it
  resolves to;
- "core" counts the records marked ``extended`` (unnamed sources, anaphoric content,
  documents, directives and naming, quotes with no cue) as don't-care: predictions are
  matched to the other records first, and those left over that match an extended record
  are not counted.
The sentences chosen as reporting nothing give the false positives on negatives. The last
quarter of each set (a contiguous block: 10 documents, 50 sentences) is held back: no rule
is tuned on it, and its figures are reported apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..schema import Extraction
from .corpora import QUOTE_SETS, NewsText, quote_set
from .evaluation import Counts

THRESHOLDS = (0.3, 0.8)
KINDS = ("direct", "indirect", "mixed")
HELD_BACK = 0.25  # the share of a set, at its end, that no rule is tuned on

Span = tuple[int, int]


@dataclass(frozen=True)
class Prediction:
    start: int
    end: int
    kind: str
    speaker: Span | None


def predictions(result: Extraction) -> list[Prediction]:
    """The quotes of an Extraction as the sets' scorers read them: the covering span of
    the content, and the speaker mention."""
    out = []
    for q in result.quotes:
        mention = q.speaker_mention
        speaker = (mention.start, mention.end) if mention is not None else None
        out.append(Prediction(q.start, q.end, q.kind, speaker))
    return out


def held_back(texts: Sequence[NewsText]) -> list[NewsText]:
    """The block at the end of a set that no rule is tuned on."""
    return list(texts[len(texts) - round(len(texts) * HELD_BACK) :])


def _overlap(a: Span, b: Span) -> float:
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    longer = max(a[1] - a[0], b[1] - b[0])
    return shared / longer if longer > 0 else 0.0


def _touches(a: Span | None, b: Any) -> bool:
    return bool(a) and bool(b) and min(a[1], b[1]) - max(a[0], b[0]) > 0  # type: ignore[index]


def _speaker_ok(p: Prediction, g: dict[str, Any]) -> bool:
    return _touches(p.speaker, g.get("speaker")) or _touches(p.speaker, g.get("speaker_resolved"))


def _match(
    preds: Sequence[Prediction],
    pi: Sequence[int],
    golds: Sequence[dict[str, Any]],
    gi: Sequence[int],
    threshold: float,
) -> list[tuple[int, int]]:
    pairs = []
    for i in pi:
        for j in gi:
            ov = _overlap((preds[i].start, preds[i].end), tuple(golds[j]["content"]))
            if ov >= threshold:
                pairs.append((-ov, -int(_speaker_ok(preds[i], golds[j])), i, j))
    pairs.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


@dataclass
class Tally(Counts):
    """Counts of one view (all kinds or one kind) at one threshold. Speaker accuracy is
    over the matched records that name a speaker (the sets' definition)."""

    speaker_pairs: int = 0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.speaker_pairs if self.speaker_pairs else 0.0

    def row(self, label: str) -> str:
        return (
            f"{label:<26} {self.precision:6.3f} {self.recall:6.3f} {self.f1:6.3f} "
            f"{self.speaker_accuracy:8.3f}   {self.tp_gold:>4}/{self.n_gold:<4} "
            f"{self.tp_pred:>4}/{self.n_pred:<4}"
        )


@dataclass
class Errors:
    """What went wrong at one threshold: gold records missed, predictions matching
    nothing, matched pairs with the wrong speaker (as (key, record) pairs)."""

    missed: list[tuple[Any, dict[str, Any]]] = field(default_factory=list)
    false_positives: list[tuple[Any, Prediction]] = field(default_factory=list)
    wrong_speaker: list[tuple[Any, Prediction, dict[str, Any]]] = field(default_factory=list)


def score_texts(
    texts: Sequence[NewsText],
    preds: Sequence[Sequence[Prediction]],
    threshold: float,
    *,
    core: bool = False,
    errors: Errors | None = None,
) -> dict[str, Tally]:
    """Tallies by kind ("all" and each kind: recall by the gold kind, precision by the
    predicted kind) over ``texts`` with their predictions."""
    tallies = {kind: Tally() for kind in ("all", *KINDS)}
    for text, ps in zip(texts, preds, strict=True):
        gs = text.gold
        gi = [j for j, g in enumerate(gs) if not (core and g.get("extended"))]
        pi = list(range(len(ps)))
        pairs = _match(ps, pi, gs, gi, threshold)
        counted = pi
        if core:
            left = [i for i in pi if i not in {i for i, _ in pairs}]
            extended = [j for j, g in enumerate(gs) if g.get("extended")]
            dont_care = {i for i, _ in _match(ps, left, gs, extended, threshold)}
            counted = [i for i in pi if i not in dont_care]
        for i in counted:
            for kind in ("all", ps[i].kind):
                tallies.setdefault(kind, Tally()).n_pred += 1
        for j in gi:
            for kind in ("all", gs[j]["kind"]):
                tallies[kind].n_gold += 1
        for i, j in pairs:
            p, g = ps[i], gs[j]
            tallies["all"].tp_pred += 1
            tallies.setdefault(p.kind, Tally()).tp_pred += 1
            for kind in ("all", g["kind"]):
                tallies[kind].tp_gold += 1
                if g.get("speaker") is not None:
                    tallies[kind].speaker_pairs += 1
                    tallies[kind].speaker_ok += _speaker_ok(p, g)
        if errors is not None:
            matched_p = {i for i, _ in pairs}
            matched_g = {j for _, j in pairs}
            errors.missed += [(text.key, gs[j]) for j in gi if j not in matched_g]
            errors.false_positives += [(text.key, ps[i]) for i in counted if i not in matched_p]
            errors.wrong_speaker += [
                (text.key, ps[i], gs[j])
                for i, j in pairs
                if gs[j].get("speaker") is not None and not _speaker_ok(ps[i], gs[j])
            ]
    return tallies


@dataclass
class NewsQuoteReport:
    name: str
    language: str
    texts: list[NewsText]
    preds: list[list[Prediction]]

    def tallies(
        self, threshold: float, *, core: bool = False, block: str = "all"
    ) -> dict[str, Tally]:
        """Tallies over the whole set, or over its ``held`` block or the rest (``tune``)."""
        held = {id(t) for t in held_back(self.texts)}
        pairs = [
            (t, p)
            for t, p in zip(self.texts, self.preds, strict=True)
            if block == "all" or (id(t) in held) == (block == "held")
        ]
        return score_texts([t for t, _ in pairs], [p for _, p in pairs], threshold, core=core)

    def negatives(self) -> tuple[int, int, int]:
        """(negative texts, those with a prediction, predictions on them)."""
        negative = [(t, p) for t, p in zip(self.texts, self.preds, strict=True) if t.negative]
        return len(negative), sum(bool(p) for _, p in negative), sum(len(p) for _, p in negative)

    def errors(self, threshold: float = 0.3, block: str = "tune") -> Errors:
        held = {id(t) for t in held_back(self.texts)}
        errors = Errors()
        pairs = [
            (t, p)
            for t, p in zip(self.texts, self.preds, strict=True)
            if block == "all" or (id(t) in held) == (block == "held")
        ]
        score_texts([t for t, _ in pairs], [p for _, p in pairs], threshold, errors=errors)
        return errors

    def text(self) -> str:
        gold = sum(len(t.gold) for t in self.texts)
        core = sum(not g.get("extended") for t in self.texts for g in t.gold)
        held = held_back(self.texts)
        unit = "documents" if self.language == "ru" else "sentences"
        lines = [
            f"{self.name} ({self.language}): {len(self.texts)} {unit}, {gold} attributions "
            f"({core} core, the others extended); the last {len(held)} {unit} are held back "
            "(no rule is tuned on them)"
        ]
        for t in THRESHOLDS:
            lines += ["", f"overlap >= {t}"]
            lines.append(f"{'':<26} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8}   gold hit  pred ok")
            for core_view, label in ((False, "all"), (True, "core")):
                tallies = self.tallies(t, core=core_view)
                lines.append(tallies["all"].row(label))
                lines += [tallies[k].row(f"  {k}") for k in KINDS]
            for core_view, label in ((False, "all"), (True, "core")):
                for block, name in (("tune", "tuned-on"), ("held", "held-back")):
                    tally = self.tallies(t, core=core_view, block=block)["all"]
                    lines.append(tally.row(f"{name} {label}"))
        n, hit, count = self.negatives()
        if n:
            lines += [
                "",
                f"negatives: {hit} of {n} sentences reporting no speech got a quote "
                f"({hit / n:.1%}; {count} predictions)",
            ]
        return "\n".join(lines)


def eval_news_quotes(
    name: str, *, limit: int | None = None, shared_dir: Path | None = None
) -> NewsQuoteReport:
    """Run ``extract_many`` on the quote set ``name`` in its language and score it."""
    from ..extract import Extractor, extracted

    texts = quote_set(name, shared_dir)[:limit] if limit else quote_set(name, shared_dir)
    language = QUOTE_SETS[name]
    results = extracted(Extractor().extract_many([t.text for t in texts], language=language))
    return NewsQuoteReport(name, language, texts, [predictions(r) for r in results])
