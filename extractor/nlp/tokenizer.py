"""A tokenizer that takes time linear in the length of any text.

spaCy's tokenizer takes prefixes and suffixes (punctuation, quote marks, brackets) off
a chunk of text between spaces one at a time, each time copying and searching what is
left of the chunk: a chunk of n such marks (a run of quote marks, "!?!?…", "»»»…")
takes time in n². The text is cut between two characters of a long run of marks, and
inside any very long chunk, into pieces that the pipeline's own tokenizer reads one by
one; their Docs joined are the Doc of the text. Text without such runs is read whole,
as before.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc

MARK_RUN = 32  # marks in a row read as one piece: longer runs are cut
LONGEST_CHUNK = 1000  # characters between spaces read as one piece: longer chunks are cut

_MARKS = re.compile(rf"[^\w\s]{{{MARK_RUN + 1},}}")
_CHUNKS = re.compile(rf"\S{{{LONGEST_CHUNK + 1},}}")


def cut_points(text: str) -> list[int]:
    """Where ``text`` is cut: inside each run of more than :data:`MARK_RUN` marks
    (letters, digits and spaces aside) every :data:`MARK_RUN` characters, and inside
    each chunk without a space every :data:`LONGEST_CHUNK` characters at most."""
    marks = [
        point
        for run in _MARKS.finditer(text)
        for point in range(run.start() + MARK_RUN, run.end(), MARK_RUN)
    ]
    points = list(marks)
    for chunk in _CHUNKS.finditer(text):
        last = chunk.start()
        inside = marks[bisect_right(marks, last) : bisect_left(marks, chunk.end())]
        for point in [*inside, chunk.end()]:
            while point - last > LONGEST_CHUNK:
                last += LONGEST_CHUNK
                points.append(last)
            last = point
    return sorted(points)


class BoundedTokenizer:
    """The pipeline's tokenizer, reading a text with long runs of marks or very long
    chunks piece by piece (:func:`cut_points`); everything else it has (``vocab``,
    ``explain``, serialization) is the pipeline tokenizer's."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.inner = tokenizer

    def __call__(self, text: str) -> Doc:
        points = cut_points(text)
        if not points:
            return self.inner(text)
        bounds = [0, *points, len(text)]
        docs = [self.inner(text[a:b]) for a, b in pairwise(bounds)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name: str) -> Any:
        if name == "inner" or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.inner, name)
