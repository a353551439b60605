"""``extractor bench load`` and ``extractor bench spark`` run end to end on a few PolNeAR
articles and print their figures (the figures themselves are the benchmark's to judge,
on the whole corpus)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from extractor.devtools.bench_load import bench_load
from extractor.devtools.bench_spark import bench_spark

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

pytestmark = [pytest.mark.slow, pytest.mark.store, pytest.mark.model, pytest.mark.corpus]


def test_bench_load_stores_the_same_by_every_way(tmp_path: Path, shared_dir: Path) -> None:
    lines: list[str] = []
    rates = bench_load(limit=6, workdir=str(tmp_path), emit=lines.append)
    assert {"SQLite add", "SQLite add_many", "SQLite load"} <= set(rates)
    assert all(rate > 0 for rate in rates.values())
    assert not any("the stores differ" in line for line in lines), lines
    assert any(re.match(r"SQLite +add_many +\d+ documents/s", line) for line in lines), lines
    if os.environ.get("EXTRACTOR_TEST_POSTGRES_URL"):
        assert "PostgreSQL load" in rates


@pytest.mark.spark
def test_bench_spark_prints_spark_annotate_and_load(
    tmp_path: Path, shared_dir: Path, spark: SparkSession
) -> None:
    lines: list[str] = []
    rates = bench_spark(limit=6, workdir=str(tmp_path), emit=lines.append, session=spark)
    assert {"spark", "local", "load SQLite"} <= set(rates), lines
    assert any(line.startswith("spark / annotate") for line in lines), lines
    assert not any("failed" in line for line in lines), lines
