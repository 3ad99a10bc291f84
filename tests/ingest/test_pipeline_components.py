"""Each spaCy component on hand-built Docs, and the pipeline as configured by config.cfg."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from beleidsgraaf.ingest.extract import extract_document, load_pipeline
from beleidsgraaf.ingest.pipeline.acronyms import AcronymDetector, align_long_form, is_acronym
from beleidsgraaf.ingest.pipeline.authority import AuthorityMatcher, AuthorityName
from beleidsgraaf.ingest.pipeline.cues import VOCAB_KEY
from beleidsgraaf.ingest.pipeline.entities import EntityConsolidator
from beleidsgraaf.ingest.pipeline.entries import ACTIVITY, ENTRY_KEY
from beleidsgraaf.ingest.pipeline.lexicon import lexicon
from beleidsgraaf.ingest.pipeline.names import NameFinder
from beleidsgraaf.ontology.iri import entity_iri
from beleidsgraaf.records import Extraction


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def make(nlp: Language, text: str) -> Doc:
    """A Doc tokenised by our tokenizer with sentence starts, and nothing else."""
    doc = nlp.make_doc(text)
    return nlp.get_pipe("sentencizer")(doc)


def spans(doc: Doc, key: str) -> list[tuple[str, str, str]]:
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[key]]


def test_config_builds_the_pipeline_from_registered_factories(nlp: Language) -> None:
    assert nlp.pipe_names == [
        "sentencizer",
        "tok2vec",
        "morphologizer",
        "parser",
        "trainable_lemmatizer",
        "beleidsgraaf_authority",
        "beleidsgraaf_acronyms",
        "beleidsgraaf_names",
        "beleidsgraaf_patterns",
        "beleidsgraaf_entries",
        "beleidsgraaf_entities",
    ]
    assert nlp.get_pipe_meta("beleidsgraaf_acronyms").factory == "beleidsgraaf_acronyms_v1"
    assert nlp.get_pipe_meta("beleidsgraaf_patterns").factory == "beleidsgraaf_patterns_v1"


def test_tokenizer_splits_joint_names_but_not_hyphenated_words(nlp: Language) -> None:
    text = "De VU/UT-bachelor in Noord-Holland, VU-studenten en het VO-HO netwerk"
    assert [t.text for t in nlp.make_doc(text)] == [
        "De", "VU", "/", "UT", "-", "bachelor", "in", "Noord-Holland", ",",
        "VU", "-", "studenten", "en", "het", "VO-HO", "netwerk",
    ]  # fmt: skip


def test_a_full_stop_after_a_mixed_case_acronym_ends_the_sentence(nlp: Language) -> None:
    assert [t.text for t in nlp.make_doc("nu het ZtvW. Dan J. de Vos.")] == [
        "nu", "het", "ZtvW", ".", "Dan", "J.", "de", "Vos", ".",
    ]  # fmt: skip


def test_optional_letters_in_brackets_keep_a_word_whole(nlp: Language) -> None:
    text = "het samenwerkingsverband ‘Een Leve(n)lang Zeeuws Vakwerk’ voor docent(en)"
    assert [t.text for t in nlp.make_doc(text)] == [
        "het", "samenwerkingsverband", "‘", "Een", "Leve(n)lang", "Zeeuws", "Vakwerk", "’",
        "voor", "docent(en)",
    ]  # fmt: skip
    found = names_in(nlp, text)
    assert found == [
        ("samenwerkingsverband ‘Een Leve(n)lang Zeeuws Vakwerk’", "Programme", "rule:head")
    ]


def test_a_word_with_optional_letters_in_brackets_is_one_token_and_one_name(
    nlp: Language,
) -> None:
    text = "het verband ‘Een Werk(en)lust Zeeuws Vakwerk’, waarin (sub)regionaal"
    assert [t.text for t in nlp.make_doc(text)] == [
        "het", "verband", "‘", "Een", "Werk(en)lust", "Zeeuws", "Vakwerk", "’", ",",
        "waarin", "(", "sub", ")", "regionaal",
    ]  # fmt: skip
    assert [t for t, _, _ in names_in(nlp, text)] == ["Een Werk(en)lust Zeeuws Vakwerk"]


def test_authority_matches_acronyms_by_case_and_names_by_any_case(nlp: Language) -> None:
    names = [
        AuthorityName("Vrije Universiteit", "Organisation", entity_iri("Vrije Universiteit")),
        AuthorityName("VU", "Organisation", entity_iri("Vrije Universiteit")),
    ]
    matcher = AuthorityMatcher(nlp, "test", names)
    doc = matcher(make(nlp, "De VRIJE UNIVERSITEIT en de VU, maar niet vu of Vu."))
    found = spans(doc, "bg_authority")
    assert ("VRIJE UNIVERSITEIT", "Organisation", entity_iri("Vrije Universiteit")) in found
    assert ("VU", "Organisation", entity_iri("Vrije Universiteit")) in found
    assert len(found) == 2


def test_acronym_definitions_link_long_and_short_form(nlp: Language) -> None:
    doc = AcronymDetector(nlp, "test")(
        make(nlp, "Het kabinet start het Regionaal Investeringsfonds mbo (RIF) in 2014.")
    )
    assert spans(doc, "bg_acronyms") == [
        ("Regionaal Investeringsfonds mbo", "Intervention", "acr:RIF"),
        ("RIF", "Intervention", "acr:RIF"),
    ]


def test_acronym_whose_letters_do_not_align_is_no_definition(nlp: Language) -> None:
    doc = AcronymDetector(nlp, "test")(make(nlp, "met de Universiteit Twente (VU) samen."))
    assert spans(doc, "bg_acronyms") == []
    doc = AcronymDetector(nlp, "test")(make(nlp, "Coördinator: Karen van Oudenhoven (VU)."))
    assert spans(doc, "bg_acronyms") == []
    assert align_long_form("KWTO", ["Kenniscentrum", "Wetenschap", "&", "Technologie", "Oost"]) == 0
    assert is_acronym("4TU") and is_acronym("KvT") and not is_acronym("Twente")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Scholen doen mee aan de regeling Sterk Techniekonderwijs.",
            ("regeling Sterk Techniekonderwijs", "Intervention"),
        ),
        ("Dit gebeurt in het Techniekpact Zeeuwsland.", ("Techniekpact Zeeuwsland", "Programme")),
        ("Promovendi volgen de 4TU.Zeilen PhD Course.", ("4TU.Zeilen PhD Course", "Intervention")),
        ("Het overleg met minister Jantje de Vries liep goed.", ("Jantje de Vries", "Person")),
        ("De school staat in Zwolmerveen sinds 2001.", ("Zwolmerveen", "Region")),
        ("Er is groei in Zuid-Limbabwe gemeten.", ("Zuid-Limbabwe", "Region")),
        ("Het Sectorplan ‘Sterk Zuid’ loopt.", ("Sectorplan ‘Sterk Zuid’", "Programme")),
        ("Het werk van het UWV groeit.", ("UWV", "Organisation")),
        (
            "Zo werkt de Stichting Techniek Vooruit samen.",
            ("Stichting Techniek Vooruit", "Organisation"),
        ),
        ("Het Kustsectorenbeleid wordt voortgezet.", ("Kustsectorenbeleid", "Programme")),
        ("Het onderzoek deed BKO Tilburg samen met anderen.", ("BKO Tilburg", "Organisation")),
        (
            "Zo richt het consortium Groene Landbouw zich op de regio.",
            ("consortium Groene Landbouw", "Organisation"),
        ),
        ("Dat zei de voorzitter van de Kustland Board.", ("Kustland Board", "Organisation")),
        (
            "Hoofdstuk 3 gaat over Lessen voor het Techniekpact Kustland.",
            ("Techniekpact Kustland", "Programme"),
        ),
        ("De Tweede Kamer heeft een motie aangenomen.", ("Tweede Kamer", "Organisation")),
        (
            "Dat zei minister Jan Pieters van Economische Zaken vandaag.",
            ("Jan Pieters", "Person"),
        ),
        ("Dat zei Karel Smit, voorzitter van de bond, vandaag.", ("Karel Smit", "Person")),
        (
            "Wij sturen het Techniekactieplan van de Stichting Techniek Vooruit mee.",
            ("Techniekactieplan", "Intervention"),
        ),
    ],
)
def test_names_are_typed_by_head_nouns_and_cues(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    doc = NameFinder(nlp, "test")(make(nlp, text))
    assert expected in [(s.text, s.label_) for s in doc.spans["bg_names"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Het rijk zet instrumenten in, zoals de regeling Vroegstart (VS), Startkapitaal en "
            "de Dutch Growth Initiatieven (DGI).",
            ("Dutch Growth Initiatieven", "Intervention"),
        ),
        ("Die subsidies, zoals EFRA en INTERRA, lopen.", ("INTERRA", "Intervention")),
        ("Een initiatief zoals Talent Techniek helpt.", ("Talent Techniek", "Intervention")),
    ],
)
def test_examples_after_zoals_take_the_kind_before_it(
    nlp: Language, tmp_path: Path, text: str, expected: tuple[str, str]
) -> None:
    """With the grammar: the whole extraction of a document that says it."""
    path = tmp_path / "zoals.txt"
    path.write_text(text + "\n", encoding="utf-8")
    assert expected in [(e.label, e.type) for e in extract_document(path, nlp).entities]


def test_a_file_name_is_no_name(nlp: Language) -> None:
    assert names_in(nlp, "Zie de bijlage Achterkant A4.pdf en verder.") == []


def test_ordinary_words_are_not_names(nlp: Language) -> None:
    doc = make(nlp, "Daarnaast is Onderwijs belangrijk, aldus de PO en VO scholen.")
    doc.user_data[VOCAB_KEY] = frozenset({"onderwijs", "belangrijk"})
    doc = NameFinder(nlp, "test")(doc)
    assert spans(doc, "bg_names") == []


def test_a_compound_opening_a_sentence_that_the_text_also_writes_in_lower_case_is_no_name(
    nlp: Language,
) -> None:
    doc = make(nlp, "Kustbeleid is belangrijk. Ook het Kustbeleid telt.")
    doc.user_data[VOCAB_KEY] = frozenset({"kustbeleid", "belangrijk"})
    doc = NameFinder(nlp, "test")(doc)
    assert [(s.text, s.start) for s in doc.spans["bg_names"]] == [("Kustbeleid", 6)]


def test_consolidation_prefers_the_longer_trusted_span(nlp: Language) -> None:
    doc = make(nlp, "Het Techniekpact Twente werkt met het UWV.")
    twente = entity_iri("Twente")
    doc.spans["bg_authority"] = [Span(doc, 2, 3, label="Region", kb_id=twente)]
    doc.spans["bg_acronyms"] = []
    doc.spans["bg_names"] = [
        Span(doc, 1, 3, label="Programme", kb_id="rule:head"),
        Span(doc, 6, 7, label="Organisation", kb_id="rule:acronym"),
    ]
    doc = EntityConsolidator(nlp, "test")(doc)
    assert [(s.text, s.label_) for s in doc.spans["bg_entities"]] == [
        ("Techniekpact Twente", "Programme"),
        ("UWV", "Organisation"),
    ]
    assert [e.text for e in doc.ents] == ["Techniekpact Twente", "UWV"]


def test_lexicon_types_compounds_by_their_last_part() -> None:
    lex = lexicon()
    assert lex.head_type("Lerarenontwikkelfonds") == "Intervention"
    assert lex.head_type("Sectorplancommissie") == "Organisation"
    assert lex.head_type("Techniek") is None
    # Of a joined word only the last part is a compound: 'Impact' is no 'pact'.
    assert lex.head_type("3XY.Impact") is None
    assert lex.head_type("QRS-programma") == "Programme"
    # A consultation 'tafel' is a body ('Sectortafel', 'Regietafel').
    assert lex.head_type("Regietafel") == "Organisation"
    assert lex.head_type("K&L-fonds") == "Intervention"


def test_full_pipeline_on_a_corpus_sentence(nlp: Language) -> None:
    doc = nlp("De Vrije Universiteit (VU) en de Universiteit Twente (UT) gaan samenwerken.")
    found = {(s.text, s.label_) for s in doc.spans["bg_entities"]}
    assert {
        ("Vrije Universiteit", "Organisation"),
        ("Universiteit Twente", "Organisation"),
        ("VU", "Organisation"),
        ("UT", "Organisation"),
    } <= found


def test_a_letter_heading_gives_its_bodies_but_no_dossier_title_or_dateline_place(
    nlp: Language, tmp_path: Path
) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "30 100 Kustbeleid\n"
        "Nr. 12 BRIEF VAN DE MINISTER VAN ONDERWIJS, CULTUUR EN WETENSCHAP\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
        "Den Haag, 3 maart 2022\n"
        "Hierbij stuur ik u het plan van de Stichting Techniek Vooruit.\n",
        encoding="utf-8",
    )
    found = {(e.label, e.type) for e in extract_document(letter, nlp).entities}
    assert found == {
        ("Ministerie van Onderwijs, Cultuur en Wetenschap", "Organisation"),
        ("Tweede Kamer der Staten-Generaal", "Organisation"),
        ("Stichting Techniek Vooruit", "Organisation"),
    }


def test_in_a_letter_without_metadata_ik_is_the_body_of_its_first_sender(
    nlp: Language, tmp_path: Path, stated: Callable[[Extraction], set[tuple[str, str, str]]]
) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "Nr. 12 BRIEF VAN DE MINISTERS VAN ONDERWIJS, CULTUUR EN WETENSCHAP EN VAN DEFENSIE\n\n"
        "Daarvoor zal ik nauw samenwerken met andere partijen, zoals de Stichting Techniek "
        "Vooruit en de Kustbond.\n",
        encoding="utf-8",
    )
    found = stated(extract_document(letter, nlp))
    ocw = "Ministerie van Onderwijs, Cultuur en Wetenschap"
    assert (ocw, "collaboratesWith", "Stichting Techniek Vooruit") in found
    assert (ocw, "collaboratesWith", "Kustbond") in found
    assert not {s for s in found if "Defensie" in s[0] or "Defensie" in s[2]}


def test_the_adjective_of_a_known_place_names_the_place(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "economie.txt"
    path.write_text("Dit is goed voor de Nederlandse economie.\n", encoding="utf-8")
    found = [(e.label, e.type, e.mentions) for e in extract_document(path, nlp).entities]
    assert found == [("Nederland", "Region", ["Nederland", "Nederlandse"])]


def names_in(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    return spans(NameFinder(nlp, "test")(make(nlp, text)), "bg_names")


def test_a_head_word_after_en_opens_a_second_name(nlp: Language) -> None:
    found = names_in(nlp, "Zo werken het Centrum voor Bouwkunde en Sectorplan Techniek Zuid samen.")
    texts = [t for t, _, _ in found]
    assert "Centrum voor Bouwkunde" in texts
    assert "Sectorplan Techniek Zuid" in texts
    # ... but a name that continues over 'en' without a new head stays whole.
    assert ("Alliantie Werk en Toekomst", "Programme", "rule:head") in names_in(
        nlp, "Zo start de Alliantie Werk en Toekomst dit jaar."
    )


def test_a_compass_word_glued_to_a_plan_is_an_area_of_its_own(nlp: Language) -> None:
    found = names_in(nlp, "Tabel: Zuidoost Techniekagenda Brabantse Kempen (2015)")
    assert ("Zuidoost", "Region", "rule:cue") in found
    assert ("Techniekagenda Brabantse Kempen", "Programme", "rule:head") in found


def test_shouted_headings_need_confirmation_whatever_their_head(nlp: Language) -> None:
    found = names_in(nlp, "2.1 MULTIDISCIPLINAIRE ONDERZOEKSPROGRAMMA")
    assert found == [("MULTIDISCIPLINAIRE ONDERZOEKSPROGRAMMA", "Organisation", "rule:caps")]
    # In ordinary case the head noun still types the name.
    assert ("Onderzoeksprogramma Delta", "Programme", "rule:head") in names_in(
        nlp, "Het Onderzoeksprogramma Delta start."
    )


def test_an_adjective_before_a_lower_case_head_is_no_name(nlp: Language) -> None:
    found = names_in(nlp, "Wij doen mee aan het Europese programma voor scholen.")
    assert not [t for t, _, _ in found if "programma" in t]
    assert ("Techstart netwerk", "Intervention", "rule:head") in names_in(
        nlp, "Wij bieden het Techstart netwerk aan."
    )


def test_a_later_head_of_another_type_outranks_a_leading_region_word(nlp: Language) -> None:
    found = names_in(nlp, "Zo helpt de Regio Deal Kempenland de scholen.")
    assert ("Regio Deal Kempenland", "Intervention", "rule:head") in found
    assert [label for _, label, _ in names_in(nlp, "Zo groeit Regio Kempenland.")] == ["Region"]


def test_a_name_run_stops_at_section_numbers_honorifics_and_web_addresses(nlp: Language) -> None:
    found = names_in(nlp, "A.2.4 Evaluatie van het Zeeuwse Leerfonds A.2.5 Inzichten")
    assert [t for t, _, _ in found if "A.2" in t] == []
    found = names_in(nlp, "Gesproken met: Stichting Techniek Vooruit Mw. J. Jansen")
    assert ("Stichting Techniek Vooruit", "Organisation", "rule:head") in found
    assert not [t for t, _, _ in found if "Mw" in t]
    found = names_in(nlp, "Zo bieden het Platform Techniek Vooruit en www.techvooruit.nl veel.")
    assert ("Platform Techniek Vooruit", "Organisation", "rule:head") in found


def test_a_lone_het_glues_no_name_but_a_tussenvoegsel_de_does(nlp: Language) -> None:
    found = names_in(nlp, "Ook Baken het Zeeuwspact is belangrijk.")
    assert ("Zeeuwspact", "Programme", "rule:head") in found
    assert not [t for t, _, _ in found if "Baken" in t]
    assert names_in(nlp, "In het Pact worden krachten gebundeld.") == []


def test_ordinary_nouns_opening_a_line_or_qualified_by_an_acronym_are_no_names(
    nlp: Language,
) -> None:
    assert names_in(nlp, "Leeswijzer") == []
    assert names_in(nlp, "Het W&T-aanbod en het Kennis- en innovatiewerk groeien.") == []
    # Mid-sentence capitals are deliberate: the word is a name there.
    assert ("Rijksoverheid", "Organisation", "rule:head") in names_in(
        nlp, "De rol van de Rijksoverheid groeit."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Zo werkt de provincie Zeeland samen met scholen.",
            [("provincie Zeeland", "Organisation")],
        ),
        ("Zo groeit binnen de provincie Zeeland het aanbod.", [("Zeeland", "Region")]),
        ("Zo is de gehele provincie Zeeland een deelregio.", [("Zeeland", "Region")]),
        ("Ook de Gemeente Terneuzen financiert.", [("Gemeente Terneuzen", "Organisation")]),
    ],
)
def test_provincie_or_gemeente_is_the_body_unless_the_area_is_meant(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t, label) for t, label, _ in names_in(nlp, text)] == expected


def test_plural_acronym_definitions_and_concept_acronyms(nlp: Language) -> None:
    from beleidsgraaf.ingest.pipeline.acronyms import CONCEPTS_KEY

    doc = AcronymDetector(nlp, "test")(
        make(nlp, "De Centra voor Innovatief Vakmanschap (CIV’s) en leven lang leren (LLL).")
    )
    assert spans(doc, "bg_acronyms") == [
        ("Centra voor Innovatief Vakmanschap", "Unknown", "acr:CIV"),
        ("CIV", "Unknown", "acr:CIV"),
    ]
    assert [s.text for s in doc.spans[CONCEPTS_KEY]] == ["LLL"]


def test_a_sentence_case_title_after_a_lower_case_head_takes_its_lower_case_words(
    nlp: Language,
) -> None:
    found = names_in(nlp, "De regeling Zeeuwse innovatie ontwikkelfonds primair onderwijs.")
    assert ("regeling Zeeuwse innovatie ontwikkelfonds primair onderwijs", "Intervention") in [
        (t, label) for t, label, _ in found
    ]
    # The tail stops at a verb form; a title-case name is complete as it is.
    found = names_in(nlp, "De experimenteerregeling Doorlopende leerlijnen vormt de basis.")
    assert [t for t, _, _ in found] == ["experimenteerregeling Doorlopende leerlijnen"]
    found = names_in(nlp, "De regeling Sterk Techniekonderwijs helpt scholen.")
    assert [t for t, _, _ in found] == ["regeling Sterk Techniekonderwijs"]


def test_websites_are_instruments_and_joined_places_are_an_area(nlp: Language) -> None:
    found = names_in(nlp, "Kijk op de website www.techkeuze.nl voor meer.")
    assert found == [("www.techkeuze.nl", "Intervention", "rule:web")]
    found = names_in(nlp, "Het netwerk werkt in de regio rond Arnhem-Nijmegen samen.")
    assert ("Arnhem-Nijmegen", "Region", "rule:cue") in found
    found = names_in(nlp, "Dit gebeurt aan de hogeschool Arnhem-Nijmegen.")
    assert found == [("hogeschool Arnhem-Nijmegen", "Organisation", "rule:head")]


def test_organs_fields_and_school_type_pairs_are_no_actors(nlp: Language) -> None:
    found = names_in(nlp, "Zo besloot het Algemeen Bestuur, na de Bestuurscommissie Onderwijs.")
    assert found == []
    assert names_in(nlp, "Zo werken D&I en het VO-HO samen met de CvB.") == []
    doc = AcronymDetector(nlp, "test")(make(nlp, "Zo besloot het Dagelijks Bestuur (DB) dit."))
    assert spans(doc, "bg_acronyms") == []


def test_a_capitalised_stop_word_inside_a_title_case_name_stays(nlp: Language) -> None:
    found = names_in(nlp, "Zo loopt het Actieprogramma Leven Lang Ontwikkelen door.")
    assert ("Actieprogramma Leven Lang Ontwikkelen", "Programme", "rule:head") in found
    found = names_in(nlp, "Naast Europa doet ook Azië mee.")
    assert not [t for t, _, _ in found if t.startswith("Naast")]


def test_a_one_word_authority_name_needs_its_capital(nlp: Language) -> None:
    names = [AuthorityName("Leiden", "Region", entity_iri("Leiden"))]
    matcher = AuthorityMatcher(nlp, "test", names)
    doc = matcher(make(nlp, "Deze keuzes leiden tot groei in Leiden en LEIDEN."))
    assert [s.text for s in doc.spans["bg_authority"]] == ["Leiden", "LEIDEN"]


def test_quoted_titles_are_programmes_unless_documents_themes_or_sentences(
    nlp: Language,
) -> None:
    found = names_in(nlp, "Na 2020 start ‘Horizon Zuid’ met een groot budget.")
    assert ("Horizon Zuid", "Programme", "rule:quoted") in found
    found = names_in(nlp, "Zie het rapport ‘Focus en versnellen’ hierover.")
    assert not [t for t, _, rule in found if rule == "rule:quoted"]
    found = names_in(nlp, "Een bijeenkomst ‘Aandacht voor technisch vmbo in Zeeland’.")
    assert not [t for t, _, rule in found if rule == "rule:quoted"]


def test_a_lower_case_agreement_after_het_is_a_programme(nlp: Language) -> None:
    found = names_in(nlp, "Zo draagt het energieakkoord bij, anders dan een akkoord.")
    assert found == [("energieakkoord", "Programme", "rule:head")]


def test_a_guessed_name_listed_with_organisations_is_one(nlp: Language) -> None:
    doc = nlp("Dit doen de VHTO, Atrivio, Emancipo en de Stichting Techniek Vooruit.")
    found = {(s.text, s.label_, s.kb_id_) for s in doc.spans["bg_entities"]}
    assert ("Atrivio", "Organisation", "rule:list") in found
    assert ("Emancipo", "Organisation", "rule:list") in found
    doc = nlp("Dit doen Atrivio en Emancipo samen.")
    assert not [s for s in doc.spans["bg_entities"] if s.kb_id_ == "rule:list"]


def test_a_quoted_word_after_a_name_is_no_title_but_a_lower_case_title_after_a_head_is(
    nlp: Language,
) -> None:
    assert names_in(nlp, "Het kreeg het label ‘moeilijk’ van velen.") == []
    found = names_in(nlp, "Zo loopt het actieplan ‘werk en de toekomst’ door.")
    assert ("actieplan ‘werk en de toekomst’", "Intervention", "rule:head") in found


def test_a_document_before_a_name_is_not_part_of_it(nlp: Language) -> None:
    found = names_in(nlp, "Bron: Startdocument Techniekpact Zeeuwsland (2014)")
    assert ("Techniekpact Zeeuwsland", "Programme", "rule:head") in found


def test_kinds_of_region_named_after_a_place_are_areas_of_their_own(nlp: Language) -> None:
    found = names_in(nlp, "Zo groeit de veiligheidsregio Zeeuwsland en de regio Zeeuwsland.")
    assert ("veiligheidsregio Zeeuwsland", "Region", "rule:head") in found
    assert ("Zeeuwsland", "Region", "rule:cue") in found
    found = names_in(nlp, "Zo werkt de Cleantech regio samen, en de Twente regio.")
    assert ("Cleantech regio", "Region", "rule:head") in found
    assert ("Twente regio", "Region", "rule:head") not in found


def test_a_surname_after_a_title_and_a_name_listed_with_it_are_persons(nlp: Language) -> None:
    doc = make(nlp, "Zie de moties Bruins en Moorlagh hierover.")
    doc.user_data[VOCAB_KEY] = frozenset({"zie", "de", "hierover"})
    doc = nlp.get_pipe("beleidsgraaf_entities")(
        NameFinder(nlp, "test")(
            nlp.get_pipe("beleidsgraaf_acronyms")(nlp.get_pipe("beleidsgraaf_authority")(doc))
        )
    )
    found = {(s.text, s.label_) for s in doc.spans["bg_entities"]}
    assert {("Bruins", "Person"), ("Moorlagh", "Person")} <= found
    # A word the document also writes in lower case is no surname.
    doc = make(nlp, "Aldus directeur Onderwijs, die het onderwijs leidt.")
    doc.user_data[VOCAB_KEY] = frozenset({"onderwijs"})
    assert spans(NameFinder(nlp, "test")(doc), "bg_names") == []


def test_a_token_with_an_unbalanced_bracket_is_no_name(nlp: Language) -> None:
    assert "Thema('s" in [t.text for t in make(nlp, "Dit zijn de Thema('s van dit jaar.")]
    assert names_in(nlp, "Dit zijn de Thema('s van dit jaar.") == []


def test_a_listed_short_english_head_types_a_compound() -> None:
    assert lexicon().head_type("Boysday") == "Intervention"
    assert lexicon().head_type("Verslag") is None


def test_paired_subjects_before_a_head_are_one_name(nlp: Language) -> None:
    found = names_in(nlp, "Zo werkt het Bouw en Techniek Innovatiecentrum mee.")
    assert ("Bouw en Techniek Innovatiecentrum", "Organisation", "rule:head") in found
    # ... but two names joined by 'en' stay two when no head follows.
    found = names_in(nlp, "Zo werken Zwolle en Deventer samen.")
    assert "Zwolle en Deventer" not in [t for t, _, _ in found]


def test_a_role_filled_by_a_name_and_a_given_name_before_a_surname_particle_are_persons(
    nlp: Language,
) -> None:
    doc = nlp(
        "Sinds 2021 wordt deze rol vervuld door Marit Hoekstra, eerder door Sjoerd de Vink "
        "en Wubbo Kramsma."
    )
    found = {(s.text, s.label_) for s in doc.spans["bg_entities"]}
    assert {
        ("Marit Hoekstra", "Person"),
        ("Sjoerd de Vink", "Person"),
        ("Wubbo Kramsma", "Person"),
    } <= found
    # A plural of a head noun or a place before 'van' opens no person's name.
    doc = nlp("Leden van de Colleges van Bestuur kwamen in Bergen op Zoom bijeen.")
    assert not [s for s in doc.spans["bg_entities"] if s.label_ == "Person"]


def test_a_website_named_as_a_body_is_the_body_but_a_platform_site_stays_a_site(
    nlp: Language,
) -> None:
    doc = nlp("Dit komt vanuit de organisatie Bouwkans.nu en het platform www.leerwerkkans.nl.")
    found = {(s.text, s.label_) for s in doc.spans["bg_entities"]}
    assert ("organisatie Bouwkans.nu", "Organisation") in found
    assert ("www.leerwerkkans.nl", "Intervention") in found


def test_a_guessed_name_listed_with_places_is_a_place(nlp: Language) -> None:
    doc = nlp("De deelregio's zijn Twente, Kromwolde en Zwolle.")
    found = {(s.text, s.label_) for s in doc.spans["bg_entities"]}
    assert ("Kromwolde", "Region") in found


def test_the_doer_of_a_passive_is_a_body_even_when_it_reads_as_a_compound(nlp: Language) -> None:
    doc = nlp("Het traject wordt begeleid door Zwaluwsteen en daarna door Merel Dijkhof.")
    found = {(s.text, s.label_, s.kb_id_) for s in doc.spans["bg_entities"]}
    assert ("Zwaluwsteen", "Organisation", "rule:cue") in found
    # Without a participle before 'door' the compound stays an ordinary word.
    doc = nlp("Het traject loopt door Zwaluwsteen heen.")
    assert not doc.spans["bg_entities"]
    # Two title-case words after a participle may be a person: no cue for a body.
    doc = nlp("Het traject wordt begeleid door Merel Dijkhof.")
    assert ("Merel Dijkhof", "Organisation", "rule:cue") not in {
        (s.text, s.label_, s.kb_id_) for s in doc.spans["bg_entities"]
    }


def test_a_plural_class_noun_before_listed_names_is_not_part_of_the_first(
    nlp: Language,
) -> None:
    doc = nlp("Daarnaast werken de O&O-fondsen Q+R Glasbouw en KRIBO samen.")
    found = {s.text for s in doc.spans["bg_entities"]}
    assert "Q+R Glasbouw" in found
    assert not any(t.startswith("O&O-fondsen") for t in found)


def _entry(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    """The pipeline's entity spans for ``text`` read as an entry of a box of activities."""
    doc = nlp.make_doc(text)
    doc.user_data[ENTRY_KEY] = ACTIVITY
    return spans(nlp(doc), "bg_entities")


