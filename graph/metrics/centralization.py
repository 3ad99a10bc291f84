"""Density, average degree and Freeman centralization: is the network dense, and does it hang on
one hub?

Centralization is not fragmentation: a star is perfectly centralized and not fragmented at all,
but it depends entirely on its centre. Evaluators read both together.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

from beleidsgraaf.graph.metrics._sampling import sample_sources
from beleidsgraaf.graph.metrics.adjacency import Adjacency, prepared

__all__ = [
    "average_degree",
    "betweenness",
    "betweenness_centralization",
    "degree_centralization",
    "density",
]


def density(G: nx.Graph) -> float:
    """Share of possible ties that exist: ``2m / (n (n - 1))`` (networkx's :func:`nx.density`).

    Range [0, 1]; lower = sparser (with F and DF, a sign of fragmentation). 0 for n < 2.

    Examples
    --------
    >>> density(nx.path_graph(4))
    0.5

    References
    ----------
    .. [1] Wasserman, S. & Faust, K. (1994). *Social Network Analysis*, §4.2.2. Cambridge UP.
    """
    return float(nx.density(G))


def average_degree(G: nx.Graph) -> float:
    """Mean number of ties per node: ``2m / n``; 0 for an empty graph.

    Range [0, n - 1]; lower = fewer ties per actor (more fragmented).

    Examples
    --------
    >>> average_degree(nx.star_graph(4))
    1.6

    References
    ----------
    .. [1] Wasserman, S. & Faust, K. (1994). *Social Network Analysis*, §4.3. Cambridge UP.
    """
    n = G.number_of_nodes()
    return 2.0 * G.number_of_edges() / n if n else 0.0


def degree_centralization(G: nx.Graph, *, adjacency: Adjacency | None = None) -> float:
    r"""Freeman's degree centralization: how much one node dominates the ties.

    .. math:: C_D = \frac{\sum_i (d_{max} - d_i)}{(n - 1)(n - 2)}

    with :math:`d_i` the degree (number of distinct neighbours) of node i. The denominator is the
    value of a star, the most centralized graph. ``adjacency``: ``G`` already converted (see
    :func:`~beleidsgraaf.graph.metrics.adjacency.adjacency`).

    Range [0, 1]; higher = more centralized (the network depends on one hub), 0 when all
    degrees are equal. Defined as 0 for n < 3.

    Examples
    --------
    >>> degree_centralization(nx.star_graph(4))
    1.0
    >>> degree_centralization(nx.cycle_graph(5))
    0.0
    >>> round(degree_centralization(nx.path_graph(4)), 4)   # (1 + 0 + 0 + 1) / 6
    0.3333

    References
    ----------
    .. [1] Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
       *Social Networks* 1(3), 215-239.
    """
    n = G.number_of_nodes()
    if n < 3:
        return 0.0
    degrees = prepared(G, adjacency).degree
    return int(np.sum(degrees.max() - degrees)) / ((n - 1) * (n - 2))


def betweenness_centralization(
    G: nx.Graph,
    *,
    sources: int | None = None,
    seed: int = 0,
    scores: np.ndarray | None = None,
    adjacency: Adjacency | None = None,
) -> float:
    r"""Freeman's betweenness centralization: how much brokerage is concentrated in one node.

    .. math:: C_B = \frac{\sum_i (b_{max} - b_i)}{n - 1}

    with :math:`b_i` the betweenness of node i normalised to [0, 1] (divided by
    :math:`(n-1)(n-2)/2`, the betweenness of a star's centre). Hop distances; weights ignored.

    Range [0, 1]; higher = more centralized: coordination runs through one broker. Defined as 0
    for n < 3.

    Parameters
    ----------
    sources : int, optional
        Number of sampled source nodes (Brandes & Pich 2007): exact up to 2,000 nodes, 256
        sampled sources above that; the estimate is scaled by ``n / k``. Computed by igraph.
    seed : int
        Seed of the sample.
    scores : numpy.ndarray, optional
        Normalised betweenness already computed by :func:`betweenness` (saves a second pass).
    adjacency : Adjacency, optional
        ``G`` already converted (see :func:`~beleidsgraaf.graph.metrics.adjacency.adjacency`).

    Examples
    --------
    >>> betweenness_centralization(nx.star_graph(4))
    1.0
    >>> betweenness_centralization(nx.complete_graph(4))
    0.0
    >>> round(betweenness_centralization(nx.path_graph(3)), 4)  # centre 1, ends 0: (1 + 1) / 2
    1.0

    References
    ----------
    .. [1] Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
       *Social Networks* 1(3), 215-239.
    .. [2] Brandes, U. & Pich, C. (2007). Centrality estimation in large networks.
       *International Journal of Bifurcation and Chaos* 17(7), 2303-2318.
    """
    n = G.number_of_nodes()
    if n < 3:
        return 0.0
    b = (
        betweenness(G, sources=sources, seed=seed, adjacency=adjacency)
        if scores is None
        else scores
    )
    top = float(b.max())
    return float(np.sum(top - b)) / (n - 1)


def betweenness(
    G: nx.Graph,
    *,
    sources: int | None = None,
    seed: int = 0,
    adjacency: Adjacency | None = None,
) -> np.ndarray:
    """Normalised betweenness of every node of ``G`` (in ``list(G)`` order), maybe sampled.

    Brandes' algorithm in igraph (C). Range [0, 1] per node (1: the centre of a star); exact up
    to 2,000 nodes, above that estimated from ``sources`` (default 256) sampled source nodes and
    scaled by n/k. ``adjacency``: ``G`` already converted (see
    :func:`~beleidsgraaf.graph.metrics.adjacency.adjacency`).

    Examples
    --------
    >>> betweenness(nx.path_graph(3)).tolist()
    [0.0, 1.0, 0.0]

    References
    ----------
    .. [1] Brandes, U. (2001). A faster algorithm for betweenness centrality.
       *Journal of Mathematical Sociology* 25(2), 163-177.
    .. [2] Brandes, U. & Pich, C. (2007). Centrality estimation in large networks.
       *International Journal of Bifurcation and Chaos* 17(7), 2303-2318.
    """
    A = prepared(G, adjacency)
    n = A.n
    if n < 3:
        return np.zeros(n)
    idx = sample_sources(n, sources, seed)
    if idx is None:
        raw = np.asarray(A.igraph().betweenness(directed=False), dtype=float)
    else:
        # igraph's subset betweenness with k of the n sources holds about k/n of the full value
        # (with all sources it equals the full betweenness): scale up by n/k.
        raw = A.igraph().betweenness(directed=False, sources=idx.tolist())
        raw = np.asarray(raw, dtype=float)
        raw = raw * n / len(idx)
    return raw / ((n - 1) * (n - 2) / 2.0)
