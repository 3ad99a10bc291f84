"""The embedded store: an Oxigraph database on disk, one named graph per document.

Why pyoxigraph directly, not rdflib with the oxrdflib store: per-document graphs are *built* with
rdflib (``graph.writer``; small, clearest API), but everything that touches the store goes through
pyoxigraph. Measured on the 2-core dev machine (the corpus turned into extractions as in
``tests/robustness/test_store_crash.py``; largest document graph 6 746 triples, store 10 222;
median of 5 runs): writing that graph took 0.07 s as one pyoxigraph ``update`` and 0.19 s via
``rdflib.Dataset(store="Oxigraph").graph(g).addN``; a label SELECT (4 549 rows) took 0.07 s in
pyoxigraph, 0.16 s through rdflib + oxrdflib and 0.41 s in rdflib's in-memory store. rdflib's
API also has no one-transaction "replace this graph", which the atomicity below needs.

Atomicity. pyoxigraph documents ``Store.update`` as transactional ("either the full operation
succeeds, or nothing is written"), and one update request with several operations runs in one
transaction. ``write_extraction`` therefore replaces a document with a single update::

    DROP SILENT GRAPH <old version of the same file> ; DROP SILENT GRAPH <g> ;
    INSERT DATA { GRAPH <g> { ... } }

``tests/robustness/test_store_crash.py`` SIGKILLs a writer at random moments and checks that the
store then equals a clean build once rewritten, and that every document graph present is whole.

The default graph is the union. Analysts' queries name no graph, and they join several triple
patterns. Answering them over the union of ~900 document graphs (pyoxigraph's
``use_default_graph_as_union``) makes every pattern a scan of all graphs plus a de-duplication
before each join; on a 1M-quad store that made lookups take seconds (``bench/analysis.md`` §2).
So the store keeps its **default graph as the materialised, de-duplicated union of all named
graphs** (documents and vocabulary) and queries run on it without the union flag; ``GRAPH ?g``
patterns still see the documents. Every write maintains it *in the same update* (so in the same
transaction) as the named-graph change::

    <default-graph-forget ?graph=<g>> ; DROP SILENT GRAPH <g> ;     (for the old version, and <g>)
    INSERT DATA { GRAPH <g> { ... } } ; <default-graph-add ?graph=<g>>

``default-graph-forget`` deletes from the default graph the triples of ``<g>`` that no *other*
named graph holds, so a triple leaves the default graph only with the last graph holding it.
A store folder records that its default graph is maintained by the file :data:`UNION_MARKER`; a
store written before (named graphs, empty default graph) is upgraded when it is first opened
read-write (the union is copied in, one transaction per graph, and the marker written last, so an
interrupted upgrade is simply redone). Opened read-only, such a store is queried with the union
flag as before: slower, same rows. The default graph is derived data: dumps hold the named graphs
only, and :meth:`Store.bulk_load` rebuilds it.

Locking: readers never wait for a writer, a writer never waits for readers. RocksDB allows one
read-write opener per folder, and pyoxigraph calls a read-only open next to a writer undefined
behaviour, so readers do not open the database a writer writes. Instead:

- a read-write :class:`Store` takes an exclusive ``fcntl`` lock on ``<store>/beleidsgraaf.lock``
  before opening (waiting up to ``lock_timeout`` seconds, then
  :class:`~beleidsgraaf.errors.StoreLockedError` naming the process that holds it, read from
  ``/proc/locks``): two builds run one after the other;
- when it closes (and after each SPARQL Update) it **publishes a snapshot**: a RocksDB checkpoint
  in ``<store>/snapshots/<n>`` (hard links to the immutable table files, so it takes
  milliseconds and little space), made in a hidden folder and renamed into place whole;
- a read-only :class:`Store` (``query``, ``serve``, ``export``, ``map``) opens the newest
  snapshot, holding a shared lock on that snapshot's lock file while it reads. A writer
  deletes an older snapshot only when it can take that lock exclusively, i.e. no reader uses it.

So ``build`` runs while ``serve`` serves; the server answers from the snapshot it opened (the
store as of the last finished build or remove when it started) until it is restarted. A build
that is killed publishes nothing: readers go on seeing the last finished one, and the next
writer publishes what the killed one stored. A store written before snapshots existed is read
in place, with a shared lock on ``beleidsgraaf.lock`` (so then a writer does wait for readers,
and says which process it waits for), until its first writer publishes. Readers open every
file read-only, so ``query`` and ``serve`` also work on a read-only file system.

Damage. A store whose files RocksDB reports as corrupt (a damaged ``CURRENT``, a truncated table
file) raises :class:`~beleidsgraaf.errors.StoreDamagedError`, whose one line says how to build it
again; a folder that holds other files and no store is never written into (an empty or wrong
``--store``), so a store can never spill into a documents folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import shutil
import stat
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from importlib.resources import files
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from beleidsgraaf.errors import (
    ConfigError,
    QueryError,
    StoreDamagedError,
    StoreError,
    StoreLockedError,
    printable,
)
from beleidsgraaf.graph.results import QueryResult, Term
from beleidsgraaf.graph.sparql_terms import inject_values
from beleidsgraaf.graph.writer import extraction_graph_name, extraction_triples
from beleidsgraaf.ontology.authority import VOCABULARY_GRAPH
from beleidsgraaf.ontology.iri import BASE, DEF
from beleidsgraaf.ontology.linking import LinkDecisions
from beleidsgraaf.records import Extraction

__all__ = [
    "DUMP_FORMATS",
    "LOCK_FILE",
    "SNAPSHOTS",
    "UNION_MARKER",
    "VOCABULARY_GRAPH",
    "Store",
    "StoredDocument",
    "drop_graph_update",
    "ntriples_text",
    "sparql_file",
    "union_add_update",
    "writable_output",
]


LOCK_FILE = "beleidsgraaf.lock"
UNION_MARKER = "beleidsgraaf-union-default-graph"
"""File in a store folder saying its default graph is the maintained union of its named graphs."""
SNAPSHOTS = "snapshots"
"""Sub-folder of a store holding the snapshots readers open (see 'Locking' above)."""

DUMP_FORMATS: dict[str, ox.RdfFormat] = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
"""Formats :meth:`Store.dump` writes; the dataset formats hold the named graphs, the triple
formats the union of all graphs (the default graph)."""

_DATASET_FORMATS = {"trig", "nquads", "jsonld"}


@dataclass(frozen=True)
class StoredDocument:
    """One document as the store knows it (from the metadata in its named graph)."""

    file_name: str
    content_hash: str
    title: str | None
    graph: str
    triples: int
    publisher: str | None = None
    issued: str | None = None
    pages: int | None = None


class _FileLock:
    """An ``fcntl.flock`` on a file, taken with a bounded wait.

    A shared lock opens its file read-only (creating it if it can), so readers work where they
    may not write; where the file can be neither opened nor made (a read-only file system
    without it) no one can write the store either, and the lock is skipped.
    """

    def __init__(self, path: Path, *, shared: bool, timeout: float) -> None:
        self.path = path
        self._fd: int | None = _open_lock_file(path, shared=shared)
        if self._fd is None:
            return
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(self._fd, mode | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _holder_text(self._fd, path)
                    os.close(self._fd)
                    self._fd = None
                    raise StoreLockedError(
                        f"{path.parent}: store is in use by another beleidsgraaf process"
                        f"{holder}; gave up after {timeout:g} s (try again when it has finished)"
                    ) from None
                time.sleep(0.05)
        if not shared:
            with contextlib.suppress(OSError):  # only a hint for systems without /proc/locks
                os.ftruncate(self._fd, 0)
                os.write(self._fd, str(os.getpid()).encode())

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def _open_lock_file(path: Path, *, shared: bool) -> int | None:
    if not shared:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    for flags in (os.O_RDONLY, os.O_RDONLY | os.O_CREAT):
        with contextlib.suppress(OSError):
            return os.open(path, flags, 0o644)
    return None


def _holder_text(fd: int, path: Path) -> str:
    """' (pid N, writing)' for the processes holding a lock on the file open as ``fd``.

    Read from ``/proc/locks``, which names every holder of an ``flock`` -- readers too, which a
    PID written into the file cannot. Elsewhere the PID the last writer wrote is the guess.
    """
    info = os.fstat(fd)
    device = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    holders: dict[int, str] = {}
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/locks").read_text().splitlines():
            fields = line.split()
            # '1: FLOCK  ADVISORY  WRITE 1234 fe:00:5678 0 EOF'; waiters are marked '->'.
            if len(fields) >= 6 and fields[1] == "FLOCK" and fields[5] == device:
                holders[int(fields[4])] = "writing" if fields[3] == "WRITE" else "reading"
    if holders:
        return " (" + ", ".join(f"pid {pid}, {what}" for pid, what in sorted(holders.items())) + ")"
    with contextlib.suppress(OSError, ValueError):
        pid = int(path.read_text().strip() or "0")
        if pid:
            return f" (pid {pid})"
    return ""


def _snapshot_names(folder: Path) -> list[str]:
    """The published snapshots in ``folder``, oldest first (hidden ones are being made or
    deleted)."""
    try:
        return sorted(e.name for e in folder.iterdir() if e.name.isdigit())
    except OSError:
        return []


class _SnapshotPin:
    """A shared lock on a snapshot: while it is held, no writer deletes the snapshot.

    A snapshot whose lock file is missing (a store copied without its lock files) gets one;
    where none can be made (a read-only file system) no writer can delete it either.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fd: int | None = _open_lock_file(folder / LOCK_FILE, shared=True)
        if self._fd is None:
            if not folder.is_dir():
                raise FileNotFoundError(folder)  # deleted by a writer meanwhile
            return
        try:
            fcntl.flock(self._fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._fd)
            raise

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def _pin_newest_snapshot(store: Path) -> _SnapshotPin | None:
    """Pin the newest snapshot of ``store`` (``None`` when it has none yet).

    A writer may publish a newer one and delete this one between our listing and our lock; it
    deletes only what it can lock exclusively, and renames it away first, so a pin whose folder
    is gone afterwards lost that race and the newest is looked up again.
    """
    folder = store / SNAPSHOTS
    for _ in range(100):
        names = _snapshot_names(folder)
        if not names:
            return None
        snapshot = folder / names[-1]
        try:
            pin = _SnapshotPin(snapshot)
        except (BlockingIOError, FileNotFoundError):
            time.sleep(0.01)
            continue
        if (snapshot / "CURRENT").is_file():
            return pin
        pin.release()
    raise StoreError(f"{store}: could not open a snapshot (writers keep replacing them)")


