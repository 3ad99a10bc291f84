"""Registry links as the graph writer writes them, on hand-made records and on the demo corpus."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from beleidsgraaf.config import Settings
from beleidsgraaf.errors import CuratorError
from beleidsgraaf.graph.store import Store
from beleidsgraaf.graph.writer import extraction_graph
from beleidsgraaf.ingest.curation import load_curation
from beleidsgraaf.ontology.iri import BASE, entity_iri
from beleidsgraaf.ontology.linking import LinkDecisions
from beleidsgraaf.ontology.namespace import BG
from beleidsgraaf.ontology.validate import validate_graph
from beleidsgraaf.records import DocumentInfo, Entity, Evidence, Extraction

ROR_TNO = URIRef("https://ror.org/01bnjb948")
ROR_TUE = "https://ror.org/02c2kyt77"


def _extraction() -> Extraction:
    text = "TNO, de NFU en de Technologische Universiteit Eindhoven werken samen."
    doc = hashlib.sha256(text.encode()).hexdigest()
    ev = Evidence(doc, text, 0, len(text))
    tno = Entity(entity_iri("TNO"), "TNO", "Organisation", ["TNO"], [ev], source="authority")
    nfu = Entity(entity_iri("NFU"), "NFU", "Organisation", ["NFU"], [ev])
    tue = Entity(
        entity_iri("Technologische Universiteit Eindhoven"),
        "Technologische Universiteit Eindhoven",
        "Organisation",
        ["Technologische Universiteit Eindhoven"],
        [ev],
    )
    return Extraction(
        DocumentInfo(doc, "samen.txt", "txt", title="Samen"), entities=[tno, nfu, tue]
    )


def test_a_confident_match_is_asserted_with_its_evidence_node() -> None:
    g = extraction_graph(_extraction())
    tno = URIRef(entity_iri("TNO"))
    assert (tno, SKOS.exactMatch, ROR_TNO) in g
    assert (tno, SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q1867222")) in g
    (node,) = [n for n in g.subjects(BG.registryRecord, ROR_TNO)]
    assert (node, RDF.type, BG.RegistryLink) in g
    assert g.value(node, BG.linkedEntity) == tno
    assert g.value(node, BG.registry) == Literal("ROR")
    assert float(g.value(node, BG.matchScore)) >= 0.9
    assert str(g.value(node, BG.registrySnapshot)).startswith("ROR v")


def test_an_uncertain_match_is_a_candidate_and_never_asserted() -> None:
    g = extraction_graph(_extraction())
    nfu = URIRef(entity_iri("NFU"))
    assert not list(g.objects(nfu, SKOS.exactMatch))
    nodes = list(g.subjects(BG.linkedEntity, nfu))
    assert nodes
    for node in nodes:
        assert (node, RDF.type, BG.LinkCandidate) in g
        assert g.value(node, BG.matchMethod) == Literal("acronym")


def test_the_written_links_satisfy_the_shapes_and_a_forged_link_does_not() -> None:
    g = extraction_graph(_extraction())
    assert validate_graph(g).conforms
    nfu = URIRef(entity_iri("NFU"))
    candidate = next(g.subjects(BG.linkedEntity, nfu))
    g.add((nfu, SKOS.exactMatch, g.value(candidate, BG.registryRecord)))
    report = validate_graph(g)
    assert not report.conforms
    assert "candidate asserted" in str(report)


def test_an_accepted_candidate_is_asserted_by_the_curator() -> None:
    decisions = LinkDecisions(accept={"Technologische Universiteit Eindhoven": (ROR_TUE,)})
    g = extraction_graph(_extraction(), decisions)
    tue = URIRef(entity_iri("Technologische Universiteit Eindhoven"))
    assert (tue, SKOS.exactMatch, URIRef(ROR_TUE)) in g
    node = next(g.subjects(BG.registryRecord, URIRef(ROR_TUE)))
    assert g.value(node, BG.matchMethod) == Literal("curator")
    assert validate_graph(g).conforms


def test_the_curator_file_reads_and_checks_its_link_section(tmp_path: Path) -> None:
    good = tmp_path / "curation.yaml"
    good.write_text(f"link:\n  accept:\n    Technologische Universiteit Eindhoven: {ROR_TUE}\n")
    assert load_curation(good).links.accept == {"Technologische Universiteit Eindhoven": (ROR_TUE,)}
    bad = tmp_path / "bad.yaml"
    bad.write_text("link:\n  accept:\n    TU/e: https://ror.org/000000000\n")
    with pytest.raises(CuratorError, match=r"bad\.yaml: link accept 'TU/e'"):
        load_curation(bad)


def test_a_build_with_a_curator_file_asserts_what_the_analyst_accepted(tmp_path: Path) -> None:
    from beleidsgraaf.pipeline import build

    doc = tmp_path / "nota.txt"
    doc.write_text(
        "De Technologische Universiteit Eindhoven werkt samen met TNO aan het Techniekpact.\n",
        encoding="utf-8",
    )
    curator = tmp_path / "curation.yaml"
    curator.write_text(f"link:\n  accept:\n    Technologische Universiteit Eindhoven: {ROR_TUE}\n")
    settings = Settings(store=tmp_path / "store", curator=curator)
    build([doc], settings)
    with Store(settings.store, read_only=True) as store:
        rows = store.select(
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
            f"SELECT ?e WHERE {{ GRAPH ?g {{ ?e skos:exactMatch <{ROR_TUE}> }} }}"
        )
    assert [r["e"].value for r in rows] == [entity_iri("Technologische Universiteit Eindhoven")]


# ---------------------------------------------------------------------------------------------
# The demo corpus: 'done when' of the issue


@pytest.fixture(scope="module")
def demo_store(demo_store_path: Path) -> Iterator[Store]:
    with Store(demo_store_path, read_only=True) as store:
        yield store


_LINKED_KINDS = ("universiteit", "hogeschool", "ministerie", "provincie")
# Wageningen University is part of Wageningen University & Research, which ROR has as one record.
_NO_RECORD = {entity_iri("Wageningen University")}


def test_the_demo_run_links_universities_hogescholen_ministries_and_provinces(
    demo_store: Store,
) -> None:
    kinds = " ".join(f"<{BASE}id/soort/{k}>" for k in _LINKED_KINDS)
    rows = demo_store.select(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "PREFIX dcterms: <http://purl.org/dc/terms/> "
        "PREFIX bg: <https://w3id.org/beleidsgraaf/def#> "
        "SELECT DISTINCT ?e ?kind (BOUND(?link) AS ?linked) WHERE { "
        f"  VALUES ?kind {{ {kinds} }} "
        "  ?e dcterms:type ?kind ; bg:mentionedIn ?doc . "
        "  OPTIONAL { ?e skos:exactMatch ?link } }"
    )
    found = {(r["e"].value, r["kind"].value.rsplit("/", 1)[-1]) for r in rows}
    unlinked = {r["e"].value for r in rows if r["linked"].value == "false"} - _NO_RECORD
    assert {kind for _, kind in found} == set(_LINKED_KINDS)
    assert unlinked == set()
    # The extracted bodies the issue names, and a province written as an organisation.
    for label, ror in [
        ("TNO", "01bnjb948"),
        ("Nederlandse Organisatie voor Wetenschappelijk Onderzoek", "04jsz6e67"),
        ("Koninklijke Nederlandse Akademie van Wetenschappen", "043c0p156"),
        ("Provincie Gelderland", "014cbz578"),
        ("hogeschool Arnhem-Nijmegen", "0500gea42"),
    ]:
        rows = demo_store.select(
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
            f"SELECT ?e WHERE {{ ?e skos:exactMatch <https://ror.org/{ror}> }}"
        )
        assert entity_iri(label) in {r["e"].value for r in rows}, label


def test_the_actor_exports_carry_the_registry_ids(demo_store: Store, tmp_path: Path) -> None:
    import csv

    from beleidsgraaf.graph.export import actor_network, export

    g = actor_network(demo_store)
    tno = g.nodes[entity_iri("TNO")]
    assert (tno["ror"], tno["wikidata"]) == (
        str(ROR_TNO),
        "http://www.wikidata.org/entity/Q1867222",
    )
    assert g.nodes[entity_iri("Techniekpact")]["ror"] == ""
    export(demo_store, tmp_path, ["csv", "graphml"])
    rows = {r["ID"]: r for r in csv.DictReader((tmp_path / "kumu-elements.csv").open())}
    assert rows[entity_iri("TNO")]["ROR"] == str(ROR_TNO)
    assert "https://ror.org/01bnjb948" in (tmp_path / "actors.graphml").read_text()
