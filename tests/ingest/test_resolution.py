"""Entity resolution: merges and non-merges, across documents, and the curator file."""

from __future__ import annotations

from pathlib import Path

import pytest

from beleidsgraaf.errors import CuratorError
from beleidsgraaf.ingest.curation import apply_curation, load_curation
from beleidsgraaf.ingest.extract import extract_document, extract_paths, load_pipeline
from beleidsgraaf.ingest.resolution import Mention, loose_key, normalise_name, resolve_mentions
from beleidsgraaf.ontology.authority import load_authority
from beleidsgraaf.ontology.iri import entity_iri
from beleidsgraaf.records import Evidence, Extraction

EV = Evidence(doc="0" * 64, text="…", start=0, end=1)


def mention(text: str, kind: str = "Organisation", rule: str = "rule:default") -> Mention:
    return Mention(text=text, type=kind, rule=rule, evidence=EV, sentence=0)


def labels() -> dict[str, str]:
    return {e.iri: e.label for e in load_authority()}


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_normalisation_follows_the_gold_rules() -> None:
    assert normalise_name("  het Tech-\nniekpact. ") == "techniekpact"
    assert loose_key("MBO-Raad") == loose_key("MBO Raad") == loose_key("de mbo raad")
    assert loose_key("CIV’s") == loose_key("CIV")


def test_spelling_case_and_hyphen_variants_merge() -> None:
    clusters = resolve_mentions(
        [mention("MBO-Raad", rule="rule:head"), mention("MBO Raad"), mention("MBO RAAD")]
    )
    assert len(clusters) == 1
    assert clusters[0].label == "MBO-Raad"


def test_a_short_form_of_kind_words_points_back_to_the_one_name_it_opens() -> None:
    one = resolve_mentions(
        [
            mention("Regio Deal Kustland", "Intervention", "rule:head"),
            mention("Regio Deal", "Intervention", "rule:head"),
        ]
    )
    assert [(c.label, len(c.mentions)) for c in one] == [("Regio Deal Kustland", 2)]
    two = resolve_mentions(
        [
            mention("Regio Deal Kustland", "Intervention", "rule:head"),
            mention("Regio Deal Veenland", "Intervention", "rule:head"),
            mention("Regio Deal", "Intervention", "rule:head"),
        ]
    )
    assert len(two) == 3


def test_acronym_and_expansion_merge_and_later_uses_follow() -> None:
    clusters = resolve_mentions(
        [
            mention("Regionaal Investeringsfonds mbo", "Intervention", "acr:RIF"),
            mention("RIF", "Intervention", "acr:RIF"),
            mention("RIF", "Organisation", "rule:acronym"),
        ]
    )
    assert len(clusters) == 1
    assert clusters[0].label == "Regionaal Investeringsfonds mbo"
    assert clusters[0].type == "Intervention"


def test_acronym_with_organisation_head_is_the_acronym() -> None:
    clusters = resolve_mentions(
        [mention("4TU", rule="rule:acronym"), mention("4TU.Federatie", rule="rule:head")]
    )
    assert len(clusters) == 1


def test_vu_and_ut_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    vu, ut = entity_iri("Vrije Universiteit Amsterdam"), entity_iri("Universiteit Twente")
    clusters = resolve_mentions(
        [mention("VU", rule=vu), mention("UT", rule=ut), mention("Vrije Universiteit", rule=vu)],
        labels(),
    )
    assert sorted(c.iri for c in clusters) == sorted([vu, ut])


