"""The same push and queries against Virtuoso (Debian's ``virtuoso-opensource``), on loopback.

Skipped when ``virtuoso-t`` is absent locally; in CI (``$CI`` set) its absence is a failure,
because ``.ci/run`` installs the package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest
from qhelpers import free_port, wait_for

from beleidsgraaf.graph.push import push
from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.endpoint import Endpoint
from beleidsgraaf.queries.library import check_expected, load_library, run_query

pytestmark = pytest.mark.virtuoso

_INI = """\
[Database]
DatabaseFile = {d}/v.db
ErrorLogFile = {d}/v.log
LockFile = {d}/v.lck
TransactionFile = {d}/v.trx
xa_persistent_file = {d}/v.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/v-temp.db
TransactionFile = {d}/v-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{isql}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if not binary or not isql:
        if os.environ.get("CI"):
            pytest.fail("virtuoso-t is missing in CI: apt-get install virtuoso-opensource")
        pytest.skip("Debian's virtuoso-opensource is not installed")
    folder = tmp_path_factory.mktemp("virtuoso")
    isql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_INI.format(d=folder, isql=isql_port, http=http_port), encoding="utf-8")
    proc = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        wait_for(url + "?query=ASK%7B%7D", seconds=120)
        # the anonymous SPARQL account may update: a throw-away loopback instance
        subprocess.run(
            [isql, f"127.0.0.1:{isql_port}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
            check=True,
            capture_output=True,
            timeout=60,
        )
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


def test_push_and_every_query_on_virtuoso(sample_store: Store, virtuoso: str) -> None:
    remote = Endpoint(virtuoso)
    report = push(sample_store, remote)
    assert report.graphs == 4
    assert check_expected(remote) == []
    for name, query in load_library().items():
        here = run_query(sample_store, query, query.examples).as_python()
        there = run_query(remote, query, query.examples).as_python()
        assert sorted(map(str, here)) == sorted(map(str, there)), name
    # a second push replaces, never duplicates
    count = (
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/beleidsgraaf/')) }"
    )
    before = remote.query(count).as_python()
    push(sample_store, remote)
    assert remote.query(count).as_python() == before == [{"n": str(len(sample_store))}]


def test_hostile_parameters_on_virtuoso(sample_store: Store, virtuoso: str) -> None:
    remote = Endpoint(virtuoso)
    push(sample_store, remote)
    query = load_library()["documents-mentioning"]
    rows = run_query(remote, query, {"entity": 'Bedrijf "Quote} ; DROP ALL"'}).as_python()
    assert rows and all("DROP ALL" in r["sentence"] for r in rows)
    assert remote.query("ASK { ?s ?p ?o }").boolean is not False
