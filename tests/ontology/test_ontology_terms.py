"""The ontology parses, matches the Python namespace both ways, and documents every term."""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Literal, URIRef
from rdflib.namespace import FOAF, ORG, PROV, SKOS

from beleidsgraaf.ontology.authority import ontology_graph
from beleidsgraaf.ontology.iri import DEF
from beleidsgraaf.ontology.namespace import BG
from beleidsgraaf.records import ENTITY_TYPES, PREDICATES

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = ("beleidsgraaf", "ontology", "ingest", "graph", "queries", "viz")


def _defined_terms() -> set[str]:
    g = ontology_graph()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {
        str(s)[len(DEF) :]
        for kind in kinds
        for s in g.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(DEF)
    }


def _namespace_terms() -> set[str]:
    return {name for name in BG.__annotations__ if not name.startswith("_")}


def test_turtle_and_namespace_module_define_the_same_terms() -> None:
    assert _defined_terms() == _namespace_terms()


def test_every_bg_term_used_in_code_or_queries_is_defined() -> None:
    used: dict[str, str] = {}
    for folder in CODE_DIRS:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix == ".py":
                pattern = r"\bBG\.([A-Za-z]\w*)|\bBG\[\"(\w+)\"\]"
            elif path.suffix in (".rq", ".ttl"):
                pattern = r"\bbg:([A-Za-z]\w*)"
            else:
                continue
            for match in re.finditer(pattern, path.read_text(encoding="utf-8")):
                term = next(m for m in match.groups() if m)
                used.setdefault(term, str(path.relative_to(ROOT)))
    defined = _defined_terms()
    missing = {term: where for term, where in used.items() if term not in defined}
    assert used, "the scan found no bg: terms at all"
    assert not missing, f"terms used but not in beleidsgraaf.ttl: {missing}"


def test_unknown_term_fails_loudly() -> None:
    import pytest

    with pytest.raises(AttributeError):
        _ = BG.fundz


def test_every_term_has_dutch_and_english_label_and_definition() -> None:
    g = ontology_graph()
    for name in _defined_terms():
        term = URIRef(DEF + name)
        for prop in (RDFS.label, SKOS.definition):
            langs = {o.language for o in g.objects(term, prop) if isinstance(o, Literal)}
            assert {"nl", "en"} <= langs, f"bg:{name} lacks {prop} in nl/en (has {langs})"


def test_entity_types_and_predicates_of_the_records_are_ontology_terms() -> None:
    g = ontology_graph()
    for name in ENTITY_TYPES:
        assert (BG[name], RDF.type, OWL.Class) in g
    for name in PREDICATES:
        assert (BG[name], RDF.type, OWL.ObjectProperty) in g


def test_alignments_to_w3c_vocabularies() -> None:
    g = ontology_graph()
    assert (BG.Organisation, RDFS.subClassOf, ORG.Organization) in g
    assert (BG.Person, RDFS.subClassOf, FOAF.Person) in g
    assert (BG.Evidence, RDFS.subClassOf, PROV.Entity) in g
    assert (BG.Landsdeel, RDFS.subClassOf, BG.Region) in g
    assert (BG.Landsdeel, RDFS.subClassOf, ORG.OrganizationalUnit) in g
    assert (BG.collaboratesWith, RDF.type, OWL.SymmetricProperty) in g
    assert (BG.funds, OWL.inverseOf, URIRef("https://schema.org/funder")) in g


def test_unaligned_relations_say_why() -> None:
    g = ontology_graph()
    aligning = (RDFS.subPropertyOf, OWL.equivalentProperty, OWL.inverseOf)
    for name in PREDICATES:
        term = BG[name]
        if not any(g.value(term, p) is not None for p in aligning):
            assert g.value(term, RDFS.comment) is not None, f"bg:{name}: no alignment, no reason"
