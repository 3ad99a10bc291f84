"""CLI command for the main job: ``run``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from beleidsgraaf.cli.app import app, settings_of
from beleidsgraaf.cli.build import PARTIAL_FAILURE
from beleidsgraaf.cli.output import print_build_summary, progress_bar


@app.command()
def run(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            exists=True, help="Documents or folders (default: the bundled demo corpus)."
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output folder (default: out).")
    ] = None,
) -> None:
    """The main job: build the graph, then write graph.trig, map.html and the versnippering report.

    Example: beleidsgraaf run
    """
    from beleidsgraaf.pipeline import run as run_pipeline

    settings = settings_of(ctx).with_overrides(out=out)
    with progress_bar() as step:
        report = run_pipeline(paths or None, settings, progress=step)
    print_build_summary(report.build, settings.store)
    typer.echo("Outputs:")
    for name, path in report.outputs.items():
        typer.echo(f"  {name:<22} {path}")
    if report.build.failed:
        raise typer.Exit(PARTIAL_FAILURE)
