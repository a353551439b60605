"""Annotation on Spark: the row layout generated from the pydantic model, the same
extractions as ``extract_many`` document by document (through Parquet and back), bad
rows as error rows, the flat tables, and the command killed mid-run then run again
(every document exactly once)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from extractor import Extraction, Extractor
from extractor.archive import spark as spark_engine
from extractor.archive.store import content_hash
from extractor.cli import main
from extractor.devtools.corpora import polnear
from extractor.errors import ExtractorError
from extractor.schema import Quote, Span
from extractor.settings import get_settings

pytestmark = [pytest.mark.slow, pytest.mark.spark, pytest.mark.model]

ROOT = Path(__file__).resolve().parents[2]
LAYOUT = [
    "id",
    "text",
    "title",
    "url",
    "source",
    "published_at",
    "error",
    "content_hash",
    *Extraction.model_fields,
]


def _rebuilt(row: dict[str, Any]) -> Extraction:
    """The contract: the row's Extraction columns rebuild the Extraction."""
    return Extraction.model_validate({k: row[k] for k in Extraction.model_fields})


def test_the_row_layout_is_generated_from_the_model() -> None:
    from pyspark.sql import types as T

    schema = spark_engine.row_schema()
    assert schema.names == LAYOUT
    assert all(schema[k].nullable for k in Extraction.model_fields)  # error rows
    quote = schema["quotes"].dataType.elementType
    assert quote.names == list(Quote.model_fields)
    assert quote["cue"].dataType.names == list(Span.model_fields)
    assert quote["cue"].nullable and not quote["start"].nullable
    assert quote["start"].dataType == T.LongType()
    assert quote["confidence"].dataType == T.DoubleType()
    assert quote["kind"].dataType == T.StringType()
    assert schema["models"].dataType == T.MapType(T.StringType(), T.StringType(), False)
    timestamp = spark_engine.row_schema(T.StringType())["published_at"].dataType
    assert timestamp == T.StringType()


def test_same_as_extract_many_through_parquet_and_back(
    spark: Any, seed_text: str, extractor: Extractor, tmp_path: Path
) -> None:
    docs = [(d.name, d.text) for d in list(polnear("dev"))[:60]]
    docs.append(("seed", seed_text))
    df = spark.createDataFrame(
        [{"id": name, "text": text, "title": f"title {name}"} for name, text in docs],
        "id string, text string, title string",
    ).repartition(4)
    out = tmp_path / "annotated.parquet"
    spark_engine.annotate_dataframe(df).write.parquet(str(out))

    expected = dict(
        zip(
            [name for name, _ in docs],
            extractor.extract_many([text for _, text in docs]),
            strict=True,
        )
    )
    rows = spark.read.parquet(str(out)).collect()
    assert sorted(r["id"] for r in rows) == sorted(expected)
    assert spark.read.parquet(str(out)).columns == LAYOUT
    for row in rows:
        got = row.asDict(recursive=True)
        want = expected[got["id"]]
        assert isinstance(want, Extraction)
        assert got["error"] is None and got["title"] == f"title {got['id']}"
        assert got["content_hash"] == content_hash(got["text"])
        assert _rebuilt(got).model_dump() == want.model_dump(), got["id"]
    # The same through pyarrow, as a loader without Spark reads the files.
    table = pq.read_table(out).to_pylist(maps_as_pydicts="strict")
    assert len(table) == len(docs)
    for row in table:
        want = expected[row["id"]]
        assert isinstance(want, Extraction)
        assert _rebuilt(row).model_dump() == want.model_dump()
    seed = next(r for r in table if r["id"] == "seed")
    assert seed["quotes"] and {"en", "az", "ru"} <= set(seed["models"])


GOOD = [
    '"Talks went well," Hakan Fidan said on Monday.',
    "According to Maria Zakharova, the meeting will take place in Baku.",
]


