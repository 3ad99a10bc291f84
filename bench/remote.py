"""Area 5: a local Oxigraph server -- push throughput and query latency over HTTP.

A fresh ``oxigraph serve`` (the venv's server binary; with ``--union-default-graph`` unless the push
maintains the union default graph itself) is started on a free 127.0.0.1 port for every push, so
each push writes into an empty server. Measured:

- ``beleidsgraaf.graph.push.push`` with SPARQL Update (default) and with the Graph Store
  Protocol, in triples per second; baseline: one raw HTTP POST of the same data as N-Quads to the
  server's ``/store`` (the fastest way in; what the server itself can ingest);
- every library query over HTTP (``queries.endpoint.Endpoint``) against a server filled by
  ``push(union_default=True)``, p50; baseline: the same query on
  the same data in the embedded store, so the ratio is the cost of the network round-trip and
  result serialisation.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from bench.graphs import graph_with_entities, load_store
from bench.harness import Context, Measurement, NotMeasurableError, stats
from bench.queries import library, parameters

__all__ = ["oxigraph_server", "run"]

VENV_OXIGRAPH = Path(sys.executable).parent / "oxigraph"
"""The server the dev dependency 'oxigraph' installs next to the interpreter."""


def _oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or (str(VENV_OXIGRAPH) if VENV_OXIGRAPH.exists() else None)
    if found is None:
        raise NotMeasurableError("no `oxigraph` server binary (pip package 'oxigraph')")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def oxigraph_server(folder: Path, *, union: bool = True) -> Iterator[str]:
    """Run an Oxigraph server on ``folder``; yields its base URL; stops it afterwards.

    ``union=False`` starts it without ``--union-default-graph``, for a push that maintains the
    materialised union default graph itself (``push(union_default=True)``).
    """
    port = _free_port()
    process = subprocess.Popen(
        [
            _oxigraph_binary(),
            "serve",
            "--location",
            str(folder),
            "--bind",
            f"127.0.0.1:{port}",
            *(["--union-default-graph"] if union else []),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph server on port {port} did not start") from None
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _post_nquads(base: str, path: Path) -> None:
    request = urllib.request.Request(f"{base}/store", data=path.read_bytes(), method="POST")
    request.add_header("Content-Type", "application/n-quads")
    with urllib.request.urlopen(request, timeout=600) as response:
        response.read()


def run(ctx: Context) -> list[Measurement]:
    try:
        from beleidsgraaf.errors import EndpointError
        from beleidsgraaf.graph.push import push
        from beleidsgraaf.queries.endpoint import Endpoint
        from beleidsgraaf.queries.library import run_query
    except ImportError as exc:
        raise NotMeasurableError(
            f"push or the endpoint client is not available yet ({exc})"
        ) from exc
    _oxigraph_binary()
    graph = graph_with_entities(ctx.work, 300 if ctx.quick else 3000, seed=5)
    local = load_store(str(graph.path), str(ctx.folder("remote-local")))
    triples = len(local)
    results: list[Measurement] = []

    raw = []
    for _ in range(ctx.runs):
        with oxigraph_server(ctx.folder("remote-server")) as base:
            start = time.perf_counter()
            _post_nquads(base, graph.path)
            raw.append(time.perf_counter() - start)
    raw_rate = stats(raw).inverted(triples)
    for method, union_default in (("update", False), ("gsp", False), ("update", True)):
        times = []
        for _ in range(ctx.runs):
            with oxigraph_server(ctx.folder("remote-server"), union=not union_default) as base:
                endpoint = Endpoint(base)
                start = time.perf_counter()
                report = push(
                    local,
                    endpoint,
                    method=method,
                    graph_store_url=f"{base}/store",
                    union_default=union_default,
                )
                times.append(time.perf_counter() - start)
                assert report.triples == triples, (report.triples, triples)
        rate = stats(times).inverted(triples)
        how = f"{method}, maintaining the union default graph" if union_default else method
        results.append(
            Measurement(
                "remote",
                f"push, {how} ({triples:,} triples, {report.graphs} graphs)",
                "triples/s",
                rate,
                baseline=raw_rate,
                baseline_name="raw N-Quads POST /store",
                ratio=rate.median / raw_rate.median,
            )
        )

    queries = library()
    # the fast server set-up (queries/README.md): push maintains the materialised union default
    # graph; with --union-default-graph the server evaluates the union per query instead, which
    # made this phase too slow to finish (bench/analysis.md section 5)
    with oxigraph_server(ctx.folder("remote-server"), union=False) as base:
        endpoint = Endpoint(base)
        push(local, endpoint, union_default=True)
        for name, query in queries.items():
            values = parameters(query, graph)
            remote_times, local_times = [], []
            rows = 0
            for i in range(ctx.runs + 1):
                start = time.perf_counter()
                try:
                    result = run_query(endpoint, query, values)
                except EndpointError as exc:
                    results.append(
                        Measurement(
                            "remote",
                            f"query {name} over HTTP",
                            "ms",
                            stats([0.0]),
                            notes=f"FAILED: {exc}",
                        )
                    )
                    break
                elapsed = time.perf_counter() - start
                start = time.perf_counter()
                expected = run_query(local, query, values)
                local_elapsed = time.perf_counter() - start
                rows = len(result.rows)
                if len(expected.rows) != rows:
                    raise RuntimeError(
                        f"{name}: server gave {rows} rows, embedded store {len(expected.rows)}"
                    )
                if i:  # the first round warms both sides
                    remote_times.append(elapsed * 1000)
                    local_times.append(local_elapsed * 1000)
            if not remote_times:
                continue
            value, base_stats = stats(remote_times), stats(local_times)
            results.append(
                Measurement(
                    "remote",
                    f"query {name} over HTTP",
                    "ms",
                    value,
                    baseline=base_stats,
                    baseline_name="embedded store",
                    ratio=base_stats.median / value.median,
                    notes=f"{rows} rows",
                )
            )
    local.close()
    return results
