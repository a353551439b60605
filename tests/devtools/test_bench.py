"""The archive benchmark times ``/v1/quotes`` against a real server process, without
importing the HTTP app."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from extractor import Extractor
from extractor.archive.store import open_store
from extractor.devtools.bench import query_latency

pytestmark = [pytest.mark.server, pytest.mark.slow, pytest.mark.store, pytest.mark.model]


def test_query_latency_comes_from_a_server_process(tmp_path: Path, extractor: Extractor) -> None:
    url = f"sqlite:///{tmp_path / 'archive.db'}"
    text = "Elizabeth Warren said that the bill would pass."
    open_store(url).add(text, extractor.extract(text), doc_id="d1")
    lines: list[str] = []
    query_latency(url, ["Elizabeth Warren"], random.Random(0), 10, lines.append)
    [line] = lines
    match = re.search(r"p50 +([\d.]+) ms, p99 +([\d.]+) ms over (\d+) requests", line)
    assert match, line
    assert int(match.group(3)) >= 10 and float(match.group(1)) <= float(match.group(2))
