"""The versnippering report on a hand-built graph whose answers are worked out by hand: who
belongs to which landsdeel (a ministry seated in Zuidwest that acts only in Noord), the measures of
the initiatives, the E-I index, 'too few', intervals, the sensitivity check and the change between
years, and the sentences that state them."""

from __future__ import annotations

import math
from typing import Any

import jsonschema
import networkx as nx
import pytest

from beleidsgraaf.graph.projection import DocumentMeta, GraphFacts, Scope, actor_graph
from beleidsgraaf.graph.versnippering import (
    _weakest_first,
    report_from_facts,
    schema,
)
from beleidsgraaf.ontology.authority import VOCABULARY_GRAPH

NOORD, OOST, ZUIDWEST = "id/landsdeel-noord", "id/landsdeel-oost", "id/landsdeel-zuidwest"
G1, G2, V = "graph/2019", "graph/2021", VOCABULARY_GRAPH
KIEZEN, LEREN, WERKEN = "goal/kiezen", "goal/leren", "goal/werken"
NOORD_ACTORS = [f"a{i}" for i in range(1, 13)]
OOST_ACTORS = [f"o{i}" for i in range(1, 11)]


def hand_built() -> GraphFacts:
    """Noord: twelve organisations in Friesland, a landsdeel-level body (located in Noord itself)
    and seven initiatives; the ministry OCW, seated in Den Haag (Zuidwest), funds one of them.
    Oost (2021): ten organisations in Twente, one initiative. One direct tie crosses Noord-Oost."""
    types = {a: "Organisation" for a in [*NOORD_ACTORS, *OOST_ACTORS, "trekker", "ocw"]}
    types.update({f"p{i}": "Programme" for i in range(1, 7)})
    types.update({"p7": "Intervention", "q1": "Programme"})
    types.update({"friesland": "Region", "twente": "Region", "den-haag": "Region"})
    r: list[tuple[str, str, str, str]] = [
        ("friesland", "partOf", NOORD, V),
        ("twente", "partOf", OOST, V),
        ("zuid-holland", "partOf", ZUIDWEST, V),
        ("den-haag", "partOf", "zuid-holland", V),
        ("ocw", "locatedIn", "den-haag", V),  # the ministry's seat, from the authority list
        ("ocw", "locatedIn", "den-haag", G1),  # and stated in a document too
        ("trekker", "locatedIn", NOORD, G1),  # at landsdeel level, not through a province
        *((a, "locatedIn", "friesland", G1) for a in NOORD_ACTORS),
        *((f"p{i}", "locatedIn", "friesland", G1) for i in range(1, 7)),
        ("p7", "partOf", "p5", G1),
        ("a1", "participatesIn", "p1", G1),
        ("ocw", "funds", "p1", G1),
        ("a2", "coordinates", "p2", G1),
        ("a3", "participatesIn", "p3", G1),
        ("a4", "participatesIn", "p4", G1),
        ("a5", "participatesIn", "p4", G1),
        *((a, "participatesIn", "p5", G1) for a in ("a5", "a6", "a7")),
        ("trekker", "coordinates", "p5", G1),
        ("a8", "implements", "p7", G1),
        ("p1", "addresses", KIEZEN, G1),
        ("p2", "addresses", KIEZEN, G1),
        ("p3", "addresses", LEREN, G1),
        ("p4", "addresses", LEREN, G1),
        ("p5", "addresses", LEREN, G1),
        ("a1", "collaboratesWith", "o1", G1),
        *((o, "locatedIn", "twente", G2) for o in OOST_ACTORS),
        ("q1", "locatedIn", "twente", G2),
        ("o1", "participatesIn", "q1", G2),
        ("o2", "participatesIn", "q1", G2),
    ]
    fonds, netwerk = "inst/fonds", "inst/netwerk"
    kinds = {p: {fonds} for p in ("p1", "p2", "p5")} | {p: {netwerk} for p in ("p3", "p4", "p6")}
    mentioned = {e: {G1} for e in types}
    mentioned.update({e: {G2} for e in [*OOST_ACTORS, "q1", "twente"]})
    mentioned["o1"] = {G1, G2}
    facts = GraphFacts(
        types=types,
        labels={"ocw": "Ministerie van OCW", "trekker": "Landsdeeltrekker Noord"},
        mentioned_in=mentioned,
        relations=r,
        landsdelen={
            NOORD: "Landsdeel Noord",
            OOST: "Landsdeel Oost",
            ZUIDWEST: "Landsdeel Zuidwest",
        },
        kinds={**kinds, "ocw": {"soort/ministerie"}},
        instrument_kinds={fonds: "fonds", netwerk: "netwerk"},
        national_kinds={"soort/ministerie"},
        support={rel: (1, None) for rel in r if rel[3] != V},
        goals={KIEZEN: "Kiezen", LEREN: "Leren", WERKEN: "Werken"},
        documents={
            G1: DocumentMeta(G1, "noord-2019.txt", "Noord 2019", "2019"),
            G2: DocumentMeta(G2, "oost-2021.txt", "Oost 2021", "2021"),
        },
    )
    return facts.derive()