@pytest.mark.parametrize(
    ("entry", "name"),
    [
        ("• Klimmen op Zolder", "Klimmen op Zolder"),  # a later word capitalised
        ("Spelen met de Wolken", "Spelen met de Wolken"),
        ("Technova", "Technova"),  # one made-up word
        ("DAK in de wijk", "DAK in de wijk"),  # an acronym opens it
        ("BouwKast", "BouwKast"),  # CamelCase
        ("Het Knutselhuis (Zwolle)", "Knutselhuis"),  # the place in brackets is no part of it
        ("Technova: lessen voor leerlingen in groep 8", "Technova"),  # the description after ':'
        ("‘De leraar van morgen’", "De leraar van morgen"),  # a quoted title
        ("Knutselpeuters en -kleuters", "Knutselpeuters en -kleuters"),  # an elided pair
        ("Knutselium leerlingen bouwen een brug", "Knutselium"),  # what the learners follow
    ],
)
def test_entry_of_a_box_of_activities_names_an_intervention(
    nlp: Language, entry: str, name: str
) -> None:
    assert (name, "Intervention", "rule:entry") in _entry(nlp, entry)


@pytest.mark.parametrize(
    "entry",
    [
        "Gastlessen voor docenten",  # an ordinary description
        "Leerlingen volgen gastlessen",  # a sentence: it has a verb
        "Structurele samenwerking PO en VO",  # school-type acronyms are no name
        "Herverkaveling in Deventer: profielen verdelen",  # only a place after 'in'
        "Uitdelen van robots op Friese scholen",  # a place adjective
        "Schoollokaal",  # a compound of two ordinary words
        "Gastlessen en -colleges",  # an elided pair of ordinary compounds
        "Knutselpeuters en kleuters",  # two things joined by 'en'
        "Gastlessen leerlingen bouwen een brug",  # an ordinary word before the learners
        "Vlaamse leerlingen bezoeken bedrijven",  # a place adjective before the learners
        "Havo leerlingen kiezen techniek",  # a school type
        "Lessen voor Klas Een Twee Drie Vier Vijf Zes",  # too long to be a name
    ],
)
def test_descriptive_entry_names_nothing(nlp: Language, entry: str) -> None:
    assert not [s for s in _entry(nlp, entry) if s[2] == "rule:entry"]