def test_bad_rows_become_error_rows_and_flat_tables(spark: Any) -> None:
    limit = get_settings().max_text_chars
    rows = [
        ("good-1", GOOD[0], None, "2025-11-27T10:00:00Z"),
        ("good-2", GOOD[1], "en", "2025-12-01"),
        (None, GOOD[0] + " Again.", None, None),
        ("null", None, None, None),
        ("empty", "", None, None),
        ("blank", "   \n ", None, None),
        ("huge", "word " * (limit // 5 + 1), None, None),
        ("klingon", GOOD[0], "xx", None),
    ]
    df = spark.createDataFrame(rows, "id string, body string, lang string, published_at string")
    annotated = spark_engine.annotate_dataframe(df, text_col="body", language_col="lang").cache()
    try:
        got = {r["id"]: r.asDict(recursive=True) for r in annotated.collect()}
        unnamed = content_hash(GOOD[0] + " Again.")
        assert set(got) == {
            "good-1",
            "good-2",
            unnamed,
            "null",
            "empty",
            "blank",
            "huge",
            "klingon",
        }
        for key in ("good-1", "good-2", unnamed):
            assert got[key]["error"] is None, got[key]["error"]
            assert _rebuilt(got[key]).language == "en"
        assert got["good-1"]["published_at"] == "2025-11-27T10:00:00Z"  # as given
        assert got["null"]["error"].startswith("empty_text:")
        assert got["empty"]["error"].startswith("empty_text:")
        assert got["blank"]["error"].startswith("empty_text:")
        assert got["huge"]["error"].startswith("text_too_large:")
        assert got["klingon"]["error"].startswith("unsupported_language:")
        for key in ("null", "empty", "blank", "huge", "klingon"):
            assert all(got[key][k] is None for k in Extraction.model_fields), key
        assert got["null"]["content_hash"] == content_hash("")

        quotes = spark_engine.explode_quotes(annotated)
        assert quotes.columns == [
            "document_id",
            "quote_id",
            "text",
            "start",
            "end",
            "kind",
            "cue",
            "speaker_mention",
            "speaker_start",
            "speaker_end",
            "speaker",
            "speaker_name",
            "speaker_key",
            "speaker_kind",
            "confidence",
            "language",
            "published_at",
        ]
        flat = [r.asDict() for r in quotes.collect()]
        assert len(flat) == sum(len(g["quotes"] or []) for g in got.values())
        fidan = next(q for q in flat if q["document_id"] == "good-1")
        assert "Talks went well" in fidan["text"] and fidan["speaker_name"] == "Hakan Fidan"
        assert fidan["cue"] == "said" and fidan["speaker_key"]
        entities = spark_engine.explode_entities(annotated)
        assert entities.columns == [
            "document_id",
            "entity_id",
            "type",
            "name",
            "key",
            "code",
            "mentions",
            "first_start",
            "language",
            "published_at",
        ]
        flat = [r.asDict() for r in entities.collect()]
        assert len(flat) == sum(len(g["entities"] or []) for g in got.values())
        assert ("good-2", "PERSON", "Maria Zakharova") in {
            (e["document_id"], e["type"], e["name"]) for e in flat
        }
    finally:
        annotated.unpersist()


class _FailingBatches:
    """An extractor whose batches always fail: texts go one by one."""

    def extract_many(self, texts: list[str], language: str | None = None) -> list[Any]:
        raise RuntimeError("the whole batch failed")

    def extract(self, text: str, language: str | None = None) -> Any:
        if text == "bad":
            raise ValueError("this one is bad")
        if text == "refused":
            raise ExtractorError("refused here")
        return text.upper()


def test_a_failing_batch_goes_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spark_engine, "_extractor", _FailingBatches())
    got = spark_engine.extract_texts(["fine", "bad", None, "refused"], [None] * 4)
    assert got == [
        "FINE",
        "internal_error: ValueError: this one is bad",
        "empty_text: the text is missing (null)",
        "extractor_error: refused here",
    ]


def _parts(out: Path) -> list[Path]:
    """The complete part files under ``out`` (not those of a task still writing)."""
    if not out.is_dir():
        return []
    return [
        p
        for p in out.rglob("*.parquet")
        if not any(part.startswith(("_", ".")) for part in p.relative_to(out).parts)
    ]


def test_killed_run_then_rerun_writes_each_document_once(tmp_path: Path, shared_dir: Path) -> None:
    docs = list(polnear("dev"))[:24]
    source = tmp_path / "in.jsonl"
    lines = [
        {
            "id": f"d{i}",
            "text": d.text,
            "published_at": f"2016-{i % 3 + 1:02d}-15T12:00:00Z" if i % 4 else None,
        }
        for i, d in enumerate(docs)
    ]
    lines.append({"id": "d0", "text": docs[0].text})  # the same id twice: once
    source.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    out = tmp_path / "out"
    args = [sys.executable, "-m", "extractor.cli", "annotate", str(source), "--engine", "spark"]
    args += ["--master", "local[2]", "--out", str(out), "--partitions", "12"]
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
    with (tmp_path / "first.log").open("w") as log:
        process = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True
        )
        deadline = time.monotonic() + 150
        while not _parts(out):
            if process.poll() is not None:
                pytest.fail("the run ended before it could be killed")
            if time.monotonic() > deadline:
                os.killpg(process.pid, signal.SIGKILL)
                pytest.fail("no part file was written in time")
            time.sleep(0.1)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def ids() -> list[str]:
        table = ds.dataset(out, format="parquet", partitioning="hive").to_table(columns=["id"])
        return table.column("id").to_pylist()

    first = ids()
    assert 0 < len(first) < len(docs), "killed mid-run"
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"{len(set(first))} already done of {len(docs)}" in done.stdout
    final = ids()
    assert sorted(final) == sorted(f"d{i}" for i in range(len(docs)))  # each once
    dataset = ds.dataset(out, format="parquet", partitioning="hive")
    table = dataset.to_table().to_pylist(maps_as_pydicts="strict")
    assert {(r["language"], r["month"]) for r in table} == {
        ("en", "2016-01"),
        ("en", "2016-02"),
        ("en", "2016-03"),
        ("en", "unknown"),
    }
    assert all(r["error"] is None for r in table)
    assert _rebuilt(table[0]).language == "en"


