"""Area 2: loading a 1-million-triple graph and running the query library on it.

Measured, each in a fresh child process (peak memory is that process's):

- load: one ``Store.replace_graph`` per document on disk (what ``build`` does: each a
  transaction that also maintains the union default graph), and ``Store.bulk_load`` (pyoxigraph's
  bulk loader, then the default graph derived; what a restore from a dump does) on disk and in
  memory; baseline: parsing the same N-Quads into rdflib's in-memory ``Dataset``; and, at 200k
  quads, pyoxigraph's one-transaction ``load`` against ``Store.bulk_load``;
- every ``queries/*.rq``: p50 on the persisted store written like ``build`` writes it (one
  transaction per document; opened read-only, as ``query`` and ``serve`` do), on a bulk-loaded
  store, on the first after ``optimize()`` (RocksDB compaction), and in memory; baseline:
  the same query with the same bound terms on rdflib's ``Dataset(default_union=True)``, run once
  with a time cap (a capped baseline makes the ratio a lower bound, marked ``>=``).
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.harness import ChildRun, Context, Measurement, in_child, stats
from bench.queries import LOOKUP_GOAL_S, WHOLE_GRAPH_GOAL_S, is_lookup, library, parameters
from bench.synth import GraphShape, SyntheticGraph, docs_for_triples, write_nquads

__all__ = ["generate", "run"]

BASELINE_CAP_S = 20.0
QUERY_TIMEOUT_S = 60.0
SLOW_S = 10.0
"""A query slower than this cold is timed once only."""


def generate(ctx: Context) -> SyntheticGraph:
    """The benchmark graph: 1M triples (quick: 20k), ~27 entities per 40 mentions."""
    triples = 20_000 if ctx.quick else 1_000_000
    docs = docs_for_triples(triples)
    shape = GraphShape(documents=docs, entities=max(200, docs * 28))
    return write_nquads(shape, ctx.work / f"graph-{triples}.nq")


# -- child-process bodies (module level so they can be pickled) --------------------------------


def _load(nquads: str, folder: str | None, method: str) -> int:
    """Load ``nquads``; returns the number of quads in named graphs.

    ``per-document`` and ``bulk`` go through ``beleidsgraaf.graph.store.Store`` (so they include
    maintaining / deriving the union default graph, as ``build`` and a dump restore do);
    ``transaction`` is pyoxigraph's own one-transaction ``load`` of the whole file.
    """
    import pyoxigraph as ox

    from beleidsgraaf.graph.store import Store

    if method == "transaction":
        raw = ox.Store(folder) if folder else ox.Store()
        raw.load(path=nquads, format=ox.RdfFormat.N_QUADS)
        raw.flush()
        return len(raw)
    with Store(Path(folder) if folder else None) as store:
        if method == "bulk":
            store.bulk_load(Path(nquads))
        else:
            for chunk in _graph_chunks(nquads):
                quads = list(ox.parse(chunk, format=ox.RdfFormat.N_QUADS))
                store.replace_graph(quads[0].graph_name.value, (q.triple for q in quads))
        return len(store)


def _graph_chunks(nquads: str) -> Iterator[str]:
    """The N-Quads of each named graph in turn (the generator writes graphs contiguously).

    One ``Store.replace_graph`` per chunk is one transaction per document, as
    ``Store.write_extraction`` does.
    """
    current = ""
    lines: list[str] = []
    with Path(nquads).open(encoding="utf-8") as fh:
        for line in fh:
            graph = line[line.rfind("<", 0, line.rfind(">")) :]
            if graph != current and lines:
                yield "".join(lines)
                lines = []
            current = graph
            lines.append(line)
    if lines:
        yield "".join(lines)


def _time_queries(
    source: Any, jobs: list[tuple[str, dict[str, str]]], runs: int
) -> dict[str, dict[str, Any]]:
    from beleidsgraaf.errors import QueryError
    from beleidsgraaf.queries.library import run_query

    queries = library()
    out: dict[str, dict[str, Any]] = {}
    for name, values in jobs:
        times: list[float] = []
        rows = 0
        cold = 0.0
        try:
            for i in range(runs + 1):
                start = time.perf_counter()
                result = run_query(source, queries[name], values, timeout=QUERY_TIMEOUT_S)
                elapsed = time.perf_counter() - start
                rows = len(result.rows)
                if i == 0:
                    cold = elapsed
                    if cold > SLOW_S:  # one slow run says enough; do not spend minutes on it
                        times.append(elapsed)
                        break
                else:
                    times.append(elapsed)
            out[name] = {"times": times, "cold": cold, "rows": rows}
        except QueryError as exc:
            out[name] = {"error": str(exc)}
    return out


def _query_oxigraph(
    folder: str | None,
    nquads: str,
    jobs: list[tuple[str, dict[str, str]]],
    runs: int,
    optimize: bool,
) -> dict[str, dict[str, Any]]:

    from beleidsgraaf.graph.store import Store

    if folder is None:
        store = Store(None)
        store.bulk_load(Path(nquads))
    elif optimize:
        store = Store(Path(folder))
        store.oxigraph.optimize()
    else:
        store = Store(Path(folder), read_only=True)
    with store:
        return _time_queries(store, jobs, runs)


class _CappedError(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _CappedError


def _query_rdflib(
    nquads: str, jobs: list[tuple[str, dict[str, str]]], cap: float
) -> dict[str, Any]:
    """Parse into rdflib's in-memory Dataset, then run each query once, capped at ``cap`` s."""
    from rdflib import Dataset, Literal, URIRef

    from beleidsgraaf.graph.store import Store
    from beleidsgraaf.queries.library import bind

    start = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(nquads, format="nquads")
    parse_seconds = time.perf_counter() - start
    quads = sum(len(g) for g in ds.graphs())
    queries = library()
    empty = Store(None)  # bind() only needs a source for label lookups; we pass IRIs
    signal.signal(signal.SIGALRM, _alarm)
    out: dict[str, dict[str, Any]] = {}
    for name, values in jobs:
        terms = bind(empty, queries[name], values)
        init = {
            k: URIRef(v.value) if type(v).__name__ == "NamedNode" else Literal(v.value)
            for k, v in terms.items()
        }
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, cap)
        try:
            rows = len(list(ds.query(queries[name].text, initBindings=init)))
            out[name] = {"seconds": time.perf_counter() - start, "rows": rows, "capped": False}
        except _CappedError:
            out[name] = {"seconds": cap, "capped": True}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return {"parse_seconds": parse_seconds, "quads": quads, "queries": out}


