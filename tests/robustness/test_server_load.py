"""``beleidsgraaf serve`` survives 50 concurrent clients for 30 s on loopback without an error.

The server is the real command in its own process (so the clients' threads do not share its
GIL); 50 client threads each send library queries in a loop (bounded: one request in flight per
client, 30 s). Latency p50/p99 and the error count are printed and recorded as test properties;
no speed is asserted, only that every request got a correct answer.
"""

from __future__ import annotations

import json
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.sample import sample_extractions, sample_vocabulary

CLIENTS = 50
SECONDS = 30.0
REQUESTS = [
    ("/api/queries/programmes-by-participants", 2),
    ("/api/queries/organisations-in-programme?programme=Vakkracht", 5),
    ("/api/queries/counts-per-type-per-document", 11),
    ("/sparql?" + urllib.parse.urlencode({"query": "SELECT ?s WHERE { ?s a ?t } LIMIT 7"}), 7),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_fifty_clients_for_thirty_seconds(
    tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    store_path = tmp_path / "store"
    with Store(store_path) as store:
        for extraction in sample_extractions():
            store.write_extraction(extraction)
        store.load_vocabulary(sample_vocabulary())
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "beleidsgraaf",
            "--store",
            str(store_path),
            "serve",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/api/queries", timeout=2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.1)

        stop = time.monotonic() + SECONDS

        def client(number: int) -> None:
            i = number
            while time.monotonic() < stop:
                path, rows = REQUESTS[i % len(REQUESTS)]
                i += 1
                started = time.perf_counter()
                try:
                    with urllib.request.urlopen(base + path, timeout=30) as response:
                        data = json.loads(response.read())
                    got = len(data["results"]["bindings"])
                    problem = None if got == rows else f"{path}: {got} rows, expected {rows}"
                except (OSError, ValueError, KeyError) as exc:
                    problem = f"{path}: {exc}"
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    if problem:
                        errors.append(problem)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=SECONDS + 60)
        assert proc.poll() is None, "serve died under load"
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    quantiles = statistics.quantiles(latencies, n=100)
    p50, p99 = quantiles[49] * 1000, quantiles[98] * 1000
    summary = f"{len(latencies)} requests, p50 {p50:.1f} ms, p99 {p99:.1f} ms, {len(errors)} errors"
    print(summary)
    record_property("serve_load", summary)
    assert errors == [], errors[:5]
    assert len(latencies) > CLIENTS  # every client got answers, repeatedly
