"""Speed and memory of extraction against the bare spaCy pipeline, on real news."""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

import spacy

from .corpora import polnear
from .extract import Extractor
from .pipeline import NATASHA, natasha_pipeline, title_model


@dataclass
class BenchResult:
    documents: int
    words: int
    bare_seconds: float
    extract_seconds: float
    peak_rss_mb: float

    @property
    def bare_wps(self) -> float:
        return self.words / self.bare_seconds

    @property
    def extract_wps(self) -> float:
        return self.words / self.extract_seconds

    @property
    def cost_ratio(self) -> float:
        """Extraction time over bare pipeline time (1.0 = no overhead)."""
        return self.extract_seconds / self.bare_seconds

    def report(self) -> str:
        return "\n".join(
            [
                f"documents           {self.documents}",
                f"words               {self.words}",
                f"bare nlp.pipe       {self.bare_wps:8.0f} words/s"
                f"  ({self.bare_seconds:.1f} s CPU)",
                f"extract_many        {self.extract_wps:8.0f} words/s"
                f"  ({self.extract_seconds:.1f} s CPU)",
                f"cost ratio          {self.cost_ratio:8.2f} x bare pipeline (target <= 1.5)",
                f"peak RSS            {self.peak_rss_mb:8.0f} MB",
            ]
        )


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def bench_texts(
    texts: Sequence[str],
    extractor: Extractor | None = None,
    language: str = "en",
    repeat: int = 3,
) -> BenchResult:
    """Time bare ``nlp.pipe`` with the configured model and ``extract_many``, in turns,
    ``repeat`` times each; the best CPU time of each counts (the least disturbed run)."""
    extractor = extractor or Extractor()
    name = extractor.settings.pipeline_for(language)
    bare = spacy.load(name) if name != NATASHA else natasha_pipeline(title_model())
    extractor.load([language])
    forced = None if language == "en" else language
    warm = list(texts[:2])
    list(bare.pipe(warm))
    extractor.extract_many(warm, language=forced)
    words = sum(len(t.split()) for t in texts)
    batch = extractor.settings.batch_size
    bare_times: list[float] = []
    extract_times: list[float] = []
    # CPU time of this process: less disturbed than wall time by other load.
    for _ in range(max(1, repeat)):
        t0 = time.process_time()
        for _doc in bare.pipe(texts, batch_size=batch):
            pass
        bare_times.append(time.process_time() - t0)
        t0 = time.process_time()
        extractor.extract_many(texts, language=forced)
        extract_times.append(time.process_time() - t0)
    return BenchResult(len(texts), words, min(bare_times), min(extract_times), _peak_rss_mb())


def bench_polnear(split: str = "dev", limit: int | None = None, repeat: int = 3) -> BenchResult:
    texts = [d.text for d in polnear(split)]
    if limit:
        texts = texts[:limit]
    return bench_texts(texts, repeat=repeat)


# Language -> corpus whose dev texts stand in for its news.
BENCH_CORPORA = {"ru": "nerel", "tr": "turkish-wiki-ner", "az": "az-ner", "kk": "kaznerd"}


def bench_language(language: str, repeat: int = 3) -> BenchResult:
    """Speed on one language's dev texts: NEREL's news documents for Russian, the
    tagged corpora's sentences grouped 20 to a document for the others."""
    from .corpora import ner_corpus, nerel

    if BENCH_CORPORA[language] == "nerel":
        texts = [d.text for d in nerel("dev")]
    else:
        sentences = [s.text for s in ner_corpus(BENCH_CORPORA[language], "dev")]
        texts = [" ".join(sentences[i : i + 20]) for i in range(0, len(sentences), 20)]
    return bench_texts(texts, language=language, repeat=repeat)


def loaded_rss_mb(languages: Sequence[str]) -> float:
    """Peak RSS after loading the pipelines of ``languages`` and extracting a line."""
    extractor = Extractor()
    extractor.load(languages)
    for language in languages:
        extractor.extract("Test.", language=language)
    return _peak_rss_mb()
