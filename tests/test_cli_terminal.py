"""The CLI as a person at a terminal sees it, and as a script in a pipe sees it.

Each test runs ``python -m beleidsgraaf`` twice for real: once on a pseudo-terminal (so Rich sees
a terminal, as it would in a shell) and once with its output piped.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.sample import sample_extractions, sample_vocabulary

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
COMMAND = [sys.executable, "-m", "beleidsgraaf"]


def on_terminal(args: list[str], timeout: float = 300) -> tuple[str, int]:
    """Run the CLI with stdin, stdout and stderr on a 120-column pseudo-terminal; everything it
    wrote (escape codes removed, carriage returns as line ends) and its exit code."""
    import fcntl
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [*COMMAND, *args], stdin=follower, stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 1.0)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                data = os.read(leader, 65536)
            except OSError:  # the terminal closed: the program is done
                break
            if not data:
                break
            chunks.append(data)
        code = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(leader)
    text = ANSI.sub("", b"".join(chunks).decode("utf-8", "replace"))
    return text.replace("\r", "\n"), code


def in_a_pipe(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *args], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL
    )


@pytest.fixture
def sample_store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    with Store(path) as store:
        for extraction in sample_extractions():
            store.write_extraction(extraction)
        store.load_vocabulary(sample_vocabulary())
    return path


@pytest.fixture
def one_good_one_bad(tmp_path: Path) -> list[str]:
    from beleidsgraaf.ingest.extract import demo_corpus

    good = next(p for p in demo_corpus() if p.name.startswith("vu-ut"))
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"%PDF-1.4 not really\x00\x01")
    return [str(good), str(bad)]


@pytest.mark.slow
def test_build_shows_progress_on_a_terminal_and_stays_quiet_in_a_pipe(
    tmp_path: Path, one_good_one_bad: list[str]
) -> None:
    shown, code = on_terminal(["--store", str(tmp_path / "a"), "build", *one_good_one_bad])
    assert code == 3, shown
    assert "extracting vu-ut-ambitiedocument.txt" in shown, shown
    assert "1/2 documents" in shown and "2/2 documents" in shown, shown
    assert "Documents: 2 (1 stored, 0 unchanged, 1 failed)" in shown

    piped = in_a_pipe(["--store", str(tmp_path / "b"), "build", *one_good_one_bad])
    assert piped.returncode == 3, piped.stderr
    assert "Documents: 2 (1 stored, 0 unchanged, 1 failed)" in piped.stdout
    errors = piped.stderr.splitlines()  # only the failed file: no progress in a pipe
    assert len(errors) == 1 and errors[0].startswith(f"failed: {one_good_one_bad[1]}: ")
    assert "\x1b[" not in piped.stdout + piped.stderr


def test_build_counts_add_up_with_a_failed_document(
    tmp_path: Path, one_good_one_bad: list[str]
) -> None:
    """'Documents: 1 (1 stored, 0 unchanged, 1 failed)' did not add up."""
    result = CliRunner().invoke(app, ["--store", str(tmp_path / "s"), "build", *one_good_one_bad])
    assert result.exit_code == 3
    assert "Documents: 2 (1 stored, 0 unchanged, 1 failed)" in result.output


def test_fragmentation_is_a_table_on_a_terminal_and_json_in_a_pipe(sample_store: Path) -> None:
    shown, code = on_terminal(["--store", str(sample_store), "fragmentation", "--by", "landsdeel"])
    assert code == 0, shown
    assert not shown.lstrip().startswith("{") and '"schema_version"' not in shown
    assert "Versnippering per landsdeel" in shown and "modularity" in shown
    assert re.search(r"Heel netwerk / whole network\s+\d+\s+\d+", shown), shown
    assert len(shown) < 5_000

    piped = in_a_pipe(["--store", str(sample_store), "fragmentation", "--by", "landsdeel"])
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["scope"]["by"] == "landsdeel"
    asked, code = on_terminal(["--store", str(sample_store), "fragmentation", "--format", "json"])
    assert code == 0 and json.loads(asked)["schema_version"] == 2


def test_fragmentation_table_cannot_go_to_a_file(sample_store: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["--store", str(sample_store), "fragmentation", "--format", "table", "-o", "x.txt"],
    )
    assert result.exit_code == 2 and "--format table is for the terminal" in result.output


@pytest.mark.slow
def test_extract_summary_counts_types_and_names_the_top_entities() -> None:
    from beleidsgraaf.ingest.extract import demo_corpus

    docs = [str(p) for p in demo_corpus() if p.name.startswith(("vu-ut", "4tu"))]
    result = CliRunner().invoke(app, ["extract", *docs])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    titles = [line for line in lines if not line.startswith(" ")]
    assert [t.split(":")[0] for t in titles] == [
        "4tu-strategie-2020-2025.txt",
        "vu-ut-ambitiedocument.txt",
        "all 2 documents",
    ], result.output
    entities = [line for line in lines if line.strip().startswith("entities:")]
    assert len(entities) == 3 and all(re.search(r"\d+ Organisation", e) for e in entities)
    top = [line for line in lines if line.strip().startswith("most related:")]
    assert len(top) == 3 and "4TU.Federatie" in top[0] and "relations)" in top[0]
    relations = [line for line in lines if line.strip().startswith("relations:")]
    assert all(re.search(r"\d+ (participatesIn|partOf|collaboratesWith)", r) for r in relations)
