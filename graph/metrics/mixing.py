"""Mixing: do ties stay inside a landsdeel, or cross landsdelen?

A fragmented regional policy landscape has few ties between regions; a landsdeel that works only
with itself is insular. Krackhardt & Stern's E-I index compares external with internal ties (for
one group, or for a whole network of groups); Newman's assortativity coefficient corrects the same
question for how large the groups are. Both read a tie list, so the bootstrap can resample ties.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Mapping

import networkx as nx
import numpy as np

__all__ = [
    "attribute_assortativity",
    "coded_assortativity",
    "ei_index",
    "group_ei_index",
    "tie_assortativity",
]


def ei_index(G: nx.Graph, group_of: Mapping[Hashable, Hashable | None]) -> float:
    r"""Krackhardt & Stern's E-I index of a network of groups.

    .. math:: EI = \frac{E - I}{E + I}

    with E the ties between nodes of different groups and I the ties within a group, over the
    ties whose two ends both have a group (``group_of`` gives ``None`` or nothing for a node in
    no group, or in several: those ties are left out).

    Range [-1, 1], NaN without such ties; -1 = every tie stays inside its group (insular
    groups, fragmented between them), +1 = every tie crosses groups.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> ei_index(G, {"a": "Noord", "b": "Noord", "c": "Oost", "d": "Oost"})  # (1 - 2) / 3
    -0.3333333333333333

    References
    ----------
    .. [1] Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises: an
       experimental simulation. *Social Psychology Quarterly* 51(2), 123-140.
    """
    external = internal = 0
    for u, v in G.edges():
        gu, gv = group_of.get(u), group_of.get(v)
        if gu is None or gv is None or u == v:
            continue
        if gu == gv:
            internal += 1
        else:
            external += 1
    total = external + internal
    return (external - internal) / total if total else float("nan")


def group_ei_index(G: nx.Graph, members: Collection[Hashable]) -> float:
    r"""The E-I index of one group: its members' ties to outsiders against ties among themselves.

    .. math:: EI_L = \frac{E_L - I_L}{E_L + I_L}

    with :math:`E_L` the ties between a member and a non-member and :math:`I_L` the ties between
    two members, in the whole network ``G``.

    Range [-1, 1], NaN when no member has a tie; -1 = the group keeps to itself (insular),
    +1 = its members only have ties outside it.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> group_ei_index(G, {"a", "b"})   # one tie out (b-c), one inside (a-b)
    0.0

    References
    ----------
    .. [1] Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises: an
       experimental simulation. *Social Psychology Quarterly* 51(2), 123-140.
    """
    inside = set(members)
    external = internal = 0
    for u, v in G.edges():
        if u == v:
            continue
        a, b = u in inside, v in inside
        if a and b:
            internal += 1
        elif a or b:
            external += 1
    total = external + internal
    return (external - internal) / total if total else float("nan")


def tie_assortativity(ties: Iterable[tuple[Hashable, Hashable]]) -> float:
    r"""Newman's assortativity coefficient of a list of undirected ties between labelled ends.

    .. math:: r = \frac{\sum_i e_{ii} - \sum_i a_i^2}{1 - \sum_i a_i^2}

    where :math:`e_{ij}` is the share of tie ends joining group i to group j (each tie counted in
    both directions) and :math:`a_i = \sum_j e_{ij}`.

    Range [-1, 1], NaN without ties or when every end is in one group; 1 = ties only within
    groups (perfectly assortative, fragmented between groups), 0 = as mixed as random, negative =
    ties mostly between different groups.

    Examples
    --------
    >>> round(tie_assortativity([("N", "N"), ("O", "O"), ("N", "O")]), 4)
    0.3333

    References
    ----------
    .. [1] Newman, M. E. J. (2003). Mixing patterns in networks. *Physical Review E* 67(2),
       026126.
    """
    pairs = list(ties)
    index: dict[Hashable, int] = {}
    first = np.array([index.setdefault(a, len(index)) for a, _ in pairs], dtype=np.int64)
    second = np.array([index.setdefault(b, len(index)) for _, b in pairs], dtype=np.int64)
    return coded_assortativity(first, second, len(index))


def coded_assortativity(first: np.ndarray, second: np.ndarray, groups: int) -> float:
    """:func:`tie_assortativity` of ties given as two arrays of group numbers (0 to
    ``groups`` - 1), vectorised for the bootstrap, which recomputes it for every resample.

    Range [-1, 1], NaN without ties or with all ends in one group.

    Examples
    --------
    >>> round(coded_assortativity(np.array([0, 1, 0]), np.array([0, 1, 1]), 2), 4)
    0.3333

    References
    ----------
    .. [1] Newman, M. E. J. (2003). Mixing patterns in networks. *Physical Review E* 67(2),
       026126.
    """
    if len(first) == 0:
        return float("nan")
    counts = np.bincount(first * groups + second, minlength=groups * groups) + np.bincount(
        second * groups + first, minlength=groups * groups
    )
    e = counts.reshape(groups, groups) / counts.sum()
    expected = float(np.sum(e.sum(axis=1) ** 2))
    if expected >= 1.0 - 1e-12:
        return float("nan")
    return (float(np.trace(e)) - expected) / (1.0 - expected)


def attribute_assortativity(G: nx.Graph, group_of: Mapping[Hashable, Hashable | None]) -> float:
    """Newman's assortativity of ``G`` by group, over the ties whose two ends have one group each
    (:func:`tie_assortativity`; the same value as NetworkX's
    ``attribute_assortativity_coefficient`` on those ties).

    Range [-1, 1], NaN without such ties; higher = ties stay inside groups.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("c", "d"), ("b", "c")])
    >>> groups = {"a": "N", "b": "N", "c": "O", "d": "O"}
    >>> r = attribute_assortativity(G, groups)
    >>> nx.set_node_attributes(G, groups, "ld")
    >>> round(r, 6) == round(nx.attribute_assortativity_coefficient(G, "ld"), 6)
    True

    References
    ----------
    .. [1] Newman, M. E. J. (2003). Mixing patterns in networks. *Physical Review E* 67(2),
       026126.
    """
    return tie_assortativity(
        (group_of[u], group_of[v])
        for u, v in G.edges()
        if u != v and group_of.get(u) is not None and group_of.get(v) is not None
    )
