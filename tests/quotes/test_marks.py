"""Quote marks and their pairing (no model needed)."""

from __future__ import annotations

import pytest

from extractor.language import get_lang
from extractor.quotes import quote_marks

EN = get_lang("en")


def _contents(text: str) -> list[tuple[str, bool]]:
    return [(text[q.start : q.end], q.closed) for q in quote_marks(text, EN)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "yes, we will," and left.', [("yes, we will", True)]),
        ("“Curly,” she said, “marks.”", [("Curly", True), ("marks.", True)]),
        ("«Ёлки» и „палки“", [("Ёлки", True), ("палки", True)]),
        ("It’s the company’s view.", []),
        ("‘Single’ marks", [("Single", True)]),
        ("\"Outer 'inner' outer,\" he said.", [("Outer 'inner' outer", True)]),
        ('He measured 5" of snow.', []),
        ('A "open\n\nNext paragraph.', [("open", False)]),
        ('"One\n\n"Two," she said.', [('One\n\n"Two', True)]),
        ('A "stray mark. "Quoted," he said.', [("stray mark.", False), ("Quoted", True)]),
        ("", []),
        ('"', []),
    ],
)
def test_quote_marks(text: str, expected: list[tuple[str, bool]]) -> None:
    assert _contents(text) == expected
