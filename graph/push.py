"""Push the embedded store's named graphs to a shared SPARQL 1.1 server.

Each named graph (every document, and the vocabulary) is *replaced* on the server, never appended
to, so pushing twice gives the same server state and a changed document replaces its graph:

* ``method="update"`` (default, any SPARQL 1.1 Update endpoint, Virtuoso included): per graph
  ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }``. Small graphs are *batched*:
  consecutive graphs go in one request until it holds ``batch`` triples (one request is one
  transaction on Oxigraph and Virtuoso, so each graph is still replaced atomically; fewer HTTP
  round trips and transactions is what bounded push throughput, ``bench/analysis.md`` §5).
  A graph larger than the batch continues with further ``INSERT DATA`` requests (only such a
  graph is not replaced atomically).

  Servers limit the size of one request, each in its own way: Virtuoso compiles an update into
  SQL and refuses one of a few thousand triples ('SP030: SPARQL compiler ... memory exhausted',
  'SP031: ... length of generated SQL text'), a proxy answers 413. So the batch *adapts*: a
  request refused with such a size error (:data:`SIZE_ERRORS`) is sent again as requests of
  half the size, and the rest of the push keeps the smaller size. A size error refuses the whole
  request (nothing of it is applied), and every request that holds the start of a graph begins
  with that graph's ``DROP``, so sending again gives the same server state.
* ``method="gsp"``: the Graph Store Protocol, ``PUT <graph-store>?graph=<g>`` with N-Triples.

The library queries expect the default graph to be the union of the named graphs. A server gets
that either from its own configuration (``oxigraph serve --union-default-graph``; Virtuoso's
default graph is all graphs anyway) or, with ``union_default=True``, from the push itself: each
request then also maintains the server's *materialised* default graph exactly as the embedded
store does (``graph.store.drop_graph_update``, ``union_add_update``), in the same request as the
graph it changes. That makes the server answer as fast as the embedded store (no union to
evaluate per query); it needs an Oxigraph-like server started *without* ``--union-default-graph``
(with it, the materialised triples would be counted a second time) and the ``update`` method.
A server graph that holds an older version of a pushed document (same file name, other content
hash) is dropped; with ``prune=True`` every beleidsgraaf document graph the local store does not
have is dropped too.

This module does not import ``queries``: the remote side is anything with ``query`` (returning
rows) and ``update``/``put_graph`` -- ``beleidsgraaf.queries.endpoint.Endpoint``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import pyoxigraph as ox

from beleidsgraaf.errors import EndpointError
from beleidsgraaf.graph.results import QueryResult
from beleidsgraaf.graph.store import (
    Store,
    drop_graph_update,
    ntriples_text,
    sparql_file,
    union_add_update,
)
from beleidsgraaf.ontology.iri import BASE

__all__ = ["DEFAULT_BATCH", "SIZE_ERRORS", "PushReport", "RemoteStore", "push"]

DEFAULT_BATCH = 20_000
"""Triples per update request to start with (it halves on a server's size error)."""

SIZE_ERRORS: tuple[str, ...] = (
    "SP030",  # Virtuoso: SPARQL compiler ... memory exhausted
    "SP031",  # Virtuoso: the length of generated SQL text has exceeded ...
    "memory exhausted",
    "HTTP 413",  # a server or proxy: Payload / Request Entity Too Large
    "Too Large",
)
"""Text in an :class:`EndpointError` that says the request was too big (so a smaller one may
go through); any other error ends the push."""


class RemoteStore(Protocol):
    """What :func:`push` needs from a remote endpoint."""

    def query(self, query: str) -> QueryResult: ...

    def update(self, update: str) -> None: ...

    def put_graph(self, graph_store_url: str, graph: str, ntriples: bytes) -> None: ...


@dataclass
class PushReport:
    """What a push did: graphs and triples sent, update requests made (``method="update"``),
    the batch size it ended with (smaller than asked when the server refused bigger ones) and
    the old graphs it dropped."""

    graphs: int = 0
    triples: int = 0
    requests: int = 0
    batch: int = 0
    dropped: list[str] = field(default_factory=list)


Graph = tuple[str, list[ox.Triple]]
"""A named graph to push: its IRI and its triples, sorted."""


def push(
    store: Store,
    remote: RemoteStore,
    *,
    method: str = "update",
    graph_store_url: str | None = None,
    prune: bool = False,
    batch: int = DEFAULT_BATCH,
    union_default: bool = False,
) -> PushReport:
    """Replace every named graph of ``store`` on ``remote``; see the module docstring.

    ``batch``: triples per update request to start with; halved on a size error.
    """
    if method not in ("update", "gsp"):
        raise ValueError(f"unknown push method {method!r}")
    if union_default and method != "update":
        raise ValueError("union_default needs method='update' (one request per change)")
    if batch < 1:
        raise ValueError(f"batch must be at least 1 triple, not {batch}")
    local = {d.graph: d.file_name for d in store.documents()}
    graphs = [(name, _triples(store, name)) for name in store.graphs()]
    report = PushReport(graphs=len(graphs), triples=sum(len(t) for _, t in graphs), batch=batch)
    if method == "gsp" and graph_store_url:
        for name, triples in graphs:
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            remote.put_graph(graph_store_url, name, data)
    else:
        _send_updates(remote, graphs, report, union_default=union_default)
    pushed_files = set(local.values())
    for row in remote.query(sparql_file("documents")).rows:
        g, file_name = row["g"].value, row["file"].value
        if g in local or not g.startswith(BASE + "graph/"):
            continue
        if file_name in pushed_files or prune:
            remote.update(drop_graph_update(g, union_default=union_default).rstrip(" ;\n"))
            report.dropped.append(g)
    return report


def _triples(store: Store, name: str) -> list[ox.Triple]:
    quads = store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(name))
    return sorted((q.triple for q in quads), key=str)


def _send_updates(
    remote: RemoteStore, graphs: Sequence[Graph], report: PushReport, *, union_default: bool
) -> None:
    """Send ``graphs`` as update requests of at most ``report.batch`` triples, halving the batch
    (and sending the refused request again, smaller) when the server says it is too big."""
    position = (0, 0)  # (graph index, triples of that graph already sent)
    while position[0] < len(graphs):
        text, after = _request(graphs, position, report.batch, union_default=union_default)
        try:
            remote.update(text)
        except EndpointError as exc:
            if report.batch == 1 or not any(word in str(exc) for word in SIZE_ERRORS):
                raise
            report.batch //= 2
            continue
        report.requests += 1
        position = after


def _request(
    graphs: Sequence[Graph], position: tuple[int, int], batch: int, *, union_default: bool
) -> tuple[str, tuple[int, int]]:
    """The next update request from ``position``: at most ``batch`` triples, whole graphs where
    they fit (a graph that does not fit the room left starts the next request instead), a graph
    larger than ``batch`` split over requests. Returns the text and the position after it."""
    index, offset = position
    parts: list[str] = []
    room = batch
    while index < len(graphs) and room > 0:
        name, triples = graphs[index]
        if offset == 0 and parts and len(triples) > room:
            break  # keep a small graph whole: it goes in the next request
        if offset == 0:
            parts.append(drop_graph_update(name, union_default=union_default).rstrip(" ;\n"))
        block = triples[offset : offset + room]
        if block:
            parts.append(f"INSERT DATA {{ GRAPH <{name}> {{\n{ntriples_text(block)}\n}} }}")
        offset += len(block)
        room -= len(block)
        if offset < len(triples):
            break
        if union_default:
            parts.append(union_add_update(name))
        index, offset = index + 1, 0
    return " ;\n".join(parts), (index, offset)
