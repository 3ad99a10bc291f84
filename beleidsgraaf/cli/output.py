"""Shared printing for commands: progress on terminals only, and the build summary."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer

from beleidsgraaf.cli.app import is_terminal
from beleidsgraaf.pipeline import BuildReport

__all__ = ["print_build_summary", "progress_bar"]


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[str], None] | None]:
    """A Rich progress bar on stderr when it is a terminal; ``None`` (quiet) in pipes and CI."""
    if not is_terminal():
        yield None
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} done"),
        TimeElapsedColumn(),
        transient=True,
    ) as bar:
        task = bar.add_task(description, total=None)

        def step(name: str) -> None:
            bar.update(task, advance=1, description=f"{description}: {name}")

        yield step


def print_build_summary(report: BuildReport, store: object) -> None:
    """What was built: documents, entities by type, relations; and what failed."""
    typer.echo(
        f"Documents: {report.documents} ({len(report.stored)} stored, "
        f"{len(report.unchanged)} unchanged, {len(report.failed)} failed) in {store}"
    )
    by_type = ", ".join(f"{n} {t}" for t, n in sorted(report.entities_by_type.items()))
    typer.echo(f"Entities: {report.entities} ({by_type or 'none'})")
    typer.echo(f"Relations: {report.relations} typed, {report.cooccurrences} co-occurrence links")
    for error in report.failed:
        typer.echo(f"failed: {error}", err=True)
