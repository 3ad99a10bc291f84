"""Export: RDF dumps that parse back, and the actor network for Gephi (GraphML, GEXF) and Kumu.

The network files are read back by readers nobody here wrote: igraph (C, libxml2) and
graphology (JavaScript, ``tests/readers``), and the GEXF is checked against the official GEXF
1.2 XSD when a copy of it is at hand (see :func:`gexf_schema`).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from lxml import etree
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.errors import StoreError
from beleidsgraaf.graph.export import EXPORT_FORMATS, FILE_NOTES, actor_network, export
from beleidsgraaf.graph.store import VOCABULARY_GRAPH, Store
from beleidsgraaf.ontology.iri import DEF, entity_iri
from beleidsgraaf.queries.sample import sample_extractions, sample_vocabulary

READERS = Path(__file__).resolve().parents[1] / "readers"
GEXF = "{http://www.gexf.net/1.2draft}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    with Store(path) as store:
        for extraction in sample_extractions():
            store.write_extraction(extraction)
        store.load_vocabulary(sample_vocabulary())
    return path


@pytest.fixture(scope="module")
def demo_export(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every format of the demo corpus, written once for this module."""
    out = tmp_path_factory.mktemp("demo-export")
    with Store(demo_store_path, read_only=True) as store:
        export(store, out)
    return out


@pytest.fixture(scope="module")
def demo_network(demo_store_path: Path) -> nx.MultiDiGraph:
    with Store(demo_store_path, read_only=True) as store:
        return actor_network(store)


def test_actor_network_has_the_typed_weighted_edges(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        g = actor_network(store)
    vakkracht = entity_iri("Programma Vakkracht")
    assert g.nodes[vakkracht] == {
        "label": "Programma Vakkracht",
        "type": "Programme",
        "documents": 2,
        "ror": "",
        "wikidata": "",
        "tooi": "",
    }
    hogeschool = entity_iri("Hogeschool Wadden")
    edge = g.edges[hogeschool, vakkracht, "participatesIn"]
    assert edge["weight"] == edge["documents"] == 1 and edge["vocabulary"] is False
    assert g.has_edge(hogeschool, entity_iri("Bètalab Noord"), "participatesIn")
    assert (
        g.edges[entity_iri("Stichting Techniek Noord"), vakkracht, "participatesIn"]["weight"] == 1
    )
    assert g.number_of_nodes() == 12
    assert {d["relation"] for _, _, d in g.edges(data=True)} == {
        "participatesIn",
        "coordinates",
        "funds",
        "partOf",
        "collaboratesWith",
        "implements",
        "locatedIn",
    }
    ids = [d["id"] for _, _, d in g.edges(data=True)]
    assert sorted(ids, key=lambda i: int(i[1:])) == [f"e{n}" for n in range(len(ids))]


def test_the_network_keeps_the_vocabulary_place_links_between_its_entities(
    demo_store_path: Path, demo_network: nx.MultiDiGraph
) -> None:
    """A region roll-up needs the vocabulary's locatedIn/partOf links (a city in its province, a
    province in its landsdeel): every one between two network entities is an edge."""
    query = f"""SELECT ?s ?p ?o WHERE {{ GRAPH <{VOCABULARY_GRAPH}> {{ ?s ?p ?o }}
        VALUES ?p {{ <{DEF}locatedIn> <{DEF}partOf> }} }}"""
    with Store(demo_store_path, read_only=True) as store:
        stated = {
            (r["s"].value, r["p"].value.removeprefix(DEF), r["o"].value)
            for r in store.select(query)
            if r["s"].value in demo_network and r["o"].value in demo_network
        }
    assert len(stated) > 20 and {p for _, p, _ in stated} == {"locatedIn", "partOf"}
    for source, relation, target in stated:
        data = demo_network.edges[source, target, relation]
        assert data["vocabulary"] is True and data["weight"] >= 1
    from_vocabulary_only = [
        d for _, _, d in demo_network.edges(data=True) if d["vocabulary"] and not d["documents"]
    ]
    assert from_vocabulary_only and all(d["weight"] == 1 for d in from_vocabulary_only)


def test_every_format_is_written_and_reads_back(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    with Store(store_path, read_only=True) as store:
        written = export(store, out)
        quads = {q for q in store.oxigraph if q.graph_name != ox.DefaultGraph()}
        network = actor_network(store)
    names = [p.name for p in written]
    assert names == [*(f for files in EXPORT_FORMATS.values() for f in files), "README.md"]
    assert set(ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)) == quads
    assert set(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)) == quads
    assert set(ox.parse(path=str(out / "graph.jsonld"), format=ox.RdfFormat.JSON_LD)) == quads
    union = {q.triple for q in quads}
    for name, fmt in (("graph.ttl", ox.RdfFormat.TURTLE), ("graph.nt", ox.RdfFormat.N_TRIPLES)):
        assert {q.triple for q in ox.parse(path=str(out / name), format=fmt)} == union, name
    for read in (nx.read_graphml(out / "actors.graphml"), nx.read_gexf(out / "actors.gexf")):
        assert read.number_of_nodes() == network.number_of_nodes()
        assert read.number_of_edges() == network.number_of_edges()


