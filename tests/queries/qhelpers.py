"""Helpers for the query tests: free ports, waiting for servers, the sample store, ``serve``."""

from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.sample import sample_extractions, sample_vocabulary
from beleidsgraaf.queries.server import ServerConfig, SparqlServer, make_server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def build_sample(path: Path) -> Path:
    with Store(path) as store:
        for extraction in sample_extractions():
            store.write_extraction(extraction)
        store.load_vocabulary(sample_vocabulary())
    return path


def oxigraph_binary() -> str:
    path = Path(sys.executable).parent / "oxigraph"
    found = str(path) if path.exists() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the oxigraph server (PyPI 'oxigraph', a dev dependency) is not installed")
    return found


def start_serve(store_path: Path, **options: object) -> tuple[SparqlServer, threading.Thread]:
    """``serve`` on loopback in this process (its query workers are processes of their own)."""
    options.setdefault("workers", 2)
    server = make_server(store_path, ServerConfig(port=0, **options))  # type: ignore[arg-type]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread
