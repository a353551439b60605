"""The quote benchmark: its definitions, and floors on PolNeAR dev that fail the build
when quality regresses (a little below the measured figures; targets are higher)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.devtools.corpora import BratDoc
from extractor.devtools.evaluation import (
    GoldQuote,
    PredQuote,
    eval_quotes,
    gold_kind,
    is_speech_cue,
    overlap,
    polnear_gold,
    score,
)


def test_overlap_is_shared_over_longer() -> None:
    assert overlap((0, 10), (0, 10)) == 1.0
    assert overlap((0, 10), (5, 10)) == 0.5
    assert overlap((0, 10), (10, 20)) == 0.0
    assert overlap((0, 4), (2, 10)) == pytest.approx(2 / 8)


@pytest.mark.parametrize(
    "cue, speech",
    [
        ("said", True),
        ("has said", True),
        ("told reporters", True),
        ("according to", True),
        ("tweeted", True),
        (":", True),
        ("―", True),
        ("wants", False),
        ("believes", False),
        ("criticized", False),
        ("called for", False),
        ("found", False),
    ],
)
def test_speech_cues(cue: str, speech: bool) -> None:
    assert is_speech_cue(cue) is speech


@pytest.mark.parametrize(
    "content, kind",
    [
        ("“We will win.”", "direct"),
        ("that he would win", "indirect"),
        ("that “we will win” soon", "mixed"),
        ("“A,” he said. “B.”", "mixed"),
    ],
)
def test_gold_kind(content: str, kind: str) -> None:
    assert gold_kind(content) == kind


def test_gold_from_brat() -> None:
    text = 'Smith said the plan failed. Jones wants "a new deal" now.'
    doc = BratDoc("x", text)
    doc.spans = {
        "T1": ("Source", [(0, 5)], "Smith"),
        "T2": ("Cue", [(6, 10)], "said"),
        "T3": ("Content", [(11, 26)], "the plan failed"),
        "T4": ("Source", [(28, 33)], "Jones"),
        "T5": ("Cue", [(34, 39)], "wants"),
        "T6": ("Content", [(40, 54)], '"a new deal" now'),
    }
    doc.events = [
        {"Source": "T1", "Cue": "T2", "Content": "T3"},
        {"Source": "T4", "Cue": "T5", "Content": "T6"},
    ]
    gold = polnear_gold(doc)
    assert [(g.speech, g.kind) for g in gold] == [(True, "indirect"), (True, "mixed")]


def test_score_counts_precision_recall_and_speaker() -> None:
    golds = [
        [
            GoldQuote(0, 10, "direct", ((20, 25),), True),
            GoldQuote(30, 40, "indirect", ((50, 55),), True),
            GoldQuote(60, 70, "indirect", ((80, 85),), False),  # a belief: not recalled
        ]
    ]
    preds = [
        [
            PredQuote(0, 10, "direct", ((20, 25),)),  # right, right speaker
            PredQuote(30, 37, "indirect", ((90, 95),)),  # 0.7 overlap, wrong speaker
            PredQuote(60, 70, "indirect", ()),  # matches the belief: correct for precision
            PredQuote(100, 110, "direct", ()),  # wrong
        ]
    ]
    scores = score(golds, preds)
    low, high = scores.get(0.3), scores.get(0.8)
    assert (low.tp_pred, low.n_pred, low.tp_gold, low.n_gold) == (3, 4, 2, 2)
    assert low.speaker_accuracy == 0.5
    assert (high.tp_gold, high.tp_pred) == (1, 2)
    assert scores.get(0.3, "direct").precision == 0.5


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.model
def test_polnear_dev_floors(shared_dir: Path) -> None:
    report = eval_quotes("dev", with_textacy=True, shared_dir=shared_dir)
    print(report.text())
    ours, textacy = report.ours, report.textacy
    assert textacy is not None
    assert ours.get(0.3).f1 >= 0.85
    assert ours.get(0.8).f1 >= 0.75
    assert ours.get(0.3).speaker_accuracy >= 0.91
    assert ours.get(0.3, "direct").recall >= 0.95
    for t in (0.3, 0.8):
        assert ours.get(t, "direct").precision > textacy.get(t, "direct").precision
        assert ours.get(t, "direct").recall > textacy.get(t, "direct").recall


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.model
def test_polnear_final_block_floors(shared_dir: Path) -> None:
    """The block of PolNeAR's training folder that no rule or model is tuned on."""
    report = eval_quotes("final", with_textacy=False, shared_dir=shared_dir)
    print(report.text())
    ours = report.ours
    assert report.documents == 84
    assert ours.get(0.3).f1 >= 0.84
    assert ours.get(0.8).f1 >= 0.71
    assert ours.get(0.3).speaker_accuracy >= 0.91
    assert ours.get(0.3, "direct").recall >= 0.92


def test_ner_scoring_counts_exact_spans_by_type() -> None:
    from extractor.devtools.evaluation import ner_gold, score_ner

    text = "Hakan Fidan Türkiye Ankara Dışişleri Bakanı"
    gold = ner_gold(
        [(0, 11, "PERSON"), (12, 19, "GPE"), (20, 26, "GPE"), (27, 43, "TITLE")], text, "tr"
    )
    assert (12, 19, "COUNTRY") in gold and not any(g[0] == 20 for g in gold)  # a city
    pred = {(0, 11, "PERSON"), (12, 19, "COUNTRY"), (27, 37, "TITLE")}
    counts = score_ner([gold], [pred])
    assert counts["PERSON"].f1 == 1.0 and counts["COUNTRY"].f1 == 1.0
    assert counts["TITLE"].precision == 0.0 and counts["TITLE"].n_gold == 1
