"""Batch annotation of archives: ``extractor annotate INPUT... [--db URL] [--out FILE]``.

Inputs are JSONL, CSV or Parquet files (a text column, an optional id column and the
document metadata: url, title, published_at, source, language) or folders of ``.txt``
files. Worker processes run ``extract_many`` over batches; the main process writes
each batch of results to the store (in one transaction, ``Store.add_many``) and/or a
JSONL file as it arrives. The JSONL lines (id, text, metadata, status, error,
extraction) load into a store later with ``extractor load``.

Resumable: a document already in the store (by id) or in the output file is not
extracted again, and a line cut short by a killed run is dropped before writing on,
so a run killed at any point and started again finishes with every document once. A
document whose extraction fails is recorded with its error and the run goes on.
"""

from __future__ import annotations

import csv
import ctypes
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ExtractorError, InvalidInputError
from ..schema import Extraction

if TYPE_CHECKING:
    from .store import NewDocument

META_FIELDS = ("url", "title", "published_at", "source", "language")


@dataclass
class Record:
    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Result:
    record: Record
    extraction: Extraction | None
    error: str | None = None


@dataclass
class Summary:
    total: int = 0
    skipped: int = 0
    done: int = 0
    failed: int = 0
    seconds: float = 0.0

    def text(self) -> str:
        rate = self.done / self.seconds if self.seconds else 0.0
        return (
            f"annotated {self.done} documents ({self.failed} failed) in {self.seconds:.1f} s "
            f"({rate:.1f} documents/s); {self.skipped} already done of {self.total}"
        )


# --- reading inputs ------------------------------------------------------------------------