def test_entry_keeps_the_place_it_names_and_a_head_nouns_type(nlp: Language) -> None:
    found = _entry(nlp, "Techniekmarkt Deventer")
    assert ("Techniekmarkt Deventer", "Intervention", "rule:entry") in found
    assert found[-1][:2] == ("Deventer", "Region")
    # An organisation noun heads it: the running-text type stands.
    assert ("Kenniscentrum De Vonk", "Organisation", "rule:head") in _entry(
        nlp, "Kenniscentrum De Vonk"
    )
    # A generic programme the entry opens with is an activity; a sectorplan stays a programme.
    assert ("Leerprogramma Zonnige Toekomst", "Intervention", "rule:entry") in _entry(
        nlp, "Leerprogramma Zonnige Toekomst: leerlingen op pad"
    )
    assert ("Sectorplan Zonnige Toekomst", "Programme", "rule:head") in _entry(
        nlp, "Sectorplan Zonnige Toekomst"
    )
    # Outside a box of activities the component adds nothing.
    assert not [s for s in spans(nlp("Technova"), "bg_entities") if s[2] == "rule:entry"]


def test_a_theme_or_a_glossed_term_in_quotes_is_no_entity(nlp: Language) -> None:
    for text in [
        "Het thema ‘Groene Steden’ richt zich op klimaat.",
        "Dit past bij thema Bodem, Lucht en Zee volgens velen.",
        "Onze terreinen: ‘Veilige Wijken’ (veiligheid) en ‘Slimme Steden’ (een digitale stad).",
    ]:
        assert names_in(nlp, text) == [], text
    assert [t for t, _, _ in names_in(nlp, "Bij thema Zorg en ZZW doen zij mee.")] == ["ZZW"]
    # A place in brackets is no gloss: the title stands.
    found = names_in(nlp, "Voorbeelden zijn ‘Valley of Robots’ (in Oost-Nederland) en meer.")
    assert ("Valley of Robots", "Programme", "rule:quoted") in found


