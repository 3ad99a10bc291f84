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

Locking. RocksDB allows one read-write opener per folder; a second one would fail with a cryptic
I/O error. A read-write :class:`Store` therefore takes an exclusive ``fcntl`` lock on
``<store>/beleidsgraaf.lock`` before opening (waiting up to ``lock_timeout`` seconds, then
:class:`~beleidsgraaf.errors.StoreLockedError`); read-only openers (``query``, ``serve``) take a
shared lock, because pyoxigraph calls a read-only open next to a writer undefined behaviour.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from beleidsgraaf.errors import QueryError, StoreError, StoreLockedError
from beleidsgraaf.graph.results import QueryResult, Term
from beleidsgraaf.graph.sparql_terms import inject_values
from beleidsgraaf.graph.writer import extraction_graph_name, extraction_triples
from beleidsgraaf.ingest.records import Extraction
from beleidsgraaf.ontology.authority import VOCABULARY_GRAPH
from beleidsgraaf.ontology.iri import BASE, DEF

__all__ = [
    "DUMP_FORMATS",
    "LOCK_FILE",
    "VOCABULARY_GRAPH",
    "Store",
    "StoredDocument",
    "sparql_file",
]


LOCK_FILE = "beleidsgraaf.lock"

DUMP_FORMATS: dict[str, ox.RdfFormat] = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
"""Formats :meth:`Store.dump` writes; the triple formats hold the union of all graphs."""

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
    """An ``fcntl.flock`` on a file, taken with a bounded wait."""

    def __init__(self, path: Path, *, shared: bool, timeout: float) -> None:
        self.path = path
        flags = os.O_RDWR | os.O_CREAT
        self._fd: int | None = os.open(path, flags, 0o644)
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(self._fd, mode | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = self._holder()
                    os.close(self._fd)
                    self._fd = None
                    raise StoreLockedError(
                        f"{path.parent}: store is in use by another beleidsgraaf process"
                        f"{holder}; gave up after {timeout:g} s (try again when it has finished)"
                    ) from None
                time.sleep(0.05)
        if not shared:
            os.ftruncate(self._fd, 0)
            os.write(self._fd, str(os.getpid()).encode())

    def _holder(self) -> str:
        with contextlib.suppress(OSError, ValueError):
            pid = int(self.path.read_text().strip() or "0")
            if pid:
                return f" (pid {pid})"
        return ""

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


class Store:
    """An Oxigraph store; ``path=None`` gives an in-memory one (tests, benchmarks).

    Use as a context manager (or call :meth:`close`) so the process lock is released promptly.

    Examples
    --------
    >>> from beleidsgraaf.ingest.records import DocumentInfo, Extraction
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
        self._file_lock: _FileLock | None = None
        if path is None:
            if read_only:
                raise StoreError("an in-memory store cannot be opened read-only")
            self._store: ox.Store | None = ox.Store()
            return
        path = Path(path)
        try:
            if read_only:
                if not (path / "CURRENT").is_file():
                    raise StoreError(f"{path}: no store here (build one first: beleidsgraaf build)")
            else:
                path.mkdir(parents=True, exist_ok=True)
            self._file_lock = _FileLock(path / LOCK_FILE, shared=read_only, timeout=lock_timeout)
        except OSError as exc:
            raise StoreError(f"{path}: cannot open the store: {exc.strerror or exc}") from exc
        try:
            self._store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as exc:
            self.close()
            raise StoreError(f"{path}: cannot open the store: {exc}") from exc

    # -- life cycle -----------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush, close the database and release the process lock."""
        if self._store is not None and not self.read_only and self.path is not None:
            with contextlib.suppress(OSError):
                self._store.flush()
        self._store = None
        if self._file_lock is not None:
            self._file_lock.release()
            self._file_lock = None

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

    def write_extraction(self, extraction: Extraction) -> bool:
        """Replace this document's named graph, atomically; ``False`` when nothing changed.

        An older version of the same file name (another content hash) is dropped in the same
        transaction, so re-extracting an edited file never leaves two versions.
        """
        name = str(extraction_graph_name(extraction))
        triples = extraction_triples(extraction)
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

    def replace_graph(self, name: URIRef | str, graph: Graph) -> None:
        """Replace any named graph ``name`` by ``graph``'s triples, in one transaction."""
        with self.lock():
            self._replace_graphs(str(name), _to_triples(graph), drop=[])

    def remove_document(self, name_or_hash: str) -> int:
        """Drop a document's graph (by file name, content hash or hash prefix, or graph IRI).

        Returns the number of triples removed. Entities the document shares with others survive:
        their triples live in the other documents' graphs too.
        """
        key = name_or_hash.strip()
        matches = [
            d
            for d in self.documents()
            if key in (d.file_name, d.graph) or (len(key) >= 8 and d.content_hash.startswith(key))
        ]
        if not matches:
            raise StoreError(f"{self.path or 'store'}: no document {key!r} in the store")
        if len({d.graph for d in matches}) > 1:
            raise StoreError(f"{key!r} matches {len(matches)} documents; give the content hash")
        with self.lock():
            removed = matches[0].triples
            self.oxigraph.update(f"DROP SILENT GRAPH <{matches[0].graph}>")
        return removed

    def remove_graph(self, name: URIRef | str) -> None:
        """Drop any named graph (no error when absent)."""
        with self.lock():
            self.oxigraph.update(f"DROP SILENT GRAPH <{ox.NamedNode(str(name)).value}>")

    def _replace_graphs(self, name: str, triples: set[ox.Triple], drop: list[str]) -> None:
        graph = ox.NamedNode(name)  # validates the IRI before it is written into the update
        drops = "".join(f"DROP SILENT GRAPH <{ox.NamedNode(g).value}> ;\n" for g in drop)
        update = (
            f"{drops}DROP SILENT GRAPH <{graph.value}> ;\n"
            f"INSERT DATA {{ GRAPH <{graph.value}> {{\n"
            f"{_ntriples(triples)}\n}} }}"
        )
        try:
            self.oxigraph.update(update)
        except (OSError, SyntaxError) as exc:
            raise StoreError(
                f"{self.path or 'store'}: writing graph <{name}> failed: {exc}"
            ) from exc

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
        """Run a SELECT over the union of all named graphs; rows as {variable: term}.

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
        """Run any query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the union of all named graphs.

        With ``timeout`` the evaluation runs in a worker thread (pyoxigraph releases the GIL) and
        a :class:`QueryError` is raised when it is not done in time. An in-process query cannot be
        interrupted, so the thread is left to finish in the background; ``serve`` bounds how many
        such threads may exist.
        """
        store = self.oxigraph
        query = inject_values(query, bindings or {})

        def run() -> QueryResult:
            # pyoxigraph result iterators are thread-bound ("unsendable"): they must die on the
            # thread that made them, so no exception raised here may keep one alive in its
            # traceback. Errors are turned into messages first and raised afresh afterwards.
            message = ""
            raw: Any = None
            try:
                raw = store.query(query, use_default_graph_as_union=True)
                return QueryResult.from_oxigraph(raw, max_rows=max_rows)
            except QueryError as exc:
                message = str(exc)
            except SyntaxError as exc:
                message = f"malformed SPARQL: {_one_line(exc)}"
            except (OSError, RuntimeError, ValueError) as exc:
                # e.g. an evaluation error inside the engine
                message = f"query failed: {_one_line(exc)}"
            finally:
                raw = None
            raise QueryError(message)

        if timeout is None:
            return run()
        return _with_timeout(run, timeout)

    def dump(self, fmt: str = "trig", output: IO[bytes] | Path | None = None) -> bytes | None:
        """Serialise the store: TriG, N-Quads or JSON-LD keep the named graphs; Turtle and
        N-Triples hold the union of all graphs (duplicates merged)."""
        if fmt not in DUMP_FORMATS:
            raise StoreError(f"unknown export format {fmt!r} (use {', '.join(DUMP_FORMATS)})")
        rdf_format = DUMP_FORMATS[fmt]
        prefixes = {"bg": DEF, "id": BASE + "id/"} if fmt in ("trig", "turtle") else None
        quads: list[Any]
        if fmt in _DATASET_FORMATS:
            quads = sorted(self.oxigraph, key=str)
        else:
            quads = sorted(
                {ox.Triple(q.subject, q.predicate, q.object) for q in self.oxigraph}, key=str
            )
        if isinstance(output, Path):
            with output.open("wb") as fh:
                ox.serialize(quads, fh, format=rdf_format, prefixes=prefixes)
            return None
        return ox.serialize(quads, output, format=rdf_format, prefixes=prefixes)

    def __len__(self) -> int:
        return len(self.oxigraph)


def sparql_file(name: str) -> str:
    """The text of ``graph/sparql/<name>.rq`` (queries this package runs itself)."""
    return (files("beleidsgraaf.graph") / "sparql" / f"{name}.rq").read_text(encoding="utf-8")


def _ntriples(triples: set[ox.Triple]) -> str:
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
