"""The graph as arrays: one conversion from NetworkX, shared by every metric of the suite.

Converting a 430,000-edge NetworkX graph to a sparse matrix takes seconds in Python (networkx's
``to_scipy_sparse_array`` walks the edge views), and the suite needs the matrix for half a dozen
metrics. :func:`adjacency` converts once; every metric that works on arrays takes the result as
its optional ``adjacency`` argument (and converts by itself when it is not given), so a metric
called on its own and a metric called from the suite give the same numbers.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from operator import methodcaller
from typing import Any

import networkx as nx
import numpy as np
from scipy import sparse

__all__ = ["Adjacency", "adjacency", "prepared"]


@dataclass(frozen=True, eq=False)
class Adjacency:
    """Nodes, weighted symmetric adjacency (CSR, no self-loops) and self-loop weights of a graph.

    ``matrix[i, j]`` is the weight of the edge between ``nodes[i]`` and ``nodes[j]`` (the edge
    attribute ``weight``, 1 when missing or when ``weight`` is ``None``); ``loops[i]`` is the
    weight of a self-loop at ``nodes[i]`` (0 without one). Column indices are sorted per row.
    """

    nodes: list[Hashable]
    matrix: sparse.csr_array
    loops: np.ndarray
    weight: str | None
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def n(self) -> int:
        return len(self.nodes)

    @cached_property
    def pattern(self) -> sparse.csr_array:
        """The unweighted adjacency (every edge 1), same sparsity as :attr:`matrix`."""
        m = self.matrix
        return sparse.csr_array((np.ones(m.nnz), m.indices, m.indptr), shape=m.shape, copy=False)

    @cached_property
    def degree(self) -> np.ndarray:
        """Number of distinct neighbours of each node (self-loops not counted)."""
        return np.diff(self.matrix.indptr)

    @cached_property
    def rows(self) -> np.ndarray:
        """The row (node index) of every stored entry of :attr:`matrix`."""
        return np.repeat(np.arange(self.n), self.degree)

    def igraph(self) -> Any:
        """An ``igraph.Graph`` with the same nodes (by index) and edges, weights as ``"weight"``.

        Self-loops are left out (none of the igraph algorithms used here counts them).
        """
        if "igraph" not in self._cache:
            import igraph as ig

            upper = self.rows < self.matrix.indices
            edges = np.column_stack((self.rows[upper], self.matrix.indices[upper]))
            h = ig.Graph(n=self.n, edges=edges.tolist(), directed=False)
            h.es["weight"] = self.matrix.data[upper].tolist()
            self._cache["igraph"] = h
        return self._cache["igraph"]


def adjacency(G: nx.Graph, weight: str | None = "weight") -> Adjacency:
    """Convert an undirected NetworkX graph once into an :class:`Adjacency` (in ``list(G)`` order).

    Reads the adjacency once into numpy arrays (no edge views, no intermediate lists), which is
    several times faster than :func:`networkx.to_scipy_sparse_array` on large graphs.

    Examples
    --------
    >>> A = adjacency(nx.Graph([("a", "b", {"weight": 2}), ("b", "c")]))
    >>> A.nodes, A.matrix.toarray().tolist()
    (['a', 'b', 'c'], [[0.0, 2.0, 0.0], [2.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
    """
    if G.is_directed() or G.is_multigraph():
        raise nx.NetworkXNotImplemented("the metrics are defined for simple undirected graphs")
    nodes = list(G)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    adj = dict(G.adjacency())  # the neighbour dicts themselves: their views iterate in Python
    neighbourhoods = [adj[v] for v in nodes]
    sizes = np.fromiter(map(len, neighbourhoods), dtype=np.int64, count=n)
    total = int(sizes.sum())
    # map/chain instead of nested generators: this loop over 2m entries is the whole cost
    cols = np.fromiter(
        map(index.__getitem__, chain.from_iterable(neighbourhoods)), dtype=np.int64, count=total
    )
    if weight is None:
        data = np.ones(total)
    else:
        attributes = chain.from_iterable(map(methodcaller("values"), neighbourhoods))
        data = np.fromiter(
            map(methodcaller("get", weight, 1.0), attributes), dtype=float, count=total
        )
    rows = np.repeat(np.arange(n), sizes)
    loops = np.zeros(n)
    self_loop = rows == cols
    loops[rows[self_loop]] = data[self_loop]
    keep = ~self_loop
    matrix = sparse.csr_array((data[keep], (rows[keep], cols[keep])), shape=(n, n))
    matrix.sort_indices()
    return Adjacency(nodes=nodes, matrix=matrix, loops=loops, weight=weight)


def prepared(
    G: nx.Graph, given: Adjacency | None, weight: str | None = None, *, exact: bool = False
) -> Adjacency:
    """``given`` when it fits, else a new conversion of ``G``.

    It fits when it was made with the same ``weight``, or with any weights when ``weight`` is
    ``None`` and ``exact`` is false (the metric reads only :attr:`Adjacency.pattern`). Metrics
    that read :attr:`Adjacency.matrix` even without weights pass ``exact=True``.
    """
    if given is not None and (given.weight == weight or (weight is None and not exact)):
        return given
    return adjacency(G, weight)
