"""Gould-Fernandez brokerage and Burt's measures: hand-computed values and NetworkX as reference."""

from __future__ import annotations

import math
import random

import networkx as nx
import pytest

from beleidsgraaf.graph.metrics import burt_measures, gould_fernandez_brokerage


def test_gould_fernandez_roles_by_hand() -> None:
    # Broker b (group X) with neighbours: a1, a2 (X), c1, c2 (Y), d (Z); a1-a2 are tied.
    G = nx.Graph([("b", v) for v in ("a1", "a2", "c1", "c2", "d")] + [("a1", "a2")])
    groups = {"b": "X", "a1": "X", "a2": "X", "c1": "Y", "c2": "Y", "d": "Z"}
    roles = gould_fernandez_brokerage(G, groups)["b"]
    # 10 neighbour pairs, 1 closed (a1-a2). Open: a-c (4) and a-d (2): gatekeeper/representative;
    # c1-c2: itinerant; c-d (2): liaison.
    assert roles == {
        "coordinator": 0,
        "itinerant": 1,
        "gatekeeper_representative": 6,
        "liaison": 2,
    }
    assert sum(roles.values()) == 9
    assert gould_fernandez_brokerage(G, groups)["a1"] == dict.fromkeys(roles, 0)


def test_gould_fernandez_coordinator_and_missing_groups() -> None:
    G = nx.star_graph(3)  # centre 0, leaves 1..3, no ties among leaves
    same = gould_fernandez_brokerage(G, dict.fromkeys(G, "N"))
    assert same[0]["coordinator"] == 3
    partial = gould_fernandez_brokerage(G, {0: "N", 1: "N", 2: "N"})  # 3 has no group
    assert partial[0]["coordinator"] == 1
    only = gould_fernandez_brokerage(G, lambda v: "N", nodes=[0])
    assert list(only) == [0]


def test_burt_effective_size_and_constraint_equal_networkx() -> None:
    rnd = random.Random(5)
    G = nx.gnm_random_graph(60, 150, seed=4)
    G.add_node("isolate")
    for u, v in G.edges:
        G.edges[u, v]["w"] = rnd.randint(1, 5)
    for weight in (None, "w"):
        ours = burt_measures(G, weight=weight)
        # nodes= forces NetworkX's per-node reference implementation
        esize = nx.effective_size(G, nodes=list(G), weight=weight)
        constraint = nx.constraint(G, nodes=list(G), weight=weight)
        for v in G:
            if G.degree(v) == 0:
                assert math.isnan(ours["effective_size"][v])
                assert math.isnan(ours["constraint"][v])
                continue
            assert ours["effective_size"][v] == pytest.approx(esize[v])
            assert ours["constraint"][v] == pytest.approx(constraint[v])


def test_burt_hierarchy_by_hand() -> None:
    # a has contacts b, c, d; b-c are tied. p_a· = 1/3, p_cb = p_bc = 1/2.
    # c_ab = c_ac = (1/3 + 1/3 · 1/2)² = 1/4, c_ad = (1/3)² = 1/9, C = 11/18, C/N = 11/54.
    G = nx.Graph([("a", "b"), ("a", "c"), ("a", "d"), ("b", "c")])
    m = burt_measures(G)
    assert m["constraint"]["a"] == pytest.approx(11 / 18)
    r_high, r_low = (1 / 4) / (11 / 54), (1 / 9) / (11 / 54)
    expected = (2 * r_high * math.log(r_high) + r_low * math.log(r_low)) / (3 * math.log(3))
    assert m["hierarchy"]["a"] == pytest.approx(expected)
    assert m["hierarchy"]["a"] == pytest.approx(0.05220, abs=1e-4)  # 0.17205 / 3.29584
    # Equal contacts: no hierarchy; one contact: undefined.
    assert burt_measures(nx.star_graph(4))["hierarchy"][0] == pytest.approx(0.0)
    assert math.isnan(m["hierarchy"]["d"])
    assert min(v for v in m["hierarchy"].values() if not math.isnan(v)) >= 0.0
