"""Hand-made extractions over real corpus sentences, for the ontology and shape tests."""

from __future__ import annotations

import hashlib
from importlib.resources import files

import pytest

from beleidsgraaf.ontology.iri import BASE, entity_iri
from beleidsgraaf.records import (
    CoOccurrence,
    DocumentInfo,
    Entity,
    Evidence,
    Extraction,
    Relation,
)

CORPUS_FILE = "techniekpact-evaluatie-2020.txt"
KIEZEN = BASE + "id/actielijn-kiezen"
REGELING = BASE + "id/instrument/regeling"


def corpus_bytes(name: str = CORPUS_FILE) -> bytes:
    return (files("beleidsgraaf.ingest.corpus") / name).read_bytes()


def evidence_for(phrase: str, name: str = CORPUS_FILE) -> Evidence:
    """Evidence for the line of the corpus document that contains ``phrase``, real offsets."""
    data = corpus_bytes(name)
    text = data.decode("utf-8")
    at = text.index(phrase)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return Evidence(
        hashlib.sha256(data).hexdigest(), text[start:end].strip(), start, end, 12, ("2", "2.1")
    )


def demo_extraction() -> Extraction:
    """A small, valid extraction of the Techniekpact evaluation, built by hand."""
    data = corpus_bytes()
    doc = hashlib.sha256(data).hexdigest()
    ministries = evidence_for("De drie betrokken ministeries (OCW, SZW en EZK)")
    regions = evidence_for("vijf landsdelen (Noord, Noordwest, Zuidwest,")
    ocw = Entity(
        entity_iri("Ministerie van Onderwijs, Cultuur en Wetenschap"),
        "Ministerie van Onderwijs, Cultuur en Wetenschap",
        "Organisation",
        ["OCW"],
        [ministries],
        source="authority",
    )
    pact = Entity(entity_iri("Techniekpact"), "Techniekpact", "Programme", ["Techniekpact"])
    pact.evidence.append(regions)
    noord = Entity(entity_iri("Landsdeel Noord"), "Landsdeel Noord", "Region", ["Noord"], [regions])
    scheme = Entity(
        entity_iri("Regionale subsidieregeling"),
        "Regionale subsidieregeling",
        "Intervention",
        concepts=[REGELING],
    )
    return Extraction(
        DocumentInfo(doc, CORPUS_FILE, "txt", title="Evaluatie Techniekpact", issued="2020"),
        entities=[ocw, pact, noord, scheme],
        relations=[
            Relation(ocw.iri, "funds", pact.iri, ministries, "verb:financieren"),
            Relation(noord.iri, "participatesIn", pact.iri, regions, "list"),
            Relation(scheme.iri, "partOf", pact.iri, regions, "apposition"),
            Relation(scheme.iri, "addresses", KIEZEN, regions, "structure:box"),
            Relation(scheme.iri, "locatedIn", noord.iri, regions, "structure:box"),
        ],
        cooccurrences=[
            CoOccurrence(ocw.iri, pact.iri, 3, (ministries,)),
            CoOccurrence(ocw.iri, noord.iri, 1),
        ],
        labels={KIEZEN: "Kiezen"},
    )


@pytest.fixture
def extraction() -> Extraction:
    """A fresh copy of :func:`demo_extraction` (tests may change it)."""
    return demo_extraction()


@pytest.fixture(name="evidence_for")
def _evidence_for() -> object:
    """:func:`evidence_for`, for tests that need more real sentences."""
    return evidence_for
