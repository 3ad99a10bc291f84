"""Stores of a given size for the fragmentation and map benchmarks, from ``bench.synth``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bench.synth import GraphShape, SyntheticGraph, write_nquads

if TYPE_CHECKING:
    from beleidsgraaf.graph.store import Store

__all__ = ["graph_with_entities", "load_store"]


def graph_with_entities(work: Path, entities: int, seed: int = 9) -> SyntheticGraph:
    """A generated graph (N-Quads file) in which about ``entities`` entities are mentioned.

    30 of the 40 entities of each document are taken in turn from the pool, so ``entities / 30``
    documents name every entity at least once.
    """
    documents = max(2, -(-entities // 30))
    shape = GraphShape(documents=documents, entities=entities, seed=seed)
    return write_nquads(shape, work / f"entities-{entities}-{seed}.nq")


def load_store(nquads: str, folder: str | None = None) -> Store:
    """A beleidsgraaf ``Store`` (in memory, or on disk at ``folder``) holding ``nquads``.

    ``Store.bulk_load``, not pyoxigraph's: it also derives the default graph (the union of the
    named graphs) that the store's queries read.
    """
    from beleidsgraaf.graph.store import Store

    store = Store(Path(folder) if folder else None)
    store.bulk_load(Path(nquads))
    return store
