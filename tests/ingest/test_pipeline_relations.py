"""Relations: the grammar rules on hand-made sentences; structure on the real corpus.

The sentence tests mark their entities by hand (``located``) and run the parse and the rule
engine alone (no classifier), so they check which Dutch constructions the rules read, whatever
the name finder or the trained classifier would make of them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from spacy.language import Language

from beleidsgraaf.ingest.extract import demo_corpus, extract_document, load_pipeline
from beleidsgraaf.ingest.relations.decide import decide, sentence_candidates
from beleidsgraaf.ingest.relations.document import cooccurrences, masked_parse
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
    """What the rules state between the marked entities of ``sentence`` (parsed as extraction
    parses it, names masked)."""
    nlp = _nlp()
    anchor = nlp.make_doc(sentence)[0:1]
    args = masked_parse(
        nlp, sentence, [(s, e, Arg(anchor, iri, kind)) for s, e, iri, kind in items]
    )
    sentences = {a.span.sent.start: a.span.sent for a in args}.values()
    candidates = [c for sent in sentences for c in sentence_candidates(sent, args)]
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


def test_a_cue_inside_a_name_or_capitalised_is_no_cue() -> None:
    s = "De alliantie Leiden-Delft-Erasmus en de 4TU.Federatie vormen de Landelijke Regiegroep."
    found = triples(
        s,
        located(s, "Leiden-Delft-Erasmus", "Programme"),
        located(s, "4TU.Federatie", "Organisation"),
        located(s, "Landelijke Regiegroep", "Programme"),
    )
    assert not {t for t in found if t[1] == "coordinates"}


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


def test_list_items_stand_in_for_the_words_of_the_introduction_they_replace(
    tmp_path: Path, stated: Callable[[Extraction], set[tuple[str, str, str]]]
) -> None:
    """'werken de volgende partijen samen in X:' + '• A' reads as 'werken A samen in X'; an
    item's label before a colon ('De werkgevers: B en C') is no part of the names."""
    path = tmp_path / "convenant.txt"
    path.write_text(
        "Vanuit dit beeld werken de volgende partijen samen in het Landelijk Kustberaad:\n\n"
        "  • Het Ministerie van Sociale Zaken en Werkgelegenheid\n\n"
        "  • De werkgeversorganisaties: VNO-NCW en MKB-Nederland\n",
        encoding="utf-8",
    )
    council = "Landelijk Kustberaad"
    assert {
        ("Ministerie van Sociale Zaken en Werkgelegenheid", "partOf", council),
        ("VNO-NCW", "partOf", council),
        ("MKB-Nederland", "partOf", council),
    } <= stated(extract_document(path, load_pipeline()))
