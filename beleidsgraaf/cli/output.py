"""Shared printing for commands: progress on terminals only, and the build summary."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from beleidsgraaf.cli.app import is_terminal
from beleidsgraaf.pipeline import BuildReport, Progress, Step

__all__ = ["print_build_summary", "progress_bar"]


@contextmanager
def progress_bar() -> Iterator[Progress | None]:
    """A Rich progress display on stderr when it is a terminal: what is being done now (which
    document is extracted, which output written), documents done of the batch, elapsed time.
    ``None`` (quiet) in pipes and CI, so logs and piped output stay clean."""
    if not is_terminal():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(
        SpinnerColumn(),
        BarColumn(bar_width=24),
        MofNCompleteColumn(),
        TextColumn("documents"),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("starting", total=None)

        def show(step: Step) -> None:
            # Drawn at once, not at the next tick: a document that fails in a millisecond still
            # shows its count.
            bar.update(
                task, description=step.stage, completed=step.done, total=step.total, refresh=True
            )

        yield show


def print_build_summary(report: BuildReport, store: object) -> None:
    """What was built: documents (the parts add up to the batch), entities by type, relations;
    and each document that failed."""
    total = report.documents + len(report.failed)
    typer.echo(
        f"Documents: {total} ({len(report.stored)} stored, "
        f"{len(report.unchanged)} unchanged, {len(report.failed)} failed) in {store}"
    )
    by_type = ", ".join(f"{n} {t}" for t, n in sorted(report.entities_by_type.items()))
    typer.echo(f"Entities: {report.entities} ({by_type or 'none'})")
    typer.echo(f"Relations: {report.relations} typed, {report.cooccurrences} co-occurrence links")
    for error in report.failed:
        typer.echo(f"failed: {error}", err=True)