def test_a_head_right_after_the_opening_head_makes_one_title(nlp: Language) -> None:
    assert ("Werkplan Techniekpact Kustregio", "Programme", "rule:head") in names_in(
        nlp, "Zij schreven het Werkplan Techniekpact Kustregio in 2014."
    )
    found = names_in(nlp, "Het Actieplan Bouwpact Maas- en Peelland is klaar.")
    assert [t for t, _, _ in found] == ["Actieplan Bouwpact Maas- en Peelland"]
    # After a complete name a head opens the next one.
    found = names_in(nlp, "Bouwpact Kustregio Bouwpact Heuvelland")
    assert [t for t, _, _ in found] == ["Bouwpact Kustregio", "Bouwpact Heuvelland"]


def test_an_ordinary_word_listed_with_organisations_names_one(nlp: Language) -> None:
    def found(text: str, vocabulary: frozenset[str] = frozenset()) -> set[tuple[str, str]]:
        doc = nlp.make_doc(text)
        doc.user_data[VOCAB_KEY] = vocabulary
        return {(s.text, s.label_) for s in nlp(doc).spans["bg_entities"]}

    # 'Bakker' and 'Molen' are Dutch words; listed with VHTO and NVR they name bodies.
    listed = found("Het plan van VHTO, Bakker, Molen en NVR loopt.")
    assert {("Bakker", "Organisation"), ("Molen", "Organisation")} <= listed
    # Not without an organisation next to them, nor a word the document writes in lower case.
    assert not {t for t, _ in found("Het plan van Bakker, Molen en Water loopt.")} & {"Molen"}
    assert ("Molen", "Organisation") not in found(
        "Het plan van VHTO, Molen en NVR loopt.", frozenset({"molen"})
    )


def test_a_place_after_a_lower_case_head_says_which_one(nlp: Language) -> None:
    assert ("BO-VO netwerk Noord", "Intervention", "rule:head") in names_in(
        nlp, "Leraren nemen deel aan BO-VO netwerk Noord."
    )
    assert ("BO-VO netwerk Kampen-Zwolle", "Intervention", "rule:head") in names_in(
        nlp, "Dit gebeurt binnen BO-VO netwerk Kampen-Zwolle"
    )


def test_a_brand_word_with_an_exclamation_mark_is_one_token(nlp: Language) -> None:
    assert [t.text for t in nlp.make_doc("het BOUW!wijs, en meer!")] == [
        "het", "BOUW!wijs", ",", "en", "meer", "!",
    ]  # fmt: skip


def test_entries_of_boxes_and_tables_that_list_activities_are_read_as_names() -> None:
    from beleidsgraaf.ingest.document import Block, OffsetMap
    from beleidsgraaf.ingest.extract import _lists_activities

    def block(kind: str, **context: str) -> Block:
        return Block(kind=kind, text="Technova", offsets=OffsetMap.identity(), context=context)

    assert _lists_activities(block("box_item", box="Box 3 Regionale interventies in Zeeland"))
    assert _lists_activities(block("table_row", table="Tabel 1 Hoofdactiviteiten en programma’s"))
    assert _lists_activities(block("box_item", box="Box 2 Voorbeelden", landsdeel="Noord"))
    assert not _lists_activities(block("table_row", table="Tabel 2 Geïnterviewde personen"))
    assert not _lists_activities(block("list_item", box="Box 3 Regionale interventies"))


def test_lower_case_plural_or_reversed_long_forms_are_concepts(nlp: Language) -> None:
    for text in [
        "een portfolio van innovatieplannen’s (IPL’s) is gemaakt.",
        "Zij investeren in hun BNP (bruto nationaal product) veel.",
    ]:
        doc = AcronymDetector(nlp, "test")(make(nlp, text))
        assert spans(doc, "bg_acronyms") == [], text
        assert [s.label_ for s in doc.spans["bg_concept_acronyms"]] == ["Concept"], text
    # A singular lower-case instrument keeps its definition.
    doc = AcronymDetector(nlp, "test")(make(nlp, "Het regionaal investeringsfonds mbo (RIF)."))
    assert ("RIF", "Intervention", "acr:RIF") in spans(doc, "bg_acronyms")


def test_a_head_compound_in_the_plural_names_a_kind(nlp: Language) -> None:
    assert names_in(nlp, "2. Meerjarenprogramma’s: een staalkaart") == []
    assert names_in(nlp, "Wij investeren in R&D. Dat helpt.") == []


def test_initials_and_particles_belong_to_a_persons_name(nlp: Language) -> None:
    assert names_in(nlp, "Dhr. K. van Lindhout") == [("K. van Lindhout", "Person", "rule:person")]
    assert names_in(nlp, "Mw. A.B. Kraaijeveld") == [("A.B. Kraaijeveld", "Person", "rule:person")]
    # A list marker stays one, and an abbreviation before an English word is no person.
    assert names_in(nlp, "a. Het eerste punt") == []
    assert not [n for n in names_in(nlp, "the U.S. This is") if n[1] == "Person"]


def test_an_ordinary_noun_before_a_colon_labels_a_field(nlp: Language) -> None:
    # Flattened tables: 'Doelgroep: ...' labels a field; a name run ends before the label.
    found = names_in(
        nlp, "Activiteit: Overlegtafel Noordkust Onderwerpen: voortgang en Doelgroep: allen"
    )
    assert [(t, label) for t, label, _ in found] == [("Overlegtafel Noordkust", "Organisation")]
    # A head noun before the colon still ends the name.
    found = names_in(nlp, "• Zeebrakker Innovatie Campus: vestiging voor bedrijven")
    assert ("Zeebrakker Innovatie Campus", "Organisation") in [(t, label) for t, label, _ in found]


def test_assembly_acronyms_and_field_acronyms_are_no_actors(nlp: Language) -> None:
    # 'de AV' / 'de ALV' is the general assembly of some association; SSH and LLO name a field
    # and a policy theme, like STEM.
    found = names_in(nlp, "Zo houdt de raad de AV en de ALV op de hoogte over SSH, WTI en LLO.")
    assert found == []


def test_an_item_after_a_list_marker_opens_with_an_ordinary_word(nlp: Language) -> None:
    # 'h) Begeleidingstrajecten ...': the capital comes from the item's place, and a plural
    # compound of ordinary words names a kind of thing, not one instrument.
    assert names_in(nlp, "g) Meer lessen in de regio h) Begeleidingstrajecten voor docenten") == []
    found = names_in(nlp, "d) Discussie Zeebrakker als optie")
    assert not [t for t, _, _ in found if t.startswith("Discussie")]


def test_the_article_of_a_lower_case_agreement_serves_its_list(nlp: Language) -> None:
    found = names_in(
        nlp, "Zo kwamen het zorgakkoord, kustakkoord, dijkbanenplan en de rest aan bod."
    )
    assert [(t, label) for t, label, _ in found] == [
        ("zorgakkoord", "Programme"),
        ("kustakkoord", "Programme"),
        ("dijkbanenplan", "Intervention"),
    ]
    # Without an agreement before it, a lower-case plan is no name.
    assert names_in(nlp, "Zo kwamen de kosten, dijkbanenplan en de rest aan bod.") == []


def test_a_degree_level_joined_to_a_code_is_a_degree_programme(nlp: Language) -> None:
    found = names_in(nlp, "Zo zijn de profielen van HBO-ZTK en de AD-KBL besproken.")
    assert [(t, label) for t, label, _ in found] == [
        ("HBO-ZTK", "Programme"),
        ("AD-KBL", "Programme"),
    ]
    # A head noun ('-Raad') or two school types ('VO-HO') are no degree programme.
    found = names_in(nlp, "Zo spraken de MBO-Raad en het VO-HO overleg.")
    assert ("MBO-Raad", "Organisation") in [(t, label) for t, label, _ in found]
    assert not [t for t, label, _ in found if label == "Programme"]


def test_assessments_events_and_plans_are_instruments(nlp: Language) -> None:
    found = names_in(nlp, "Dit weegt mee bij de Toets Nieuwe Vaarroutes en op de Dijkwerk-middag.")
    assert [(t, label) for t, label, _ in found] == [
        ("Toets Nieuwe Vaarroutes", "Intervention"),
        ("Dijkwerk-middag", "Intervention"),
    ]
    found = names_in(nlp, "Zo loopt het Aanvalsplan Dijkwerk door.")
    assert ("Aanvalsplan Dijkwerk", "Intervention") in [(t, label) for t, label, _ in found]
    # A bare head and an adjective opening a sentence are no names.
    assert names_in(nlp, "Nieuwe Vaarroutes komen er, na de Toets.") == []


def test_a_definite_lower_case_plan_or_sector_instrument_is_named(nlp: Language) -> None:
    found = names_in(nlp, "Zo wordt gewerkt rond het deltaplan visserij en de kust-monitor 2022.")
    assert [(t, label) for t, label, _ in found] == [
        ("deltaplan visserij", "Intervention"),
        ("kust-monitor", "Intervention"),
    ]
    # Indefinite, or followed by a verb or adverb: no name.
    assert names_in(nlp, "Er komt een kust-monitor, en het deltaplan komen we na.") == []
    assert names_in(nlp, "Zo noemt het deltaplan vooral de kust.") == []
    assert names_in(nlp, "Zo is het deltaplan opgesteld en het actieplan ontwikkeld.") == []


def test_a_place_adjective_before_a_noun_after_in_is_no_place(nlp: Language) -> None:
    found = names_in(nlp, "Zo werken we in Zeeuwse projecten en in Zeebrakkel samen.")
    assert ("Zeeuwse", "Region", "rule:cue") not in found
    assert ("Zeebrakkel", "Region", "rule:cue") in found


