"""The CLI's front door: global options, configuration errors, and the build/remove/run commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from beleidsgraaf.cli import app

runner = CliRunner()


def test_version_and_help() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("beleidsgraaf ")
    assert runner.invoke(app, ["--help"]).exit_code == 0


def test_bad_config_file_is_one_clean_line(tmp_path: Path) -> None:
    config = tmp_path / "bg.toml"
    config.write_text("stroe = 'x'\n")
    result = runner.invoke(app, ["--config", str(config), "remove", "x.txt"])
    assert result.exit_code == 2
    assert "unknown setting 'stroe'" in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_environment_overrides_config(tmp_path: Path) -> None:
    from beleidsgraaf.config import load_settings

    config = tmp_path / "bg.toml"
    config.write_text("store = 'from-file'\nworkers = 2\n")
    settings = load_settings(config, environ={"BELEIDSGRAAF_STORE": "from-env"})
    assert settings.store == Path("from-env") and settings.workers == 2


def test_remove_of_an_unknown_document_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--store", str(tmp_path / "s"), "remove", "nothing.txt"])
    assert result.exit_code != 0
    assert "nothing.txt" in result.output and "Traceback" not in result.output


def test_run_of_a_bad_config_value_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--store", str(tmp_path / "s"), "build", "--workers", "many", "x"])
    assert result.exit_code == 2 and "workers" in result.output


def test_build_then_remove_through_the_cli(tmp_path: Path) -> None:
    from beleidsgraaf.ingest.extract import demo_corpus

    doc = next(p for p in demo_corpus() if p.name.startswith("vu-ut"))
    store = str(tmp_path / "s")
    first = runner.invoke(app, ["--store", store, "build", str(doc)])
    assert first.exit_code == 0, first.output
    assert "Documents: 1 (1 stored, 0 unchanged, 0 failed)" in first.output
    again = runner.invoke(app, ["--store", store, "build", str(doc)])
    assert "Documents: 1 (0 stored, 1 unchanged, 0 failed)" in again.output
    removed = runner.invoke(app, ["--store", store, "remove", doc.name])
    assert removed.exit_code == 0 and f"removed {doc.name}:" in removed.output


@pytest.mark.slow
def test_evaluate_works_from_any_folder_with_the_shipped_gold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's extraction figures can be checked from a clone: the development gold ships
    with the demo corpus and ``evaluate`` uses it by default."""
    import json

    monkeypatch.chdir(tmp_path)  # no gold/ folder here, no ../shared
    result = runner.invoke(app, ["evaluate", "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert sorted(scores["documents"]) == [
        "4tu-strategie-2020-2025.txt",
        "sac-htno-jaarverslag-2023.txt",
        "techniekpact-evaluatie-2020.txt",
        "vu-ut-ambitiedocument.txt",
    ]
    assert scores["relations"]["gold"] > 400 and scores["entities"]["typed"]["all"]["f1"] > 0.5


def test_the_shipped_gold_is_the_development_gold() -> None:
    from importlib.resources import files

    shipped = files("beleidsgraaf.ingest.corpus") / "gold"
    names = sorted(p.name for p in shipped.iterdir())
    assert "README.md" in names and len([n for n in names if n.endswith(".json")]) == 4
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
    if shared.is_dir():  # the same files as the team's copy, where it is beside the project
        for name in names:
            assert (shipped / name).read_bytes() == (shared / name).read_bytes(), name
