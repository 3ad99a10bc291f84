"""A batch with bad files: good documents go in, the store keeps what it had, errors listed."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.config import Settings
from beleidsgraaf.graph.store import Store
from beleidsgraaf.pipeline import build


def _bad_files(folder: Path) -> list[Path]:
    folder.mkdir()
    (folder / "leeg.txt").write_bytes(b"")
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    (folder / "binair.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "rommel.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return sorted(folder.iterdir())


def _quads(store_path: Path) -> set[str]:
    with Store(store_path, read_only=True) as store:
        return {str(q) for q in store.oxigraph}


def test_bad_files_fail_alone_and_nothing_stored_is_lost(tmp_path: Path) -> None:
    from beleidsgraaf.ingest.extract import demo_corpus

    corpus = {p.name: p for p in demo_corpus()}
    settings = Settings(store=tmp_path / "store")
    first = build([corpus["vu-ut-ambitiedocument.txt"]], settings)
    assert first.documents == 1
    before = _quads(settings.store)

    bad = _bad_files(tmp_path / "bad")
    report = build([*bad, corpus["sac-htno-jaarverslag-2023.txt"]], settings)
    assert report.stored == ["sac-htno-jaarverslag-2023.txt"]
    assert sorted(Path(e.path).name for e in report.failed) == sorted(p.name for p in bad)
    for error in report.failed:
        line = str(error)
        assert "\n" not in line and Path(error.path).name in line
    after = _quads(settings.store)
    assert before <= after, "a failed batch changed what was already stored"


def test_cli_exit_code_and_summary_list_the_failures(tmp_path: Path) -> None:
    bad = _bad_files(tmp_path / "bad")
    result = CliRunner().invoke(app, ["--store", str(tmp_path / "s"), "build", *map(str, bad)])
    assert result.exit_code == 3
    for path in bad:
        assert f"failed: {path}" in result.output