def test_command_errors_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "out")

    def error(*argv: str) -> str:
        assert main(["annotate", *argv, "--engine", "spark", "--out", out]) == 2
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err and captured.err.count("\n") == 1
        return captured.err

    assert "no such input" in error(str(tmp_path / "missing.jsonl"))
    (tmp_path / "a.xml").write_text("<a/>")
    assert "unknown input format .xml" in error(str(tmp_path / "a.xml"))
    good = tmp_path / "a.jsonl"
    good.write_text(json.dumps({"text": GOOD[0]}) + "\n")
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert "no Java" in error(str(good))


# One aide in three scripts (three keys of one surname skeleton), in three languages and
# months, so three partitions; and two other men of one surname, in two scripts each.
PEOPLE = [
    ("h-en", "2024-01-10", "Hikmet Hajiyev, an aide to the president, said on Monday that "
     "the talks would continue."),
    ("h-ru", "2024-02-10", "Помощник президента Хикмет Гаджиев заявил в понедельник, что "
     "переговоры продолжатся."),
    ("h-az", "2024-03-10", "Prezidentin köməkçisi Hikmət Hacıyev bildirib ki, danışıqlar "
     "davam edəcək."),
    ("m-az", "2024-01-11", "Deputat Hacı Məmmədov bildirib ki, qanun layihəsi müzakirə "
     "olunacaq."),
    ("m-ru", "2024-02-11", "Депутат Гаджи Мамедов заявил, что законопроект будет обсуждён."),
    ("g-ru", "2024-01-12", "Министр образования Гусейн Мамедов заявил, что будут построены "
     "новые школы."),
    ("g-az", "2024-03-12", "Təhsil naziri Hüseyn Məmmədov jurnalistlərə bildirib ki, yeni "
     "məktəblər tikiləcək."),
]  # fmt: skip


