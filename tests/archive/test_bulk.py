"""Bulk writes: ``Store.add_many`` against ``Store.add`` one by one, and ``extractor load``
from Parquet (Spark's row layout) and from annotate's JSONL. On SQLite and PostgreSQL
alike (see ``database_url``)."""

from __future__ import annotations

import gc
import json
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import Table, create_engine, func, select, text

from extractor import Extractor
from extractor.archive.annotate import JsonlOutput, Record, Result
from extractor.archive.load import load
from extractor.archive.store import (
    NewDocument,
    Store,
    aliases,
    content_hash,
    document_entities,
    documents,
    entities,
    open_store,
    quotes,
    roles,
)
from extractor.cli import main
from extractor.devtools.bench_load import add_one_by_one
from extractor.errors import InvalidInputError
from extractor.schema import Extraction
from tests.archive.reports import report
from tests.archive.test_store import DOCS
from tests.helpers import at_once

pytestmark = [pytest.mark.model, pytest.mark.store]

START = datetime(2016, 3, 1, 9, 30, tzinfo=timezone.utc)
BATCH = 7  # documents per add_many call: entities meet across batches and within them


@pytest.fixture(scope="session")
def corpus(extractor: Extractor, seed_text: str) -> list[NewDocument]:
    """The seed article among 40 PolNeAR dev articles, extracted once; with a document
    whose extraction failed, the seed's text again under another id, and a PolNeAR
    article twice under one id: what a real batch holds."""
    from extractor.devtools.corpora import polnear

    articles = [(d.name, d.text) for d in list(polnear("dev"))[:40]]
    articles.insert(17, ("seed", seed_text))
    done = extractor.extract_many([t for _, t in articles])
    items = []
    for i, ((name, article), x) in enumerate(zip(articles, done, strict=True)):
        assert isinstance(x, Extraction), x
        items.append(
            NewDocument(
                article,
                x,
                doc_id=name,
                url=f"https://news.example/{name}",
                title=article.split("\n", 1)[0][:80],
                source="PolNeAR" if name != "seed" else "Report.az",
                published_at=START + timedelta(days=i, hours=i % 5),
            )
        )
    failed = NewDocument(
        "An article whose extraction failed.",
        None,
        doc_id="failed",
        published_at=START,
        error="internal_error: RuntimeError: boom",
    )
    return [
        *items[:5],
        failed,
        *items[5:20],
        replace(items[17], doc_id="seed-again"),  # the same text: stored once
        *items[20:30],
        replace(items[3], text=items[3].text + "\nUpdated."),  # the same id: stored once
        *items[30:],
    ]


def _empty(url: str) -> None:
    """Make the database at ``url`` empty again (the ``database_url`` fixture's)."""
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        for leftover in path.parent.glob(f"{path.name}*"):
            leftover.unlink()
        return
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _one_by_one(url: str, items: list[NewDocument]) -> Store:
    store = open_store(url)
    add_one_by_one(store, items)
    return store


def _rows(store: Store, table: Table, *drop: str) -> list[dict[str, Any]]:
    columns = [c for c in table.columns if c.name not in drop]
    with store.engine.connect() as conn:
        rows = conn.execute(select(*columns)).mappings()
        return sorted((dict(r) for r in rows), key=lambda r: json.dumps(r, default=str))


