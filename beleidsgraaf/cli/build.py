"""CLI commands that change the store: ``build`` and ``remove``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from beleidsgraaf.cli.app import app, settings_of
from beleidsgraaf.cli.output import print_build_summary, progress_bar

PARTIAL_FAILURE = 3
"""Exit code when some documents could not be read (the others were stored)."""


@app.command()
def build(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(help="Documents or folders (.txt .pdf .docx .html).")
    ],
    workers: Annotated[int | None, typer.Option(help="Worker processes for extraction.")] = None,
    model: Annotated[
        str | None,
        typer.Option(help="spaCy pipeline that parses (default: the shipped one; 'none': none)."),
    ] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option(help="Store only relations believed at least this much (0-1; default 0.5)."),
    ] = None,
    curator: Annotated[
        Path | None, typer.Option(help="Curator YAML: merges, renames, retypes, rejections.")
    ] = None,
) -> None:
    """Read documents and write their graphs into the embedded store.

    Re-building an unchanged document changes nothing; a changed one replaces its own named
    graph. Exit code 3 when some documents failed (the others are stored).

    Example: beleidsgraaf build reports/ nota.pdf
    """
    from beleidsgraaf.pipeline import build as build_documents

    settings = settings_of(ctx).with_overrides(
        workers=workers, model=model, curator=curator, min_confidence=min_confidence
    )
    with progress_bar() as step:
        report = build_documents(paths, settings, progress=step)
    print_build_summary(report, settings.store)
    if report.failed:
        raise typer.Exit(PARTIAL_FAILURE)


@app.command()
def remove(
    ctx: typer.Context,
    names: Annotated[list[str], typer.Argument(help="File names or content hashes of documents.")],
) -> None:
    """Drop documents from the store; entities other documents mention stay.

    Example: beleidsgraaf remove vu-ut-ambitiedocument.txt
    """
    from beleidsgraaf.pipeline import remove as remove_documents

    settings = settings_of(ctx)
    for name, triples in remove_documents(names, settings).items():
        typer.echo(f"removed {name}: {triples} triples")
