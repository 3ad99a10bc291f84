"""Landsdeel membership on the demo corpus: one rule in the store's facts, the queries, the map and
the report. These tests assert the rule, not counts: extraction is being rewritten and will find
other relations, but whatever it finds must be placed by what the actors do there."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from beleidsgraaf.graph.projection import (
    PLACE_PREDICATES,
    TWO_MODE_PREDICATES,
    GraphFacts,
    Scope,
    actor_graph,
    load_facts,
)
from beleidsgraaf.graph.store import Store
from beleidsgraaf.ontology.iri import BASE, entity_iri
from beleidsgraaf.queries.library import query_by_name, run_query
from beleidsgraaf.viz.mapdata import load_map_data
from beleidsgraaf.viz.views import region_view

pytestmark = pytest.mark.slow

LANDSDELEN = {
    name: entity_iri(f"Landsdeel {name}")
    for name in ("Noord", "Noordwest", "Oost", "Zuidoost", "Zuidwest")
}
MINISTRY = BASE + "id/soort/ministerie"
DEN_HAAG = entity_iri("Den Haag")


@pytest.fixture(scope="module")
def store(demo_store_path: Path) -> Iterator[Store]:
    with Store(demo_store_path, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def facts(store: Store) -> GraphFacts:
    return load_facts(store)


def _acts_in(facts: GraphFacts, actor: str, landsdeel: str) -> bool:
    """Whether ``actor`` takes part in, funds, coordinates or implements something of the
    landsdeel (or an initiative of it does so with the actor)."""
    for s, p, o, _ in facts.relations:
        if p not in TWO_MODE_PREDICATES:
            continue
        if s == actor and (landsdeel in facts.membership.get(o, ()) or o == landsdeel):
            return True
        if o == actor and landsdeel in facts.membership.get(s, ()):
            return True
    return False


def test_no_ministry_counts_in_zuidwest_through_den_haag(facts: GraphFacts) -> None:
    ministries = {e for e, kinds in facts.kinds.items() if MINISTRY in kinds}
    seated = {s for s, p, o, _ in facts.relations if p == "locatedIn" and o == DEN_HAAG}
    assert ministries & seated, "the authority list seats the ministries in Den Haag"
    assert ministries <= facts.national
    zuidwest = LANDSDELEN["Zuidwest"]
    for ministry in ministries:
        if zuidwest in facts.membership.get(ministry, ()):
            assert _acts_in(facts, ministry, zuidwest), ministry
    network = actor_graph(facts, scope=Scope.landsdeel(facts, zuidwest))
    for actor in network:
        if actor in facts.national:
            assert _acts_in(facts, actor, zuidwest), actor


def test_national_bodies_belong_only_where_they_act(facts: GraphFacts) -> None:
    assert facts.national, "the demo corpus names national bodies"
    for body in facts.national:
        for landsdeel in facts.membership.get(body, ()):
            assert _acts_in(facts, body, landsdeel), (body, landsdeel)


def test_each_landsdeel_holds_the_actors_of_its_provinces_and_deelregios(
    facts: GraphFacts,
) -> None:
    """Every regional organisation placed in an area of a landsdeel (its province, deelregio or
    city, or the landsdeel itself) is in that landsdeel's network."""
    checked = 0
    for name, landsdeel in LANDSDELEN.items():
        network = set(actor_graph(facts, scope=Scope.landsdeel(facts, landsdeel)))
        for s, p, o, _ in facts.relations:
            if (
                p in PLACE_PREDICATES
                and facts.types.get(s) == "Organisation"
                and s not in facts.national
                and landsdeel in facts.membership.get(o, ())
            ):
                assert s in network, (name, facts.label(s))
                checked += 1
    assert checked, "the demo corpus places organisations in landsdelen"


def test_provincie_gelderland_and_saxion_are_in_oost_when_found(facts: GraphFacts) -> None:
    oost = LANDSDELEN["Oost"]
    gelderland = entity_iri("Provincie Gelderland")
    if gelderland in facts.types:  # a government belongs where it governs
        assert oost in facts.membership[gelderland]
        assert gelderland in actor_graph(facts, scope=Scope.landsdeel(facts, oost))
    for saxion in (entity_iri("Saxion"), entity_iri("Hogeschool Saxion")):
        if saxion in facts.types and _acts_in(facts, saxion, oost):
            assert oost in facts.membership[saxion]


def test_the_queries_follow_the_same_rule(store: Store, facts: GraphFacts) -> None:
    rows = run_query(store, query_by_name("organisations-per-landsdeel")).as_python()
    by_query = {(r["landsdeel"], r["organisation"]) for r in rows}
    by_rule = {
        (ld, e)
        for e, lds in facts.membership.items()
        if facts.types.get(e) == "Organisation"
        for ld in lds
    }
    assert by_rule <= by_query
    # the query may count an entity that some documents type as an organisation, others not
    assert all(facts.types.get(org) != "Organisation" for _, org in by_query - by_rule)
    for row in rows:
        assert (row["level"] == "national") == (row["organisation"] in facts.national), row
    activities = run_query(store, query_by_name("activities-per-landsdeel")).as_python()
    placed = {
        (ld, e)
        for e, lds in facts.membership.items()
        if facts.types.get(e) in ("Programme", "Intervention")
        for ld in lds
    }
    by_activity_query = {(r["landsdeel"], r["activity"]) for r in activities}
    assert placed <= by_activity_query
    assert all(
        facts.types.get(a) not in ("Programme", "Intervention")
        for _, a in by_activity_query - placed
    )
    assert {r["landsdeelName"] for r in activities} <= {f"Landsdeel {n}" for n in LANDSDELEN}


def test_the_map_uses_one_label_per_landsdeel_and_the_same_members(
    store: Store, facts: GraphFacts
) -> None:
    data = load_map_data(store)
    labels = {ld for node in data.nodes.values() for ld in node.landsdelen}
    assert labels <= {f"Landsdeel {n}" for n in LANDSDELEN}  # no 'Noord-Nederland' beside it
    for iri, node in data.nodes.items():
        expected = sorted(facts.landsdelen[ld] for ld in facts.membership.get(iri, ()))
        assert node.landsdelen == expected, node.label
    noord = region_view(data, "Landsdeel Noord")
    assert noord
    for name in ("Noord", "noord-nederland", "Techniekpact Noord"):
        assert region_view(data, name) == noord, name


def test_the_report_of_the_main_job(demo_run: Any, facts: GraphFacts) -> None:
    out = demo_run[1].out
    result = json.loads((out / "versnippering.json").read_text(encoding="utf-8"))
    groups = result["groups"]
    assert [g["label"] for g in groups.values() if g["kind"] == "landsdeel"] == [
        f"Landsdeel {n}" for n in LANDSDELEN
    ]
    assert groups["landelijk"]["kind"] == "national"
    for key, group in groups.items():
        if group["kind"] == "landsdeel":
            for actor in group["national_actors"]:
                assert _acts_in(facts, actor["iri"], group["iri"]), (key, actor["label"])
    # every landsdeel is there, with a figure or with 'too few', never dropped
    for name, landsdeel in LANDSDELEN.items():
        group = next(g for g in groups.values() if g["iri"] == landsdeel)
        assert group["initiatives"] >= 0
        assert group["status"]["network"] in ("measured", "too_few"), name
        if group["status"]["network"] == "too_few":
            assert group["borgatti_f"] is None
            assert any(
                s.startswith(f"Too few actors ({group['nodes']})") and name in s
                for s in result["summary"]["en"]
            )
