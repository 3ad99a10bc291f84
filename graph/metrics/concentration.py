"""Concentration: are the initiatives in the hands of a few actors, or spread thinly?"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

__all__ = ["herfindahl_hirschman_index", "initiative_concentration"]


def herfindahl_hirschman_index(values: Iterable[float]) -> float:
    r"""Herfindahl-Hirschman index of a distribution of non-negative amounts.

    .. math:: HHI = \sum_i s_i^2, \qquad s_i = x_i / \sum_j x_j

    Range [1/N, 1] for N holders with a positive amount; higher = more concentrated (one
    holder has everything), lower = spread over many small holders (fragmented). 0 when the
    total is 0.

    Examples
    --------
    >>> herfindahl_hirschman_index([1, 1, 1, 1])
    0.25
    >>> herfindahl_hirschman_index([3, 1])
    0.625

    References
    ----------
    .. [1] Hirschman, A. O. (1964). The paternity of an index. *American Economic Review*
       54(5), 761. Rhoades, S. A. (1993). The Herfindahl-Hirschman index.
       *Federal Reserve Bulletin* 79, 188-189.
    """
    amounts = [float(v) for v in values if v > 0]
    total = sum(amounts)
    if total == 0:
        return 0.0
    return sum((v / total) ** 2 for v in amounts)


def initiative_concentration(B: nx.Graph, actors: Iterable[object]) -> float:
    """HHI of initiatives over actors in a two-mode actor × initiative graph.

    Each actor's amount is its number of initiatives (its degree in ``B``); see
    :func:`herfindahl_hirschman_index`. Range [1/N, 1]; higher = a few actors take part in
    most initiatives (concentration), lower = many actors with one or two initiatives each.

    Examples
    --------
    >>> B = nx.Graph([("org1", "p1"), ("org1", "p2"), ("org2", "p2")])
    >>> round(initiative_concentration(B, ["org1", "org2"]), 4)  # (2/3)² + (1/3)²
    0.5556

    References
    ----------
    .. [1] Rhoades, S. A. (1993). The Herfindahl-Hirschman index. *Federal Reserve Bulletin*
       79, 188-189.
    """
    return herfindahl_hirschman_index(B.degree(a) for a in actors if a in B)
