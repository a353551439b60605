"""Readers for the annotated corpora under ``<shared_dir>/data`` (never copied here)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InvalidInputError
from ..settings import get_settings


@dataclass
class BratDoc:
    """A text with brat standoff annotations: text-bound spans and events."""

    name: str
    text: str
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = field(default_factory=dict)
    events: list[dict[str, str]] = field(default_factory=list)
    relations: list[tuple[str, str, str]] = field(default_factory=list)  # (type, arg1, arg2)
    references: dict[str, str] = field(default_factory=dict)  # span id -> "Wikidata:Q76"


def data_dir(shared_dir: Path | None = None) -> Path:
    """The corpora folder; raises a clear error when it is missing."""
    root = Path(shared_dir or get_settings().shared_dir) / "data"
    if not root.is_dir():
        raise InvalidInputError(
            f"corpus folder {root} not found: set EXTRACTOR_SHARED_DIR to the folder holding data/",
            path=str(root),
        )
    return root


# PolNeAR's training folder holds 120 articles of each of seven outlets, named by date.
# The last FINAL_PER_OUTLET of each outlet (the latest weeks) are the untouched "final"
# block: no rule and no model is tuned or trained on them; "train" is the rest.
FINAL_PER_OUTLET = 12
POLNEAR_SPLITS = ("train", "dev", "final")


def polnear(split: str = "dev", shared_dir: Path | None = None) -> Iterator[BratDoc]:
    """PolNeAR articles of ``split`` with their attribution annotations: ``dev``, ``train``
    (the training folder less its final block) or ``final`` (that block, held back)."""
    if split not in POLNEAR_SPLITS:
        raise InvalidInputError(
            f"PolNeAR split {split!r} is not available here; use one of {', '.join(POLNEAR_SPLITS)}"
        )
    base = data_dir(shared_dir) / "polnear" / "data" / ("dev" if split == "dev" else "train")
    # Some articles were annotated twice (one file per annotator): use the first.
    anns: dict[str, Path] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        anns.setdefault(p.name.rsplit("_", 1)[0], p)
    texts = sorted((base / "text").glob("*.txt"))
    if split != "dev":
        final = _polnear_final(texts)
        texts = [t for t in texts if (t in final) == (split == "final")]
    for txt in texts:
        doc = BratDoc(txt.stem, txt.read_text(encoding="utf-8"))
        ann = anns.get(txt.stem)
        if ann is not None:
            _read_brat(ann, doc)
        yield doc


def polnear_all_train(shared_dir: Path | None = None) -> list[BratDoc]:
    """PolNeAR's whole training folder (840 articles), for the benchmarks of speed."""
    return sorted(
        [*polnear("train", shared_dir), *polnear("final", shared_dir)], key=lambda d: d.name
    )


def _polnear_final(texts: list[Path]) -> set[Path]:
    by_outlet: dict[str, list[Path]] = {}
    for t in texts:  # names are outlet_date_title: sorted, each outlet's are in date order
        by_outlet.setdefault(t.name.split("_", 1)[0], []).append(t)
    return {t for paths in by_outlet.values() for t in paths[-FINAL_PER_OUTLET:]}


def _read_brat(path: Path, doc: BratDoc) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"T\d+\t", line):
            tid, info, surface = [*line.split("\t"), "", ""][:3]
            label, _, ranges = info.partition(" ")
            pieces = []
            for part in ranges.split(";"):
                a, b = part.split()
                pieces.append((int(a), int(b)))
            doc.spans[tid] = (label, pieces, surface)
        elif re.match(r"E\d+\t", line):
            _, args = line.split("\t", 1)
            event: dict[str, str] = {}
            for arg in args.split():
                role, _, ref = arg.partition(":")
                event[role] = ref
            doc.events.append(event)
        elif re.match(r"N\d+\t", line):
            parts = line.split("\t")[1].split()
            if len(parts) >= 3 and parts[0] == "Reference":
                doc.references[parts[1]] = parts[2]
        elif re.match(r"R\d+\t", line):
            kind, _, args = line.split("\t")[1].partition(" ")
            arg1, _, arg2 = args.strip().partition(" ")
            doc.relations.append((kind, arg1.partition(":")[2], arg2.partition(":")[2]))


# --- token-tagged NER corpora -----------------------------------------------------------


