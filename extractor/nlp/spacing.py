"""Tokenized text back to normal spacing, with a map to the original offsets.

Archives and corpora often come tokenized: every token set off by spaces, punctuation
and quote marks included ("« Әр өңірдің өз бағдарламасы бар » , — дейді", "Züganov , "
Yeltsin dönemi artık bitti . " dedi", "Türkiye 'nin"). The rules, the models and the
quote-mark pairing read normal text, so such a text is read with the spaces a writer
would not type taken out, and every span found is mapped back to the original.

Only spaces are removed, never other characters: before closing punctuation and
closing quote marks, after opening ones, around a straight quote mark standing alone
(the first of a paragraph opens, the next closes; the last before a lower-case word
closes), and before an apostrophe that
starts a suffix ("Kohl 'ün" -> "Kohl'ün"). A text is taken for tokenized when more of
its punctuation marks and suffixes stand apart than attached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Marks that attach to the word before them, and marks that attach to the word after.
_CLOSING = ",.;:!?)]}»”…%"
_OPENING = "([{«“„"
_STRAIGHT = "\"'"
_DETACHED = re.compile(r"(?<=\S) +(?=[,.;:!?)\]}»”])")
_ATTACHED = re.compile(r"(?<=\w)[,.;:!?)\]}»”]")
# An apostrophe that starts a suffix after a space: "Türkiye 'nin", "Kohl 'ün".
_SUFFIX = re.compile(r"(?<=\w) +(?=['’]\w)")
# A quote mark standing alone, or an opening one set off from its word: 'Terim " X "
# dedi', "« X »".
_LONE_MARK = re.compile(r"(?:(?<=\s)|^)(?:[\"«“„] |\"$)")


@dataclass(frozen=True)
class Respaced:
    """A text with normal spacing (``text``) and, for each of its characters, the
    index of the same character in the original (``source``)."""

    text: str
    source: tuple[int, ...]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of ``text[start:end]``."""
        if end <= start:
            at = self.source[start] if start < len(self.source) else self.source[-1] + 1
            return at, at
        return self.source[start], self.source[end - 1] + 1


def is_tokenized(text: str) -> bool:
    """Whether more punctuation marks, quote marks and suffixes stand apart from the
    word next to them than are attached to it."""
    detached = (
        len(_DETACHED.findall(text)) + len(_SUFFIX.findall(text)) + len(_LONE_MARK.findall(text))
    )
    return detached > len(_ATTACHED.findall(text))


def respace(text: str) -> Respaced | None:
    """``text`` with normal spacing, or None when it does not look tokenized."""
    if not is_tokenized(text):
        return None
    drop: set[int] = set()
    for paragraph in re.finditer(r"[^\n]+", text):
        drop |= _paragraph_drops(text, paragraph.start(), paragraph.end())
    kept = [i for i in range(len(text)) if i not in drop]
    return Respaced("".join(text[i] for i in kept), tuple(kept))


def _paragraph_drops(text: str, start: int, end: int) -> set[int]:
    """Indexes of the spaces to remove in ``text[start:end]``."""
    drop: set[int] = set()

    def spaces_before(i: int) -> None:
        k = i - 1
        while k >= start and text[k] == " ":
            drop.add(k)
            k -= 1

    def spaces_after(i: int) -> None:
        k = i + 1
        while k < end and text[k] == " ":
            drop.add(k)
            k += 1

    opened = False  # a straight quote mark standing alone is open
    for i in range(start, end):
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if ch in _STRAIGHT and before == " " and after == " ":
            # A mark standing alone: the first opens, the next closes; the last of a
            # paragraph before a lower-case word closes words whose opening mark was
            # lost ('Toshack , Beşiktaş ... olmasın " dedi').
            lone_after = any(
                text[k] in _STRAIGHT and text[k - 1] == " " and text[k + 1 : k + 2] in (" ", "")
                for k in range(i + 1, end)
            )
            rest = text[i + 1 : end].lstrip()
            if opened or (not lone_after and rest[:1].islower()):
                spaces_before(i)
                opened = False
            else:
                spaces_after(i)
                opened = True
        elif ch in _CLOSING and before == " " and text[start:i].strip():
            spaces_before(i)
        elif ch in _OPENING and after == " ":
            spaces_after(i)
    for match in _SUFFIX.finditer(text, start, end):
        drop.update(range(match.start(), match.end()))
    return drop
