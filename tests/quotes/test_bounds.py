"""The learned bounds of reported contents (quotes/bounds.py): what the ranker may and
may not move, the model file, and the shipped English model on sentences it was not
trained on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from extractor import Extractor
from extractor.entities.mentions import find_mentions
from extractor.language import get_lang
from extractor.quotes import FoundQuote, find_quotes
from extractor.quotes.bounds import BoundsModel, load_model, refine_bounds

pytestmark = pytest.mark.model


def _proposals(extractor: Extractor, text: str) -> tuple[object, list[FoundQuote]]:
    nlp = extractor.nlp("en")
    lang = get_lang("en")
    doc = nlp(text)
    return doc, find_quotes(doc, find_mentions(doc, nlp, lang), lang, learned_bounds=False)


def _content(text: str, q: FoundQuote) -> str:
    return text[q.start : q.end]


# A hand-set model: stay where the finder put a bound, unless the paragraph ends there.
STAY = {"d=+0": 1.0}


def test_a_model_moves_a_reported_contents_end(extractor: Extractor) -> None:
    text = "Smith said the talks would continue. No date was set."
    doc, quotes = _proposals(extractor, text)
    [q] = quotes
    assert _content(text, q) == "the talks would continue"
    [moved] = refine_bounds(doc, quotes, BoundsModel(STAY, {"para-end": 5.0}, {}), get_lang("en"))
    assert _content(text, moved) == "the talks would continue. No date was set."
    assert (moved.kind, moved.speaker, moved.cue) == (q.kind, q.speaker, q.cue)
    [kept] = refine_bounds(doc, quotes, BoundsModel(STAY, STAY, {}), get_lang("en"))
    assert kept == q


def test_a_content_moved_over_quote_marks_is_mixed(extractor: Extractor) -> None:
    text = "Smith said the talks would continue and called them “a good start.”"
    doc, quotes = _proposals(extractor, text)
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert indirect
    model = BoundsModel(STAY, {"para-end": 5.0}, {})
    moved = refine_bounds(doc, indirect[:1], model, get_lang("en"))[0]
    assert "“" in _content(text, moved) and moved.kind == "mixed"


def test_no_bound_takes_in_its_own_cue_or_speaker(extractor: Extractor) -> None:
    text = "The talks will continue next week, Smith said on Monday."
    doc, quotes = _proposals(extractor, text)
    [q] = quotes
    assert _content(text, q) == "The talks will continue next week"
    grab = BoundsModel({"para-start": 5.0, **STAY}, {"para-end": 5.0, **STAY}, {})
    [moved] = refine_bounds(doc, quotes, grab, get_lang("en"))
    assert "Smith" not in _content(text, moved) and "said" not in _content(text, moved)


def test_direct_and_split_quotes_keep_the_marks_bounds(extractor: Extractor) -> None:
    text = '"We are ready," Valtonen said. "The deal is done."'
    doc, quotes = _proposals(extractor, text)
    assert quotes and all(q.kind == "direct" for q in quotes)
    grab = BoundsModel({"para-start": 5.0}, {"para-end": 5.0}, {})
    assert refine_bounds(doc, quotes, grab, get_lang("en")) == quotes


def test_a_leading_complementizer_is_no_part_of_the_content(extractor: Extractor) -> None:
    text = "Yellen noted that the labor market remained strong."
    doc, quotes = _proposals(extractor, text)
    assert len(quotes) == 1
    to_that = BoundsModel({"w=that": 5.0}, STAY, {})
    [moved] = refine_bounds(doc, quotes, to_that, get_lang("en"))
    assert _content(text, moved) == "the labor market remained strong"


def test_the_model_file_round_trips(tmp_path: Path) -> None:
    model = BoundsModel({"d=+0": 1.5, "w=that": -0.25}, {"para-end": 0.5}, {"epochs": 3})
    path = tmp_path / "m" / "bounds.json.gz"
    model.save(path)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        assert BoundsModel.from_json(json.load(f)) == model


def test_the_shipped_english_model_loads_and_a_missing_one_is_none() -> None:
    model = load_model("en_quote_bounds")
    assert model is not None and model.start and model.end
    assert model.meta["documents"] == 756  # PolNeAR's training block, less the final one
    assert load_model("no_such_model") is None


# Sentences written for this test (not from PolNeAR), with the content a reader takes.
UNSEEN = [
    (
        "The minister said the reform would pass this year. Deputies voted on Friday.",
        "the reform would pass this year",
    ),
    (
        "Officials said on Tuesday that the bridge will reopen in March after repairs.",
        "the bridge will reopen in March after repairs",
    ),
    (
        "The company announced that it had hired 300 engineers, the largest intake in its history.",
        "it had hired 300 engineers, the largest intake in its history",
    ),
]


@pytest.mark.parametrize("text, content", UNSEEN)
def test_the_shipped_model_on_sentences_it_never_saw(
    extractor: Extractor, text: str, content: str
) -> None:
    result = extractor.extract(text, language="en")
    assert [q.text for q in result.quotes] == [content]


def test_no_start_in_the_sentence_before_and_no_end_on_a_colon(extractor: Extractor) -> None:
    from extractor.quotes.bounds import Proposal

    text = "The vote was close. Smith said the plan would work: the count was fair."
    doc, quotes = _proposals(extractor, text)
    proposal = Proposal.of(doc, quotes[0], get_lang("en"))
    assert proposal is not None
    sentence = doc[proposal.ts].sent
    assert all(i >= sentence.start for i, _ in proposal.starts())
    assert all(doc[j - 1].text != ":" for j, _ in proposal.ends())
    grab = BoundsModel({"para-start": 5.0, **STAY}, STAY, {})
    [moved] = refine_bounds(doc, quotes, grab, get_lang("en"))
    assert "vote" not in _content(text, moved)