def test_landsdeel_noord_is_not_noord_holland(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    path = write(
        tmp_path,
        "noord.txt",
        "In het kader van het Techniekpact werkt Landsdeel Noord samen met Noord-Holland.\n\n"
        "Ook in Noord-Nederland groeit het aantal technici.\n",
    )
    extraction = extract_document(path, nlp)
    by_iri = {e.iri: e for e in extraction.entities}
    noord = by_iri[entity_iri("Landsdeel Noord")]
    assert "Noord-Nederland" in noord.mentions
    assert entity_iri("Noord-Holland") in by_iri
    assert "Noord-Holland" not in noord.mentions


def test_joint_name_yields_both_universities_and_their_collaboration(
    tmp_path: Path,
    nlp,  # type: ignore[no-untyped-def]
) -> None:
    path = write(
        tmp_path,
        "vu-ut.txt",
        "De VU/UT-bachelor is een gezamenlijke opleiding. VU en UT werken samen in Amsterdam.\n",
    )
    extraction = extract_document(path, nlp)
    vu, ut = entity_iri("Vrije Universiteit Amsterdam"), entity_iri("Universiteit Twente")
    iris = {e.iri for e in extraction.entities}
    assert {vu, ut} <= iris
    pairs = {(r.subject, r.predicate, r.object) for r in extraction.relations}
    assert (vu, "collaboratesWith", ut) in pairs or (ut, "collaboratesWith", vu) in pairs


def test_acronym_defined_in_one_document_resolves_in_another(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "De Stichting Zeeuwse Vakscholen (SZV) is opgericht in 2019.\n")
    write(tmp_path, "b.txt", "Het SZV organiseert de open dag voor scholieren.\n")
    results = list(extract_paths([tmp_path]))
    assert all(isinstance(r, Extraction) for r in results)
    iris = [{e.iri for e in r.entities if "SZV" in e.mentions} for r in results]  # type: ignore[union-attr]
    assert iris[0] == iris[1] == {entity_iri("Stichting Zeeuwse Vakscholen")}


def test_curator_file_merges_renames_retypes_and_rejects(tmp_path: Path) -> None:
    doc = write(
        tmp_path,
        "doc.txt",
        "De Stichting Techniek Vooruit en het UWV werken samen aan de regeling Sterk Techniek.\n"
        "Het Bureau Beta helpt de Stichting TV.\n",
    )
    curator = write(
        tmp_path,
        "curation.yaml",
        "merge:\n  - into: Stichting Techniek Vooruit\n    names: [Stichting TV]\n"
        "rename:\n  UWV: Uitvoeringsinstituut Werknemersverzekeringen\n"
        "retype:\n  regeling Sterk Techniek: Programme\n"
        "reject:\n  - Bureau Beta\n",
    )
    extraction = extract_document(doc, curator=curator)
    by_label = {e.label: e for e in extraction.entities}
    assert "Stichting TV" in by_label["Stichting Techniek Vooruit"].mentions
    assert "Stichting TV" not in by_label
    renamed = by_label["Uitvoeringsinstituut Werknemersverzekeringen"]
    assert renamed.iri == entity_iri("Uitvoeringsinstituut Werknemersverzekeringen")
    assert by_label["Sterk Techniek"].type == "Programme"
    assert not any("Bureau Beta" in e.mentions for e in extraction.entities)
    iris = {e.iri for e in extraction.entities}
    assert all(r.subject in iris and r.object in iris for r in extraction.relations)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("merge: [1, 2]\n", "merge entry 1 needs 'into'"),
        ("retype:\n  X: Thing\n", "unknown type 'Thing'"),
        ("drop: [X]\n", "unknown section 'drop'"),
        ("merge: [\n", "not valid YAML"),
    ],
)
def test_bad_curator_file_is_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(CuratorError, match=message) as info:
        load_curation(path)
    assert str(path) in str(info.value)
    assert (
        apply_curation(
            Extraction(document=_info()), load_curation(write(tmp_path, "empty.yaml", ""))
        ).entities
        == []
    )


def _info():  # type: ignore[no-untyped-def]
    from beleidsgraaf.records import DocumentInfo

    return DocumentInfo(content_hash="0" * 64, file_name="x.txt", format="txt")


def test_worker_processes_give_the_same_result(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "De Stichting Zeeuwse Vakscholen (SZV) is opgericht in 2019.\n")
    write(tmp_path, "b.txt", "Het SZV organiseert de open dag voor scholieren in Goes.\n")
    (tmp_path / "c.pdf").write_bytes(b"not a pdf")
    one = list(extract_paths([tmp_path]))
    two = list(extract_paths([tmp_path], workers=2))
    assert [type(r).__name__ for r in two] == ["Extraction", "Extraction", "DocumentError"]

    def summary(results):  # type: ignore[no-untyped-def]
        return [
            sorted((e.iri, e.type) for e in r.entities) if isinstance(r, Extraction) else str(r)
            for r in results
        ]

    assert summary(one) == summary(two)


