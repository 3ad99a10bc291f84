"""SHACL: graphs from realistic extractions conform; broken ones fail with clear messages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, XSD

from beleidsgraaf.errors import DocumentError, ShapeValidationError
from beleidsgraaf.graph.writer import extraction_graph, extraction_graph_name
from beleidsgraaf.ontology.authority import VOCABULARY_GRAPH, vocabulary_graph
from beleidsgraaf.ontology.iri import BASE, entity_iri
from beleidsgraaf.ontology.namespace import BG
from beleidsgraaf.ontology.validate import ValidationReport, validate_file, validate_graph
from beleidsgraaf.records import DocumentInfo, Entity, Evidence, Extraction, Relation

ID = BASE + "id/"
SCHEME = ID + "regionale-subsidieregeling"
"""An entity of the hand-made extraction that is not in the authority list (so only the
document's own graph can give it a label)."""


def _messages(report: ValidationReport) -> list[str]:
    return [v.message for v in report.violations]


def _only(report: ValidationReport, message: str) -> str:
    """The one violation's report line, asserting it is the only one and has ``message``."""
    assert _messages(report) == [message], report.text()
    return report.text().splitlines()[1]


def test_the_vocabulary_itself_conforms() -> None:
    report = validate_graph(vocabulary_graph(), name=VOCABULARY_GRAPH)
    assert report.conforms, report.text()


def test_a_realistic_extraction_conforms(extraction: Extraction) -> None:
    report = validate_graph(extraction_graph(extraction))
    assert report.conforms, report.text()
    assert report.violations == []
    assert report.text().startswith(f"{extraction.document.file_name}: conforms")


def test_a_theme_outside_the_vocabulary_is_typed_a_concept_by_the_writer(
    extraction: Extraction,
) -> None:
    theme = ID + "thema-digitalisering"
    scheme = extraction.entities[3].iri
    extraction.relations.append(
        Relation(scheme, "addresses", theme, extraction.relations[0].evidence)
    )
    extraction.labels[theme] = "Digitalisering"
    assert validate_graph(extraction_graph(extraction)).conforms


def test_one_span_quoted_twice_keeps_one_sentence(
    extraction: Extraction, evidence_for: Callable[..., Evidence]
) -> None:
    bare = evidence_for("vijf landsdelen (Noord, Noordwest, Zuidwest,")
    boxed = Evidence(bare.doc, "Box 2.1 Noord: " + bare.text, bare.start, bare.end)
    extraction.entities[2].evidence = [bare]
    extraction.relations.append(
        Relation(extraction.entities[2].iri, "collaboratesWith", extraction.entities[0].iri, boxed)
    )
    g = extraction_graph(extraction)
    assert validate_graph(g).conforms
    sentences = {str(s) for s in g.objects(None, BG.sentence)}
    assert boxed.text in sentences
    assert bare.text not in sentences


def test_missing_label_fails(extraction: Extraction) -> None:
    g = extraction_graph(extraction)
    g.remove((URIRef(SCHEME), RDFS.label, None))
    line = _only(validate_graph(g), "entity has no rdfs:label")
    assert "techniekpact-evaluatie-2020.txt: id:regionale-subsidieregeling [rdfs:label]" in line


def test_two_entity_types_fail(extraction: Extraction) -> None:
    g = extraction_graph(extraction)
    g.add((URIRef(ID + "techniekpact"), RDF.type, BG.Organisation))
    messages = _messages(validate_graph(g))
    assert "entity must have exactly one type of Organisation, Programme, Intervention, " in (
        messages[0] if messages else ""
    )


def test_wrong_class_at_the_object_of_a_relation_fails(extraction: Extraction) -> None:
    ev = extraction.relations[0].evidence
    pact, noord = ID + "techniekpact", ID + "landsdeel-noord"
    extraction.relations.append(Relation(pact, "locatedIn", pact, ev))
    extraction.relations.append(Relation(noord, "funds", ID + "actielijn-kiezen", ev))
    report = validate_graph(extraction_graph(extraction))
    assert sorted(_messages(report)) == [
        "object of funds must be an Organisation, Programme, Intervention or Person",
        "object of locatedIn must be a Region",
    ]
    assert any(
        'id:techniekpact ("Techniekpact") [bg:locatedIn]' in line
        for line in report.text().splitlines()
    )


def test_wrong_class_at_the_subject_of_a_relation_fails(extraction: Extraction) -> None:
    ocw = extraction.entities[0].iri
    extraction.relations.append(
        Relation(ocw, "addresses", ID + "actielijn-leren", extraction.relations[0].evidence)
    )
    _only(
        validate_graph(extraction_graph(extraction)),
        "subject of addresses must be a Programme or Intervention",
    )


def test_a_landsdeel_counts_as_a_region_through_the_ontology(extraction: Extraction) -> None:
    g = extraction_graph(extraction)
    noord = URIRef(ID + "landsdeel-noord")
    g.remove((noord, RDF.type, BG.Region))
    g.add((noord, RDF.type, BG.Landsdeel))
    assert validate_graph(g).conforms


def test_a_statement_without_evidence_fails(extraction: Extraction) -> None:
    g = extraction_graph(extraction)
    stmt = next(s for s in g.subjects(RDF.predicate, BG.funds) if (s, RDF.type, BG.Statement) in g)
    g.remove((stmt, PROV.wasDerivedFrom, None))
    line = _only(validate_graph(g), "statement has no evidence (prov:wasDerivedFrom a bg:Evidence)")
    assert BASE + "stmt/" in line


def test_evidence_without_a_document_fails(extraction: Extraction) -> None:
    g = extraction_graph(extraction)
    g.remove((None, BG.inDocument, None))
    messages = set(_messages(validate_graph(g)))
    assert messages == {"evidence must point to exactly one bg:Document (bg:inDocument)"}


def test_a_statement_about_a_triple_that_is_not_there_fails(extraction: Extraction) -> None:
    g = extraction_graph(extraction)
    g.remove((URIRef(extraction.entities[0].iri), BG.funds, None))
    _only(validate_graph(g), "statement describes a triple that is not in the graph")


def test_a_named_graph_file_is_checked_graph_by_graph(
    extraction: Extraction, tmp_path: Path
) -> None:
    ds = Dataset()
    good = ds.graph(extraction_graph_name(extraction))
    good += extraction_graph(extraction)
    bad = ds.graph(URIRef(BASE + "graph/broken"))
    bad += extraction_graph(extraction)
    bad.remove((URIRef(SCHEME), RDFS.label, None))
    bad.set((URIRef(BASE + "doc/x"), BG.fileName, Literal("other.txt")))
    path = tmp_path / "graph.trig"
    ds.serialize(path, format="trig")

    report = validate_file(path)
    assert report.graphs == 2
    assert not report.conforms
    assert report.text().splitlines()[0] == f"{path}: 1 SHACL violation(s) in 2 graph(s) checked"
    with pytest.raises(ShapeValidationError, match="1 SHACL violation"):
        report.raise_for_violations()


def test_unreadable_and_unknown_files_are_named(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"broken\.ttl: not valid turtle"):
        validate_file(broken)
    with pytest.raises(DocumentError, match=r"graph\.xyz: unknown RDF file type"):
        validate_file(tmp_path / "graph.xyz")
    with pytest.raises(DocumentError, match=r"absent\.ttl: cannot read"):
        validate_file(tmp_path / "absent.ttl")


def test_an_entity_without_type_but_mentioned_fails() -> None:
    g = Graph()
    g += extraction_graph(Extraction(document=_doc()))
    node = URIRef(entity_iri("Iets"))
    g.add((node, BG.mentionedIn, URIRef(BASE + "doc/" + "a" * 32)))
    g.add((node, RDFS.label, Literal("Iets")))
    assert _messages(validate_graph(g)) == [
        "entity must have exactly one type of Organisation, Programme, Intervention, Region, Person"
    ]


def _doc() -> DocumentInfo:
    return DocumentInfo("a" * 64, "leeg.txt", "txt", title="Leeg")


def test_entities_reuse_authority_types(extraction: Extraction) -> None:
    """A relation may point to an authority entity this document does not itself describe."""
    ev = extraction.relations[0].evidence
    extraction.relations.append(
        Relation(extraction.entities[0].iri, "locatedIn", ID + "den-haag", ev)
    )
    extraction.entities.append(Entity(ID + "den-haag", "Den Haag", "Region", ["Den Haag"], [ev]))
    assert validate_graph(extraction_graph(extraction)).conforms


def test_a_confidence_is_written_on_the_statement_and_checked(extraction: Extraction) -> None:
    import dataclasses

    first = extraction.relations[0]
    extraction.relations[0] = dataclasses.replace(first, confidence=0.8125)
    g = extraction_graph(extraction)
    assert validate_graph(g).conforms
    values = {str(o) for o in g.objects(None, BG.confidence)}
    assert values == {"0.812"}
    statement = next(g.subjects(BG.confidence, None))
    g.set((statement, BG.confidence, Literal("1.5", datatype=XSD.decimal)))
    _only(validate_graph(g), "confidence must be one decimal between 0 and 1")
