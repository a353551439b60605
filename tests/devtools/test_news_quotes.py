"""Quote attribution on the news sets in Russian, Kazakh and Turkish: the benchmark
agrees with each set's own scorer, and floors a little below the measured figures fail
the build."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.devtools.corpora import quote_set
from extractor.devtools.news_quotes import (
    NewsQuoteReport,
    Prediction,
    eval_news_quotes,
    held_back,
    score_texts,
)

pytestmark = [pytest.mark.corpus, pytest.mark.model, pytest.mark.slow]

SETS = ("quotes-ru-dev", "quotes-kk-dev", "quotes-tr-dev")


@pytest.fixture(scope="module", params=SETS)
def report(request: pytest.FixtureRequest, shared_dir: Path) -> NewsQuoteReport:
    return eval_news_quotes(request.param, shared_dir=shared_dir)


def test_figures_agree_with_the_sets_own_scorer(
    report: NewsQuoteReport, shared_dir: Path, tmp_path: Path
) -> None:
    key = "doc" if report.language == "ru" else "sid"
    lines = []
    for text, preds in zip(report.texts, report.preds, strict=True):
        for p in preds:
            speaker = (
                {"speaker_start": p.speaker[0], "speaker_end": p.speaker[1]} if p.speaker else {}
            )
            lines.append(
                json.dumps(
                    {key: text.key, "kind": p.kind, "start": p.start, "end": p.end, **speaker}
                )
            )
    path = tmp_path / "predictions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    scorer = shared_dir / "data" / report.name / "score.py"
    done = subprocess.run(
        [sys.executable, str(scorer), str(path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(done.stdout)
    for view, core in (("all", False), ("core", True)):
        for threshold in (0.3, 0.8):
            ours = report.tallies(threshold, core=core)["all"]
            them = theirs[view][str(threshold)]
            assert (ours.n_pred, ours.n_gold, ours.tp_gold) == (
                them["pred"],
                them["gold"],
                them["matched"],
            )
            assert round(ours.f1, 4) == them["F1"]
            assert round(ours.speaker_accuracy, 4) == (them["speaker"] or 0.0)


def test_the_held_back_block_is_the_end_of_the_set(shared_dir: Path) -> None:
    texts = quote_set("quotes-kk-dev", shared_dir)
    held = held_back(texts)
    assert len(held) == 50 and held == texts[-50:]
    assert len(held_back(quote_set("quotes-ru-dev", shared_dir))) == 10


def test_scoring_is_one_to_one_and_counts_extended_records_as_dont_care(
    shared_dir: Path,
) -> None:
    [text] = [t for t in quote_set("quotes-kk-dev", shared_dir) if len(t.gold) == 2][:1]
    first, second = text.gold

    def as_prediction(g: dict) -> Prediction:
        speaker = tuple(g["speaker"]) if g.get("speaker") else None
        return Prediction(g["content"][0], g["content"][1], g["kind"], speaker)

    # The same prediction twice matches one record once.
    tallies = score_texts([text], [[as_prediction(first), as_prediction(first)]], 0.3)
    assert tallies["all"].tp_gold == 1 and tallies["all"].n_pred == 2
    perfect = score_texts([text], [[as_prediction(first), as_prediction(second)]], 0.8)
    assert perfect["all"].f1 == 1.0


# Floors a little below the figures measured on dev (F1 at overlap 0.3, all records).
FLOORS = {"quotes-ru-dev": 0.83, "quotes-kk-dev": 0.82, "quotes-tr-dev": 0.80}


def test_floors(report: NewsQuoteReport) -> None:
    tally = report.tallies(0.3)["all"]
    assert tally.f1 >= FLOORS[report.name], report.text()
    n, hit, _ = report.negatives()
    assert hit <= 0.05 * n
