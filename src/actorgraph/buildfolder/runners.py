"""Where extraction runs: in this process, in worker processes, or on a Dask cluster.

A runner takes a stream of ``(cache key, article)`` pairs and yields ``(cache key, record)``
pairs, in any order, as the extractions finish: only plain records (JSON-ready dicts) cross a
process or network boundary, never spaCy objects. Every runner loads the pipeline once per
worker, and extraction is a pure step per article, so the records — and so the graph merged
from them — are the same whichever runner made them.
An article whose extraction fails comes back as a failure record (:data:`FAILED`), so one
bad article never costs its chunk.

>>> runner = InProcess(nlp)                                           # doctest: +SKIP
>>> records = dict(runner([("k1", Article("a", "Taliban fighters attacked."))]))  # doctest: +SKIP
>>> records["k1"]["article"]                                          # doctest: +SKIP
'a'
"""

from __future__ import annotations

import multiprocessing
import os
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

from actorgraph.model import Article

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["FAILED", "DaskCluster", "InProcess", "Processes", "Runner", "default_processes"]

Keyed = tuple[str, Article]
Record = dict[str, Any]


class Runner(Protocol):
    """Turns ``(key, article)`` pairs into ``(key, record)`` pairs, in any order."""

    def __call__(self, articles: Iterable[Keyed]) -> Iterator[tuple[str, Record]]: ...


def default_processes() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


#: The key of a record that says an article's extraction failed, and why.
FAILED = "failed"


def extract_records(
    nlp: Language, articles: Iterable[Keyed], *, batch_size: int, min_confidence: float
) -> list[tuple[str, Record]]:
    """The pure per-article step over a batch, as plain records.

    An article whose extraction raises gets a failure record ``{"failed": {"article": id,
    "reason": ...}}`` instead, and the others are extracted all the same.
    """
    from actorgraph.extractors.article import extract_articles

    keyed = list(articles)
    reasons: dict[str, str] = {}

    def note(article: Article, error: Exception) -> None:
        reasons[article.id] = f"{type(error).__name__}: {error}"

    extractions: dict[str, deque[Record]] = defaultdict(deque)
    for extraction in extract_articles(
        (article for _, article in keyed),
        nlp,
        batch_size=batch_size,
        min_confidence=min_confidence,
        on_failure=note,
    ):
        extractions[extraction.article.id].append(extraction.to_record())
    records = []
    for key, article in keyed:
        # Extractions come in input order, so articles sharing an id take theirs in turn;
        # when one of those failed, none is trusted (a record never goes to the wrong key).
        if article.id in reasons:
            records.append((key, {FAILED: {"article": article.id, "reason": reasons[article.id]}}))
        else:
            records.append((key, extractions[article.id].popleft()))
    return records


def _streamed(
    nlp: Language, articles: Iterable[Keyed], batch_size: int, min_confidence: float
) -> Iterator[tuple[str, Record]]:
    for chunk in _chunks(articles, batch_size * 4):
        yield from extract_records(nlp, chunk, batch_size=batch_size, min_confidence=min_confidence)


@dataclass(slots=True)
class InProcess:
    """Extraction in this process, with ``nlp.pipe`` in batches."""

    nlp: Language
    batch_size: int = 32
    min_confidence: float = 0.0

    def __call__(self, articles: Iterable[Keyed]) -> Iterator[tuple[str, Record]]:
        yield from _streamed(self.nlp, articles, self.batch_size, self.min_confidence)


# -- worker processes on this machine --------------------------------------------------------

_WORKER_NLP: Any = None
#: Why this worker could not load its pipeline: raised by its first chunk, so the build
#: stops with that error (a worker dying in its initializer would only break the pool).
_WORKER_LOAD_ERROR: Exception | None = None


def _set_worker_pipeline(nlp: Any, model: str | None, max_chars: int | None = None) -> None:
    global _WORKER_NLP
    if nlp is not None:
        _WORKER_NLP = nlp
    elif _WORKER_NLP is None:
        _load_worker_pipeline(model, max_chars)


def _start_loading_worker(model: str | None, max_chars: int | None) -> None:
    """A forked worker of a build whose process has no pipeline: it loads its own."""
    _stop_with_parent()
    # Always loaded here: a pipeline inherited from an earlier build may be another model.
    _load_worker_pipeline(model, max_chars)


def _load_worker_pipeline(model: str | None, max_chars: int | None) -> None:
    global _WORKER_NLP, _WORKER_LOAD_ERROR
    from actorgraph.extractors.long_texts import set_max_chars
    from actorgraph.extractors.pipeline import load_pipeline

    try:
        _WORKER_NLP = set_max_chars(load_pipeline(model) if model else load_pipeline(), max_chars)
    except Exception as error:  # handed to the build by the first chunk
        _WORKER_LOAD_ERROR = error


def _stop_with_parent() -> None:
    """Ask Linux to end this worker when the build that started it dies (even by SIGKILL).

    SIGTERM gets its default action back: a forked worker inherits the command line's
    handler, which raises SystemExit, and the pool would catch that as a task's error and
    carry on with the next chunk.
    """
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the workers end when their queue closes
        pass


def _extract_chunk_in_worker(
    chunk: list[Keyed], batch_size: int, min_confidence: float
) -> list[tuple[str, Record]]:
    if _WORKER_LOAD_ERROR is not None:
        raise _WORKER_LOAD_ERROR
    return extract_records(_WORKER_NLP, chunk, batch_size=batch_size, min_confidence=min_confidence)


