"""``extractor bench spark``: archive annotation on Apache Spark against the worker
processes of ``extractor annotate``, on PolNeAR train."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .bench import write_articles
from .corpora import polnear


def bench_spark(
    limit: int | None = None,
    emit: Callable[[str], None] = print,
    *,
    master: str = "local[2]",
    workers: int = 2,
    workdir: str | None = None,
) -> dict[str, float]:
    """PolNeAR train articles (the first ``limit``) annotated by Spark (``master``,
    Parquet out) and by ``annotate --workers N`` (JSONL out), each from a cold start:
    wall time and documents per second, side by side. Spark's figure is given with and
    without starting the session (the JVM); both include loading the models in every
    worker. Each line goes to ``emit`` as it is measured; the figures are returned
    (documents/s by name)."""
    from ..archive.annotate import annotate
    from ..archive.spark import annotate_files, spark_session

    texts = [d.text for d in polnear("train")][:limit]
    emit(f"PolNeAR train: {len(texts)} articles, {sum(len(t.split()) for t in texts):,} words")
    work = Path(workdir or tempfile.mkdtemp(prefix="extractor-bench-spark-"))
    source = work / "articles.jsonl"
    write_articles(texts, source)
    rates: dict[str, float] = {}

    t0 = time.perf_counter()
    spark = spark_session(master, "extractor bench spark", ui=False)
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter() - t0
    try:
        summary = annotate_files([str(source)], str(work / f"spark-{time.time_ns()}"), spark=spark)
    finally:
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
    emit(f"spark / annotate          {rates['spark'] / rates['local']:8.2f} x")
    emit(f"work folder: {work}")
    return rates
