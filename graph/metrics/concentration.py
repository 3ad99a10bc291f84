"""Concentration and diversity: are the initiatives in the hands of a few actors (HHI), and how
varied is the mix of instrument kinds (HHI and Shannon)?"""

from __future__ import annotations

import math
from collections.abc import Iterable

import networkx as nx

__all__ = ["herfindahl_hirschman_index", "initiative_concentration", "shannon_diversity"]


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


def shannon_diversity(values: Iterable[float]) -> float:
    r"""Shannon diversity (entropy, in nats) of a distribution of non-negative amounts.

    .. math:: H = -\sum_k p_k \ln p_k, \qquad p_k = x_k / \sum_j x_j

    Used beside the HHI for the mix of instrument kinds: HHI weighs the largest kinds, H also
    rewards the number of kinds (e^H is the 'effective number' of equally common kinds).

    Range [0, ln K] for K kinds with a positive amount; higher = a more diverse mix, 0 when one
    kind has everything (or nothing is counted).

    Examples
    --------
    >>> round(shannon_diversity([1, 1, 1, 1]), 4)   # ln 4
    1.3863
    >>> shannon_diversity([5])
    0.0

    References
    ----------
    .. [1] Shannon, C. E. (1948). A mathematical theory of communication. *Bell System Technical
       Journal* 27(3), 379-423.
    .. [2] Rogge, K. S. & Reichardt, K. (2016). Policy mixes for sustainability transitions: an
       extended concept and framework for analysis. *Research Policy* 45(8), 1620-1635.
    """
    amounts = [float(v) for v in values if v > 0]
    total = sum(amounts)
    if total == 0:
        return 0.0
    return -sum((v / total) * math.log(v / total) for v in amounts) + 0.0
