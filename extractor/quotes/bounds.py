"""Where a reported content starts and ends, decided by a learned model.

The finders propose each quote: its cue, its speaker and a content read off the parse.
For a language with a boundary model (``LangData.quote_bounds``), the model then picks
the content's first and last token among those near the proposed ones: a linear ranker
over features of the parse (the token and its neighbours, the subtree a boundary opens
or closes, where the cue and the speaker lie), trained by ``extractor train quotes`` on
PolNeAR (models/README.md). Direct quotes keep the marks' bounds and a quote split
around its attribution keeps its pieces: only reported (indirect and mixed) contents
move. The start and the end are ranked apart; a proposal whose new bounds would take in
its own cue or speaker, or another quote's words, keeps its old ones.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from ..language import LangData
from ..settings import MODELS_DIR
from .common import FoundQuote, doc_text, sentence_at

# Candidates: this many tokens either side of the proposed bound, within its paragraph.
WINDOW = 20
# Quote marks of every language, as features.
MARKS = frozenset("\"'“”„‟«»‘’‚‛‹›")
# Tokens that open what follows them: no content ends on one.
_OPENING = frozenset({":", "“", "«", "„", "(", "["})
# Those that are never an apostrophe: a content that holds one quotes words (mixed).
_QUOTING = frozenset('"“”„‟«»‘‚‛‹›')


def model_path(name: str) -> Path:
    return MODELS_DIR / name / "bounds.json.gz"


@dataclass(frozen=True)
class BoundsModel:
    """Feature weights of the start and the end rankers."""

    start: dict[str, float]
    end: dict[str, float]
    meta: dict[str, object]

    @property
    def margin(self) -> float:
        """How much better than the finder's bound a candidate must score to replace it."""
        value = self.meta.get("margin", 0.0)
        return float(value) if isinstance(value, (int, float)) else 0.0

    def to_json(self) -> dict[str, object]:
        return {"meta": self.meta, "start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> BoundsModel:
        start, end, meta = data["start"], data["end"], data.get("meta", {})
        assert isinstance(start, dict) and isinstance(end, dict) and isinstance(meta, dict)
        return cls(start, end, meta)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(path, "wt", encoding="utf-8") as f:
            json.dump(self.to_json(), f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


@cache
def load_model(name: str) -> BoundsModel | None:
    """The boundary model ``name`` under models/, or None where it is not there (a
    source checkout before ``extractor train quotes``: the finders' bounds stand)."""
    path = model_path(name)
    if not path.is_file():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return BoundsModel.from_json(json.load(f))


def refine_bounds(
    doc: Doc, quotes: Sequence[FoundQuote], model: BoundsModel, lang: LangData
) -> list[FoundQuote]:
    """``quotes`` with the bounds of each reported content as ``model`` ranks them (a
    complementizer that opens them is no part of them: "that", "что")."""
    out: list[FoundQuote] = []
    for n, q in enumerate(quotes):
        proposal = Proposal.of(doc, q, lang)
        if proposal is None:
            out.append(q)
            continue
        i = _best(model.start, proposal.starts(), proposal.ts, model.margin)
        j = _best(model.end, proposal.ends(), proposal.te, model.margin)
        while 0 <= i < j - 1 and doc[i].lower_ in lang.complementizers:
            i += 1
        moved = proposal.moved(i, j)
        others = (o for m, o in enumerate(quotes) if m != n)
        if any(moved.start < o.end and o.start < moved.end for o in others) and not any(
            q.start < o.end and o.start < q.end for o in quotes if o is not q
        ):
            moved = q  # never into another quote's words
        out.append(moved)
    return out


def _best(
    weights: dict[str, float],
    candidates: Iterable[tuple[int, list[str]]],
    proposed: int,
    margin: float,
) -> int:
    """The best-scoring candidate, where it beats the proposed bound by ``margin``."""
    best, best_score, stay = -1, float("-inf"), float("-inf")
    for position, feats in candidates:
        s = sum(weights.get(f, 0.0) for f in feats)
        if position == proposed:
            stay = s
        if s > best_score:
            best, best_score = position, s
    return proposed if best_score - stay < margin else best


def _bucket(d: int) -> str:
    a = abs(d)
    size = "0" if a == 0 else "1" if a == 1 else "2" if a == 2 else "3-4" if a <= 4 else "5-8"
    if a > 8:
        size = "9+"
    return ("-" if d < 0 else "+") + size


def _is_break(t: Token) -> bool:
    return "\n" in t.text


def _root_from_left(t: Token) -> Token:
    """The highest token whose subtree starts at ``t``."""
    a = t
    while a.head.i != a.i and a.head.left_edge.i == t.i:
        a = a.head
    return a


def _root_from_right(t: Token) -> Token:
    """The highest token whose subtree ends at ``t``."""
    a = t
    while a.head.i != a.i and a.head.right_edge.i == t.i:
        a = a.head
    return a


@dataclass
class Proposal:
    """A finder's quote in tokens: content [ts, te), its cue token and speaker tokens."""

    doc: Doc
    quote: FoundQuote
    ts: int
    te: int
    cue: Token | None
    cue_span: tuple[int, int] | None
    speaker: tuple[int, int] | None
    lo: int  # the paragraph's first token
    hi: int  # one past its last
    head: Token  # the proposed content's syntactic head
    complementizers: frozenset[str]

    @classmethod
    def of(cls, doc: Doc, q: FoundQuote, lang: LangData) -> Proposal | None:
        if q.kind == "direct" or q.pieces:
            return None
        content = doc.char_span(q.start, q.end, alignment_mode="expand")
        if content is None or len(content) == 0:
            return None
        ts, te = content.start, content.end
        cue_tokens = _tokens(doc, q.cue)
        speaker = _tokens(doc, q.speaker)
        lo = ts
        while lo > 0 and not _is_break(doc[lo - 1]):
            lo -= 1
        hi = te
        while hi < len(doc) and not _is_break(doc[hi]):
            hi += 1
        cue = doc[cue_tokens[0]] if cue_tokens else None
        return cls(
            doc, q, ts, te, cue, cue_tokens, speaker, lo, hi, content.root, lang.complementizers
        )

    # --- candidates -------------------------------------------------------------------

    def starts(self) -> Iterable[tuple[int, list[str]]]:
        first = max(self.lo, self.ts - WINDOW)
        last = min(self.te - 1, self.ts + WINDOW)
        # Never back over the complementizer that opens the clause ("told the Today
        # programme that ..."): what stands before it is the report's, not the content's.
        for k in range(self.ts - 1, first, -1):
            if self.doc[k].dep_ == "mark" and self.doc[k].lower_ in self.complementizers:
                first = k
                break
        # Nor into the sentence before the one the content starts in.
        first = max(first, sentence_at(self.doc, self.ts).start)
        for i in range(first, last + 1):
            if not self.doc[i].is_space and not self._crosses(i, self.te):
                yield i, self.start_features(i)

    def ends(self) -> Iterable[tuple[int, list[str]]]:
        first = max(self.ts + 1, self.te - WINDOW)
        last = min(self.hi, self.te + WINDOW)
        for j in range(first, last + 1):
            end = self.doc[j - 1]
            if end.is_space or end.text in _OPENING or self._crosses(self.ts, j):
                continue  # (no content ends on a colon or an opening mark)
            yield j, self.end_features(j)

    def _crosses(self, i: int, j: int) -> bool:
        """Whether [i, j) takes in the quote's own cue or speaker where the proposal did
        not: content never holds the words that attribute it."""
        for span in (self.cue_span, self.speaker):
            if span is None:
                continue
            inside_now = self.ts <= span[0] and span[1] <= self.te
            if not inside_now and i < span[1] and span[0] < j:
                return True
        return False

    # --- features ---------------------------------------------------------------------

    def _common(self, t: Token, d: int) -> list[str]:
        kind = self.quote.kind
        b = _bucket(d)
        feats = [f"d={b}", f"kd={kind}{b}", f"w={t.lower_}", f"p={t.pos_}", f"dp={t.dep_}"]
        feats.append(f"tg={t.tag_}")
        if t.text in MARKS:
            feats.append(f"mark|{b}")
        cue = self.cue
        if cue is not None:
            rel = t.i - cue.i
            feats.append(f"cue={_bucket(rel)}")
            same = sentence_at(self.doc, t.i).start == sentence_at(self.doc, cue.i).start
            feats.append(f"cuesent={same}")
            if cue.is_ancestor(t):
                feats.append("under-cue")
                feats.append(f"under-cue|{b}")
            feats.append(f"cuel={cue.lower_}|{'<' if rel < 0 else '>'}")
        if self.speaker is not None:
            feats.append(f"spk={'<' if t.i < self.speaker[0] else '>'}|{b}")
        return feats

    def _crossed(self, k: int, proposed: int) -> list[str]:
        """What lies between a candidate bound ``k`` and the proposed one."""
        a, b = min(k, proposed), max(k, proposed)
        way = "<" if k < proposed else ">"
        if a >= b:
            return []
        seen = set()
        for n in range(a, b):
            t = self.doc[n]
            if t.is_punct:
                seen.add("mark" if t.text in MARKS else t.text)
            elif t.pos_ in {"VERB", "AUX"}:
                seen.add("verb")
            if n > a and t.is_sent_start:
                seen.add("sentence")
        return [f"x{way}|{x}" for x in sorted(seen)]

    def _edge(self, k: int, proposed: int, head_edge: int, root: Token, side: str) -> list[str]:
        """Features of a bound at token boundary ``k``: what lies between it and the
        proposed one, whether the proposed content's head's subtree ends there, and the
        highest subtree that ``side`` ("opens" or "closes") there."""
        feats = self._crossed(k, proposed)
        if k == head_edge:
            feats.append("head-edge")
        feats.append(f"{side}={root.dep_}/{root.pos_}")
        feats.append(f"{side}-head={root.dep_}/{root.head.pos_}")
        if self.cue is not None:
            feats.append(f"{side}-cue={root.head.i == self.cue.i}|{root.dep_}")
        return feats

    def start_features(self, i: int) -> list[str]:
        doc = self.doc
        t = doc[i]
        feats = self._common(t, i - self.ts)
        feats += self._edge(i, self.ts, self.head.left_edge.i, _root_from_left(t), "opens")
        prev = doc[i - 1] if i > self.lo else None
        if prev is None:
            feats.append("para-start")
        else:
            feats += [f"pw={prev.lower_}", f"pp={prev.pos_}", f"pdp={prev.dep_}"]
            feats.append(f"pw|p={prev.lower_}|{t.pos_}")
            feats.append(f"pw|w={prev.lower_}|{t.lower_}")
            feats.append(f"pp|p={prev.pos_}|{t.pos_}")
            if prev.text in MARKS:
                feats.append("prev-mark")
        if t.is_sent_start:
            feats.append("sent-start")
        return feats

    def end_features(self, j: int) -> list[str]:
        doc = self.doc
        last = doc[j - 1]
        feats = self._common(last, j - self.te)
        edge = self.head.right_edge.i + 1
        feats += self._edge(j, self.te, edge, _root_from_right(last), "closes")
        nxt = doc[j] if j < self.hi else None
        if nxt is None:
            feats.append("para-end")
        else:
            feats += [f"nw={nxt.lower_}", f"np={nxt.pos_}", f"ndp={nxt.dep_}"]
            feats.append(f"p|nw={last.pos_}|{nxt.lower_}")
            feats.append(f"p|np={last.pos_}|{nxt.pos_}")
            feats.append(f"w|nw={last.lower_}|{nxt.lower_}")
            if j + 1 < self.hi:
                feats.append(f"nw|n2={nxt.lower_}|{doc[j + 1].tag_}")
            if nxt.is_sent_start:
                feats.append("next-sent-start")
            if nxt.text in MARKS:
                feats.append("next-mark")
        return feats

    # --- the result -------------------------------------------------------------------

    def moved(self, i: int, j: int) -> FoundQuote:
        if i < 0 or j < 0 or i >= j or (i, j) == (self.ts, self.te):
            return self.quote
        doc = self.doc
        start = doc[i].idx
        end = doc[j - 1].idx + len(doc[j - 1].text)
        if i == self.ts:
            start = self.quote.start  # the finder's bound inside a token (a mark) stands
        if j == self.te:
            end = self.quote.end
        if start >= end:
            return self.quote
        text = doc_text(doc)[start:end]
        kind = "mixed" if any(ch in _QUOTING for ch in text) else "indirect"
        return replace(self.quote, start=start, end=end, kind=kind)


def _tokens(doc: Doc, span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    s = doc.char_span(span[0], span[1], alignment_mode="expand")
    if s is None or len(s) == 0:
        return None
    return s.start, s.end