def test_people_across_partitions_are_one_entity_in_spark_and_after_load(
    spark: Any, tmp_path: Path
) -> None:
    source = tmp_path / "people.jsonl"
    source.write_text(
        "".join(
            json.dumps({"id": i, "published_at": f"{day}T09:00:00Z", "text": text}) + "\n"
            for i, day, text in PEOPLE
        )
    )
    out = tmp_path / "out"
    summary = spark_engine.annotate_files([str(source)], str(out), spark=spark)
    assert summary.done == len(PEOPLE) and summary.failed == 0
    people = {r["key"]: r for r in pq.read_table(out / spark_engine.PEOPLE_FOLDER).to_pylist()}
    aide = ["person:hikmet hajiev", "person:hikmet gajiev", "person:hikmat hajiev"]
    deputy = ["person:haji mamadov", "person:gaji mamedov"]
    minister = ["person:gusein mamedov", "person:husein mamadov"]
    assert set(people) == {*aide, *deputy, *minister}
    # Each man one entity, named by the spelling that came first; the three are three.
    assert {people[k]["entity_key"] for k in aide} == {"person:hikmet hajiev"}
    assert {people[k]["entity_name"] for k in aide} == {"Hikmet Hajiyev"}
    assert {people[k]["entity_key"] for k in deputy} == {"person:haji mamadov"}
    assert {people[k]["entity_key"] for k in minister} == {"person:gusein mamedov"}
    assert people["person:hikmet gajiev"]["first_document"] == "h-ru"
    assert {people[k]["block"] for k in deputy + minister} == {"mdv"}
    assert summary.people == 3 and summary.person_keys == 7
    # Loaded into the archive (in another order: by partition folder): the same three
    # people, each with every spelling, naming the same documents.
    from sqlalchemy import select

    from extractor.archive.load import load
    from extractor.archive.store import aliases, document_entities, entities, open_store

    url = f"sqlite:///{tmp_path / 'archive.db'}"
    loaded = load([str(out)], url, progress=False)
    assert loaded.loaded == len(PEOPLE) and loaded.bad == 0
    with open_store(url).engine.connect() as conn:
        named = conn.execute(
            select(document_entities.c.document_id, entities.c.id)
            .join(entities, entities.c.id == document_entities.c.entity_id)
            .where(entities.c.type == "PERSON")
        ).all()
        spellings = {
            eid: set(
                conn.execute(select(aliases.c.alias).where(aliases.c.entity_id == eid)).scalars()
            )
            for eid in {e for _, e in named}
        }
    in_store: dict[int, set[str]] = {}
    for doc, eid in named:
        in_store.setdefault(eid, set()).add(doc)
    in_spark: dict[str, set[str]] = {}
    by_doc = {"h-en": aide[0], "h-ru": aide[1], "h-az": aide[2], "m-az": deputy[0]}
    by_doc |= {"m-ru": deputy[1], "g-ru": minister[0], "g-az": minister[1]}
    for doc, key in by_doc.items():
        in_spark.setdefault(people[key]["entity_key"], set()).add(doc)
    assert sorted(map(sorted, in_store.values())) == sorted(map(sorted, in_spark.values()))
    assert {"Hikmet Hajiyev", "Хикмет Гаджиев", "Hikmət Hacıyev"} in spellings.values()


def test_jsonl_is_read_as_the_fields_asked_for_as_strings(spark: Any, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [
        {"id": 7, "text": "a", "extra": 1, "published_at": "2024-05-01T00:00:00Z"},
        {"text": "b", "published_at": {"day": 1}},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines) + "not json\n")
    fields = ["id", "text", "published_at"]
    frame = spark_engine.read_documents(spark, [str(path)], None, fields)
    assert frame.columns == fields
    assert [r.asDict() for r in frame.collect()] == [
        {"id": "7", "text": "a", "published_at": "2024-05-01T00:00:00Z"},
        {"id": None, "text": "b", "published_at": '{"day": 1}'},  # as written
        {"id": None, "text": None, "published_at": None},
    ]