@pytest.fixture(scope="module")
def facts() -> GraphFacts:
    return hand_built()


@pytest.fixture(scope="module")
def result(facts: GraphFacts) -> dict[str, Any]:
    return report_from_facts(facts, "landsdeel", resamples=100)


def test_the_report_validates(result: dict[str, Any]) -> None:
    jsonschema.validate(result, schema())
    assert list(result["groups"]) == [
        "all",
        "landsdeel-noord",
        "landsdeel-oost",
        "landsdeel-zuidwest",
        "landelijk",
    ]


def test_a_national_body_seated_in_a_landsdeel_does_not_count_there(
    facts: GraphFacts, result: dict[str, Any]
) -> None:
    assert "ocw" in facts.national
    assert facts.membership["ocw"] == {NOORD}  # it funds p1 in Friesland; its seat is in Zuidwest
    zuidwest = result["groups"]["landsdeel-zuidwest"]
    assert zuidwest["nodes"] == 0 and zuidwest["national_actors"] == []
    assert zuidwest["status"]["network"] == "too_few"
    noord = result["groups"]["landsdeel-noord"]
    assert noord["national_actors"] == [{"iri": "ocw", "label": "Ministerie van OCW"}]
    assert "ocw" in actor_graph(facts, scope=Scope.landsdeel(facts, NOORD))


def test_measures_of_the_initiatives(result: dict[str, Any]) -> None:
    noord = result["groups"]["landsdeel-noord"]
    assert noord["initiatives"] == 7  # p1-p6 in Friesland, p7 as part of p5
    assert noord["size_distribution"] == {"0": 1, "1": 3, "2": 2, "3-5": 1, "6+": 0}
    assert noord["single_actor_share"] == 0.5  # p2, p3, p7 of the six with a known actor
    assert noord["mean_initiative_size"] == pytest.approx(11 / 6, abs=1e-6)  # 2+1+1+2+4+1
    assert noord["actor_overlap_share"] == pytest.approx(1 / 15, abs=1e-6)  # p4-p5 share a5
    # p1-p2 (Kiezen) and p3-p4, p3-p5, p4-p5 (Leren) of the ten pairs of the five with a goal
    assert noord["goal_overlap_share"] == pytest.approx(4 / 10, abs=1e-6)
    assert noord["coordinated_share"] == pytest.approx(3 / 7, abs=1e-6)  # p2, p5, p7
    # only p5 and its part p7 by the landsdeel-level body; a2 coordinates p2 from Friesland
    assert noord["landsdeel_coordinated_share"] == pytest.approx(2 / 7, abs=1e-6)
    assert noord["without_goal_share"] == pytest.approx(2 / 7, abs=1e-6)  # p6, p7
    assert noord["goals_without_instrument"] == ["Werken"]
    assert noord["instrument_shannon"] == pytest.approx(math.log(2), abs=1e-6)  # 3 fonds, 3 netwerk
    assert noord["instrument_hhi"] == 0.5
    assert noord["goal_instrument"]["Kiezen"] == {
        "fonds": 2,
        "netwerk": 0,
        "(soort onbekend / kind unknown)": 0,
    }
    assert noord["goal_instrument"]["(geen doel / no goal)"]["(soort onbekend / kind unknown)"] == 1


def test_e_i_index_and_assortativity(facts: GraphFacts, result: dict[str, Any]) -> None:
    groups = result["groups"]
    # Noord's members have 8 ties among themselves and 1 to Oost (a1 - o1)
    assert groups["landsdeel-noord"]["ei_index"] == pytest.approx(-7 / 9, abs=1e-6)
    assert groups["landsdeel-oost"]["ei_index"] == 0.0  # o1 - o2 inside, o1 - a1 out
    # the whole network: ties across groups a1 - o1 and a1 - OCW (national), 8 inside
    everything = groups["all"]
    assert everything["ei_index"] == pytest.approx((2 - 8) / 10, abs=1e-6)
    G = actor_graph(facts)
    labels = {a: "N" for a in [*NOORD_ACTORS, "trekker"]} | {o: "O" for o in OOST_ACTORS}
    nx.set_node_attributes(G, labels | {"ocw": "landelijk"}, "group")
    expected = nx.attribute_assortativity_coefficient(G, "group")
    assert everything["assortativity"] == pytest.approx(expected, abs=1e-6)
    assert groups["landsdeel-noord"]["assortativity"] is None  # one group against the rest


