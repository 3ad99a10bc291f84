"""Key players: the few actors whose removal would fragment the network most.

If taking out three organisations makes the actor network fall apart, the coordination of the
landscape depends on them. This is Borgatti's KPP-Neg problem, solved greedily.
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import numpy as np

from beleidsgraaf.graph.metrics.adjacency import Adjacency, prepared
from beleidsgraaf.graph.metrics.centralization import betweenness
from beleidsgraaf.graph.metrics.fragmentation import graph_reciprocal_sums

__all__ = ["KEYPLAYER_EXACT_LIMIT", "KEYPLAYER_SOURCES", "key_players"]

KEYPLAYER_EXACT_LIMIT = 500
"""Up to this many nodes every removal is scored with the exact DF."""

KEYPLAYER_SOURCES = 32
"""Sampled source nodes (the same ones for every evaluation) above :data:`KEYPLAYER_EXACT_LIMIT`."""


def key_players(
    G: nx.Graph,
    k: int = 5,
    *,
    candidates: int = 10,
    sources: int | None = None,
    seed: int = 0,
    scores: np.ndarray | None = None,
    adjacency: Adjacency | None = None,
) -> list[tuple[Hashable, float]]:
    r"""The k nodes whose removal raises distance-weighted fragmentation DF most (greedy).

    Borgatti's KPP-Neg: find the set S, |S| = k, maximising DF(G − S). Exhaustive search is
    combinatorial, so this is the usual greedy approximation: in each of k rounds remove the
    candidate whose removal gives the highest DF of what is left. Candidates are the
    ``candidates`` nodes with the highest betweenness (nodes off shortest paths cannot
    disconnect anybody), which keeps the cost at about k · candidates DF evaluations.

    DF of the remaining graph is exact up to 500 nodes; above that it is estimated from
    ``sources`` (default 32) source nodes sampled once with a fixed seed among the
    non-candidates and reused for every evaluation (common random numbers), and betweenness is
    sampled as in :func:`betweenness_centralization`.

    Range of the scores: [0, 1], non-decreasing along the list; the *jump* from DF(G) to the
    first score says how much coordination depends on the first key player.

    Parameters
    ----------
    G : networkx.Graph
    k : int
        Number of key players (fewer when the graph is smaller).
    candidates : int
        Size of the candidate pool (top betweenness).
    sources, seed
        Sampling of DF above 500 nodes.
    scores : numpy.ndarray, optional
        Betweenness in ``list(G)`` order, when already computed (see :func:`betweenness`).
    adjacency : Adjacency, optional
        ``G`` already converted (see :func:`~beleidsgraaf.graph.metrics.adjacency.adjacency`).

    Returns
    -------
    list of (node, float)
        The key players in the order they were removed, each with DF after its removal.

    Examples
    --------
    Two triangles joined through one bridge node: removing the bridge splits the network.

    >>> G = nx.Graph([(0, 1), (1, 2), (0, 2), (2, 6), (6, 3), (3, 4), (4, 5), (3, 5)])
    >>> [(v, round(df, 3)) for v, df in key_players(G, 1)]
    [(6, 0.6)]

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social network.
       *Computational and Mathematical Organization Theory* 12(1), 21-34.
    """
    A = prepared(G, adjacency)
    nodes, h = A.nodes, A.igraph()
    n = len(nodes)
    if n < 3 or k < 1:
        return []
    if sources is None and n > KEYPLAYER_EXACT_LIMIT:
        sources = KEYPLAYER_SOURCES
    b = betweenness(G, seed=seed, adjacency=A) if scores is None else scores
    degree = A.degree
    order = np.lexsort((-degree, -b))  # betweenness first, degree breaks ties
    pool = [int(i) for i in order[:candidates] if degree[i] > 0]
    # Common random numbers: the same sampled source *nodes* (never a candidate) for every
    # evaluation, so the comparison between candidates is not drowned in sampling noise.
    fixed: np.ndarray | None = None
    if sources is not None and sources < n - len(pool):
        others = np.setdiff1d(np.arange(n), np.asarray(pool, dtype=int))
        fixed = np.sort(np.random.default_rng(seed).choice(others, size=sources, replace=False))
    keep = np.ones(n, dtype=bool)
    chosen: list[tuple[Hashable, float]] = []
    for _ in range(min(k, n - 2)):
        best: tuple[float, int] | None = None
        for i in pool:
            if not keep[i]:
                continue
            keep[i] = False
            rest = h.induced_subgraph(np.flatnonzero(keep).tolist(), "copy_and_delete")
            m = rest.vcount()
            rows = None if fixed is None else (np.cumsum(keep) - 1)[fixed]
            total, used = graph_reciprocal_sums(rest, sources=sources, seed=seed, indices=rows)
            df = 1.0 - total / (used * (m - 1)) if m > 1 and used else 0.0
            keep[i] = True
            if best is None or df > best[0] + 1e-12:
                best = (df, i)
        if best is None:
            break
        keep[best[1]] = False
        chosen.append((nodes[best[1]], min(1.0, max(0.0, best[0]))))
    return chosen
