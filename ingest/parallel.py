"""Extraction in worker processes, results back in file order while the next files are extracted.

``extract_paths(..., workers=N)`` hands its files to :func:`extract_in_workers`. What makes
this scale, each point measured (``bench/analysis.md``, section 1):

- **Workers load the pipeline once**, in the pool's initializer, not per file. The pool lives
  for one extraction run and is shut down when its results are consumed (or abandoned): a pool
  kept for the life of the process was tried, and a multiprocessing child that had used one
  (a benchmark run, a server worker) then hung at exit, joining workers nobody had stopped.
- **forkserver, not fork.** A forked worker would inherit the parent's open store: its RocksDB
  handles and the ``flock`` of ``graph.store``'s write lock. The fork server is a fresh
  interpreter, started once per process, that imports the extractor once (preload); workers
  fork from it with spaCy already imported and nothing of the parent's, so a worker is ready
  after loading the pipeline (~1 s, both workers at once, while the parent loads the
  vocabulary).
- **Files in batches.** A task is a run of consecutive files of about :data:`BATCH_BYTES`
  bytes (at least one file), so a thousand small files are not a thousand round trips, while
  there are still several tasks per worker to balance the load.
- **Extraction records back, not Docs.** A worker returns picklable
  :class:`~beleidsgraaf.records.Extraction` records; a file it cannot read comes back as
  ``(path, reason)`` and becomes a :class:`~beleidsgraaf.errors.DocumentError` here.
- **Streaming in order.** At most ``2 * workers`` batches are in flight. Results are yielded in
  file order as soon as the first outstanding batch is done, and the next batch is submitted
  before they are yielded, so the caller's work on a result (unify, curate, write to the store)
  overlaps the workers' extraction of the files after it.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TypeAlias

from beleidsgraaf.errors import BeleidsgraafError, DocumentError
from beleidsgraaf.records import Extraction

__all__ = ["BATCH_BYTES", "MIN_BYTES", "START_METHOD", "batches", "extract_in_workers", "worth_it"]

BATCH_BYTES = 64 * 1024
"""Target input bytes per task: ~10,000 tokens of text, ~0.5 s of extraction on one core."""

MIN_BYTES = 256 * 1024
"""Below this much input, ``extract_paths`` stays in one process even when given workers.

Each run's workers load the pipeline first (~1 s of CPU each), which a small batch never earns
back: 8 small documents took 8.8 s with 2 workers and 1.0 s with one (quick benchmark, loaded
machine)."""

START_METHOD = "forkserver"
"""How worker processes start; see the module docstring for why not ``fork``."""

_PRELOAD = ["beleidsgraaf.ingest.extract"]
"""Imported once in the fork server, so each worker starts with spaCy and the rules imported."""

_Result: TypeAlias = Extraction | tuple[str, str]


def _init_worker(model: str | None) -> None:
    """Load the pipeline once per worker, before its first task."""
    from beleidsgraaf.ingest.extract import _shared_pipeline

    _shared_pipeline(model)


def _extract_batch(paths: list[Path], model: str | None) -> list[_Result]:
    """Runs in a worker: extract each file; an unreadable one travels back as (path, reason)."""
    from beleidsgraaf.ingest.extract import _shared_pipeline, extract_document

    nlp = _shared_pipeline(model)
    out: list[_Result] = []
    for path in paths:
        try:
            out.append(extract_document(path, nlp))
        except DocumentError as exc:
            out.append((exc.path, exc.reason))
        except Exception as exc:  # a bug on one hostile document must not cost the batch
            detail = " ".join(str(exc).split())[:200]
            out.append((str(path), f"extraction failed ({type(exc).__name__}: {detail})"))
    return out


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the reader reports the real problem, in the worker


def batches(files: Sequence[Path], workers: int, target: int = BATCH_BYTES) -> list[list[Path]]:
    """Split ``files`` into runs of consecutive files of about ``target`` bytes each.

    A batch is also never more than an eighth of the corpus per worker, so a small corpus still
    gives every worker several tasks; a file larger than the target is a batch of its own.
    """
    sizes = [_size(p) for p in files]
    limit = max(1, min(target, sum(sizes) // max(1, 4 * workers)))
    out: list[list[Path]] = []
    current: list[Path] = []
    total = 0
    for path, size in zip(files, sizes, strict=True):
        if current and total + size > limit:
            out.append(current)
            current, total = [], 0
        current.append(path)
        total += size
    if current:
        out.append(current)
    return out


def worth_it(files: Sequence[Path], workers: int) -> bool:
    """Whether ``workers`` processes will be quicker than one for ``files``."""
    return workers > 1 and len(files) > 1 and sum(_size(p) for p in files) >= MIN_BYTES


def _start_pool(workers: int, model: str | None) -> ProcessPoolExecutor:
    context = multiprocessing.get_context(START_METHOD)
    if START_METHOD == "forkserver":
        context.set_forkserver_preload(_PRELOAD)
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(model,)
    )


def extract_in_workers(
    files: Sequence[Path], model: str | None, workers: int
) -> Iterator[Extraction | DocumentError]:
    """Extract ``files`` in ``workers`` processes; one result per file, in file order.

    The pool starts and the first batches are submitted now; the returned iterator collects.

    A document whose extraction raises anything (a bug meeting a hostile document) comes back
    as a :class:`~beleidsgraaf.errors.DocumentError`, like one that cannot be read.

    Raises
    ------
    BeleidsgraafError
        (while iterating) A worker died (killed, out of memory): one line, no traceback.
    """
    pool = _start_pool(workers, model)
    todo = iter(batches(files, workers))
    pending: deque[Future[list[_Result]]] = deque()

    def submit() -> None:
        batch = next(todo, None)
        if batch is not None:
            pending.append(pool.submit(_extract_batch, batch, model))

    for _ in range(2 * workers):
        submit()
    return _collect(pool, pending, submit)


def _collect(
    pool: ProcessPoolExecutor,
    pending: deque[Future[list[_Result]]],
    submit: Callable[[], None],
) -> Iterator[Extraction | DocumentError]:
    try:
        while pending:
            try:
                results = pending.popleft().result()
            except BrokenProcessPool as exc:
                raise BeleidsgraafError(
                    "an extraction worker died (out of memory, or killed); the documents before "
                    "it are stored; build again with --workers 1 to see which document it was"
                ) from exc
            submit()  # before yielding: the workers go on while the caller works
            for r in results:
                yield r if isinstance(r, Extraction) else DocumentError(*r)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
