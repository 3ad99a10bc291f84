"""The CLI's flags behave the same in every command: one meaning per short flag, flags without a
value shown as flags, and output for people on a terminal, for programs in a pipe."""

from __future__ import annotations

import re
from typing import Any

import typer
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.cli.app import SHORT_FLAGS

runner = CliRunner()


def _commands() -> dict[str, Any]:
    """Every command (Typer's own click objects), the root's global options as 'beleidsgraaf'."""
    root: Any = typer.main.get_command(app)
    return {"beleidsgraaf": root, **root.commands}


def test_every_short_flag_means_the_same_option_in_every_command() -> None:
    meanings: dict[str, set[str]] = {}
    for name, command in _commands().items():
        for param in command.params:
            if param.param_type_name != "option":
                continue
            longs = [o for o in param.opts if o.startswith("--")]
            shorts = [o for o in param.opts if not o.startswith("--")]
            for short in shorts:
                meanings.setdefault(short, set()).update(longs)
                assert SHORT_FLAGS.get(short) in longs, (name, short, longs)
            for short, long in SHORT_FLAGS.items():
                if long in longs and long != "--help":
                    assert short in shorts, f"{name}: {long} without {short}"
    assert all(len(longs) == 1 for longs in meanings.values()), meanings
    assert "-f" not in {s for s, longs in meanings.items() if "--format" in longs}


def test_help_shows_flags_without_a_value() -> None:
    """Typer printed '--debug <bool>', and '--debug true' then failed."""
    for name in ["", *(n for n in _commands() if n != "beleidsgraaf")]:
        args = [name, "--help"] if name else ["--help"]
        result = runner.invoke(app, args, terminal_width=200)
        assert result.exit_code == 0, (name, result.output)
        assert "<bool>" not in result.output, name
    root = runner.invoke(app, ["--help"], terminal_width=200).output
    assert re.search(r"--debug\s+Show tracebacks", root), root


def test_debug_is_a_plain_flag(tmp_path: object) -> None:
    result = runner.invoke(app, ["--debug", "--store", "/nonexistent/x", "remove", "a.txt"])
    assert result.exit_code != 0
    assert "No such command" not in result.output
