"""Area 3: the versnippering (fragmentation) suite on actor networks of 1k, 10k and 50k nodes.

Stores are generated (``bench.graphs``) with twice as many entities as the actor network should
have nodes (half of the generated entities are Organisations, the network's nodes); the node and
edge counts actually projected are reported. Each run is a fresh child process that loads the
store into memory (not timed) and then times, separately:

- reading the facts from the store (``projection.load_facts``: the SPARQL part),
- the projection (``projection.actor_graph``; the baseline: one pass that builds the network),
- ``versnippering.suite`` on that network: every graph metric (components, Borgatti
  fragmentation, centralization, Louvain modularity, Burt brokerage, key players) -- the
  issue's "full suite on projections", with the goal <= 60 s at 50k nodes;

and, in its own capped child, ``fragmentation_report(store)`` as the CLI runs it (facts,
projections, suite and the per-initiative figures), once per size.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

from bench.graphs import graph_with_entities, load_store
from bench.harness import (
    ChildTimeoutError,
    Context,
    Measurement,
    NotMeasurableError,
    in_child,
    stats,
)

__all__ = ["run"]

GOAL_S = 60.0


def _suite(nquads: str) -> dict[str, Any]:
    from beleidsgraaf.graph.projection import actor_graph, load_facts
    from beleidsgraaf.graph.versnippering import suite

    with contextlib.suppress(ImportError):
        import igraph  # noqa: F401  (the suite imports it lazily; importing is not its work)
    store = load_store(nquads)  # neither is loading the store
    start = time.perf_counter()
    facts = load_facts(store)
    read = time.perf_counter()
    graph = actor_graph(facts)
    projected = time.perf_counter()
    suite(graph)
    done = time.perf_counter()
    return {
        "facts": read - start,
        "projection": projected - read,
        "suite": done - projected,
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
    }


def _report(nquads: str) -> float:
    from beleidsgraaf.graph.versnippering import fragmentation_report

    with contextlib.suppress(ImportError):
        import igraph  # noqa: F401
    store = load_store(nquads)
    start = time.perf_counter()
    fragmentation_report(store)
    return time.perf_counter() - start


def run(ctx: Context) -> list[Measurement]:
    try:
        from beleidsgraaf.graph.versnippering import suite  # noqa: F401
    except ImportError as exc:
        raise NotMeasurableError(f"the fragmentation suite is missing ({exc})") from exc
    sizes = (100, 300) if ctx.quick else (1000, 10_000, 50_000)
    cap = 60.0 if ctx.quick else 90.0
    results = []
    for n in sizes:
        graph = graph_with_entities(ctx.work, 2 * n)
        runs = ctx.runs if n < 10_000 else (2 if n == 10_000 else 1)
        children = [in_child(_suite, str(graph.path)) for _ in range(runs)]
        info = children[0].value
        suite_s = stats([c.value["suite"] for c in children])
        projection_s = stats([c.value["projection"] for c in children])
        facts_s = stats([c.value["facts"] for c in children])
        goal = n == sizes[-1]
        results.append(
            Measurement(
                "fragmentation",
                f"suite on the actor network, {info['nodes']:,} nodes",
                "s",
                suite_s,
                baseline=projection_s,
                baseline_name="projection",
                ratio=projection_s.median / suite_s.median,
                goal=f"<= {GOAL_S:g} s" if goal else "",
                met=suite_s.median <= GOAL_S if goal else None,
                peak_rss_mb=max(c.peak_rss_mb for c in children),
                notes=f"{info['edges']:,} edges; reading the facts from the store "
                f"{facts_s.median:.2f} s; store of {2 * n:,} entities, {graph.quads:,} quads",
            )
        )
        try:
            whole = in_child(_report, str(graph.path), timeout=cap)
            report_s, note = stats([whole.value]), ""
        except ChildTimeoutError:
            report_s, note = stats([cap]), f"capped: still running after {cap:g} s; "
        results.append(
            Measurement(
                "fragmentation",
                f"fragmentation_report(store), {info['nodes']:,} nodes",
                "s",
                report_s,
                notes=note + "facts + projections + suite + per-initiative figures; one run",
            )
        )
    return results