def test_the_dataset_files_have_an_empty_default_graph_and_say_where_the_union_is(
    store_path: Path, tmp_path: Path
) -> None:
    """Read by rdflib (its own parsers): TriG/N-Quads hold only named graphs, so a tool that
    reads the default graph sees nothing; graph.ttl and graph.nt hold the union, and the
    export's README and the CLI's help say so."""
    import rdflib

    out = tmp_path / "export"
    with Store(store_path, read_only=True) as store:
        export(store, out)
    for name, fmt in (("graph.trig", "trig"), ("graph.nq", "nquads")):
        dataset = rdflib.Dataset()
        dataset.parse(out / name, format=fmt)
        assert len(dataset.default_graph) == 0, name
        union = {t for g in dataset.graphs() for t in g}
        for union_file, union_fmt in (("graph.ttl", "turtle"), ("graph.nt", "nt")):
            graph = rdflib.Graph().parse(out / union_file, format=union_fmt)
            assert set(graph) == union, (name, union_file)
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "default graph is empty" in readme and "graph.ttl" in readme
    help_text = CliRunner().invoke(app, ["export", "--help"], terminal_width=200).output
    assert "default graph" in help_text and "graph.ttl" in help_text


def test_edge_ids_are_unique_in_the_graphml_and_gexf(demo_export: Path) -> None:
    """NetworkX used the relation name as the GraphML edge id: 7 ids for 400 edges."""
    graphml = etree.parse(str(demo_export / "actors.graphml"))
    ids = [e.get("id") for e in graphml.iter(f"{GRAPHML}edge")]
    assert len(ids) > 100 and len(set(ids)) == len(ids) and None not in ids
    gexf = etree.parse(str(demo_export / "actors.gexf"))
    assert [e.get("id") for e in gexf.iter(f"{GEXF}edge")] == ids


def test_gexf_has_no_graph_name_and_no_networkx_key(demo_export: Path) -> None:
    """GEXF 1.2 has no ``name`` on <graph> (1.3 added it); ``networkx_key`` repeated the
    relation in every edge."""
    gexf = etree.parse(str(demo_export / "actors.gexf"))
    graph = gexf.find(f"{GEXF}graph")
    assert graph is not None and "name" not in graph.attrib
    for declared in gexf.iter(f"{GEXF}attributes"):
        titles = [a.get("title") for a in declared]
        assert "networkx_key" not in titles and len(titles) == len(set(titles))
    values = [len(e.findall(f"{GEXF}attvalues/{GEXF}attvalue")) for e in gexf.iter(f"{GEXF}edge")]
    assert set(values) == {3}  # relation, documents, vocabulary
    first = next(gexf.iter(f"{GEXF}edge"))
    assert first.get("label") in {"participatesIn", "partOf", "locatedIn", "funds", "coordinates"}


def gexf_schema() -> etree.XMLSchema | None:
    """The official GEXF 1.2 (1.2draft) XSD: ``gexf.xsd`` and the files it includes, as the
    gephi/gexf repository publishes them under ``specs/1.2draft``, in the folder
    ``$GEXF_XSD_DIR`` (not a ``BELEIDSGRAAF_`` variable: those are settings) or
    ``tests/data/gexf-1.2draft`` (a copy ships there); ``None`` when neither holds it."""
    for folder in (os.environ.get("GEXF_XSD_DIR"), READERS.parent / "data/gexf-1.2draft"):
        if folder and (Path(folder) / "gexf.xsd").is_file():
            return etree.XMLSchema(etree.parse(str(Path(folder) / "gexf.xsd")))
    return None


def test_gexf_is_valid_against_the_official_xsd(demo_export: Path) -> None:
    schema = gexf_schema()
    if schema is None:
        pytest.skip("no copy of the GEXF 1.2 XSD: set GEXF_XSD_DIR to its folder")
    document = etree.parse(str(demo_export / "actors.gexf"))
    assert schema.validate(document), schema.error_log.last_error


