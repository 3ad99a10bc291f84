"""Registry linking measured on a hand-checked set, and its rules checked one by one.

``registry_gold.csv`` lists the organisations the demo corpus's graph holds (every one, junk
included: a link on junk is an error) and those the validation texts name, with the correct ROR
id, Wikidata id and TOOI id in the committed snapshots, or 'none'. Each was checked by hand
against the snapshot records (``note`` says why where it is not obvious). The entity is linked
as the graph writer links it: IRI from the label (so an authority actor brings its names and
kind), no document mentions.

Print the figures (they are in ``docs/registries.md``)::

    .venv/bin/python tests/ontology/test_registry_linking.py
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from beleidsgraaf.errors import CuratorError
from beleidsgraaf.ontology.iri import BASE, entity_iri
from beleidsgraaf.ontology.linking import (
    ASSERT_AT,
    LinkDecisions,
    link_entity,
    normalise,
    parse_link_decisions,
)
from beleidsgraaf.ontology.registries import (
    ROR,
    TOOI,
    WIKIDATA,
    government_records,
    ror_records,
)

GOLD = Path(__file__).with_name("registry_gold.csv")


@dataclass
class Figures:
    asserted: int = 0
    correct: int = 0
    linkable: int = 0
    recalled: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.asserted if self.asserted else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.linkable if self.linkable else 1.0


def _gold_iris(row: dict[str, str]) -> dict[str, str]:
    """Registry -> expected IRI for the registries in which the organisation has a record."""
    out = {}
    if row["ror"] != "none":
        out["ROR"] = ROR + row["ror"]
    if row["tooi"] != "none":
        prefix = "provincie/" if row["tooi"].startswith("pv") else ""
        record = next(r for r in government_records() if r.iri.endswith("/" + row["tooi"]))
        out["TOOI"] = record.iri if not prefix else TOOI + prefix + row["tooi"]
    return out


def measure(rows: list[dict[str, str]] | None = None) -> Figures:
    """Precision of asserted links (ROR, TOOI and Wikidata each count) and recall of the
    organisations that have a record: recalled when every registry that has it is linked."""
    rows = rows if rows is not None else list(csv.DictReader(GOLD.open(encoding="utf-8")))
    figures = Figures()
    for row in rows:
        label = row["label"]
        matches = [m for m in link_entity(entity_iri(label), row["type"], label) if m.asserted]
        expected = _gold_iris(row)
        wikidata = WIKIDATA + row["wikidata"] if row["wikidata"] != "none" else None
        for m in matches:
            figures.asserted += 1
            if expected.get(m.record.registry) == m.record.iri:
                figures.correct += 1
            else:
                figures.wrong.append(f"{label} -> {m.record.iri}")
        for linked in sorted({m.record.wikidata for m in matches if m.record.wikidata}):
            figures.asserted += 1
            if linked == wikidata:
                figures.correct += 1
            else:
                figures.wrong.append(f"{label} -> {linked}")
        if expected:
            figures.linkable += 1
            linked_iris = {m.record.iri for m in matches}
            if set(expected.values()) <= linked_iris:
                figures.recalled += 1
            else:
                figures.missed.append(label)
    return figures


def test_asserted_links_are_precise_and_linkable_organisations_are_found() -> None:
    figures = measure()
    assert figures.linkable >= 60, "the hand-checked set is meant to cover the corpus's actors"
    assert figures.precision >= 0.98, figures.wrong
    assert figures.recall >= 0.80, figures.missed


def test_the_gold_set_names_only_records_of_the_snapshots() -> None:
    known = {r.iri for r in ror_records()} | {r.iri for r in government_records()}
    for row in csv.DictReader(GOLD.open(encoding="utf-8")):
        for iri in _gold_iris(row).values():
            assert iri in known, (row["label"], iri)


def test_registries_that_both_know_an_organisation_give_it_one_wikidata_item() -> None:
    """ROR and the government register are independent sources; where a confident match puts
    an organisation in both, their Wikidata ids must agree (else nothing is asserted)."""
    for row in csv.DictReader(GOLD.open(encoding="utf-8")):
        matches = [
            m
            for m in link_entity(entity_iri(row["label"]), row["type"], row["label"])
            if m.asserted
        ]
        assert len({m.record.wikidata for m in matches if m.record.wikidata}) <= 1, row


def _link(label: str, entity_type: str = "Organisation", **kwargs):  # type: ignore[no-untyped-def]
    return link_entity(entity_iri(label), entity_type, label, **kwargs)


def test_dutch_and_english_names_and_kind_words_are_one_name() -> None:
    (tud,) = [m for m in _link("Delft University of Technology") if m.asserted]
    assert tud.record.iri == ROR + "02e2c7k09"
    (han,) = [m for m in _link("hogeschool Arnhem-Nijmegen") if m.asserted]
    assert (han.record.iri, han.method) == (ROR + "0500gea42", "variant")
    assert normalise("Wageningen University & Research") == normalise(
        "wageningen university and research"
    )


def test_an_acronym_alone_only_proposes() -> None:
    matches = _link("NFU")
    assert matches and not any(m.asserted for m in matches)
    assert all(m.method == "acronym" and m.score < ASSERT_AT for m in matches)


def test_a_kind_that_does_not_fit_keeps_a_match_from_being_asserted() -> None:
    ministry = BASE + "id/soort/ministerie"
    matches = _link("Delft University of Technology", concepts=[ministry])
    assert matches and not any(m.asserted for m in matches)
    assert "kind-mismatch" in matches[0].method


def test_a_record_shared_by_two_authority_actors_goes_to_the_one_it_fits() -> None:
    """Wageningen University is part of Wageningen University & Research; ROR has one record."""
    wur = [m for m in _link("Wageningen University & Research") if m.asserted]
    wu = _link("Wageningen University")
    assert [m.record.iri for m in wur] == [ROR + "04qw24q55"]
    assert not any(m.asserted for m in wu)


def test_provinces_link_as_public_bodies_in_both_registers() -> None:
    matches = {m.record.registry: m for m in _link("Gelderland", "Region") if m.asserted}
    assert matches["TOOI"].record.iri == TOOI + "provincie/pv25"
    assert matches["ROR"].record.iri == ROR + "014cbz578"
    assert matches["TOOI"].record.wikidata == WIKIDATA + "Q775"
    # Areas that are no public body (a landsdeel) are not linked at all.
    assert _link("Landsdeel Oost", "Region") == []


def test_things_that_are_not_organisations_are_not_linked() -> None:
    assert _link("Techniekpact", "Programme") == []
    assert _link("Gelderland", "Person") == []


def test_an_asserted_link_carries_every_identifier_of_its_record() -> None:
    (tno_ror,) = [m for m in _link("TNO") if m.asserted and m.record.registry == "ROR"]
    assert tno_ror.targets[:2] == (ROR + "01bnjb948", WIKIDATA + "Q1867222")
    assert any(t.startswith("https://doi.org/10.13039/") for t in tno_ror.targets)
    assert tno_ror.snapshot.startswith("ROR v")


def test_curator_decisions_accept_a_candidate_and_reject_a_link() -> None:
    tue = ROR + "02c2kyt77"
    accept = LinkDecisions(accept={"Technologische Universiteit Eindhoven": (tue,)})
    (accepted,) = [m for m in _link("Technologische Universiteit Eindhoven", decisions=accept)]
    assert (accepted.record.iri, accepted.method, accepted.asserted) == (tue, "curator", True)
    saxion = ROR + "005t9n460"
    reject = LinkDecisions(reject={"hogeschool saxion": (saxion,)})
    assert not any(m.record.iri == saxion for m in _link("Hogeschool Saxion", decisions=reject))


def test_the_link_section_of_a_curator_file_is_checked() -> None:
    decisions = parse_link_decisions("c.yaml", {"accept": {"X": ROR + "02c2kyt77"}})
    assert decisions.accept == {"X": (ROR + "02c2kyt77",)}
    with pytest.raises(CuratorError, match=r"c\.yaml: link accept 'X'.*not a record"):
        parse_link_decisions("c.yaml", {"accept": {"X": "https://ror.org/000000000"}})
    with pytest.raises(CuratorError, match="accept and/or reject"):
        parse_link_decisions("c.yaml", {"maybe": {}})


if __name__ == "__main__":
    result = measure()
    print(f"asserted links: {result.asserted}, correct: {result.correct}")
    print(f"precision of asserted links: {result.precision:.3f}")
    print(f"linkable organisations: {result.linkable}, found: {result.recalled}")
    print(f"recall of linkable organisations: {result.recall:.3f}")
    print("wrong:", "; ".join(result.wrong) or "none")
    print("missed:", "; ".join(result.missed) or "none")
