"""Cross-language consistency (``extractor eval parallel``): the same sentences in English,
Russian and Turkish (``parallel-pud``) should give the same people, organizations,
countries, quotes and speakers.

English is the pivot. For each other language and each English entity of a type, the
version agrees where it has an entity of that type with the same key, or (people) one
``same_person`` takes for the same name in its script. Quotes agree where a sentence's
versions hold as many; a speaker agrees where the other version has a quote whose
speaker is the same person (or organization) by the same test.

The file's last fifth (100 sentences, a contiguous block) is the ``final`` block: no rule
is tuned on it; ``dev`` is the rest.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..entities.linking import same_person
from ..quotes.statements import Vectors, said_of, same_statement
from ..schema import Entity, Extraction
from .corpora import data_dir

LANGUAGES = ("en", "ru", "tr")
PIVOT = "en"
TYPES = ("PERSON", "ORGANIZATION", "COUNTRY")
FINAL_SHARE = 5  # the last 1/5 of the file is the final block


@dataclass(frozen=True)
class ParallelSentence:
    id: str
    texts: dict[str, str]


def parallel_pud(split: str = "dev", shared_dir: Path | None = None) -> list[ParallelSentence]:
    """The parallel sentences of ``split`` (dev: the first four fifths; final: the rest)."""
    from ..errors import InvalidInputError

    if split not in {"dev", "final"}:
        raise InvalidInputError(f"parallel-pud split {split!r} is not available; use dev or final")
    path = data_dir(shared_dir) / "parallel-pud" / "sentences.jsonl"
    if not path.is_file():
        raise InvalidInputError(f"{path} not found: the parallel sentences are missing")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    cut = len(rows) - len(rows) // FINAL_SHARE
    rows = rows[:cut] if split == "dev" else rows[cut:]
    return [ParallelSentence(r["id"], {code: r[code] for code in LANGUAGES}) for r in rows]


def _same(a: Entity, b: Entity, lang_a: str, lang_b: str) -> bool:
    if a.type != b.type:
        return False
    if a.key == b.key or (a.code is not None and a.code == b.code):
        return True
    return a.type == "PERSON" and same_person(a.name, b.name, lang_a, lang_b)


@dataclass
class Agreement:
    agreed: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.agreed / self.total if self.total else 0.0

    def add(self, ok: bool, miss: str) -> None:
        self.total += 1
        self.agreed += ok
        if not ok:
            self.misses.append(miss)


@dataclass
class PairScores:
    language: str
    entities: dict[str, Agreement] = field(default_factory=lambda: {t: Agreement() for t in TYPES})
    quote_counts: Agreement = field(default_factory=Agreement)
    speakers: Agreement = field(default_factory=Agreement)


@dataclass
class StatementLinks:
    """Links between quotes of different languages, all versions of the split pooled as
    one archive: a link is right between a sentence's versions' quotes of one place
    (where the versions hold as many), wrong between quotes of different sentences;
    pairs within one sentence that do not line up are not counted."""

    right: int = 0
    wrong: int = 0
    missed: int = 0
    wrong_links: list[str] = field(default_factory=list)
    missed_links: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.right + self.wrong
        return self.right / found if found else 0.0

    @property
    def recall(self) -> float:
        gold = self.right + self.missed
        return self.right / gold if gold else 0.0


@dataclass
class ParallelReport:
    split: str
    sentences: int
    quotes: dict[str, int]
    pairs: list[PairScores]
    statements: StatementLinks | None = None

    def text(self, examples: int = 0) -> str:
        lines = [
            f"parallel-pud {self.split}: {self.sentences} sentences in en, ru, tr "
            "(English the pivot)",
            "quotes found: " + ", ".join(f"{c} {n}" for c, n in self.quotes.items()),
            "",
            f"{'':<26}" + "".join(f"{'en-' + p.language:>20}" for p in self.pairs),
        ]

        def row(label: str, get: object) -> str:
            cells = []
            for p in self.pairs:
                a = get(p)  # type: ignore[operator]
                cells.append(f"{a.rate:6.3f} ({a.agreed:>3}/{a.total:<3})".rjust(20))
            return f"{label:<26}" + "".join(cells)

        for t in TYPES:
            lines.append(row(f"{t} same entity", lambda p, t=t: p.entities[t]))
        lines.append(row("quote count agrees", lambda p: p.quote_counts))
        lines.append(row("speaker agrees", lambda p: p.speakers))
        links = self.statements
        if links is not None:
            lines.append("")
            lines.append(
                f"statement links across languages: precision {links.precision:.3f} "
                f"({links.right}/{links.right + links.wrong}), recall {links.recall:.3f} "
                f"({links.right}/{links.right + links.missed})"
            )
        if examples and links is not None:
            for label, found in (("wrong", links.wrong_links), ("missed", links.missed_links)):
                if found:
                    lines.append("")
                    lines.append(f"statement links {label}: {len(found)}")
                    lines.extend(f"  {m}" for m in found[:examples])
        if examples:
            for p in self.pairs:
                for label, a in [
                    *((t, p.entities[t]) for t in TYPES),
                    ("quote count", p.quote_counts),
                    ("speaker", p.speakers),
                ]:
                    if a.misses:
                        lines.append("")
                        lines.append(f"en-{p.language} {label}: {len(a.misses)} disagreements")
                        lines.extend(f"  {m}" for m in a.misses[:examples])
        return "\n".join(lines)


def _names(x: Extraction, type_: str) -> str:
    return "; ".join(f"{e.name} [{e.key}]" for e in x.entities if e.type == type_) or "-"


def _speaker(x: Extraction, speaker: str | None) -> Entity | None:
    return x.entity(speaker) if speaker else None


def score_parallel(
    sentences: Sequence[ParallelSentence], results: Mapping[str, Sequence[Extraction]]
) -> tuple[dict[str, int], list[PairScores]]:
    """Agreement of every other language's versions with the pivot's."""
    quotes = {code: sum(len(r.quotes) for r in results[code]) for code in LANGUAGES}
    pairs = []
    for other in LANGUAGES:
        if other == PIVOT:
            continue
        p = PairScores(other)
        for n, s in enumerate(sentences):
            a, b = results[PIVOT][n], results[other][n]
            for e in a.entities:
                if e.type in TYPES:
                    ok = any(_same(e, f, PIVOT, other) for f in b.entities)
                    p.entities[e.type].add(ok, f"{s.id}: {e.name} [{e.key}] -> {_names(b, e.type)}")
            if a.quotes or b.quotes:
                p.quote_counts.add(
                    len(a.quotes) == len(b.quotes),
                    f"{s.id}: {len(a.quotes)} vs {len(b.quotes)}: {s.texts[other][:120]}",
                )
            for q in a.quotes:
                speaker = _speaker(a, q.speaker)
                if speaker is None:
                    continue
                theirs = [_speaker(b, r.speaker) for r in b.quotes]
                ok = any(t is not None and _same(speaker, t, PIVOT, other) for t in theirs)
                found = (
                    "; ".join(f"{t.name} [{t.key}]" if t else "(none)" for t in theirs)
                    or "no quote"
                )
                p.speakers.add(ok, f"{s.id}: {speaker.name} [{speaker.key}] -> {found}")
        pairs.append(p)
    return quotes, pairs


def score_statements(
    sentences: Sequence[ParallelSentence],
    results: Mapping[str, Sequence[Extraction]],
    vectors: Vectors | None,
) -> StatementLinks:
    """Statement links between the quotes of different languages (:class:`StatementLinks`),
    by :func:`~extractor.quotes.statements.same_statement`."""
    quotes = [
        (n, code, i, len(x.quotes), said_of(q, x.entities, code))
        for code in LANGUAGES
        for n, x in enumerate(results[code])
        for i, q in enumerate(x.quotes)
    ]
    encoded: dict[str, np.ndarray] = {}
    if vectors is not None and quotes:
        texts = list(dict.fromkeys(said.text for *_, said in quotes))
        encoded = dict(zip(texts, vectors(texts)))

    def lookup(texts: Sequence[str]) -> np.ndarray:
        return np.stack([encoded[t] for t in texts])

    links = StatementLinks()
    for a, (na, la, ia, ca, sa) in enumerate(quotes):
        for nb, lb, ib, cb, sb in quotes[a + 1 :]:
            if la == lb:
                continue
            gold = na == nb and ca == cb and ia == ib
            if na == nb and not gold:
                continue  # one sentence's quotes that do not line up
            linked = same_statement(sa, sb, lookup if vectors is not None else None)
            shown = (
                f"{sentences[na].id} {la}: {sa.text[:70]!r} | "
                f"{sentences[nb].id} {lb}: {sb.text[:70]!r}"
            )
            if linked and gold:
                links.right += 1
            elif linked:
                links.wrong += 1
                links.wrong_links.append(shown)
            elif gold:
                links.missed += 1
                links.missed_links.append(shown)
    return links


def eval_parallel(
    split: str = "dev", *, limit: int | None = None, shared_dir: Path | None = None
) -> ParallelReport:
    """Extract every version of the parallel sentences and score their agreement."""
    from ..extract import Extractor, extracted

    sentences = parallel_pud(split, shared_dir)
    if limit is not None:
        sentences = sentences[:limit]
    extractor = Extractor()
    results = {
        code: extracted(extractor.extract_many([s.texts[code] for s in sentences], language=code))
        for code in LANGUAGES
    }
    quotes, pairs = score_parallel(sentences, results)
    from ..nlp.sentences import available, sentence_vectors

    links = score_statements(sentences, results, sentence_vectors if available() else None)
    return ParallelReport(split, len(sentences), quotes, pairs, links)
