"""The sentence around a quote, to read it in place: the text of the sentence or
sentences that hold the quote's span, with its spaces folded, cut to a readable length.

The store reads a window of the document's text around the quote (:data:`WINDOW`
characters each side); this module finds the sentence bounds in it. A sentence ends at
a line break, or at a stop (. ! ? … and their full-width forms, with any closing quote
marks or brackets after them) followed by a space, unless the stop ends an initial
("J.", "U.S.") or one of the language's abbreviations ("Sen.", "Prof.";
:attr:`LangData.abbreviations`), or the next word starts in lower case.
"""

from __future__ import annotations

import re

from ..errors import UnsupportedLanguageError
from ..language import get_lang

# Characters of the document read on each side of a quote.
WINDOW = 400
# Characters of its sentence kept on each side of a quote, and of the quote itself.
SIDE = 240
QUOTE = 600
ELLIPSIS = "…"

_STOPS = ".!?…。！？"
_CLOSERS = "\"'»”’“)]"
_MARKS = _STOPS + _CLOSERS
_STOP = re.compile(f"(?:[{re.escape(_STOPS)}]+[{re.escape(_CLOSERS)}]*(?=\\s|$))|\n")
_INITIALS = re.compile(r"(?:\w\.)+", re.UNICODE)
_WORD_BEFORE = re.compile(r"(\S+)$")


def _abbreviations(language: str | None) -> frozenset[str]:
    try:
        return get_lang(language).abbreviations if language else frozenset()
    except UnsupportedLanguageError:
        return frozenset()


def _ends_sentence(text: str, stop: re.Match[str], abbreviations: frozenset[str]) -> bool:
    mark = stop.group()
    if mark == "\n":
        return True
    nxt = text[stop.end() :].lstrip()
    if nxt[:1].islower():
        return False
    if mark.rstrip(_CLOSERS) != ".":
        return True
    found = _WORD_BEFORE.search(text, 0, stop.start() + 1)
    word = found.group(1).lstrip("\"'«“„‘([").lower() if found else ""
    return not (_INITIALS.fullmatch(word) or word in abbreviations)


def _tail(text: str, size: int) -> str:
    """The last ``size`` characters of ``text`` from a word's start, after an ellipsis."""
    cut = text[-size:]
    space = cut.find(" ", 0, 40)
    return ELLIPSIS + (cut[space + 1 :] if space >= 0 else cut)


def _head(text: str, size: int) -> str:
    """The first ``size`` characters of ``text`` to a word's end, then an ellipsis."""
    cut = text[:size]
    space = cut.rfind(" ", len(cut) - 40)
    return (cut[:space] if space > 0 else cut) + ELLIPSIS


def sentence_context(
    window: str,
    start: int,
    end: int,
    language: str | None = None,
    *,
    cut_before: bool = False,
    cut_after: bool = False,
) -> str:
    """The sentence(s) of ``window`` holding ``window[start:end]``, whitespace folded:
    at most :data:`SIDE` characters of them on each side of the quote and
    :data:`QUOTE` of the quote, with an ellipsis where they are cut. ``cut_before``
    and ``cut_after`` say the window is cut there from a longer text (so that a
    sentence running past it is shown cut)."""
    abbreviations = _abbreviations(language)
    begin, begin_cut = 0, cut_before
    for stop in _STOP.finditer(window):
        if stop.end() > start:
            break
        if _ends_sentence(window, stop, abbreviations):
            begin, begin_cut = stop.end(), False
    # (from the stop the quote itself may end with: "... joint steps.”")
    tail = end
    while tail > start and window[tail - 1] in _MARKS:
        tail -= 1
    finish, finish_cut = len(window), cut_after
    for stop in _STOP.finditer(window, tail):
        if _ends_sentence(window, stop, abbreviations):
            finish, finish_cut = (stop.start() if stop.group() == "\n" else stop.end()), False
            break
    before = " ".join(window[begin:start].split())
    quote = " ".join(window[start:end].split())
    after = " ".join(window[end:finish].split())
    if len(before) > SIDE:
        before = _tail(before, SIDE)
    elif begin_cut and before:
        before = ELLIPSIS + before
    if len(quote) > QUOTE:
        quote, after = _head(quote, QUOTE), ""
    elif len(after) > SIDE:
        after = _head(after, SIDE)
    elif finish_cut and after:
        after += ELLIPSIS
    # (the spaces folded away at the quote's edges)
    gap_before = " " if before and window[start - 1 : start].isspace() else ""
    gap_after = " " if after and window[end : end + 1].isspace() else ""
    return f"{before}{gap_before}{quote}{gap_after}{after}".strip()
