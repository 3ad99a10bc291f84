"""Push the embedded store's named graphs to a shared SPARQL 1.1 server.

Each named graph (every document, and the vocabulary) is *replaced* on the server, never appended
to, so pushing twice gives the same server state and a changed document replaces its graph:

* ``method="update"`` (default, any SPARQL 1.1 Update endpoint, Virtuoso included): per graph
  ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }``. Small graphs are *batched*:
  consecutive graphs go in one request until it holds ``chunk`` triples (one request is one
  transaction on Oxigraph and Virtuoso, so each graph is still replaced atomically; fewer HTTP
  round trips and transactions is what bounded push throughput, ``bench/analysis.md`` §5).
  Graphs larger than ``chunk`` triples continue with further ``INSERT DATA`` requests (only those
  large graphs are not replaced atomically).
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

from dataclasses import dataclass, field
from typing import Protocol

import pyoxigraph as ox

from beleidsgraaf.graph.results import QueryResult
from beleidsgraaf.graph.store import (
    Store,
    drop_graph_update,
    ntriples_text,
    sparql_file,
    union_add_update,
)
from beleidsgraaf.ontology.iri import BASE

__all__ = ["PushReport", "RemoteStore", "push"]


class RemoteStore(Protocol):
    """What :func:`push` needs from a remote endpoint."""

    def query(self, query: str) -> QueryResult: ...

    def update(self, update: str) -> None: ...

    def put_graph(self, graph_store_url: str, graph: str, ntriples: bytes) -> None: ...


@dataclass
class PushReport:
    """What a push did."""

    graphs: int = 0
    triples: int = 0
    dropped: list[str] = field(default_factory=list)


def push(
    store: Store,
    remote: RemoteStore,
    *,
    method: str = "update",
    graph_store_url: str | None = None,
    prune: bool = False,
    chunk: int = 20_000,
    union_default: bool = False,
) -> PushReport:
    """Replace every named graph of ``store`` on ``remote``; see the module docstring."""
    if method not in ("update", "gsp"):
        raise ValueError(f"unknown push method {method!r}")
    if union_default and method != "update":
        raise ValueError("union_default needs method='update' (one request per change)")
    local = {d.graph: d.file_name for d in store.documents()}
    report = PushReport()
    batch: list[str] = []
    batched = 0

    def send() -> None:
        nonlocal batched
        if batch:
            remote.update(" ;\n".join(batch))
            batch.clear()
            batched = 0

    for name in store.graphs():
        graph = ox.NamedNode(name)
        triples = sorted(
            (q.triple for q in store.oxigraph.quads_for_pattern(None, None, None, graph)), key=str
        )
        if method == "gsp" and graph_store_url:
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            remote.put_graph(graph_store_url, name, data)
        else:
            if batched + len(triples) > chunk:
                send()
            first, rest = triples[:chunk], triples[chunk:]
            batch.append(
                drop_graph_update(name, union_default=union_default)
                + f"INSERT DATA {{ GRAPH <{name}> {{\n{ntriples_text(first)}\n}} }}"
            )
            batched += len(first)
            if rest:
                send()
                for start in range(0, len(rest), chunk):
                    block = ntriples_text(rest[start : start + chunk])
                    remote.update(f"INSERT DATA {{ GRAPH <{name}> {{\n{block}\n}} }}")
            if union_default:
                batch.append(union_add_update(name))
        report.graphs += 1
        report.triples += len(triples)
    send()
    pushed_files = set(local.values())
    for row in remote.query(sparql_file("documents")).rows:
        g, file_name = row["g"].value, row["file"].value
        if g in local or not g.startswith(BASE + "graph/"):
            continue
        if file_name in pushed_files or prune:
            remote.update(drop_graph_update(g, union_default=union_default).rstrip(" ;\n"))
            report.dropped.append(g)
    return report
