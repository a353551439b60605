"""Cross-document linking floors on NEREL dev (`extractor eval linking`), a little below
the measured figures, so that a regression fails the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.devtools.evaluation import eval_linking

pytestmark = [pytest.mark.slow, pytest.mark.corpus, pytest.mark.model]


def test_linking_floors(shared_dir: Path) -> None:
    report = eval_linking(shared_dir=shared_dir)
    print(report.text())
    everything = report.pairs["same entity (all)"]
    assert everything.precision >= 0.93, report.text()
    assert everything.recall >= 0.90, report.text()
    people = report.pairs["same person"]
    assert people.precision >= 0.95 and people.recall >= 0.65, report.text()
    assert report.acronyms.recall >= 0.5, report.text()
    assert report.cross_script.precision >= 0.97 and report.cross_script.recall >= 0.90
