"""The embedded store: an Oxigraph database on disk, one named graph per document.

Minimal first version: open, replace a document's graph, remove it, run SPARQL, dump. Hardening
(locking, crash safety, incremental builds) follows in the store issue.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

__all__ = ["Store"]


class Store:
    """An Oxigraph store; ``path=None`` gives an in-memory one (tests, benchmarks)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is not None:
            path.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(path))
        else:
            self._store = ox.Store()
        self.path = path

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying ``pyoxigraph.Store``."""
        return self._store

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Replace the named graph ``name`` by ``graph``'s triples."""
        data = graph.serialize(format="nt", encoding="utf-8")
        g = ox.NamedNode(str(name))
        if self._has_graph(g):
            self._store.remove_graph(g)
        self._store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=g)

    def _has_graph(self, g: ox.NamedNode) -> bool:
        return bool(self._store.contains_named_graph(g))

    def remove_graph(self, name: URIRef) -> None:
        g = ox.NamedNode(str(name))
        if self._has_graph(g):
            self._store.remove_graph(g)

    def select(
        self, query: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None
    ) -> list[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode]]:
        """Run a SELECT over the union of all named graphs; rows as {variable: term}."""
        result = self._store.query(
            query,
            use_default_graph_as_union=True,
            substitutions={ox.Variable(k): v for k, v in (bindings or {}).items()},
        )
        assert isinstance(result, ox.QuerySolutions)
        names = [v.value for v in result.variables]
        return [{n: s[n] for n in names if s[n] is not None} for s in result]

    def __len__(self) -> int:
        return len(self._store)
