"""Free memory goes back to the system every so many documents read."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from extractor import Extractor
from extractor.nlp import memory

GLIBC = memory._malloc_trim() is not None


def test_release_runs_once_per_batch_of_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []

    def release() -> bool:
        calls.append(True)
        return True

    monkeypatch.setattr(memory, "release", release)
    monkeypatch.setattr(memory, "_unreleased", 0)
    assert not memory.documents_read(memory.TRIM_EVERY - 1)
    assert calls == []
    assert memory.documents_read(1)
    assert calls == [True]
    assert not memory.documents_read(memory.TRIM_EVERY // 2)
    assert memory.documents_read(memory.TRIM_EVERY)  # a big batch releases at once
    assert calls == [True, True]


# Frees all but every 50th of 100,000 two-kilobyte buffers (the allocator keeps the
# pages, held in place by the survivors), then prints the resident size before and
# after a release.
_FRAGMENTED = """
import os
from extractor.nlp import memory

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 2**20

buffers = [bytes(2000) + i.to_bytes(4, "little") for i in range(100_000)]
kept = buffers[::50]
del buffers
before = rss()
memory.release()
print(before, rss())
"""


@pytest.mark.skipif(not GLIBC, reason="malloc_trim is glibc's (Linux)")
def test_release_returns_freed_pages_to_the_system() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _FRAGMENTED],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "MALLOC_TRIM_THRESHOLD_": str(2**30)},
    )
    before, after = map(int, done.stdout.split())
    # About 200 MB were freed; the survivors hold 4 MB.
    assert before - after > 100, (before, after)


def test_extract_many_counts_the_documents_it_reads(
    monkeypatch: pytest.MonkeyPatch, extractor: Extractor
) -> None:
    counted: list[int] = []

    def documents_read(count: int) -> bool:
        counted.append(count)
        return False

    monkeypatch.setattr(memory, "documents_read", documents_read)
    extractor.extract_many(["One text.", "Another text.", ""], language="en")
    assert counted == [3]
