"""Relations: the grammar rules on hand-made sentences; structure on the real corpus.

The sentence tests mark their entities by hand (``located``) and run the parse and the rule
engine alone (no classifier), so they check which Dutch constructions the rules read, whatever
the name finder or the trained classifier would make of them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from spacy.language import Language

from beleidsgraaf.ingest.extract import demo_corpus, extract_document, load_pipeline
from beleidsgraaf.ingest.relations.decide import decide, sentence_candidates
from beleidsgraaf.ingest.relations.document import cooccurrences
from beleidsgraaf.ingest.relations.names import place_in_name
from beleidsgraaf.ingest.relations.rules import Arg
from beleidsgraaf.ingest.resolution import loose_key
from beleidsgraaf.ontology.iri import entity_iri
from beleidsgraaf.records import Entity, Evidence, Extraction

EV = Evidence(doc="0" * 64, text="…", start=0, end=1)
Mark = tuple[int, int, str, str]


@cache
def _nlp() -> Language:
    import beleidsgraaf.ingest.pipeline.factories  # noqa: F401
    from beleidsgraaf.ingest.pipeline.tokenizer import create_tokenizer
    from beleidsgraaf.ingest.syntax.model import syntax_pipeline

    nlp = syntax_pipeline()
    nlp.tokenizer = create_tokenizer()(nlp)
    return nlp


def located(sentence: str, name: str, kind: str, iri: str | None = None) -> Mark:
    start = sentence.index(name)
    return (start, start + len(name), iri or name, kind)


def triples(sentence: str, *items: Mark) -> set[tuple[str, str, str]]:
    """What the rules state between the marked entities of ``sentence``."""
    doc = _nlp()(sentence)
    args = [
        Arg(span, iri, kind)
        for start, end, iri, kind in items
        if (span := doc.char_span(start, end, alignment_mode="expand")) is not None
    ]
    candidates = [c for sent in doc.sents for c in sentence_candidates(sent, args)]
    return {
        (d.candidate.subject.iri, d.predicate, d.candidate.object.iri)
        for d in decide(candidates, use_shipped=False, threshold=0.0)
    }


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
    # Zeeland's is also stated in a sentence before the table ('In landsdeel Zuidwest ... Zeeland
    # als provincie een deelregio'), which keeps the sentence's evidence.
    any_part_of = {(r.subject, r.object) for r in techniekpact.relations if r.predicate == "partOf"}
    assert (entity_iri("Zeeland"), entity_iri("Landsdeel Zuidwest")) in any_part_of
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


# -- verb frames: who is the subject, who the object ---------------------------------------------


def test_met_frame_relates_the_subject_to_each_partner_not_the_partners_to_each_other() -> None:
    s = "De 4TU.Federatie zal een actieve samenwerking aangaan met de koepels VNO-NCW en FME."
    found = triples(
        s,
        located(s, "4TU.Federatie", "Organisation"),
        located(s, "VNO-NCW", "Organisation"),
        located(s, "FME", "Organisation"),
    )
    assert found == {
        ("4TU.Federatie", "collaboratesWith", "VNO-NCW"),
        ("4TU.Federatie", "collaboratesWith", "FME"),
    }


def test_a_run_governed_by_a_preposition_is_not_the_subject() -> None:
    s = (
        "Daarom organiseert de SBB in opdracht van de ministeries OCW en SZW samen met de "
        "Programmaraad pilots."
    )
    found = triples(
        s,
        located(s, "SBB", "Organisation"),
        located(s, "OCW", "Organisation"),
        located(s, "SZW", "Organisation"),
        located(s, "Programmaraad", "Organisation"),
    )
    assert ("SBB", "collaboratesWith", "Programmaraad") in found
    assert not {t for t in found if "OCW" in t and t[1] == "collaboratesWith"}


@pytest.mark.parametrize(
    ("sentence", "predicate"),
    [
        (
            "Het Regionaal Techniekfonds wordt gefinancierd door de provincie Utrecht en UWV.",
            "funds",
        ),
        (
            "Het Regionaal Techniekfonds is met subsidie van de provincie Utrecht en UWV opgezet.",
            "funds",
        ),
        (
            "Het Regionaal Techniekfonds loopt onder leiding van de provincie Utrecht en UWV.",
            "coordinates",
        ),
        (
            "Het Regionaal Techniekfonds is georganiseerd door de provincie Utrecht en UWV.",
            "implements",
        ),
    ],
)
def test_agent_frames_give_every_coordinated_agent_the_relation(
    sentence: str, predicate: str
) -> None:
    found = triples(
        sentence,
        located(sentence, "Regionaal Techniekfonds", "Intervention"),
        located(sentence, "provincie Utrecht", "Organisation"),
        located(sentence, "UWV", "Organisation"),
    )
    assert ("provincie Utrecht", predicate, "Regionaal Techniekfonds") in found
    assert ("UWV", predicate, "Regionaal Techniekfonds") in found
    assert not {t for t in found if t[1] == predicate and t[0] == "Regionaal Techniekfonds"}


def test_membership_frames() -> None:
    s = "Net als Jet-Net maakt ook Katapult deel uit van het Platform Talent."
    found = triples(
        s,
        located(s, "Jet-Net", "Organisation"),
        located(s, "Katapult", "Organisation"),
        located(s, "Platform Talent", "Organisation"),
    )
    assert found == {("Katapult", "partOf", "Platform Talent")}
    t = "4TU en NFU maken samen deel uit van de Cardio Alliantie en STZ wil meer samenwerking."
    found = triples(
        t,
        located(t, "4TU", "Organisation"),
        located(t, "NFU", "Organisation"),
        located(t, "Cardio Alliantie", "Programme"),
        located(t, "STZ", "Organisation"),
    )
    assert ("4TU", "participatesIn", "Cardio Alliantie") in found
    assert ("NFU", "participatesIn", "Cardio Alliantie") in found
    assert not {r for r in found if r[2] == "STZ" or r[0] == "STZ"}
    # An alliance typed as a body is still a collaboration its members take part in.
    found = triples(
        t,
        located(t, "4TU", "Organisation"),
        located(t, "NFU", "Organisation"),
        located(t, "Cardio Alliantie", "Organisation"),
    )
    assert ("4TU", "participatesIn", "Cardio Alliantie") in found
    assert not {r for r in found if r[1] == "partOf"}


def test_plan_of_owners_and_inverted_participation() -> None:
    s = "Er is een actieplan ‘werk en toekomst’ van VHTO, Atria en NVR."
    found = triples(
        s,
        located(s, "actieplan ‘werk en toekomst’", "Intervention"),
        located(s, "VHTO", "Organisation"),
        located(s, "Atria", "Organisation"),
        located(s, "NVR", "Organisation"),
    )
    plan = "actieplan ‘werk en toekomst’"
    assert {("VHTO", "implements", plan), ("NVR", "implements", plan)} <= found
    assert ("VHTO", "collaboratesWith", "Atria") in found
    s = "De in 2019 verschenen Strategische Agenda Kust van IenW zet in op samenwerking."
    found = triples(
        s,
        located(s, "Strategische Agenda Kust", "Programme"),
        located(s, "IenW", "Organisation"),
    )
    assert found == {("IenW", "coordinates", "Strategische Agenda Kust")}
    t = "In de Landelijke Regiegroep nemen veel partijen deel, zoals het UWV en de MBO Raad."
    found = triples(
        t,
        located(t, "Landelijke Regiegroep", "Organisation"),
        located(t, "UWV", "Organisation"),
        located(t, "MBO Raad", "Organisation"),
    )
    assert found == {
        ("UWV", "participatesIn", "Landelijke Regiegroep"),
        ("MBO Raad", "participatesIn", "Landelijke Regiegroep"),
    }


def test_bodies_members_and_mergers() -> None:
    s = "Ook de coalition of the willing (NWO-TTW, TNO en EZK) zet zich in."
    found = triples(
        s,
        located(s, "coalition of the willing", "Organisation"),
        located(s, "NWO-TTW", "Organisation"),
        located(s, "TNO", "Organisation"),
        located(s, "EZK", "Organisation"),
    )
    assert ("TNO", "participatesIn", "coalition of the willing") in found
    t = "Via de samenvoeging van TechniekTalent.nu, Jet-Net en PBT tot Platform Talent is er meer."
    found = triples(
        t,
        *(located(t, n, "Organisation") for n in ("TechniekTalent.nu", "Jet-Net", "PBT")),
        located(t, "Platform Talent", "Organisation"),
    )
    assert {(n, "partOf", "Platform Talent") for n in ("Jet-Net", "PBT")} <= found


def test_a_cue_inside_a_name_or_capitalised_is_no_cue() -> None:
    s = "De alliantie Leiden-Delft-Erasmus en de 4TU.Federatie vormen de Landelijke Regiegroep."
    found = triples(
        s,
        located(s, "Leiden-Delft-Erasmus", "Programme"),
        located(s, "4TU.Federatie", "Organisation"),
        located(s, "Landelijke Regiegroep", "Programme"),
    )
    assert not {t for t in found if t[1] == "coordinates"}


def test_the_publisher_works_with_the_partners_of_an_impersonal_sentence() -> None:
    path = next(p for p in demo_corpus() if p.name == "sac-htno-jaarverslag-2023.txt")
    extraction = extract_document(path, load_pipeline())
    label = {e.iri: e.label for e in extraction.entities}
    found = {(label[r.subject], r.predicate, label[r.object]) for r in extraction.relations}
    sac = next(e.label for e in extraction.entities if "sac htno" in e.mentions)
    assert (sac, "collaboratesWith", "FME") in found
    assert not {t for t in found if t[0] == "FME" and t[1] == "collaboratesWith"}


def test_a_passive_without_agent_and_a_non_list_bracket_name_no_doer() -> None:
    s = "Om STEM te stimuleren is in 2019 het STEM-actieprogramma (MINT) gelanceerd."
    found = triples(
        s, located(s, "MINT", "Organisation"), located(s, "STEM-actieprogramma", "Programme")
    )
    assert found == set()
    t = "Zoals High-Tech-to-Feed (bij thema Landbouw, Water en Voedsel) en ECCM."
    found = triples(
        t,
        located(t, "High-Tech-to-Feed", "Programme"),
        located(t, "Landbouw", "Organisation"),
        located(t, "Voedsel", "Organisation"),
    )
    assert found == set()
    u = "Het UWV heeft in 2019 het Techniekfonds gelanceerd voor een startup ecosysteem."
    found = triples(
        u, located(u, "UWV", "Organisation"), located(u, "Techniekfonds", "Intervention")
    )
    assert found == {("UWV", "implements", "Techniekfonds")}


def test_places_in_brackets_addresses_and_only_in_the_same_phrase() -> None:
    s = "De 4TU heeft banden met TU9 (Duitsland) en TU Austria (Oostenrijk)."
    found = triples(
        s,
        located(s, "TU9", "Organisation"),
        located(s, "Duitsland", "Region"),
        located(s, "TU Austria", "Organisation"),
        located(s, "Oostenrijk", "Region"),
    )
    assert {("TU9", "locatedIn", "Duitsland"), ("TU Austria", "locatedIn", "Oostenrijk")} <= found
    t = "Universiteit Twente Drienerlolaan 5 7522 NB Enschede"
    found = triples(
        t, located(t, "Universiteit Twente", "Organisation"), located(t, "Enschede", "Region")
    )
    assert found == {("Universiteit Twente", "locatedIn", "Enschede")}
    u = "Het CEE en haar partners brengen in Brussel het belang van vernieuwing onder de aandacht."
    found = triples(u, located(u, "CEE", "Organisation"), located(u, "Brussel", "Region"))
    assert found == set()


def test_box_entries_keep_their_own_name(
    techniekpact: Extraction,
) -> None:
    label = {e.iri: e.label for e in techniekpact.entities}
    boxed = {
        label[r.subject]
        for r in techniekpact.relations
        if r.method == "structure:box" and r.predicate == "locatedIn"
    }
    # 'High Tech Centre Delft' is the entry; 'Tech Centre Delft' is a piece of its name.
    assert "High Tech Centre Delft" in boxed and "Tech Centre Delft" not in boxed


def test_box_entry_names_from_quotes_and_colons() -> None:
    from beleidsgraaf.ingest.relations.structure import _name_of_item

    assert _name_of_item("‘De docent van de 21e eeuw’") == "De docent van de 21e eeuw"
    assert _name_of_item("Jean school: unieke vakopleiding voor denim developers") == "Jean school"
    assert _name_of_item("‘extra’ kosten, zoals btw en scholing") is None
    assert _name_of_item("Ouderparticipatie", frozenset({"ouderparticipatie"})) is None
    # The site after a name is its address, not part of it.
    assert _name_of_item("Zeeuws Techniek Platform www.zeeuwstechniek.nl") == (
        "Zeeuws Techniek Platform"
    )


def test_organisations_in_a_box_entry_carry_it_out(techniekpact: Extraction) -> None:
    label = {e.iri: e.label for e in techniekpact.entities}
    found = {
        (label[r.subject], r.predicate, label[r.object])
        for r in techniekpact.relations
        if r.method == "structure:box" and r.predicate != "addresses"
    }
    assert ("SEECE", "implements", "Programma ‘Werken en leren met energie’") in found


def test_list_items_complete_the_sentence_that_announces_them(tmp_path: Path) -> None:
    text = (
        "Samenwerking in de regio\n\n"
        "De Stichting Techniek Twente werd in 2019 opgericht. De Stichting Techniek Twente "
        "werkt samen met:\n"
        "• TNO\n"
        "• het UWV\n"
    )
    path = tmp_path / "stichting.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract_document(path, load_pipeline())
    label = {e.iri: e.label for e in extraction.entities}
    found = {
        (label[r.subject], r.predicate, label[r.object], r.method)
        for r in extraction.relations
        if r.predicate == "collaboratesWith"
    }
    partners = {s if o == "Stichting Techniek Twente" else o for s, _, o, _ in found}
    assert {"TNO", "Uitvoeringsinstituut Werknemersverzekeringen"} <= partners, found
    assert all(m.startswith("structure:list") for *_, m in found)


def test_adjunct_actors_and_focus_verbs_are_not_doers() -> None:
    s = "Vanuit 4TU zal het programma 4TU.Impact dit proces gaan uitvoeren."
    found = triples(s, located(s, "4TU", "Organisation"), located(s, "4TU.Impact", "Programme"))
    assert found == set()
    t = "De Strategische Agenda van OCW zet ook in op samenwerking."
    found = triples(
        t, located(t, "Strategische Agenda", "Programme"), located(t, "OCW", "Organisation")
    )
    # The programme of OCW (which OCW leads), not 'zet op'.
    assert found == {("OCW", "coordinates", "Strategische Agenda")}
    u = "Het versterken (HTSF, het CEE, 4TU.Impact en de coalitie met het Duitse TU9)."
    found = triples(
        u,
        located(u, "HTSF", "Programme"),
        located(u, "CEE", "Organisation"),
        located(u, "4TU.Impact", "Programme"),
        located(u, "TU9", "Organisation"),
    )
    assert not {t for t in found if t[1] == "collaboratesWith" and "TU9" in t}


def test_a_cue_relates_the_doer_of_its_own_clause() -> None:
    s = (
        "De topsector Techniek zal het voortouw nemen om met KEM en MJP een analyse van "
        "het Innovatieplan op te stellen."
    )
    found = triples(
        s,
        located(s, "KEM", "Organisation"),
        located(s, "MJP", "Organisation"),
        located(s, "Innovatieplan", "Programme"),
    )
    assert not {t for t in found if t[1] == "coordinates"}
    t = "Daarom treedt VLAIO gezamenlijk op om het STEM-actieplan te coördineren."
    found = triples(
        t, located(t, "VLAIO", "Organisation"), located(t, "STEM-actieplan", "Intervention")
    )
    assert ("VLAIO", "coordinates", "STEM-actieplan") in found


def test_joint_agents_subsidised_organisations_and_programmes_with_members() -> None:
    s = "Het onderzoek is uitgevoerd door SEO Economisch Onderzoek en Technopolis Group."
    found = triples(
        s,
        located(s, "SEO Economisch Onderzoek", "Organisation"),
        located(s, "Technopolis Group", "Organisation"),
    )
    assert found == {("SEO Economisch Onderzoek", "collaboratesWith", "Technopolis Group")}
    t = "Er is een CIV (voor het mbo) en een Center of Expertise met subsidies van EZK opgezet."
    found = triples(
        t,
        located(t, "CIV", "Organisation"),
        located(t, "Center of Expertise", "Organisation"),
        located(t, "EZK", "Organisation"),
    )
    assert {("EZK", "funds", "CIV"), ("EZK", "funds", "Center of Expertise")} <= found
    u = "Dit volgt het Pieken in de Delta programma waarin West-Brabant samenwerkte met Zeeland."
    found = triples(
        u,
        located(u, "Pieken in de Delta", "Programme"),
        located(u, "West-Brabant", "Region"),
        located(u, "Zeeland", "Region"),
    )
    assert ("Zeeland", "participatesIn", "Pieken in de Delta") in found


def test_the_asked_party_does_it_and_together_must_stand_near_its_list() -> None:
    s = "Het ministerie van EZK heeft TKI HTSM gevraagd het Innovatieplan te coördineren."
    found = triples(
        s,
        located(s, "ministerie van EZK", "Organisation"),
        located(s, "TKI HTSM", "Organisation"),
        located(s, "Innovatieplan", "Programme"),
    )
    assert ("TKI HTSM", "coordinates", "Innovatieplan") in found
    assert ("ministerie van EZK", "coordinates", "Innovatieplan") not in found
    t = "Dit helpt bij NWO en TO2, al dan niet in het kader van de publiek-private samenwerking."
    found = triples(t, located(t, "NWO", "Organisation"), located(t, "TO2", "Organisation"))
    assert found == set()


def test_relative_clauses_adjectives_and_brackets_bound_the_doer() -> None:
    s = "Er zijn de Girlsday en het MKB!dee dat mkb'ers stimuleert te investeren in scholing."
    found = triples(
        s, located(s, "MKB!dee", "Intervention"), located(s, "Girlsday", "Organisation")
    )
    assert found == set()
    t = "Het toezien op de gezamenlijke 4TU.Centres en de 4TU.Graduate School."
    found = triples(
        t,
        located(t, "4TU.Centres", "Organisation"),
        located(t, "4TU.Graduate School", "Organisation"),
    )
    assert found == set()
    u = "De 4TU.Research Centres versterken (HTSF, het CEE en de coalitie met het Duitse TU9)."
    found = triples(
        u,
        located(u, "4TU.Research Centres", "Organisation"),
        located(u, "CEE", "Organisation"),
        located(u, "TU9", "Organisation"),
    )
    assert not {t for t in found if t[0] == "4TU.Research Centres"}


def test_a_bracketed_in_phrase_places_the_name_before_it() -> None:
    s = "Voorbeelden zijn het SMITZH-programma (in Zuid-Holland) en meer."
    found = triples(
        s, located(s, "SMITZH-programma", "Programme"), located(s, "Zuid-Holland", "Region")
    )
    assert found == {("SMITZH-programma", "locatedIn", "Zuid-Holland")}


def test_a_head_noun_may_introduce_the_list_of_a_frame() -> None:
    s = "Dit vergt een samenwerking tussen de ministeries van EZK, OCW en SZW om meer te doen."
    found = triples(s, *(located(s, n, "Organisation") for n in ("EZK", "OCW", "SZW")))
    assert found == {
        ("EZK", "collaboratesWith", "OCW"),
        ("EZK", "collaboratesWith", "SZW"),
        ("OCW", "collaboratesWith", "SZW"),
    }


def test_documents_listed_in_a_table_of_plans_are_neither_plans_nor_areas(
    tmp_path: Path,
) -> None:
    text = (
        "Plannen per regio\n\n"
        "Tabel 4.2 Plan van aanpak per landsdeel en deelregio\n\n"
        "Landsdeel Centraal plan van aanpak Deelregio plannen\n\n"
        "Noord\nTechniekagenda Waddenkust (2014)\nPosition paper landsdeel Noord\n(2018)\n\n"
        "Werkplan Techniekpact Zeeuwsland\n\n"
        "Oost\nNotitie doorontwikkeling Techniekpact\nZandhoek (2020)\n\n"
        "Techniekpact Zandhoek\n"
        "Bron: eigen bewerking\n"
    )
    path = tmp_path / "plannen.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract_document(path, load_pipeline())
    labels = {e.label for e in extraction.entities}
    assert {"Techniekagenda Waddenkust", "Werkplan Techniekpact Zeeuwsland"} <= labels
    assert "Techniekpact Zandhoek" in labels
    assert not [label for label in labels if label.startswith(("Position", "Notitie"))]


def test_a_table_describing_areas_names_them_before_the_colon(tmp_path: Path) -> None:
    text = (
        "Knelpunten\n\n"
        "Tabel 3.2 Knelpunten per landsdeel en deelregio\n\n"
        "Landsdeel Knelpunten deelregio Doelstellingen deelregio\n"
        "Zuidwest Geen knelpunten, geen plan op deelregio niveau \n"
        "Kustwaard: Beter benutten van Topsectoren; Centrum voor Innovatief \n"
        "Vakwerk. \n"
        "Polderland: Onderwijs en arbeidsmarkt verbinden. \n"
        "Oost Heuvelrug: Meerdere knelpunten, waaronder vergrijzing. \n"
        "Dalland: Knelpunten niet expliciet benoemd. \n\n"
        "Bron: eigen bewerking\n"
    )
    path = tmp_path / "knelpunten.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract_document(path, load_pipeline())
    label = {e.iri: e.label for e in extraction.entities}
    part_of = {
        (label[r.subject], label[r.object])
        for r in extraction.relations
        if r.predicate == "partOf" and r.subject in label and r.object in label
    }
    assert {("Kustwaard", "Landsdeel Zuidwest"), ("Polderland", "Landsdeel Zuidwest")} <= part_of
    # 'Oost Heuvelrug:' is the next row's landsdeel glued to its first area.
    assert {("Heuvelrug", "Landsdeel Oost"), ("Dalland", "Landsdeel Oost")} <= part_of
    regions = {e.label for e in extraction.entities if e.type == "Region"}
    assert not regions & {"Vakwerk", "Topsectoren", "Knelpunten niet expliciet benoemd"}


def test_a_plan_named_after_a_joined_area_stays_whole_in_a_table_cell() -> None:
    from beleidsgraaf.ingest.relations.structure import _area_names

    cell = "Techniekpact Zandhoek en Veenmeer; Dijkland en Polderwaard"
    assert _area_names(cell, cell) == [
        "Techniekpact Zandhoek en Veenmeer",
        "Dijkland",
        "Polderwaard",
    ]


def test_a_unit_in_a_namespace_is_part_of_the_body_but_not_its_course(tmp_path: Path) -> None:
    path = tmp_path / "xq.txt"
    path.write_text(
        "De XQ.Federatie bundelt de krachten van vier instellingen. XQ is opgericht in 2007.\n\n"
        "De XQ.Graduate School leidt promovendi op en werkt met XQ.Federatie samen.\n\n"
        "Daarnaast wordt de XQ.Founders Course georganiseerd voor promovendi.\n",
        encoding="utf-8",
    )
    extraction = extract_document(path, load_pipeline())
    label = {e.iri: e.label for e in extraction.entities}
    part_of = {
        (label.get(r.subject), label.get(r.object))
        for r in extraction.relations
        if r.predicate == "partOf"
    }
    assert ("XQ.Graduate School", "XQ.Federatie") in part_of
    assert not [p for p in part_of if p[0] == "XQ.Founders Course"]


def test_a_cue_relates_only_to_programmes_in_its_own_clause() -> None:
    # 'starten' belongs to the 'om ... te starten met X' clause; the module the initiative
    # becomes stands after the next clause break, which has no cue of its own.
    s = (
        "Het idee om een proef te starten met het Kraanhuis om uitval te beperken gaat vorm "
        "krijgen in een Kraanstart module."
    )
    found = triples(
        s,
        located(s, "Kraanhuis", "Organisation"),
        located(s, "Kraanstart module", "Intervention"),
    )
    assert ("Kraanhuis", "participatesIn", "Kraanstart module") not in found
    s = "Het Kraanhuis start met de Kraanstart module."
    found = triples(
        s,
        located(s, "Kraanhuis", "Organisation"),
        located(s, "Kraanstart module", "Intervention"),
    )
    assert ("Kraanhuis", "participatesIn", "Kraanstart module") in found


def _region(label: str) -> Entity:
    return Entity(label, label, "Region", [label], [EV])


def test_place_anywhere_in_a_name_or_as_an_adjective() -> None:
    regions = {loose_key(r.label): r for r in map(_region, ["Zandvoorde", "Weerland", "Kempe"])}
    found = {
        name: (place.label if (place := place_in_name(name, regions)) else None)
        for name in (
            "Techniekplan Zandvoorde",
            "Masterplan Techniek Zandvoorde Rapportage",
            "Sectorplan ‘Weerland op voorsprong’",
            "Zandvoords Technologiepact",
            "Kempse Vakmanschap",
            "Zandvoorde",
            "Masterplan Techniek",
            "Zandvoordestraat Programma",
        )
    }
    assert found == {
        "Techniekplan Zandvoorde": "Zandvoorde",
        "Masterplan Techniek Zandvoorde Rapportage": "Zandvoorde",
        "Sectorplan ‘Weerland op voorsprong’": "Weerland",
        "Zandvoords Technologiepact": "Zandvoorde",
        "Kempse Vakmanschap": "Kempe",
        "Zandvoorde": None,
        "Masterplan Techniek": None,
        "Zandvoordestraat Programma": None,
    }


def test_a_cue_split_around_names_still_counts() -> None:
    """'heeft X ... ontwikkeld' and inverted 'werken A en B samen' hold names inside the cue."""
    s = "In 2021 heeft het Kennisbureau ook het platform www.leerloket.nl ontwikkeld."
    found = triples(
        s,
        located(s, "Kennisbureau", "Organisation"),
        located(s, "www.leerloket.nl", "Intervention"),
    )
    assert ("Kennisbureau", "implements", "www.leerloket.nl") in found
    s = "Daarnaast werken de fondsen Bouwfonds Noord en OTAB samen in een regeling."
    found = triples(
        s, located(s, "Bouwfonds Noord", "Organisation"), located(s, "OTAB", "Organisation")
    )
    assert ("Bouwfonds Noord", "collaboratesWith", "OTAB") in found
    # A cue word inside a name is still no cue: 'Werkplaats Samen' names a programme.
    s = "Het Kennisbureau en OTAB presenteren de Werkplaats Samen."
    found = triples(
        s,
        located(s, "Kennisbureau", "Organisation"),
        located(s, "OTAB", "Organisation"),
        located(s, "Werkplaats Samen", "Programme"),
    )
    assert not any(p == "collaboratesWith" for _, p, _ in found)


def test_the_funding_of_x_does_not_make_x_a_funder() -> None:
    s = "De financiering van het werk van het Platform Groen is een investering in het Bospact."
    found = triples(
        s, located(s, "Platform Groen", "Organisation"), located(s, "Bospact", "Programme")
    )
    assert not any(p == "funds" for _, p, _ in found)
    s = "Het Platform Groen financiert het Bospact."
    found = triples(
        s, located(s, "Platform Groen", "Organisation"), located(s, "Bospact", "Programme")
    )
    assert ("Platform Groen", "funds", "Bospact") in found


def test_a_place_after_a_noun_of_its_own_belongs_to_that_noun() -> None:
    s = "Vrijwel alle elementen van het Groenpact komen terug in de aanpak in Zweden."
    found = triples(s, located(s, "Groenpact", "Programme"), located(s, "Zweden", "Region"))
    assert found == set()
    s = "Het Techlab staat sinds mei in regio Weerland."
    found = triples(s, located(s, "Techlab", "Intervention"), located(s, "Weerland", "Region"))
    assert found == {("Techlab", "locatedIn", "Weerland")}


def test_a_place_a_box_entry_names_locates_the_entry(tmp_path: Path) -> None:
    text = (
        "Box 2.1 Regionale interventies Kiezen voor Techniek\n\n"
        "Noordwest\n"
        "Doel 5:  Verbeteren aansluiting van het VO naar het MBO en HO\n\n"
        "• Het Kraanhuis (Zandvoorde)\n"
        "• Bètavrienden: VO-HO netwerk regio Weerland\n"
        "• Project Zandvoorde Techniek\n"
        "• Omscholen werkzoekenden door Stichting Kraanwerk en Hogeschool Weerland\n"
        "• Gas 3.0: opleiden van vakmensen voor de energietransitie, informatie over alle "
        "opleidingen staat op de site die de Stichting Dakwerk in 2019 heeft ontwikkeld\n\n"
        "In Zandvoorde en Weerland wonen veel mensen. Het Kraanhuis in Zandvoorde is bekend.\n"
    )
    path = tmp_path / "box.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract_document(path, load_pipeline())
    label = {e.iri: e.label for e in extraction.entities}
    found = {
        (label[r.subject], label[r.object], r.method)
        for r in extraction.relations
        if r.predicate == "locatedIn"
    }
    assert ("Het Kraanhuis", "Zandvoorde", "structure:box") in found
    assert ("Bètavrienden", "Weerland", "structure:box") in found
    # A place inside the entry's own name locates it by name, not as a second entity.
    assert ("Project Zandvoorde Techniek", "Zandvoorde", "name") in found
    # An entry run into the text after it names organisations of that text, not of the box.
    assert not any(s == "Stichting Dakwerk" for s, _, _ in found)
    # An unnamed entry's 'door A en B': A and B do it together.
    together = {
        frozenset((label[r.subject], label[r.object]))
        for r in extraction.relations
        if r.predicate == "collaboratesWith" and r.method == "structure:box"
    }
    assert frozenset(("Stichting Kraanwerk", "Hogeschool Weerland")) in together


def test_a_government_is_not_located_in_the_place_it_governs() -> None:
    from beleidsgraaf.ingest.relations.names import place_relations
    from beleidsgraaf.records import DocumentInfo

    info = DocumentInfo(content_hash="0" * 64, file_name="x.txt", format="txt")
    zandvoorde = Entity("r:z", "Zandvoorde", "Region", ["Zandvoorde"], [EV])
    extraction = Extraction(
        document=info,
        entities=[
            zandvoorde,
            Entity("o:g", "Gemeente Zandvoorde", "Organisation", ["Gemeente Zandvoorde"], [EV]),
            Entity("p:t", "Techpact Zandvoorde", "Programme", ["Techpact Zandvoorde"], [EV]),
        ],
    )
    place_relations(extraction)
    assert {(r.subject, r.object) for r in extraction.relations} == {("p:t", "r:z")}


def test_an_instrument_in_an_organisations_namespace_is_not_a_member() -> None:
    from beleidsgraaf.ingest.relations.names import namespace_relations
    from beleidsgraaf.records import DocumentInfo

    info = DocumentInfo(content_hash="0" * 64, file_name="x.txt", format="txt")
    extraction = Extraction(
        document=info,
        entities=[
            Entity("o:f", "5HS", "Organisation", ["5HS"], [EV]),
            Entity("o:c", "5HS.Data Centre", "Organisation", ["5HS.Data Centre"], [EV]),
            Entity("i:c", "5HS.Summer Course", "Intervention", ["5HS.Summer Course"], [EV]),
        ],
    )
    namespace_relations(extraction)
    assert {(r.subject, r.predicate, r.object) for r in extraction.relations} == {
        ("o:c", "partOf", "o:f")
    }


def test_subregions_of_the_area_a_sentence_opens_with_are_its_parts() -> None:
    s = "In landsdeel Kust is Weerland een deelregio en vormen steden als Zandvoorde deelregio’s."
    found = triples(
        s,
        located(s, "landsdeel Kust", "Region"),
        located(s, "Weerland", "Region"),
        located(s, "Zandvoorde", "Region"),
    )
    assert found == {
        ("Weerland", "partOf", "landsdeel Kust"),
        ("Zandvoorde", "partOf", "landsdeel Kust"),
    }
    # 'In de deelregio X': X is the part, not the whole; no 'deelregio': no parts.
    s = "In de deelregio Weerland en in Zandvoorde lopen projecten."
    items = (located(s, "Weerland", "Region"), located(s, "Zandvoorde", "Region"))
    assert triples(s, *items) == set()
    s = "In Weerland en Zandvoorde lopen projecten."
    items = (located(s, "Weerland", "Region"), located(s, "Zandvoorde", "Region"))
    assert triples(s, *items) == set()


def test_what_arose_from_a_collaboration_of_a_and_b_is_theirs() -> None:
    s = "Zo is uit een samenwerking van het Bouwloket en de Dakraad de site www.dak.nl ontstaan."
    found = triples(
        s,
        located(s, "Bouwloket", "Organisation"),
        located(s, "Dakraad", "Organisation"),
        located(s, "www.dak.nl", "Intervention"),
    )
    assert {("Bouwloket", "implements", "www.dak.nl"), ("Dakraad", "implements", "www.dak.nl")} <= (
        found
    )
    s = "Uit een initiatief van de Dakraad is het Dakfonds voortgekomen."
    found = triples(
        s, located(s, "Dakraad", "Organisation"), located(s, "Dakfonds", "Intervention")
    )
    assert found == {("Dakraad", "implements", "Dakfonds")}


def test_who_set_up_an_instrument_implements_it_and_leads_a_programme() -> None:
    s = "Daarnaast heeft het UWB meerdere Dijktrajecten opgezet."
    found = triples(
        s, located(s, "UWB", "Organisation"), located(s, "Dijktrajecten", "Intervention")
    )
    assert found == {("UWB", "implements", "Dijktrajecten")}
    s = "Daarnaast heeft het UWB het Dijkprogramma opgezet."
    found = triples(s, located(s, "UWB", "Organisation"), located(s, "Dijkprogramma", "Programme"))
    assert found == {("UWB", "coordinates", "Dijkprogramma")}


def test_who_works_out_a_programme_leads_it() -> None:
    s = "IenW heeft aangekondigd om acties uit te werken in de vorm van een Nationale Dijkagenda."
    found = triples(
        s, located(s, "IenW", "Organisation"), located(s, "Nationale Dijkagenda", "Programme")
    )
    assert found == {("IenW", "coordinates", "Nationale Dijkagenda")}


def test_a_body_s_own_acronym_and_later_name_in_brackets_are_no_members() -> None:
    s = "Dat adviseerde de Zeeuwse Raad voor Kust (ZRK, nu KUSTA) in 2011."
    found = triples(
        s,
        located(s, "Zeeuwse Raad voor Kust", "Organisation", "ZRK"),
        located(s, "ZRK", "Organisation", "ZRK"),
        located(s, "KUSTA", "Organisation"),
    )
    assert not [r for r in found if r[1] == "participatesIn"]
    t = "Er is een coalitie Kustwerk (ZRK, KUSTA en Frobnic) gevormd."
    found = triples(
        t,
        located(t, "coalitie Kustwerk", "Organisation"),
        located(t, "ZRK", "Organisation"),
        located(t, "KUSTA", "Organisation"),
        located(t, "Frobnic", "Organisation"),
    )
    assert ("KUSTA", "participatesIn", "coalitie Kustwerk") in found