def read_inputs(
    paths: Sequence[str], text_field: str = "text", id_field: str = "id"
) -> Iterator[Record]:
    """Every record of every input, with a stable id (the id field, else file:line)."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for txt in sorted(path.rglob("*.txt")):
                rel = txt.relative_to(path).as_posix()
                yield Record(rel, txt.read_text(encoding="utf-8", errors="replace"))
            continue
        if not path.is_file():
            raise InvalidInputError(f"no such input: {path}", path=str(path))
        suffix = path.suffix.lower()
        if suffix in {".jsonl", ".ndjson"}:
            yield from _jsonl(path, text_field, id_field)
        elif suffix == ".csv":
            yield from _csv(path, text_field, id_field)
        elif suffix == ".parquet":
            yield from _parquet(path, text_field, id_field)
        elif suffix == ".txt":
            yield Record(path.name, path.read_text(encoding="utf-8", errors="replace"))
        else:
            raise InvalidInputError(
                f"{path}: unknown input type; use .jsonl, .csv, .parquet, .txt or a folder",
                path=str(path),
            )


def _record(row: dict[str, Any], where: str, text_field: str, id_field: str) -> Record:
    if text_field not in row:
        raise InvalidInputError(f"{where}: no {text_field!r} field", field=text_field)
    doc_id = row.get(id_field)
    meta = {k: row[k] for k in META_FIELDS if row.get(k) not in (None, "")}
    return Record(
        str(doc_id) if doc_id not in (None, "") else where, str(row[text_field] or ""), meta
    )


def _jsonl(path: Path, text_field: str, id_field: str) -> Iterator[Record]:
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InvalidInputError(f"{path}:{n}: not JSON ({exc.msg})") from exc
            if not isinstance(row, dict):
                raise InvalidInputError(f"{path}:{n}: not a JSON object")
            yield _record(row, f"{path.name}:{n}", text_field, id_field)


def _csv(path: Path, text_field: str, id_field: str) -> Iterator[Record]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        for n, row in enumerate(csv.DictReader(handle), start=2):
            yield _record(row, f"{path.name}:{n}", text_field, id_field)


def _parquet(path: Path, text_field: str, id_field: str) -> Iterator[Record]:
    import pyarrow.parquet as pq

    n = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
        for row in batch.to_pylist():
            n += 1
            yield _record(row, f"{path.name}:{n}", text_field, id_field)


# --- extracting ------------------------------------------------------------------------------

_worker: Any = None
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies
ORPHAN_POLL_SECONDS = 0.5


def _init_worker(parent: int | None = None) -> None:
    """A worker process's extractor; with ``parent`` (the annotating process's id), the
    worker also ends, quietly, as soon as that process is gone (killed: nobody is left
    to read its results)."""
    global _worker
    from ..nlp.startup import import_spacy
    from ..settings import get_settings

    if parent is not None:
        _end_with(parent)
    import_spacy(get_settings())
    from ..extract import Extractor

    _worker = Extractor()


def _end_with(parent: int) -> None:
    """End this process without a word when process ``parent`` ends: at once where
    Linux sends a signal on the parent's death (prctl PR_SET_PDEATHSIG), and within
    :data:`ORPHAN_POLL_SECONDS` elsewhere (a thread watching the parent's id)."""
    if sys.platform.startswith("linux"):
        with suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # gone before the signal was asked for
        os._exit(0)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_POLL_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _extract_batch(records: list[Record]) -> list[Result]:
    """Results of one batch; a failing document fails alone."""
    if _worker is None:
        _init_worker()
    groups: dict[str | None, list[Record]] = {}
    for r in records:
        groups.setdefault(r.meta.get("language"), []).append(r)
    results: list[Result] = []
    for language, group in groups.items():
        try:
            done = _worker.extract_many([r.text for r in group], language=language)
            results.extend(
                Result(r, None, f"{x.code}: {x.message}")
                if isinstance(x, ExtractorError)
                else Result(r, x)
                for r, x in zip(group, done, strict=True)
            )
        except Exception:  # the batch failing as a whole: one by one, to find the bad one
            for r in group:
                try:
                    results.append(Result(r, _worker.extract(r.text, language=language)))
                except ExtractorError as exc:
                    results.append(Result(r, None, f"{exc.code}: {exc.message}"))
                except Exception as exc:  # recorded, never stops the run
                    results.append(Result(r, None, f"internal_error: {type(exc).__name__}: {exc}"))
    return results


def _batches(records: Iterator[Record], size: int) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for r in records:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# --- writing ---------------------------------------------------------------------------------


class JsonlOutput:
    """Results appended to a JSONL file, one line per document; a line cut short by a
    killed run is dropped on opening."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.ids: set[str] = set()
        if path.exists():
            data = path.read_bytes()
            end = data.rfind(b"\n") + 1
            if end < len(data):  # a partial last line
                with path.open("r+b") as handle:
                    handle.truncate(end)
            for line in data[:end].splitlines():
                try:
                    self.ids.add(str(json.loads(line)["id"]))
                except (ValueError, KeyError):
                    continue
        self.handle = path.open("a", encoding="utf-8")

    def write(self, result: Result) -> None:
        row: dict[str, Any] = {"id": result.record.id, "text": result.record.text}
        row.update(result.record.meta)
        row["status"] = "ok" if result.extraction is not None else "error"
        if result.error:
            row["error"] = result.error
        row["extraction"] = result.extraction.model_dump(mode="json") if result.extraction else None
        self.handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.handle.flush()
        self.ids.add(result.record.id)

    def close(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()


def _published(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


def _new_document(res: Result) -> NewDocument:
    """The document to store for a result."""
    from .store import NewDocument

    meta = res.record.meta
    return NewDocument(
        res.record.text,
        res.extraction,
        doc_id=res.record.id,
        url=meta.get("url"),
        title=meta.get("title"),
        source=meta.get("source"),
        published_at=_published(meta.get("published_at")),
        error=res.error,
    )


def _store_error(exc: Exception) -> str:
    """The error a document the store refused is stored with."""
    return f"store_error: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}"


def _store(store: Any, res: Result, *, replace: bool = False) -> Result:
    """Store one result; a document the store refuses is stored with that error."""
    item = _new_document(res)
    fields = {
        "doc_id": item.doc_id,
        "url": item.url,
        "title": item.title,
        "source": item.source,
        "published_at": item.published_at,
    }
    try:
        store.add(item.text, item.extraction, error=item.error, replace=replace, **fields)
        return res
    except Exception as exc:  # recorded, never stops the run
        error = _store_error(exc)
        store.add(item.text, None, error=error, replace=replace, **fields)
        return Result(res.record, None, error)


def _store_many(store: Any, results: Sequence[Result]) -> list[Result]:
    """Store a batch of results in one transaction (``Store.add_many``); a document the
    store refuses is stored with that error, and where the batch fails as a whole its
    documents are stored one by one (:func:`_store`)."""
    from .store import check_document

    checked: list[Result] = []
    items: list[NewDocument] = []
    for res in results:
        item = _new_document(res)
        try:
            check_document(item)  # (which keeps the extraction's JSON on the item)
        except ExtractorError as exc:
            res = Result(res.record, None, _store_error(exc))
            item = _new_document(res)
        checked.append(res)
        items.append(item)
    try:
        store.add_many(items)
    except Exception:  # (rolled back) one at a time, each failure recorded alone
        return [_store(store, res) for res in checked]
    return checked


# The resource tracker (the helper process that removes the workers' queue semaphores)
# warns of leaked semaphores when the annotating process was killed: it is removing them.
_TRACKER_WARNING = "ignore::UserWarning:multiprocessing.resource_tracker"


@contextmanager
def _quiet_resource_tracker() -> Iterator[None]:
    """A block in which multiprocessing's resource tracker, if it starts, starts without
    its warning of semaphores left by a killed run (it removes them all the same)."""
    added = _TRACKER_WARNING not in sys.warnoptions
    if added:
        sys.warnoptions.append(_TRACKER_WARNING)
    try:
        yield
    finally:
        if added:
            sys.warnoptions.remove(_TRACKER_WARNING)


def annotate(
    inputs: Sequence[str],
    *,
    db: str | None = None,
    out: str | None = None,
    workers: int = 1,
    batch_size: int = 16,
    text_field: str = "text",
    id_field: str = "id",
    progress: bool = True,
) -> Summary:
    """Annotate every input document into the store ``db`` and/or the JSONL ``out``."""
    from tqdm import tqdm

    from .store import open_store

    if not db and not out:
        raise InvalidInputError("give --db and/or --out: where should the results go?")
    if workers < 1:
        raise InvalidInputError("--workers must be at least 1")
    records = list(read_inputs(inputs, text_field, id_field))
    store = open_store(db) if db else None
    output = JsonlOutput(Path(out)) if out else None
    summary = Summary(total=len(records))
    in_store = store.stored_ids(r.id for r in records) if store else set()
    todo: list[Record] = []
    for r in records:
        stored = store is None or r.id in in_store
        written = output is None or r.id in output.ids
        if stored and written:
            summary.skipped += 1
        elif stored and output is not None and store is not None:
            # In the store but not yet in the file (a run killed in between).
            doc = store.document(r.id)
            x = Extraction.model_validate(doc["extraction"]) if doc["extraction"] else None
            output.write(Result(r, x, doc["error"]))
            summary.skipped += 1
        else:
            todo.append(r)
    bar = tqdm(total=len(todo), unit="doc", disable=not progress, smoothing=0.1)
    started = time.perf_counter()
    try:
        batches = _batches(iter(todo), batch_size)
        if workers == 1:
            stream: Iterator[list[Result]] = (_extract_batch(b) for b in batches)
            pool = None
        else:
            with _quiet_resource_tracker():
                pool = get_context("spawn").Pool(
                    workers, initializer=_init_worker, initargs=(os.getpid(),)
                )
            stream = pool.imap_unordered(_extract_batch, batches)
        for results in stream:
            if store is not None:  # each batch in one transaction
                new = [i for i, res in enumerate(results) if res.record.id not in in_store]
                for i, res in zip(new, _store_many(store, [results[i] for i in new])):
                    results[i] = res
            for res in results:
                if output is not None and res.record.id not in output.ids:
                    output.write(res)
                summary.done += 1
                summary.failed += res.extraction is None
            bar.update(len(results))
        if pool is not None:
            pool.close()
            pool.join()
    finally:
        bar.close()
        if output is not None:
            output.close()
    summary.seconds = time.perf_counter() - started
    return summary


def reindex(db: str | None = None, *, batch_size: int = 16, progress: bool = True) -> Summary:
    """Re-extract the stored documents made by another extractor version (or that
    failed, or whose quotes were stored before statements were linked), keeping their
    ids and metadata."""
    from tqdm import tqdm

    from ..version import __version__
    from .store import open_store

    store = open_store(db)
    ids = store.outdated(__version__)
    summary = Summary(total=len(ids))
    started = time.perf_counter()
    with tqdm(total=len(ids), unit="doc", disable=not progress) as bar:
        for start in range(0, len(ids), batch_size):
            rows = list(store.iter_documents(ids[start : start + batch_size]))
            records = [
                Record(
                    row["id"],
                    row["text"],
                    {
                        "url": row["url"],
                        "title": row["title"],
                        "source": row["source"],
                        "published_at": row["published_at"],
                    },
                )
                for row in rows
            ]
            for res in _extract_batch(records):
                res = _store(store, res, replace=True)
                summary.done += 1
                summary.failed += res.extraction is None
            bar.update(len(records))
    summary.seconds = time.perf_counter() - started
    return summary
