"""``serve``: a read-only SPARQL endpoint, updates only with the token, the page, the out files."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from qhelpers import build_sample, free_port, start_serve, wait_for

from beleidsgraaf.errors import BeleidsgraafError
from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.server import SparqlServer

TOKEN = "t0ken-with-enough-entropy-42"
# into a named graph: the default graph is the union of the named graphs (graph.store)
INSERT = "INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> 'c' } }"


def _post(url: str, data: bytes, ctype: str, token: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, method="POST")
    request.add_header("Content-Type", ctype)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _get(url: str, accept: str = "") -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read()


def test_read_only_serve_refuses_updates(served: SparqlServer, sample_store: Store) -> None:
    before = len(sample_store)
    for body, ctype in [
        (INSERT.encode(), "application/sparql-update"),
        (urllib.parse.urlencode({"update": INSERT}).encode(), "application/x-www-form-urlencoded"),
    ]:
        status, text = _post(served.url + "/sparql", body, ctype, token=TOKEN)
        assert status == 403 and b"read-only" in text
    assert len(sample_store) == before
    assert served.server_address[0] == "127.0.0.1"


def _ask(url: str, query: str) -> bool:
    status, _, body = _get(url + "/sparql?" + urllib.parse.urlencode({"query": query}))
    assert status == 200, body
    return bool(json.loads(body)["boolean"])


def test_updates_need_the_right_token(tmp_path: Path) -> None:
    path = build_sample(tmp_path / "store")
    server, thread = start_serve(path, update_token=TOKEN)
    try:
        url = server.url + "/sparql"
        assert _post(url, INSERT.encode(), "application/sparql-update")[0] == 403
        assert _post(url, INSERT.encode(), "application/sparql-update", "wrong")[0] == 403
        assert not _ask(server.url, "ASK { <http://e/a> ?p ?o }")
        assert _post(url, INSERT.encode(), "application/sparql-update", TOKEN)[0] == 204
        assert _ask(server.url, "ASK { <http://e/a> ?p ?o }")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
    with Store(path, read_only=True) as store:  # written to the store, not just served
        assert store.query("ASK { <http://e/a> ?p ?o }").boolean
    with pytest.raises(BeleidsgraafError, match="at least 16 characters"):
        start_serve(path, update_token="short")


def test_protocol_forms_and_formats(served: SparqlServer) -> None:
    query = "SELECT ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l"
    status, ctype, body = _get(served.url + "/sparql?" + urllib.parse.urlencode({"query": query}))
    assert status == 200 and ctype == "application/sparql-results+json"
    labels = [b["l"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert "Programma Vakkracht" in labels
    status, ctype, body = _get(
        served.url + "/sparql?" + urllib.parse.urlencode({"query": query}), accept="text/csv"
    )
    assert ctype.startswith("text/csv") and body.decode().splitlines()[0] == "l"
    status, body = _post(served.url + "/sparql", b"SELECT * WHERE {", "application/sparql-query")
    assert status == 400 and b"malformed SPARQL" in body
    status, ctype, body = _get(
        served.url + "/api/queries/organisations-in-programme?programme=Vakkracht"
    )
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 5
    status, _, body = _get(served.url + "/api/queries/organisations-in-programme?programme=%22%7D")
    assert status == 400 and b"no entity with that name" in body


def test_limits_rows(sample_store_path: Path) -> None:
    server, thread = start_serve(sample_store_path, max_rows=10)
    try:
        query = urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})
        status, _, body = _get(server.url + "/sparql?" + query)
        assert status == 400 and b"more than 10 rows" in body
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def test_out_files_are_served_and_nothing_outside(sample_store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "map.html").write_text("<html>kaart</html>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("no", encoding="utf-8")
    server, thread = start_serve(sample_store_path, out=out)
    try:
        assert _get(server.url + "/out/map.html")[2] == b"<html>kaart</html>"
        assert _get(server.url + "/out/../secret.txt")[0] == 404
        assert _get(server.url + "/out/%2e%2e/secret.txt")[0] == 404
        assert _get(server.url + "/out/versnippering.html")[0] == 404
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def test_cli_serve_runs_until_stopped(sample_store_path: Path, tmp_path: Path) -> None:
    """The real command in a subprocess, on a copy (read-only openers share the lock)."""
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "beleidsgraaf",
            "--store",
            str(sample_store_path),
            "serve",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/api/queries")
        status, _, body = _get(f"http://127.0.0.1:{port}/")
        assert status == 200 and b'<script src="/app.js">' in body
        assert not re.search(rb'(src|href)="(https?:)?//', body), "the page must not need a CDN"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.browser
def test_query_page_runs_a_library_query_in_chromium(served: SparqlServer) -> None:
    """The bundled page works offline: pick a question, run it, read the table."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI")
        pytest.skip("Debian's chromium is not installed")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium)
        page = browser.new_page()
        outside: list[str] = []
        page.on(
            "request",
            lambda r: outside.append(r.url) if not r.url.startswith(served.url) else None,
        )
        page.goto(served.url + "/")
        page.wait_for_selector(
            "#named option[value='programmes-by-participants']", state="attached"
        )
        page.select_option("#named", "organisations-in-programme")
        page.fill("#params input[name='programme']", "Vakkracht")
        page.click("#run")
        page.wait_for_selector("#results tbody tr")
        rows = page.locator("#results tbody tr").count()
        text = page.inner_text("#results")
        browser.close()
    assert rows == 5 and "Kennisnetwerk Maas" in text
    assert outside == []


def test_a_slow_query_gets_503_and_the_server_keeps_answering(tmp_path: Path) -> None:
    with Store(tmp_path / "big") as store:
        p, g = ox.NamedNode("http://e/p"), ox.NamedNode("http://e/g")
        store.replace_graph(
            g.value,
            (ox.Triple(ox.NamedNode(f"http://e/{i}"), p, ox.Literal(str(i))) for i in range(3000)),
        )
    server, thread = start_serve(tmp_path / "big", timeout=0.5, workers=2)
    try:
        # seconds of work (9 million pairs): stopped at 0.5 s
        slow = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d }"})
        status, _, body = _get(server.url + "/sparql?" + slow)
        assert status == 503 and b"timed out after 0.5 s" in body
        # its worker was stopped; both slots answer again
        fast = urllib.parse.urlencode({"query": "ASK { <http://e/1> ?p ?o }"})
        for _ in range(3):
            status, _, body = _get(server.url + "/sparql?" + fast)
            assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--port", "99999"], "--port 99999: give 0 to 65535"),
        (["--timeout", "nan"], "time limit nan"),
        (["--timeout", "inf"], "time limit inf"),
        (["--max-rows", "0"], "--max-rows 0"),
        (["--workers", "0"], "--workers 0"),
        (["--allow-updates"], "BELEIDSGRAAF_UPDATE_TOKEN"),
    ],
)
def test_bad_serve_options_are_one_line(
    sample_store_path: Path, option: list[str], message: str
) -> None:
    from typer.testing import CliRunner

    from beleidsgraaf.cli import app

    result = CliRunner().invoke(
        app,
        ["--store", str(sample_store_path), "serve", *option],
        env={"BELEIDSGRAAF_UPDATE_TOKEN": "too-short"},
    )
    assert result.exit_code == 2 and message in result.output, result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