def _storage_error(path: Path | str, exc: BaseException, doing: str) -> StoreError:
    """The one-line error for a failure of the database itself: damaged, or not usable."""
    detail = " ".join(str(exc).split())[:300]
    missing = "No such file or directory" in detail and f"{path}/" in detail  # a file of its own
    if isinstance(exc, RuntimeError) or "Corruption" in detail or missing:
        return StoreDamagedError(
            f"{path}: the store is damaged ({detail}); its documents must be built again: move it "
            f"aside (mv {path} {path}.damaged) and run beleidsgraaf build on the documents"
        )
    return StoreError(f"{path}: {doing}: {detail}")


def _refuse_foreign_folder(path: Path) -> None:
    """A store is written only into a new or empty folder or one that is already a store."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: is a file, not a store folder (choose another --store)")
    if not path.is_dir() or any((path / name).exists() for name in _STORE_FILES):
        return
    if next(path.iterdir(), None) is not None:
        raise StoreError(
            f"{path}: this folder holds other files and no store; a store needs a folder of its "
            "own (choose a new or empty folder with --store or BELEIDSGRAAF_STORE)"
        )


_STORE_FILES = ("CURRENT", LOCK_FILE, UNION_MARKER, SNAPSHOTS)
"""Files whose presence says a folder is (or was being made into) a store."""

_UNION_NOTE = "The default graph is the union of the named graphs (graph/store.py).\n"


def _delete_snapshot(folder: Path) -> None:
    """Delete a snapshot unless a reader holds it; hidden leftovers of a killed publish go too."""
    fd: int | None = None
    if not folder.name.startswith("."):
        with contextlib.suppress(OSError):  # no lock file: a snapshot that never finished
            fd = os.open(folder / LOCK_FILE, os.O_RDONLY)
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                return  # a reader uses it: it stays
    try:
        trash = folder.with_name(f".trash-{folder.name.lstrip('.')}")
        with contextlib.suppress(OSError):
            folder = folder.rename(trash)
        shutil.rmtree(folder, ignore_errors=True)
    finally:
        if fd is not None:
            os.close(fd)


class Store:
    """An Oxigraph store; ``path=None`` gives an in-memory one (tests, benchmarks).

    Use as a context manager (or call :meth:`close`) so the process lock is released promptly.

    Examples
    --------
    >>> from beleidsgraaf.records import DocumentInfo, Extraction
    >>> store = Store()
    >>> plan = Extraction(DocumentInfo("ab" * 32, "plan.txt", "txt", title="Plan"))
    >>> store.write_extraction(plan), store.write_extraction(plan)  # the second changes nothing
    (True, False)
    >>> [(d.file_name, d.title) for d in store.documents()]
    [('plan.txt', 'Plan')]
    """

    def __init__(
        self, path: Path | None = None, *, read_only: bool = False, lock_timeout: float = 30.0
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._write_lock = threading.RLock()
        self._file_lock: _FileLock | _SnapshotPin | None = None
        self._store: ox.Store | None = None
        self._union = True
        """Whether the default graph is the maintained union (else queries use the union flag)."""
        if path is None:
            if read_only:
                raise StoreError("an in-memory store cannot be opened read-only")
            self._store = ox.Store()
            return
        path = Path(path)
        try:
            location = self._lock(path, lock_timeout)
            folder = str(location)
            self._store = ox.Store.read_only(folder) if read_only else ox.Store(folder)
        except BaseException as exc:
            self.close()
            if isinstance(exc, StoreError):
                raise
            if isinstance(exc, OSError | RuntimeError | ValueError):
                raise _storage_error(path, exc, "cannot open the store") from exc
            raise
        self._union = (location / UNION_MARKER).is_file()
        if not read_only and not self._union:
            self._upgrade()

    def _lock(self, path: Path, timeout: float) -> Path:
        """Take this opener's lock; the folder to open (the store, or a snapshot of it)."""
        if self.read_only:
            if not (path / "CURRENT").is_file():
                raise StoreError(f"{path}: no store here (build one first: beleidsgraaf build)")
            pin = _pin_newest_snapshot(path)
            if pin is not None:
                self._file_lock = pin
                return pin.folder
            self._file_lock = _FileLock(path / LOCK_FILE, shared=True, timeout=timeout)
            return path
        _refuse_foreign_folder(path)
        try:
            path.mkdir(parents=True, exist_ok=True)
            self._file_lock = _FileLock(path / LOCK_FILE, shared=False, timeout=timeout)
        except OSError as exc:
            raise StoreError(f"{path}: cannot open the store: {exc.strerror or exc}") from exc
        return path

    def _upgrade(self) -> None:
        """Make the default graph the union of the named graphs, then write the marker.

        For a store written before the default graph was maintained (or a folder filled by
        pyoxigraph's ``bulk_load``). One transaction per named graph keeps each small (one huge
        transaction grows faster than linearly); the marker is written only after a flush, so an
        interruption leaves no marker and the next read-write open redoes it (adding is
        idempotent). Triples already in the default graph are kept: nothing is lost.
        """
        store = self.oxigraph
        with self._write_lock:
            for graph in store.named_graphs():
                if isinstance(graph, ox.NamedNode):
                    store.update(_bind_graph(sparql_file("default-graph-add"), graph.value))
            self._mark_union()

    def _mark_union(self) -> None:
        if self.path is not None:
            self.oxigraph.flush()
            marker = Path(self.path) / UNION_MARKER
            with marker.open("w", encoding="utf-8") as fh:
                fh.write(_UNION_NOTE)
                fh.flush()
                os.fsync(fh.fileno())
        self._union = True

    # -- life cycle -----------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:  # the error already on its way says more than a failed snapshot
            with contextlib.suppress(StoreError):
                self.close()

    def close(self) -> None:
        """Flush, publish a snapshot for readers (read-write only), close, release the lock.

        Raises
        ------
        StoreError
            The snapshot could not be made (disk full): what was written is stored, but readers
            see the previous snapshot until a later writer publishes.
        """
        try:
            if self._store is not None and not self.read_only and self.path is not None:
                with contextlib.suppress(OSError):
                    self._store.flush()
                self._publish()
        finally:
            self._store = None
            if self._file_lock is not None:
                self._file_lock.release()
                self._file_lock = None

    def _publish(self) -> None:
        """Make a snapshot of the store for readers, then delete the older ones no reader uses.

        Made under a hidden name and renamed into place, so readers only ever see whole
        snapshots; leftovers of a publish that was killed are deleted by the next one.
        """
        assert self.path is not None
        folder = Path(self.path) / SNAPSHOTS
        names = _snapshot_names(folder)
        name = f"{int(names[-1]) + 1 if names else 1:012d}"
        incoming = folder / f".incoming-{name}"
        try:
            folder.mkdir(exist_ok=True)
            shutil.rmtree(incoming, ignore_errors=True)
            self.oxigraph.backup(str(incoming))
            if self._union:
                (incoming / UNION_MARKER).write_text(_UNION_NOTE, encoding="utf-8")
            (incoming / LOCK_FILE).touch()
            incoming.rename(folder / name)
        except (OSError, RuntimeError) as exc:
            shutil.rmtree(incoming, ignore_errors=True)
            raise StoreError(
                f"{self.path}: stored, but the snapshot that query and serve read could not be "
                f"made ({' '.join(str(exc).split())[:200]}); they see the previous one"
            ) from exc
        for old in folder.iterdir():
            if old.name != name:
                _delete_snapshot(old)

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying ``pyoxigraph.Store``."""
        if self._store is None:
            raise StoreError(f"{self.path or 'in-memory store'}: store is closed")
        return self._store

    @contextlib.contextmanager
    def lock(self) -> Iterator[Store]:
        """Hold the write lock for a batch of writes.

        Across processes the exclusive file lock is taken when a read-write store is opened (RocksDB
        admits one writer anyway), so this only serialises writer *threads* of this process; it is
        re-entrant, and every write method takes it itself.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: store is open read-only")
        with self._write_lock:
            yield self

    # -- writing --------------------------------------------------------------------------------

    def write_extraction(self, extraction: Extraction, links: LinkDecisions | None = None) -> bool:
        """Replace this document's named graph, atomically; ``False`` when nothing changed.

        A document is known by its file name (``DocumentInfo.file_name``, made printable with
        :func:`~beleidsgraaf.errors.printable` so that what is stored is what is looked up). An
        older version of the same name (another content hash) is dropped in the same
        transaction, so re-extracting an edited file never leaves two versions. ``links`` are the
        curator file's verdicts on registry links.
        """
        info = extraction.document
        shown = printable(info.file_name)
        if shown != info.file_name:
            extraction = replace(extraction, document=replace(info, file_name=shown))
        name = str(extraction_graph_name(extraction))
        triples = extraction_triples(extraction, links)
        file_name = extraction.document.file_name
        with self.lock():
            rows = self.select(sparql_file("graphs-of-file"), {"file": ox.Literal(file_name)})
            older = [row["g"].value for row in rows if row["g"].value != name]
            if not older and self._graph_triples(name) == triples:
                return False
            self._replace_graphs(name, triples, drop=older)
        return True

    def load_vocabulary(self, graph: Graph) -> None:
        """Replace the vocabulary named graph (ontology, SKOS schemes, authority list)."""
        with self.lock():
            self._replace_graphs(VOCABULARY_GRAPH, _to_triples(graph), drop=[])

    def replace_graph(self, name: URIRef | str, graph: Graph | Iterable[ox.Triple]) -> None:
        """Replace any named graph ``name`` by ``graph``'s triples, in one transaction."""
        triples = _to_triples(graph) if isinstance(graph, Graph) else set(graph)
        with self.lock():
            self._replace_graphs(str(name), triples, drop=[])

    def remove_document(self, name_or_hash: str) -> int:
        """Drop a document's graph (by name, content hash or hash prefix, or graph IRI).

        The name is the one the build stored (``oost/nota.txt``, shown by ``documents()``); a
        bare file name (``nota.txt``) is enough when only one document has it. Returns the
        number of triples removed. Entities the document shares with others survive: their
        triples live in the other documents' graphs too.
        """
        key = printable(name_or_hash.strip())
        documents = self.documents()
        matches = [
            d
            for d in documents
            if key in (d.file_name, d.graph) or (len(key) >= 8 and d.content_hash.startswith(key))
        ] or [d for d in documents if d.file_name.rsplit("/", 1)[-1] == key]
        if not matches:
            raise StoreError(f"{self.path or 'store'}: no document '{key}' in the store")
        if len({d.graph for d in matches}) > 1:
            names = ", ".join(sorted({d.file_name for d in matches}))
            raise StoreError(
                f"'{key}' matches {len(matches)} documents ({names}); give the full name or the "
                "content hash"
            )
        with self.lock():
            removed = matches[0].triples
            self._run_update(self._drop(matches[0].graph), matches[0].graph)
        return removed

    def remove_graph(self, name: URIRef | str) -> None:
        """Drop any named graph (no error when absent)."""
        with self.lock():
            self._run_update(self._drop(str(name)), str(name))

    def update(self, update: str) -> None:
        """Run any SPARQL Update (``serve --update-token``), then re-derive the default graph.

        The update may change named graphs in any way, so the union is recomputed in the same
        request (one transaction): default-graph triples no named graph holds are deleted and every
        named graph is added again. That costs a pass over the store (seconds at 1M quads); the
        document writes above maintain it per graph instead. Triples an update writes to the
        default graph itself are therefore dropped unless a named graph holds them.
        """
        with self.lock():
            resync = (
                sparql_file("default-graph-resync") + " ;\n" + sparql_file("default-graph-add")
                if self._union
                else ""
            )
            try:
                self.oxigraph.update(f"{update} ;\n{resync}" if resync else update)
            except SyntaxError as exc:
                raise QueryError(f"malformed SPARQL update: {_one_line(exc)}") from exc
            except (OSError, RuntimeError) as exc:
                raise _storage_error(self.path or "store", exc, "update failed") from exc
            if self.path is not None:
                self._publish()  # readers see the update now, not when the server stops

    def _drop(self, name: str) -> str:
        """Update text that drops graph ``name`` and forgets its triples in the default graph."""
        return drop_graph_update(name, union_default=self._union)

    def _replace_graphs(self, name: str, triples: set[ox.Triple], drop: list[str]) -> None:
        graph = ox.NamedNode(name)
        add = " ;\n" + union_add_update(graph.value) if self._union else ""
        update = (
            "".join(self._drop(g) for g in [*drop, name])
            + f"INSERT DATA {{ GRAPH <{graph.value}> {{\n{ntriples_text(triples)}\n}} }}{add}"
        )
        self._run_update(update, f"<{name}>")

    def _run_update(self, update: str, what: str) -> None:
        try:
            self.oxigraph.update(update)
        except SyntaxError as exc:
            raise StoreError(f"{self.path or 'store'}: writing graph {what} failed: {exc}") from exc
        except (OSError, RuntimeError) as exc:
            raise _storage_error(self.path or "store", exc, f"writing graph {what} failed") from exc

    def bulk_load(self, path: Path, fmt: str = "nquads") -> None:
        """Load a dump (TriG or N-Quads) fast, then derive the default graph.

        pyoxigraph's ``bulk_load`` is not transactional (it is what restoring a 1M-quad dump
        needs: one transaction of that size takes minutes). The marker is removed first and
        written back once the default graph is derived, so an interrupted load is redone by the
        next read-write open (:meth:`_upgrade`). Triples outside named graphs in the file stay in
        the default graph.
        """
        if fmt not in _DATASET_FORMATS - {"jsonld"}:
            raise StoreError(f"bulk_load reads trig or nquads, not {fmt!r}")
        with self.lock():
            if self.path is not None:
                (Path(self.path) / UNION_MARKER).unlink(missing_ok=True)
            try:
                self.oxigraph.bulk_load(path=str(path), format=DUMP_FORMATS[fmt])
            except (OSError, SyntaxError) as exc:
                raise StoreError(f"{path}: cannot load: {exc}") from exc
            self._union = False
            self._upgrade()

    def _graph_triples(self, name: str) -> set[ox.Triple]:
        g = ox.NamedNode(name)
        return {
            ox.Triple(q.subject, q.predicate, q.object)
            for q in self.oxigraph.quads_for_pattern(None, None, None, g)
        }

    # -- reading --------------------------------------------------------------------------------

    def documents(self) -> list[StoredDocument]:
        """Every document in the store, by file name."""
        store = self.oxigraph
        out = []
        for row in self.select(sparql_file("documents")):
            g = row["g"]
            count = sum(1 for _ in store.quads_for_pattern(None, None, None, g))
            pages = row.get("pages")
            out.append(
                StoredDocument(
                    file_name=row["file"].value,
                    content_hash=row["hash"].value,
                    title=row["title"].value if "title" in row else None,
                    graph=row["g"].value,
                    triples=count,
                    publisher=row["publisher"].value if "publisher" in row else None,
                    issued=row["issued"].value if "issued" in row else None,
                    pages=int(pages.value) if pages is not None else None,
                )
            )
        return out

    def graphs(self) -> list[str]:
        """IRIs of every named graph (documents and the vocabulary)."""
        return sorted(g.value for g in self.oxigraph.named_graphs() if isinstance(g, ox.NamedNode))

    def select(
        self,
        query: str,
        bindings: Mapping[str, Term] | None = None,
        *,
        timeout: float | None = None,
    ) -> list[dict[str, Term]]:
        """Run a SELECT over the default graph (the union of all named graphs); rows as dicts.

        ``bindings`` are bound as RDF terms by a ``VALUES`` block of serialised terms
        (:func:`~beleidsgraaf.graph.sparql_terms.inject_values`), never pasted as text.
        """
        result = self.query(query, bindings, timeout=timeout)
        if result.kind != "select":
            raise QueryError(f"expected a SELECT query, got {result.kind.upper()}")
        return list(result.rows)

    def query(
        self,
        query: str,
        bindings: Mapping[str, Term] | None = None,
        *,
        timeout: float | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        """Run any query (SELECT, ASK, CONSTRUCT, DESCRIBE); its default graph is the union.

        With ``timeout`` the evaluation runs in a worker thread (pyoxigraph releases the GIL) and
        a :class:`QueryError` is raised when it is not done in time. An in-process query cannot be
        interrupted, so the thread is left to finish in the background; ``serve`` bounds how many
        such threads may exist.
        """
        store = self.oxigraph
        union = self._union
        query = inject_values(query, bindings or {})

        def run() -> QueryResult:
            # pyoxigraph result iterators are thread-bound ("unsendable"): they must die on the
            # thread that made them, so no exception raised here may keep one alive in its
            # traceback. Errors are turned into messages first and raised afresh afterwards.
            message = ""
            damaged: StoreError | None = None
            raw: Any = None
            try:
                raw = store.query(query, use_default_graph_as_union=not union)
                return QueryResult.from_oxigraph(raw, max_rows=max_rows)
            except QueryError as exc:
                message = str(exc)
            except SyntaxError as exc:
                message = f"malformed SPARQL: {_one_line(exc)}"
            except (OSError, RuntimeError, ValueError) as exc:
                # e.g. an evaluation error inside the engine, or a table file found damaged
                message = f"query failed: {_one_line(exc)}"
                if "Corruption" in message or isinstance(exc, RuntimeError):
                    damaged = _storage_error(self.path or "store", exc, "query failed")
            finally:
                raw = None
            if damaged is not None:
                raise damaged
            raise QueryError(message)

        if timeout is None:
            return run()
        return _with_timeout(run, timeout)

    def dump(self, fmt: str = "trig", output: IO[bytes] | Path | None = None) -> bytes | None:
        """Serialise the store: TriG, N-Quads or JSON-LD hold the named graphs; Turtle and
        N-Triples the union of all graphs (duplicates merged).

        The dataset formats leave the default graph out: it is derived (the union of the named
        graphs), so writing it would double the dump, and :meth:`bulk_load` derives it again --
        loading a dump gives the same store.
        """
        if fmt not in DUMP_FORMATS:
            raise StoreError(f"unknown export format {fmt!r} (use {', '.join(DUMP_FORMATS)})")
        rdf_format = DUMP_FORMATS[fmt]
        prefixes = {"bg": DEF, "id": BASE + "id/"} if fmt in ("trig", "turtle") else None
        quads: list[Any]
        store = self.oxigraph
        if fmt in _DATASET_FORMATS:
            quads = sorted(
                (q for q in store if not self._union or q.graph_name != ox.DefaultGraph()), key=str
            )
        elif self._union:
            quads = sorted(
                (q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())),
                key=str,
            )
        else:
            quads = sorted({q.triple for q in store}, key=str)
        if isinstance(output, Path):
            with writable_output(output).open("wb") as fh:
                ox.serialize(quads, fh, format=rdf_format, prefixes=prefixes)
            return None
        return ox.serialize(quads, output, format=rdf_format, prefixes=prefixes)

    def __len__(self) -> int:
        """Quads in named graphs (the default graph is derived from them, so not counted)."""
        store = self.oxigraph
        if not self._union:
            return len(store)
        default = int(self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"].value)
        return len(store) - default


def writable_output(path: Path) -> Path:
    """``path``, if writing an output file there replaces at most a regular file.

    Outputs (the TriG dump, the map, the report, exports) are written to paths users give, and
    one of them may already be something else: a symbolic link (writing would replace the file
    it points to, anywhere), a FIFO (the write would block forever) or a device (``/dev/sda``).
    Those are refused with one line; a missing file or a regular one is fine.

    Raises
    ------
    ConfigError
        ``path`` is a link, FIFO, device, socket or folder, or its folder cannot be looked at.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise ConfigError(f"{path}: cannot write here: {reason}") from exc
    if stat.S_ISREG(info.st_mode):
        return path
    kinds = {stat.S_IFLNK: "a symbolic link", stat.S_IFIFO: "a FIFO", stat.S_IFDIR: "a folder"}
    kind = kinds.get(stat.S_IFMT(info.st_mode), "a device or socket")
    raise ConfigError(
        f"{path}: is {kind}, not a file; refusing to write over it (remove it or choose another "
        "output path)"
    )


@functools.cache
def sparql_file(name: str) -> str:
    """The text of ``graph/sparql/<name>.rq`` (queries this package runs itself)."""
    return (files("beleidsgraaf.graph") / "sparql" / f"{name}.rq").read_text(encoding="utf-8")


def drop_graph_update(graph: str, *, union_default: bool) -> str:
    """SPARQL Update text (ending in ``;``) that drops ``graph``; with ``union_default`` it first
    removes from the default graph the triples no other named graph holds (``graph.push`` sends
    the same text to a server whose default graph it maintains)."""
    iri = ox.NamedNode(graph).value  # validates the IRI before it is written into the update
    forget = _bind_graph(sparql_file("default-graph-forget"), iri) + " ;\n" if union_default else ""
    return f"{forget}DROP SILENT GRAPH <{iri}> ;\n"


def union_add_update(graph: str) -> str:
    """SPARQL Update text that copies ``graph``'s triples into the default graph."""
    return _bind_graph(sparql_file("default-graph-add"), graph)


def _bind_graph(update: str, iri: str) -> str:
    """Bind ``?graph`` in a maintenance update (``VALUES ?graph { UNDEF }``) to one graph IRI."""
    iri = ox.NamedNode(iri).value
    if "VALUES ?graph { UNDEF }" not in update:
        raise StoreError("maintenance update without a ?graph binding")
    return update.replace("VALUES ?graph { UNDEF }", f"VALUES ?graph {{ <{iri}> }}", 1)


def ntriples_text(triples: Iterable[ox.Triple]) -> str:
    """Triples as canonical N-Triples, written by pyoxigraph (in Rust: ~5x faster than building
    the text in Python). Every N-Triples line is valid SPARQL ``INSERT DATA`` syntax: quotes,
    backslashes and line breaks are escaped, so no text can end a literal early."""
    return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")


def _to_triples(graph: Graph) -> set[ox.Triple]:
    """rdflib graph -> pyoxigraph triples, through N-Triples (exact for every term)."""
    data = graph.serialize(format="nt", encoding="utf-8")
    try:
        return {q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)}
    except SyntaxError as exc:
        raise StoreError(f"the graph to write is not valid RDF: {exc}") from exc


def _one_line(exc: BaseException, limit: int = 240) -> str:
    """The parser's message (it starts with 'error at LINE:COLUMN') on one bounded line."""
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _with_timeout(run: Any, timeout: float) -> QueryResult:
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["result"] = run()
        except BaseException as exc:
            box["error"] = exc

    worker = threading.Thread(target=target, name="sparql-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryError(
            f"query timed out after {timeout:g} s (make it more selective or add LIMIT)"
        )
    if "error" in box:
        raise box["error"]
    result: QueryResult = box["result"]
    return result