def dump(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every stored row, ids included (the time each document was stored aside)."""
    return {
        t.name: _rows(store, t, "created_at")
        for t in (documents, entities, aliases, document_entities, roles, quotes)
    }


def named(store: Store) -> dict[str, Any]:
    """What the store holds with entities by their keys instead of their ids: documents,
    entities (type, name, code, aliases), mentions, roles and quotes."""
    with store.engine.connect() as conn:
        keys = dict(conn.execute(select(entities.c.id, entities.c.key)).all())
    keys[None] = None
    names: dict[str, Any] = {}
    for e in _rows(store, entities):
        names[e["key"]] = (e["type"], e["name"], e["code"], e["skeleton"], [])
    for a in _rows(store, aliases):
        names[keys[a["entity_id"]]][4].append((a["alias"], a["folded"]))
    return {
        "documents": _rows(store, documents, "created_at"),
        "entities": names,
        "mentions": sorted(
            (m["document_id"], keys[m["entity_id"]], m["mentions"])
            for m in _rows(store, document_entities)
        ),
        "roles": sorted(
            (
                r["document_id"],
                keys[r["person_id"]],
                r["title"],
                keys[r["organization_id"]] or "",
                keys[r["country_id"]] or "",
                r["evidence"],
            )
            for r in _rows(store, roles)
        ),
        "quotes": sorted(
            json.dumps({**q, "id": None, "speaker_id": keys[q["speaker_id"]]}, default=str)
            for q in _rows(store, quotes)
        ),
    }


def _same_stores(expected: Store, got: Store) -> None:
    assert named(got) == named(expected)  # the same by names, in one order or another
    assert dump(got) == dump(expected)  # and with the same ids, as stored in one order


@pytest.fixture
def by_add(database_url: str, corpus: list[NewDocument]) -> dict[str, Any]:
    """What storing the corpus one document at a time with ``add`` makes, as
    (named, dump); the database is empty again afterwards."""
    store = _one_by_one(database_url, corpus)
    made = {"named": named(store), "dump": dump(store), "counts": store.counts()}
    store.engine.dispose()
    _empty(database_url)
    return made


def _assert_made(store: Store, by_add: dict[str, Any]) -> None:
    assert named(store) == by_add["named"]
    assert dump(store) == by_add["dump"]


@pytest.mark.corpus
def test_add_many_stores_what_add_stores_one_by_one(
    database_url: str, corpus: list[NewDocument], by_add: dict[str, Any]
) -> None:
    store = open_store(database_url)
    results = []
    for start in range(0, len(corpus), BATCH):
        results += store.add_many(corpus[start : start + BATCH])
    assert len(results) == len(corpus)
    assert [r.id for r in results if not r.created] == ["seed", corpus[3].doc_id]
    assert store.counts() == by_add["counts"]
    assert by_add["counts"]["quotes"] > 100 and by_add["counts"]["entities"] > 100
    _assert_made(store, by_add)
    # All in one batch: the same again.
    store.engine.dispose()
    _empty(database_url)
    store = open_store(database_url)
    store.add_many(corpus)
    _assert_made(store, by_add)


def test_a_person_in_several_scripts_across_batches_is_one_entity(
    database_url: str, extractor: Extractor
) -> None:
    store = open_store(database_url)
    made = {
        doc_id: NewDocument(t, extractor.extract(t, language=lang), doc_id=doc_id, published_at=at)
        for doc_id, t, lang, at in DOCS
    }
    spelled = [
        NewDocument(*report(name, "Baku Press Club", f"talk {i} goes on"), doc_id=f"h{i}")
        for i, name in enumerate(["Hacı Məmmədov", "Hacı Memmedov", "Hacı Məmmədov"])
    ]
    store.add_many([made["a"], spelled[0]])
    store.add_many([made["d"], made["b"], spelled[1]])
    store.add_many([spelled[2], made["c"]])
    for name in ("Baghirov", "Bağırov", "Багиров", "Расим Багиров"):
        items, _ = store.quotes(speaker=name)
        assert {i["document_id"] for i in items} == {"a", "b", "c"}, name
        assert len({i["speaker"]["id"] for i in items}) == 1, name
    items, _ = store.quotes(speaker="Məmmədov")
    assert {i["document_id"] for i in items} == {"h0", "h1", "h2"}
    assert len({i["speaker"]["id"] for i in items}) == 1
    # Within one batch too.
    store.engine.dispose()
    _empty(database_url)
    store = open_store(database_url)
    store.add_many([made["c"], *spelled, made["a"], made["b"]])
    people, _ = store.entities(kind="PERSON")
    assert len(people) == 2, people


def test_a_batch_again_is_skipped_and_reported(database_url: str) -> None:
    store = open_store(database_url)
    first = [
        NewDocument(*report("Anna Berg", "Nordic Press Agency", f"plan {i} works"))
        for i in range(4)
    ]
    made = store.add_many(first)
    assert all(r.created for r in made)
    counts = store.counts()
    again = store.add_many([*first[:2], replace(first[2], doc_id="other-id")])
    assert [(r.id, r.created) for r in again] == [(r.id, False) for r in made[:3]]
    assert store.counts() == counts
    more = NewDocument(*report("Anna Berg", "Nordic Press Agency", "plan 9 works"), doc_id="new")
    mixed = store.add_many([first[3], more, more])
    assert [(r.id, r.created) for r in mixed] == [
        (made[3].id, False),
        ("new", True),
        ("new", False),
    ]
    assert store.counts()["documents"] == counts["documents"] + 1


def test_a_batch_with_a_document_no_database_holds_stores_none(database_url: str) -> None:
    store = open_store(database_url)
    good = NewDocument(*report("Anna Berg", "Nordic Press Agency", "plan 1 works"))
    bad = NewDocument("a NUL \x00 here", None, error="x")
    with pytest.raises(InvalidInputError, match="document #1") as caught:
        store.add_many([good, bad])
    assert caught.value.details["index"] == 1
    assert store.counts()["documents"] == 0
    assert store.add_many([]) == []


def test_the_escape_of_a_nul_written_out_is_text_and_stored(database_url: str) -> None:
    # Its six characters show in the extraction's JSON as the escape of a NUL would
    # (behind one more backslash): a look at every string finds no NUL, and it is stored.
    store = open_store(database_url)
    text_, extraction = report("Anna Berg", "Nordic Press Agency", "plan \\u0000 works")
    assert "\\u0000" in text_ and "\x00" not in text_
    named = extraction.entities[0].model_copy(update={"name": "Anna \\u0000 Berg"})
    extraction = extraction.model_copy(update={"entities": [named, *extraction.entities[1:]]})
    [stored] = store.add_many([NewDocument(text_, extraction, doc_id="escaped")])
    assert stored.created
    stored_json = store.document("escaped")["extraction"]
    assert Extraction.model_validate(stored_json) == extraction


def test_add_and_add_many_at_once_make_one_entity(database_url: str) -> None:
    store = open_store(database_url)
    for n, (person, other) in enumerate(
        [("Zarina Abdullayeva", "Zarina Abdullayeva"), ("Hacı Məmmədov", "Hacı Memmedov")]
    ):
        agency = f"Caspian Energy Forum {n}"
        single = [report(person, agency, f"single {i} of round {n} holds") for i in range(3)]
        batches = [
            [
                NewDocument(*report(other, agency, f"batch {b}.{i} of round {n} holds"))
                for i in range(4)
            ]
            for b in range(3)
        ]
        results = at_once(
            [partial(store.add, t, x) for t, x in single]
            + [partial(store.add_many, batch) for batch in batches]
        )
        assert all(r.created for r in results[:3])
        assert all(r.created for batch in results[3:] for r in batch)
        with store.engine.connect() as conn:
            for e in single[0][1].entities:
                if e.type != "PERSON":
                    assert (
                        conn.execute(
                            select(func.count()).where(entities.c.key == e.key)
                        ).scalar_one()
                        == 1
                    ), e.key
        items, _ = store.quotes(speaker=person, limit=50)
        assert len(items) == 15 and len({i["speaker"]["id"] for i in items}) == 1
    people, _ = store.entities(kind="PERSON")
    assert len(people) == 2, people


# --- extractor load -------------------------------------------------------------------


def _spark_row(item: NewDocument) -> dict[str, Any]:
    """A row in the layout of ``annotate --engine spark``: the document's columns, then
    every field of its Extraction at the top (null for a failed document)."""
    x = item.extraction.model_dump() if item.extraction else dict.fromkeys(Extraction.model_fields)
    return {
        "id": item.doc_id,
        "text": item.text,
        "title": item.title,
        "url": item.url,
        "source": item.source,
        "published_at": item.published_at,
        "error": item.error,
        "content_hash": content_hash(item.text),
        **x,
    }


def _spark_table(items: list[NewDocument]) -> pa.Table:
    table = pa.Table.from_pylist([_spark_row(i) for i in items])
    models = pa.array(
        [list((i.extraction.models if i.extraction else {}).items()) or None for i in items],
        type=pa.map_(pa.string(), pa.string()),
    )
    return table.set_column(table.schema.get_field_index("models"), "models", models)


@pytest.mark.corpus
def test_load_parquet_in_spark_layout(
    database_url: str, corpus: list[NewDocument], by_add: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "archive.parquet"
    pq.write_table(_spark_table(corpus), path)
    summary = load([str(path)], database_url, batch_size=BATCH, workers=1, progress=False)
    assert (summary.rows, summary.loaded, summary.failed) == (len(corpus), len(corpus) - 2, 1)
    assert (summary.skipped, summary.bad) == (2, 0)
    _assert_made(open_store(database_url), by_add)
    again = load([str(path)], database_url, progress=False)
    assert (again.loaded, again.skipped) == (0, len(corpus))


@pytest.mark.corpus
def test_load_a_partitioned_folder(
    database_url: str, corpus: list[NewDocument], tmp_path: Path
) -> None:
    """Spark's output: partitioned by language and month (the language only in the
    folder names; a failed document's language null), its bookkeeping files beside."""
    table = _spark_table(corpus)
    months = [i.published_at.strftime("%Y-%m") if i.published_at else None for i in corpus]
    table = table.append_column("month", pa.array(months))
    out = tmp_path / "spark-out"
    pq.write_to_dataset(table, out, partition_cols=["language", "month"], use_threads=False)
    (out / "_SUCCESS").write_text("")
    (out / "language=en" / ".part-0.parquet.crc").write_bytes(b"\x00crc")
    warnings: list[str] = []
    summary = load([str(out)], database_url, progress=False, warn=warnings.append)
    assert warnings == []
    assert (summary.loaded, summary.failed, summary.skipped) == (len(corpus) - 2, 1, 2)
    store = open_store(database_url)
    seen = {"seed-again"}  # (stored as "seed")
    for item in corpus:
        if item.doc_id in seen:
            continue
        seen.add(item.doc_id or "")
        doc = store.document(item.doc_id or "")
        if item.extraction is None:
            assert (doc["status"], doc["error"]) == ("error", item.error)
        else:
            assert Extraction.model_validate(doc["extraction"]) == item.extraction


@pytest.mark.corpus
@pytest.mark.parametrize("workers", [0, 2])
def test_load_annotate_jsonl_reporting_bad_lines(
    database_url: str,
    corpus: list[NewDocument],
    by_add: dict[str, Any],
    tmp_path: Path,
    workers: int,
) -> None:
    """In this process or in two workers: the same store, the same reports."""
    path = tmp_path / "annotated.jsonl"
    output = JsonlOutput(path)
    for item in corpus:
        meta = {"url": item.url, "title": item.title, "source": item.source}
        meta["published_at"] = item.published_at.isoformat() if item.published_at else None
        meta = {k: v for k, v in meta.items() if v is not None}
        output.write(
            Result(Record(item.doc_id or "", item.text, meta), item.extraction, item.error)
        )
    output.close()
    lines = path.read_text(encoding="utf-8").splitlines()
    broken = next(json.loads(line) for line in lines if json.loads(line)["id"] == "seed")
    broken["id"] = "broken"
    broken["text"] += " (changed)"
    broken["extraction"]["quotes"][0]["kind"] = "shouted"
    extra = ["not json {", json.dumps(broken), json.dumps({"id": "no-text"})]
    path.write_text("\n".join([*lines, *extra]) + "\n" + lines[0][:50], encoding="utf-8")
    warnings: list[str] = []
    summary = load(
        [str(path)],
        database_url,
        batch_size=BATCH,
        workers=workers,
        progress=False,
        warn=warnings.append,
    )
    assert (summary.loaded, summary.skipped, summary.bad) == (len(corpus) - 2, 2, 4)
    assert len(warnings) == 4 and all("\n" not in w for w in warnings)
    assert any(f"{path}:{len(lines) + 1}: left out: not JSON" in w for w in warnings)
    assert any("(id broken)" in w and "quotes.0.kind" in w for w in warnings)
    assert any("(id no-text)" in w and "no text" in w for w in warnings)
    _assert_made(open_store(database_url), by_add)
    # It paused the cycle collector for its batches: as it was again after.
    assert gc.isenabled() and gc.get_freeze_count() == 0


def _reports_jsonl(path: Path, n: int) -> Path:
    """``n`` annotated documents (annotate's JSONL lines), ids d0, d1, ..."""
    made = [report("Anna Berg", "Nordic Press Agency", f"plan {i} works") for i in range(n)]
    rows = [
        {"id": f"d{i}", "text": t, "status": "ok", "extraction": x.model_dump(mode="json")}
        for i, (t, x) in enumerate(made)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_load_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _reports_jsonl(tmp_path / "in.jsonl", 3)
    db = f"sqlite:///{tmp_path / 'a.db'}"
    assert main(["load", str(path), "--db", db, "--batch-size", "2", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("load: loaded 3 documents (0 failed extraction)") and "of 3 rows" in out
    assert main(["load", str(path), "--db", db, "--quiet"]) == 0
    assert "loaded 0 documents" in capsys.readouterr().out
    (tmp_path / "notes.txt").write_text("x")
    for bad, says in (
        (tmp_path / "missing.parquet", "no such input"),
        (tmp_path / "notes.txt", "not Parquet or JSONL"),
    ):
        assert main(["load", str(bad), "--db", db, "--quiet"]) == 2
        err = capsys.readouterr().err
        assert says in err and err.count("\n") == 1, err
    (tmp_path / "fake.parquet").write_text("not parquet")
    assert main(["load", str(tmp_path / "fake.parquet"), "--db", db, "--quiet"]) == 2
    assert "not readable as Parquet" in capsys.readouterr().err


def test_a_worker_that_dies_ends_the_load_with_a_clear_error(tmp_path: Path) -> None:
    """A worker killed (out of memory, say) ends the load with one line that says what
    to do, not a hang nor a traceback; what was stored stays, and the rerun stores the
    rest."""
    import os
    import signal

    from extractor.archive.load import _prepared, _preparers, find_sources, read_chunks
    from extractor.errors import ExtractorError

    path = _reports_jsonl(tmp_path / "in.jsonl", 120)
    with _preparers(1) as pool:
        assert pool is not None
        chunks = _prepared(read_chunks(find_sources([str(path)])), pool, ahead=2)
        assert len(next(chunks)) == 50
        for pid in list(pool._processes):  # (the executor's own record of its workers)
            os.kill(pid, signal.SIGKILL)
        with pytest.raises(ExtractorError, match=r"ended abruptly.*run the load again"):
            list(chunks)
    db = f"sqlite:///{tmp_path / 'a.db'}"
    assert load([str(path)], db, batch_size=50, workers=1, progress=False).loaded == 120
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_sqlite_rows_appended_in_bulk_hold_times_as_sqlalchemy_writes_them(
    tmp_path: Path,
) -> None:
    # Quotes and roles go in through the driver's executemany, documents through
    # SQLAlchemy: the same instant must read the same, or ordering and cursors break.
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    when = datetime(2026, 5, 1, 9, 30, tzinfo=timezone(timedelta(hours=4)))
    store.add_many([NewDocument(*report("Anna Berg", "Nordic Press Agency", "plan 1 works"),
                                doc_id="d", published_at=when)])  # fmt: skip
    with store.engine.connect() as conn:
        raw = conn.execute(
            text(
                "SELECT d.published_at, q.published_at, r.published_at FROM documents d "
                "JOIN quotes q ON q.document_id = d.id JOIN roles r ON r.document_id = d.id"
            )
        ).first()
    assert raw is not None and raw[0] == raw[1] == raw[2]
    assert raw[0].startswith("2026-05-01 05:30:00")


def _fts_sound(store: Store) -> None:
    """SQLite's full-text indexes hold exactly their tables' rows (FTS5's own check of
    an index against its content table)."""
    with store.engine.begin() as conn:
        for table in ("documents_fts", "quotes_fts"):
            conn.execute(text(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)"))
        assert conn.execute(text("SELECT count(*) FROM fts_deferred")).scalar() == 0


def _found(store: Store, word: str) -> set[str]:
    return {i["document_id"] for i in store.quotes(q=word, limit=100)[0]}


def _raw_quote(store: Store, doc_id: str, words: str) -> None:
    """A quote of ``doc_id`` inserted by another tool than the store (plain SQL)."""
    with store.engine.begin() as conn:
        conn.execute(
            text(
                'INSERT INTO quotes (document_id, local_id, text, kind, start, "end", '
                "confidence, published_at) SELECT document_id, 'q9', :words, kind, start, "
                '"end", confidence, published_at FROM quotes WHERE document_id = :doc'
            ).bindparams(words=words, doc=doc_id)
        )


def test_sqlite_full_text_filled_in_bulk_and_by_the_triggers_alike(tmp_path: Path) -> None:
    """A batch fills SQLite's full-text indexes itself (migration 0007): documents
    stored one by one and in batches, rows inserted by another tool, a document
    deleted, the step back to revision 0006 (triggers row by row) and up again all leave
    indexes that match their tables, and every quote is found."""
    from alembic import command
    from alembic.config import Config

    import extractor.archive.store as store_module

    url = f"sqlite:///{tmp_path / 'fts.db'}"
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(store_module.__file__).parent / "migrations"))
    store = open_store(url)
    store.add(*report("Anna Berg", "Nordic Press Agency", "the harbour reopens"), doc_id="one")
    store.add_many(
        [
            NewDocument(*report("Lars Holm", "Baltic Ferry Union", f"ferry {n} sails"), doc_id=n)
            for n in ("b1", "b2", "b3")
        ]
    )
    _raw_quote(store, "b1", "the lighthouse stays")
    assert store.delete_document("b2")
    _fts_sound(store)
    assert _found(store, "harbour") == {"one"}
    assert _found(store, "ferry") == {"b1", "b3"}
    assert _found(store, "lighthouse") == {"b1"}
    # A batch that fails leaves nothing behind, the triggers' switch included.
    with pytest.raises(InvalidInputError):
        store.add_many([NewDocument(*report("Ole Dahl", "Fjord Bank", "rates fall"), doc_id="x"),
                        NewDocument("nul \0", None, error="boom")])  # fmt: skip
    _fts_sound(store)
    # The step back: the triggers index every row again; then up, with rows stored.
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
    _raw_quote(store, "b3", "the harbour sleeps")
    with store.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)")
        )
    # (Read in plain SQL: the store's own queries need the tables of the newest revision.)
    with store.engine.connect() as conn:
        found = conn.execute(
            text(
                "SELECT document_id FROM quotes WHERE rowid IN "
                "(SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'harbour')"
            )
        )
        assert {r[0] for r in found} == {"one", "b3"}
    store = open_store(url)
    store.add_many([NewDocument(*report("Ida Ek", "Port Authority", "the harbour grows"),
                                doc_id="late")])  # fmt: skip
    _fts_sound(store)
    assert _found(store, "harbour") == {"one", "b3", "late"}


def test_arrow_rows_read_as_pyarrow_reads_them(corpus: list[NewDocument]) -> None:
    """Parquet rows made into dicts a column at a time are pyarrow's own rows: nested
    structs, lists, maps, nulls at every level, and batches sliced anywhere."""
    from extractor.archive.load import arrow_rows

    mention = pa.struct([("text", pa.string()), ("start", pa.int32())])
    kind = pa.struct(
        [
            ("name", pa.string()),
            ("mentions", pa.list_(mention)),
            ("cue", mention),
            ("tags", pa.map_(pa.string(), pa.string())),
            ("empty", pa.struct([])),
        ]
    )
    values = [
        {"name": "a", "mentions": [{"text": "x", "start": 1}, None], "cue": None,
         "tags": [("k", "v"), ("j", None)], "empty": {}},
        None,
        {"name": None, "mentions": None, "cue": {"text": None, "start": 3}, "tags": None,
         "empty": None},
        {"name": "b", "mentions": [], "cue": {"text": "y", "start": 0}, "tags": [],
         "empty": {}},
    ]  # fmt: skip
    batch = pa.RecordBatch.from_pydict(
        {
            "e": pa.array(values * 3, type=kind),
            "n": pa.array([1, None, 3, 4] * 3, type=pa.int64()),
            "when": pa.array([START, None, START, START] * 3, type=pa.timestamp("us", "UTC")),
        }
    )
    for part in (batch, batch.slice(1), batch.slice(2, 5), batch.slice(11)):
        assert arrow_rows(part) == part.to_pylist(maps_as_pydicts="lossy")
    spark = _spark_table(corpus).to_batches()[0]
    assert arrow_rows(spark) == spark.to_pylist(maps_as_pydicts="lossy")
    assert arrow_rows(spark.slice(7, 9)) == spark.slice(7, 9).to_pylist(maps_as_pydicts="lossy")
