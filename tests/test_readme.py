"""The README's set-up commands are what CI runs, and its command list is the CLI's."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from beleidsgraaf.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
TOUR = README.split("## Tour of the CLI", 1)[1].split("\n## ", 1)[0]


def _command_after(marker: str) -> str:
    match = re.search(rf"<!-- {marker} -->\s*```sh\n(.+?)\n```", README, re.S)
    assert match, f"README has no {marker} block"
    return match.group(1).strip()


def test_readme_has_the_two_setup_commands_and_ci_runs_the_test_one() -> None:
    main, test = _command_after("main-command"), _command_after("test-command")
    assert "beleidsgraaf run" in main
    assert "pytest" in test and "ruff" in test and "mypy" in test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines(), ".ci/run must run exactly the README's test command"


def test_readme_command_table_matches_the_cli() -> None:
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", TOUR, re.M))
    result = CliRunner().invoke(app, ["--help"], terminal_width=200)
    assert result.exit_code == 0
    listed = set(re.findall(r"^│ ([a-z][a-z-]+)\s{2,}", result.output, re.M))
    assert listed, result.output
    assert documented == listed


def test_every_command_has_help_with_an_example() -> None:
    runner = CliRunner()
    for name in re.findall(r"^\| `([a-z-]+)` \|", TOUR, re.M):
        result = runner.invoke(app, [name, "--help"], terminal_width=200)
        assert result.exit_code == 0, (name, result.output)
        assert "Example: beleidsgraaf" in result.output, name


def test_readme_says_what_the_test_command_skips_and_how_long_it_takes() -> None:
    """Without Chromium the browser tests were skipped and nothing said so."""
    setup = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    after = setup.split("<!-- test-command -->", 1)[1]
    assert "skipped" in after and "SKIPPED" in after
    for install in ("apt-get install chromium", "apt-get install virtuoso-opensource"):
        assert install in after, install
    assert re.search(r"takes about \d+ minutes", after)
