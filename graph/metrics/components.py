"""Components and isolates: the plainest reading of 'versnippering'.

A landscape of many small, disconnected networks has many components and many isolates (actors
that share no initiative with anyone).
"""

from __future__ import annotations

import networkx as nx
import numpy as np
from scipy.sparse.csgraph import connected_components

from beleidsgraaf.graph.metrics.adjacency import Adjacency, prepared

__all__ = ["component_sizes", "isolates_share"]


def component_sizes(G: nx.Graph, *, adjacency: Adjacency | None = None) -> list[int]:
    """Sizes of the connected components, largest first.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph (edge weights are ignored).
    adjacency : Adjacency, optional
        ``G`` already converted (see :func:`~beleidsgraaf.graph.metrics.adjacency.adjacency`).

    Returns
    -------
    list of int
        ``len(result)`` is the number of components; ``sum(result) == G.number_of_nodes()``.
        Range: 1 to n components, each of 1 to n nodes; more and smaller components mean a
        more fragmented network.

    Examples
    --------
    >>> G = nx.Graph([(1, 2), (2, 3), (4, 5)])
    >>> G.add_node(6)
    >>> component_sizes(G)
    [3, 2, 1]

    References
    ----------
    .. [1] Wasserman, S. & Faust, K. (1994). *Social Network Analysis*, §4.2.4. Cambridge UP.
    """
    A = prepared(G, adjacency)
    if A.n == 0:
        return []
    _, labels = connected_components(A.pattern, directed=False)
    return sorted(np.bincount(labels).tolist(), reverse=True)


def isolates_share(G: nx.Graph, *, adjacency: Adjacency | None = None) -> float:
    """Share of nodes without any tie.

    Definition: ``|{v : deg(v) = 0}| / n``; self-loops do not count as ties.

    Range [0, 1]; higher = more fragmented (1: nobody is connected to anybody). 0 for an empty
    graph.

    Examples
    --------
    >>> G = nx.Graph([(1, 2)])
    >>> G.add_nodes_from([3, 4])
    >>> isolates_share(G)
    0.5

    References
    ----------
    .. [1] Wasserman, S. & Faust, K. (1994). *Social Network Analysis*, §4.3. Cambridge UP.
    """
    A = prepared(G, adjacency)
    if A.n == 0:
        return 0.0
    return int(np.count_nonzero(A.degree == 0)) / A.n