# -- the area ----------------------------------------------------------------------------------


def _p50(run: dict[str, Any], key: str = "times") -> str:
    if key not in run:
        return "error"
    return f"{stats(run[key]).median * 1000:.1f} ms"


def _size(quads: int) -> str:
    return f"{quads / 1e6:.2f}M quads" if quads >= 100_000 else f"{quads:,} quads"


def _loads(
    ctx: Context, nq: str, folder_name: str | None, method: str, runs: int
) -> tuple[list[float], float, int]:
    times, peaks, n = [], [], 0
    for _ in range(runs):
        folder = str(ctx.folder(folder_name)) if folder_name else None
        child = in_child(_load, nq, folder, method)
        times.append(child.seconds)
        peaks.append(child.peak_rss_mb)
        n = child.value
    return times, max(peaks), n


def _load_measurements(ctx: Context, graph: SyntheticGraph, base: ChildRun) -> list[Measurement]:
    """bulk_load on disk and in memory against rdflib's parse (``base``), on the big graph."""
    nq = str(graph.path)
    runs = ctx.runs if ctx.quick else 2
    parse_s = base.value["parse_seconds"]
    base_stats = stats([parse_s]).inverted(base.value["quads"])
    results = []
    for label, folder_name, method in (
        ("disk, one transaction per document (as build writes)", "store-build", "per-document"),
        ("disk, Store.bulk_load (+ deriving the default graph)", "store-disk", "bulk"),
        ("memory, Store.bulk_load (+ deriving the default graph)", None, "bulk"),
    ):
        times, peak, n = _loads(ctx, nq, folder_name, method, runs)
        t = stats(times)
        results.append(
            Measurement(
                "store",
                f"load {_size(n)}, {label}",
                "quads/s",
                t.inverted(n),
                baseline=base_stats,
                baseline_name="rdflib Dataset parse",
                ratio=parse_s / t.median,
                peak_rss_mb=peak,
                notes=f"rdflib parse {parse_s:.0f} s; rdflib child peak (parse + queries) "
                f"{base.peak_rss_mb:,.0f} MiB",
            )
        )
    return results


