"""The service benchmark: a real ``extractor serve --workers 1`` under a small
concurrent load, every figure in its report; and its helpers on their own."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from extractor.devtools.bench_serve import (
    MAX_CHARS,
    bench_serve,
    percentile,
    serve_texts,
    tree_rss_mb,
    trim,
)

TEXTS = [
    '"We will not back down," said Sen. Elizabeth Warren.',
    "Foreign Minister Jeyhun Bayramov said talks would resume next week.",
    "According to Rasim Baghirov, Director of the Organization of Turkic States, the "
    "summit will be held in Baku. He further emphasized that cooperation is growing.",
]


@pytest.mark.server
@pytest.mark.slow
@pytest.mark.model
def test_the_report_holds_every_figure() -> None:
    report = bench_serve(requests=40, clients=4, workers=1, texts=TEXTS)
    figures = {
        "batch": r"extract_many, 1 process +([\d.]+) documents/s +(\d+) words/s",
        "served": r"requests/s +([\d.]+)",
        "ratio": r"documents/s +([\d.]+) \(([\d.]+) x batch\)",
        "latency": r"p50 (\d+) ms, p95 (\d+) ms, p99 (\d+) ms \(p99/p50 ([\d.]+)\)",
        "failed": r"failed requests +(\d+)$",
        "rss": r"before (\d+) MB, after (\d+) MB, ([+-][\d.]+) %",
    }
    found = {name: re.search(pattern, report, re.M) for name, pattern in figures.items()}
    assert all(found.values()), (report, [name for name, m in found.items() if not m])
    assert "workers 1, clients 4, 40 requests" in report
    assert found["failed"].group(1) == "0", report  # type: ignore[union-attr]
    p50, p95, p99 = (int(found["latency"].group(i)) for i in (1, 2, 3))  # type: ignore[union-attr]
    assert p50 <= p95 <= p99
    assert int(found["rss"].group(1)) > 0  # type: ignore[union-attr]


def test_trim_cuts_at_a_paragraph_or_sentence_end() -> None:
    paragraph = "A sentence. " * 100 + "\n"
    cut = trim(paragraph * 10)
    assert len(cut) <= MAX_CHARS and cut.endswith("A sentence.")
    assert trim("short text ") == "short text"
    assert len(trim("x" * 10_000)) == MAX_CHARS


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 50 and percentile(values, 0.99) == 99
    assert percentile([7.0], 0.99) == 7


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc here")
def test_the_process_tree_memory_counts_this_process() -> None:
    rss = tree_rss_mb(os.getpid())
    assert rss is not None and rss > 10


@pytest.mark.corpus
def test_the_default_texts_are_polnear_dev_paragraphs(shared_dir: Path) -> None:
    texts = serve_texts("en")
    assert len(texts) > 50 and all(0 < len(t) <= MAX_CHARS for t in texts)
