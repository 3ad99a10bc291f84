"""The array fast paths give the reference definitions' values (NetworkX) on random graphs.

The suite converts a graph once (``metrics.adjacency``) and computes components, isolates,
degree centralization, modularity, Burt's measures, betweenness and DF from those arrays (with
igraph's C code where it has the algorithm). Each is compared here with NetworkX's own
implementation of the same definition, on graphs with weights, isolates and self-loops.
"""

from __future__ import annotations

import math
import random

import networkx as nx
import numpy as np
import pytest

from beleidsgraaf.graph import metrics
from beleidsgraaf.graph.versnippering import suite


def random_graph(seed: int, n: int = 70, m: int = 200) -> nx.Graph:
    """A random graph with clustered parts (cliques), weights, isolates and a self-loop."""
    rnd = random.Random(seed)
    G = nx.gnm_random_graph(n, m, seed=seed)
    for _ in range(4):  # cliques: many closed triads, as the projections have
        members = rnd.sample(range(n), rnd.randint(3, 8))
        G.add_edges_from((a, b) for a in members for b in members if a < b)
    for u, v in G.edges:
        G.edges[u, v]["weight"] = rnd.randint(1, 4)
    G.add_nodes_from(["lonely", "alone"])
    G.add_edge(0, 0, weight=2)
    return G


SEEDS = range(6)


def test_adjacency_equals_networkx_conversion() -> None:
    G = random_graph(1)
    A = metrics.adjacency(G)
    reference = nx.to_scipy_sparse_array(G, nodelist=list(G), weight="weight", format="csr")
    dense = reference.toarray()
    assert A.loops[0] == dense[0, 0] == 2
    np.fill_diagonal(dense, 0)
    assert np.array_equal(A.matrix.toarray(), dense)
    assert A.nodes == list(G)
    assert A.pattern.toarray().tolist() == (dense > 0).astype(float).tolist()


@pytest.mark.parametrize("seed", SEEDS)
def test_components_isolates_and_degree_centralization(seed: int) -> None:
    G = random_graph(seed)
    assert metrics.component_sizes(G) == sorted(map(len, nx.connected_components(G)))[::-1]
    n = G.number_of_nodes()
    isolated = [v for v in G if all(u == v for u in G[v])]
    assert metrics.isolates_share(G) == len(isolated) / n
    degrees = [sum(1 for u in G[v] if u != v) for v in G]
    expected = sum(max(degrees) - d for d in degrees) / ((n - 1) * (n - 2))
    assert metrics.degree_centralization(G) == pytest.approx(expected)


@pytest.mark.parametrize("seed", SEEDS)
def test_modularity_equals_networkx(seed: int) -> None:
    G = random_graph(seed)
    rnd = random.Random(seed)
    labels = {v: rnd.randrange(5) for v in G}
    partition = [{v for v in G if labels[v] == c} for c in range(5)]
    partition = [c for c in partition if c]
    for weight in ("weight", None):
        assert metrics.modularity(G, partition, weight=weight) == pytest.approx(
            nx.community.modularity(G, partition, weight=weight)
        )
    weighted = metrics.adjacency(G)  # a conversion with weights must not leak into weight=None
    assert metrics.modularity(G, partition, weight=None, adjacency=weighted) == pytest.approx(
        nx.community.modularity(G, partition, weight=None)
    )
    louvain = metrics.louvain_partition(G, seed=seed)
    assert metrics.modularity(G, louvain) == pytest.approx(nx.community.modularity(G, louvain))
    with pytest.raises(nx.NetworkXError):
        metrics.modularity(G, partition[1:])
    with pytest.raises(nx.NetworkXError):
        metrics.modularity(G, [*partition, {"not a node"}])


@pytest.mark.parametrize("seed", SEEDS)
def test_burt_measures_equal_networkx(seed: int) -> None:
    G = random_graph(seed)
    A = metrics.adjacency(G)  # weighted: the unweighted measures may still use its pattern
    for weight in (None, "weight"):
        ours = metrics.burt_measures(G, weight=weight)
        shared = metrics.burt_measures(G, weight=weight, adjacency=A)
        H = G.copy()
        H.remove_edges_from(nx.selfloop_edges(H))
        esize = nx.effective_size(H, nodes=list(H), weight=weight)
        constraint = nx.constraint(H, nodes=list(H), weight=weight)
        for v in G:
            for name in ("effective_size", "constraint", "hierarchy"):
                assert ours[name][v] == shared[name][v] or math.isnan(ours[name][v])
            if G.degree(v) - 2 * G.has_edge(v, v) == 0:
                assert math.isnan(ours["constraint"][v])
                continue
            assert ours["effective_size"][v] == pytest.approx(esize[v])
            assert ours["constraint"][v] == pytest.approx(constraint[v])


@pytest.mark.parametrize("seed", SEEDS)
def test_betweenness_and_df_equal_networkx(seed: int) -> None:
    G = random_graph(seed)
    reference = nx.betweenness_centrality(G, normalized=True)
    assert metrics.betweenness(G) == pytest.approx([reference[v] for v in G], abs=1e-12)
    n = G.number_of_nodes()
    inverse = sum(
        1 / d for _, lengths in nx.all_pairs_shortest_path_length(G) for d in lengths.values() if d
    )
    assert metrics.distance_weighted_fragmentation(G) == pytest.approx(1 - inverse / (n * (n - 1)))


def test_the_suite_gives_what_each_metric_gives_on_its_own() -> None:
    G = random_graph(3, n=300, m=900)
    result = suite(G)
    communities = metrics.louvain_partition(G)
    assert result["components"] == len(metrics.component_sizes(G))
    assert result["modularity"] == round(metrics.modularity(G, communities), 6)
    assert result["borgatti_f"] == round(metrics.borgatti_fragmentation(G), 6)
    assert result["distance_weighted_f"] == round(metrics.distance_weighted_fragmentation(G), 6)
    assert result["degree_centralization"] == round(metrics.degree_centralization(G), 6)
    burt = metrics.burt_measures(G)
    constraint = [c for c in burt["constraint"].values() if not math.isnan(c)]
    assert result["constraint_mean"] == round(sum(constraint) / len(constraint), 6)
    assert [k["iri"] for k in result["key_players"]] == [
        str(v) for v, _ in metrics.key_players(G, 5)
    ]
