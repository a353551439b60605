"""Bulk loading of annotated documents: ``extractor load PATH... [--db URL]``.

Reads what the annotators wrote: Parquet files, or folders of them (``extractor annotate
--engine spark`` writes one partitioned by ``language`` and ``month``: the partition
values are read back from the folder names), read with ``pyarrow.parquet``; and JSONL
files (``extractor annotate --out``), or folders of them. A row is a document: ``id``,
``text``, ``title``, ``url``, ``source``, ``published_at``, ``error``, ``content_hash``
and its extraction, either nested under ``extraction`` (annotate's lines) or as one
top-level column per field of :class:`~extractor.schema.Extraction` (Spark's rows). A
row with an ``error`` is stored as a failed document with that error, as annotate
stores one.

Rows are read, validated and made into the rows they are stored in (:func:`~.store.prepare`)
by worker processes (``workers``; by default one for each core but the one storing), in
chunks, while this process stores what they send back in batches of one transaction each
(:meth:`Store.add_prepared`), in the order of the inputs.
Idempotent: a document stored already (same id, or same text) is skipped and counted,
so a run killed at any point and started again stores the rest. A row that cannot be
read (not JSON, no text, an extraction that does not validate, a ``content_hash`` that
is not its text's, a string no database holds) is reported on one line and skipped.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from itertools import pairwise
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from pydantic import ValidationError

from ..errors import ExtractorError, InvalidInputError
from ..schema import Extraction

if TYPE_CHECKING:
    import pyarrow as pa

    from .store import NewDocument, PreparedDocument, Store

PARQUET = (".parquet",)
JSONL = (".jsonl", ".ndjson")
# The value Spark and Hive write for a null partition value (a failed document's language).
HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"
CHUNK = 50  # rows a worker reads and prepares at a time


@dataclass
class LoadSummary:
    rows: int = 0  # rows read
    loaded: int = 0  # documents stored (``failed`` among them)
    failed: int = 0  # documents stored with the error that stopped their extraction
    skipped: int = 0  # documents stored already (same id or same text)
    bad: int = 0  # rows that could not be read, reported and left out
    seconds: float = 0.0

    def text(self) -> str:
        rate = self.loaded / self.seconds if self.seconds else 0.0
        return (
            f"loaded {self.loaded} documents ({self.failed} failed extraction) in "
            f"{self.seconds:.1f} s ({rate:.0f} documents/s); {self.skipped} already stored, "
            f"{self.bad} bad rows left out, of {self.rows} rows"
        )


@dataclass
class Source:
    """An input file: Parquet or JSONL, with the partition values of its folders."""

    path: Path
    kind: str  # parquet | jsonl
    partitions: dict[str, str | None]


class BadRow(Exception):
    """A row that is no document the store can hold: why, in one line."""


# --- finding and reading the inputs ------------------------------------------------------


def find_sources(paths: Sequence[str]) -> list[Source]:
    """The Parquet and JSONL files of ``paths`` (files, or folders searched through; files
    whose names start with "." or "_" are Spark's bookkeeping and left out), in order;
    InvalidInputError for a path that is missing, not Parquet or JSONL, or a folder
    holding neither."""
    found: list[Source] = []
    for name in paths:
        path = Path(name)
        if path.is_file():
            kind = _kind(path)
            if kind is None:
                raise InvalidInputError(
                    f"{path}: not Parquet or JSONL (.parquet, .jsonl, .ndjson, or a folder "
                    "of them)",
                    path=str(path),
                )
            found.append(Source(path, kind, {}))
        elif path.is_dir():
            files = [
                f
                for f in sorted(path.rglob("*"))
                if f.is_file()
                and _kind(f) is not None
                and not any(p.startswith((".", "_")) for p in f.relative_to(path).parts)
            ]
            if not files:
                raise InvalidInputError(
                    f"{path}: no Parquet or JSONL files in this folder", path=str(path)
                )
            for f in files:
                kind = _kind(f)
                assert kind is not None
                found.append(Source(f, kind, _partitions(f.relative_to(path))))
        else:
            raise InvalidInputError(f"no such input: {path}", path=str(path))
    return found


def _kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    return "parquet" if suffix in PARQUET else "jsonl" if suffix in JSONL else None


def _partitions(relative: Path) -> dict[str, str | None]:
    """The ``key=value`` folder names above a file (Hive partitioning, as Spark writes)."""
    values: dict[str, str | None] = {}
    for part in relative.parts[:-1]:
        key, sep, value = part.partition("=")
        if sep and key:
            value = unquote(value)
            values[unquote(key)] = None if value == HIVE_NULL else value
    return values


def count_rows(sources: Sequence[Source]) -> int:
    """How many rows the inputs hold (Parquet: from the files' metadata, so that a file
    that is no Parquet is an InvalidInputError before anything is loaded)."""
    total = 0
    for source in sources:
        if source.kind == "parquet":
            import pyarrow as pa  # (only for Parquet)
            import pyarrow.parquet as pq

            try:
                total += pq.ParquetFile(source.path).metadata.num_rows
            except (pa.ArrowException, OSError) as exc:
                raise _unreadable(source, exc) from exc
        else:
            with source.path.open("rb") as lines:
                total += sum(1 for line in lines if line.strip())
    return total


def _unreadable(source: Source, exc: Exception) -> InvalidInputError:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return InvalidInputError(
        f"{source.path}: not readable as Parquet ({reason})", path=str(source.path)
    )


def read_rows(sources: Sequence[Source]) -> Iterator[tuple[str, Any]]:
    """Every row of the inputs as (where, row): a dict, or for a line that is no JSON
    object a :class:`BadRow`."""
    for chunk in read_chunks(sources):
        yield from chunk.rows()


@dataclass
class Chunk:
    """Rows of one input to read in a worker: JSONL lines (number, line), or a batch of
    Parquet rows numbered from ``first``."""

    path: str
    partitions: dict[str, str | None]
    lines: list[tuple[int, str]] = field(default_factory=list)
    batch: pa.RecordBatch | None = None
    first: int = 1

    def __len__(self) -> int:
        return self.batch.num_rows if self.batch is not None else len(self.lines)

    def rows(self) -> Iterator[tuple[str, Any]]:
        """(where, row) of each row: a dict, or a :class:`BadRow`."""
        if self.batch is not None:
            rows = arrow_rows(self.batch)
            numbered: Iterator[tuple[str, Any]] = (
                (f"{self.path}: row {self.first + i}", row) for i, row in enumerate(rows)
            )
        else:
            numbered = ((f"{self.path}:{n}", _json_row(line)) for n, line in self.lines)
        for where, row in numbered:
            if isinstance(row, dict):
                for key, value in self.partitions.items():
                    if row.get(key) is None:
                        row[key] = value
            yield where, row


def arrow_rows(batch: pa.RecordBatch) -> list[dict[str, Any]]:
    """The rows of an Arrow batch as dicts, as ``batch.to_pylist(maps_as_pydicts=
    "lossy")`` makes them (a map's key given twice keeps its last value), made a column
    at a time: several times faster for nested columns, whose values pyarrow otherwise
    makes one scalar at a time."""
    names = batch.schema.names
    columns = [_values(column) for column in batch.columns]
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


def _values(array: pa.Array) -> list[Any]:
    """``array.to_pylist(maps_as_pydicts="lossy")``, a child array at a time: structs as
    dicts, lists as lists, maps as dicts, nulls as None."""
    import pyarrow as pa

    kind = array.type
    rows: list[Any]
    if pa.types.is_struct(kind):
        names = [kind.field(i).name for i in range(kind.num_fields)]
        children = [_values(child) for child in array.flatten()]  # (sliced as the array)
        rows = (
            [dict(zip(names, values, strict=True)) for values in zip(*children, strict=True)]
            if names
            else [{} for _ in range(len(array))]
        )
    elif pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_map(kind):
        # The offsets of the array's own rows into all of its values (not sliced).
        offsets = array.offsets.to_pylist()
        spans = pairwise(offsets)
        if pa.types.is_map(kind):
            entries = array.values  # (key, value) structs
            keys, items = _values(entries.field(0)), _values(entries.field(1))
            rows = [dict(zip(keys[a:b], items[a:b], strict=True)) for a, b in spans]
        else:
            values = _values(array.values)
            rows = [values[a:b] for a, b in spans]
    else:
        return array.to_pylist()
    if array.null_count:
        rows = [
            None if null else row
            for row, null in zip(rows, array.is_null().to_pylist(), strict=True)
        ]
    return rows


def read_chunks(sources: Sequence[Source], size: int = CHUNK) -> Iterator[Chunk]:
    """The rows of the inputs in chunks of ``size``, read but not parsed."""
    for source in sources:
        if source.kind == "parquet":
            yield from _parquet_chunks(source, size)
            continue
        chunk = Chunk(str(source.path), source.partitions)
        with source.path.open(encoding="utf-8", errors="replace") as lines:
            for n, line in enumerate(lines, start=1):
                if line.strip():
                    chunk.lines.append((n, line))
                    if len(chunk.lines) >= size:
                        yield chunk
                        chunk = Chunk(str(source.path), source.partitions)
        if chunk.lines:
            yield chunk


def _parquet_chunks(source: Source, size: int) -> Iterator[Chunk]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        first = 1
        for batch in pq.ParquetFile(source.path).iter_batches(batch_size=size):
            yield Chunk(str(source.path), source.partitions, batch=batch, first=first)
            first += batch.num_rows
    except (pa.ArrowException, OSError) as exc:
        raise _unreadable(source, exc) from exc


def _json_row(line: str) -> Any:
    """A JSONL line's object, or the :class:`BadRow` it is."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return BadRow(f"not JSON ({exc.msg})")
    return row if isinstance(row, dict) else BadRow("not a JSON object")


@dataclass
class Prepared:
    """A row read and made ready to store: its document's rows, or why it is left out."""

    where: str
    doc_id: str | None
    document: PreparedDocument | None
    bad: str | None = None


def prepare_chunk(chunk: Chunk) -> list[Prepared]:
    """Every row of ``chunk`` read, validated and made into its rows (in a worker)."""
    from .store import prepare

    done = []
    for where, row in chunk.rows():
        if isinstance(row, BadRow):
            done.append(Prepared(where, None, None, str(row)))
            continue
        doc_id = _doc_id(row)
        try:
            done.append(Prepared(where, doc_id, prepare(document(row))))
        except (BadRow, ExtractorError) as exc:
            done.append(Prepared(where, doc_id, None, getattr(exc, "message", str(exc))))
    return done


COLLECT_EVERY = 1000  # rows a worker prepares between two runs of its cycle collector
_since_collected = 0


def _init_preparer(parent: int) -> None:
    """A worker that prepares rows: it ends with ``parent``, and its cycle collector
    runs every :data:`COLLECT_EVERY` rows (:func:`_prepare_collected`), not within
    them; what it imports is never looked at by it."""
    from .annotate import _end_with

    _end_with(parent)
    import pyarrow  # noqa: F401  (imported before the first chunk, frozen below)

    from . import store  # noqa: F401

    gc.freeze()
    gc.disable()


def _prepare_collected(chunk: Chunk) -> list[Prepared]:
    global _since_collected
    done = prepare_chunk(chunk)
    _since_collected += len(done)
    if _since_collected >= COLLECT_EVERY:
        gc.collect()
        _since_collected = 0
    return done


def default_workers() -> int:
    """Worker processes for ``load``: one for each core but the one that stores, at most
    four (a single core prepares in the storing process)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # (not on Linux)
        cores = os.cpu_count() or 1
    return max(0, min(cores - 1, 4))


@contextmanager
def _preparers(workers: int) -> Iterator[ProcessPoolExecutor | None]:
    """``workers`` processes that prepare rows, started at once (their imports then go
    on while this process opens the store); None for none."""
    if workers == 0:
        yield None
        return
    with ProcessPoolExecutor(
        workers,
        mp_context=get_context("spawn"),
        initializer=_init_preparer,
        initargs=(os.getpid(),),
    ) as pool:
        for _ in range(workers):
            pool.submit(int)  # (each process is started by the task it is first given)
        yield pool


def _read_ahead(chunks: Iterator[Chunk], depth: int = 8) -> Iterator[Chunk]:
    """``chunks``, read by a thread of their own up to ``depth`` ahead: decoding Parquet
    lets go of the interpreter, so reading goes on while this process stores. An error
    reading is raised here, where the chunk would have come."""
    import queue
    import threading

    done = object()
    ready: queue.Queue[Any] = queue.Queue(depth)
    stop = threading.Event()

    def read() -> None:
        try:
            for chunk in chunks:
                while not stop.is_set():
                    try:
                        ready.put(chunk, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            ready.put(done)
        except BaseException as exc:  # (handed over to the reading side)
            ready.put(exc)

    reader = threading.Thread(target=read, name="load-reader", daemon=True)
    reader.start()
    try:
        while (item := ready.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()


def _prepared(
    chunks: Iterator[Chunk], pool: ProcessPoolExecutor | None, ahead: int
) -> Iterator[list[Prepared]]:
    """The prepared chunks, in order: in this process, or in ``pool`` with at most
    ``ahead`` rows sent and not yet taken back (the inputs are read as they go). A
    worker that ended abruptly (killed, out of memory) ends the load with a clear error;
    what is stored stays stored, and a rerun goes on from there."""
    if pool is None:
        yield from map(prepare_chunk, chunks)
        return
    pending: deque[Future[list[Prepared]]] = deque()
    sizes: deque[int] = deque()
    try:
        for chunk in _read_ahead(chunks):
            pending.append(pool.submit(_prepare_collected, chunk))
            sizes.append(len(chunk))
            while sum(sizes) >= ahead:
                sizes.popleft()
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool:
        raise ExtractorError(
            "a worker process reading the rows ended abruptly (killed, or out of memory); "
            "what was stored stays stored: run the load again to store the rest"
        ) from None
    finally:
        for future in pending:
            future.cancel()


# --- rows to documents ------------------------------------------------------------------


def _doc_id(row: dict[str, Any]) -> str | None:
    value = row.get("id")
    return None if value in (None, "") else str(value)


def document(row: dict[str, Any]) -> NewDocument:
    """The document a row holds; :class:`BadRow` where it holds none the store takes."""
    from .store import NewDocument, check_document, content_hash

    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadRow("no text")
    digest = row.get("content_hash")
    if digest not in (None, "") and digest != content_hash(text):
        raise BadRow("its content_hash is not the hash of its text")
    error = row.get("error") or (
        "error: the extraction failed" if row.get("status") == "error" else None
    )
    extraction = None if error else _extraction(row)
    item = NewDocument(
        text,
        extraction,
        doc_id=_doc_id(row),
        url=_string(row, "url"),
        title=_string(row, "title"),
        source=_string(row, "source"),
        published_at=_published(row.get("published_at")),
        error=str(error) if error else None,
    )
    try:
        check_document(item)
    except ExtractorError as exc:
        raise BadRow(exc.message) from None
    return item


def _extraction(row: dict[str, Any]) -> Extraction:
    """The row's extraction: nested under ``extraction``, else its fields at the top
    (a null field takes its default)."""
    if "extraction" in row:
        fields = row["extraction"]
        if not isinstance(fields, dict):
            raise BadRow("no extraction and no error")
    else:
        fields = {k: row[k] for k in Extraction.model_fields if row.get(k) is not None}
    models = fields.get("models")
    if isinstance(models, list):  # a map read as (key, value) pairs
        fields = {**fields, "models": dict(models)}
    elif isinstance(models, dict):  # a struct: a field per language, null where unused
        fields = {**fields, "models": {k: v for k, v in models.items() if v is not None}}
    try:
        return Extraction.model_validate(fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "extraction"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise BadRow(f"the extraction is not valid: {where}: {first['msg']}{more}") from None


def _string(row: dict[str, Any], key: str) -> str | None:
    value = row.get(key)
    return None if value in (None, "") else str(value)


def _published(value: Any) -> datetime | None:
    """A publication time: a timestamp (one without an offset is in UTC), a date, or an
    ISO 8601 string."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    try:
        return datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        raise BadRow(f"published_at {str(value)[:40]!r} is not an ISO 8601 time") from None


# --- loading -----------------------------------------------------------------------------


def load(
    paths: Sequence[str],
    db: str | None = None,
    *,
    batch_size: int = 200,
    workers: int | None = None,
    progress: bool = True,
    warn: Callable[[str], None] | None = None,
) -> LoadSummary:
    """Load the documents of ``paths`` into the store ``db`` (default: the configured
    one), ``batch_size`` documents a transaction, the rows read and prepared by
    ``workers`` processes (default: :func:`default_workers`; 0: in this one). Each row
    left out is reported to ``warn`` in one line (default: standard error)."""
    from .store import open_store

    if batch_size < 1:
        raise InvalidInputError("--batch-size must be at least 1")
    workers = default_workers() if workers is None else workers
    if workers < 0:
        raise InvalidInputError("--workers must be 0 (none: this process) or more")
    sources = find_sources(paths)
    with _preparers(workers) as pool:
        total = count_rows(sources)
        store = open_store(db)
        return _load(store, sources, total, pool, batch_size, workers, progress, warn)


def _load(
    store: Store,
    sources: Sequence[Source],
    total: int,
    pool: ProcessPoolExecutor | None,
    batch_size: int,
    workers: int,
    progress: bool,
    warn: Callable[[str], None] | None,
) -> LoadSummary:
    """:func:`load`, the store open and the workers (if any) started."""
    from tqdm import tqdm

    summary = LoadSummary()

    def report(line: str) -> None:
        (warn or (lambda s: tqdm.write(s, file=sys.stderr)))(line)

    started = time.perf_counter()
    collecting = gc.isenabled()
    # Python's cycle collector paused, and run once after each batch: its passes over
    # the many objects a batch makes otherwise take about as long as storing it.
    gc.freeze()  # (what is there before, modules included, is not looked at again)
    gc.disable()
    # Enough rows under way for the workers to prepare a whole batch while one is stored.
    ahead = batch_size + 2 * workers * CHUNK
    try:
        with tqdm(total=total, unit="doc", disable=not progress, smoothing=0.1) as bar:
            batch: list[Prepared] = []
            for chunk in _prepared(read_chunks(sources), pool, ahead):
                batch += chunk
                if len(batch) >= batch_size:
                    _load_batch(store, batch, summary, report)
                    bar.update(len(batch))
                    batch = []
                    gc.collect()
            if batch:
                _load_batch(store, batch, summary, report)
                bar.update(len(batch))
    finally:
        gc.unfreeze()
        if collecting:
            gc.enable()
    summary.seconds = time.perf_counter() - started
    return summary


def _load_batch(
    store: Store,
    batch: Sequence[Prepared],
    summary: LoadSummary,
    report: Callable[[str], None],
) -> None:
    """Store one batch of rows in one transaction; the rows stored already (by id) are
    skipped, whether they read well or not."""
    summary.rows += len(batch)
    stored = store.stored_ids(row.doc_id for row in batch if row.doc_id)
    items = []
    for row in batch:
        if row.doc_id in stored:
            summary.skipped += 1
        elif row.document is None:
            summary.bad += 1
            shown = f" (id {row.doc_id})" if row.doc_id else ""
            report(f"{row.where}{shown}: left out: {row.bad}")
        else:
            items.append(row.document)
    for item, result in zip(items, store.add_prepared(items), strict=True):
        if result.created:
            summary.loaded += 1
            summary.failed += item.failed
        else:
            summary.skipped += 1
