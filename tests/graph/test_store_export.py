"""Export: RDF dumps that parse back, and the actor network for Gephi (GraphML, GEXF) and Kumu."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.errors import StoreError
from beleidsgraaf.graph.export import EXPORT_FORMATS, actor_network, export
from beleidsgraaf.graph.store import Store
from beleidsgraaf.ontology.iri import entity_iri
from beleidsgraaf.queries.sample import sample_extractions, sample_vocabulary


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    with Store(path) as store:
        for extraction in sample_extractions():
            store.write_extraction(extraction)
        store.load_vocabulary(sample_vocabulary())
    return path


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
    # stated in two documents, for two programmes
    assert g.edges[hogeschool, vakkracht, "participatesIn"]["weight"] == 1
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


def test_every_format_is_written_and_reads_back(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    with Store(store_path, read_only=True) as store:
        written = export(store, out)
        quads = {q for q in store.oxigraph if q.graph_name != ox.DefaultGraph()}
        network = actor_network(store)
    assert {p.name for p in written} == {*EXPORT_FORMATS.values(), "actors-edges.csv"}
    assert set(ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)) == quads
    assert set(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)) == quads
    assert set(ox.parse(path=str(out / "graph.jsonld"), format=ox.RdfFormat.JSON_LD)) == quads
    union = {q.triple for q in quads}
    assert {
        q.triple for q in ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    } == union
    graphml = nx.read_graphml(out / "actors.graphml")
    gexf = nx.read_gexf(out / "actors.gexf")
    for read in (graphml, gexf):
        assert read.number_of_nodes() == network.number_of_nodes()
        assert read.number_of_edges() == network.number_of_edges()
    with (out / "actors-edges.csv").open(encoding="utf-8") as fh:
        edges = list(csv.DictReader(fh))
    with (out / "actors-nodes.csv").open(encoding="utf-8") as fh:
        nodes = list(csv.DictReader(fh))
    assert len(edges) == network.number_of_edges() and set(edges[0]) == {
        "From",
        "To",
        "Type",
        "Weight",
    }
    assert {n["Label"] for n in nodes} >= {'Bedrijf "Quote} ; DROP ALL"', "Bètalab Noord"}


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
            "--out",
            str(tmp_path / "e"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "e").iterdir()) == ["actors.gexf", "graph.trig"]