def _transaction_measurement(ctx: Context) -> Measurement:
    """Transactional ``Store.load`` against ``bulk_load``, on disk, at a size where it finishes.

    Transactional loading grows faster than linearly with the size of one transaction (measured
    here: 100k quads 6.6 s, 200k 21 s), so it is compared at 200k quads, not 1M.
    """
    triples = 5_000 if ctx.quick else 200_000
    docs = docs_for_triples(triples)
    graph = write_nquads(
        GraphShape(documents=docs, entities=docs * 28), ctx.work / f"graph-{triples}.nq"
    )
    nq = str(graph.path)
    runs = ctx.runs if ctx.quick else 2
    bulk, _, _ = _loads(ctx, nq, "store-bulk-small", "bulk", runs)
    times, peak, n = _loads(ctx, nq, "store-transactional", "transaction", runs)
    t, b = stats(times), stats(bulk)
    return Measurement(
        "store",
        f"load {_size(n)}, disk, transactional load",
        "quads/s",
        t.inverted(n),
        baseline=b.inverted(n),
        baseline_name="bulk_load, same data",
        ratio=b.median / t.median,
        peak_rss_mb=peak,
        notes="one transaction for the whole file (what Store.load does)",
    )


def run(ctx: Context) -> list[Measurement]:
    graph = generate(ctx)
    nq = str(graph.path)
    jobs = [(name, parameters(q, graph)) for name, q in library().items()]
    cap = 5.0 if ctx.quick else BASELINE_CAP_S
    rdflib_run = in_child(_query_rdflib, nq, jobs, cap)
    results = _load_measurements(ctx, graph, rdflib_run)
    results.append(_transaction_measurement(ctx))

    queries = library()
    built = str(ctx.work / "store-build")
    on_disk = in_child(_query_oxigraph, built, nq, jobs, ctx.runs, False).value
    bulk = in_child(_query_oxigraph, str(ctx.work / "store-disk"), nq, jobs, ctx.runs, False).value
    in_memory = in_child(_query_oxigraph, None, nq, jobs, ctx.runs, False).value
    optimized = in_child(_query_oxigraph, built, nq, jobs, ctx.runs, True).value
    baseline = rdflib_run.value["queries"]
    for name, q in queries.items():
        d, m, o, b = on_disk[name], in_memory[name], optimized[name], baseline[name]
        k = bulk[name]
        if "error" in d:
            results.append(
                Measurement(
                    "store", f"query {name}", "ms", stats([0.0]), met=False, notes=d["error"]
                )
            )
            continue
        value = stats(d["times"]).scaled(1000)
        goal_s = LOOKUP_GOAL_S if is_lookup(q) else WHOLE_GRAPH_GOAL_S
        ratio = b["seconds"] / (value.median / 1000)
        bound = ">=" if b["capped"] else ""
        notes = (
            f"{d['rows']} rows; cold {d['cold'] * 1000:.0f} ms; p50 in memory "
            f"{_p50(m)}, bulk-loaded disk {_p50(k)}, after optimize() {_p50(o)}"
            + "; baseline "
            + (
                f"capped at {cap:g} s (ratio is a lower bound)"
                if b["capped"]
                else f"{b['rows']} rows"
            )
        )
        results.append(
            Measurement(
                "store",
                f"query {name} ({'lookup' if is_lookup(q) else 'whole graph'}), disk",
                "ms",
                value,
                baseline=stats([b["seconds"] * 1000]),
                baseline_name=f"rdflib Dataset{' (capped)' if bound else ''}",
                ratio=ratio,
                goal=f">= 20x; p50 <= {goal_s * 1000:g} ms",
                met=ratio >= 20 and value.median <= goal_s * 1000,
                notes=notes,
                extra={
                    "memory_ms": [t * 1000 for t in m.get("times", [])],
                    "bulk_loaded_ms": [t * 1000 for t in k.get("times", [])],
                    "optimized_ms": [t * 1000 for t in o.get("times", [])],
                    "baseline_capped": b["capped"],
                },
            )
        )
    return results
