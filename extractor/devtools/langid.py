"""Language identification: the sentences it is trained and measured on, and the
benchmark (``extractor eval langid``, ``extractor train langid``).

Every corpus of ../shared gives sentences in file order; the last fifth of each is held
back (a contiguous block, so that no story is on both sides) and never trained on. The
parallel PUD sentences (en, ru, tr; Wikipedia and news of another origin) are held back
whole. Kyrgyz and Uzbek come from ``langid-text`` (news and web text).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidInputError
from ..language import ngrams
from .corpora import BratDoc, data_dir, ner_corpus, nerel, polnear_all_train

HELD_BACK = 0.2  # the last fifth of each corpus
# Sentences per corpus at most (in file order), so that no corpus outweighs the others.
CAP = 4000
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"“„(]?[A-ZА-ЯЁƏÇĞİÖŞÜӘҒҚҢӨҰҮҺІ])")


@dataclass(frozen=True)
class Source:
    name: str
    label: str  # the class: a language code, "uz-latn" / "uz-cyrl" for Uzbek's scripts
    read: Callable[[Path], list[str]]
    held_back_only: bool = False


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for paragraph in text.splitlines():
        out.extend(s.strip() for s in _SENTENCE_END.split(paragraph) if len(s.strip()) > 15)
    return out


def _brat_sentences(docs: Iterable[BratDoc]) -> list[str]:
    out: list[str] = []
    for doc in docs:
        out.extend(_sentences(doc.text))
        if len(out) >= CAP:
            break
    return out[:CAP]


def _lines(path: Path) -> list[str]:
    return [s.strip() for s in path.read_text(encoding="utf-8-sig").splitlines() if s.strip()]


def _pud(language: str) -> Callable[[Path], list[str]]:
    def read(root: Path) -> list[str]:
        rows = (root / "parallel-pud" / "sentences.jsonl").read_text(encoding="utf-8")
        return [json.loads(line)[language] for line in rows.splitlines() if line.strip()]

    return read


def _tagged(name: str) -> Callable[[Path], list[str]]:
    def read(root: Path) -> list[str]:
        sentences = [
            s for split in ("train", "dev", "final") for s in ner_corpus(name, split, root.parent)
        ]
        return [" ".join(s.words) for s in sentences][:CAP]

    return read


def _turkish_news(root: Path) -> list[str]:
    lines = _lines(root / "turkish-news-ner" / "train.txt")
    return [re.sub(r"\[(?:PER|LOC|ORG) ([^\]]*)\]", r"\1", s) for s in lines][:CAP]


SOURCES: tuple[Source, ...] = (
    Source("polnear", "en", lambda root: _brat_sentences(polnear_all_train(root.parent))),
    Source("pud-en", "en", _pud("en"), held_back_only=True),
    Source("nerel", "ru", lambda root: _brat_sentences(nerel("train", root.parent))),
    Source("pud-ru", "ru", _pud("ru"), held_back_only=True),
    Source("turkish-news-ner", "tr", _turkish_news),
    Source("turkish-wiki-ner", "tr", _tagged("turkish-wiki-ner")),
    Source("pud-tr", "tr", _pud("tr"), held_back_only=True),
    Source("az-ner", "az", _tagged("az-ner")),
    Source("kaznerd", "kk", _tagged("kaznerd")),
    Source("langid-text/ky", "ky", lambda root: _lines(root / "langid-text" / "ky.txt")),
    Source(
        "langid-text/uz-latn", "uz-latn", lambda root: _lines(root / "langid-text" / "uz-latn.txt")
    ),
    Source(
        "langid-text/uz-cyrl", "uz-cyrl", lambda root: _lines(root / "langid-text" / "uz-cyrl.txt")
    ),
)


def split(source: Source, shared_dir: Path | None = None) -> tuple[list[str], list[str]]:
    """A source's (training, held-back) sentences."""
    sentences = source.read(data_dir(shared_dir))
    if source.held_back_only:
        return [], sentences
    cut = int(len(sentences) * (1 - HELD_BACK))
    return sentences[:cut], sentences[cut:]


def training_samples(shared_dir: Path | None = None) -> list[tuple[str, str]]:
    """(class, sentence) for every training sentence of every source."""
    return [(s.label, text) for s in SOURCES for text in split(s, shared_dir)[0]]


@dataclass
class LangidRow:
    source: str
    language: str
    sentences: int  # of context per sample
    samples: int
    correct: int
    confusions: dict[str, int]

    @property
    def accuracy(self) -> float:
        return self.correct / self.samples if self.samples else 0.0


def evaluate(
    detect: Callable[[str], str | None],
    contexts: tuple[int, ...] = (1, 2, 5),
    shared_dir: Path | None = None,
) -> list[LangidRow]:
    """Accuracy of ``detect`` on the held-back sentences of every source, one sample
    per sentence, per 2 and per 5 consecutive sentences."""
    rows = []
    for source in SOURCES:
        held = split(source, shared_dir)[1]
        language = source.label.split("-")[0]
        for n in contexts:
            samples = [" ".join(held[i : i + n]) for i in range(0, len(held) - n + 1, n)]
            confusions: dict[str, int] = {}
            correct = 0
            for text in samples:
                guess = detect(text) or "none"
                if guess == language:
                    correct += 1
                else:
                    confusions[guess] = confusions.get(guess, 0) + 1
            rows.append(LangidRow(source.name, language, n, len(samples), correct, confusions))
    return rows


def report(rows: list[LangidRow], title: str) -> str:
    """The benchmark table: per source and language, accuracy at each context size."""
    contexts = sorted({r.sentences for r in rows})
    head = f"{'source':22} {'lang':5}" + "".join(f"{f'{n} sent.':>10}" for n in contexts)
    lines = [title, head]
    by_source: dict[tuple[str, str], dict[int, LangidRow]] = {}
    for r in rows:
        by_source.setdefault((r.source, r.language), {})[r.sentences] = r
    for (source, language), cells in by_source.items():
        line = f"{source:22} {language:5}"
        for n in contexts:
            r = cells[n]
            line += f"{r.accuracy:>10.3f}"
        first = cells[contexts[0]]
        wrong = ", ".join(
            f"{k} {v}" for k, v in sorted(first.confusions.items(), key=lambda x: -x[1])
        )
        lines.append(
            line
            + (f"   (n={first.samples}; read as: {wrong})" if wrong else f"   (n={first.samples})")
        )
    lines.append("per language, one sentence:")
    per_language: dict[str, list[LangidRow]] = {}
    for r in rows:
        if r.sentences == contexts[0]:
            per_language.setdefault(r.language, []).append(r)
    for language, group in per_language.items():
        samples = sum(r.samples for r in group)
        correct = sum(r.correct for r in group)
        lines.append(f"  {language:5} {correct / samples:.3f}  ({correct}/{samples})")
    return "\n".join(lines)


def train_model(path: Path | None = None, shared_dir: Path | None = None) -> Path:
    """Train the n-gram model on the training sentences and write it."""
    model = ngrams.train(training_samples(shared_dir))
    target = path or ngrams.MODEL_PATH
    try:
        ngrams.save(model, target)
    except OSError as exc:
        raise InvalidInputError(f"cannot write the model to {target}: {exc.strerror}") from exc
    return target


def lingua_only(text: str) -> str | None:
    """lingua's guess alone (what the extractor used before the n-gram model)."""
    from ..language.identify import _code, _detector

    found = _detector().detect_language_of(text)
    return _code(found) if found is not None else None
