"""Language identification per paragraph (lingua), and segmentation by language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from ..settings import get_settings

# Languages the detector tells apart: the supported ones plus widely published others,
# so that text in an unsupported language is named as such rather than forced into a
# supported one. (lingua has no Uzbek or Kyrgyz model.)
CANDIDATES: tuple[str, ...] = (
    "en",
    "ru",
    "az",
    "tr",
    "kk",
    "uk",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "pl",
    "ar",
    "fa",
    "zh",
    "ja",
    "ko",
    "hi",
    "mn",
    "ka",
    "hy",
    "be",
    "sr",
    "bg",
    "ro",
)
MIN_LETTERS = 25  # shorter paragraphs take the document's language
MIN_CONFIDENCE = 0.75  # a paragraph leaves the document's language only when this sure


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    language: str


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    codes = [getattr(IsoCode639_1, code.upper()) for code in CANDIDATES]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    if not get_settings().langid_high_accuracy:
        builder = builder.with_low_accuracy_mode()  # trigrams only: ~30 MB instead of ~450 MB
    return builder.build()


def _code(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((offset + lead, offset + lead + len(stripped)))
        offset += len(line)
    return spans


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when it cannot be told."""
    found = _detector().detect_language_of(text)
    return _code(found) if found is not None else None


def segment(text: str, default: str) -> tuple[str, list[Segment]]:
    """The document's main language and its runs of paragraphs by language.

    Each paragraph long enough is identified on its own; it keeps a language other than
    the document's only when the detector is confident. The segments cover the text
    from its first to its last non-blank character.
    """
    paragraphs = _paragraphs(text)
    if not paragraphs:
        return default, []
    detector = _detector()
    guesses: list[str | None] = []
    weight: dict[str, int] = {}
    for start, end in paragraphs:
        chunk = text[start:end]
        letters = _letters(chunk)
        guess = detect_language(chunk) if letters >= MIN_LETTERS else None
        guesses.append(guess)
        if guess is not None:
            weight[guess] = weight.get(guess, 0) + letters
    if not weight:
        whole = detect_language(text) if _letters(text) >= 3 else None
        main = whole or default
        return main, [Segment(paragraphs[0][0], paragraphs[-1][1], main)]
    main = max(weight, key=lambda code: weight[code])
    labels: list[str] = []
    for (start, end), guess in zip(paragraphs, guesses):
        if guess is None or guess == main:
            labels.append(main)
            continue
        confidence = detector.compute_language_confidence(
            text[start:end], getattr(Language, _language_name(guess))
        )
        labels.append(guess if confidence >= MIN_CONFIDENCE else main)
    segments: list[Segment] = []
    for (start, end), label in zip(paragraphs, labels):
        if segments and segments[-1].language == label:
            segments[-1] = Segment(segments[-1].start, end, label)
        else:
            segments.append(Segment(start, end, label))
    return main, segments


@cache
def _language_name(code: str) -> str:
    return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())).name
