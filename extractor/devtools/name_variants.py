"""An evaluation set of people's names in several alphabets and spellings, built from
data (``extractor eval identity``).

People: NEREL's PERSON mentions linked to Wikidata (train and dev), each person's
full name of two or three words as written in Russian news, in the nominative (the form
most often written, by natasha's reading). Spellings: that Russian name; its
romanizations by published systems as news prints them (iuliia's BGN/PCGN without its
middle dots, Wikipedia, ICAO Doc 9303 of passports, Telegram's); and its spelling in
the Latin alphabets of Azerbaijani, Turkish and Uzbek (iuliia's Uzbek schema without
the Cyrillic signs it leaves; Azerbaijani and Turkish by their alphabets' letters for
the Russian sounds). Pairs of spellings of one person should be one; pairs of two
people with close names (the same surname, or names within two edits) should not.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
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


# Marks of a system's tables that news does not print: BGN/PCGN's middle dot between
# letters that would be read as one ("K·erri") and its "ë" (written by iuliia as "ё"),
# and the soft and hard signs iuliia's Uzbek table leaves in Cyrillic ("Rafaelь").
_AS_PRINTED = str.maketrans({"·": "", "ё": "e", "Ё": "E", "ь": "", "ъ": "", "Ь": "", "Ъ": ""})


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
        text = getattr(iuliia, schema).translate(russian)
        out.append((text.translate(_AS_PRINTED), language))
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


def _full_names(shared_dir: Path | None = None) -> Iterator[tuple[str, str]]:
    """(Wikidata item, surface) of every NEREL PERSON mention (all of its train folder,
    then dev) linked to an item and written as two or three capitalized Cyrillic words."""
    for split in ("train", "final", "dev"):
        for doc in nerel(split, shared_dir):
            for tid, (label, pieces, surface) in doc.spans.items():
                qid = doc.references.get(tid, "")
                if label != "PERSON" or not qid or qid.endswith(":NULL") or len(pieces) != 1:
                    continue
                words = surface.split()
                if 2 <= len(words) <= 3 and all(re.fullmatch(r"[А-ЯЁ][а-яё-]+", w) for w in words):
                    yield qid, surface


def people(shared_dir: Path | None = None) -> dict[str, str]:
    """Wikidata item -> the person's name in the nominative, as natasha reads the
    person's full names in NEREL (two or three capitalized Cyrillic words): the one
    most often written ("Гордона Брауна" counts for "Гордон Браун"; a name in the
    genitive is no spelling another language would write), preferring a form the
    news also writes."""
    names: dict[str, Counter[str]] = {}
    for qid, surface in _full_names(shared_dir):
        names.setdefault(qid, Counter())[surface] += 1
    normal = _nominative(sorted({s for counts in names.values() for s in counts}))
    out = {}
    for qid, counts in names.items():
        nominative: Counter[str] = Counter()
        for surface, n in counts.items():
            nominative[normal[surface]] += n
        # A nominative also written so in the news is surer than natasha's guess
        # ("Давид Черкасским" from "Давидом Черкасским").
        attested = [name for name, _ in nominative.most_common() if name in counts]
        out[qid] = _words_nominative(attested[0] if attested else nominative.most_common(1)[0][0])
    return out


def inflected_forms(base: dict[str, str], shared_dir: Path | None = None) -> dict[str, list[str]]:
    """Wikidata item -> the forms of the person's name in NEREL other than the
    nominative of ``base`` (from ``people``; "Гордона Брауна"): queries a Russian
    reader may type."""
    forms: dict[str, set[str]] = {}
    for qid, surface in _full_names(shared_dir):
        if qid in base and surface != base[qid] and len(surface.split()) == len(base[qid].split()):
            forms.setdefault(qid, set()).add(surface)
    # Only the forms natasha reads as the same name ("Денис Паршов" linked to Pavel
    # Parshov by mistake is no form of his name).
    normal = _nominative(sorted({f for found in forms.values() for f in found}))
    return {
        qid: sorted(f for f in found if _words_nominative(normal[f]) == base[qid])
        for qid, found in forms.items()
    }


def _words_nominative(name: str) -> str:
    """Each word of a name natasha left inflected put in the nominative by the
    dictionary's reading as a given name, surname or patronymic, or else its likeliest
    reading ("Аретой" -> "Арета", "Черкасским" -> "Черкасский")."""
    from ..nlp.natasha import russian_morphology

    morph = russian_morphology()
    words = []
    for word in name.split():
        parses = morph.parse(word)
        readings = [p for p in parses if {"Name", "Surn", "Patr"} & p.tag.grammemes] or parses
        # (Case endings are vowels, "й" and "м": "Уэбб" is no inflected word.)
        oblique = word[-1:].lower() in "аяуюыиоеймь"
        if not oblique or not readings or any("nomn" in p.tag for p in parses):
            words.append(word)
            continue
        nominative = readings[0].inflect({"Nom"})
        words.append(nominative.word.capitalize() if nominative else word)
    return " ".join(words)


def _nominative(names: list[str]) -> dict[str, str]:
    """Each Russian name in the nominative by natasha's normalization, read as the
    subject of a one-line report (a name natasha does not take whole stays as it is)."""
    from natasha import Doc as NatashaDoc

    from ..nlp.natasha import natasha_models

    segmenter, morph, tagger, vocab = natasha_models()
    out = {}
    for name in names:
        doc = NatashaDoc(f"{name} заявил журналистам, что переговоры продолжатся.")
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.tag_ner(tagger)
        whole = [s for s in doc.spans if s.text == name and s.type == "PER"]
        if whole:
            whole[0].normalize(vocab)
        out[name] = (whole[0].normal if whole else None) or name
    return out


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


# One news sentence per language, the name its subject.
_REPORTS = {
    "ru": "{name} {verb} журналистам, что переговоры продолжатся на следующей неделе.",
    "en": "{name} told reporters on Monday that the talks would continue next week.",
    "az": "{name} jurnalistlərə bildirib ki, danışıqlar gələn həftə davam edəcək.",
    "tr": "{name}, görüşmelerin gelecek hafta süreceğini söyledi.",
    "uz": "{name} muzokaralar kelasi hafta davom etishini aytdi.",
}


@dataclass
class ArchiveIdentityReport:
    people: int
    documents: int
    pairs_same: int = 0  # pairs of documents of one person
    pairs_joined: int = 0  # ... whose quotes the archive gives one speaker
    pairs_split_wrong: int = 0  # pairs of two people given one speaker
    searches: int = 0
    found: int = 0  # quotes found by a search for one spelling, of that person's
    expected: int = 0

    def text(self) -> str:
        recall = self.pairs_joined / self.pairs_same if self.pairs_same else 0.0
        judged = self.pairs_joined + self.pairs_split_wrong
        precision = self.pairs_joined / judged if judged else 0.0
        share = self.found / self.expected if self.expected else 0.0
        return (
            f"archive: {self.people} people, {self.documents} one-sentence reports\n"
            f"one speaker for one person  precision {precision:.3f}  recall {recall:.3f}"
            f"  ({self.pairs_joined}/{self.pairs_same} pairs; {self.pairs_split_wrong} wrong)\n"
            f"speaker search by each spelling or inflected form finds {share:.3f} of the "
            f"person's quotes ({self.found}/{self.expected}, {self.searches} searches)"
        )


def evaluate_archive(
    limit: int = 120,
    shared_dir: Path | None = None,
    database_url: str | None = None,
    offset: int = 0,
) -> ArchiveIdentityReport:
    """Each spelling of ``limit`` NEREL people (from the ``offset``-th, by Wikidata
    item) in a one-sentence report of its language, stored as its own document in a
    fresh archive (SQLite in a temporary folder unless ``database_url``): which
    documents' quotes get one speaker, and what a speaker search by each spelling, and
    by each inflected form NEREL writes, finds."""
    import tempfile

    from ..archive.store import open_store
    from ..extract import Extractor, extracted

    persons = people(shared_dir)
    # One item per name: NEREL links a few names to two items, and the archive keeps
    # one document per text.
    first_of: dict[str, str] = {}
    for qid in sorted(persons):
        first_of.setdefault(persons[qid], qid)
    chosen = sorted(first_of.values())[offset : offset + limit]
    extractor = Extractor()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(database_url or f"sqlite:///{folder}/identity.db")
        owner: dict[str, str] = {}  # document -> Wikidata item
        spelled: dict[str, list[str]] = {}
        by_language: dict[str, list[tuple[str, str]]] = {}  # language -> (document, text)
        for qid in chosen:
            russian = persons[qid]
            verb = "заявила" if russian.split()[-1].endswith(("а", "я")) else "заявил"
            for n, (name, language) in enumerate(spellings(russian)):
                doc_id = f"{qid}-{n}"
                owner[doc_id] = qid
                spelled.setdefault(qid, []).append(name)
                text = _REPORTS[language].format(name=name, verb=verb)
                by_language.setdefault(language, []).append((doc_id, text))
        for language, reports in by_language.items():
            results = extracted(extractor.extract_many([t for _, t in reports], language))
            for (doc_id, text), result in zip(reports, results, strict=True):
                store.add(text, result, doc_id=doc_id)
        ids = list(owner)
        speaker_of: dict[str, int | None] = {d: None for d in ids}
        cursor = None
        while True:
            page, cursor = store.quotes(limit=200, cursor=cursor)
            for item in page:
                if item["speaker"]:
                    speaker_of[item["document_id"]] = int(item["speaker"]["id"])
            if cursor is None:
                break
        report = ArchiveIdentityReport(people=len(chosen), documents=len(ids))
        for a, b in combinations(ids, 2):
            same = owner[a] == owner[b]
            joined = speaker_of[a] is not None and speaker_of[a] == speaker_of[b]
            if same:
                report.pairs_same += 1
                report.pairs_joined += joined
            elif joined:
                report.pairs_split_wrong += 1
        inflected = inflected_forms(persons, shared_dir)
        for qid in chosen:
            mine = {d for d in ids if owner[d] == qid}
            for name in spelled[qid] + inflected.get(qid, []):
                items, _ = store.quotes(speaker=name, limit=200)
                report.searches += 1
                report.expected += len(mine)
                report.found += len({i["document_id"] for i in items} & mine)
        store.engine.dispose()
    return report