@dataclass
class TaggedSentence:
    """A tokenized sentence with one IOB2 tag per token (labels already mapped to ours:
    PERSON, ORG, GPE, LOC, TITLE; anything else is O)."""

    words: list[str]
    tags: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def spans(self) -> list[tuple[int, int, str]]:
        """Gold entities as (start char, end char, label) in :attr:`text`."""
        out: list[tuple[int, int, str]] = []
        pos = 0
        current: list[int | str] | None = None
        for word, tag in zip(self.words, self.tags, strict=True):
            start, end = pos, pos + len(word)
            pos = end + 1
            prefix, _, label = tag.partition("-")
            if prefix == "I" and current is not None and current[2] == label:
                current[1] = end
                continue
            if current is not None:
                out.append((int(current[0]), int(current[1]), str(current[2])))
                current = None
            if prefix in {"B", "I"} and label:
                current = [start, end, label]
        if current is not None:
            out.append((int(current[0]), int(current[1]), str(current[2])))
        return out


# Corpus label -> our label. Labels not listed are dropped (tagged O).
_LABELS = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "ORGANISATION": "ORG",
    "ORGANIZATION": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "TITLE": "TITLE",
    "POSITION": "TITLE",
}
# az-ner and Milliyet tag countries and cities as LOC; for our purposes they are places
# with a government (GPE) far more often than geography.
_AZ_LABELS = {**_LABELS, "LOC": "GPE"}


def _map_tag(tag: str, labels: dict[str, str]) -> str:
    prefix, _, label = tag.strip().partition("-")
    if prefix not in {"B", "I"} or label not in labels:
        return "O"
    return f"{prefix}-{labels[label]}"


