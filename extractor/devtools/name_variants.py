"""An evaluation set of people's names in several alphabets and spellings, built from
data (``extractor eval identity``).

People: NEREL's PERSON mentions linked to Wikidata (train and dev), each person's most
frequent full name of two or three words as written in Russian news. Spellings: that
Russian name; its romanizations by published systems (iuliia's BGN/PCGN, Wikipedia,
ICAO Doc 9303 of passports, the Russian MVD 782, Telegram's, the scholarly one); and
its spelling in the Latin alphabets of Azerbaijani, Turkish and Uzbek (iuliia's Uzbek
schema; Azerbaijani and Turkish by their alphabets' letters for the Russian sounds).
Pairs of spellings of one person should be one; pairs of two people with close names
(the same surname, or names within two edits) should not.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from ..entities.linking import name_key, same_person
from .corpora import nerel

# Russian letters in the Azerbaijani and Turkish Latin alphabets (the sounds, as names
# are spelled in those countries' press: "Лавров" -> "Lavrov", "Жапаров" -> "Japarov",
# az "Xasbulatov", tr "Hasbulatov").
_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "q", "д": "d", "е": "e", "ё": "yo", "ж": "j",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "ts",
    "ч": "ç", "ш": "ş", "щ": "ş", "ъ": "", "ы": "ı", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip
_AZERBAIJANI = {**_COMMON, "г": "q", "х": "x"}
_TURKISH = {**_COMMON, "г": "g", "х": "h", "дж": "c"}
_AZERBAIJANI["дж"] = "c"
# The systems names reach news in: the U.S./U.K. geographic one, Wikipedia's, passports'
# (ICAO), Telegram's, and the Uzbek alphabet's. (Scholarly systems, "Ševčenko",
# "Sergej", are left out: news does not write names so.)
_SCHEMAS = ("BGN_PCGN", "WIKIPEDIA", "ICAO_DOC_9303", "TELEGRAM", "UZ")


def _by_letters(name: str, table: dict[str, str]) -> str:
    out = []
    lower = name.lower()
    i = 0
    while i < len(name):
        pair = lower[i : i + 2]
        if pair in table:
            piece, step = table[pair], 2
        else:
            piece, step = table.get(lower[i], name[i]), 1
        # After a vowel or at a word's start, "е" is "ye" ("Алиев" -> "Aliyev").
        if lower[i] == "е" and (
            i == 0 or not lower[i - 1].isalpha() or lower[i - 1] in "аеёиоуыэюя"
        ):
            piece = "ye"
        out.append(piece.capitalize() if name[i].isupper() else piece)
        i += step
    return "".join(out)


def spellings(russian: str) -> list[tuple[str, str]]:
    """(spelling, language) of one Russian name: itself, its romanizations, and its
    Azerbaijani and Turkish spellings."""
    import iuliia

    out = [(russian, "ru")]
    for schema in _SCHEMAS:
        language = "uz" if schema == "UZ" else "en"
        out.append((getattr(iuliia, schema).translate(russian), language))
    out.append((_by_letters(russian, _AZERBAIJANI), "az"))
    out.append((_by_letters(russian, _TURKISH), "tr"))
    seen: set[str] = set()
    unique = []
    for text, language in out:
        if text not in seen:
            seen.add(text)
            unique.append((text, language))
    return unique


@dataclass
class IdentityReport:
    people: int
    spellings: int
    positive_pairs: int
    negative_pairs: int
    found_same: int = 0  # positive pairs judged the same person
    false_same: int = 0  # negative pairs judged the same person
    misses: list[tuple[str, str]] = field(default_factory=list)
    false: list[tuple[str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found_same / self.positive_pairs if self.positive_pairs else 0.0

    @property
    def precision(self) -> float:
        judged = self.found_same + self.false_same
        return self.found_same / judged if judged else 0.0

    def text(self, examples: int = 10) -> str:
        lines = [
            f"people {self.people}, spellings {self.spellings}; pairs: "
            f"{self.positive_pairs} of one person, {self.negative_pairs} of two with close names",
            f"same_person  precision {self.precision:.3f}  recall {self.recall:.3f}  "
            f"(false merges {self.false_same})",
        ]
        lines += [f"  missed: {a} | {b}" for a, b in self.misses[:examples]]
        lines += [f"  merged: {a} | {b}" for a, b in self.false[:examples]]
        return "\n".join(lines)


def people(shared_dir: Path | None = None) -> dict[str, str]:
    """Wikidata item -> the person's most frequent full name in NEREL (two or three
    capitalized Cyrillic words)."""
    names: dict[str, Counter[str]] = {}
    for split in ("train", "dev"):
        for doc in nerel(split, shared_dir):
            for tid, (label, pieces, surface) in doc.spans.items():
                qid = doc.references.get(tid, "")
                if label != "PERSON" or not qid or qid.endswith(":NULL") or len(pieces) != 1:
                    continue
                words = surface.split()
                if 2 <= len(words) <= 3 and all(re.fullmatch(r"[А-ЯЁ][а-яё-]+", w) for w in words):
                    names.setdefault(qid, Counter())[surface] += 1
    return {qid: counts.most_common(1)[0][0] for qid, counts in names.items()}


def evaluate(shared_dir: Path | None = None, seed: int = 0) -> IdentityReport:
    """same_person on every pair of spellings of one person, and on pairs of people
    with close names (all spellings of one against the same system's of the other)."""
    persons = people(shared_dir)
    variants = {qid: spellings(name) for qid, name in persons.items()}
    report = IdentityReport(
        people=len(persons),
        spellings=sum(len(v) for v in variants.values()),
        positive_pairs=0,
        negative_pairs=0,
    )
    for names in variants.values():
        for (a, la), (b, lb) in combinations(names, 2):
            report.positive_pairs += 1
            if same_person(a, b, la, lb):
                report.found_same += 1
            else:
                report.misses.append((a, b))
    keys = {qid: name_key(name, "ru") for qid, name in persons.items()}
    qids = sorted(persons)
    for i, qa in enumerate(qids):
        for qb in qids[i + 1 :]:
            ka, kb = keys[qa].split(), keys[qb].split()
            close = ka[-1:] == kb[-1:] or Levenshtein.distance(keys[qa], keys[qb]) <= 2
            # (One name linked to two Wikidata items says nothing of two people.)
            if not close or persons[qa] == persons[qb]:
                continue
            for (a, la), (b, lb) in zip(variants[qa], variants[qb], strict=False):
                report.negative_pairs += 1
                if same_person(a, b, la, lb):
                    report.false_same += 1
                    report.false.append((a, b))
    random.Random(seed).shuffle(report.misses)
    return report