def test_too_few_is_said_not_measured(result: dict[str, Any]) -> None:
    zuidwest = result["groups"]["landsdeel-zuidwest"]
    assert zuidwest["borgatti_f"] is None and zuidwest["single_actor_share"] is None
    assert zuidwest["intervals"]["borgatti_f"] is None
    assert (
        "Too few actors (0) to measure the fragmentation of the network of Landsdeel Zuidwest."
        in result["summary"]["en"]
    )
    assert (
        "Te weinig actoren (0) om de versnippering van het netwerk van Landsdeel Zuidwest te meten."
        in result["summary"]["nl"]
    )


def test_intervals_are_seeded_and_rest_on_coverage(facts: GraphFacts) -> None:
    first = report_from_facts(facts, "landsdeel", resamples=60)
    again = report_from_facts(facts, "landsdeel", resamples=60)
    assert first == again  # fixed seed: the same intervals every run
    noord = first["groups"]["landsdeel-noord"]
    for metric, interval in noord["intervals"].items():
        if interval is not None:
            assert interval[0] <= interval[1], metric
    low, high = noord["intervals"]["single_actor_share"]
    assert 0.0 <= low <= 0.5 <= high <= 1.0
    assert noord["intervals"]["borgatti_f"] is not None  # 14 actors: measured, with an interval
    assert noord["coverage"] == {
        "documents": 1,
        "entities": 21,  # 14 actors, 7 initiatives
        "statements": 37,
        "initiatives_without_actor": 1,
    }


def test_the_weakest_statements_go_first(facts: GraphFacts) -> None:
    order = _weakest_first(facts)
    assert all(facts.relations[i][3] != VOCABULARY_GRAPH for i in order)  # facts, not statements
    rated = GraphFacts(**{**facts.__dict__, "support": dict(facts.support)})
    weakest = ("a1", "collaboratesWith", "o1", G1)
    for rel in rated.support:
        rated.support[rel] = (3, 0.9)
    rated.support[weakest] = (5, 0.2)  # many sentences, but a low calibrated confidence
    rated.support[("a5", "participatesIn", "p4", G1)] = (1, None)  # unrated: counts as 0.5
    first, second = (rated.relations[i] for i in _weakest_first(rated)[:2])
    assert (first, second) == (weakest, ("a5", "participatesIn", "p4", G1))
    assert report_from_facts(rated, "landsdeel", resamples=0)["sensitivity"]["weakest_by"] == (
        "confidence"
    )


def test_sensitivity_says_whether_a_ranking_holds(result: dict[str, Any]) -> None:
    sensitivity = result["sensitivity"]
    assert sensitivity["weakest_by"] == "statements"  # no confidences in this graph
    initiatives = sensitivity["measures"]["initiatives"]
    assert [d["share"] for d in initiatives["drops"]] == [0.1, 0.25]
    assert all(d["groups"] == 4 for d in initiatives["drops"])
    assert initiatives["stable"] in (True, False)
    # two groups with enough actors are too few to call a ranking stable or not
    assert sensitivity["measures"]["borgatti_f"]["stable"] is None


def test_change_between_years(result: dict[str, Any]) -> None:
    change = result["change"]
    assert change["years"] == ["2019", "2021"]
    oost = change["groups"]["landsdeel-oost"]
    assert (oost["2019"]["initiatives"], oost["2021"]["initiatives"]) == (0, 1)
    assert change["groups"]["landsdeel-noord"]["2019"]["initiatives"] == 7


def test_summary_states_findings_with_intervals(result: dict[str, Any]) -> None:
    english = result["summary"]["en"]
    noord = next(s for s in english if s.startswith("Landsdeel Noord has 7 initiatives"))
    assert "of the 6 with a known actor, 3 are run by one actor alone (50%" in noord
    assert "95% interval" in noord
    assert any(s.startswith("In Landsdeel Noord, 29%") for s in english)  # 2/7 coordinated
    assert "In Landsdeel Noord, no initiative addresses Werken." in english
    dutch = result["summary"]["nl"]
    assert any(s.startswith("Landsdeel Noord telt 7 initiatieven") for s in dutch)
    assert any("0,5" in s or "50%" in s for s in dutch)
    assert len(english) == len(dutch)
