"""Entity benchmark floors on the Turkic dev splits, a little below the measured figures
(`extractor eval ner`), so that a regression fails the build. The targets the project
works towards are higher; see the model card."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.evaluation import eval_ner

pytestmark = [pytest.mark.slow, pytest.mark.corpus, pytest.mark.model]

FLOORS = {
    "nerel": {"PERSON": 0.86, "ORGANIZATION": 0.54, "COUNTRY": 0.76},
    "kaznerd": {"PERSON": 0.88, "ORGANIZATION": 0.62, "COUNTRY": 0.82, "TITLE": 0.70},
    "turkish-wiki-ner": {"PERSON": 0.66, "ORGANIZATION": 0.43, "COUNTRY": 0.84},
    "az-ner": {"PERSON": 0.55, "ORGANIZATION": 0.50, "COUNTRY": 0.82},
}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_ner_dev_floors(corpus: str, shared_dir: Path) -> None:
    report = eval_ner(corpus, "dev", shared_dir=shared_dir)
    print(report.text())
    for kind, floor in FLOORS[corpus].items():
        assert report.counts[kind].f1 >= floor, (kind, report.text())
