"""``extractor bench spark``: archive annotation on Apache Spark against the worker
processes of ``extractor annotate``, on PolNeAR train, then ``extractor load`` of the
Spark output into SQLite and PostgreSQL, in one run."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from .bench import write_articles

if TYPE_CHECKING:
    from pyspark.sql import SparkSession
from .corpora import polnear_all_train


def bench_spark(
    limit: int | None = None,
    emit: Callable[[str], None] = print,
    *,
    master: str = "local[2]",
    workers: int = 2,
    workdir: str | None = None,
    session: SparkSession | None = None,
) -> dict[str, float]:
    """PolNeAR train articles (the first ``limit``) annotated by Spark (``master``,
    Parquet out) and by ``annotate --workers N`` (JSONL out), each from a cold start:
    wall time and documents per second, side by side. Spark's figure is given with and
    without starting the session (the JVM); both include loading the models in every
    worker. Each line goes to ``emit`` as it is measured; the figures are returned
    (documents/s by name). ``session``: a running session to use (and leave running)
    instead of starting one on ``master``."""
    from ..archive.annotate import annotate
    from ..archive.spark import annotate_files, spark_session

    texts = [d.text for d in polnear_all_train()][:limit]
    emit(f"PolNeAR train: {len(texts)} articles, {sum(len(t.split()) for t in texts):,} words")
    work = Path(workdir or tempfile.mkdtemp(prefix="extractor-bench-spark-"))
    source = work / "articles.jsonl"
    write_articles(texts, source)
    rates: dict[str, float] = {}

    t0 = time.perf_counter()
    spark = session or spark_session(master, "extractor bench spark", ui=False)
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter() - t0
    try:
        spark_out = work / f"spark-{time.time_ns()}"
        summary = annotate_files([str(source)], str(spark_out), spark=spark)
    finally:
        if session is None:
            spark.stop()
    total = time.perf_counter() - t0
    rates["spark"] = summary.done / summary.seconds
    rates["spark with start"] = summary.done / total
    emit(
        f"spark {master:<10} {rates['spark']:8.2f} documents/s  ({summary.seconds:6.1f} s; "
        f"{rates['spark with start']:.2f} documents/s counting {started:.1f} s of session start)"
    )
    if summary.failed:
        emit(f"  {summary.failed} documents failed")

    t0 = time.perf_counter()
    local = annotate(
        [str(source)],
        out=str(work / f"local-{time.time_ns()}.jsonl"),
        workers=workers,
        progress=False,
    )
    seconds = time.perf_counter() - t0
    rates["local"] = local.done / seconds
    emit(f"annotate --workers {workers:<3} {rates['local']:8.2f} documents/s  ({seconds:6.1f} s)")
    emit(f"spark / annotate          {rates['spark'] / rates['local']:8.2f} x (target >= 0.85)")
    _bench_load(spark_out, work, rates, emit)
    emit(f"work folder: {work}")
    return rates


def _bench_load(
    spark_out: Path, work: Path, rates: dict[str, float], emit: Callable[[str], None]
) -> None:
    """``extractor load`` of the Spark output into fresh stores: SQLite, and PostgreSQL
    where EXTRACTOR_TEST_POSTGRES_URL names one (in a schema of its own, dropped after)."""
    from ..archive.load import load
    from .bench_load import TARGET, fresh_postgres_schema, fresh_sqlite

    backends: list[tuple[str, Callable[[], AbstractContextManager[str]]]] = [
        ("SQLite", lambda: fresh_sqlite(work))
    ]
    postgres = os.environ.get("EXTRACTOR_TEST_POSTGRES_URL")
    if postgres:
        backends.append(("PostgreSQL", lambda: fresh_postgres_schema(postgres)))
    else:
        emit("load into PostgreSQL: set EXTRACTOR_TEST_POSTGRES_URL to measure it")
    for backend, fresh in backends:
        with fresh() as url:
            summary = load([str(spark_out)], url, progress=False)
        rate = summary.loaded / summary.seconds
        rates[f"load {backend}"] = rate
        emit(
            f"load into {backend:<10}  {rate:8.0f} documents/s  ({summary.seconds:6.1f} s; "
            f"target >= {TARGET:,})"
        )