def test_naming_a_model_that_is_not_installed_is_a_config_error() -> None:
    from beleidsgraaf.errors import ConfigError

    with pytest.raises(ConfigError, match="nl_core_news_zz"):
        load_pipeline("nl_core_news_zz")


def test_legal_forms_and_plurals_name_the_same_entity() -> None:
    clusters = resolve_mentions(
        [
            mention("Deltabouw B.V.", rule="rule:head"),
            mention("Deltabouw Groep", rule="rule:head"),
            mention("VO-HO netwerken", "Intervention", "rule:head"),
            mention("VO-HO netwerk", "Intervention", "rule:head"),
        ]
    )
    assert sorted(len(c.mentions) for c in clusters) == [2, 2]
    # A legal form alone is not stripped down to nothing, and 'Groep' as a head stays.
    assert len(resolve_mentions([mention("Delta B.V.", rule="rule:head")])) == 1


def test_reordered_words_of_a_name_merge_but_other_names_do_not() -> None:
    clusters = resolve_mentions(
        [
            mention("Nationale Agenda Zorgtech", "Programme", "rule:head"),
            mention("Nationale Zorgtech Agenda", "Programme", "rule:head"),
            mention("Nationale Agenda Bouwtech", "Programme", "rule:head"),
        ]
    )
    assert sorted(len(c.mentions) for c in clusters) == [1, 2]


def test_an_undefined_acronym_joins_the_one_entity_its_initials_spell() -> None:
    clusters = resolve_mentions(
        [
            # Two forms of one name spell 'GTSW': still one candidate entity.
            mention("programma ‘Green Tech for a Sustainable World’", "Programme", "rule:head"),
            mention("Green Tech for a Sustainable World", "Programme", "rule:head"),
            mention("GTSW-programma", "Programme", "rule:head"),
        ]
    )
    assert len(clusters) == 1
    assert clusters[0].label == "Green Tech for a Sustainable World"


def test_a_website_is_its_address_with_or_without_www() -> None:
    clusters = resolve_mentions(
        [
            mention("www.techkeuze.nl", "Intervention", "rule:web"),
            mention("Techkeuze.nl", "Intervention", "rule:web"),
        ]
    )
    assert len(clusters) == 1


def test_a_hogeschool_named_after_places_is_not_the_area() -> None:
    clusters = resolve_mentions(
        [
            mention("hogeschool Arnhem-Nijmegen", "Organisation", "rule:head"),
            mention("Arnhem-Nijmegen", "Region", "rule:cue"),
        ]
    )
    assert sorted(c.type for c in clusters) == ["Organisation", "Region"]


def test_a_head_before_an_acronym_abbreviates_with_its_initial_and_types_the_entity() -> None:
    clusters = resolve_mentions(
        [
            mention("Deltaplan B&T", "Programme", "rule:head"),
            *[mention("DB&T", "Organisation", "rule:acronym") for _ in range(5)],
        ]
    )
    assert len(clusters) == 1
    assert clusters[0].type == "Programme"  # evidence outweighs any number of guesses


def test_a_generic_head_before_a_code_name_is_the_code_name() -> None:
    clusters = resolve_mentions(
        [
            mention("Project Z-TOP", "Intervention", "rule:head"),
            mention("servicepunt Z-Top", "Intervention", "rule:head"),
        ]
    )
    assert len(clusters) == 1
    # ... but a head before an ordinary name keeps it apart from the bare name.
    clusters = resolve_mentions(
        [
            mention("Project Zeeland", "Intervention", "rule:head"),
            mention("Zeeland", "Region", "rule:cue"),
        ]
    )
    assert len(clusters) == 2


def test_english_and_dutch_heads_of_one_name_merge() -> None:
    clusters = resolve_mentions(
        [
            mention("Dutch Bone Health Alliance", "Organisation", "rule:default"),
            mention("Dutch Bone Health Alliantie", "Programme", "rule:head"),
        ]
    )
    assert len(clusters) == 1
    assert "Dutch Bone Health Alliantie" in clusters[0].mentions[0].forms()


def _authority_iri(label: str) -> str:
    return next(iri for iri, name in labels().items() if name == label)


