"""Export the store: RDF for other triple stores, the actor network for Gephi and Kumu.

RDF: TriG and N-Quads (every named graph kept), JSON-LD (named graphs kept), Turtle (the union of
all graphs, for tools that know no datasets). Actor network: GraphML and GEXF (Gephi) and two CSV
files, ``actors-nodes.csv`` and ``actors-edges.csv``, in the column names Kumu imports
(``Label``/``Type`` and ``From``/``To``/``Type``). The network is built by NetworkX from two
SPARQL queries in ``graph/sparql/``; an edge per (source, relation, target), weighted by the
number of documents stating it.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from beleidsgraaf.errors import StoreError
from beleidsgraaf.graph.store import Store, sparql_file
from beleidsgraaf.ontology.iri import DEF

__all__ = ["EXPORT_FORMATS", "actor_network", "check_formats", "export"]

EXPORT_FORMATS: dict[str, str] = {
    "trig": "graph.trig",
    "nquads": "graph.nq",
    "turtle": "graph.ttl",
    "jsonld": "graph.jsonld",
    "graphml": "actors.graphml",
    "gexf": "actors.gexf",
    "csv": "actors-nodes.csv",
}
"""Format name -> file written (``csv`` also writes ``actors-edges.csv``)."""


_IDENTIFIERS = ("ror", "wikidata", "tooi")
"""Registry identifiers (``skos:exactMatch``) carried as node attributes and CSV columns."""


def _local(iri: str) -> str:
    return iri[len(DEF) :] if iri.startswith(DEF) else iri


def actor_network(store: Store) -> nx.MultiDiGraph:
    """The typed actor network: nodes are entities (``label``, ``type``, ``documents``, and the
    registry ids ``ror``, ``wikidata``, ``tooi`` or ''), edges are relations keyed by predicate
    name (``relation``, ``weight`` = documents stating it)."""
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    for row in store.select(sparql_file("actor-nodes")):
        g.add_node(
            row["entity"].value,
            label=row["name"].value,
            type=_local(row["kind"].value),
            documents=int(row["documents"].value),
            **dict.fromkeys(_IDENTIFIERS, ""),
        )
    for row in store.select(sparql_file("actor-identifiers")):
        node = row["entity"].value
        if node in g:
            g.nodes[node].update({k: row[k].value for k in _IDENTIFIERS if k in row})
    for row in store.select(sparql_file("actor-edges")):
        source, target = row["source"].value, row["target"].value
        if source in g and target in g:
            relation = _local(row["relation"].value)
            g.add_edge(
                source, target, key=relation, relation=relation, weight=int(row["documents"].value)
            )
    return g


def _write_csv(g: nx.MultiDiGraph, nodes: Path, edges: Path) -> None:
    with nodes.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ID", "Label", "Type", "Documents", "ROR", "Wikidata", "TOOI"])
        for node, data in sorted(g.nodes(data=True)):
            ids = [data[k] for k in _IDENTIFIERS]
            writer.writerow([node, data["label"], data["type"], data["documents"], *ids])
    with edges.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["From", "To", "Type", "Weight"])
        for source, target, data in sorted(
            g.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"])
        ):
            writer.writerow([source, target, data["relation"], data["weight"]])


def check_formats(formats: list[str] | None) -> list[str]:
    """The formats to write (default: all); an unknown one is a one-line error."""
    chosen = formats or list(EXPORT_FORMATS)
    unknown = [f for f in chosen if f not in EXPORT_FORMATS]
    if unknown:
        raise StoreError(f"unknown export format {unknown[0]!r} (use {', '.join(EXPORT_FORMATS)})")
    return chosen


def export(store: Store, folder: Path, formats: list[str] | None = None) -> list[Path]:
    """Write the chosen formats (default: all of :data:`EXPORT_FORMATS`) into ``folder``."""
    chosen = check_formats(formats)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot create the export folder: {exc.strerror}") from exc
    written: list[Path] = []
    network = None
    for fmt in chosen:
        path = folder / EXPORT_FORMATS[fmt]
        if fmt in ("trig", "nquads", "turtle", "jsonld"):
            store.dump(fmt, path)
        else:
            network = network if network is not None else actor_network(store)
            if fmt == "graphml":
                nx.write_graphml(network, path)
            elif fmt == "gexf":
                nx.write_gexf(network, path)
            else:
                edges = folder / "actors-edges.csv"
                _write_csv(network, path, edges)
                written.append(edges)
        written.append(path)
    return written