def _read_conll(path: Path, labels: dict[str, str]) -> list[TaggedSentence]:
    sentences: list[TaggedSentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if words:
                sentences.append(TaggedSentence(words, tags))
            words, tags = [], []
            continue
        words.append(parts[0])
        tags.append(_map_tag(parts[-1], labels) if len(parts) > 1 else "O")
    if words:
        sentences.append(TaggedSentence(words, tags))
    return sentences


def _blocks(sentences: list[TaggedSentence], split: str, name: str) -> list[TaggedSentence]:
    """A corpus published as one file in contiguous blocks, never interleaved (the file
    repeats a sentence right after itself with its numbers spelled otherwise, and
    neighbours come from one story): the first 80% train, the next 10% dev, the last
    10% "final", which no rule or model is tuned on."""
    n = len(sentences)
    blocks = {
        "train": sentences[: n * 8 // 10],
        "dev": sentences[n * 8 // 10 : n * 9 // 10],
        "final": sentences[n * 9 // 10 :],
    }
    if split not in blocks:
        raise InvalidInputError(
            f"split {split!r} is not available for {name}; use train, dev or final", corpus=name
        )
    return blocks[split]


def _final_block(sentences: list[TaggedSentence], split: str, name: str) -> list[TaggedSentence]:
    """A corpus whose training file comes with a dev file of its own: the last 10% of the
    training file is the untouched "final" block, the rest train."""
    cut = len(sentences) * 9 // 10
    if split == "train":
        return sentences[:cut]
    if split == "final":
        return sentences[cut:]
    raise InvalidInputError(
        f"split {split!r} is not available for {name}; use train, dev or final", corpus=name
    )


def ner_corpus(
    name: str, split: str = "dev", shared_dir: Path | None = None
) -> list[TaggedSentence]:
    """Sentences of a token-tagged NER corpus: ``turkish-wiki-ner``, ``turkish-news-ner``
    (tr), ``kaznerd`` (kk) or ``az-ner`` (az); ``split`` is train, dev or final (the
    untouched block no rule or model is tuned on). Splits are contiguous blocks of the
    files, never interleaved sentences: KazNERD and az-ner come as one file each
    (:func:`_blocks`); Turkish-Wiki-NER's dev file is its dev, and the last tenth of its
    training file is final (:func:`_final_block`)."""
    root = data_dir(shared_dir)
    if name == "turkish-news-ner":
        return _milliyet(root / name / "train.txt", split)
    if name == "turkish-wiki-ner":
        if split == "dev":
            return _read_conll(root / name / "dev.conll", _LABELS)
        return _final_block(_read_conll(root / name / "train.conll", _LABELS), split, name)
    if name == "kaznerd":
        return _blocks(_read_conll(root / name / "IOB2_valid.txt", _LABELS), split, name)
    if name == "az-ner":
        lines = (root / name / "train-sents.txt").read_text(encoding="utf-8").splitlines()
        tag_lines = (root / name / "train-tags.txt").read_text(encoding="utf-8").splitlines()
        sentences = []
        for words_line, tags_line in zip(lines, tag_lines, strict=False):
            words, tags = words_line.split(), tags_line.split()
            if words and len(words) == len(tags):  # a few lines are misaligned: skipped
                sentences.append(TaggedSentence(words, [_map_tag(t, _AZ_LABELS) for t in tags]))
        return _blocks(sentences, split, name)
    raise InvalidInputError(
        f"unknown NER corpus {name!r}; known: turkish-wiki-ner, turkish-news-ner, kaznerd, az-ner",
        corpus=name,
    )


NER_CORPUS_LANGUAGE = {
    "turkish-wiki-ner": "tr",
    "turkish-news-ner": "tr",
    "kaznerd": "kk",
    "az-ner": "az",
    "nerel": "ru",
}

# Milliyet's file (turkish-news-ner) in contiguous blocks, never interleaved: neighbouring
# lines come from one story. No model is trained on it; "dev" may be read to find
# errors, "final" is measured only.
MILLIYET_BLOCK = 2500
_ENTITY = re.compile(r"\[(PER|LOC|ORG) ([^\]]*?) ?\]")


def _milliyet(path: Path, split: str) -> list[TaggedSentence]:
    """Milliyet's sentences (inline "[PER Helmut Kohl ] 'ün" markup) of one block: the
    last ``MILLIYET_BLOCK`` lines are "final", the block before them "dev", the rest
    "train"."""
    lines = [ln for ln in path.read_text(encoding="utf-8-sig").splitlines() if ln.strip()]
    blocks = {
        "train": lines[: -2 * MILLIYET_BLOCK],
        "dev": lines[-2 * MILLIYET_BLOCK : -MILLIYET_BLOCK],
        "final": lines[-MILLIYET_BLOCK:],
    }
    if split not in blocks:
        raise InvalidInputError(
            f"split {split!r} is not available for turkish-news-ner; use train, dev or final",
            corpus="turkish-news-ner",
        )
    sentences = []
    for line in blocks[split]:
        words: list[str] = []
        tags: list[str] = []
        pos = 0
        for match in _ENTITY.finditer(line):
            outside = line[pos : match.start()].split()
            words += outside
            tags += ["O"] * len(outside)
            inside = match.group(2).split()
            label = _AZ_LABELS[match.group(1)]  # (LOC as GPE: a country where it names one)
            words += inside
            tags += [f"B-{label}"] + [f"I-{label}"] * (len(inside) - 1)
            pos = match.end()
        outside = line[pos:].split()
        words += outside
        tags += ["O"] * len(outside)
        if words:
            sentences.append(TaggedSentence(words, tags))
    return sentences


# NEREL train documents (sorted by name) that form the untouched final block: the last
# tenth. NEREL's own dev folder is dev.
NEREL_FINAL = 0.1


def nerel(split: str = "dev", shared_dir: Path | None = None) -> Iterator[BratDoc]:
    """NEREL (Russian news) documents of ``split`` with their nested entities and
    relations (brat standoff): dev is NEREL's dev folder; its train folder, sorted by
    document, is train but for the last tenth, which is the untouched "final" block."""
    if split not in {"train", "dev", "final"}:
        raise InvalidInputError(
            f"NEREL split {split!r} is not available here; use train, dev or final"
        )
    base = data_dir(shared_dir) / "nerel" / "NEREL-v1.1" / ("dev" if split == "dev" else "train")
    texts = sorted(base.glob("*.txt"))
    if split != "dev":
        cut = len(texts) - int(len(texts) * NEREL_FINAL)
        texts = texts[:cut] if split == "train" else texts[cut:]
    for txt in texts:
        doc = BratDoc(txt.stem, txt.read_text(encoding="utf-8"))
        ann = txt.with_suffix(".ann")
        if ann.is_file():
            _read_brat(ann, doc)
        yield doc


# --- factRuEval-2016 --------------------------------------------------------------------


@dataclass
class Occupation:
    """A factRuEval Occupation fact: who holds a position, where (character spans of
    every mention of the person and of the place or organization)."""

    who: list[tuple[int, int]]
    position: tuple[int, int] | None
    where: list[tuple[int, int]]


@dataclass
class FactDoc:
    """A factRuEval document: entities in its own types (Person, Org, Location, LocOrg
    objects as spans; ``job`` spans) and its Occupation facts."""

    name: str
    text: str
    entities: list[tuple[int, int, str]] = field(default_factory=list)
    jobs: list[tuple[int, int]] = field(default_factory=list)
    occupations: list[Occupation] = field(default_factory=list)


def factrueval(split: str = "dev", shared_dir: Path | None = None) -> Iterator[FactDoc]:
    """factRuEval-2016 documents (only its demonstration ``devset`` is here)."""
    if split != "dev":
        raise InvalidInputError(f"factRuEval split {split!r} is not available here; use dev")
    base = data_dir(shared_dir) / "factrueval" / "devset"
    for txt in sorted(base.glob("*.txt")):
        doc = FactDoc(txt.stem, txt.read_text(encoding="utf-8"))
        spans: dict[str, tuple[int, int]] = {}
        for line in _lines(txt.with_suffix(".spans")):
            sid, kind, start, length = line.split()[:4]
            spans[sid] = (int(start), int(start) + int(length))
            if kind == "job":
                doc.jobs.append(spans[sid])
        mentions: dict[str, tuple[int, int]] = {}
        for line in _lines(txt.with_suffix(".objects")):
            mid, kind, *refs = line.split("#")[0].split()
            pieces = [spans[r] for r in refs if r in spans]
            if not pieces:
                continue
            mentions[mid] = (min(a for a, _ in pieces), max(b for _, b in pieces))
            doc.entities.append((*mentions[mid], kind))
        objects: dict[str, list[tuple[int, int]]] = {}
        for record in txt.with_suffix(".coref").read_text(encoding="utf-8").split("\n\n"):
            head = record.strip().splitlines()[:1]
            if head:
                oid, *mids = head[0].split()
                objects[f"obj{oid}"] = [mentions[m] for m in mids if m in mentions]
        for record in txt.with_suffix(".facts").read_text(encoding="utf-8").split("\n\n"):
            lines = record.strip().splitlines()
            if not lines or not lines[0].endswith("Occupation"):
                continue
            slots = {ln.split()[0]: ln.split()[1] for ln in lines[1:] if len(ln.split()) > 1}
            doc.occupations.append(
                Occupation(
                    objects.get(slots.get("Who", ""), []),
                    spans.get(slots.get("Position", "").removeprefix("span")),
                    objects.get(slots.get("Where", ""), []),
                )
            )
        yield doc


def _lines(path: Path) -> list[str]:
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


# --- quote attribution in news (quotes-ru-dev, quotes-kk-dev, quotes-tr-dev) -------------

QUOTE_SETS = {"quotes-ru-dev": "ru", "quotes-kk-dev": "kk", "quotes-tr-dev": "tr"}


@dataclass
class NewsText:
    """One text of a quote-attribution set: a NEREL document or a tokenized news
    sentence, with its gold attributions (the set's records, offsets into ``text``)."""

    key: str | int  # the document's file name or the sentence's sid
    text: str
    gold: list[dict[str, Any]]
    negative: bool = False  # chosen as a sentence that reports no speech


def quote_set(name: str, shared_dir: Path | None = None) -> list[NewsText]:
    """The texts of a quote-attribution development set in the set's order (see its
    README under ``<shared_dir>/data/<name>`` for the annotation conventions)."""
    if name not in QUOTE_SETS:
        raise InvalidInputError(
            f"unknown quote set {name!r}; known: {', '.join(QUOTE_SETS)}", corpus=name
        )
    root = data_dir(shared_dir)
    base = root / name
    records = [json.loads(line) for line in _lines(base / "gold.jsonl") if line.strip()]
    if name == "quotes-ru-dev":
        texts = []
        for doc in (d.strip() for d in _lines(base / "docs.txt") if d.strip()):
            path = root / "nerel" / "NEREL-v1.1" / "dev" / doc
            texts.append(NewsText(doc, path.read_text(encoding="utf-8"), []))
        key_field = "doc"
    else:
        rows = [json.loads(line) for line in _lines(base / "sentences.jsonl") if line.strip()]
        texts = [NewsText(r["sid"], r["text"], [], r.get("set") == "negative") for r in rows]
        key_field = "sid"
    by_key = {t.key: t for t in texts}
    for record in records:
        by_key[record[key_field]].gold.append(record)
    for t in texts:
        # The Kazakh set marks its negatives only by their having no record.
        t.negative = t.negative or (key_field == "sid" and not t.gold)
    return texts
