"""Borgatti's fragmentation F and distance-weighted fragmentation DF.

Both ask 'what share of pairs of actors cannot reach each other (or only by long detours)?'. They
are the measures Borgatti (2006) proposed for the key-player problem and the most direct reading
of 'versnippering': 0 when everybody can reach everybody, 1 when nobody can reach anybody.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import shortest_path

from beleidsgraaf.graph.metrics._sampling import sample_sources, to_csr

__all__ = ["borgatti_fragmentation", "distance_weighted_fragmentation"]

_CHUNK = 256


def borgatti_fragmentation(G: nx.Graph) -> float:
    r"""Borgatti's fragmentation: the share of ordered pairs of nodes that cannot reach each other.

    .. math:: F = 1 - \frac{\sum_k s_k (s_k - 1)}{n (n - 1)}

    where :math:`s_k` is the size of the k-th connected component and n the number of nodes.

    Range [0, 1]; higher = more fragmented. F = 0 for a connected graph, F = 1 for n ≥ 2
    isolates. A graph with fewer than two nodes has no pairs; F is then defined as 0.

    Parameters
    ----------
    G : networkx.Graph
        Undirected; weights are ignored.

    Examples
    --------
    Two components of 3 and 2 nodes: 1 - (3·2 + 2·1) / (5·4) = 0.6

    >>> G = nx.Graph([(1, 2), (2, 3), (4, 5)])
    >>> borgatti_fragmentation(G)
    0.6
    >>> borgatti_fragmentation(nx.empty_graph(4))
    1.0

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social network.
       *Computational and Mathematical Organization Theory* 12(1), 21-34.
    """
    n = G.number_of_nodes()
    if n < 2:
        return 0.0
    reachable = sum(len(c) * (len(c) - 1) for c in nx.connected_components(G))
    return 1.0 - reachable / (n * (n - 1))


def reciprocal_distance_sums(
    G: nx.Graph, *, sources: int | None = None, seed: int = 0
) -> tuple[float, int]:
    """Σ over (sampled) sources s and all targets t ≠ s of 1/d(s, t), and the number of sources.

    The building block of :func:`distance_weighted_fragmentation` and of the key-player search;
    unreachable pairs add 0. Distances are hop counts (edge weights are tie strengths, not
    lengths), computed by scipy's breadth-first Dijkstra in C.
    """
    _, adjacency = to_csr(G)
    return matrix_reciprocal_sums(adjacency, sources=sources, seed=seed)


def matrix_reciprocal_sums(
    adjacency: sparse.csr_array,
    *,
    sources: int | None = None,
    seed: int = 0,
    indices: np.ndarray | None = None,
) -> tuple[float, int]:
    """:func:`reciprocal_distance_sums` on a symmetric adjacency matrix (CSR).

    ``indices`` fixes the source rows explicitly (the key-player search evaluates every removal
    from the same sources, so differences between candidates are not sampling noise).
    """
    n = adjacency.shape[0]
    if n < 2:
        return 0.0, n
    if indices is not None:
        chosen = indices
    else:
        idx = sample_sources(n, sources, seed)
        chosen = np.arange(n) if idx is None else idx
    total = 0.0
    for start in range(0, len(chosen), _CHUNK):
        dist = shortest_path(
            adjacency, directed=False, unweighted=True, indices=chosen[start : start + _CHUNK]
        )
        finite = np.isfinite(dist) & (dist > 0)
        total += float(np.sum(1.0 / dist[finite]))
    return total, len(chosen)


def distance_weighted_fragmentation(
    G: nx.Graph, *, sources: int | None = None, seed: int = 0
) -> float:
    r"""Distance-weighted fragmentation: one minus the mean reciprocal distance between nodes.

    .. math:: DF = 1 - \frac{1}{n (n - 1)} \sum_{i \ne j} \frac{1}{d_{ij}}

    with :math:`d_{ij}` the hop distance and :math:`1/\infty = 0` for unreachable pairs.

    Range [0, 1]; higher = more fragmented. DF = 0 only for a complete graph; DF ≥ F always (a
    connected but stretched-out network still scores above 0), DF = 1 for n ≥ 2 isolates, and
    by definition 0 for fewer than two nodes.

    Parameters
    ----------
    G : networkx.Graph
        Undirected; weights are ignored.
    sources : int, optional
        Number of source nodes to sample. Default: all nodes (exact) up to
        ``EXACT_LIMIT`` (2,000) nodes, 256 sampled sources above it. With a sample the sum over
        i runs over the sampled sources only and is divided by ``k (n - 1)``: an unbiased
        estimate (Brandes & Pich 2007).
    seed : int
        Seed of the source sample (results are reproducible).

    Examples
    --------
    A path of three nodes: pairs at distance 1 (4 ordered) and 2 (2 ordered),
    so DF = 1 - (4·1 + 2·½) / 6 = 1/6.

    >>> round(distance_weighted_fragmentation(nx.path_graph(3)), 4)
    0.1667
    >>> distance_weighted_fragmentation(nx.complete_graph(5))
    0.0

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social network.
       *Computational and Mathematical Organization Theory* 12(1), 21-34.
    .. [2] Brandes, U. & Pich, C. (2007). Centrality estimation in large networks.
       *International Journal of Bifurcation and Chaos* 17(7), 2303-2318.
    """
    n = G.number_of_nodes()
    if n < 2:
        return 0.0
    total, k = reciprocal_distance_sums(G, sources=sources, seed=seed)
    return min(1.0, max(0.0, 1.0 - total / (k * (n - 1))))
