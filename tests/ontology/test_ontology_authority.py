"""The controlled vocabularies and the authority list: complete, consistent, queryable."""

from __future__ import annotations

import re
from collections import Counter

import pyoxigraph as ox
import pytest

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.graph.store import Store
from beleidsgraaf.ontology.authority import (
    AuthorityEntry,
    action_lines,
    instrument_kinds,
    landsdelen,
    load_authority,
    parse_authority,
    vocabulary_graph,
)
from beleidsgraaf.ontology.iri import BASE, entity_iri

ID = BASE + "id/"
HEADER = "type,concept,label,alt_labels,part_of,located_in,wikidata\n"


def _entry(label: str) -> AuthorityEntry:
    return next(e for e in load_authority() if e.label == label)


def _kind(kind: str) -> list[AuthorityEntry]:
    return [e for e in load_authority() if f"{ID}soort/{kind}" in e.concepts]


def test_the_five_landsdelen_have_the_agreed_iris() -> None:
    assert [e.iri for e in landsdelen()] == [
        ID + "landsdeel-noord",
        ID + "landsdeel-noordwest",
        ID + "landsdeel-oost",
        ID + "landsdeel-zuidoost",
        ID + "landsdeel-zuidwest",
    ]
    assert all(e.type == "Region" for e in landsdelen())


def test_every_province_is_part_of_exactly_one_landsdeel() -> None:
    provinces = _kind("provincie")
    assert len(provinces) == 12
    by_landsdeel: Counter[str] = Counter()
    landsdeel_iris = {e.iri for e in landsdelen()}
    for p in provinces:
        parents = [x for x in p.part_of if x in landsdeel_iris]
        assert len(parents) == 1, p.label
        by_landsdeel[parents[0].rsplit("/", 1)[-1]] += 1
    assert by_landsdeel == {
        "landsdeel-noord": 3,
        "landsdeel-noordwest": 3,
        "landsdeel-oost": 2,
        "landsdeel-zuidoost": 2,
        "landsdeel-zuidwest": 2,
    }
    assert _entry("Noord-Brabant").part_of == (ID + "landsdeel-zuidoost",)
    assert _entry("West-Brabant").part_of == (ID + "landsdeel-zuidwest",)
    assert "Fryslân" in _entry("Friesland").alt_labels


def test_iris_are_minted_from_preferred_labels_and_unique() -> None:
    entries = load_authority()
    assert all(e.iri == entity_iri(e.label) for e in entries)
    assert len({e.iri for e in entries}) == len(entries)


def test_no_name_points_to_two_entries() -> None:
    owners: dict[str, set[str]] = {}
    for e in load_authority():
        for name in (e.label, *e.alt_labels):
            owners.setdefault(name.casefold(), set()).add(e.iri)
    shared = {name: iris for name, iris in owners.items() if len(iris) > 1}
    assert not shared


def test_the_actor_groups_the_issue_asks_for_are_there() -> None:
    assert len(_kind("ministerie")) >= 12
    assert {"OCW", "EZK", "SZW"} <= {a for e in _kind("ministerie") for a in e.alt_labels}
    assert len(_kind("universiteit")) >= 14
    assert len(_kind("hogeschool")) >= 30
    assert {"TNO", "Deltares", "Wageningen Research"} <= {e.label for e in _kind("to2-instituut")}
    assert {"MARIN", "NLR"} <= {a for e in _kind("to2-instituut") for a in e.alt_labels}
    nwo = _entry("Nederlandse Organisatie voor Wetenschappelijk Onderzoek")
    domains = [e for e in load_authority() if nwo.iri in e.part_of]
    assert {"ENW", "TTW", "SGW"} <= {a for e in domains for a in e.alt_labels}
    assert "KNAW" in _entry("Koninklijke Nederlandse Akademie van Wetenschappen").alt_labels
    umbrella = {a for e in _kind("koepelorganisatie") for a in (e.label, *e.alt_labels)}
    assert {"VSNU", "UNL", "Vereniging Hogescholen", "MBO Raad", "VO-raad", "PO-Raad"} <= umbrella
    assert {"TU/e", "UT", "VU", "UvA", "RUG"} <= {
        a for e in _kind("universiteit") for a in e.alt_labels
    }


