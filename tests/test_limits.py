"""Any input takes time linear in its size (runs of marks, letters, digits, long URLs);
a process reading new words keeps a vocabulary of bounded size; and the memory zone
that bounds it changes no result."""

from __future__ import annotations

import random
import time

import pytest

from extractor import Extractor

from .helpers import assert_spans_exact

# Shapes of text that spaCy's tokenizer or natasha's parser once read in quadratic time,
# and shapes that were always linear (kept so that they stay so).
SHAPES = {
    "quote marks": '"',
    "closing guillemets": "»",
    "marks": '!?,."()«»—*',
    "marks and spaces": '!? ,.", ',  # read as tokenized text: the spaces go
    "suffixes": "’s",
    "quote lines": '"\n',  # a paragraph each
    "one letter": "a",
    "digits": "7",
    "a url": "https://example.com/news/2025/",
}
CASES = [
    *[("en", shape) for shape in SHAPES],
    ("ru", "quote marks"),
    ("ru", "marks"),
    ("kk", "closing guillemets"),
]
SMALL, LARGE = 2_500, 10_000
MOST_GROWTH = 6.0  # for 4 times the text: linear is 4, quadratic 16


def _cpu_seconds(extractor: Extractor, text: str, language: str) -> float:
    """The least CPU time of two extractions of ``text``; every span exact."""
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        result = extractor.extract(text, language=language)
        best = min(best, time.process_time() - start)
        assert_spans_exact(text, result)
    return best


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.parametrize("language, shape", CASES)
def test_time_grows_linearly_with_the_text(extractor: Extractor, language: str, shape: str) -> None:
    unit = SHAPES[shape]
    small = _cpu_seconds(extractor, (unit * SMALL)[:SMALL], language)
    large = _cpu_seconds(extractor, (unit * LARGE)[:LARGE], language)
    assert large <= MOST_GROWTH * max(small, 0.1), (small, large)


@pytest.mark.model
def test_a_text_longer_than_a_piece_is_read_in_pieces(extractor: Extractor) -> None:
    from extractor.extract import LONGEST_PIECE

    line = '"Talks number {} went well," said John Smith, the party leader.\n'
    text = "".join(line.format(i) for i in range(LONGEST_PIECE // len(line) * 2 + 5))
    result = extractor.extract(text, language="en")
    assert_spans_exact(text, result)
    assert len(result.quotes) == text.count("\n")
    assert result.segments[0].start == 0 and result.segments[-1].end == len(text) - 1


def _new_words(count: int, alphabet: str, seed: int) -> list[str]:
    """``count`` texts of 60 made-up words, nearly all new to any vocabulary."""
    rng = random.Random(seed)

    def word() -> str:
        letters = "".join(rng.choice(alphabet) for _ in range(rng.randint(5, 10)))
        return letters.capitalize() if rng.random() < 0.2 else letters

    return [" ".join(word() for _ in range(60)) + "." for _ in range(count)]


@pytest.mark.model
@pytest.mark.parametrize(
    "language, alphabet",
    [("en", "abcdefghijklmnopqrstuvwxyz"), ("ru", "абвгдеклмнопрстуя"), ("tr", "abcçdeğıiöşü")],
)
def test_new_words_leave_the_vocabulary_as_it_was(language: str, alphabet: str) -> None:
    extractor = Extractor()
    nlp = extractor.nlp(language)
    extractor.extract_many(_new_words(2, alphabet, seed=0), language=language)
    before = set(nlp.vocab.strings)
    texts = _new_words(24, alphabet, seed=1)
    for start in range(0, len(texts), 8):
        results = extractor.extract_many(texts[start : start + 8], language=language)
        assert all(not isinstance(r, Exception) for r in results)
    added = set(nlp.vocab.strings) - before
    # What stays is morphological analyses ("Case=Nom|Number=Sing"), a closed set;
    # no word read.
    assert all("=" in s for s in added), sorted(added)[:10]
    assert not any(word in nlp.vocab.strings for word in texts[-1].split())


@pytest.mark.model
def test_a_memory_zone_changes_no_result(seed_text: str) -> None:
    extractor = Extractor()
    # The first batch of each pipeline is read outside a memory zone, the others inside.
    first, second, third = (extractor.extract(seed_text).model_dump() for _ in range(3))
    assert first == second == third
    assert any(e["type"] == "COUNTRY" and e["code"] == "AZ" for e in third["entities"])
