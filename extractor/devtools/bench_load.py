"""Bulk loading into the store: ``extractor bench load``.

PolNeAR train's articles are annotated once (``extractor annotate --out``, two worker
processes; the JSONL is kept in the work folder and reused), then stored into fresh
stores on SQLite and, where a URL is given (``--db`` or EXTRACTOR_TEST_POSTGRES_URL),
PostgreSQL, in a schema of the bench's own that is dropped afterwards: one by one with
``Store.add``, in batches with ``Store.add_many`` (the extractions read already), and
with ``extractor load`` from the JSONL (reading and validating included, and the start of
its worker processes; its rate once they have started is shown too). Documents per
second, the target being 1,000 for the bulk paths; the stores must come out the same.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from ..archive.annotate import annotate
from ..archive.load import default_workers, document, find_sources, load, read_rows
from ..archive.store import NewDocument, Store, open_store
from .bench import write_articles
from .corpora import polnear_all_train

TARGET = 1_000  # documents/s, bulk paths


def bench_load(
    limit: int | None = None,
    workdir: str | None = None,
    db: str | None = None,
    batch_size: int = 200,
    emit: Callable[[str], None] = print,
) -> dict[str, float]:
    """Time the three ways into a store on SQLite and PostgreSQL (``db``, else
    EXTRACTOR_TEST_POSTGRES_URL, else SQLite only); each figure goes to ``emit`` as it
    is measured. The rates, by "<backend> <way>"."""
    work = Path(workdir or tempfile.mkdtemp(prefix="extractor-bench-load-"))
    work.mkdir(parents=True, exist_ok=True)
    annotated = work / f"annotated-{limit or 'all'}.jsonl"
    if annotated.exists():
        emit(f"reusing the extractions in {annotated}")
    else:
        texts = [d.text for d in polnear_all_train()][:limit]
        articles = work / f"articles-{limit or 'all'}.jsonl"
        write_articles(texts, articles)
        t0 = time.perf_counter()
        annotate([str(articles)], out=str(annotated), workers=2, progress=False)
        emit(f"annotated {len(texts)} PolNeAR train articles in {time.perf_counter() - t0:.0f} s")
    items = [document(row) for _, row in read_rows(find_sources([str(annotated)]))]
    quotes = sum(len(i.extraction.quotes) for i in items if i.extraction)
    names = sum(len(i.extraction.entities) for i in items if i.extraction)
    emit(f"{len(items)} documents, {names:,} entities named, {quotes:,} quotes")

    postgres = db or os.environ.get("EXTRACTOR_TEST_POSTGRES_URL")
    backends: list[tuple[str, Callable[[], AbstractContextManager[str]]]] = [
        ("SQLite", lambda: fresh_sqlite(work)),
    ]
    if postgres:
        backends.append(("PostgreSQL", lambda: fresh_postgres_schema(postgres)))
    else:
        emit("PostgreSQL: no URL (give --db or set EXTRACTOR_TEST_POSTGRES_URL); skipped")
    rates: dict[str, float] = {}
    for backend, fresh in backends:
        counts = []
        for way in ("add", "add_many", "load"):
            with fresh() as url:
                store = open_store(url)
                t0 = time.perf_counter()
                if way == "add":
                    add_one_by_one(store, items)
                elif way == "add_many":
                    for start in range(0, len(items), batch_size):
                        store.add_many(items[start : start + batch_size])
                else:
                    summary = load([str(annotated)], url, batch_size=batch_size, progress=False)
                seconds = time.perf_counter() - t0
                counts.append(store.counts())
                store.engine.dispose()
            rate = len(items) / seconds
            rates[f"{backend} {way}"] = rate
            shown = {"add": "add, one by one", "add_many": "add_many", "load": "extractor load"}
            target = f" (target >= {TARGET:,})" if way != "add" else ""
            emit(f"{backend:<11} {shown[way]:<16} {rate:8.0f} documents/s{target}")
            if way == "load":  # (the figure above counts its workers' start and imports)
                emit(
                    f"{backend:<11} {'  once started':<16} "
                    f"{summary.loaded / summary.seconds:8.0f} documents/s "
                    f"({default_workers()} worker process(es) preparing rows)"
                )
        if any(c != counts[0] for c in counts):
            emit(f"{backend}: the stores differ: {counts}")
        speedup = rates[f"{backend} add_many"] / rates[f"{backend} add"]
        emit(f"{backend:<11} add_many / add   {speedup:8.1f} x; stored: {counts[0]}")
    emit(f"work folder: {work}")
    return rates


def add_one_by_one(store: Store, items: Sequence[NewDocument]) -> None:
    """Each item stored with :meth:`Store.add`, one transaction each (as the service
    stores a posted document)."""
    for i in items:
        store.add(
            i.text,
            i.extraction,
            doc_id=i.doc_id,
            url=i.url,
            title=i.title,
            source=i.source,
            published_at=i.published_at,
            error=i.error,
        )


@contextmanager
def fresh_sqlite(work: Path) -> Iterator[str]:
    """A fresh SQLite store in ``work``, removed afterwards."""
    path = work / f"bench-{uuid.uuid4().hex[:8]}.db"
    try:
        yield f"sqlite:///{path}"
    finally:
        for leftover in work.glob(f"{path.name}*"):  # with its -wal and -shm files
            leftover.unlink()


@contextmanager
def fresh_postgres_schema(url: str) -> Iterator[str]:
    """The PostgreSQL database at ``url`` seen through a new schema of its own (its
    search path), dropped afterwards: a fresh store beside whatever the database holds."""
    from sqlalchemy import create_engine, make_url, text

    schema = f"bench_load_{uuid.uuid4().hex[:8]}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield scoped.render_as_string(hide_password=False)
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()