def test_igraph_reads_every_edge_of_the_graphml(
    demo_export: Path, demo_network: nx.MultiDiGraph
) -> None:
    import igraph

    g = igraph.Graph.Read_GraphML(str(demo_export / "actors.graphml"))
    assert g.vcount() == demo_network.number_of_nodes()
    names = g.vs["id"]
    read = Counter((names[e.source], names[e.target], e["relation"]) for e in g.es)
    expected = Counter((s, t, d["relation"]) for s, t, d in demo_network.edges(data=True))
    assert read == expected


def _node_reader() -> tuple[str, Path]:
    """Node.js and graphology from ``tests/readers`` (installed with ``npm ci`` from its lock
    file on first use); skip when Node.js is absent locally, fail in CI."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        if os.environ.get("CI"):
            pytest.fail("Node.js and npm are missing in CI")
        pytest.skip("Node.js is not installed (graphology reads the network files)")
    if not (READERS / "node_modules" / "graphology-graphml").is_dir():
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--silent"],
            cwd=READERS,
            check=True,
            capture_output=True,
            timeout=300,
        )
    return node, READERS / "read-network.mjs"


@pytest.mark.parametrize("name", ["actors.graphml", "actors.gexf"])
def test_graphology_reads_every_edge(
    demo_export: Path, demo_network: nx.MultiDiGraph, name: str
) -> None:
    """graphology refused the GraphML whose edge ids repeated ('inconsistency detected when
    attempting to merge the "partOf" edge'), as Gephi kept one edge per id."""
    node, script = _node_reader()
    done = subprocess.run(
        [node, str(script), str(demo_export / name)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    read = json.loads(done.stdout)
    assert read["order"] == demo_network.number_of_nodes()
    assert read["size"] == demo_network.number_of_edges()
    expected = {d["id"]: (s, t, d["relation"]) for s, t, d in demo_network.edges(data=True)}
    assert {key: (s, t, a["relation"]) for key, s, t, a in read["edges"]} == expected


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_files_have_the_columns_gephi_and_kumu_import(
    demo_export: Path, demo_network: nx.MultiDiGraph
) -> None:
    nodes, edges = _rows(demo_export / "gephi-nodes.csv"), _rows(demo_export / "gephi-edges.csv")
    registries = ["ROR", "Wikidata", "TOOI"]
    assert list(nodes[0]) == ["Id", "Label", "Type", "Documents", *registries]
    assert list(edges[0])[:6] == ["Source", "Target", "Type", "Id", "Label", "Weight"]
    node_ids = {n["Id"] for n in nodes}
    assert len(node_ids) == len(nodes) == demo_network.number_of_nodes()
    assert all(e["Source"] in node_ids and e["Target"] in node_ids for e in edges)
    assert {e["Type"] for e in edges} == {"Directed"}
    assert len({e["Id"] for e in edges}) == len(edges) == demo_network.number_of_edges()

    elements = _rows(demo_export / "kumu-elements.csv")
    connections = _rows(demo_export / "kumu-connections.csv")
    assert list(elements[0]) == ["ID", "Label", "Type", "Documents", *registries]
    assert any(n["ROR"].startswith("https://ror.org/") for n in nodes)
    assert list(connections[0])[:4] == ["ID", "From", "To", "Type"]
    element_ids = {e["ID"] for e in elements}
    assert all(c["From"] in element_ids and c["To"] in element_ids for c in connections)
    assert [c["ID"] for c in connections] == [e["Id"] for e in edges]
    assert [c["Type"] for c in connections] == [e["Label"] for e in edges]
    vocabulary = [c for c in connections if c["Vocabulary"] == "true"]
    assert vocabulary and {c["Type"] for c in vocabulary} == {"locatedIn", "partOf"}


def test_the_export_readme_says_which_file_is_for_which_tool(demo_export: Path) -> None:
    readme = (demo_export / "README.md").read_text(encoding="utf-8")
    for name in FILE_NOTES:
        assert f"`{name}`" in readme, name
    assert "Gephi spreadsheet import" in readme and "Kumu import" in readme
    help_text = CliRunner().invoke(app, ["export", "--help"], terminal_width=200).output
    for tool in ("Gephi", "Kumu", "gephi-edges.csv", "kumu-connections.csv"):
        assert tool in help_text, tool


def test_unknown_format_is_a_clear_error(store_path: Path, tmp_path: Path) -> None:
    with (
        Store(store_path, read_only=True) as store,
        pytest.raises(StoreError, match="unknown export format 'xls'"),
    ):
        export(store, tmp_path / "x", ["xls"])


def test_cli_export(store_path: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "--store",
            str(store_path),
            "export",
            "--format",
            "trig",
            "--format",
            "gexf",
            "-o",
            str(tmp_path / "e"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "e").iterdir()) == [
        "README.md",
        "actors.gexf",
        "graph.trig",
    ]
