"""Brokerage: who links otherwise unconnected actors, and across which landsdelen?

Two classic views. Gould & Fernandez (1989) classify every open two-path a – b – c (a and c not
tied) by the groups of the three actors, so one can see whether brokers connect actors *within*
a landsdeel or *across* landsdelen. Burt (1992) measures for each actor how far its contacts are
redundant (effective size), how much they tie it down (constraint) and how much of that
constraint comes from one contact (hierarchy). NetworkX has Burt's effective size and constraint,
but its implementations take minutes on large graphs and it has no hierarchy; the sparse-matrix
versions here are checked against NetworkX's in the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import replace
from itertools import combinations

import networkx as nx
import numpy as np
from scipy import sparse

from beleidsgraaf.graph.metrics.adjacency import Adjacency, prepared

__all__ = ["BROKERAGE_ROLES", "burt_measures", "gould_fernandez_brokerage"]

BROKERAGE_ROLES = ("coordinator", "itinerant", "gatekeeper_representative", "liaison")
"""Gould-Fernandez roles for *undirected* networks (gatekeeper and representative coincide)."""


def gould_fernandez_brokerage(
    G: nx.Graph,
    group: Mapping[Hashable, Hashable] | Callable[[Hashable], Hashable | None],
    *,
    nodes: Iterable[Hashable] | None = None,
) -> dict[Hashable, dict[str, int]]:
    """Gould-Fernandez brokerage roles of each broker, undirected version.

    For every broker b and every unordered pair {a, c} of b's neighbours that are *not* tied to
    each other (an open two-path a – b – c), the pair is counted in one role by the groups
    g(·) of the three nodes:

    - coordinator: g(a) = g(b) = g(c) (brokering inside one's own group);
    - itinerant (consultant): g(a) = g(c) ≠ g(b) (an outsider links two members of a group);
    - gatekeeper_representative: exactly one of g(a), g(c) equals g(b). In directed networks
      Gould & Fernandez distinguish the gatekeeper (a outside → b → c inside) from the
      representative (a inside → b → c outside); without direction the two coincide;
    - liaison: all three groups differ (brokering between two other groups).

    Two-paths with a node without a group (``group`` returns ``None`` or lacks the node) are not
    counted. Range per role: [0, C(deg(b), 2)]; many liaison and gatekeeper counts mean
    coordination *across* landsdelen depends on these brokers.

    Parameters
    ----------
    G : networkx.Graph
        Undirected.
    group : mapping or callable
        The group (here: landsdeel) of each node.
    nodes : iterable, optional
        Brokers to evaluate (default: all nodes); pass a sample for very large graphs.

    Returns
    -------
    dict
        ``{broker: {role: count}}`` with all four roles for every evaluated broker.

    Examples
    --------
    A path a – b – c with a and b in group X and c in Y: b is a gatekeeper/representative once.

    >>> G = nx.path_graph(["a", "b", "c"])
    >>> gould_fernandez_brokerage(G, {"a": "X", "b": "X", "c": "Y"})["b"]
    {'coordinator': 0, 'itinerant': 0, 'gatekeeper_representative': 1, 'liaison': 0}

    References
    ----------
    .. [1] Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach
       to brokerage in transaction networks. *Sociological Methodology* 19, 89-126.
    """
    lookup: Callable[[Hashable], Hashable | None] = (
        group.get if isinstance(group, Mapping) else group
    )
    result: dict[Hashable, dict[str, int]] = {}
    for b in G if nodes is None else nodes:
        counts = dict.fromkeys(BROKERAGE_ROLES, 0)
        result[b] = counts
        gb = lookup(b)
        if gb is None:
            continue
        neighbours = [(v, lookup(v)) for v in G[b] if v != b]
        neighbours = [(v, g) for v, g in neighbours if g is not None]
        for (a, ga), (c, gc) in combinations(neighbours, 2):
            if c in G[a]:
                continue
            if ga == gb and gc == gb:
                counts["coordinator"] += 1
            elif ga == gc:
                counts["itinerant"] += 1
            elif ga == gb or gc == gb:
                counts["gatekeeper_representative"] += 1
            else:
                counts["liaison"] += 1
    return result


def burt_measures(
    G: nx.Graph, *, weight: str | None = None, adjacency: Adjacency | None = None
) -> dict[str, dict[Hashable, float]]:
    r"""Burt's effective size, constraint and hierarchy of every node.

    With :math:`p_{ij} = w_{ij} / \sum_k w_{ik}` the share of i's ties invested in j and
    :math:`m_{jq} = w_{jq} / \max_k w_{jk}` the marginal strength of j's tie to q:

    - effective size :math:`E_i = \sum_j (1 - \sum_{q \ne i,j} p_{iq} m_{jq})`: the number of
      non-redundant contacts. Range [1, deg(i)]; *lower* = contacts are redundant (a closed
      clique), higher = the actor spans structural holes.
    - local constraint :math:`c_{ij} = (p_{ij} + \sum_{q \ne i,j} p_{iq} p_{qj})^2` and
      constraint :math:`C_i = \sum_j c_{ij}`. Range (0, 1.125]; higher = the actor is locked
      into one dense group (little room for brokerage).
    - hierarchy :math:`H_i = \frac{\sum_j r_{ij} \ln r_{ij}}{N \ln N}` with
      :math:`r_{ij} = c_{ij} / (C_i / N)` and N = deg(i) (Burt 1992, p. 71). Range [0, 1];
      higher = the constraint comes from one contact (dependence on one partner). Undefined
      (NaN) for N < 2.

    Isolates get NaN for all three (as in NetworkX). The sums over q are sparse products read
    only at the existing ties: :math:`\sum_q p_{iq} p_{qj} = (A D^{-1} A)_{ij} / s_i` with
    :math:`s_q` the strength of q, so one product serves both directions of a tie. Without
    weights the effective size needs no product at all: it is Borgatti's (1997)
    :math:`E_i = N - 2 t_i / N` with :math:`t_i` the ties among i's N contacts (triangles,
    counted by igraph); with weights a second product gives :math:`\sum_q a_{iq} a_{jq}`.
    Cost O(Σ deg²) for the product (hubs dominate it); equal to
    :func:`networkx.effective_size` and :func:`networkx.constraint` (tested), which need minutes
    on 400,000-edge graphs.

    Parameters
    ----------
    G : networkx.Graph
        Undirected; self-loops are ignored.
    weight : str or None
        Edge attribute with the tie strength; ``None`` = every tie 1.
    adjacency : Adjacency, optional
        ``G`` already converted (see :func:`~beleidsgraaf.graph.metrics.adjacency.adjacency`);
        with ``weight=None`` any conversion will do, else it must use the same ``weight``.

    Returns
    -------
    dict
        ``{"effective_size": {...}, "constraint": {...}, "hierarchy": {...}}``.

    Examples
    --------
    A star with three leaves: the centre has three non-redundant contacts, each taking a third
    of its ties, so its constraint is 3 · (1/3)² = 1/3 and its hierarchy 0 (all equal).

    >>> m = burt_measures(nx.star_graph(3))
    >>> m["effective_size"][0], round(m["constraint"][0], 4), m["hierarchy"][0]
    (3.0, 0.3333, 0.0)

    References
    ----------
    .. [1] Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition*.
       Harvard University Press, pp. 51-55 and 70-71.
    .. [2] Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures.
       *Connections* 20(1), 35-38.
    """
    out: dict[str, dict[Hashable, float]] = {
        "effective_size": {},
        "constraint": {},
        "hierarchy": {},
    }
    A = prepared(G, adjacency, weight)
    n = A.n
    if n == 0:
        return out
    matrix = A.pattern if weight is None else A.matrix
    if weight is not None and (matrix.data == 0).any():
        matrix = sparse.csr_array(matrix)  # a tie of strength 0 is no tie: drop it
        matrix.eliminate_zeros()
        A = replace(A, matrix=matrix, _cache={})
    rows, cols, a = A.rows, matrix.indices, matrix.data
    degree = A.degree
    strength = np.bincount(rows, weights=a, minlength=n)
    safe = np.where(strength > 0, strength, 1.0)

    through = _on_ties(matrix @ sparse.csr_array(sparse.diags_array(1.0 / safe) @ matrix), A)
    local = ((a + through) / safe[rows]) ** 2
    total = np.bincount(rows, weights=local, minlength=n)

    safe_degree = np.where(degree > 0, degree, 1)
    if weight is None:
        closed = np.asarray(A.igraph().transitivity_local_undirected(mode="zero"))
        triangles = np.rint(closed * degree * (degree - 1) / 2.0)
        esize = degree - 2.0 * triangles / safe_degree
    else:
        top = np.zeros(n)
        np.maximum.at(top, rows, a)
        shared = _on_ties(matrix @ matrix, A)
        redundancy = shared / (safe[rows] * np.where(top > 0, top, 1.0)[cols])
        esize = degree - np.bincount(rows, weights=redundancy, minlength=n)

    k = degree[rows]
    ratio = local * k / np.where(total > 0, total, 1.0)[rows]
    spread = np.bincount(rows, weights=ratio * np.log(np.where(ratio > 0, ratio, 1.0)), minlength=n)
    defined = degree >= 2
    hierarchy = np.full(n, np.nan)
    hierarchy[defined] = spread[defined] / (degree[defined] * np.log(degree[defined]))
    for i, v in enumerate(A.nodes):
        isolated = degree[i] == 0
        out["effective_size"][v] = float("nan") if isolated else float(esize[i])
        out["constraint"][v] = float("nan") if isolated else float(total[i])
        out["hierarchy"][v] = float(hierarchy[i])
    return out


def _on_ties(product: sparse.csr_array, A: Adjacency) -> np.ndarray:
    """The entries of ``product`` at the ties of ``A``, aligned with ``A.matrix.data``."""
    n = A.n
    masked = sparse.csr_array(product.multiply(A.pattern))
    masked.sum_duplicates()
    mkeys = np.repeat(np.arange(n, dtype=np.int64), np.diff(masked.indptr)) * n + masked.indices
    keys = A.rows.astype(np.int64) * n + A.matrix.indices
    out = np.zeros(len(keys))
    if len(mkeys) == 0:
        return out
    pos = np.minimum(np.searchsorted(mkeys, keys), len(mkeys) - 1)
    hit = mkeys[pos] == keys
    out[hit] = masked.data[pos[hit]]
    return out
