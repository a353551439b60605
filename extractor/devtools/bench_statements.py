"""What linking statements costs (``extractor bench statements``): documents extracted
and stored one by one, as ``POST /v1/documents`` does, in a fresh SQLite archive; the
time spent linking (a document's statements, :func:`~extractor.quotes.statements.assign_statements`,
and the archive's, ``Store._link_statements``) against the whole.

Documents: PolNeAR dev (English news), NEREL dev (Russian news) and the parallel
sentences that report speech in English, Russian and Turkish (one document each, the
worst case: each statement has versions in three languages to compare)."""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import Any

from .. import extract as extract_module
from ..archive.store import Store, open_store
from .corpora import nerel, polnear
from .parallel import LANGUAGES, parallel_pud


@dataclass
class StatementCost:
    name: str
    documents: int = 0
    quotes: int = 0
    total: float = 0.0  # seconds extracting and storing
    in_document: float = 0.0  # seconds in assign_statements
    in_archive: float = 0.0  # seconds in Store._link_statements

    def line(self) -> str:
        linking = self.in_document + self.in_archive
        share = linking / (self.total - linking) if self.total > linking else 0.0
        return (
            f"{self.name:<28} {self.documents:>5} docs {self.quotes:>6} quotes  "
            f"{self.total / max(self.documents, 1) * 1000:8.1f} ms/doc  linking "
            f"{self.in_document / max(self.documents, 1) * 1000:6.1f} + "
            f"{self.in_archive / max(self.documents, 1) * 1000:6.1f} ms/doc  "
            f"adds {share * 100:5.1f}%"
        )


@dataclass
class _Timers:
    spent: dict[str, float] = field(default_factory=lambda: {"document": 0.0, "archive": 0.0})

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.spent[name] += time.perf_counter() - start

        return timed


@contextmanager
def _timed(timers: _Timers) -> Iterator[None]:
    assign = extract_module.assign_statements
    link = Store._link_statements
    extract_module.assign_statements = timers.wrap("document", assign)
    Store._link_statements = timers.wrap("archive", link)  # type: ignore[method-assign]
    try:
        yield
    finally:
        extract_module.assign_statements = assign
        Store._link_statements = link  # type: ignore[method-assign]


def _sets(limit: int | None) -> list[tuple[str, list[tuple[str, str | None]]]]:
    n = limit or None
    # The parallel sentences that report speech (a quote mark or "said" in English).
    reported = [s for s in parallel_pud("dev") if re.search(r"[\"“”]|\bsaid\b", s.texts["en"])]
    return [
        ("PolNeAR dev (en)", [(d.text, "en") for d in islice(polnear("dev"), n)]),
        ("NEREL dev (ru)", [(d.text, "ru") for d in islice(nerel("dev"), n)]),
        (
            "parallel, speech (en, ru, tr)",
            [(s.texts[code], code) for s in reported[:n] for code in LANGUAGES],
        ),
    ]


def bench_statements(
    limit: int | None = None, emit: Callable[[str], None] = print
) -> list[StatementCost]:
    """Extract and store each set's documents one by one; print a line per set."""
    from ..extract import Extractor

    extractor = Extractor()
    results = []
    with tempfile.TemporaryDirectory() as work:
        for n, (name, docs) in enumerate(_sets(limit)):
            store = open_store(f"sqlite:///{Path(work) / f'{n}.db'}")
            extractor.load(sorted({language or "en" for _, language in docs}))
            timers = _Timers()
            cost = StatementCost(name)
            when = datetime(2025, 5, 2, tzinfo=timezone.utc)
            with _timed(timers):
                start = time.perf_counter()
                for i, (text, language) in enumerate(docs):
                    x = extractor.extract(text, language=language)
                    store.add(text, x, doc_id=f"d{i}", published_at=when)
                    cost.quotes += len(x.quotes)
                cost.total = time.perf_counter() - start
            cost.documents = len(docs)
            cost.in_document = timers.spent["document"]
            cost.in_archive = timers.spent["archive"]
            emit(cost.line())
            results.append(cost)
    return results
