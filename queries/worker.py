"""Queries for ``serve`` run in worker processes, so a query that runs too long can be stopped.

pyoxigraph has no way to cancel a running query (0.5: no cancellation token in its Python API),
and a thread cannot be stopped from outside. A timed-out query evaluated in the server's own
process therefore went on using CPU and memory after its 503 (a GROUP_CONCAT over a cartesian
product grew ~40 MB/s), and four of them held every slot (issue 21). Here each evaluation runs in
a worker process that opens the store itself; when the time limit passes, the server kills that
process -- CPU and memory are returned at once -- and starts a fresh one. A worker that crashes
(whatever the cause) costs its one request a 500, never the server.

Workers are forked from a ``forkserver`` that has already imported this module (pyoxigraph,
the store code), so a replacement is ready in a fraction of a second. A worker answers one
:class:`Job` at a time with an :class:`Answer`: the status, the negotiated content type and the
serialised body, so nothing but bytes crosses the pipe.

Read-only serving runs up to ``workers`` processes, each with its own read-only handle (RocksDB
allows any number). With updates enabled there is one worker, the store's only read-write opener
(RocksDB admits one), which answers queries and updates in turn; killing it mid-query loses
nothing (an update is one transaction, and it is never interrupted for time).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from beleidsgraaf.errors import BeleidsgraafError, QueryError, StoreError
from beleidsgraaf.graph.results import QueryResult, media_type
from beleidsgraaf.graph.store import UNION_MARKER, Store
from beleidsgraaf.queries.negotiation import choose, describe

__all__ = ["Answer", "Job", "WorkerPool"]

_START_SECONDS = 60.0


@dataclass(frozen=True)
class Job:
    """One query or update for a worker.

    ``default_graphs`` / ``named_graphs`` are the protocol's ``default-graph-uri`` and
    ``named-graph-uri``: when either is given they make the query's dataset (an empty default
    graph if only named graphs are given), as the SPARQL 1.1 Protocol says, overriding ``FROM``.
    """

    text: str
    update: bool = False
    accept: str | None = None
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    max_rows: int | None = None


@dataclass(frozen=True)
class Answer:
    """What to send back: an HTTP status, a content type and the body."""

    status: int
    content_type: str = "text/plain; charset=utf-8"
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = field(default=())

    @classmethod
    def text(cls, status: int, message: str, headers: tuple[tuple[str, str], ...] = ()) -> Answer:
        """A plain-text answer: ``message`` on one line."""
        body = (" ".join(message.split()) + "\n").encode("utf-8")
        return cls(status, body=body, headers=headers)


# -- inside a worker ------------------------------------------------------------------------------


def _one_line(exc: BaseException, limit: int = 400) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _dataset(job: Job, union: bool) -> dict[str, Any]:
    if job.default_graphs is None and job.named_graphs is None:
        return {"use_default_graph_as_union": not union}
    return {
        "default_graph": [ox.NamedNode(g) for g in job.default_graphs or ()],
        "named_graphs": [ox.NamedNode(g) for g in job.named_graphs or ()],
    }


def _kind(raw: Any) -> str:
    if isinstance(raw, ox.QueryBoolean):
        return "ask"
    return "construct" if isinstance(raw, ox.QueryTriples) else "select"


def _query(store: Store, union: bool, job: Job) -> Answer:
    raw: Any = None
    try:
        raw = store.oxigraph.query(job.text, **_dataset(job, union))
        kind = _kind(raw)
        fmt = choose(job.accept, kind)
        if fmt is None:
            return Answer.text(
                HTTPStatus.NOT_ACCEPTABLE,
                f"cannot answer a {kind.upper()} query as {job.accept!r}; "
                f"offered: {describe(kind)}",
            )
        result = QueryResult.from_oxigraph(raw, max_rows=job.max_rows)
        return Answer(HTTPStatus.OK, media_type(fmt), result.serialize(fmt).encode("utf-8"))
    except SyntaxError as exc:
        return Answer.text(HTTPStatus.BAD_REQUEST, f"malformed SPARQL: {_one_line(exc)}")
    except QueryError as exc:
        return Answer.text(HTTPStatus.BAD_REQUEST, str(exc))
    except (OSError, RuntimeError, ValueError) as exc:
        return Answer.text(HTTPStatus.BAD_REQUEST, f"query failed: {_one_line(exc)}")
    except BaseException as exc:  # pyo3's PanicException (a bug in the engine) is one
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        message = f"the query engine failed: {_one_line(exc)}"
        return Answer.text(HTTPStatus.INTERNAL_SERVER_ERROR, message)
    finally:
        raw = None  # pyoxigraph iterators must die on the thread that made them


def _update(store: Store, job: Job) -> Answer:
    try:
        store.update(job.text)  # keeps the default graph the union of the named graphs
    except QueryError as exc:
        return Answer.text(HTTPStatus.BAD_REQUEST, str(exc))
    except StoreError as exc:
        return Answer.text(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
    return Answer(HTTPStatus.NO_CONTENT)


def _serve_jobs(conn: Connection, store_path: str, writable: bool) -> None:
    """A worker's life: open the store, say 'ready' (or why not), answer jobs until EOF."""
    try:
        store = Store(Path(store_path), read_only=not writable, lock_timeout=10)
    except BeleidsgraafError as exc:
        conn.send(str(exc))
        return
    union = (Path(store_path) / UNION_MARKER).is_file()
    conn.send("ready")
    with store:
        while True:
            try:
                job: Job = conn.recv()
            except (EOFError, OSError):
                return
            answer = _update(store, job) if job.update else _query(store, union, job)
            conn.send(answer)