def test_a_programme_title_pairs_subjects_over_en_but_not_its_owner(nlp: Language) -> None:
    found = names_in(nlp, "Dit past in de Nationale Agenda Zee en Kust en draagt bij.")
    assert ("Nationale Agenda Zee en Kust", "Programme") in [(t, lb) for t, lb, _ in found]
    found = names_in(nlp, "Zo zet de Nationale Agenda Zee en Kust van ZKW in op groei.")
    assert ("Nationale Agenda Zee en Kust", "Programme") in [(t, lb) for t, lb, _ in found]
    # A head that ends the name, or places, are listed with 'en': two names.
    found = names_in(nlp, "Dit volgt uit de Blauwe Kust Agenda en Zeevaarders zijn blij.")
    assert ("Blauwe Kust Agenda", "Programme") in [(t, lb) for t, lb, _ in found]
    # Bodies are listed with 'en': two names.
    found = names_in(nlp, "Dit doen Zeebrakkel Data Factory en Kustwerk samen.")
    assert "Zeebrakkel Data Factory en Kustwerk" not in [t for t, _, _ in found]


def test_an_english_title_glues_over_for_a(nlp: Language) -> None:
    found = names_in(nlp, "Binnen het onderzoeksprogramma Tides for a Blue Coast werken we.")
    assert ("onderzoeksprogramma Tides for a Blue Coast", "Programme") in [
        (t, lb) for t, lb, _ in found
    ]


def test_a_plural_head_after_a_name_speaks_of_several_programmes(nlp: Language) -> None:
    found = names_in(nlp, "Zo bouwen we Blauwe Kust programma’s op.")
    assert not [t for t, _, _ in found if "programma" in t]
    found = names_in(nlp, "Zo bouwen we het Blauwe Kust programma op.")
    assert ("Blauwe Kust programma", "Programme") in [(t, lb) for t, lb, _ in found]


def test_what_is_organised_or_held_is_an_event(nlp: Language) -> None:
    found = names_in(nlp, "Dit jaar zal een Kustrede worden georganiseerd met die boodschap.")
    assert ("Kustrede", "Intervention", "rule:cue") in found
    found = names_in(nlp, "Dit jaar zal Zeebrakkel de kosten dragen.")
    assert ("Zeebrakkel", "Organisation", "rule:single") in found


def test_a_code_after_an_owner_head_compound_is_the_name(nlp: Language) -> None:
    found = names_in(nlp, "Zo steunen we het KZWR-project ZEEKLIM en meer.")
    assert found == [
        ("KZWR", "Organisation", "rule:acronym"),
        ("ZEEKLIM", "Intervention", "rule:head"),
    ]
    # Without a code after it, the compound is the name.
    found = names_in(nlp, "Zo steunen we het KZWR-project en meer.")
    assert found == [("KZWR-project", "Intervention", "rule:head")]


def test_a_lower_case_body_listed_between_organisations_is_one(nlp: Language) -> None:
    found = names_in(nlp, "Plannen vanuit KZW, ZKR, de kustcoalitie en de VZK tellen mee.")
    assert ("kustcoalitie", "Organisation", "rule:list") in found
    # Not outside such a list, and not an organ or a bare head.
    assert not [t for t, _, _ in names_in(nlp, "Zo sprak de kustcoalitie met ons.")]
    found = names_in(nlp, "Plannen vanuit KZW, de werkgroep en de VZK tellen mee.")
    assert "werkgroep" not in [t for t, _, _ in found]


def test_a_name_described_as_an_instrument_is_one(nlp: Language) -> None:
    found = names_in(nlp, "We bespraken Zeebrakkel als instrument voor de kust.")
    assert ("Zeebrakkel", "Intervention", "rule:cue") in found
    found = names_in(nlp, "We bespraken Zeebrakkel als partner voor de kust.")
    assert ("Zeebrakkel", "Intervention", "rule:cue") not in found


def test_a_topic_of_ordinary_words_opening_an_item_is_no_name(nlp: Language) -> None:
    # 'Kunstmatige' is the inflected form of the ordinary 'kunstmatig'.
    assert names_in(nlp, "Kunstmatige Intelligentie") == []
    found = names_in(nlp, "Zo werkt Kunstmatige Intelligentie Zeebrakkel mee.")
    assert found != []


def test_a_place_adjective_before_a_lone_body_noun_is_part_of_the_name(nlp: Language) -> None:
    assert names_in(nlp, "Zo financiert de Europese Unie veel onderzoek.") == [
        ("Europese Unie", "Organisation", "rule:head")
    ]
    assert [t for t, _, _ in names_in(nlp, "Zo doet de Duitse KTV7 mee.")] == ["KTV7"]


def test_a_pilot_named_by_its_school_type_is_an_intervention(nlp: Language) -> None:
    assert names_in(nlp, "In de pilot havo-examens zijn er tien.") == [
        ("pilot havo-examens", "Intervention", "rule:head")
    ]
    assert names_in(nlp, "De pilot mbo-scholen begint.") == []


def test_a_word_opening_a_line_before_an_english_head_is_part_of_the_name(
    nlp: Language,
) -> None:
    # English names put modifiers before the head: 'Joint', 'High' are part of the name even
    # where they are also Dutch words; a Dutch head opens its name, so a word before it is not.
    assert names_in(nlp, "Joint Research Center (Zeeuwsland)")[0] == (
        "Joint Research Center",
        "Organisation",
        "rule:head",
    )
    assert ("High Tech Centre Zeeuwsland", "Organisation", "rule:head") in names_in(
        nlp, "High Tech Centre Zeeuwsland"
    )
    assert ("Centrum Zeeuwsland", "Organisation", "rule:head") in names_in(
        nlp, "Leerlingen Centrum Zeeuwsland"
    )


def test_a_word_for_documents_is_no_name(nlp: Language) -> None:
    # 'Zeeuwspactdocumenten': a kind of document, even when spelled with a capital.
    text = "Zo zijn specifieke Zeeuwspactdocumenten en Zeeuwspactrapporten opgesteld."
    assert names_in(nlp, text) == []


def test_an_ordinary_noun_van_before_a_headed_name_describes_it(nlp: Language) -> None:
    # A heading about a name ('Werking van het X') is not part of it; a name whose own
    # words open with 'X van' has a head noun there, or keeps them when no head follows.
    assert names_in(nlp, "3.1.2 Werking van het Zeeuwspact in de praktijk") == [
        ("Zeeuwspact", "Programme", "rule:head")
    ]
    assert ("Actieplan Zeeuwsland", "Intervention", "rule:head") in names_in(
        nlp, "De Evaluatie van het Actieplan Zeeuwsland volgt."
    )
    assert ("Ministerie van Zeeuwse Zaken", "Organisation", "rule:head") in names_in(
        nlp, "Zo werkt het Ministerie van Zeeuwse Zaken."
    )


def test_a_head_noun_in_the_plural_names_a_kind_not_one(nlp: Language) -> None:
    # 'de Delta Regio’s', 'Triple X regio’s, zoals Y': several members of a kind, each named on
    # its own; the singular is a name.
    assert names_in(nlp, "De Zeeuwse Delta Regio’s zijn vertegenwoordigd.") == []
    found = names_in(nlp, "Zo werken de Delta regio’s, zoals Zeeuwsland, samen.")
    assert not [t for t, _, _ in found if "Delta" in t]
    assert ("Delta Regio", "Region", "rule:head") in names_in(nlp, "Zo groeit de Delta Regio.")


def test_an_imperative_title_keeps_its_possessive_after_a_head_noun(nlp: Language) -> None:
    # Programmes and campaigns address the reader ('Verzilver je X'); in running text a
    # possessive between capitalised words glues nothing.
    found = names_in(nlp, "Zo stimuleert het programma Wissel je Kennis de samenwerking.")
    assert ("programma Wissel je Kennis", "Programme", "rule:head") in found
    assert names_in(nlp, "Als je Zeeuwsland bezoekt, zie je veel.") == [
        ("Zeeuwsland", "Organisation", "rule:single")
    ]


def test_a_legal_form_before_a_place_is_a_metaphor_not_a_company(nlp: Language) -> None:
    found = names_in(nlp, "Met techniek verdient de BV Zeeuwsland de boterham.")
    assert not [t for t, _, _ in found if "BV" in t]
    assert ("Zeeuws Advies B.V.", "Organisation", "rule:head") in names_in(
        nlp, "Zo werkt Zeeuws Advies B.V. mee."
    )


def test_a_name_ends_before_in_and_a_bare_compass_word(nlp: Language) -> None:
    # 'X in Oost': the area where the name works, not part of it.
    assert names_in(nlp, "Zo groeit het Zeeuwspact in Oost sterk.") == [
        ("Zeeuwspact", "Programme", "rule:head"),
        ("Oost", "Region", "rule:cue"),
    ]


def test_an_acronym_before_a_head_and_its_quoted_title_belongs_to_the_name(
    nlp: Language,
) -> None:
    doc = nlp("De STEM campagne ‘Kies Zeeuws’ loopt.")
    assert spans(doc, "bg_entities")[0][:2] == ("STEM campagne ‘Kies Zeeuws’", "Intervention")


def test_a_plural_compound_of_ordinary_words_opening_a_line_is_a_kind(nlp: Language) -> None:
    assert names_in(nlp, "Bedrijfsstages voor studenten") == []
    # The singular, or a compound with a made word, may name one instrument.
    assert ("Zeeuwsstage", "Intervention", "rule:head") in names_in(nlp, "Zo werkt de Zeeuwsstage.")


def extracted(tmp_path: Path, text: str) -> dict[str, str]:
    """Entity label -> type for a small invented document, through the whole extractor."""
    path = tmp_path / "nota.txt"
    path.write_text(text, encoding="utf-8")
    return {e.label: e.type for e in extract_document(path).entities}


def test_fields_of_knowledge_and_readiness_scales_are_no_entities(tmp_path: Path) -> None:
    found = extracted(
        tmp_path,
        "De Stichting Gloria en het Kwantumfonds werken aan Frobnic Technologies (FBT) en "
        "Woven Materials. De Stichting Gloria meet dit langs de lat van de Market Readiness "
        "Levels (MRL). Het Kwantumfonds steunt FBT en Woven Materials.\n",
    )
    assert "Stichting Gloria" in found and "Kwantumfonds" in found
    assert not any(
        "Technologies" in label or "Materials" in label or "Readiness" in label or label == "FBT"
        for label in found
    )


def test_themes_listed_after_a_colon_are_topics_in_the_whole_document(tmp_path: Path) -> None:
    found = extracted(
        tmp_path,
        "De Stichting Gloria kiest de volgende thema’s: Vlotheid en Zwierigheid; Ploegwerk, "
        "Grondwater en Graan.\n\n"
        "Van alle plannen sluit de helft aan bij Vlotheid en Zwierigheid. De Stichting Gloria "
        "werkt aan Zwierigheid.\n",
    )
    assert "Stichting Gloria" in found
    assert not {"Vlotheid", "Zwierigheid", "Ploegwerk", "Grondwater", "Graan"} & set(found)


def test_a_part_of_the_document_is_no_place(nlp: Language) -> None:
    found = names_in(nlp, "De plannen staan in Bijlage D. Zie ook Hoofdstuk 4 en Figuur 2.1.")
    assert found == []


