"""IRI minting: stable, valid IRIs for any Unicode name."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from rdflib import URIRef

from beleidsgraaf.ontology.iri import BASE, entity_iri, evidence_iri, slugify, statement_iri

# RFC 3987 forbids these in an IRI; Turtle and N-Triples reject them in <...>.
FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


@given(st.text())
def test_entity_iris_are_valid_stable_and_never_empty(name: str) -> None:
    iri = entity_iri(name)
    assert iri == entity_iri(name)
    assert iri.startswith(BASE + "id/") and len(iri) > len(BASE + "id/")
    assert not FORBIDDEN.search(iri)
    assert re.fullmatch(r"[a-z0-9-]+", slugify(name))
    URIRef(iri).n3()  # rdflib accepts it


@given(st.text(), st.text())
def test_case_and_diacritics_do_not_split_an_entity(a: str, b: str) -> None:
    assert entity_iri(a.upper()) == entity_iri(a.lower()) or not a.isascii()
    assert entity_iri("Bèta " + b) == entity_iri("beta " + b)


@given(st.text(), st.integers(0, 10**9), st.integers(0, 10**9))
def test_statement_and_evidence_iris_are_valid(text: str, start: int, end: int) -> None:
    ev = evidence_iri("ab" * 32, start, end)
    stmt = statement_iri(entity_iri(text), "funds", entity_iri(text[::-1]), ev)
    for iri in (ev, stmt):
        assert not FORBIDDEN.search(iri)
    assert stmt == statement_iri(entity_iri(text), "funds", entity_iri(text[::-1]), ev)