# -- in the server --------------------------------------------------------------------------------


class _Worker:
    """One worker process and the server's end of its pipe."""

    def __init__(self, context: Any, store_path: Path, writable: bool) -> None:
        self.conn, child = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=_serve_jobs, args=(child, str(store_path), writable), daemon=True
        )
        self.process.start()
        child.close()
        if not self.conn.poll(_START_SECONDS):
            self.stop()
            raise StoreError(f"{store_path}: the query worker did not start")
        try:
            hello = self.conn.recv()
        except (EOFError, OSError) as exc:
            self.stop()
            raise StoreError(f"{store_path}: the query worker failed to start") from exc
        if hello != "ready":
            self.stop()
            raise StoreError(str(hello))

    def stop(self) -> None:
        """Kill the process (no cleanup needed: the store is opened read-only, or an update is
        one transaction) and wait for it, so its memory is free when this returns."""
        with contextlib.suppress(OSError):
            self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(10)


class WorkerPool:
    """Up to ``size`` worker processes; :meth:`run` answers a job within ``timeout`` or kills
    the worker that had it."""

    def __init__(self, store_path: Path, *, size: int, writable: bool, timeout: float) -> None:
        self.store_path = Path(store_path)
        self.writable = writable
        self.timeout = timeout
        self.size = 1 if writable else max(1, size)
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload([__name__])
        self._slots = threading.BoundedSemaphore(self.size)
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        self._idle.append(self._start())  # fails here, at start-up, if the store cannot open

    def _start(self) -> _Worker:
        return _Worker(self._context, self.store_path, self.writable)

    def _take(self) -> _Worker:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return self._start()

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if not self._closed:
                self._idle.append(worker)
                return
        worker.stop()

    def run(self, job: Job) -> Answer:
        """Answer ``job``: 503 when every worker stays busy for ``timeout`` or the job takes
        longer (its worker is then killed); 500 when the worker dies under it."""
        if not self._slots.acquire(timeout=self.timeout):
            return Answer.text(HTTPStatus.SERVICE_UNAVAILABLE, "server busy; try again")
        try:
            try:
                worker = self._take()
            except BeleidsgraafError as exc:
                return Answer.text(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
            try:
                worker.conn.send(job)
                if not worker.conn.poll(self.timeout):
                    worker.stop()
                    return Answer.text(
                        HTTPStatus.SERVICE_UNAVAILABLE,
                        f"query timed out after {self.timeout:g} s and was stopped "
                        "(make it more selective or add LIMIT)",
                    )
                answer: Answer = worker.conn.recv()
            except (EOFError, OSError):
                worker.stop()
                return Answer.text(
                    HTTPStatus.INTERNAL_SERVER_ERROR,
                    "the query stopped its worker process; the server goes on",
                )
            self._give_back(worker)
            return answer
        finally:
            self._slots.release()

    def close(self) -> None:
        """Stop every idle worker (busy ones are stopped as they come back)."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.stop()
