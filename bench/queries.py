"""Running the analysts' query library (``queries/*.rq``) on generated graphs.

Parameters are bound to entities of the generated graph: an ``organisation`` parameter gets the
most popular Organisation (the one named in most documents, so the worst case of a lookup), a
``programme`` parameter the most popular Programme, other entity parameters popular
Organisations; predicates, strings and integers get the query's own example value.

A query with parameters is a *lookup* (one or two hops from a given entity; goal p50 <= 50 ms);
one without is a *whole-graph aggregation* (goal p50 <= 2 s).
"""

from __future__ import annotations

from beleidsgraaf.queries.library import NamedQuery, load_library
from bench.synth import SyntheticGraph

__all__ = ["LOOKUP_GOAL_S", "WHOLE_GRAPH_GOAL_S", "is_lookup", "library", "parameters"]

LOOKUP_GOAL_S = 0.050
WHOLE_GRAPH_GOAL_S = 2.0


def library() -> dict[str, NamedQuery]:
    """Every library query by name."""
    return load_library()


def is_lookup(query: NamedQuery) -> bool:
    return bool(query.params)


def parameters(query: NamedQuery, graph: SyntheticGraph) -> dict[str, str]:
    """Values for the query's parameters, chosen from ``graph`` (IRIs for entities)."""
    values: dict[str, str] = {}
    rank = 0
    for param in query.params:
        if param.kind != "entity":
            values[param.name] = param.example
        elif "programm" in param.name:
            values[param.name] = graph.pick("Programme")
        else:
            values[param.name] = graph.pick("Organisation", rank)
            rank += 1
    return values
