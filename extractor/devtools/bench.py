"""Speed and memory of extraction against the bare spaCy pipeline, on real news."""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import spacy

from ..extract import Extractor
from ..nlp.natasha import natasha_pipeline
from ..nlp.startup import NATASHA, title_model
from .corpora import polnear, polnear_all_train


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
    # Russian needs natasha's segmenter, morphology, NER and syntax (and our title model).
    bare = spacy.load(name) if name != NATASHA else natasha_pipeline(title_model(), syntax=True)
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


# --- start-up time and vocabulary growth ------------------------------------------------

# A short English news text: what a one-off `extractor extract` reads.
COLD_START_TEXT = (
    "Talks to resume next week, minister says\n\n"
    "The talks between the two governments will resume next week in Geneva, Foreign "
    'Minister Jane Doe said on Tuesday. "We have agreed on the agenda, and both sides '
    'want a result before the summer," she told reporters after a cabinet meeting.\n\n'
    "According to John Smith, the spokesman of the ministry, the delegations will meet "
    "for three days. Smith noted that the previous round had ended without a statement.\n"
)


def bench_cold_start(repeat: int = 3, emit: Callable[[str], None] = print) -> float:
    """``extractor bench cold-start``: the wall time of ``extractor extract FILE`` on a
    short English news text, each run a fresh process (importing, loading the English
    pipeline and the language detector, extracting, printing the JSON); the best of
    ``repeat`` runs is returned."""
    import tempfile
    from pathlib import Path

    times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="extractor-bench-") as work:
        path = Path(work) / "article.txt"
        path.write_text(COLD_START_TEXT, encoding="utf-8")
        command = [sys.executable, "-m", "extractor.cli", "extract", str(path)]
        for _ in range(max(1, repeat)):
            t0 = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            times.append(time.perf_counter() - t0)
            if done.returncode != 0:
                raise RuntimeError(f"extractor extract failed: {done.stderr.strip()}")
            emit(f"extractor extract (fresh process)  {times[-1]:6.2f} s")
    words = len(COLD_START_TEXT.split())
    emit(f"cold start, best of {len(times)}: {min(times):.2f} s for {words} words (target <= 5 s)")
    return min(times)


