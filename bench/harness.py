"""Timing and memory measurement: medians of repeated runs, each heavy run in its own process.

Why a child process per measurement: peak resident memory (``ru_maxrss``) only ever grows within a
process, and allocators rarely give memory back, so measuring two things in one process makes the
second look as big as the first. A fresh ``spawn``-ed child starts from a clean interpreter.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

__all__ = [
    "ChildRun",
    "ChildTimeoutError",
    "Context",
    "Measurement",
    "NotMeasurableError",
    "Stats",
    "in_child",
    "peak_rss_mb",
    "repeat",
    "stats",
    "use_bytecode_cache",
]


@dataclass(frozen=True)
class Stats:
    """Median, minimum and maximum of repeated observations (and the observations)."""

    median: float
    min: float
    max: float
    runs: tuple[float, ...]

    def scaled(self, factor: float) -> Stats:
        """The same statistics multiplied by ``factor`` (e.g. seconds -> items per second)."""
        values = tuple(v * factor for v in self.runs)
        return stats(values)

    def inverted(self, numerator: float) -> Stats:
        """``numerator / value`` per run: turns durations into throughputs."""
        values = tuple(numerator / v if v > 0 else float("inf") for v in self.runs)
        return stats(values)


def stats(values: Sequence[float]) -> Stats:
    """Summarise observations; the median is what reports compare."""
    if not values:
        raise ValueError("no observations")
    return Stats(statistics.median(values), min(values), max(values), tuple(values))


@dataclass
class Measurement:
    """One line of the report: a figure, its baseline from the same run, and its goal."""

    area: str
    name: str
    unit: str
    value: Stats
    baseline: Stats | None = None
    baseline_name: str = ""
    ratio: float | None = None
    """How the figure compares to the baseline, oriented so that bigger is better."""
    goal: str = ""
    met: bool | None = None
    peak_rss_mb: float | None = None
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Measurement:
        """Read back what :meth:`as_dict` wrote (``results.json``), for ``--merge``."""
        values = dict(data)
        for key in ("value", "baseline"):
            if values.get(key) is not None:
                values[key] = stats(values[key]["runs"])
        return cls(**values)


def peak_rss_mb() -> float:
    """Peak resident memory of this process and its finished children, in MiB (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


@dataclass(frozen=True)
class ChildRun:
    """What a function run in a child process returned, how long it took and its peak memory."""

    value: Any
    seconds: float
    peak_rss_mb: float


PYCACHE_ENV = "PYTHONPYCACHEPREFIX"
"""Python's own variable for a bytecode cache folder; every child (and grandchild) reads it."""


def use_bytecode_cache() -> None:
    """Let this process cache compiled bytecode under ``$PYTHONPYCACHEPREFIX``.

    With ``PYTHONDONTWRITEBYTECODE`` set (as in some sandboxes and containers), every new
    process compiles spaCy, rdflib and friends from source again: 10+ s of CPU that a user's
    second run never pays. The cache goes to the benchmark's scratch folder, not the venv.
    """
    prefix = os.environ.get(PYCACHE_ENV)
    if prefix:
        sys.pycache_prefix = prefix
        sys.dont_write_bytecode = False


def _run_and_measure(fn: Callable[..., Any], args: tuple[Any, ...]) -> ChildRun:
    use_bytecode_cache()
    start = time.perf_counter()
    value = fn(*args)
    seconds = time.perf_counter() - start
    return ChildRun(value, seconds, peak_rss_mb())


class ChildTimeoutError(Exception):
    """A measured child process ran longer than its time cap and was killed."""


def in_child(fn: Callable[..., Any], *args: Any, timeout: float | None = None) -> ChildRun:
    """Run ``fn(*args)`` in a fresh spawned interpreter; time it there and return its peak memory.

    ``fn`` must be a module-level function of an importable module, and its arguments and result
    picklable. The time is measured inside the child, so interpreter start-up is not counted.
    With ``timeout`` (seconds, start-up included) the child is killed when it runs longer, and
    :class:`ChildTimeoutError` raised: a cap turns a runaway measurement into a lower bound.
    """
    pool = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"))
    try:
        future = pool.submit(_run_and_measure, fn, args)
        try:
            return future.result(timeout=timeout)
        except FutureTimeout:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
            raise ChildTimeoutError(f"{fn.__name__} ran longer than {timeout:g} s") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def repeat(fn: Callable[[], Any], runs: int, warmup: int = 0) -> tuple[Stats, Any]:
    """Time ``fn()`` ``runs`` times in this process (after ``warmup`` untimed calls).

    Returns the statistics in seconds and the last result, so callers can check what was
    measured actually did the work.
    """
    result: Any = None
    for _ in range(warmup):
        result = fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return stats(times), result


class NotMeasurableError(Exception):
    """An area cannot run here (a piece of beleidsgraaf it measures is missing); says why."""


@dataclass(frozen=True)
class Context:
    """What every area gets: sizes mode, repetitions and a scratch folder of its own."""

    quick: bool
    runs: int
    work: Path

    def folder(self, name: str) -> Path:
        """A fresh, empty scratch folder ``work/name``."""
        path = self.work / name
        if path.exists():
            shutil.rmtree(path)
        path.mkdir(parents=True)
        return path