def test_examples_of_topics_are_no_names_but_examples_of_actors_are(nlp: Language) -> None:
    found = names_in(
        nlp,
        "De fondsen richten zich op onderwerpen zoals kwantumrekenen, GlowTech, vezels en "
        "Zwevende-Dingen-voor-Iedereen. Bedrijven zoals Frobnic en Wervelwind doen mee.",
    )
    texts = [t for t, _, _ in found]
    assert "GlowTech" not in texts and "Zwevende-Dingen-voor-Iedereen" not in texts
    assert "Frobnic" in texts and "Wervelwind" in texts


def test_landsdeel_labels_only_in_a_document_about_landsdelen(tmp_path: Path) -> None:
    from beleidsgraaf.ingest.extract import _labels_in_context, read_source
    from beleidsgraaf.ontology.authority import landsdelen

    plain, about = tmp_path / "a.txt", tmp_path / "b.txt"
    plain.write_text("Het Frobnicprogramma loopt in het noorden.\n", encoding="utf-8")
    about.write_text("Het Frobnicprogramma loopt in elk landsdeel.\n", encoding="utf-8")
    iris = {entry.iri for entry in landsdelen()}
    assert iris and not iris & set(_labels_in_context(read_source(plain)))
    assert iris <= set(_labels_in_context(read_source(about)))


def test_a_plural_plan_head_types_an_acronym_definition(nlp: Language) -> None:
    doc = AcronymDetector(nlp, "test")(
        make(nlp, "Dit sluit aan op de Lokale Groeistrategieën (LGS) en de Frobnic Offices (FO).")
    )
    assert spans(doc, "bg_acronyms") == [
        ("Lokale Groeistrategieën", "Programme", "acr:LGS"),
        ("LGS", "Programme", "acr:LGS"),
        ("Frobnic Offices", "Unknown", "acr:FO"),
        ("FO", "Unknown", "acr:FO"),
    ]


def test_an_elided_first_half_belongs_to_the_name(nlp: Language) -> None:
    found = names_in(nlp, "Het past in de Bouw- en Vliegagenda Zwevers van dit jaar.")
    assert ("Bouw- en Vliegagenda Zwevers", "Programme", "rule:head") in found


def test_a_shared_head_written_without_hyphen_joins_the_pair(nlp: Language) -> None:
    found = names_in(nlp, "Het Zeeuws Haven en Scheepvaartpact loopt door.")
    assert ("Zeeuws Haven en Scheepvaartpact", "Programme", "rule:head") in found
    # A name of its own before 'en' is no first half; a head before it closes its own name.
    found = names_in(nlp, "Wij werken met Frobnic en Technologiepact samen.")
    assert ("Technologiepact", "Programme", "rule:head") in found
    assert not [f for f in found if "en" in f[0].split()]
    found = names_in(nlp, "Het Sectorplan Techniek en Scheepvaartpact loopt.")
    assert ("Scheepvaartpact", "Programme", "rule:head") in found


def test_an_acronym_with_a_year_in_brackets_is_a_citation_not_an_affiliation(
    nlp: Language,
) -> None:
    found = names_in(
        nlp, "Uit de evaluatie van de Centra van Zilver Vakwerk (PBT, 2016) blijkt dat."
    )
    assert not [f for f in found if f[1] == "Person"]
    found = names_in(nlp, "Coördinator is Karel van Oudewater (VU) en verder niemand.")
    assert ("Karel van Oudewater", "Person", "rule:person") in found
    doc = make(nlp, "Het ministerie Werk & Sociale Zaken (BMAS) doet veel.")
    doc.user_data[VOCAB_KEY] = frozenset({"sociale", "zaken"})  # written in lower case elsewhere
    assert not [f for f in spans(NameFinder(nlp, "test")(doc), "bg_names") if f[1] == "Person"]
    found = names_in(nlp, "Met dank aan Emeritus Professor Bram Hoeksteen en anderen.")
    assert ("Bram Hoeksteen", "Person", "rule:person") in found


def test_a_place_after_a_plural_programme_noun_is_no_programme(nlp: Language) -> None:
    found = names_in(nlp, "Zie het overzicht coalitieakkoorden Zuidwest en de regelingen Kustwerk.")
    assert ("Kustwerk", "Intervention", "rule:cue") in found
    assert not [f for f in found if f[0] == "Zuidwest" and f[1] == "Programme"]


def test_a_document_part_label_is_no_name_but_its_title_may_hold_one(nlp: Language) -> None:
    assert names_in(nlp, "Bijlage C Bestudeerde documenten") == []
    assert names_in(nlp, "Zie Bijlage D Verzamelde stukken.") == []
    found = names_in(nlp, "Zie Bijlage B Kustpact Zeeuwsland.")
    assert found == [("Kustpact Zeeuwsland", "Programme", "rule:head")]


def test_a_glossed_term_and_nouns_qualified_by_a_name_are_no_names(nlp: Language) -> None:
    doc = NameFinder(nlp, "test")(
        make(nlp, "Wij doen onderwijs, ‘Zilver Leren’ (levenslang leren) en onderzoek.")
    )
    assert spans(doc, "bg_names") == []
    assert {s.text for s in doc.spans["bg_topics"]} == {"Zilver", "Leren"}
    assert names_in(nlp, "Er komt een breed Zilver Leren-aanbod voor alumni.") == []
    assert names_in(nlp, "We lichten de bijbehorende ‘Zilver Programma’s’ kort toe.") == []


def test_generic_acronyms_and_report_words_make_no_names(nlp: Language) -> None:
    assert names_in(nlp, "Er is ook een IT-platform opgericht voor scholen.") == []
    found = names_in(nlp, "Zie de Masterplan Zeewerk Rapportage van vorig jaar.")
    assert ("Masterplan Zeewerk", "Programme", "rule:head") in found
    assert not [f for f in found if "Rapportage" in f[0]]


def test_capitalised_nouns_of_german_titles_are_no_names(nlp: Language) -> None:
    assert names_in(nlp, "Zie het rapport Wissen auf einen Blick 2018 van de OESO.") == [
        ("OESO", "Organisation", "rule:acronym")
    ]


def test_an_activity_noun_before_a_headed_name_is_not_part_of_it(nlp: Language) -> None:
    found = names_in(nlp, "Landsdeel Zuid 01.11.19 Voorbereiding Kustpact met de gedeputeerden")
    assert ("Kustpact", "Programme", "rule:head") in found
    found = names_in(nlp, "Het gaat om de Doelstellingen Zee-Actieplan van dit jaar.")
    assert ("Zee-Actieplan", "Intervention", "rule:head") in found
    # Before a bare head the first word is the name's own subject.
    assert names_in(nlp, "Zij tekenden het Scholing Akkoord in juni.")[0][0] == "Scholing Akkoord"


def test_a_landsdeel_is_named_by_its_compass_word_alone(nlp: Language) -> None:
    found = names_in(nlp, "Landsdeel Zuidwest Flyer Kustwerk Zeeuwsland")
    assert ("Zuidwest", "Region", "rule:cue") in found
    assert not [f for f in found if f[0].startswith("Zuidwest ")]


def test_names_after_a_plural_programme_or_instrument_noun_are_of_that_kind(
    nlp: Language,
) -> None:
    found = names_in(
        nlp,
        "Het loopt via de Europese programma’s Zwaluw 2030 en andere. Er zijn "
        "financieringsinstrumenten die gericht zijn op doorbraken, zoals Opstap en Klimrek. "
        "Bedrijven zoals Frobnic doen mee.",
    )
    assert ("Zwaluw 2030", "Programme", "rule:cue") in found
    assert ("Opstap", "Intervention", "rule:cue") in found
    assert ("Klimrek", "Intervention", "rule:cue") in found
    assert ("Frobnic", "Organisation", "rule:cue") in found


def test_examples_set_off_by_commas_after_a_plural_instrument_noun(nlp: Language) -> None:
    # 'Andere regelingen, zoals X, zijn ...': the comma right after the plural noun opens the
    # examples; the acronym-like name is one of the instruments, not an organisation.
    found = names_in(nlp, "Dat is bekend. Andere regelingen, zoals ZWK!plus, zijn nieuw.")
    assert ("ZWK!plus", "Intervention", "rule:cue") in found
    found = names_in(nlp, "Dat is zo. Er lopen Europese programma’s, zoals Zwaluwvlucht, al jaren.")
    assert ("Zwaluwvlucht", "Programme", "rule:cue") in found


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Een voorbeeld van een geslaagde interventie in Zwaluwdal zijn de KlimPloegen.",
            "KlimPloegen",
            "Intervention",
        ),
        ("Voorbeelden van regelingen zijn Opstapper en Vliegwielkas.", "Opstapper", "Intervention"),
        (
            "Voorbeelden van regelingen zijn Opstapper en Vliegwielkas.",
            "Vliegwielkas",
            "Intervention",
        ),
        ("Een mooi voorbeeld van een organisatie is Frobnicor.", "Frobnicor", "Organisation"),
    ],
)
def test_a_named_example_of_a_kind_is_of_that_kind(
    nlp: Language, text: str, name: str, kind: str
) -> None:
    assert (name, kind, "rule:cue") in names_in(nlp, text)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Dat is zo. Frobnic is een subsidieregeling voor het mkb.", "Frobnic", "Intervention"),
        ("Dat is zo. De Zwevox is een landelijke organisatie.", "Zwevox", "Organisation"),
        ("Dat is zo. Klimrek is een succesvol programma.", "Klimrek", "Programme"),
    ],
)
def test_a_name_defined_by_its_sentence_is_of_the_defining_kind(
    nlp: Language, text: str, name: str, kind: str
) -> None:
    assert (name, kind, "rule:cue") in names_in(nlp, text)


def test_a_place_before_an_inverted_copula_is_not_defined_by_it(nlp: Language) -> None:
    # 'In Zwaluwdal is een netwerk opgericht': the name does not open the clause, so it is no
    # subject being defined.
    found = names_in(nlp, "Dat is zo. In Zwaluwdal is een netwerk opgericht.")
    assert not any(kind == "Intervention" for _, kind, _ in found)


def test_a_named_example_after_a_pronoun_is_not_typed_by_it(nlp: Language) -> None:
    # 'Een voorbeeld hiervan is X': the pronoun names no kind, so the cue says nothing.
    found = names_in(nlp, "Een voorbeeld hiervan is KlimPloegen.")
    assert ("KlimPloegen", "Intervention", "rule:cue") not in found


def test_acronym_definition_takes_the_type_its_context_gives(nlp: Language) -> None:
    # The long form has no head noun; the example cue types it, and the definition (which wins
    # the overlap to link the short form) carries that type.
    doc = nlp("Een voorbeeld van een geslaagde interventie zijn de KlimTeams (KTs). Zo gaat het.")
    found = spans(doc, "bg_entities")
    assert ("KlimTeams", "Intervention", "acr:KTs") in found
    # A person reading of 'Two Words (ACR)' is no evidence against a definition.
    doc = nlp("Zij werken met Zwevende Kantoren (ZK) aan kennis.")
    assert not any(k == "Person" for _, k, _ in spans(doc, "bg_entities"))


def test_a_cited_source_after_a_name_is_no_affiliation(nlp: Language) -> None:
    # 'Two Words (ACR)' reads as a person with an affiliation; 'Two Words (ACR, 2016)' cites a
    # source for what the named thing did.
    found = names_in(nlp, "Dat kwam uit de evaluatie van Wieke Darsen (ZBX, 2016) naar voren.")
    assert not any(kind == "Person" for _, kind, _ in found)
    found = names_in(nlp, "Dat kwam uit gesprekken met Wieke Darsen (ZBX) naar voren.")
    assert ("Wieke Darsen", "Person", "rule:person") in found