def _rss_mb() -> float:
    """The resident memory of this process now (Linux), else its peak."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return _peak_rss_mb()


def new_words_texts(count: int, words: int = 100, seed: int = 0) -> list[str]:
    """``count`` texts of ``words`` made-up words each (5-10 letters, one in five
    capitalized, as names are): nearly every word new to any vocabulary."""
    import random
    import string

    rng = random.Random(seed)

    def word() -> str:
        letters = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 10)))
        return letters.capitalize() if rng.random() < 0.2 else letters

    return [" ".join(word() for _ in range(words)) + "." for _ in range(count)]


def bench_vocabulary(
    texts: int = 2000, language: str = "en", emit: Callable[[str], None] = print
) -> None:
    """``extractor bench vocab``: the pipeline's string store and the process's RSS
    before and after ``extract_many`` over ``texts`` texts of new words (in batches of
    16, as ``extractor annotate`` reads), then after bare ``nlp.pipe`` over as many
    other such texts (no memory zone: what spaCy keeps of every new word)."""
    extractor = Extractor()
    # Each pipeline's first batch in a process is read outside a memory zone.
    extractor.extract_many(new_words_texts(2, seed=-1), language=language)
    nlp = extractor.nlp(language)

    def figures() -> str:
        return f"{len(nlp.vocab.strings):>9,} strings, RSS {_rss_mb():6.0f} MB"

    emit(f"{language} pipeline, {texts} texts of 100 new words each")
    emit(f"before                  {figures()}")
    made = new_words_texts(texts, seed=1)
    # Five figures along the way: a bounded process levels off, a leak keeps climbing.
    every = max(16, -(-len(made) // 5 // 16) * 16)
    for start in range(0, len(made), 16):
        extractor.extract_many(made[start : start + 16], language=language)
        done = min(start + 16, len(made))
        if done % every == 0 and done < len(made):
            emit(f"after {done:>6,} texts    {figures()}")
    emit(f"after extract_many      {figures()}")
    for _doc in nlp.pipe(new_words_texts(texts, seed=2), batch_size=16):
        pass
    emit(f"after bare nlp.pipe     {figures()}")


# --- archive annotation and queries ------------------------------------------------------


def bench_annotate(
    limit: int | None = None,
    copies_for: int = 100_000,
    queries: int = 300,
    workdir: str | None = None,
    emit: Callable[[str], None] = print,
) -> None:
    """``extractor bench annotate``: PolNeAR train articles annotated into a SQLite
    store with 1 and 2 worker processes against bare ``nlp.pipe`` (wall time, documents
    per second); insert throughput; then the store filled with copies of the articles
    (new ids) to at least ``copies_for`` quotes and the p50/p99 latency of ``/v1/quotes``
    queries against a server process (``extractor serve``). Each figure is passed to
    ``emit`` as it is measured."""
    import tempfile
    from pathlib import Path

    texts = [d.text for d in polnear_all_train()][:limit]
    emit(f"PolNeAR train: {len(texts)} articles, {sum(len(t.split()) for t in texts):,} words")
    work = Path(workdir or tempfile.mkdtemp(prefix="extractor-bench-"))
    source = work / "articles.jsonl"
    write_articles(texts, source)

    if (work / "annotate-1.db").exists():
        emit(f"reusing the annotation runs in {work}")
    else:
        _time_annotation(texts, source, work, emit)
    _fill_and_query(texts, work, ARTICLES_START, copies_for, queries, emit)


# The first article's publication time; the others follow over ten years.
ARTICLES_START = datetime(2016, 1, 1, tzinfo=timezone.utc)


def write_articles(texts: Sequence[str], path: Any) -> None:
    """The ``texts`` as an archive to annotate: a JSONL file of ``{"id": "a<i>", "text",
    "published_at"}``, the publication times spread over ten years from
    :data:`ARTICLES_START`."""
    import json

    with open(path, "w", encoding="utf-8") as handle:
        for i, text in enumerate(texts):
            when = ARTICLES_START + timedelta(days=i * 3650 // max(1, len(texts)))
            handle.write(
                json.dumps({"id": f"a{i}", "text": text, "published_at": when.isoformat()}) + "\n"
            )


def _time_annotation(
    texts: Sequence[str], source: Any, work: Any, emit: Callable[[str], None]
) -> None:
    from ..archive.annotate import annotate

    extractor = Extractor()
    bare = spacy.load(extractor.settings.pipeline_for("en"))
    list(bare.pipe(texts[:2]))
    t0 = time.perf_counter()
    for _doc in bare.pipe(texts, batch_size=extractor.settings.batch_size):
        pass
    bare_dps = len(texts) / (time.perf_counter() - t0)
    emit(f"bare nlp.pipe (1 process)      {bare_dps:8.2f} documents/s")

    rates: dict[int, float] = {}
    for workers in (1, 2):
        db = f"sqlite:///{work / f'annotate-{workers}.db'}"
        t0 = time.perf_counter()
        summary = annotate([str(source)], db=db, workers=workers, progress=False)
        rates[workers] = summary.done / (time.perf_counter() - t0)
        emit(
            f"annotate --workers {workers}          {rates[workers]:8.2f} documents/s "
            f"({rates[workers] / bare_dps:.2f} x bare nlp.pipe; target >= 0.7 for 1 worker)"
        )
    emit(f"2 workers / 1 worker           {rates[2] / rates[1]:8.2f} x (target >= 1.7)")


def _fill_and_query(
    texts: Sequence[str],
    work: Any,
    start: Any,
    copies_for: int,
    queries: int,
    emit: Callable[[str], None],
) -> None:
    import json
    import random

    from ..archive.store import open_store
    from ..schema import Extraction

    # Inserts: the extractions of the first run stored again into a fresh store.
    first = open_store(f"sqlite:///{work / 'annotate-1.db'}")
    # Articles whose text repeats an earlier one were stored once, under the first id.
    stored = list(first.iter_documents([f"a{i}" for i in range(len(texts))]))
    stored = [d for d in stored if d["extraction"]]
    extractions = [Extraction.model_validate(json.loads(d["extraction"])) for d in stored]
    quotes_per_copy = sum(len(x.quotes) for x in extractions)
    archive = open_store(f"sqlite:///{work / 'archive.db'}")
    copies = max(1, -(-copies_for // max(1, quotes_per_copy)))
    rng = random.Random(0)
    t0 = time.perf_counter()
    inserted = 0
    for copy in range(copies):
        for i, (d, x) in enumerate(zip(stored, extractions, strict=False)):
            when = start + timedelta(days=rng.randrange(3650), seconds=rng.randrange(86400))
            archive.add(f"{d['text']}\n[{copy}]", x, doc_id=f"c{copy}-a{i}", published_at=when)
            inserted += 1
        if copy == 0:
            first_copy = time.perf_counter() - t0
            emit(
                f"inserts                        {inserted / first_copy:8.1f} documents/s, "
                f"{quotes_per_copy / first_copy:8.1f} quotes/s"
            )
    counts = archive.counts()
    emit(
        f"store: {counts['documents']:,} documents, {counts['quotes']:,} quotes, "
        f"{counts['entities']:,} entities ({time.perf_counter() - t0:.0f} s to fill)"
    )

    people = [e["name"] for e in archive.entities(kind="PERSON", limit=200)[0]]
    query_latency(f"sqlite:///{work / 'archive.db'}", people, rng, queries, emit)
    emit(f"work folder: {work}")


def query_latency(
    database_url: str,
    people: Sequence[str],
    rng: Any,
    queries: int,
    emit: Callable[[str], None],
) -> None:
    """p50/p99 latency of ``/v1/quotes`` queries against a real server process
    (``extractor serve``) over the store at ``database_url``."""
    import statistics

    import httpx

    words = ["president", "tax", "economy", "war", "police", "campaign", "women", "jobs"]
    latencies: list[float] = []
    with _server(database_url) as base, httpx.Client(base_url=base, timeout=60) as client:
        for n in range(queries):
            params: dict[str, str] = {}
            kind = n % 5
            if kind == 0:
                params["speaker"] = rng.choice(people).split()[-1]
            elif kind == 1:
                params["q"] = rng.choice(words)
            elif kind == 2:
                params["speaker"] = rng.choice(people).split()[-1]
                params["since"] = f"{rng.randrange(2016, 2025)}-01-01T00:00:00Z"
            elif kind == 3:
                params["q"] = rng.choice(words)
                params["language"] = "en"
            else:
                params["until"] = f"{rng.randrange(2017, 2026)}-06-01T00:00:00Z"
            t0 = time.perf_counter()
            response = client.get("/v1/quotes", params=params)
            latencies.append((time.perf_counter() - t0) * 1000)
            body = response.json() if response.status_code == 200 else {}
            next_cursor = body.get("next_cursor")
            if next_cursor and n % 2:  # every other query also fetches its second page
                t0 = time.perf_counter()
                client.get("/v1/quotes", params={**params, "cursor": next_cursor})
                latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()
    p50 = statistics.median(latencies)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    emit(
        f"/v1/quotes on SQLite           p50 {p50:6.1f} ms, p99 {p99:6.1f} ms over "
        f"{len(latencies)} requests (target p99 <= 50 ms)"
    )


@contextmanager
def _server(database_url: str, timeout: float = 180) -> Iterator[str]:
    """``extractor serve`` on a free local port over ``database_url``, ready (its models
    loaded, so that loading them takes no time from the queries): its base URL."""
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    env = {**os.environ, "EXTRACTOR_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "extractor.cli", "serve", "--host", "127.0.0.1"]
    process = subprocess.Popen([*command, "--port", str(port), "--log-level", "warning"], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited with status {process.returncode}")
            with suppress(httpx.TransportError):
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server was not ready within {timeout:.0f} s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
