"""The store and the outputs (issue 21, points 18-21): a damaged store is one line that says how
to build it again; readers (``query``, ``serve``) never block a build, also on a read-only file
system; a store is never written into a folder of other files; outputs never replace a link,
FIFO or device.

Stores are real Oxigraph folders, damaged with real file operations; ``serve`` and the writers
that hold locks run as real processes.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.config import Settings
from beleidsgraaf.errors import StoreLockedError
from beleidsgraaf.graph.store import SNAPSHOTS, Store
from beleidsgraaf.pipeline import build
from beleidsgraaf.queries.sample import sample_extractions

QUERY = ["query", "organisations-in-programme", "--param", "programme=Vakkracht"]


def sample_store(path: Path) -> Path:
    with Store(path) as store:
        for extraction in sample_extractions():
            store.write_extraction(extraction)
    return path


def cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env=env, terminal_width=300)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def _one_error_line(output: str) -> str:
    [line] = [x for x in output.splitlines() if x.startswith("beleidsgraaf: error:")]
    return line


# -- 18: a store that cannot open, or is damaged ---------------------------------------------------


def _damage_current(store: Path) -> None:
    for current in store.rglob("CURRENT"):
        current.write_text("MANIFEST-999999\n")


def _truncate_tables(store: Path) -> None:
    for table in store.rglob("*.sst"):
        with table.open("r+b") as fh:
            fh.truncate(100)


def _delete_tables(store: Path) -> None:
    for table in store.rglob("*.sst"):
        table.unlink()


@pytest.mark.parametrize("damage", [_damage_current, _truncate_tables, _delete_tables])
def test_a_damaged_store_is_one_line_and_building_again_repairs_it(
    tmp_path: Path, damage: object
) -> None:
    store = sample_store(tmp_path / "store")
    damage(store)  # type: ignore[operator]
    for command in (QUERY, ["remove", "noord-plan-2021.txt"]):
        code, output = cli("--store", str(store), *command)
        assert code == 1, output
        line = _one_error_line(output)
        assert str(store) in line and "damaged" in line
        assert f"mv {store} {store}.damaged" in line and "build" in line
    # what the line says to do works
    shutil.move(store, f"{store}.damaged")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "nota.txt").write_text("De TU Delft werkt samen met TNO.\n", encoding="utf-8")
    assert build([docs], Settings(store=store)).stored == ["nota.txt"]


def test_a_full_disk_at_open_is_one_line(tmp_path: Path) -> None:
    """Old: AttributeError ('Store' object has no attribute '_store')."""
    child = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (16, 16))\n"
        "from pathlib import Path\n"
        "from beleidsgraaf.errors import StoreError\n"
        "from beleidsgraaf.graph.store import Store\n"
        "try:\n"
        "    Store(Path(sys.argv[1]))\n"
        "except StoreError as error:\n"
        "    print('StoreError:', error)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", child, str(tmp_path / "store")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert run.stdout.startswith("StoreError: ") and str(tmp_path / "store") in run.stdout
    assert run.stdout.count("\n") == 1


# -- 19: readers do not block writers -------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(store: Path) -> Iterator[str]:
    """``beleidsgraaf serve`` on ``store`` in its own process; yields the SPARQL URL."""
    port = _free_port()
    port_args = ["--port", str(port)]
    proc = subprocess.Popen(
        [sys.executable, "-u", "-m", "beleidsgraaf", "--store", str(store), "serve", *port_args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("serving"), (line, proc.stderr.read() if proc.stderr else "")
        yield f"http://127.0.0.1:{port}/sparql"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


def _ask(url: str, query: str) -> dict[str, object]:
    request = urllib.request.Request(
        url + "?" + urllib.parse.urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        result: dict[str, object] = json.load(response)
    return result


FILES = (
    "PREFIX bg: <https://w3id.org/beleidsgraaf/def#> "
    "SELECT ?f WHERE { GRAPH ?g { ?d bg:fileName ?f } } ORDER BY ?f"
)


def _files(url: str) -> list[str]:
    rows = _ask(url, FILES)["results"]["bindings"]  # type: ignore[index]
    return [row["f"]["value"] for row in rows]  # type: ignore[index]


def test_build_runs_while_serve_serves(tmp_path: Path) -> None:
    """Old: the build waited 30 s for the server's read lock, then blamed the last writer."""
    store = sample_store(tmp_path / "store")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "nieuw.txt").write_text("De TU Delft werkt samen met TNO.\n", encoding="utf-8")
    before = sorted(d.file_name for d in sample_extractions_documents())
    with serving(store) as url:
        assert _files(url) == before
        started = time.monotonic()
        report = build([docs], Settings(store=store))
        assert time.monotonic() - started < 25, "the build waited for the server"
        assert report.stored == ["nieuw.txt"]
        assert _files(url) == before  # the server answers from the store as it started
        code, output = cli("--store", str(store), "query", "--file", str(_rq(tmp_path)))
        assert code == 0 and "nieuw.txt" in output  # a new reader sees the build
    with serving(store) as url:
        assert _files(url) == sorted([*before, "nieuw.txt"])
    # the next writer deletes the snapshots no reader holds any more
    assert len(list((store / SNAPSHOTS).iterdir())) == 2
    Store(store).close()
    assert len(list((store / SNAPSHOTS).iterdir())) == 1


def sample_extractions_documents() -> list[object]:
    return [e.document for e in sample_extractions()]


def _rq(tmp_path: Path) -> Path:
    path = tmp_path / "files.rq"
    path.write_text(FILES, encoding="utf-8")
    return path


