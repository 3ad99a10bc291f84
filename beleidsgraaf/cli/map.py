"""CLI command ``map``: the coordinators' network map as one offline HTML file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from beleidsgraaf.cli.app import app, settings_of


@app.command("map")
def map_command(
    ctx: typer.Context,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="HTML file to write (default: <out>/map.html)."),
    ] = None,
    size_by: Annotated[
        str, typer.Option("--size-by", help="Node size: degree or betweenness.")
    ] = "degree",
    color_by: Annotated[
        str, typer.Option("--color-by", help="Initial colouring: type, community or landsdeel.")
    ] = "type",
    top: Annotated[
        int | None, typer.Option("--top", help="Show only the N largest nodes.", min=1)
    ] = None,
    focus: Annotated[
        str | None,
        typer.Option("--focus", help="Show only the ego network of this entity (any name)."),
    ] = None,
    depth: Annotated[int, typer.Option("--depth", help="Links deep around --focus.", min=0)] = 1,
    region: Annotated[
        str | None,
        typer.Option("--region", help="Show only one landsdeel, e.g. Zuidoost."),
    ] = None,
) -> None:
    """Write a self-contained, searchable network map (opens offline in any browser).

    Click a node to read the sentence behind each of its links.

    Large graphs (over 1,000 nodes) get a layout computed in advance.

    Example: beleidsgraaf map --focus 4TU.Federatie --depth 2 -o 4tu.html
    """
    from beleidsgraaf.graph.store import Store, writable_output
    from beleidsgraaf.viz.map import write_map

    settings = settings_of(ctx)
    target = writable_output(out or settings.out / "map.html")
    with Store(settings.store, read_only=True) as store:
        written = write_map(
            store,
            target,
            size_by=size_by,
            color_by=color_by,
            top=top,
            focus=focus,
            depth=depth,
            region=region,
        )
    typer.echo(f"map: {written}")
