"""The ``beleidsgraaf`` Typer application: global options and the one place errors are printed.

Commands live in sibling modules (one per job family) and only parse options, call one function of
the Python API and print its result. A :class:`~beleidsgraaf.errors.BeleidsgraafError` becomes one
line on stderr and a non-zero exit code; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup, TyperOption

from beleidsgraaf import __version__
from beleidsgraaf.config import Settings, load_settings
from beleidsgraaf.errors import BeleidsgraafError, printable

__all__ = ["SHORT_FLAGS", "app", "is_terminal", "settings_of", "stdout_is_terminal"]

SHORT_FLAGS: dict[str, str] = {"-o": "--out", "-f": "--file", "-p": "--param", "-h": "--help"}
"""The one meaning of each short flag, in every command: ``-o`` always names what a command
writes, ``-f`` a file it reads; ``--format`` has no short flag anywhere (``fragmentation -f`` was
``--format`` while ``query -f`` was ``--file``). ``tests/test_cli_flags.py`` checks every
command."""


def _flags_show_no_value() -> None:
    """Help shows no value type after a flag.

    Typer's rich help (0.29) prints a type after every option, flags included: ``--debug
    <bool>`` reads as if the flag took a value, and ``--debug true`` then fails ('No such
    command true'). A flag takes none, so it gets no type column, as in click's plain help.
    """
    shown = TyperOption.display_type_rich

    def display_type_rich(self: TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag else shown(self, ctx)

    setattr(TyperOption, "display_type_rich", display_type_rich)  # noqa: B010


_flags_show_no_value()


INTERNAL_ERROR = 70
"""Exit code for a failure that is a bug (EX_SOFTWARE), not something the user got wrong."""


class _ErrorsAsOneLine(TyperGroup):
    """Turn errors into one clean line, unless ``--debug`` was given.

    Domain errors say what to fix. Anything else is a bug, but a user still gets one line
    (saying so, and how to see the traceback), never a traceback; the robustness fuzz tests
    (``tests/robustness/test_cli_fuzz.py``) fail on either.
    """

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BeleidsgraafError as exc:
            if ctx.meta.get("beleidsgraaf.debug"):
                raise
            typer.echo(f"beleidsgraaf: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("beleidsgraaf: interrupted", err=True)
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort, typer.TyperException):  # usage errors: typer prints them
            raise
        except Exception as exc:
            if ctx.meta.get("beleidsgraaf.debug"):
                raise
            detail = printable(" ".join(str(exc).split()))[:300]
            typer.echo(
                f"beleidsgraaf: internal error: {type(exc).__name__}: {detail} (a bug: run again "
                "with --debug for the traceback and report it)",
                err=True,
            )
            raise typer.Exit(INTERNAL_ERROR) from None


app = typer.Typer(
    name="beleidsgraaf",
    cls=_ErrorsAsOneLine,
    help="Dutch policy documents into a knowledge graph of actors, programmes and interventions.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"beleidsgraaf {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", help="TOML config file (default: ./beleidsgraaf.toml if present)."
        ),
    ] = None,
    store: Annotated[
        Path | None, typer.Option("--store", help="Embedded store folder (overrides config).")
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Build, query, map and measure a knowledge graph of Dutch technical-education policy.

    Example: beleidsgraaf run
    """
    ctx.meta["beleidsgraaf.debug"] = debug
    try:
        settings = load_settings(config).with_overrides(store=store)
    except BeleidsgraafError as exc:
        if debug:
            raise
        typer.echo(f"beleidsgraaf: error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    ctx.obj = settings


def settings_of(ctx: typer.Context) -> Settings:
    """The settings the global options produced (defaults when called without them)."""
    root = ctx.find_root()
    return root.obj if isinstance(root.obj, Settings) else load_settings()


def is_terminal() -> bool:
    """Progress bars only on a terminal; pipes and CI stay quiet."""
    return sys.stderr.isatty()


def stdout_is_terminal() -> bool:
    """Output for people (tables) on a terminal; for programs (JSON) in a pipe or a file."""
    return sys.stdout.isatty()