def test_a_titled_guideline_is_a_programme_not_a_council(nlp: Language) -> None:
    # 'leidraad' ends in 'raad' but is a guideline, not a council: a titled one is a policy
    # agenda like a 'strategie'.
    assert lexicon().head_type("leidraad") == "Programme"
    found = names_in(nlp, "Dat staat in de leidraad ‘samen en sneller’ van dat jaar.")
    assert ("leidraad ‘samen en sneller’", "Programme", "rule:head") in found


def test_an_academy_of_a_field_is_a_body_an_x_academy_a_programme(nlp: Language) -> None:
    found = names_in(nlp, "Zo komt er een Academy of Zwevende Kunde en een Frobnic Academy.")
    assert ("Academy of Zwevende Kunde", "Organisation", "rule:head") in found
    assert ("Frobnic Academy", "Intervention", "rule:head") in found


def test_a_quoted_title_takes_the_kind_of_the_noun_it_belongs_to(nlp: Language) -> None:
    # '<article> <instrument noun> van <owner> ‘Title’': the title names the instrument; without
    # such a noun a quoted title stays a programme.
    found = names_in(
        nlp, "Ook loopt de interventie van onder meer de gemeente Zwaluwdal ‘Samen Verder Bouwen’."
    )
    assert ("Samen Verder Bouwen", "Intervention", "rule:quoted") in found
    found = names_in(nlp, "Ook loopt sinds kort ‘Samen Verder Bouwen’ in de regio.")
    assert ("Samen Verder Bouwen", "Programme", "rule:quoted") in found


def test_a_title_case_name_ending_in_a_plural_instrument_head_is_a_series(nlp: Language) -> None:
    found = names_in(nlp, "Er lopen de Zwevende Fabriek Fieldlabs en de Frobnic Masters al lang.")
    assert ("Zwevende Fabriek Fieldlabs", "Intervention", "rule:head") in found
    assert not any(t == "Frobnic Masters" and k == "Programme" for t, k, _ in found)


def test_entry_glossed_in_brackets_names_its_activity(nlp: Language) -> None:
    # A one-word compound headed by an instrument noun and glossed in lower case is the label
    # of the activity, even when its parts are ordinary words of the document.
    doc = nlp.make_doc("Kennissteunpunten (advies, begeleiding)")
    doc.user_data[ENTRY_KEY] = ACTIVITY
    doc.user_data[VOCAB_KEY] = frozenset({"kennis", "steunpunten"})
    assert ("Kennissteunpunten", "Intervention", "rule:entry") in spans(nlp(doc), "bg_entities")
    # Without a gloss, such a compound stays a description.
    doc = nlp.make_doc("Kennissteunpunten")
    doc.user_data[ENTRY_KEY] = ACTIVITY
    doc.user_data[VOCAB_KEY] = frozenset({"kennis", "steunpunten"})
    assert not [s for s in spans(nlp(doc), "bg_entities") if s[2] == "rule:entry"]


def test_entry_noun_after_an_adjective_is_no_verb(nlp: Language) -> None:
    # 'netwerken' after an inflected adjective is a noun, and the adjectives before a head-noun
    # name belong to the entry's name.
    found = _entry(nlp, "Lokale bestuurlijke netwerken Q&Z (afstemming)")
    assert ("Lokale bestuurlijke netwerken Q&Z", "Intervention", "rule:entry") in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # ordinary words, and a glued plural ending
        (
            "Het vervolg was het plan Meer Groene Dak’s (2015-2016) van de minister.",
            "Meer Groene Dak’s",
        ),
        ("Zo dekt de regionale interventie Werkplaats Zink de hele provincie.", "Werkplaats Zink"),
        ("Daarna kwam de maatregel Samen Sterker voor werkzoekenden.", "Samen Sterker"),
    ],
)
def test_name_after_a_plan_or_measure_word_is_an_intervention(
    nlp: Language, text: str, name: str
) -> None:
    assert (name, "Intervention", "rule:cue") in spans(nlp(text), "bg_entities")


def test_examples_after_a_sentence_opening_plural_instrument_noun(nlp: Language) -> None:
    # 'Initiatieven zoals X': the plural opens the sentence (capitalised only by its place) and
    # voices the final f of 'initiatief'; the ordinary word after it is an example of one.
    found = spans(nlp("Dat werkt goed. Initiatieven zoals Vliegwiel kunnen helpen."), "bg_entities")
    assert ("Vliegwiel", "Intervention", "rule:cue") in found


def test_listed_word_with_a_year_is_a_name(nlp: Language) -> None:
    # 'X, Zeehaven 2030, Y': an ordinary compound carrying a year in a list names something.
    found = spans(
        nlp("De regio’s Kustland Noord, Zeehaven 2030, Akkerdal en Veenhoek."), "bg_entities"
    )
    assert any(s[0] == "Zeehaven 2030" for s in found)


def test_a_confirmed_one_word_name_is_found_again(tmp_path: Path) -> None:
    # 'initiatieven zoals Vliegwiel' confirms the ordinary word as a name; its other capitalised
    # mentions then count too, so a relation stated there is found.
    path = tmp_path / "nota.txt"
    path.write_text(
        "Er zijn veel initiatieven zoals Vliegwiel in de regio.\n\n"
        "Net als andere netwerken maakt ook Vliegwiel deel uit van het Platform Zonnig Werk.\n",
        encoding="utf-8",
    )
    extraction = extract_document(path)
    labels = {e.iri: e.label for e in extraction.entities}
    found = {
        (labels.get(r.subject), r.predicate, labels.get(r.object)) for r in extraction.relations
    }
    assert ("Vliegwiel", "partOf", "Platform Zonnig Werk") in found


def test_entry_sentence_with_a_slogan_title_as_subject(nlp: Language) -> None:
    # A capitalised title with a verb in it, then a lower-case verb: the title is the activity.
    found = _entry(nlp, "• Samen Sterk Werkt helpen werkzoekenden weer aan een baan")
    assert ("Samen Sterk Werkt", "Intervention", "rule:entry") in found
    # Without a verb in the run, the subject is the actor the entry is about.
    found = _entry(nlp, "• Zinkwerk Holland verzorgt opleidingen voor monteurs")
    assert not [s for s in found if s[2] == "rule:entry"]


def test_capitalised_word_after_a_participle_names_what_was_made(nlp: Language) -> None:
    # 'het landelijk ontwikkelde Taalkompas': the capital is deliberate when the document
    # never writes the word in lower case.
    doc = nlp.make_doc("Scholen gebruiken het landelijk ontwikkelde Taalkompas en andere hulp.")
    doc.user_data[VOCAB_KEY] = frozenset({"scholen", "gebruiken", "andere", "hulp"})
    assert ("Taalkompas", "Intervention", "rule:cue") in spans(nlp(doc), "bg_entities")
    doc = nlp.make_doc("Scholen gebruiken het landelijk ontwikkelde Taalkompas en andere hulp.")
    doc.user_data[VOCAB_KEY] = frozenset({"taalkompas"})
    assert not spans(nlp(doc), "bg_entities")


def test_lone_de_before_a_programme_noun_opens_a_new_phrase(nlp: Language) -> None:
    # 'X de Topsector Y' (elided verb): 'de' is an article here, not a surname's tussenvoegsel.
    found = spans(
        nlp("Zo kreeg Delft-Leiden de Topsector ‘Water’ en Twente de rest."), "bg_entities"
    )
    assert ("Delft-Leiden", "Region", "rule:cue") in found
    assert not any(s[0].startswith("Delft-Leiden de") for s in found)
    # A surname after 'de' still belongs to the person's name.
    assert ("Joost de Wolk", "Person", "rule:person") in spans(
        nlp("De voorzitter was Joost de Wolk tot 2020."), "bg_entities"
    )


def test_the_owner_of_premises_is_a_body_even_when_it_reads_as_a_compound(nlp: Language) -> None:
    # 'het opleidingscentrum van X', 'de X fabriek': what owns a training centre or a factory
    # is a company or institution, named once or not.
    vocab = frozenset({"cursus", "loopt", "sloot", "jaren", "geleden"})
    doc = nlp.make_doc("De cursus loopt in het opleidingscentrum van Bouwvolk.")
    doc.user_data[VOCAB_KEY] = vocab
    assert ("Bouwvolk", "Organisation", "rule:cue") in spans(nlp(doc), "bg_entities")
    doc = nlp.make_doc("Jaren geleden sloot de Kramwel fabriek in Assen.")
    doc.user_data[VOCAB_KEY] = vocab
    assert ("Kramwel", "Organisation", "rule:cue") in spans(nlp(doc), "bg_entities")
    # A known place owns nothing this way, and a word the text writes in lower case is no name.
    doc = nlp.make_doc("De cursus loopt in het opleidingscentrum van Twente.")
    doc.user_data[VOCAB_KEY] = vocab
    assert ("Twente", "Organisation", "rule:cue") not in spans(nlp(doc), "bg_entities")
    doc = nlp.make_doc("De cursus loopt in het opleidingscentrum van Bouwvolk.")
    doc.user_data[VOCAB_KEY] = vocab | {"bouwvolk"}
    assert not [s for s in spans(nlp(doc), "bg_entities") if s[0] == "Bouwvolk"]
    # A place adjective or a modifier of a noun after it owns nothing.
    doc = nlp.make_doc("De vestiging van Duitse bedrijven groeit.")
    doc.user_data[VOCAB_KEY] = vocab
    assert not [s for s in spans(nlp(doc), "bg_entities") if s[1] == "Organisation"]
    doc = nlp.make_doc("De vestiging van Bouwvolk bedrijven groeit.")
    doc.user_data[VOCAB_KEY] = vocab
    assert ("Bouwvolk", "Organisation", "rule:cue") not in spans(nlp(doc), "bg_entities")


def test_a_compass_adjective_before_a_known_place_names_part_of_it(nlp: Language) -> None:
    found = names_in(nlp, "Zij willen scholieren in de Zuidelijke Randstad bereiken.")
    assert ("Zuidelijke Randstad", "Region", "rule:cue") in found
    # Before an unknown word the adjective is part of some other name.
    found = names_in(nlp, "Het Zuidelijk Kraanlab werkt samen met scholen.")
    assert not [s for s in found if s[1] == "Region"]


def test_a_named_module_or_course_is_an_intervention(nlp: Language) -> None:
    found = names_in(nlp, "De pilot krijgt vorm in een Kraanstart module voor zij-instromers.")
    assert ("Kraanstart module", "Intervention", "rule:head") in found
    found = names_in(nlp, "Daarnaast is er de jaarlijkse Grasp Founders Course voor promovendi.")
    assert ("Grasp Founders Course", "Intervention", "rule:head") in found
    # A bare module is no name.
    assert not names_in(nlp, "Daarna volgt de Module over veiligheid.")


