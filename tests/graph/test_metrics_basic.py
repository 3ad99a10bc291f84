"""Fragmentation, component, centralization and community metrics on graphs with known values."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from beleidsgraaf.graph.metrics import (
    average_degree,
    betweenness_centralization,
    borgatti_fragmentation,
    component_sizes,
    degree_centralization,
    density,
    distance_weighted_fragmentation,
    isolates_share,
    louvain_partition,
    modularity,
)


def two_components() -> nx.Graph:
    """A triangle and a separate edge: sizes 3 and 2."""
    return nx.Graph([(0, 1), (1, 2), (0, 2), (3, 4)])


def test_components_and_isolates() -> None:
    G = two_components()
    G.add_nodes_from([5, 6, 7])
    assert component_sizes(G) == [3, 2, 1, 1, 1]
    assert isolates_share(G) == pytest.approx(3 / 8)
    G.add_edge(5, 5)  # a self-loop is no tie with anybody else
    assert isolates_share(G) == pytest.approx(3 / 8)


def test_borgatti_f_known_values() -> None:
    assert borgatti_fragmentation(two_components()) == pytest.approx(1 - (3 * 2 + 2 * 1) / (5 * 4))
    assert borgatti_fragmentation(nx.empty_graph(7)) == 1.0
    for G in (nx.path_graph(6), nx.star_graph(5), nx.complete_graph(4), nx.cycle_graph(9)):
        assert borgatti_fragmentation(G) == 0.0
    assert borgatti_fragmentation(nx.empty_graph(1)) == 0.0


def test_distance_weighted_f_known_values() -> None:
    # Path of 4: ordered pairs at distance 1: 6, at 2: 4, at 3: 2 -> Σ 1/d = 6 + 2 + 2/3.
    assert distance_weighted_fragmentation(nx.path_graph(4)) == pytest.approx(
        1 - (6 + 2 + 2 / 3) / 12
    )
    # Star with 4 leaves: 8 ordered pairs at distance 1, 12 at distance 2.
    assert distance_weighted_fragmentation(nx.star_graph(4)) == pytest.approx(1 - (8 + 6) / 20)
    assert distance_weighted_fragmentation(nx.complete_graph(6)) == pytest.approx(0.0)
    assert distance_weighted_fragmentation(nx.empty_graph(5)) == 1.0
    # Two components: within the triangle 6 pairs at 1, the edge 2 pairs at 1; the rest 0.
    assert distance_weighted_fragmentation(two_components()) == pytest.approx(1 - 8 / 20)


def test_distance_weighted_f_sampled_estimate_is_close() -> None:
    G = nx.connected_watts_strogatz_graph(600, 6, 0.1, seed=1)
    exact = distance_weighted_fragmentation(G)
    estimate = distance_weighted_fragmentation(G, sources=150, seed=3)
    assert estimate != exact  # really sampled
    assert estimate == pytest.approx(exact, abs=0.02)
    assert distance_weighted_fragmentation(G, sources=150, seed=3) == estimate  # fixed seed


def test_density_and_average_degree() -> None:
    assert density(nx.complete_graph(5)) == 1.0
    assert density(nx.path_graph(4)) == pytest.approx(0.5)
    assert average_degree(nx.star_graph(4)) == pytest.approx(1.6)
    assert average_degree(nx.Graph()) == 0.0


def test_degree_centralization() -> None:
    assert degree_centralization(nx.star_graph(6)) == pytest.approx(1.0)
    assert degree_centralization(nx.complete_graph(6)) == 0.0
    assert degree_centralization(nx.path_graph(5)) == pytest.approx((1 + 0 + 0 + 0 + 1) / 12)


def test_betweenness_centralization() -> None:
    assert betweenness_centralization(nx.star_graph(6)) == pytest.approx(1.0)
    assert betweenness_centralization(nx.complete_graph(6)) == pytest.approx(0.0)
    # Path of 5: normalised betweenness 0, 1/2, 2/3, 1/2, 0 -> Σ (2/3 - b) / 4.
    expected = (2 / 3 + 1 / 6 + 0 + 1 / 6 + 2 / 3) / 4
    assert betweenness_centralization(nx.path_graph(5)) == pytest.approx(expected)


def test_sampled_betweenness_estimates_networkx() -> None:
    G = nx.connected_watts_strogatz_graph(500, 6, 0.2, seed=2)
    exact = nx.betweenness_centrality(G)
    top = max(exact.values())
    expected = sum(top - v for v in exact.values()) / (len(G) - 1)
    assert betweenness_centralization(G) == pytest.approx(expected)
    assert betweenness_centralization(G, sources=250, seed=1) == pytest.approx(expected, rel=0.25)


def test_louvain_and_modularity() -> None:
    # Two 4-cliques joined by one edge.
    G = nx.disjoint_union(nx.complete_graph(4), nx.complete_graph(4))
    G.add_edge(0, 4)
    parts = louvain_partition(G, seed=7)
    assert sorted(sorted(p) for p in parts) == [[0, 1, 2, 3], [4, 5, 6, 7]]
    assert louvain_partition(G, seed=7) == parts
    # Q = Σ_c (L_c/m - (d_c/2m)^2) with m = 13, L_c = 6, d_c = 13 for both.
    assert modularity(G, parts) == pytest.approx(2 * (6 / 13 - (13 / 26) ** 2))
    assert modularity(nx.empty_graph(3), [{0}, {1}, {2}]) == 0.0
    assert len(louvain_partition(nx.empty_graph(4))) == 4
    assert math.isclose(modularity(nx.complete_graph(5), [set(range(5))]), 0.0, abs_tol=1e-12)
