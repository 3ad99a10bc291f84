"""The same push and queries against Virtuoso (Debian's ``virtuoso-opensource``), on loopback.

Skipped when ``virtuoso-t`` is absent locally; in CI (``$CI`` set) its absence is a failure,
because ``.ci/run`` installs the package. Two instances: a small one from our own ini for the
sample graph, and one from the package's own ``/etc/virtuoso-opensource-7/virtuoso.ini`` (only
paths and ports changed) on which ``queries/README.md``'s Virtuoso commands are run as written.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from qhelpers import free_port, wait_for
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.graph.push import push
from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.endpoint import Endpoint
from beleidsgraaf.queries.library import check_expected, comparable_rows, load_library, run_query

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


DEBIAN_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
README = Path(__file__).resolve().parents[2] / "queries" / "README.md"
COUNT_OURS = (
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
    "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/beleidsgraaf/')) }"
)


def _binaries() -> tuple[str, str]:
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if not binary or not isql:
        if os.environ.get("CI"):
            pytest.fail("virtuoso-t is missing in CI: apt-get install virtuoso-opensource")
        pytest.skip("Debian's virtuoso-opensource is not installed")
    return binary, isql


@contextmanager
def _running_virtuoso(folder: Path, ini_text: str, http_port: int) -> Iterator[str]:
    """Start ``virtuoso-t`` on ``ini_text``; yield its SPARQL URL; stop it by its pid."""
    binary, _ = _binaries()
    ini = folder / "virtuoso.ini"
    ini.write_text(ini_text, encoding="utf-8")
    proc = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        wait_for(url + "?query=ASK%7B%7D", seconds=120)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


def _grant_updates(isql_port: int) -> None:
    """The anonymous SPARQL account may update: a throw-away loopback instance."""
    _, isql = _binaries()
    subprocess.run(
        [isql, f"127.0.0.1:{isql_port}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
        check=True,
        capture_output=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _binaries()
    folder = tmp_path_factory.mktemp("virtuoso")
    isql_port, http_port = free_port(), free_port()
    text = _INI.format(d=folder, isql=isql_port, http=http_port)
    with _running_virtuoso(folder, text, http_port) as url:
        _grant_updates(isql_port)
        yield url


def _debian_ini(folder: Path, isql_port: int, http_port: int) -> str:
    """The package's own configuration with only its paths and ports changed."""
    text = DEBIAN_INI.read_text(encoding="utf-8")
    text = text.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/")
    text = re.sub(r"(?m)^(ServerPort\s*=\s*)1111\b", rf"\g<1>127.0.0.1:{isql_port}", text)
    return re.sub(r"(?m)^(ServerPort\s*=\s*)8890\b", rf"\g<1>127.0.0.1:{http_port}", text)


def _readme_virtuoso_commands() -> list[str]:
    """The command lines of the Virtuoso block in ``queries/README.md``."""
    section = README.read_text(encoding="utf-8").split("### Virtuoso", 1)[1]
    block = re.search(r"```sh\n(.+?)\n```", section, re.S)
    assert block, "queries/README.md has no Virtuoso sh block"
    return [line.split("#", 1)[0].strip() for line in block.group(1).splitlines()]


@pytest.mark.slow
def test_the_readme_virtuoso_commands_work_as_written_on_the_demo_corpus(
    demo_store_path: Path, tmp_path: Path
) -> None:
    """Debian's default Virtuoso refuses an update of a few thousand triples (SP030 'memory
    exhausted', SP031 'length of generated SQL text'): push must adapt, with no option."""
    if not DEBIAN_INI.is_file():
        _binaries()
        pytest.skip(f"{DEBIAN_INI} is missing")
    commands = _readme_virtuoso_commands()
    start, grant, push_line, query_line = commands
    assert start.startswith("virtuoso-t ") and str(DEBIAN_INI) in start
    assert grant.startswith("isql-vt 1111 dba <password>")
    isql_port, http_port = free_port(), free_port()
    ini = _debian_ini(tmp_path, isql_port, http_port)
    with _running_virtuoso(tmp_path, ini, http_port) as url:
        grant_args = shlex.split(
            grant.replace("1111", f"127.0.0.1:{isql_port}").replace("<password>", "dba")
        )
        subprocess.run(grant_args, check=True, capture_output=True, timeout=60)
        runner = CliRunner()
        for line in (push_line, query_line):
            args = shlex.split(line.replace("http://server:8890/sparql", url))
            assert args[0] == "beleidsgraaf"
            result = runner.invoke(app, ["--store", str(demo_store_path), *args[1:]])
            assert result.exit_code == 0, (line, result.output)
            if args[1] == "push":
                assert "dropped 0 old graphs" in result.output
            else:
                assert len(result.output.splitlines()) > 3, result.output
        with Store(demo_store_path, read_only=True) as store:
            local = len(store)
        assert Endpoint(url).query(COUNT_OURS).as_python() == [{"n": str(local)}]


def test_push_and_every_query_on_virtuoso(sample_store: Store, virtuoso: str) -> None:
    remote = Endpoint(virtuoso)
    report = push(sample_store, remote)
    assert report.graphs == 4
    assert check_expected(remote) == []
    for name, query in load_library().items():
        here = run_query(sample_store, query, query.examples)
        there = run_query(remote, query, query.examples)
        assert comparable_rows(here) == comparable_rows(there), name
    # a second push replaces, never duplicates
    before = remote.query(COUNT_OURS).as_python()
    push(sample_store, remote)
    assert remote.query(COUNT_OURS).as_python() == before == [{"n": str(len(sample_store))}]


def test_hostile_parameters_on_virtuoso(sample_store: Store, virtuoso: str) -> None:
    remote = Endpoint(virtuoso)
    push(sample_store, remote)
    query = load_library()["documents-mentioning"]
    rows = run_query(remote, query, {"entity": 'Bedrijf "Quote} ; DROP ALL"'}).as_python()
    assert rows and all("DROP ALL" in r["sentence"] for r in rows)
    assert remote.query("ASK { ?s ?p ?o }").boolean is not False
