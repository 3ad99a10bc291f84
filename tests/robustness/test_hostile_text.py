"""Hostile text goes through extraction, storage, SPARQL, export, the map and the report intact
and inert: nothing breaks, nothing executes, the text stays literally what it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib

from beleidsgraaf.config import Settings
from beleidsgraaf.graph.store import Store
from beleidsgraaf.pipeline import build

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = (
    "Samenwerking in de regio\n\n"
    f"De Stichting Techniek{SCRIPT} werkt samen met Universiteit Twente "
    '"} DROP ALL ; INSERT DATA { <a> <b> <c> } .\n'
    "Het Ministerie van Onderwijs, Cultuur en Wetenschap financiert het programma "
    f"Techniek{IMG}Vooruit.\n"
    "De Hogeschool Rotterdam neemt deel aan het Actieplan javascript:alert(1) en werkt samen "
    "met de Regeling \x07Bel\x0b.\n"
    "Universiteit Twente werkt samen met Stichting Eind</script><script>alert(2)</script>.\n"
)


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    doc = folder / "vijandig.txt"
    doc.write_text(HOSTILE_TEXT, encoding="utf-8")
    report = build([doc], Settings(store=folder / "store"))
    assert report.documents == 1 and not report.failed
    return folder / "store"


def _labels(store_path: Path) -> set[str]:
    with Store(store_path, read_only=True) as store:
        rows = store.select(
            "SELECT ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
        )
    return {str(r["l"].value) for r in rows}


def test_store_keeps_hostile_text_literally_and_drops_control_characters(
    hostile_store: Path,
) -> None:
    with Store(hostile_store, read_only=True) as store:
        sentences = {
            str(r["s"].value)
            for r in store.select(
                "SELECT ?s WHERE { ?e <https://w3id.org/beleidsgraaf/def#sentence> ?s }"
            )
        }
        trig = store.dump("trig")
    assert any("DROP ALL" in s for s in sentences), sentences
    assert any(SCRIPT in s for s in sentences)
    assert not any("\x07" in s or "\x0b" in s for s in sentences)
    assert trig is not None
    # the dump is valid TriG that rdflib reads back with the same hostile literals
    dataset = rdflib.Dataset()
    dataset.parse(data=trig, format="trig")
    assert any("DROP ALL" in str(q[2]) for q in dataset.quads((None, None, None, None)))
    # a 'DROP ALL' in a sentence did not drop anything
    assert len(_labels(hostile_store)) >= 3


def test_library_queries_bind_hostile_labels_as_plain_values(hostile_store: Path) -> None:
    from beleidsgraaf.queries.library import load_library, run_query

    with Store(hostile_store, read_only=True) as store:
        for label in _labels(hostile_store):
            if "<" in label or '"' in label:
                rows = run_query(
                    store, load_library()["documents-mentioning"], {"entity": label}
                ).as_python()
                assert rows, label


def test_map_and_report_escape_everything(hostile_store: Path, tmp_path: Path) -> None:
    from beleidsgraaf.graph.versnippering import fragmentation_report
    from beleidsgraaf.viz.map import write_map
    from beleidsgraaf.viz.report import write_report

    with Store(hostile_store, read_only=True) as store:
        page = write_map(store, tmp_path / "map.html").read_text(encoding="utf-8")
        result = fragmentation_report(store)
    for raw in (SCRIPT, IMG, "</script><script>alert(2)"):
        assert raw not in page
    write_report(result, tmp_path)
    html = (tmp_path / "versnippering.html").read_text(encoding="utf-8")
    for raw in (SCRIPT, IMG, "</script><script>alert(2)"):
        assert raw not in html
    json.loads((tmp_path / "versnippering.json").read_text(encoding="utf-8"))
