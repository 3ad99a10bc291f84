"""Streaming extraction: one document at a time, large files in chunks, actors unified on the way.

Also the document-level rules that came with it: the authors as the unstated subject of 'we'
sentences, and acronyms linked to the one name whose initials they spell.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from beleidsgraaf.errors import DocumentError
from beleidsgraaf.ingest.extract import (
    demo_corpus,
    extract_chunked,
    extract_document,
    extract_paths,
    load_pipeline,
)
from beleidsgraaf.ingest.resolution import Unifier, unify
from beleidsgraaf.ontology.iri import entity_iri
from beleidsgraaf.records import Extraction


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


DEFINES = "De Stichting Zeeuwse Vakscholen (SZV) is opgericht in 2019.\n"
USES = "Het SZV organiseert de open dag voor scholieren in Goes.\n"


def test_each_document_is_yielded_before_the_next_is_read(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", DEFINES)
    b = write(tmp_path, "b.txt", USES)
    results = extract_paths([a, b])
    first = next(results)
    assert isinstance(first, Extraction)
    # Only now is b read: breaking it after a was yielded shows in b's result.
    b.write_bytes(bytes(range(256)) * 40)
    second = next(results)
    assert isinstance(second, DocumentError)
    assert "b.txt" in str(second)


def test_streaming_unifies_a_later_use_of_an_acronym(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = extract_document(write(tmp_path, "a.txt", DEFINES), nlp)
    b = extract_document(write(tmp_path, "b.txt", USES), nlp)
    long_form = entity_iri("Stichting Zeeuwse Vakscholen")
    unifier = Unifier()
    unifier(a)
    unifier(b)
    assert {e.iri for e in b.entities if "SZV" in e.mentions} == {long_form}


def test_batch_unify_does_not_depend_on_order(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = extract_document(write(tmp_path, "a.txt", DEFINES), nlp)
    b = extract_document(write(tmp_path, "b.txt", USES), nlp)
    unify([b, a])  # the use comes first
    assert {e.iri for e in b.entities if "SZV" in e.mentions} == {
        entity_iri("Stichting Zeeuwse Vakscholen")
    }


def test_chunked_extraction_agrees_with_whole_extraction(nlp) -> None:  # type: ignore[no-untyped-def]
    path = next(p for p in demo_corpus() if p.name == "vu-ut-ambitiedocument.txt")
    whole = extract_document(path, nlp)
    chunked = extract_chunked(path, nlp, max_chars=4000)
    text = path.read_text(encoding="utf-8")
    assert chunked.document.characters == len(text) == whole.document.characters
    assert chunked.document.content_hash == whole.document.content_hash
    mine = {e.iri for e in chunked.entities}
    theirs = {e.iri for e in whole.entities}
    assert len(mine & theirs) >= 0.8 * len(theirs)
    assert entity_iri("Vrije Universiteit Amsterdam") in mine
    # Offsets of later chunks are offsets in the whole file.
    late = [r.evidence for r in chunked.relations if r.evidence.start > 8000]
    assert late
    for ev in late:
        stated = " ".join(text[ev.start : ev.end].split())
        assert stated[:15] == " ".join(ev.text.split())[:15]


def test_the_authors_are_the_subject_of_we_sentences(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Inleiding\n\nWij werken samen met de Hogeschool Utrecht en de Universiteit Leiden.\n\n"
        "Samenwerking met de Provincie Zeeland is nog in voorbereiding.\n"
    )
    doc = write(tmp_path, "jaarverslag.txt", body)
    write(tmp_path, "jaarverslag.txt.meta.yaml", "publisher: Stichting Techniek Oost (STO)\n")
    extraction = extract_document(doc, nlp)
    author = entity_iri("Stichting Techniek Oost")
    pairs = {(r.subject, r.predicate, r.object) for r in extraction.relations}
    assert (author, "collaboratesWith", entity_iri("Hogeschool Utrecht")) in pairs
    entity = next(e for e in extraction.entities if e.iri == author)
    assert entity.type == "Organisation" and "STO" in entity.mentions


def test_a_report_written_for_someone_has_no_implicit_subject(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = write(
        tmp_path, "evaluatie.txt", "Inleiding\n\nWij spraken samen met de Hogeschool Utrecht.\n"
    )
    write(
        tmp_path,
        "evaluatie.txt.meta.yaml",
        "publisher: Bureau Onderzoek Oost, for the ministry of OCW\n",
    )
    extraction = extract_document(doc, nlp)
    assert not [r for r in extraction.relations if r.predicate == "collaboratesWith"]


def test_an_undefined_acronym_links_to_the_name_it_spells(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = write(
        tmp_path,
        "plan.txt",
        "Het programma Sterke Techniek Regio Noord loopt tot 2025.\n\n"
        "Het STRN-programma wordt uitgevoerd door de Hogeschool Utrecht.\n",
    )
    extraction = extract_document(doc, nlp)
    holders = [e for e in extraction.entities if any("STRN" in m for m in e.mentions)]
    assert len(holders) == 1
    assert "Sterke Techniek Regio Noord" in holders[0].mentions


def test_an_acronym_two_names_spell_links_to_neither(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = write(
        tmp_path,
        "plan.txt",
        "Het programma Sterke Techniek Regio Noord loopt tot 2025. De Stichting Technologie "
        "Raad Nederland doet mee.\n\nHet STRN-programma wordt uitgevoerd in Utrecht.\n",
    )
    extraction = extract_document(doc, nlp)
    for entity in extraction.entities:
        if any("STRN" in m for m in entity.mentions):
            assert "Sterke Techniek Regio Noord" not in entity.mentions
