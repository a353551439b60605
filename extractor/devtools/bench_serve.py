"""Throughput, latency and memory of the HTTP service under concurrent load, against
the library's batch throughput on the same texts.

``bench_serve()`` times ``Extractor.extract_many`` in this process, starts ``extractor
serve`` with N worker processes on a free local port, fires POST /v1/extract requests
from concurrent clients (keep-alive connections, cycling the texts) and reports
requests/s, documents/s against the batch figure, latency percentiles, the answers
that were not 200, and the resident memory of the server's process tree before and
after the load. Run it with ``extractor bench serve``.
"""

from __future__ import annotations

import itertools
import math
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ..extract import Extractor

# Longest text sent (characters): news paragraphs, not whole archives.
MAX_CHARS = 3_000
# Status recorded for a request that got no HTTP answer (connection refused, reset,
# timed out).
NO_ANSWER = 0


@dataclass
class Server:
    """A running ``extractor serve``: its process and base URL."""

    process: subprocess.Popen[bytes]
    base_url: str
    stderr: IO[bytes]


@dataclass
class Load:
    """What the clients saw: per request, its latency (seconds) and status."""

    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    words_done: int = 0

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def ok(self) -> int:
        return self.statuses[200]


# --- the texts ----------------------------------------------------------------------------


def trim(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters, at a paragraph or sentence end
    where one falls in its second half."""
    if len(text) <= limit:
        return text.strip()
    head = text[:limit]
    for end in ("\n", ". "):
        cut = head.rfind(end)
        if cut > limit // 2:
            return head[: cut + 1].strip()
    return head.strip()


def serve_texts(language: str = "en") -> list[str]:
    """News texts of ``language`` from the corpora, each cut to ``MAX_CHARS``: PolNeAR
    dev articles for English, the dev texts of :func:`bench.bench_language` otherwise."""
    from .corpora import ner_corpus, nerel, polnear

    if language == "en":
        texts = [d.text for d in polnear("dev")]
    else:
        from .bench import BENCH_CORPORA

        if BENCH_CORPORA.get(language) == "nerel":
            texts = [d.text for d in nerel("dev")]
        else:
            sentences = [s.text for s in ner_corpus(BENCH_CORPORA[language], "dev")]
            texts = [" ".join(sentences[i : i + 20]) for i in range(0, len(sentences), 20)]
    return [t for t in (trim(text) for text in texts) if t]


def _words(texts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _forced(language: str) -> str | None:
    """The language to force: none for English, detected as users' texts are."""
    return None if language == "en" else language


# --- the batch figure -----------------------------------------------------------------------


def batch_seconds(texts: Sequence[str], language: str = "en") -> float:
    """Wall seconds of one ``Extractor().extract_many`` over ``texts`` in this process,
    after the models are loaded and warmed on two texts."""
    extractor = Extractor()
    extractor.load([language])
    extractor.extract_many(list(texts[:2]), language=_forced(language))
    t0 = time.perf_counter()
    extractor.extract_many(list(texts), language=_forced(language))
    return time.perf_counter() - t0


# --- the server and its memory ----------------------------------------------------------------


def free_port() -> int:
    """A TCP port free on localhost now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from the parent ids in /proc."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with suppress(OSError, ValueError, IndexError):
            # The command name, in parentheses, may hold spaces: the fields follow it.
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(parents.get(current, []))
    return tree


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` (VmRSS), in MB; 0 where it has exited."""
    with suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def tree_rss_mb(pid: int) -> float | None:
    """Resident memory of ``pid`` and its descendants, in MB (None without /proc)."""
    if not Path(f"/proc/{pid}/status").exists():
        return None
    return sum(rss_mb(p) for p in process_tree(pid))


def _stderr_tail(server: Server, lines: int = 40) -> str:
    server.stderr.flush()
    server.stderr.seek(0)
    return "\n".join(server.stderr.read().decode("utf-8", "replace").splitlines()[-lines:])


def wait_ready(server: Server, workers: int, timeout: float) -> None:
    """Wait until ``/readyz`` answers 200 on ``2 * workers`` polls in a row, each on a
    new connection (so that each worker process is likely asked); raise with the
    server's stderr when it exits or the time runs out."""
    import httpx

    deadline = time.monotonic() + timeout
    ready_in_a_row = 0
    while ready_in_a_row < 2 * workers:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"the server exited with status {server.process.returncode}:\n"
                + _stderr_tail(server)
            )
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"the server was not ready within {timeout:.0f} s:\n" + _stderr_tail(server)
            )
        try:
            ready = httpx.get(f"{server.base_url}/readyz", timeout=5).status_code == 200
        except httpx.TransportError:
            ready = False
        ready_in_a_row = ready_in_a_row + 1 if ready else 0
        time.sleep(0.05 if ready else 0.3)


