"""Issue 21, points 1-7: requests that crashed or abused ``serve``, and the client's credentials.

Each runs the real command on loopback (``endpoint_helpers``) and checks the attack is answered
with one clean error while the server goes on: a query nested 5,300 deep (segfault before),
SERVICE to a local port (request forgery before), a foreign Host or Origin (DNS rebinding and
cross-site POSTs), lying Content-Lengths (a cap bypass and a traceback), timed-out queries
(they went on using CPU and memory, and held every slot), a redirect to another host (the Basic
credentials went along), and ``serve --allow-updates`` (the config loader refused its token).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psutil
import pytest
from endpoint_helpers import Serving, raw, sample_store, serving, status_of
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.queries.endpoint import Endpoint

NESTED = "ASK { FILTER(" + "(" * 5300 + "1" + ")" * 5300 + ") }"
TOKEN = "a-token-of-enough-length-21"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("attacks") / "store")


@pytest.fixture(scope="module")
def served(store: Path) -> Iterator[Serving]:
    with serving(store, "--workers", "2", "--timeout", "10") as server:
        yield server
        assert server.process.poll() is None, "serve died"
        assert "Traceback" not in server.errors()


def _get(port: int, target: str, headers: str = "", host: str | None = None) -> bytes:
    host = host or f"127.0.0.1:{port}"
    request = f"GET {target} HTTP/1.1\r\nHost: {host}\r\n{headers}Connection: close\r\n\r\n"
    return raw(port, request.encode())


def _ask_ok(server: Serving) -> None:
    answer = _get(server.port, "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"}))
    assert status_of(answer) == 200, answer[:300]
    assert json.loads(answer.split(b"\r\n\r\n", 1)[1])["boolean"] is True


# -- 1. nesting ----------------------------------------------------------------------------------


def test_deep_nesting_gets_a_clean_400_in_serve_and_query(served: Serving, store: Path) -> None:
    target = "/sparql?" + urllib.parse.urlencode({"query": NESTED})
    assert len(target) > 30_000
    answer = _get(served.port, target)
    assert status_of(answer) == 400 and b"nests brackets more than 64 deep" in answer
    body = NESTED.encode()
    post = (
        f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n"
        f"Content-Type: application/sparql-query\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    assert status_of(raw(served.port, post + body)) == 400
    _ask_ok(served)
    rq = store.parent / "nested.rq"
    rq.write_text(NESTED, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "beleidsgraaf", "--store", str(store), "query", "--file", str(rq)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1, (run.returncode, run.stderr[-300:])
    assert "nests brackets" in run.stderr and "Traceback" not in run.stderr


# -- 2. SERVICE ----------------------------------------------------------------------------------


def test_service_is_refused_and_no_request_leaves(served: Serving) -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(1.0)
    port = listener.getsockname()[1]
    with listener:
        for query in [
            f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
            f"select * {{ ?a ?b ?c .service silent <http://127.0.0.1:{port}/>{{}} }}",
            f"PREFIX l: <http://127.0.0.1:{port}/>\nSELECT * {{ # SERVICE\n SeRvIcE l:x {{}} }}",
        ]:
            answer = _get(served.port, "/sparql?" + urllib.parse.urlencode({"query": query}))
            assert status_of(answer) == 400 and b"SERVICE (federated query)" in answer
        with pytest.raises(TimeoutError):
            listener.accept()  # nobody called
    # the word in a string, an IRI or a variable is just data
    harmless = 'SELECT ?service WHERE { BIND("SERVICE <http://x/>" AS ?service) }'
    answer = _get(served.port, "/sparql?" + urllib.parse.urlencode({"query": harmless}))
    assert status_of(answer) == 200


# -- 3. Host and Origin --------------------------------------------------------------------------


def test_foreign_host_and_cross_origin_requests_are_refused(served: Serving) -> None:
    ask = "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"})
    rebound = _get(served.port, ask, host="attacker.example")
    assert status_of(rebound) == 403 and b"not this server's name" in rebound
    form = b"query=ASK+%7B%7D"
    cross = (
        f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n"
        "Origin: https://evil.example\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(form)}\r\nConnection: close\r\n\r\n"
    ).encode()
    assert status_of(raw(served.port, cross + form)) == 403
    other_port = _get(served.port, ask, f"Origin: http://127.0.0.1:{served.port + 1}\r\n")
    assert status_of(other_port) == 403
    assert status_of(_get(served.port, ask, "Sec-Fetch-Site: cross-site\r\n")) == 403
    # the bundled page, same origin, still works
    same = _get(served.port, ask, f"Origin: http://127.0.0.1:{served.port}\r\n")
    assert status_of(same) == 200
    assert status_of(_get(served.port, ask, "Sec-Fetch-Site: same-origin\r\n")) == 200
    localhost = _get(served.port, ask, host=f"localhost:{served.port}")
    assert status_of(localhost) == 200


def test_allow_host_names_the_public_name(store: Path) -> None:
    with serving(store, "--workers", "1", "--allow-host", "sparql.example.org") as server:
        ask = "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"})
        ok = _get(server.port, ask, host="sparql.example.org")
        assert status_of(ok) == 200


# -- 4. Content-Length ---------------------------------------------------------------------------


def _rss(server: Serving) -> int:
    process = psutil.Process(server.process.pid)
    return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)])


@pytest.mark.parametrize(
    ("length", "status"),
    [("-1", 400), ("abc", 400), ("1e3", 400), ("+5", 400), (str(2 << 20), 413), ("", 400)],
)
def test_content_length_is_validated(served: Serving, length: str, status: int) -> None:
    before = _rss(served)
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n"
        f"Content-Type: application/sparql-query\r\nContent-Length: {length}\r\n\r\n"
    ).encode()
    answer = raw(served.port, head, then=b"x" * (20 << 20))  # 20 MB that must not be read
    assert status_of(answer) == status, answer[:200]
    assert _rss(served) - before < 15 << 20
    _ask_ok(served)


def test_other_body_framing_is_refused(served: Serving) -> None:
    base = f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n"
    base += "Content-Type: application/sparql-query\r\n"
    two = base + "Content-Length: 6\r\nContent-Length: 7\r\n\r\nASK {}"
    assert status_of(raw(served.port, two.encode())) == 400
    chunked = base + "Transfer-Encoding: chunked\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n"
    assert status_of(raw(served.port, chunked.encode())) == 411
    assert status_of(raw(served.port, (base + "\r\n").encode())) == 411


# -- 5. time limits really stop a query ---------------------------------------------------------


def test_a_timed_out_query_stops_using_cpu_and_memory(store: Path) -> None:
    """Two runaway queries (a GROUP_CONCAT over a cartesian product grows ~40 MB/s) on a server
    with two slots: both get 503 at the limit, their memory is returned, the CPU goes idle and a
    trivial ASK is answered at once (before: 'server busy' for over a minute)."""
    runaway = "SELECT (GROUP_CONCAT(STR(?o)) AS ?x) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?o }"
    target = "/sparql?" + urllib.parse.urlencode({"query": runaway})
    with serving(store, "--workers", "2", "--timeout", "2") as server:
        baseline = _rss(server)
        answers: list[bytes] = []
        threads = [
            threading.Thread(target=lambda: answers.append(_get(server.port, target)))
            for _ in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert [status_of(a) for a in answers] == [503, 503]
        started = time.monotonic()
        _ask_ok(server)
        assert time.monotonic() - started < 5
        tree = psutil.Process(server.process.pid)
        processes = [tree, *tree.children(recursive=True)]
        cpu = sum(sum(p.cpu_times()[:2]) for p in processes)
        time.sleep(3)
        later = [tree, *tree.children(recursive=True)]
        cpu_after = sum(sum(p.cpu_times()[:2]) for p in later if p in processes)
        assert cpu_after - cpu < 0.3, f"something still computes ({cpu_after - cpu:.2f} s CPU)"
        assert _rss(server) < baseline + (100 << 20)
        assert b"timed out after 2 s and was stopped" in answers[0]


# -- 6. credentials and redirects ---------------------------------------------------------------


class _Recorder(BaseHTTPRequestHandler):
    """Answers every request with one ASK result and notes who sent credentials where."""

    seen: list[tuple[str, str | None]]
    redirect_to: str | None = None

    def log_message(self, format: str, *args: object) -> None:
        return

    def _answer(self) -> None:
        self.seen.append((self.path, self.headers.get("Authorization")))
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        if self.path == "/moved" and self.redirect_to:
            self.send_response(302)
            self.send_header("Location", self.redirect_to)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b'{"head":{},"boolean":true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = _answer  # noqa: N815 (http.server's naming)
    do_POST = _answer  # noqa: N815


def _recorder(redirect_to: str | None = None) -> tuple[ThreadingHTTPServer, list]:
    seen: list[tuple[str, str | None]] = []
    handler = type("Handler", (_Recorder,), {"seen": seen, "redirect_to": redirect_to})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, seen


def test_credentials_never_follow_a_redirect_to_another_host(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other, other_seen = _recorder()
    elsewhere = f"http://localhost:{other.server_address[1]}/sparql"
    first, first_seen = _recorder(redirect_to=elsewhere)
    home, home_seen = _recorder(redirect_to="/sparql")
    try:
        rq = tmp_path / "ask.rq"
        rq.write_text("ASK {}\n", encoding="utf-8")
        monkeypatch.setenv("BELEIDSGRAAF_ENDPOINT_PASSWORD", "secret")
        url = f"http://127.0.0.1:{first.server_address[1]}/moved"
        result = CliRunner().invoke(
            app, ["query", "--file", str(rq), "--endpoint", url, "--user", "analyst"]
        )
        assert result.exit_code == 0, result.output
        assert first_seen[0][1] is not None  # sent to the host it was given for
        assert other_seen == [("/sparql", None)]  # and not to the one it was sent on to
        # a redirect within the same origin keeps them
        same = Endpoint(
            f"http://127.0.0.1:{home.server_address[1]}/moved", user="analyst", password="s"
        )
        assert same.query("ASK {}").boolean is True
        assert [auth is not None for _, auth in home_seen] == [True, True]
    finally:
        for server in (other, first, home):
            server.shutdown()
            server.server_close()


# -- 7. serve --allow-updates from the CLI -------------------------------------------------------


def test_serve_allow_updates_works_with_its_token_variable(tmp_path: Path) -> None:
    store = sample_store(tmp_path / "store")
    env = {"BELEIDSGRAAF_UPDATE_TOKEN": TOKEN}
    with serving(store, "--allow-updates", env=env) as server:
        insert = b"INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> 'c' } }"
        head = (
            f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
            f"Content-Type: application/sparql-update\r\nAuthorization: Bearer {TOKEN}\r\n"
            "Connection: close\r\n"
        )
        sent = raw(server.port, f"{head}Content-Length: {len(insert)}\r\n\r\n".encode() + insert)
        assert status_of(sent) == 204, sent
        ask = urllib.parse.urlencode({"query": "ASK { <http://e/a> ?p ?o }"})
        answer = _get(server.port, "/sparql?" + ask)
        assert json.loads(answer.split(b"\r\n\r\n", 1)[1])["boolean"] is True
        load = b"LOAD <http://127.0.0.1:9/x>"
        refused = raw(server.port, f"{head}Content-Length: {len(load)}\r\n\r\n".encode() + load)
        assert status_of(refused) == 400 and b"LOAD" in refused
