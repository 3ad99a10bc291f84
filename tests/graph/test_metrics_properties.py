"""Hypothesis properties of F and DF: bounds, monotonicity, invariance under relabelling."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from beleidsgraaf.graph.metrics import (
    borgatti_fragmentation,
    degree_centralization,
    distance_weighted_fragmentation,
    isolates_share,
)


@st.composite
def graphs(draw: st.DrawFn, min_nodes: int = 2, max_nodes: int = 14) -> nx.Graph:
    n = draw(st.integers(min_nodes, max_nodes))
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)))
    G = nx.empty_graph(n)
    G.add_edges_from(chosen)
    return G


@settings(max_examples=60, deadline=None)
@given(graphs())
def test_f_and_df_are_in_unit_interval_and_df_at_least_f(G: nx.Graph) -> None:
    f = borgatti_fragmentation(G)
    df = distance_weighted_fragmentation(G)
    assert 0.0 <= f <= 1.0
    assert 0.0 <= df <= 1.0
    assert df >= f - 1e-12


@settings(max_examples=60, deadline=None)
@given(graphs(), st.data())
def test_adding_an_edge_never_raises_f_or_df(G: nx.Graph, data: st.DataObject) -> None:
    missing = [(u, v) for u in G for v in G if u < v and not G.has_edge(u, v)]
    if not missing:
        return
    u, v = data.draw(st.sampled_from(missing))
    before_f, before_df = borgatti_fragmentation(G), distance_weighted_fragmentation(G)
    H = G.copy()
    H.add_edge(u, v)
    assert borgatti_fragmentation(H) <= before_f + 1e-12
    assert distance_weighted_fragmentation(H) <= before_df + 1e-12


@settings(max_examples=40, deadline=None)
@given(graphs(), st.randoms(use_true_random=False))
def test_relabelling_nodes_changes_nothing(G: nx.Graph, rnd: object) -> None:
    names = [f"actor-{i}" for i in G]
    rnd.shuffle(names)  # type: ignore[attr-defined]
    H = nx.relabel_nodes(G, dict(zip(G, names, strict=True)))
    for metric in (
        borgatti_fragmentation,
        distance_weighted_fragmentation,
        isolates_share,
        degree_centralization,
    ):
        assert metric(H) == metric(G)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 30))
def test_isolates_are_fully_fragmented_and_complete_graphs_not(n: int) -> None:
    assert borgatti_fragmentation(nx.empty_graph(n)) == 1.0
    assert distance_weighted_fragmentation(nx.empty_graph(n)) == 1.0
    assert borgatti_fragmentation(nx.complete_graph(n)) == 0.0
    assert distance_weighted_fragmentation(nx.complete_graph(n)) == 0.0
