"""Shared helpers for the metrics: when to sample, which nodes, and seeding igraph.

Exact shortest-path metrics cost O(n·m); above :data:`EXACT_LIMIT` nodes they use a fixed-seed
sample of source nodes instead (Brandes & Pich 2007), so the whole suite measures a 50,000-node,
430,000-edge projection in about 15 seconds. Every function that may sample says so in its
docstring and takes ``sources`` and ``seed`` so the caller can report ``"approximate": true``
with the sample size.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Sequence

import numpy as np

__all__ = ["DEFAULT_SOURCES", "EXACT_LIMIT", "sample_sources", "seeded_igraph"]

EXACT_LIMIT = 2000
"""Graphs with more nodes than this get sampled shortest-path metrics by default."""

DEFAULT_SOURCES = 256
"""Number of sampled source nodes above :data:`EXACT_LIMIT`."""


def sample_sources(n: int, sources: int | None, seed: int) -> np.ndarray | None:
    """Indices of the sampled sources among ``n`` nodes, or ``None`` for 'all of them (exact)'.

    ``sources=None`` means: exact up to :data:`EXACT_LIMIT` nodes, else :data:`DEFAULT_SOURCES`.
    """
    if sources is None:
        sources = n if n <= EXACT_LIMIT else DEFAULT_SOURCES
    if sources >= n:
        return None
    rng = np.random.default_rng(seed)
    return np.sort(rng.choice(n, size=sources, replace=False))


class seeded_igraph:  # noqa: N801  (used like a function in a with-statement)
    """Run igraph's randomised algorithms with a private, seeded RNG; restores the global one."""

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def __enter__(self) -> None:
        import igraph as ig

        ig.set_random_number_generator(random.Random(self.seed))

    def __exit__(self, *exc: object) -> None:
        import igraph as ig

        ig.set_random_number_generator(random)


def pick(seq: Sequence[Hashable], idx: np.ndarray | None) -> list[Hashable]:
    """The elements of ``seq`` at ``idx`` (all of them when ``idx`` is ``None``)."""
    return list(seq) if idx is None else [seq[i] for i in idx]