def test_what_is_used_is_a_named_facility_or_instrument(nlp: Language) -> None:
    # 'gebruikgemaakt van de X': a capitalised object of using names a facility or instrument,
    # even when made of ordinary words, unless the text writes its first word in lower case.
    vocab = frozenset({"scholen", "wordt", "in", "de", "regio", "techniek", "maken"})
    doc = nlp.make_doc("In de regio wordt gebruikgemaakt van de Swing Techniek voor scholen.")
    doc.user_data[VOCAB_KEY] = vocab
    assert ("Swing Techniek", "Intervention", "rule:cue") in spans(nlp(doc), "bg_entities")
    doc = nlp.make_doc("Scholen maken gebruik van het Bouwdok in Assen.")
    doc.user_data[VOCAB_KEY] = vocab
    assert ("Bouwdok", "Intervention", "rule:cue") in spans(nlp(doc), "bg_entities")
    doc = nlp.make_doc("In de regio wordt gebruikgemaakt van de Techniek voor scholen.")
    doc.user_data[VOCAB_KEY] = vocab
    assert not spans(nlp(doc), "bg_entities")
    # An adjective, or a word modifying the noun after it, is not the thing used.
    doc = nlp.make_doc("Scholen maken gebruik van de Nederlandse taal.")
    doc.user_data[VOCAB_KEY] = vocab
    assert not [s for s in spans(nlp(doc), "bg_entities") if s[1] == "Intervention"]
    doc = nlp.make_doc("Scholen maken gebruik van het Bouwdok lokaal in Assen.")
    doc.user_data[VOCAB_KEY] = vocab
    assert ("Bouwdok", "Intervention", "rule:cue") not in spans(nlp(doc), "bg_entities")


def test_a_head_after_the_names_horizon_year_belongs_to_the_name(nlp: Language) -> None:
    found = names_in(nlp, "Daarnaast is het Snelweg Kust 2030 programma gelanceerd.")
    assert ("Snelweg Kust 2030 programma", "Programme", "rule:head") in found
    # Without a head after it, a year after a name is left alone.
    found = names_in(nlp, "Daarnaast is het Snelweg Kust 2030 gelanceerd.")
    assert not [s for s in found if s[0].endswith("programma")]


def test_what_goes_on_under_a_name_is_an_initiative(nlp: Language) -> None:
    found = names_in(nlp, "Zij lanceren filmpjes onder de naam XQ TV. Dat bevalt goed.")
    assert ("XQ TV", "Intervention", "rule:cue") in found
    # A head noun after the run belongs to the name, which names a kind here.
    found = names_in(nlp, "Zij werken onder de naam Dubbel Anker regio’s samen.")
    assert ("Dubbel Anker", "Intervention", "rule:cue") not in found


def test_a_list_of_capitalised_words_before_an_instrument_head_is_its_title(
    nlp: Language,
) -> None:
    found = names_in(nlp, "Scholen gebruiken de Kunst, Klank & Kleur leerlijn in groep 3.")
    assert ("Kunst, Klank & Kleur leerlijn", "Intervention", "rule:head") in found
    found = names_in(nlp, "Scholen gebruiken de Kunst en Kleur leerlijn in groep 3.")
    assert ("Kunst en Kleur leerlijn", "Intervention", "rule:head") in found
    # A list of themes without such a head stays a list of words.
    found = names_in(nlp, "Het gaat om de thema's Kunst, Klank en Kleur in de regio.")
    assert not [s for s in found if "," in s[0]]


def test_a_name_ending_in_a_school_type_takes_a_second_school_type_target(
    nlp: Language,
) -> None:
    found = names_in(nlp, "Wij noemen het Groeifonds Tekorten mbo en natuur en kunst hbo hier.")
    assert [t for t, _, _ in found] == ["Groeifonds Tekorten mbo en natuur en kunst hbo"]
    # A lower-case noun after the second school type: the pair is no target of the name.
    found = names_in(nlp, "Wij noemen het Groeifonds Tekorten mbo en kunst hbo docenten hier.")
    assert [t for t, _, _ in found] == ["Groeifonds Tekorten mbo"]


def test_a_sentence_case_title_ends_with_the_group_it_is_for(nlp: Language) -> None:
    found = names_in(nlp, "De subsidie Zeeuws techniekonderwijs voor docenten moet helpen.")
    assert [t for t, _, _ in found] == ["subsidie Zeeuws techniekonderwijs voor docenten"]
    # More words after the group, or a list of groups, belong to the sentence.
    for text in (
        "De subsidie Zeeuws techniekonderwijs voor scholen in de regio helpt.",
        "De subsidie Zeeuws techniekonderwijs voor docenten en ouders helpt.",
    ):
        assert [t for t, _, _ in names_in(nlp, text)] == ["subsidie Zeeuws techniekonderwijs"]


def test_a_tax_deduction_and_a_reporting_point_are_named_in_lower_case(nlp: Language) -> None:
    found = names_in(nlp, "Het kabinet heeft de fiscale reisaftrek vervangen door een budget.")
    assert ("fiscale reisaftrek", "Intervention") in [(t, label) for t, label, _ in found]
    found = names_in(nlp, "Daarnaast heeft de bond een meldpunt werkdruk.")
    assert ("meldpunt werkdruk", "Intervention") in [(t, label) for t, label, _ in found]
    # A bare deduction, or a reporting point described by a participle or a phrase, is none.
    for text in (
        "De aftrek is hoog.",
        "Er is een meldpunt ingericht.",
        "Er is een meldpunt voor ouders.",
    ):
        assert names_in(nlp, text) == []


def test_a_definite_pilot_is_named_by_the_practice_it_tries(nlp: Language) -> None:
    found = names_in(
        nlp, "De bond organiseert de pilots werkplekleren met een leerbewijs in het mbo."
    )
    assert ("pilots werkplekleren met een leerbewijs", "Intervention") in [
        (t, label) for t, label, _ in found
    ]
    # Ordinary words, verbs and pronominal adverbs after 'de pilot' open the sentence.
    for text in (
        "Het bureau brengt de pilot breed onder de aandacht.",
        "Met de inzet van de pilot beoogt het bureau een gesprek.",
        "Dit is de pilot waarmee het begon.",
    ):
        assert names_in(nlp, text) == []


def test_a_programme_title_with_a_voor_subject_takes_its_national_scope(nlp: Language) -> None:
    found = names_in(nlp, "Het doel is een Agenda voor de Zeevaart in Nederland van alle havens.")
    assert [t for t, _, _ in found] == ["Agenda voor de Zeevaart in Nederland"]
    # Without 'voor', or with several places, 'in' opens the places the sentence speaks of.
    found = names_in(nlp, "De Agenda Zeevaart in Twente helpt.")
    assert [t for t, _, _ in found] == ["Agenda Zeevaart", "Twente"]
    found = names_in(nlp, "De Agenda voor Zeevaart in Twente en Drenthe helpt.")
    assert found[0][0] == "Agenda voor Zeevaart"


def test_an_ordinary_noun_and_a_head_compound_after_en_are_one_elided_name(
    nlp: Language,
) -> None:
    found = names_in(nlp, "Het Zeeuws Water en Bodempact helpt.")
    assert [t for t, _, _ in found] == ["Zeeuws Water en Bodempact"]
    # A capital after the compound: it opens a second name of its own.
    found = names_in(nlp, "Zij spraken over Water en Bodempact Zuid.")
    assert [t for t, _, _ in found] == ["Bodempact Zuid"]


def test_a_capitalised_preposition_after_a_name_opens_the_next_sentence(nlp: Language) -> None:
    # A list entry joined with the sentence after it: 'Middels' starts that sentence.
    found = names_in(nlp, "• Zeeschool Kompas Middels dit kompas steunt de overheid scholen.")
    assert [t for t, _, _ in found] == ["Zeeschool Kompas"]


def test_a_title_after_a_name_opens_a_person_in_a_list_of_contributors(nlp: Language) -> None:
    found = names_in(
        nlp,
        "Hogeschool Zeewolde Dhr. K. Pelsma Emeritus Professor Universiteit Kampen Dhr. B. Ooms",
    )
    assert [(t, label) for t, label, _ in found] == [
        ("Hogeschool Zeewolde", "Organisation"),
        ("K. Pelsma", "Person"),
        ("Universiteit Kampen", "Organisation"),
        ("B. Ooms", "Person"),
    ]


def test_a_document_word_after_a_name_ends_it_in_a_list_of_sources(nlp: Language) -> None:
    found = names_in(nlp, "Bronnen: Stichting Zeewerk Eindrapport Evaluatie 2019.")
    assert "Stichting Zeewerk" in [t for t, _, _ in found]
    assert not any("Eindrapport" in t for t, _, _ in found)


def test_a_place_adjective_before_a_body_head_opens_a_name_that_goes_on_over_en(
    nlp: Language,
) -> None:
    found = names_in(nlp, "Dit adviseerde de Zeeuwse Raad voor Kunst en Cultuur (ZRKC) in 2011.")
    assert ("Zeeuwse Raad voor Kunst en Cultuur", "Organisation") in [
        (t, label) for t, label, _ in found
    ]


def test_an_ordinary_noun_qualified_by_a_multiword_name_is_no_name(nlp: Language) -> None:
    assert names_in(nlp, "Wij breiden het Open Zee Leren-aanbod uit.") == []
    # A head noun after the hyphen names an instrument of that name.
    found = names_in(nlp, "Wij breiden het Open Zee Leren-programma uit.")
    assert [t for t, _, _ in found] == ["Open Zee Leren-programma"]


def test_a_quoted_head_in_the_plural_is_a_kind_not_a_title(nlp: Language) -> None:
    assert names_in(nlp, "We lichten de bijbehorende ‘Zee Programma’s’ kort toe.") == []
    found = names_in(nlp, "We lichten het bijbehorende ‘Zee Programma’ kort toe.")
    assert [t for t, _, _ in found] == ["Zee Programma"]


def test_a_counted_head_in_the_plural_is_a_kind(nlp: Language) -> None:
    assert names_in(nlp, "Daarom koppelen we beide Blauwe Academies aan elkaar.") == []
    found = names_in(nlp, "Daarom koppelen we de Blauwe Academies aan elkaar.")
    assert [t for t, _, _ in found] == ["Blauwe Academies"]


def test_an_entry_of_coordinated_subjects_and_a_singular_head_names_one_instrument(
    nlp: Language,
) -> None:
    found = names_in(nlp, "• Water, Wind & Zon leerlijn van groep 1 t/m groep 8")
    assert ("Water, Wind & Zon leerlijn", "Intervention") in [(t, label) for t, label, _ in found]
    # A head in the plural, or no head at all, after the coordination: a kind, or topics.
    for text in ("• Water, Wind en Zon opleidingen", "• Water, Wind en Zon zijn thema's."):
        assert not any("," in t for t, _, _ in names_in(nlp, text))


def test_a_name_ends_before_an_address_and_a_dateline(nlp: Language) -> None:
    doc = nlp(
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Postbus 20018 2500 EA "
        "Den Haag\nDen Haag, 3 november 2023\nGeachte voorzitter,"
    )
    found = {(s.text, s.label_) for s in doc.spans["bg_entities"]}
    assert ("Tweede Kamer der Staten-Generaal", "Organisation") in found
    assert not any("Postbus" in text or "EA" in text.split() for text, _ in found), found
