"""``extractor bench statements``: the time linking statements takes, measured inside
a real extraction and store, against the whole."""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.archive.store import Store
from extractor.devtools.bench_statements import bench_statements

pytestmark = [pytest.mark.slow, pytest.mark.store, pytest.mark.model, pytest.mark.corpus]


def test_linking_is_timed_inside_extracting_and_storing() -> None:
    assign, link = extract.assign_statements, Store._link_statements
    lines: list[str] = []
    results = bench_statements(limit=3, emit=lines.append)
    assert [r.name for r in results] == [
        "PolNeAR dev (en)",
        "NEREL dev (ru)",
        "parallel, speech (en, ru, tr)",
    ]
    assert [r.documents for r in results] == [3, 3, 9]
    for r, line in zip(results, lines):
        assert r.quotes > 0 and r.in_archive > 0
        assert 0 <= r.in_document + r.in_archive < r.total
        assert line.startswith(r.name) and line.rstrip().endswith("%")
    # The functions timed are put back.
    assert (extract.assign_statements, Store._link_statements) == (assign, link)
