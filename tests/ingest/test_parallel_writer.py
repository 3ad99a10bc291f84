"""The store triples are built as pyoxigraph terms directly (``graph.writer``), for throughput.

They replaced an rdflib ``Graph`` serialised to N-Triples and parsed again (most of a build's
time after extraction). These tests pin the output to what that path wrote: a hand-made
extraction that exercises every branch against the N-Triples the rdflib path produced for it,
and the rdflib view of the same triples against the pyoxigraph one on the demo corpus.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from beleidsgraaf.errors import StoreError
from beleidsgraaf.graph.writer import extraction_graph, extraction_triples
from beleidsgraaf.ingest.extract import demo_corpus, extract_paths
from beleidsgraaf.records import (
    CoOccurrence,
    DocumentInfo,
    Entity,
    Evidence,
    Extraction,
    Relation,
)

ID = "https://w3id.org/beleidsgraaf/id/"
H = "ab" * 32


def _extraction() -> Extraction:
    # ev1 and ev1b quote the same span: the longer text wins and ev1's page/section are dropped.
    # Control characters and U+FFFE are not XML characters and must vanish from literals.
    ev1 = Evidence(
        H, "De VU en de UT werken samen.\x0b", 10, 38, page=2, section=("Inleiding", "Samen")
    )
    ev1b = Evidence(H, "Samen: De VU en de UT werken samen.", 10, 38)
    ev2 = Evidence(H, "Het SLIM-fonds financiert Techniek\ufffe.", 40, 75)
    vu, fonds, theme = ID + "vu", ID + "slim-fonds", ID + "theme-techniek"
    return Extraction(
        document=DocumentInfo(
            H, "nota\x01.pdf", "pdf", title=None, publisher="VU", issued="2021", pages=3
        ),
        entities=[
            Entity(
                vu,
                "VU",
                "Organisation",
                ["VU", "Vrije Universiteit"],
                [ev1, ev1b],
                ["https://w3id.org/beleidsgraaf/def/kind/x"],
            ),
            Entity(fonds, "SLIM-fonds", "Intervention", ["SLIM-fonds"], [ev2]),
        ],
        relations=[
            Relation(fonds, "funds", vu, ev2, "verb:financieren"),
            Relation(fonds, "addresses", theme, ev2),
        ],
        cooccurrences=[CoOccurrence(vu, fonds, 2, (ev1, ev2))],
        labels={theme: "Techniek"},
    )


# Written by the rdflib Graph -> N-Triples -> pyoxigraph path before it was replaced.
EXPECTED = Path(__file__).with_name("test_parallel_writer_expected.nt")


def _before_registry_links(t: ox.Triple) -> bool:
    """The triples that path could write: registry links came later (tests/graph)."""
    return not (
        t.subject.value.startswith("https://w3id.org/beleidsgraaf/match/")
        or t.predicate.value == "http://www.w3.org/2004/02/skos/core#exactMatch"
    )


def test_triples_are_those_the_rdflib_path_wrote() -> None:
    triples = extraction_triples(_extraction())
    assert any(not _before_registry_links(t) for t in triples), "'VU' has registry candidates"
    got = sorted(f"{t} ." for t in triples if _before_registry_links(t))
    assert got == EXPECTED.read_text(encoding="utf-8").splitlines()


def test_rdflib_view_holds_the_same_triples_on_the_demo_corpus() -> None:
    for extraction in extract_paths(demo_corpus()[:2]):
        assert isinstance(extraction, Extraction)
        data = extraction_graph(extraction).serialize(format="nt", encoding="utf-8")
        parsed = {q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)}
        assert parsed == extraction_triples(extraction)
        assert len(parsed) > 500


def test_an_invalid_iri_is_a_store_error() -> None:
    bad = _extraction()
    bad.entities[0].iri = ID + "a b"
    with pytest.raises(StoreError, match="not valid RDF"):
        extraction_triples(bad)