_HOLD = """
import sys, time
from pathlib import Path
from beleidsgraaf.graph.store import Store
with Store(Path(sys.argv[1]), read_only=sys.argv[2] == "read"):
    print("open", flush=True)
    time.sleep(60)
"""


def test_a_waiting_writer_names_the_process_it_waits_for(tmp_path: Path) -> None:
    """A store written before snapshots is read in place, so there a writer does wait for a
    reader: it must name that reader, not the last writer (the PID in the lock file)."""
    store = sample_store(tmp_path / "store")
    shutil.rmtree(store / SNAPSHOTS, ignore_errors=True)  # as an older version left it
    for mode in ("read", "write"):
        holder = subprocess.Popen(
            [sys.executable, "-c", _HOLD, str(store), mode], stdout=subprocess.PIPE, text=True
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
            with pytest.raises(StoreLockedError) as caught:
                Store(store, lock_timeout=0.5)
            kind = "reading" if mode == "read" else "writing"
            assert f"pid {holder.pid}, {kind}" in str(caught.value)
        finally:
            holder.kill()
            holder.wait(timeout=30)


# -- 20: read-only file systems -------------------------------------------------------------------


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """``folder`` on a read-only file system (a read-only bind mount, as root), or, for other
    users, without write permission (the same refusals: nothing may be created or opened for
    writing)."""
    if os.geteuid() != 0:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o222)
        try:
            yield folder
        finally:
            for path in [folder, *folder.rglob("*")]:
                path.chmod(path.stat().st_mode | 0o200)
        return
    mount = folder.with_name(folder.name + "-ro")
    mount.mkdir()
    bind = subprocess.run(["mount", "--bind", str(folder), str(mount)], capture_output=True)
    if bind.returncode != 0:
        pytest.skip(f"cannot make a read-only bind mount here: {bind.stderr.decode().strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(mount)], check=True)
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_query_and_serve_work_on_a_read_only_file_system(tmp_path: Path) -> None:
    """Old: 'Read-only file system' (the lock file was opened read-write)."""
    store = sample_store(tmp_path / "store")
    with read_only(store) as frozen:
        with pytest.raises(OSError):
            (frozen / "probe").write_text("x")
        code, output = cli("--store", str(frozen), *QUERY)
        assert code == 0, output
        with serving(frozen) as url:
            assert _files(url) == sorted(d.file_name for d in sample_extractions_documents())


def test_an_old_store_is_read_on_a_read_only_file_system_too(tmp_path: Path) -> None:
    store = sample_store(tmp_path / "store")
    shutil.rmtree(store / SNAPSHOTS, ignore_errors=True)
    (store / "beleidsgraaf.lock").unlink()
    with read_only(store) as frozen:
        code, output = cli("--store", str(frozen), *QUERY)
        assert code == 0, output


# -- 21: the store's folder, and outputs -----------------------------------------------------------


def _listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_store_is_never_written_into_a_documents_folder(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "nota.txt").write_text("De TU Delft werkt samen met TNO.\n", encoding="utf-8")
    before = _listing(docs)
    code, output = cli("--store", str(docs), "build", str(docs))
    assert code == 1, output
    line = _one_error_line(output)
    assert str(docs) in line and "no store" in line and "folder of its own" in line
    assert _listing(docs) == before
    # the empty setting is refused before anything is opened
    os.chdir(docs)
    try:
        code, output = cli("build", ".", env={"BELEIDSGRAAF_STORE": ""})
        assert code == 2 and "'store'" in _one_error_line(output) and "empty" in output
        code, output = cli("--store", ".", "build", ".")
        assert code == 1 and "folder of its own" in output
    finally:
        os.chdir(tmp_path)
    assert _listing(docs) == before


def _targets(tmp_path: Path) -> dict[str, Path]:
    outside = tmp_path / "elders.txt"
    outside.write_text("niet overschrijven\n", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(outside)
    fifo = tmp_path / "fifo.html"
    os.mkfifo(fifo)
    return {"link": link, "fifo": fifo, "device": Path("/dev/null"), "outside": outside}


def test_outputs_never_replace_a_link_fifo_or_device(tmp_path: Path) -> None:
    store = sample_store(tmp_path / "store")
    targets = _targets(tmp_path)
    for kind in ("link", "fifo", "device"):
        target = targets[kind]
        for command in (["map", "-o", str(target)], ["fragmentation", "-o", str(target)]):
            code, output = cli("--store", str(store), *command)
            assert code == 2, output
            line = _one_error_line(output)
            assert str(target) in line and "refusing to write over it" in line
    assert targets["outside"].read_text(encoding="utf-8") == "niet overschrijven\n"
    assert targets["link"].is_symlink() and targets["fifo"].exists()


def test_run_and_export_check_their_outputs_before_working(tmp_path: Path) -> None:
    store = sample_store(tmp_path / "store")
    out = tmp_path / "out"
    out.mkdir()
    outside = tmp_path / "elders.trig"
    outside.write_text("niet overschrijven\n", encoding="utf-8")
    (out / "graph.trig").symlink_to(outside)
    started = time.monotonic()
    code, output = cli("--store", str(store), "run", "--out", str(out))
    assert code == 2 and "graph.trig" in _one_error_line(output), output
    assert time.monotonic() - started < 10, "run built before it checked its outputs"
    (out / "export").mkdir()
    os.mkfifo(out / "export" / "actors.gexf")
    code, output = cli("--store", str(store), "export", "--out", str(out / "export"))
    assert code == 2 and "actors.gexf" in _one_error_line(output), output
    assert outside.read_text(encoding="utf-8") == "niet overschrijven\n"