def stop(server: Server, timeout: float = 30) -> None:
    """SIGTERM to the server, then SIGKILL to its process group after ``timeout``."""
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait(timeout=timeout)


@contextmanager
def serving(workers: int, port: int = 0, timeout: float = 300) -> Iterator[Server]:
    """``extractor serve --workers N`` on ``port`` (a free one for 0) over a scratch
    SQLite store, ready; stopped on exit."""
    port = port or free_port()
    with tempfile.TemporaryDirectory(prefix="extractor-bench-serve-") as work:
        env = {**os.environ, "EXTRACTOR_DATABASE_URL": f"sqlite:///{Path(work) / 'a.db'}"}
        command = [sys.executable, "-m", "extractor.cli", "serve", "--host", "127.0.0.1"]
        # The default log level, as served: its access log costs what it costs there,
        # and a failed start-up shows why (workers that died, a bad setting).
        command += ["--port", str(port), "--workers", str(workers), "--log-level", "info"]
        with tempfile.TemporaryFile() as stderr:
            process = subprocess.Popen(
                command,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                start_new_session=True,  # its own process group, for the SIGKILL
            )
            server = Server(process, f"http://127.0.0.1:{port}", stderr)
            try:
                wait_ready(server, workers, timeout)
                yield server
            finally:
                stop(server)


# --- the load ---------------------------------------------------------------------------------


