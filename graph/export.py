"""Export the store: RDF for other triple stores, the actor network for Gephi and Kumu.

RDF: TriG, N-Quads and JSON-LD keep every named graph (one per document, and the vocabulary) and
leave the default graph *empty*: in the store it is derived (the union), so it is not written. A
tool that queries or validates only the default graph (Jena's ``sparql``/``shacl`` on a TriG
file, most RDF libraries loading a file into one graph) sees nothing there; give it the union
instead, ``graph.ttl`` (Turtle) or ``graph.nt`` (N-Triples).

Actor network: one node per entity, one edge per (source, relation, target), weighted by the
documents stating it, plus the vocabulary's own ``locatedIn``/``partOf`` links between those
entities (``vocabulary=true``; a place in its province, a province in its landsdeel), so a
roll-up to landsdelen can be redone in Gephi or Kumu. Every edge has a unique id (``e0``,
``e1``, ...), the same in every file. Written as GraphML and GEXF 1.2 (Gephi, Cytoscape, yEd,
igraph) and as CSV in the column names each tool's spreadsheet import expects: Gephi's
(``Id``/``Label`` nodes; ``Source``/``Target``/``Type``/``Id``/``Label``/``Weight`` edges) and
Kumu's (``ID``/``Label``/``Type`` elements; ``ID``/``From``/``To``/``Type`` connections). A
``README.md`` in the export folder says which file is for which tool.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from beleidsgraaf.errors import StoreError
from beleidsgraaf.graph.store import VOCABULARY_GRAPH, Store, sparql_file, writable_output
from beleidsgraaf.ontology.iri import DEF

__all__ = ["EXPORT_FORMATS", "actor_network", "check_formats", "export"]

EXPORT_FORMATS: dict[str, tuple[str, ...]] = {
    "trig": ("graph.trig",),
    "nquads": ("graph.nq",),
    "turtle": ("graph.ttl",),
    "ntriples": ("graph.nt",),
    "jsonld": ("graph.jsonld",),
    "graphml": ("actors.graphml",),
    "gexf": ("actors.gexf",),
    "csv": ("gephi-nodes.csv", "gephi-edges.csv", "kumu-elements.csv", "kumu-connections.csv"),
}
"""Format name -> the files it writes."""

_RDF_DUMPS = {
    "trig": "trig",
    "nquads": "nquads",
    "turtle": "turtle",
    "ntriples": "nt",
    "jsonld": "jsonld",
}
"""Export format -> :meth:`Store.dump` format."""

FILE_NOTES: dict[str, str] = {
    "graph.trig": "TriG: every named graph (one per document, and the vocabulary). The default "
    "graph is empty: query with GRAPH ?g, or load graph.ttl where a tool needs a default graph "
    "(Jena sparql/shacl, rdflib Graph).",
    "graph.nq": "N-Quads: the same named graphs as graph.trig, one quad a line; the default "
    "graph is empty, as in graph.trig.",
    "graph.jsonld": "JSON-LD: the same named graphs as graph.trig; the default graph is empty.",
    "graph.ttl": "Turtle: the union of all graphs as one default graph (duplicates merged). For "
    "tools that know no named graphs.",
    "graph.nt": "N-Triples: the same union as graph.ttl, one triple a line.",
    "actors.graphml": "GraphML: the actor network for Gephi, Cytoscape, yEd, igraph, NetworkX.",
    "actors.gexf": "GEXF 1.2: the actor network for Gephi (File > Open).",
    "gephi-nodes.csv": "Gephi spreadsheet import, nodes table (Id, Label, Type, Documents, ROR, "
    "Wikidata, TOOI).",
    "gephi-edges.csv": "Gephi spreadsheet import, edges table (Source, Target, Type=Directed, "
    "Id, Label = relation, Weight, Documents, Vocabulary); import gephi-nodes.csv first.",
    "kumu-elements.csv": "Kumu import, elements sheet (ID, Label, Type, Documents, ROR, "
    "Wikidata, TOOI).",
    "kumu-connections.csv": "Kumu import, connections sheet (ID, From, To, Type = relation, "
    "Weight, Documents, Vocabulary); From/To are element IDs.",
}
"""What each export file is and which tool it is for (written into the folder's README.md)."""

_NETWORK_NOTE = """\
## The actor network

Nodes are the entities the documents mention (label, type, number of documents). An edge is a
typed relation (participatesIn, coordinates, funds, partOf, collaboratesWith, implements,
locatedIn) with `weight` = the number of documents stating it (1 for a link only the vocabulary
states) and `vocabulary` = true when the authority vocabulary states it (a city in its province,
a province in its landsdeel): follow locatedIn and partOf edges to roll entities up to their
landsdeel. Edge ids (e0, e1, ...) are the same in every file of one export.
"""


_IDENTIFIERS = ("ror", "wikidata", "tooi")
"""Registry identifiers (``skos:exactMatch``) carried as node attributes and CSV columns."""


def _local(iri: str) -> str:
    return iri[len(DEF) :] if iri.startswith(DEF) else iri


def actor_network(store: Store) -> nx.MultiDiGraph:
    """The typed actor network (see the module docstring).

    Nodes: ``label``, ``type``, ``documents``, and the registry ids ``ror``, ``wikidata``,
    ``tooi`` (or ''). Edges, keyed by relation name: ``id`` (unique),
    ``relation``, ``documents`` (stating it), ``vocabulary`` (the vocabulary states it) and
    ``weight`` (documents, at least 1).
    """
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
        edge = _edge(g, row["source"].value, row["relation"].value, row["target"].value)
        if edge is not None:
            edge["documents"] = int(row["documents"].value)
    vocabulary = {"vocabulary": ox.NamedNode(VOCABULARY_GRAPH)}
    for row in store.select(sparql_file("actor-vocabulary-edges"), vocabulary):
        edge = _edge(g, row["source"].value, row["relation"].value, row["target"].value)
        if edge is not None:
            edge["vocabulary"] = True
    ordered = sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    for number, (_, _, _, data) in enumerate(ordered):
        data["id"] = f"e{number}"
        data["weight"] = max(data["documents"], 1)
    return g


def _edge(g: nx.MultiDiGraph, source: str, relation: str, target: str) -> dict | None:
    """The data of the edge ``source -relation-> target``, added if new; ``None`` when an end is
    not a network entity (a link to a vocabulary concept or an unmentioned region)."""
    if source not in g or target not in g:
        return None
    name = _local(relation)
    if not g.has_edge(source, target, name):
        g.add_edge(source, target, key=name, relation=name, documents=0, vocabulary=False)
    data: dict = g.edges[source, target, name]
    return data


def _edges(g: nx.MultiDiGraph) -> list[tuple[str, str, dict[str, object]]]:
    """Edges in id order (e0, e1, ...)."""
    return sorted(g.edges(data=True), key=lambda e: int(str(e[2]["id"])[1:]))


def _keyed_by_id(g: nx.MultiDiGraph, *, keep_id: bool) -> nx.MultiDiGraph:
    """A copy of the network with each edge keyed by its id, edges in id order."""
    copy: nx.MultiDiGraph = nx.MultiDiGraph()
    copy.add_nodes_from(g.nodes(data=True))
    for s, t, d in _edges(g):
        copy.add_edge(s, t, key=d["id"], **{k: v for k, v in d.items() if keep_id or k != "id"})
    return copy


def _write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    """GraphML with the unique edge ids as the ``id`` of each ``<edge>``.

    NetworkX writes a multigraph's edge key as the id; the network's key is the relation name,
    which repeats (graphology refuses such a file and Gephi keeps one edge per id), so the file
    is written from a copy keyed by edge id.
    """
    nx.write_graphml(_keyed_by_id(g, keep_id=False), path)


def _write_gexf(g: nx.MultiDiGraph, path: Path) -> None:
    """GEXF 1.2 (``1.2draft`` namespace) that the official XSD accepts.

    NetworkX's writer puts a ``name`` attribute on ``<graph>`` (GEXF 1.3 has it, 1.2 does not)
    and repeats the multigraph key (here the relation) as an edge attribute ``networkx_key``;
    both are taken out of its tree before writing. The edge ``label`` is the relation.
    """
    from xml.etree.ElementTree import ElementTree

    from networkx.readwrite.gexf import GEXFWriter

    labelled = _keyed_by_id(g, keep_id=True)  # the writer takes an edge's id from "id"
    for _, _, data in labelled.edges(data=True):
        data["label"] = data["relation"]
    writer = GEXFWriter(version="1.2draft", prettyprint=True)
    writer.add_graph(labelled)
    root = writer.xml
    graph = root.find("graph")
    assert graph is not None
    graph.attrib.pop("name", None)
    keys = set()
    for declared in graph.findall("attributes"):
        for attribute in declared.findall("attribute"):
            if attribute.get("title") == "networkx_key":
                keys.add(attribute.get("id"))
                declared.remove(attribute)
    for values in list(graph.iter("attvalues")):
        for value in values.findall("attvalue"):
            if value.get("for") in keys:
                values.remove(value)
    writer.indent(root)
    ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def _flag(value: object) -> str:
    return "true" if value else "false"


def _write_csv(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """The four CSV files: Gephi's nodes and edges tables, Kumu's elements and connections."""
    nodes = [
        [n, d["label"], d["type"], d["documents"], *(d.get(k, "") for k in _IDENTIFIERS)]
        for n, d in sorted(g.nodes(data=True))
    ]
    ids = ["ROR", "Wikidata", "TOOI"]
    edges = [
        (s, t, d["id"], d["relation"], d["weight"], d["documents"], _flag(d["vocabulary"]))
        for s, t, d in _edges(g)
    ]
    tables: dict[str, tuple[list[str], list[list[object]]]] = {
        "gephi-nodes.csv": (["Id", "Label", "Type", "Documents", *ids], nodes),
        "gephi-edges.csv": (
            ["Source", "Target", "Type", "Id", "Label", "Weight", "Documents", "Vocabulary"],
            [[s, t, "Directed", i, rel, w, docs, voc] for s, t, i, rel, w, docs, voc in edges],
        ),
        "kumu-elements.csv": (["ID", "Label", "Type", "Documents", *ids], nodes),
        "kumu-connections.csv": (
            ["ID", "From", "To", "Type", "Weight", "Documents", "Vocabulary"],
            [[i, s, t, rel, w, docs, voc] for s, t, i, rel, w, docs, voc in edges],
        ),
    }
    written = []
    for name, (header, rows) in tables.items():
        path = folder / name
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows)
        written.append(path)
    return written


def _write_readme(folder: Path, written: list[Path]) -> Path:
    """``README.md``: which file is for which tool, and what the network's edges mean."""
    lines = ["# beleidsgraaf export", "", "| file | what it is, and for which tool |", "|---|---|"]
    lines += [f"| `{p.name}` | {FILE_NOTES[p.name]} |" for p in written]
    if any(p.suffix in (".graphml", ".gexf", ".csv") for p in written):
        lines += ["", _NETWORK_NOTE.rstrip()]
    path = folder / "README.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def check_formats(formats: list[str] | None) -> list[str]:
    """The formats to write (default: all); an unknown one is a one-line error."""
    chosen = formats or list(EXPORT_FORMATS)
    unknown = [f for f in chosen if f not in EXPORT_FORMATS]
    if unknown:
        raise StoreError(f"unknown export format {unknown[0]!r} (use {', '.join(EXPORT_FORMATS)})")
    return chosen


def export(store: Store, folder: Path, formats: list[str] | None = None) -> list[Path]:
    """Write the chosen formats (default: all of :data:`EXPORT_FORMATS`) and a ``README.md``
    saying what each file is for into ``folder``; the paths written, README last."""
    chosen = check_formats(formats)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot create the export folder: {exc.strerror}") from exc
    # Every target is checked before any work: a link, FIFO or device among them is refused at
    # once, not after minutes of building the network (and a FIFO would block the write forever).
    for name in [*(n for fmt in chosen for n in EXPORT_FORMATS[fmt]), "README.md"]:
        writable_output(folder / name)
    written: list[Path] = []
    network = None
    for fmt in chosen:
        if fmt in _RDF_DUMPS:
            path = folder / EXPORT_FORMATS[fmt][0]
            store.dump(_RDF_DUMPS[fmt], path)
            written.append(path)
            continue
        network = network if network is not None else actor_network(store)
        if fmt == "graphml":
            written.append(folder / EXPORT_FORMATS[fmt][0])
            _write_graphml(network, written[-1])
        elif fmt == "gexf":
            written.append(folder / EXPORT_FORMATS[fmt][0])
            _write_gexf(network, written[-1])
        else:
            written.extend(_write_csv(network, folder))
    written.append(_write_readme(folder, written))
    return written