def test_swapped_neighbouring_letters_are_a_typo_of_the_same_name() -> None:
    szw = _authority_iri("Ministerie van Sociale Zaken en Werkgelegenheid")
    clusters = resolve_mentions(
        [
            mention("Oostenrijk", "Region", "rule:cue"),
            mention("Ooestnrijk", "Region", "rule:cue"),  # two swaps: another name
            mention("Oostenirjk", "Region", "rule:cue"),
            mention("SZW", rule=szw),
            mention("SZW", rule=szw),
            mention("SWZ", rule="rule:acronym"),  # a rare unknown acronym next to a known one
            mention("VU", rule="rule:acronym"),
            mention("UV", rule="rule:acronym"),  # too short to tell a typo from another acronym
        ]
    )
    groups = sorted(sorted(m.text for m in c.mentions) for c in clusters)
    assert ["Oostenirjk", "Oostenrijk"] in groups
    assert ["SWZ", "SZW", "SZW"] in groups
    assert ["Ooestnrijk"] in groups and ["VU"] in groups and ["UV"] in groups


def test_a_short_acronym_defined_in_the_text_is_no_typo_of_a_known_one() -> None:
    # 'NOW' (a wage scheme the text defines) is not a misspelt 'NWO', nor is an unknown
    # acronym that is as frequent as the known one.
    nwo = _authority_iri("Nederlandse Organisatie voor Wetenschappelijk Onderzoek")
    clusters = resolve_mentions(
        [
            mention("NWO", rule=nwo),
            mention("NOW", "Intervention", "acr:NOW"),
            mention("ABC", rule="rule:acronym"),
            mention("ACB", rule="rule:acronym"),
        ]
    )
    assert len(clusters) == 4


def test_a_long_name_with_one_word_left_out_is_the_same_name() -> None:
    clusters = resolve_mentions(
        [
            mention("Platform Talent voor Bouwkunde", "Organisation", "rule:head"),
            mention("Platform voor Bouwkunde", "Organisation", "rule:head"),
            # A place left out makes another name: 'X Noord' is not 'X Noord Twente'.
            mention("Techniekpact Noord Twente Oost", "Programme", "rule:head"),
            mention("Techniekpact Noord Oost", "Programme", "rule:head"),
        ]
    )
    groups = sorted(sorted(m.text for m in c.mentions) for c in clusters)
    assert ["Platform Talent voor Bouwkunde", "Platform voor Bouwkunde"] in groups
    assert ["Techniekpact Noord Oost"] in groups


def test_an_acronym_only_used_for_a_kind_of_organisation_is_no_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "De drie KZH’s werken samen. Per KZH is er een loket. De KZH-directeuren overleggen "
        "met de QRB’s en het QRB. Er ligt een KZH klaar."
    )
    found = [(s.text, s.kb_id_) for s in doc.spans["bg_entities"]]
    assert ("KZH", "rule:kind") in found
    clusters = resolve_mentions(
        [mention(s.text, s.label_, s.kb_id_) for s in doc.spans["bg_entities"]]
    )
    # KZH is only a kind; QRB is also used on its own ('het QRB'), so it may be one actor.
    assert [c.label for c in clusters] == ["QRB"]


def test_a_head_noun_outweighs_the_website_guess() -> None:
    (cluster,) = resolve_mentions(
        [
            mention("Bouwkans.nu", "Intervention", "rule:web"),
            mention("Bouwkans.nu", "Intervention", "rule:web"),
            mention("organisatie Bouwkans.nu", "Organisation", "rule:head"),
        ]
    )
    assert cluster.type == "Organisation"


def _in_sentence(sentence: str, *names: tuple[str, str]) -> list[Mention]:
    ev = Evidence(doc="0" * 64, text=sentence, start=0, end=len(sentence))
    out = []
    for text, rule in names:
        at = sentence.index(text)
        out.append(Mention(text, "Organisation", rule, ev, 0, at, at + len(text)))
    return out