def test_wikidata_ids_are_well_formed_when_given() -> None:
    given = [e.wikidata for e in load_authority() if e.wikidata]
    assert given
    assert all(re.fullmatch(r"http://www\.wikidata\.org/entity/Q[1-9]\d*", w or "") for w in given)


def test_action_lines_and_instrument_kinds() -> None:
    assert [c.iri for c in action_lines()] == [
        ID + "actielijn-kiezen",
        ID + "actielijn-leren",
        ID + "actielijn-werken",
    ]
    assert all(c.alt_labels for c in action_lines())
    kinds = {c.iri.rsplit("/", 1)[-1] for c in instrument_kinds()}
    expected = {"regeling", "fonds", "budget", "actieplan", "campagne", "netwerk", "programma"}
    assert expected <= kinds


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Planet,,Mars,,,,", "authority.csv:2: unknown type 'Planet'"),
        ("Region,soort/landje,Ergens,,,,", "authority.csv:2: concept "),
        ("Region,,Ergens,,Nergens,,", "authority.csv:2: no row with the label 'Nergens'"),
        ("Region,,Ergens,,,,\nRegion,,ergens,,,,", "authority.csv:3: 'ergens' has the IRI"),
    ],
)
def test_an_inconsistent_authority_list_names_the_line(row: str, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_authority(HEADER + row + "\n")


def test_wrong_columns_are_named() -> None:
    with pytest.raises(ConfigError, match="columns must be"):
        parse_authority("label,type\nX,Region\n")


def _store_with_vocabulary() -> Store:
    store = Store()
    store.load_vocabulary(vocabulary_graph())
    return store


PREFIXES = (
    "PREFIX bg: <https://w3id.org/beleidsgraaf/def#> "
    "PREFIX org: <http://www.w3.org/ns/org#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
)


def _values(store: Store, query: str) -> set[str]:
    return {
        row["x"].value
        for row in store.select(PREFIXES + query)
        if isinstance(row["x"], ox.NamedNode | ox.Literal)
    }


def test_landsdelen_can_be_queried_as_area_unit_or_concept() -> None:
    store = _store_with_vocabulary()
    five = {e.iri for e in landsdelen()}
    assert _values(store, "SELECT ?x { ?x a bg:Landsdeel }") == five
    unit = "SELECT ?x { ?x a/rdfs:subClassOf* org:OrganizationalUnit }"
    assert _values(store, unit) == five
    region = "SELECT ?x { ?x a/rdfs:subClassOf* bg:Region }"
    assert five < _values(store, region)
    scheme = f"SELECT ?x {{ ?x skos:topConceptOf <{BASE}id/scheme/landsdelen> }}"
    assert _values(store, scheme) == five


def test_actors_reach_their_landsdeel_through_place_and_province() -> None:
    store = _store_with_vocabulary()
    query = """SELECT ?x ?name {
        ?e rdfs:label ?name . ?e (bg:locatedIn|bg:partOf)* ?x . ?x a bg:Landsdeel
    }"""
    for name, landsdeel in [
        ("Technische Universiteit Delft", "landsdeel-zuidwest"),
        ("Universiteit Twente", "landsdeel-oost"),
        ("Rijksuniversiteit Groningen", "landsdeel-noord"),
        ("Breda", "landsdeel-zuidwest"),
        ("Technische Universiteit Eindhoven", "landsdeel-zuidoost"),
    ]:
        found = store.select(PREFIXES + query, {"name": ox.Literal(name)})
        assert {row["x"].value for row in found} == {ID + landsdeel}, name
