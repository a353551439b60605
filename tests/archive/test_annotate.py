"""Archive annotation: every input format, failures recorded, and a real kill -9 in the
middle of a run followed by a resume that loses and duplicates nothing."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extractor.archive.annotate import annotate, read_inputs
from extractor.archive.store import Store, open_store

pytestmark = [pytest.mark.model, pytest.mark.store]

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["Hakan Fidan", "Rasim Baghirov", "Maria Zakharova", "Jeyhun Bayramov", "Ilham Aliyev"]


def _docs(n: int) -> list[dict[str, str]]:
    return [
        {
            "id": f"doc-{i}",
            "text": f'"Talks number {i} went well," {NAMES[i % len(NAMES)]} said on day {i}.',
            "published_at": f"2026-03-{i % 28 + 1:02d}T08:00:00+00:00",
        }
        for i in range(n)
    ]


def test_reads_jsonl_csv_parquet_and_folders(tmp_path: Path) -> None:
    docs = _docs(3)
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(d) for d in docs) + "\n")
    with (tmp_path / "a.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "body"])
        writer.writeheader()
        writer.writerows({"id": d["id"], "body": d["text"]} for d in docs)
    pq.write_table(pa.Table.from_pylist(docs), tmp_path / "a.parquet")
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "one.txt").write_text(docs[0]["text"])
    assert [r.id for r in read_inputs([str(tmp_path / "a.jsonl")])] == ["doc-0", "doc-1", "doc-2"]
    rows = list(read_inputs([str(tmp_path / "a.csv")], text_field="body"))
    assert rows[1].text == docs[1]["text"]
    assert len(list(read_inputs([str(tmp_path / "a.parquet")]))) == 3
    assert [r.id for r in read_inputs([str(tmp_path / "txt")])] == ["one.txt"]


def test_failures_are_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    docs = [*_docs(4), {"id": "blank", "text": "   "}]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(d) for d in docs) + "\n")
    db = f"sqlite:///{tmp_path / 'a.db'}"
    summary = annotate([str(source)], db=db, out=str(tmp_path / "out.jsonl"), progress=False)
    assert (summary.done, summary.failed) == (5, 1)
    assert open_store(db).document("blank")["status"] == "error"
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert {x["id"]: x["status"] for x in lines}["blank"] == "error"
    again = annotate([str(source)], db=db, out=str(tmp_path / "out.jsonl"), progress=False)
    assert (again.done, again.skipped) == (0, 5)


@pytest.mark.slow
def test_kill_minus_nine_then_resume(tmp_path: Path) -> None:
    n = 120
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(d) for d in _docs(n)) + "\n")
    out = tmp_path / "out.jsonl"
    db = f"sqlite:///{tmp_path / 'a.db'}"
    args = [
        sys.executable,
        "-m",
        "extractor.cli",
        "annotate",
        str(source),
        "--db",
        db,
        "--out",
        str(out),
        "--batch-size",
        "4",
        "--quiet",
    ]
    process = subprocess.Popen(args, cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if out.exists() and out.read_text().count("\n") >= 12:
            break
        if process.poll() is not None:
            pytest.fail("the run ended before it could be killed")
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    written = out.read_text().count("\n")
    assert 0 < written < n, "killed mid-run"

    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert sorted(ids) == sorted(d["id"] for d in _docs(n))  # none lost, none twice
    store = open_store(db)
    assert store.counts()["documents"] == n
    assert store.counts()["quotes"] == n


def _annotated(tmp_path: Path) -> tuple[str, Store]:
    """An archive of three annotated documents: its URL and its store."""
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(d) for d in _docs(3)) + "\n")
    db = f"sqlite:///{tmp_path / 'a.db'}"
    annotate([str(source)], db=db, progress=False)
    return db, open_store(db)


def test_reindex_updates_older_documents(tmp_path: Path) -> None:
    from sqlalchemy import update

    from extractor import __version__
    from extractor.archive.annotate import reindex
    from extractor.archive.store import documents

    db, store = _annotated(tmp_path)
    before = store.counts()
    with store.engine.begin() as conn:
        conn.execute(
            update(documents).where(documents.c.id == "doc-1").values(extractor_version="0.0.1")
        )
    assert store.outdated(__version__) == ["doc-1"]
    summary = reindex(db, progress=False)
    assert summary.done == 1
    assert store.outdated(__version__) == []
    assert store.counts() == before
    assert store.document("doc-1")["published_at"].startswith("2026-03-02")


def test_reindex_links_the_quotes_stored_before_statements(tmp_path: Path) -> None:
    from sqlalchemy import select, update

    from extractor import __version__
    from extractor.archive.annotate import reindex
    from extractor.archive.store import quotes

    db, store = _annotated(tmp_path)
    assert store.outdated(__version__) == []
    # As an archive stored before migration 0008 holds them: quotes without a statement.
    with store.engine.begin() as conn:
        conn.execute(
            update(quotes).where(quotes.c.document_id == "doc-2").values(statement_id=None)
        )
    assert store.outdated(__version__) == ["doc-2"]
    assert reindex(db, progress=False).done == 1
    assert store.outdated(__version__) == []
    with store.engine.connect() as conn:
        linked = conn.execute(select(quotes.c.statement_id).where(quotes.c.document_id == "doc-2"))
        assert all(r[0] is not None for r in linked)


@pytest.mark.parametrize("url", ["nosuchdb://x", "sqlite:////nonexistent-folder/a.db"])
def test_bad_store_url_is_a_clear_error(tmp_path: Path, url: str) -> None:
    from extractor.archive.store import StoreUnavailableError

    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(_docs(1)[0]) + "\n")
    with pytest.raises(StoreUnavailableError, match="cannot open the store"):
        annotate([str(source)], db=url, progress=False)


def _processes_under(parent: int) -> dict[int, str]:
    """The child processes of ``parent``, by id, with their command lines."""
    found: dict[int, str] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(fields[1]) == parent:
            found[int(stat.parent.name)] = command
    return found


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads processes from /proc")
def test_workers_end_quietly_when_the_run_is_killed(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(d) for d in _docs(400)) + "\n")
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "stderr.txt"
    args = [sys.executable, "-m", "extractor.cli", "annotate", str(source), "--out", str(out)]
    with errors.open("w") as stderr:
        process = subprocess.Popen(
            [*args, "--workers", "2", "--batch-size", "2", "--quiet"],
            cwd=ROOT,
            stderr=stderr,
            start_new_session=True,
        )
    deadline = time.monotonic() + 240
    while not (out.exists() and out.read_text().count("\n") >= 4):
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail("the run ended (or never started) before it could be killed")
        time.sleep(0.05)
    helpers = _processes_under(process.pid)
    workers = [pid for pid, command in helpers.items() if "spawn_main" in command]
    assert len(workers) == 2

    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)], "workers outlived the run"
    time.sleep(0.5)  # anything the helpers had left to say
    said = errors.read_text()
    assert "Traceback" not in said
    assert "leaked semaphore" not in said
