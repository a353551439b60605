"""Writers at the same time: threads of one process, and a process killed (SIGKILL) in
the middle of its writes. On SQLite and PostgreSQL alike (see ``database_url``)."""

from __future__ import annotations

import subprocess
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import ColumnElement, func, select

from extractor.archive.store import Store, StoredDocument, documents, entities, open_store, quotes
from tests.archive.reports import report
from tests.helpers import at_once

pytestmark = pytest.mark.store

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 8
ROUNDS = 4


def _rows(store: Store, column: ColumnElement[Any], value: str) -> int:
    """How many rows hold ``value`` in ``column``."""
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).where(column == value)).scalar_one())


def test_one_document_from_many_writers_is_stored_once(database_url: str) -> None:
    store = open_store(database_url)
    for n in range(ROUNDS):
        text, extraction = report("Anna Berg", "Nordic Press Agency", f"round {n} is over")
        # Half the writers give an id, half only the text: the same document either way.
        results = at_once(
            [
                partial(store.add, text, extraction, doc_id=f"same-{n}" if i % 2 else None)
                for i in range(WRITERS)
            ]
        )
        assert sum(r.created for r in results) == 1, results
        assert {r.id for r in results} == {next(r.id for r in results if r.created)}
        assert _rows(store, documents.c.text, text) == 1
    assert store.counts()["documents"] == store.counts()["quotes"] == ROUNDS


def test_documents_naming_one_new_entity_make_one_row(database_url: str) -> None:
    store = open_store(database_url)
    people = ["Rustam Karimov", "Aigul Sarsenova", "Timur Nazarbekov", "Dilnoza Yusupova"]
    for n, person in enumerate(people):
        agency = f"Caspian Wire Service {n}"
        made = [report(person, agency, f"step {i} of round {n} works") for i in range(WRITERS)]
        results = at_once([partial(store.add, t, x) for t, x in made])
        assert all(r.created for r in results)
        for e in made[0][1].entities:
            assert _rows(store, entities.c.key, e.key) == 1, e.key
        [speaker] = {i["speaker"]["id"] for i in store.quotes(speaker=person, limit=50)[0]}
        assert store.entity(speaker)["documents"] == WRITERS


def test_spellings_of_one_new_person_at_once_are_one_person(database_url: str) -> None:
    store = open_store(database_url)
    spellings = ["Hacı Məmmədov", "Hacı Memmedov"] * (WRITERS // 2)
    made = [
        report(name, "Baku Press Club", f"talk {i} goes on") for i, name in enumerate(spellings)
    ]
    at_once([partial(store.add, t, x) for t, x in made])
    people, _ = store.entities(kind="PERSON")
    assert len(people) == 1, people


def test_one_document_replaced_by_many_writers_is_stored_once(database_url: str) -> None:
    store = open_store(database_url)
    text, extraction = report("Lena Novak", "Harbour Media Board", "the port reopens")
    store.add(text, extraction, doc_id="port")
    for _ in range(ROUNDS):
        results = at_once(
            [partial(store.add, text, extraction, doc_id="port", replace=True)] * WRITERS
        )
        assert {r.id for r in results} == {"port"}
        assert store.counts()["documents"] == store.counts()["quotes"] == 1
        assert _rows(store, quotes.c.document_id, "port") == 1


def _acknowledged(output: str) -> list[StoredDocument]:
    """The writes a writer process printed in full lines: "<id> <n> <created>"."""
    lines = output.split("\n")[:-1]  # the last is cut short, or empty
    return [
        StoredDocument(doc_id, created=created == "1")
        for doc_id, _, created in (line.split() for line in lines if line != "ready")
    ]


@pytest.mark.slow
def test_writes_acknowledged_before_a_kill_are_stored_once(
    database_url: str, tmp_path: Path
) -> None:
    """A process writing from several threads is killed (SIGKILL); the store reopens
    with every acknowledged document in it once, and no document twice."""
    store = open_store(database_url)
    out = tmp_path / "writes.txt"
    errors = tmp_path / "errors.txt"
    with out.open("w") as sink, errors.open("w") as error_sink:
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.archive.reports", database_url, "6", "100000"],
            cwd=ROOT,
            stdout=sink,
            stderr=error_sink,
        )
        try:
            started = time.monotonic()
            while "ready" not in out.read_text() and child.poll() is None:
                assert time.monotonic() - started < 60, "the writer did not start"
                time.sleep(0.05)
            time.sleep(2.5)
            assert child.poll() is None, errors.read_text()
        finally:
            child.kill()
            child.wait(timeout=30)
    assert "Traceback" not in errors.read_text(), errors.read_text()  # no write failed
    acknowledged = _acknowledged(out.read_text())
    assert len(acknowledged) > 6  # the writer got going before the kill
    store.engine.dispose()
    store = open_store(database_url)
    ids = {a.id for a in acknowledged}
    assert store.stored_ids(ids) == ids
    with store.engine.connect() as conn:
        twice = conn.execute(
            select(documents.c.content_hash)
            .group_by(documents.c.content_hash)
            .having(func.count() > 1)
        ).all()
        per_document = set(
            conn.execute(
                select(func.count()).select_from(quotes).group_by(quotes.c.document_id)
            ).scalars()
        )
    assert twice == []
    assert per_document <= {1}  # each document whole: its one quote, not two, not none
    assert store.counts()["documents"] == store.counts()["quotes"]
    created = [a.id for a in acknowledged if a.created]
    assert len(created) == len(set(created))  # each stored once as new