@pytest.mark.parametrize(
    ("sentence", "merged"),
    [
        ("De regio's zitten in het Zeeuws Netwerk Delta (ZND), hiervoor Deltapoort genaamd.", True),
        ("Zo werkt het Zeeuws Netwerk Delta (voorheen Deltapoort) samen.", True),
        ("Zo werkt het Zeeuws Netwerk Delta, hiervoor Deltapoort gebruikt.", False),
        ("Zo werkt het Zeeuws Netwerk Delta, eerder Deltapoort en later Zandhoek.", False),
    ],
)
def test_a_former_name_stated_in_the_sentence_is_the_same_entity(
    sentence: str, merged: bool
) -> None:
    mentions = _in_sentence(
        sentence, ("Zeeuws Netwerk Delta", "rule:head"), ("Deltapoort", "rule:single")
    )
    if "(ZND)" in sentence:
        mentions.append(_in_sentence(sentence, ("ZND", "acr:ZND"))[0])
        mentions[0].rule = "acr:ZND"
    clusters = resolve_mentions(mentions)
    together = [
        c
        for c in clusters
        if {"Zeeuws Netwerk Delta", "Deltapoort"} <= {m.text for m in c.mentions}
    ]
    assert bool(together) is merged


def test_a_name_with_its_web_address_closing_an_entry_is_one_instrument() -> None:
    sentence = "Zeeuws Techniek Platform www.zeeuwstechniek.nl"
    ev = Evidence(doc="0" * 64, text=sentence, start=0, end=len(sentence))
    name = Mention("Zeeuws Techniek Platform", "Organisation", "rule:head", ev, 0, 0, 24)
    site = Mention("www.zeeuwstechniek.nl", "Intervention", "rule:web", ev, 0, 25, 46)
    clusters = resolve_mentions([name, site])
    assert len(clusters) == 1
    assert clusters[0].type == "Intervention"
    # In running text a site has its own cue and stays apart from the name before it.
    sentence = "Zo biedt Zeeuws Techniek Platform www.zeeuwstechniek.nl en meer aan."
    ev = Evidence(doc="0" * 64, text=sentence, start=0, end=len(sentence))
    name = Mention("Zeeuws Techniek Platform", "Organisation", "rule:head", ev, 0, 9, 33)
    site = Mention("www.zeeuwstechniek.nl", "Intervention", "rule:web", ev, 0, 34, 55)
    assert len(resolve_mentions([name, site])) == 2


def test_a_unit_in_the_namespace_of_a_known_body_needs_no_second_mention() -> None:
    known = mention("4TU", rule="https://w3id.org/beleidsgraaf/id/4tu-federatie")
    found = resolve_mentions(
        [
            known,
            mention("4TU.Zeilwerk", rule="rule:single"),
            mention("XYZ.Zeilwerk", rule="rule:single"),
        ]
    )
    assert {c.label for c in found} == {"4TU", "4TU.Zeilwerk"}


def test_an_acronym_and_a_code_after_it_name_a_product_not_the_body() -> None:
    found = resolve_mentions(
        [
            mention("ZTU", rule="rule:acronym"),
            mention("ZTU", rule="rule:acronym"),
            mention("ZTU TV", "Intervention", "rule:cue"),
            mention("ZTU Zeilen Onderzoek", rule="rule:default"),
        ]
    )
    assert sorted(len(c.mentions) for c in found) == [1, 3]


def test_a_dotted_name_named_once_is_kept_when_its_prefix_opens_other_names() -> None:
    # 'XQ.Onderzoek' once, next to 'XQ.Federatie': one family of unit names.
    clusters = resolve_mentions(
        [
            mention("XQ.Federatie", rule="rule:head"),
            mention("XQ.Federatie", rule="rule:single"),
            mention("XQ.Onderzoek", rule="rule:single"),
        ]
    )
    assert {c.label for c in clusters} == {"XQ.Federatie", "XQ.Onderzoek"}
    # Alone, a dotted form named once may be two sentences run together ('ZRB.Het').
    assert not resolve_mentions([mention("ZRB.Het", rule="rule:single")])


def test_an_activity_named_after_a_body_is_not_the_body() -> None:
    clusters = resolve_mentions(
        [
            mention("XQ", rule="rule:acronym"),
            mention("XQ TV", "Intervention", "rule:cue"),
            mention("XQ Kennis Centrum", "Organisation", "rule:default"),
        ]
    )
    assert sorted(c.label for c in clusters) == ["XQ", "XQ TV"]
