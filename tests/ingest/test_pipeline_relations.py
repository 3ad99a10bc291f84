"""Relations: verb cues and appositions on hand-made sentences; structure on the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from beleidsgraaf.ingest.extract import demo_corpus, extract_document, load_pipeline
from beleidsgraaf.ingest.records import Evidence, Extraction
from beleidsgraaf.ingest.relations import Located, cooccurrences, sentence_relations
from beleidsgraaf.ontology.iri import entity_iri

EV = Evidence(doc="0" * 64, text="…", start=0, end=1)


def located(sentence: str, name: str, kind: str, iri: str | None = None) -> Located:
    start = sentence.index(name)
    return Located(iri or name, kind, start, start + len(name))


def triples(sentence: str, *items: Located) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in sentence_relations(sentence, items, EV)}


def test_verb_cues_relate_actors_to_programmes() -> None:
    s = "Het UWV en de SER werken samen en financieren het Actieplan Groen."
    found = triples(
        s,
        located(s, "UWV", "Organisation"),
        located(s, "SER", "Organisation"),
        located(s, "Actieplan Groen", "Intervention"),
    )
    assert ("UWV", "funds", "Actieplan Groen") in found
    assert ("SER", "funds", "Actieplan Groen") in found
    assert ("UWV", "collaboratesWith", "SER") in found


def test_no_cue_no_typed_relation_only_cooccurrence() -> None:
    s = "Het UWV en het Actieplan Groen staan in de bijlage."
    items = (located(s, "UWV", "Organisation"), located(s, "Actieplan Groen", "Intervention"))
    assert triples(s, *items) == set()
    (link,) = cooccurrences([(["UWV", "Actieplan Groen"], EV), (["UWV", "Actieplan Groen"], EV)])
    assert (link.a, link.b, link.weight) == ("Actieplan Groen", "UWV", 2)


def test_apposition_and_place() -> None:
    s = "Coördinator is Jan Jansen (VU) van het Techlab in Delft."
    found = triples(
        s,
        located(s, "Jan Jansen", "Person"),
        located(s, "VU", "Organisation"),
        located(s, "Techlab", "Intervention"),
        located(s, "Delft", "Region"),
    )
    assert ("Jan Jansen", "partOf", "VU") in found
    assert ("Techlab", "locatedIn", "Delft") in found
    assert ("Jan Jansen", "coordinates", "Techlab") in found


@pytest.fixture(scope="module")
def techniekpact() -> Extraction:
    path = next(p for p in demo_corpus() if p.name == "techniekpact-evaluatie-2020.txt")
    return extract_document(path, load_pipeline())


def test_box_entries_are_interventions_in_their_landsdeel_addressing_the_goal(
    techniekpact: Extraction,
) -> None:
    by_iri = {e.iri: e for e in techniekpact.entities}
    oost = entity_iri("Landsdeel Oost")
    kiezen = [
        iri for iri, label in techniekpact.labels.items() if label.casefold().startswith("kiezen")
    ]
    assert kiezen, "the action line 'kiezen' is labelled"
    in_oost = {
        by_iri[r.subject].label
        for r in techniekpact.relations
        if r.predicate == "locatedIn" and r.object == oost and r.method == "structure:box"
    }
    assert {"TechYourFuture", "Innofunding", "STERA"} <= in_oost
    tyf = next(e for e in techniekpact.entities if e.label == "TechYourFuture")
    assert tyf.type == "Intervention"
    box = next(r for r in techniekpact.relations if r.subject == tyf.iri and r.object == oost)
    assert box.evidence.text.startswith("Box 2.1")
    assert any(
        r.subject == tyf.iri and r.predicate == "addresses" and r.object in kiezen
        for r in techniekpact.relations
    )


def test_table_of_landsdelen_gives_provinces_part_of_their_landsdeel(
    techniekpact: Extraction,
) -> None:
    part_of = {
        (r.subject, r.object)
        for r in techniekpact.relations
        if r.predicate == "partOf" and r.method == "structure:table"
    }
    assert (entity_iri("Friesland"), entity_iri("Landsdeel Noord")) in part_of
    assert (entity_iri("Zeeland"), entity_iri("Landsdeel Zuidwest")) in part_of
    assert (entity_iri("Friesland"), entity_iri("Landsdeel Zuidwest")) not in part_of


def test_instrument_kind_and_authority_concepts(techniekpact: Extraction) -> None:
    rif = next(e for e in techniekpact.entities if "RIF" in e.mentions)
    assert rif.concepts == ["https://w3id.org/beleidsgraaf/id/instrument/fonds"]
    noord = next(e for e in techniekpact.entities if e.iri == entity_iri("Landsdeel Noord"))
    assert "https://w3id.org/beleidsgraaf/id/soort/landsdeel" in noord.concepts


def test_only_programmes_and_interventions_address_a_goal(techniekpact: Extraction) -> None:
    # The ontology's shapes allow bg:addresses only from a Programme or Intervention; a box
    # entry that is an organisation ('... Centre') is only located in its landsdeel.
    type_of = {e.iri: e.type for e in techniekpact.entities}
    addressing = [r for r in techniekpact.relations if r.predicate == "addresses"]
    assert addressing
    assert {type_of[r.subject] for r in addressing} <= {"Programme", "Intervention"}
    boxed_orgs = {
        r.subject
        for r in techniekpact.relations
        if r.method == "structure:box"
        and r.predicate == "locatedIn"
        and type_of.get(r.subject) == "Organisation"
    }
    assert boxed_orgs


def test_plans_listed_in_a_table_of_landsdelen_are_not_places(techniekpact: Extraction) -> None:
    from beleidsgraaf.ingest.pipeline.lexicon import lexicon
    from beleidsgraaf.ontology.authority import landsdelen

    areas = {entry.iri for entry in landsdelen()}

    def headed(label: str) -> bool:
        return any(lexicon().head_type(w) in {"Programme", "Intervention"} for w in label.split())

    type_of = {e.iri: e.type for e in techniekpact.entities}
    label_of = {e.iri: e.label for e in techniekpact.entities}
    parts = [
        label_of[r.subject]
        for r in techniekpact.relations
        if r.method == "structure:table" and r.predicate == "partOf" and r.object in areas
    ]
    assert parts and not [p for p in parts if headed(p)]
    plans_in_landsdelen = [
        r
        for r in techniekpact.relations
        if r.method == "structure:table" and r.predicate == "locatedIn" and r.object in areas
    ]
    assert plans_in_landsdelen
    assert {type_of[r.subject] for r in plans_in_landsdelen} <= {"Programme", "Intervention"}


@pytest.mark.parametrize(("opening", "carried"), [("Zij", True), ("Sindsdien", False)])
def test_a_pronoun_carries_the_subject_of_the_sentence_before(
    tmp_path: Path, opening: str, carried: bool
) -> None:
    text = (
        "De Stichting Techniek Twente werd in 2019 opgericht door bedrijven uit de regio.\n"
        f"{opening} coördineert zij het Actieprogramma Techniek Twente.\n"
    ).replace("Zij coördineert zij", "Zij coördineert")
    path = tmp_path / "stichting.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract_document(path, load_pipeline())
    label = {e.iri: e.label for e in extraction.entities}
    found = {
        (label[r.subject], r.predicate, label[r.object], r.evidence.text)
        for r in extraction.relations
    }
    expected = (
        "Stichting Techniek Twente",
        "coordinates",
        "Actieprogramma Techniek Twente",
        text.splitlines()[1],
    )
    assert (expected in found) is carried