@dataclass(slots=True)
class Processes:
    """Extraction in ``processes`` worker processes, each with the pipeline loaded once.

    Given a loaded ``nlp`` where ``fork`` exists, the workers inherit it (copy-on-write:
    nothing is pickled or loaded again), and one process means this one. Without ``nlp``
    (None) every worker loads ``model`` when it starts, even for one process: the process
    that merges the graph then never holds the pipeline (about 450 MB), and a build with
    nothing to extract starts no worker and loads nothing.
    Chunks of ``batch_size * 4`` articles go to the workers, at most two per worker in
    flight, so memory stays flat however long the stream.
    """

    nlp: Language | None
    processes: int
    model: str | None = None
    batch_size: int = 32
    min_confidence: float = 0.0
    #: The text length cut into pieces, for workers that load their own pipeline.
    max_chars: int | None = None

    def __call__(self, articles: Iterable[Keyed]) -> Iterator[tuple[str, Record]]:
        if self.processes <= 1 and self.nlp is not None:
            yield from _streamed(self.nlp, articles, self.batch_size, self.min_confidence)
            return
        yield from _bounded_map(self._pool(), articles, self)

    def _pool(self) -> ProcessPoolExecutor:
        workers = max(1, self.processes)
        methods = multiprocessing.get_all_start_methods()
        if "fork" in methods:
            fork = multiprocessing.get_context("fork")
            if self.nlp is None:
                return ProcessPoolExecutor(
                    workers,
                    mp_context=fork,
                    initializer=_start_loading_worker,
                    initargs=(self.model, self.max_chars),
                )
            _set_worker_pipeline(self.nlp, None)  # inherited by the forked workers
            return ProcessPoolExecutor(workers, mp_context=fork, initializer=_stop_with_parent)
        return ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_set_worker_pipeline,
            initargs=(None, self.model, self.max_chars),
        )


def _bounded_map(
    pool: ProcessPoolExecutor, articles: Iterable[Keyed], runner: Processes
) -> Iterator[tuple[str, Record]]:
    chunks = _chunks(articles, runner.batch_size * 4)
    pending: set[Future[list[tuple[str, Record]]]] = set()
    try:
        for chunk in chunks:
            pending.add(
                pool.submit(
                    _extract_chunk_in_worker, chunk, runner.batch_size, runner.min_confidence
                )
            )
            if len(pending) >= 2 * runner.processes:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from future.result()
        for future in pending:
            yield from future.result()
    except BaseException:
        # Stopped (Ctrl-C, SIGTERM, an error): do not wait for the chunks in flight, which
        # can take minutes (the interpreter's exit would join the workers otherwise).
        _stop_workers(pool)
        raise
    pool.shutdown(wait=True)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the pool's worker processes now, dropping their chunks."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    # Before 3.14 the pool offers no way to end its workers but its process table, which
    # shutting it down empties: take the processes first.
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        process.terminate()


# -- a Dask cluster ------------------------------------------------------------------------------


@dataclass(slots=True)
class DaskCluster:
    """Extraction on the workers of a Dask distributed cluster.

    ``address`` is a scheduler (``tcp://host:8786``) or ``local:N`` for a cluster of N
    worker processes on this machine. A worker plugin loads the pipeline once per worker;
    each task is a chunk of articles and returns plain records, so a worker lost mid-run
    only costs its chunks, which Dask runs again elsewhere.
    """

    address: str
    model: str | None = None
    batch_size: int = 32
    min_confidence: float = 0.0
    #: The text length cut into pieces on the workers (None: the default).
    max_chars: int | None = None
    on_client: Callable[[Any], None] | None = None

    def __call__(self, articles: Iterable[Keyed]) -> Iterator[tuple[str, Record]]:
        from distributed import as_completed

        from actorgraph.buildfolder.dask_plugin import PipelinePlugin

        with self._client() as client:
            client.register_plugin(
                PipelinePlugin(self.model, self.max_chars), name=PipelinePlugin.name
            )
            if self.on_client:
                self.on_client(client)
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            chunks = _chunks(articles, self.batch_size * 4)
            running = as_completed()
            for chunk in islice(chunks, 2 * workers):
                running.add(self._submit(client, chunk))
            for future in running:
                yield from future.result()
                future.release()
                chunk = next(chunks, None)
                if chunk is not None:
                    running.add(self._submit(client, chunk))

    def _submit(self, client: Any, chunk: list[Keyed]) -> Any:
        return client.submit(
            _extract_chunk_on_worker,
            chunk,
            self.batch_size,
            self.min_confidence,
            pure=False,
            retries=3,
        )

    def _client(self) -> Any:
        from distributed import Client, LocalCluster

        if self.address.startswith("local:"):
            workers = int(self.address.split(":", 1)[1] or default_processes())
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            return _OwnedClient(Client(cluster), cluster)
        return Client(self.address)


class _OwnedClient:
    """A client that also closes the local cluster it was made for."""

    def __init__(self, client: Any, cluster: Any) -> None:
        self.client, self.cluster = client, cluster

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.cluster.close()


def _extract_chunk_on_worker(
    chunk: list[Keyed], batch_size: int, min_confidence: float
) -> list[tuple[str, Record]]:
    from distributed import get_worker

    nlp = get_worker().actorgraph_nlp
    return extract_records(nlp, chunk, batch_size=batch_size, min_confidence=min_confidence)


def _chunks(items: Iterable[Keyed], size: int) -> Iterator[list[Keyed]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
