"""Long runs of marks and very long chunks are tokenized in pieces: the Doc's text is the
text, tokens elsewhere are spaCy's own, and no piece is longer than its bound."""

from __future__ import annotations

from itertools import pairwise

import pytest
import spacy

from extractor.nlp.tokenizer import LONGEST_CHUNK, MARK_RUN, BoundedTokenizer, cut_points


@pytest.fixture(scope="module")
def tokenizer() -> BoundedTokenizer:
    return BoundedTokenizer(spacy.blank("en").tokenizer)


@pytest.mark.parametrize(
    "text",
    [
        'He said: "We will win," and left...',
        "«Да», — ответил он?!",
        "Wait!!! What?! (Really.) ***",
        "-" * MARK_RUN,  # a separator as long as a run may be
        "x" * LONGEST_CHUNK,
    ],
)
def test_ordinary_text_is_read_whole(tokenizer: BoundedTokenizer, text: str) -> None:
    assert cut_points(text) == []
    assert [t.text for t in tokenizer(text)] == [t.text for t in tokenizer.inner(text)]


@pytest.mark.parametrize(
    "text",
    [
        '"' * 1000,
        'He said "' + "!?" * 300 + 'ok" then',
        "Before " + "»" * 100 + " after " + "(" * 65 + "\n" + "«" * 33,
        "a" * 5000 + " b",
        "’s" * 3000,
        "https://example.com/" + "/".join(f"part{i}" for i in range(500)),
    ],
)
def test_long_runs_are_read_in_pieces(tokenizer: BoundedTokenizer, text: str) -> None:
    doc = tokenizer(text)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text
    points = cut_points(text)
    assert points
    bounds = [0, *points, len(text)]
    for start, end in pairwise(bounds):
        assert end - start <= LONGEST_CHUNK or " " in text[start:end]
    for point in points:
        # A cut falls between two characters of one chunk, never at a space.
        assert not text[point - 1].isspace() and not text[point].isspace()


def test_the_text_around_a_run_is_tokenized_as_before(tokenizer: BoundedTokenizer) -> None:
    text = 'The minister said: "' + '"' * 80 + " Talks resume (next week)."
    words = [t.text for t in tokenizer(text)]
    assert words[:4] == ["The", "minister", "said", ":"]
    assert words[-7:] == ["Talks", "resume", "(", "next", "week", ")", "."]
    assert words.count('"') == 81


def test_everything_else_is_the_inner_tokenizers(tokenizer: BoundedTokenizer) -> None:
    assert tokenizer.vocab is tokenizer.inner.vocab  # type: ignore[attr-defined]
    assert tokenizer.explain("Hi!") == tokenizer.inner.explain("Hi!")  # type: ignore[attr-defined]
