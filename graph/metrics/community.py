"""Communities: does the network fall apart into clusters that hardly talk to each other?

A high modularity means the actors form separate groups ('eilandjes') with dense ties inside and
few between them; together with many communities this is a sign of versnippering even when the
network is formally connected.
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx

from beleidsgraaf.graph.metrics._sampling import seeded_igraph, to_igraph

__all__ = ["louvain_partition", "modularity"]


def louvain_partition(
    G: nx.Graph, *, weight: str | None = "weight", seed: int = 0
) -> list[set[Hashable]]:
    """Communities found by the Louvain method (igraph's multilevel algorithm), fixed seed.

    Every node is in exactly one community (isolates form their own). igraph's C
    implementation is used because NetworkX's pure-Python Louvain needs minutes on a
    300,000-edge projection; the seed makes the partition reproducible.

    Parameters
    ----------
    G : networkx.Graph
    weight : str or None
        Edge attribute with the tie strength (missing = 1); ``None`` ignores weights.
    seed : int

    Returns
    -------
    list of set
        Communities, largest first. Range: 1 to n communities; more (and with a high
        modularity) = more fragmented.

    Examples
    --------
    Two triangles joined by one edge are two communities:

    >>> G = nx.Graph([(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
    >>> sorted(sorted(c) for c in louvain_partition(G))
    [[0, 1, 2], [3, 4, 5]]

    References
    ----------
    .. [1] Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding
       of communities in large networks. *J. Stat. Mech.* P10008.
    """
    nodes, h = to_igraph(G, weight=weight)
    if not nodes:
        return []
    if h.ecount() == 0:
        return [{v} for v in nodes]
    with seeded_igraph(seed):
        clusters = h.community_multilevel(weights="weight" if weight is not None else None)
    communities = [{nodes[i] for i in members} for members in clusters]
    return sorted(communities, key=lambda c: (-len(c), sorted(map(str, c))))


def modularity(
    G: nx.Graph, communities: list[set[Hashable]], *, weight: str | None = "weight"
) -> float:
    r"""Newman's modularity of a partition (networkx's implementation).

    .. math:: Q = \frac{1}{2m} \sum_{ij} \left(A_{ij} - \frac{k_i k_j}{2m}\right) \delta(c_i, c_j)

    Range [-½, 1); higher = the network is more clearly split into separate clusters (more
    fragmented). 0 for a graph without edges (by definition here; undefined in the formula).

    Examples
    --------
    >>> G = nx.Graph([(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
    >>> round(modularity(G, [{0, 1, 2}, {3, 4, 5}]), 4)
    0.3571

    References
    ----------
    .. [1] Newman, M. E. J. (2006). Modularity and community structure in networks.
       *PNAS* 103(23), 8577-8582.
    """
    if G.number_of_edges() == 0:
        return 0.0
    return float(nx.community.modularity(G, communities, weight=weight))
