"""Remote SPARQL for real: push to an Oxigraph server, run every .rq there, compare with embedded.

Also the endpoint's failure modes, each a one-line EndpointError, against real sockets: nothing
listening, 401, 500, an HTML page, a server that never answers.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from qhelpers import build_sample, free_port

from beleidsgraaf.errors import EndpointError
from beleidsgraaf.graph.push import push
from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.endpoint import Endpoint
from beleidsgraaf.queries.library import check_expected, load_library, run_query
from beleidsgraaf.queries.sample import sample_extractions
from beleidsgraaf.queries.server import SparqlServer


def _graph_sizes(endpoint: Endpoint) -> dict[str, int]:
    rows = endpoint.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {r["g"].value: int(r["n"].value) for r in rows.rows}


def test_push_then_every_query_matches_the_embedded_store(
    sample_store: Store, oxigraph_server: str
) -> None:
    remote = Endpoint(oxigraph_server)
    report = push(sample_store, remote)
    assert report.graphs == 4 and report.triples == len(sample_store)
    for name, query in load_library().items():
        here = run_query(sample_store, query, query.examples)
        there = run_query(remote, query, query.examples)
        assert here.rows and sorted(map(repr, here.rows)) == sorted(map(repr, there.rows)), name
    assert check_expected(remote) == []
    # pushing again changes nothing
    before = _graph_sizes(remote)
    push(sample_store, remote)
    assert _graph_sizes(remote) == before


def test_repush_replaces_a_changed_document(tmp_path: Path, oxigraph_server: str) -> None:
    remote = Endpoint(oxigraph_server)
    with Store(build_sample(tmp_path / "store")) as store:
        push(store, remote)
        for extraction in sample_extractions(version=2):
            store.write_extraction(extraction)
        report = push(store, remote, method="gsp", graph_store_url=oxigraph_server + "/store")
        assert len(report.dropped) == 1
        local = {
            g: sum(1 for _ in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(g)))
            for g in store.graphs()
        }
    assert _graph_sizes(remote) == local


def _default_graph(endpoint: Endpoint) -> set[str]:
    rows = endpoint.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }").rows
    return {f"{r['s']} {r['p']} {r['o']}" for r in rows}


def _union_of_graphs(endpoint: Endpoint) -> set[str]:
    rows = endpoint.query("SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    return {f"{r['s']} {r['p']} {r['o']}" for r in rows}


def test_push_can_maintain_the_union_default_graph_on_the_server(
    tmp_path: Path, plain_oxigraph_server: str
) -> None:
    """No ``--union-default-graph`` on the server: push keeps its default graph the union, also
    when a changed document replaces its old version and when graphs are pruned; batched small
    graphs (chunk) and one graph split over several requests both keep it."""
    remote = Endpoint(plain_oxigraph_server)
    with Store(build_sample(tmp_path / "store")) as store:
        push(store, remote, union_default=True, batch=150)  # graphs split and batched
        assert _default_graph(remote) == _union_of_graphs(remote)
        for name, query in load_library().items():
            here = run_query(store, query, query.examples)
            there = run_query(remote, query, query.examples)
            assert sorted(map(repr, here.rows)) == sorted(map(repr, there.rows)), name
        for extraction in sample_extractions(version=2):
            store.write_extraction(extraction)
        store.remove_document(store.documents()[0].file_name)
        report = push(store, remote, union_default=True, prune=True)
        assert report.dropped and set(_graph_sizes(remote)) == set(store.graphs())
        assert _default_graph(remote) == _union_of_graphs(remote)
        assert check_expected(remote, dataset="sample") == check_expected(store, dataset="sample")


def test_serve_answers_like_the_embedded_store(served: SparqlServer) -> None:
    remote = Endpoint(served.url + "/sparql")
    assert check_expected(remote) == []


# -- failure modes ------------------------------------------------------------------------------


class _Misbehaving(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return

    def do_POST(self) -> None:
        path = self.path
        if path.startswith("/slow"):
            threading.Event().wait(5)
            return
        status, ctype, body = {
            "/401": (401, "text/plain", b"who are you"),
            "/500": (500, "text/plain", b"boom"),
            "/html": (200, "text/html", b"<!doctype html><html><body>Welcome!</body></html>"),
        }[path]
        self.send_response(status)
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="x"')
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def misbehaving() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Misbehaving)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/401", "401 unauthorised"),
        ("/500", "refused the request"),
        ("/html", "not SPARQL results (text/html"),
        ("/slow", "no answer within 1 s"),
    ],
)
def test_endpoint_failures_are_one_clear_line(misbehaving: str, path: str, message: str) -> None:
    endpoint = Endpoint(misbehaving + path, user="analyst", password="secret", timeout=1)
    with pytest.raises(EndpointError) as info:
        endpoint.query("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    text = str(info.value)
    assert message in text and "\n" not in text and (misbehaving + path) in text


def test_connection_refused_is_one_clear_line() -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(EndpointError, match="cannot connect") as info:
        Endpoint(url, timeout=2).query("ASK {}")
    assert "\n" not in str(info.value)


def test_cli_push_and_query_remote(sample_store_path: Path, oxigraph_server: str) -> None:
    from typer.testing import CliRunner

    from beleidsgraaf.cli import app

    runner = CliRunner()
    pushed = runner.invoke(
        app, ["--store", str(sample_store_path), "push", "--endpoint", oxigraph_server]
    )
    assert pushed.exit_code == 0, pushed.output
    assert pushed.output.startswith("pushed 4 graphs (505 triples)")
    remote = runner.invoke(
        app,
        [
            "--store",
            str(tmp_missing := sample_store_path.parent / "nowhere"),
            "query",
            "organisations-in-programme",
            "--param",
            "programme=Vakkracht",
            "--endpoint",
            oxigraph_server,
            "--format",
            "csv",
        ],
    )
    assert remote.exit_code == 0, remote.output
    assert not tmp_missing.exists()  # the remote query never touched a local store
    assert len(remote.output.splitlines()) == 6 and "Kennisnetwerk Maas" in remote.output


def test_cli_push_batch_size_is_settable(sample_store_path: Path, oxigraph_server: str) -> None:
    """``--batch-size`` bounds the triples of one update request (468 triples: 4 requests of at
    most 150, small graphs kept whole)."""
    from typer.testing import CliRunner

    from beleidsgraaf.cli import app

    args = ["push", "--endpoint", oxigraph_server, "--batch-size", "150"]
    pushed = CliRunner().invoke(app, ["--store", str(sample_store_path), *args])
    assert pushed.exit_code == 0, pushed.output
    requests = int(re.search(r" in (\d+) requests", pushed.output).group(1))  # type: ignore[union-attr]
    assert 468 / 150 <= requests <= 8, pushed.output
    with Store(sample_store_path, read_only=True) as store:
        local = {
            g: sum(1 for _ in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(g)))
            for g in store.graphs()
        }
    assert _graph_sizes(Endpoint(oxigraph_server)) == local
