"""The extraction engine of one server process: a thread that owns the extractor (its
spaCy pipelines are not thread-safe), fed by a bounded queue. Requests waiting
together are extracted together, through ``nlp.pipe`` (micro-batching); a full queue
refuses new work with :class:`~extractor.errors.OverloadedError` instead of growing a
backlog, and a request that waits past its budget gets
:class:`~extractor.errors.ExtractionTimeoutError` (and its work is dropped if it has not
started)."""

from __future__ import annotations

import asyncio
import logging
import math
import queue
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field

from ..errors import ExtractionTimeoutError, ExtractorError, OverloadedError
from ..extract import Extractor
from ..schema import Extraction

log = logging.getLogger("extractor.service")

Result = Extraction | ExtractorError
# (language, seconds) of each extracted text, for the metrics.
Observer = Callable[[str, float], None]


@dataclass
class _Job:
    texts: list[str]
    language: str | None
    future: Future[list[Result]] = field(default_factory=Future)


class Engine:
    """Runs every extraction of the process on one thread, in arrival order, batching
    the requests that queue up together (at most ``batch_size`` texts a batch)."""

    def __init__(
        self,
        extractor: Extractor,
        *,
        queue_limit: int,
        batch_size: int,
        observe: Observer | None = None,
        depth: Callable[[int], None] | None = None,
    ) -> None:
        self.extractor = extractor
        self.queue_limit = queue_limit
        self.batch_size = batch_size
        self.observe = observe
        self.depth = depth
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._waiting = 0  # texts queued, not yet taken
        self._count = threading.Lock()
        self._seconds_per_text = 0.05  # a running estimate, for Retry-After
        self._thread: threading.Thread | None = None

    @property
    def waiting(self) -> int:
        """Texts in the queue."""
        return self._waiting

    def start(self, before: Callable[[], None] | None = None) -> None:
        """Start the engine's thread; ``before`` (loading the models) runs on it first."""
        self._thread = threading.Thread(
            target=self._run, args=(before,), name="extraction", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Let the thread finish the queue and end."""
        self._jobs.put(None)

    def submit(self, texts: Sequence[str], language: str | None) -> Future[list[Result]]:
        """Queue ``texts`` for extraction; refused when the queue is full. A request
        larger than the queue is still taken when nothing else waits."""
        job = _Job(list(texts), language)
        with self._count:
            if self._waiting and self._waiting + len(job.texts) > self.queue_limit:
                raise OverloadedError(
                    f"{self._waiting} texts are waiting for extraction; try again shortly",
                    retry_after=self.retry_after(),
                )
            self._waiting += len(job.texts)
            self._report_depth()
        self._jobs.put(job)
        return job.future

    async def extract(
        self, texts: Sequence[str], language: str | None, timeout: float
    ) -> list[Result]:
        """The extractions of ``texts`` (or each one's error), within ``timeout`` s."""
        future = asyncio.wrap_future(self.submit(texts, language))
        try:
            return await asyncio.wait_for(future, timeout)
        except TimeoutError as exc:
            raise ExtractionTimeoutError(
                f"the extraction took longer than {timeout:g} s", timeout=timeout
            ) from exc

    def retry_after(self) -> int:
        """Seconds until the queue has likely drained, for a refused client."""
        return max(1, min(120, math.ceil(self._waiting * self._seconds_per_text)))

    def _report_depth(self) -> None:
        if self.depth is not None:
            self.depth(self._waiting)

    def _run(self, before: Callable[[], None] | None) -> None:
        if before is not None:
            before()
        while (job := self._jobs.get()) is not None:
            jobs = [job, *self._more(len(job.texts))]
            with self._count:
                self._waiting -= sum(len(j.texts) for j in jobs)
                self._report_depth()
            started = [j for j in jobs if j.future.set_running_or_notify_cancel()]
            for group in _by_language(started):
                self._extract(group)

    def _more(self, taken: int) -> list[_Job]:
        """The jobs already waiting, up to a batch."""
        more: list[_Job] = []
        while taken < self.batch_size:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is None:  # stop after this batch
                self._jobs.put(None)
                break
            more.append(job)
            taken += len(job.texts)
        return more

    def _extract(self, jobs: list[_Job]) -> None:
        """One ``extract_many`` over the jobs' texts (they share a forced language)."""
        texts = [t for j in jobs for t in j.texts]
        begun = time.perf_counter()
        try:
            results: list[Result] = list(
                self.extractor.extract_many(texts, language=jobs[0].language)
            )
        except ExtractorError as exc:  # the forced language refused: every text
            results = [exc] * len(texts)
        except Exception as exc:
            log.exception("extraction failed")
            for j in jobs:
                j.future.set_exception(exc)
            return
        seconds = (time.perf_counter() - begun) / len(texts)
        self._seconds_per_text = 0.8 * self._seconds_per_text + 0.2 * seconds
        at = 0
        for j in jobs:
            j.future.set_result(results[at : at + len(j.texts)])
            at += len(j.texts)
        if self.observe is not None:
            for result in results:
                if isinstance(result, Extraction):
                    self.observe(result.language, seconds)


def _by_language(jobs: list[_Job]) -> list[list[_Job]]:
    """Jobs grouped by their forced language (None: identified per text)."""
    groups: dict[str | None, list[_Job]] = {}
    for job in jobs:
        groups.setdefault(job.language, []).append(job)
    return list(groups.values())
