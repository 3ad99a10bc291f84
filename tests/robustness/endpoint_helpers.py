"""The real ``beleidsgraaf serve`` in a subprocess on loopback, and raw HTTP to it.

A subprocess, so a crash (the segfault of issue 21) shows as a dead process and a traceback as
text on its stderr; raw sockets, so requests no well-behaved client would send can be sent.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.sample import sample_extractions, sample_vocabulary


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def sample_store(path: Path) -> Path:
    with Store(path) as store:
        for extraction in sample_extractions():
            store.write_extraction(extraction)
        store.load_vocabulary(sample_vocabulary())
    return path


@dataclass
class Serving:
    process: subprocess.Popen[bytes]
    port: int
    stderr: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def errors(self) -> str:
        return self.stderr.read_text(encoding="utf-8", errors="replace")


@contextmanager
def serving(store: Path, *options: str, env: dict[str, str] | None = None) -> Iterator[Serving]:
    """``serve`` on the store until the block ends; stopped by its own pid."""
    port = free_port()
    log = store.parent / f"serve-{port}.log"
    with log.open("wb") as err:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "beleidsgraaf",
                "--store",
                str(store),
                "serve",
                "--port",
                str(port),
                *options,
            ],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env={**os.environ, **(env or {})},
        )
    served = Serving(process, port, log)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(served.url + "/api/queries", timeout=2).close()
                break
            except OSError:
                assert process.poll() is None, f"serve exited: {served.errors()}"
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.1)
        yield served
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def raw(port: int, data: bytes, *, timeout: float = 10.0, then: bytes = b"") -> bytes:
    """Send ``data`` (and then ``then``, as far as the server reads it); everything it answers
    until it closes the connection or ``timeout`` passes."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        if then:
            with contextlib.suppress(OSError):  # the server answered and closed: a refusal
                sock.sendall(then)
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except (TimeoutError, ConnectionResetError):
            pass
        return answer


def status_of(answer: bytes) -> int:
    """The status code of the first response in ``answer`` (0 when there is none)."""
    parts = answer.split(b" ", 2)
    if len(parts) >= 2 and parts[0].startswith(b"HTTP/1.") and parts[1].isdigit():
        return int(parts[1])
    return 0
