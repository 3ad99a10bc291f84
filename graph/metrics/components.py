"""Components and isolates: the plainest reading of 'versnippering'.

A landscape of many small, disconnected networks has many components and many isolates (actors
that share no initiative with anyone).
"""

from __future__ import annotations

import networkx as nx

__all__ = ["component_sizes", "isolates_share"]


def component_sizes(G: nx.Graph) -> list[int]:
    """Sizes of the connected components, largest first.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph (edge weights are ignored).

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
    return sorted((len(c) for c in nx.connected_components(G)), reverse=True)


def isolates_share(G: nx.Graph) -> float:
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
    n = G.number_of_nodes()
    if n == 0:
        return 0.0
    isolated = sum(1 for v in G if all(u == v for u in G[v]))
    return isolated / n
