"""Every subcommand turns a user mistake into one clear line and a non-zero exit, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from beleidsgraaf.cli import app

# (subcommand, arguments after it, a fragment the one-line message must contain)
MISTAKES = [
    ("build", ["{tmp}/nope.txt"], "nope.txt"),
    ("remove", ["nope.txt"], "nope.txt"),
    ("extract", ["{tmp}/nope.txt"], "nope.txt"),
    ("evaluate", ["--gold", "{tmp}/no-gold"], "no-gold"),
    ("query", ["no-such-query"], "no query named 'no-such-query'"),
    ("serve", [], "no store here"),
    ("push", ["--endpoint", "http://127.0.0.1:9"], "no store here"),
    ("export", ["--format", "xlsx"], "xlsx"),
    ("fragmentation", ["--by", "planet"], "planet"),
    ("map", [], "no store here"),
    ("validate", ["{tmp}/missing.trig"], "missing.trig"),
]


@pytest.mark.parametrize(("command", "args", "fragment"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_user_mistake_is_one_clear_line(
    command: str, args: list[str], fragment: str, tmp_path: Path
) -> None:
    argv = ["--store", str(tmp_path / "empty-store"), command]
    argv += [a.format(tmp=tmp_path) for a in args]
    result = CliRunner().invoke(app, argv, terminal_width=200)
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    errors = [
        line
        for line in result.output.splitlines()
        if "error" in line.lower() or line.startswith("failed:")
    ]
    assert errors, result.output
    assert fragment in errors[0] or fragment in result.output, result.output


def test_every_subcommand_has_a_mistake_test() -> None:
    from beleidsgraaf.cli.app import app as typer_app

    names = {
        c.name or (c.callback.__name__ if c.callback else "") for c in typer_app.registered_commands
    }
    assert names - {"run"} == {m[0] for m in MISTAKES}
