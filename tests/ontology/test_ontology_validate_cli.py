"""``beleidsgraaf validate`` on a real store and on files; and the provenance query on a store."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDFS, URIRef
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.graph.store import Store
from beleidsgraaf.graph.writer import extraction_graph
from beleidsgraaf.ontology.authority import vocabulary_graph
from beleidsgraaf.ontology.iri import BASE
from beleidsgraaf.records import Extraction

runner = CliRunner()


def _store(path: Path, extraction: Extraction) -> Path:
    with Store(path) as store:
        store.load_vocabulary(vocabulary_graph())
        store.write_extraction(extraction)
    return path


def test_validate_a_conforming_store(extraction: Extraction, tmp_path: Path) -> None:
    store = _store(tmp_path / "store", extraction)
    result = runner.invoke(app, ["--store", str(store), "validate"])
    assert result.exit_code == 0, result.output
    assert f"{store}: conforms to the beleidsgraaf shapes (2 graph(s) checked)" in result.output


def test_validate_a_broken_file_exits_nonzero_with_a_report(
    extraction: Extraction, tmp_path: Path
) -> None:
    g = extraction_graph(extraction)
    g.remove((URIRef(BASE + "id/regionale-subsidieregeling"), RDFS.label, None))
    path = tmp_path / "doc.ttl"
    g.serialize(path, format="turtle")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "VIOLATION: techniekpact-evaluatie-2020.txt: id:regionale-subsidieregeling" in (
        result.output
    )
    assert "entity has no rdfs:label" in result.output
    assert f"beleidsgraaf: error: {path}: 1 SHACL violation(s)" in result.output
    assert "Traceback" not in result.output


def test_validate_a_missing_store_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--store", str(tmp_path / "none"), "validate"])
    assert result.exit_code == 1
    assert "no store here" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["validate", "--help"])
    assert result.exit_code == 0 and "Example: beleidsgraaf validate" in result.output


def test_one_query_finds_the_sentences_behind_a_statement(
    extraction: Extraction, tmp_path: Path
) -> None:
    query = (files("beleidsgraaf.queries") / "sentences-supporting.rq").read_text(encoding="utf-8")
    ocw, pact = extraction.entities[0].iri, extraction.entities[1].iri
    funds = extraction.relations[0]
    with Store(tmp_path / "store") as store:
        store.load_vocabulary(vocabulary_graph())
        store.write_extraction(extraction)
        rows = store.select(
            query,
            {
                "subject": ox.NamedNode(ocw),
                "relation": ox.NamedNode(BASE + "def#funds"),
                "object": ox.NamedNode(pact),
            },
        )
        none = store.select(
            query,
            {
                "subject": ox.NamedNode(pact),
                "relation": ox.NamedNode(BASE + "def#funds"),
                "object": ox.NamedNode(ocw),
            },
        )
    assert [(r["sentence"].value, r["file"].value, r["start"].value) for r in rows] == [
        (funds.evidence.text, "techniekpact-evaluatie-2020.txt", str(funds.evidence.start))
    ]
    assert "De drie betrokken ministeries (OCW, SZW en EZK)" in rows[0]["sentence"].value
    assert none == []
