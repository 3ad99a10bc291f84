"""Fixtures: the sample store on disk, a real Oxigraph server, a real ``serve`` on loopback."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from qhelpers import build_sample, free_port, oxigraph_binary, start_serve, wait_for

from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.server import SparqlServer


@pytest.fixture(scope="session")
def sample_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample graph in an on-disk store (open it read-only in tests)."""
    return build_sample(tmp_path_factory.mktemp("sample") / "store")


@pytest.fixture(scope="session")
def sample_store(sample_store_path: Path) -> Iterator[Store]:
    with Store(sample_store_path, read_only=True) as store:
        yield store


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A real Oxigraph server on a free loopback port (union default graph); stopped by pid."""
    yield from _oxigraph(tmp_path, "--union-default-graph")


@pytest.fixture
def plain_oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A real Oxigraph server whose default graph is its own (for ``push(union_default=True)``)."""
    yield from _oxigraph(tmp_path)


def _oxigraph(tmp_path: Path, *flags: str) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            oxigraph_binary(),
            "serve",
            "--location",
            str(tmp_path / "oxigraph"),
            "--bind",
            f"127.0.0.1:{port}",
            *flags,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url + "/query?query=ASK%7B%7D")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture
def served(sample_store_path: Path) -> Iterator[SparqlServer]:
    """``serve`` on the sample store (read-only, no update token)."""
    server, thread = start_serve(sample_store_path, timeout=10.0)
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
