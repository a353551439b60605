"""Language identification per paragraph (lingua), and segmentation by language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from ..settings import get_settings
from . import SUPPORTED, ngrams

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
    """ISO 639-1 code of ``text``'s language, or None when it cannot be told.

    lingua names the language among the world's widely published ones. Where it names a
    supported language, or a language of the same script that the text's letters do
    not bear out (short Russian read as Ukrainian, Kyrgyz as Mongolian, Cyrillic Uzbek
    as Bulgarian), the project's n-gram model (:mod:`.ngrams`) picks which supported
    language it is: lingua has no Uzbek or Kyrgyz model. Another language stands when
    the text's n-grams are foreign to the supported language they are closest to.
    """
    found = _detector().detect_language_of(text)
    if found is None:
        return None
    guess = _code(found)
    sample = text[:NGRAM_SAMPLE]
    reading = ngrams.load().read(sample)
    chosen = reading.language or guess
    if guess in SUPPORTED:
        return chosen
    if guess in _CYRILLIC_NEIGHBOURS:
        if _letters_of(guess, sample.lower()) or (
            guess == "mn" and reading.foreign_share >= MONGOLIAN_FOREIGN
        ):
            return guess
        return chosen
    lower = sample.lower()
    if _TURKIC_LATIN.search(lower):
        return chosen  # Turkish, Azerbaijani or Uzbek letters
    accents = len(_FOREIGN_LATIN.findall(lower))
    share = reading.foreign_share
    if share >= FOREIGN_SHARE or accents >= 2 or (accents and share >= FOREIGN_SHARE_ACCENTED):
        return guess
    # Words the supported languages know: lingua's short-text guess (an English
    # headline read as Dutch) gives way.
    return chosen


NGRAM_ONLY = frozenset(("uz", "ky"))
NGRAM_SAMPLE = 3000  # characters of a paragraph the n-gram model reads
# A text lingua gives to a language we do not support stands as that language when at
# least this share of its n-grams are strangers to the nearest supported language
# (supported news sentences: 0.09-0.19 at the median, 0.22-0.33 at the 95th percentile).
FOREIGN_SHARE = 0.3
FOREIGN_SHARE_ACCENTED = 0.2  # with a letter no supported language writes ("é", "ñ")
_FOREIGN_LATIN = re.compile(r"[éèêëàáäãåæíìïñóòôõøúùßąćęłńśźżčřšžýőűățș]")
MONGOLIAN_FOREIGN = 0.5
_TURKIC_LATIN = re.compile(r"[ğışə]|[og]['ʻʼ‘’`]")
# Cyrillic languages lingua knows that Russian, Kazakh, Kyrgyz and Uzbek text is read
# as; each stands only with letters or words of its own.
_CYRILLIC_NEIGHBOURS = frozenset(("uk", "be", "bg", "sr", "mn"))
_TURKIC_CYRILLIC = set("әғқңөұүһҳўі")


def _letters_of(language: str, text: str) -> bool:
    """Whether ``text`` (lower case) has what only ``language`` writes among its
    Cyrillic neighbours and the supported languages."""
    letters = set(text)
    turkic = bool(letters & (_TURKIC_CYRILLIC - {"і", "ў", "ү", "ө"}))
    if language == "uk":
        russian = bool(letters & set("ыэъё"))
        return bool(letters & set("їєґ")) or ("і" in letters and not russian and not turkic)
    if language == "be":
        return "ў" in letters and not turkic
    if language == "sr":
        return bool(letters & set("ђјљњћџ"))
    if language == "bg":
        # (Uzbek writes "ъ" for a glottal stop: "маъно", and "ў".)
        words = set(re.findall(r"\w+", text))
        bulgarian = re.search(r"ъ(?![еёюя])", text) or words & {"във", "със", "са", "че", "това"}
        return bool(bulgarian) and not turkic and "ў" not in letters
    if language == "mn":
        words = set(re.findall(r"\w+", text))
        medial_e = bool(re.search(r"\wэ", text))
        return (
            not turkic
            and "ң" not in letters
            and (medial_e or bool(words & {"нь", "юм", "байна", "гэж", "энэ"}))
        )
    return False


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
        chunk = text[start:end]
        confidence = (
            ngrams.load().confidence(chunk[:NGRAM_SAMPLE], guess)
            if guess in NGRAM_ONLY  # languages lingua has no model of
            else detector.compute_language_confidence(
                chunk, getattr(Language, _language_name(guess))
            )
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