def fire(
    base_url: str,
    texts: Sequence[str],
    requests: int,
    clients: int,
    language: str = "en",
    every: Callable[[int], None] | None = None,
) -> Load:
    """``requests`` POST /v1/extract from ``clients`` threads, each on its own
    keep-alive connection, cycling ``texts``; ``every`` is called with the count of
    answered requests at each tenth of them."""
    import httpx

    load = Load()
    tenth = max(1, requests // 10)
    numbers = itertools.count()
    lock = threading.Lock()
    forced = _forced(language)

    def client() -> None:
        with httpx.Client(base_url=base_url, timeout=300) as http:
            while True:
                with lock:
                    n = next(numbers)
                if n >= requests:
                    return
                text = texts[n % len(texts)]
                body = {"text": text} if forced is None else {"text": text, "language": forced}
                t0 = time.perf_counter()
                try:
                    status = http.post("/v1/extract", json=body).status_code
                except httpx.TransportError:
                    status = NO_ANSWER
                latency = time.perf_counter() - t0
                with lock:
                    load.latencies.append(latency)
                    load.statuses[status] += 1
                    load.words_done += len(text.split()) if status == 200 else 0
                    answered = len(load.latencies)
                if every is not None and answered % tenth == 0:
                    every(answered)

    threads = [threading.Thread(target=client, name=f"client-{i}") for i in range(clients)]
    t0 = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    load.seconds = time.perf_counter() - t0
    return load


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank ``share`` percentile (0-1) of ``values``."""
    ordered = sorted(values)
    rank = min(len(ordered), max(1, math.ceil(share * len(ordered))))
    return ordered[rank - 1]


# --- the report -------------------------------------------------------------------------------


def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f} MB"


def report(
    texts: Sequence[str],
    batch: float,
    workers: int,
    clients: int,
    load: Load,
    rss: tuple[float | None, float | None],
    along: Sequence[tuple[int, float | None]] = (),
) -> str:
    """The figures, one a line; ``along``: the server's RSS after so many requests."""
    batch_dps = len(texts) / batch
    served_dps = load.ok / load.seconds
    ms = [s * 1000 for s in load.latencies] or [0.0]
    p50, p95, p99 = (percentile(ms, q) for q in (0.50, 0.95, 0.99))
    failed = {status: n for status, n in sorted(load.statuses.items()) if status != 200}
    lines = [
        f"texts                   {len(texts)}, {_words(texts):,} words "
        f"(each <= {max(len(t) for t in texts):,} characters)",
        f"extract_many, 1 process {batch_dps:9.2f} documents/s "
        f"{_words(texts) / batch:9.0f} words/s",
    ]
    if workers > 1:
        lines.append(f"  x {workers} workers (ideal)  {workers * batch_dps:9.2f} documents/s")
    lines += [
        f"server                  workers {workers}, clients {clients}, "
        f"{load.requests} requests in {load.seconds:.1f} s",
        f"requests/s              {load.requests / load.seconds:9.2f}",
        f"documents/s             {served_dps:9.2f} "
        f"({served_dps / batch_dps:.2f} x batch"
        + (f", {served_dps / (workers * batch_dps):.2f} x ideal)" if workers > 1 else ")"),
        f"words/s                 {load.words_done / load.seconds:9.0f}",
        f"latency                 p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms "
        f"(p99/p50 {p99 / p50 if p50 else float('nan'):.2f})",
        f"failed requests         {sum(failed.values())}"
        + (
            " (" + ", ".join(f"{s or 'no answer'}: {n}" for s, n in failed.items()) + ")"
            if failed
            else ""
        ),
    ]
    before, after = rss
    growth = f"{(after / before - 1) * 100:+.1f} %" if before and after else "n/a"
    lines.append(f"server RSS (all procs)  before {_mb(before)}, after {_mb(after)}, {growth}")
    if along:
        lines.append("  along the run         " + ", ".join(f"{n:,}: {_mb(mb)}" for n, mb in along))
        first = along[0][1]
        if first and after:
            lines.append(
                f"  after the first tenth {(after / first - 1) * 100:+.1f} % "
                f"({along[0][0]:,} -> {load.requests:,} requests)"
            )
    return "\n".join(lines)


def bench_serve(
    *,
    requests: int = 2000,
    clients: int = 16,
    workers: int | None = None,
    language: str = "en",
    texts: Sequence[str] | None = None,
    port: int = 0,
) -> str:
    """Batch throughput in this process, then ``requests`` extractions from ``clients``
    concurrent clients against ``extractor serve --workers N`` (the number of cores by
    default) on ``port`` (a free one for 0): the printable report."""
    chosen = [t for t in (texts if texts is not None else serve_texts(language)) if t.strip()]
    if not chosen or requests < 1 or clients < 1:
        raise ValueError("bench_serve needs texts, at least one request and one client")
    workers = workers or os.cpu_count() or 1
    batch = batch_seconds(chosen, language)
    with serving(workers, port) as server:
        # Each worker extracts a few texts first, at full concurrency (the largest
        # micro-batches): its models warm, its memory settled.
        fire(server.base_url, chosen, max(2 * workers, 2 * clients), clients, language)
        before = tree_rss_mb(server.process.pid)
        along: list[tuple[int, float | None]] = []

        def sample(answered: int) -> None:
            along.append((answered, tree_rss_mb(server.process.pid)))

        load = fire(server.base_url, chosen, requests, clients, language, every=sample)
        after = tree_rss_mb(server.process.pid)
    return report(chosen, batch, workers, clients, load, (before, after), sorted(along))
