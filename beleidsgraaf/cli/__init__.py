"""Command-line interface: ``beleidsgraaf <command>``; each command wraps one API function."""

from __future__ import annotations

from beleidsgraaf.cli import (  # noqa: F401  (importing registers the commands)
    analyse,
    build,
    extract,
    map,
    model,
    publish,
    query,
    relations,
    run,
    validate,
)
from beleidsgraaf.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``beleidsgraaf`` console script."""
    app()
