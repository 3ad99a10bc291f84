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
    view: Annotated[
        list[str] | None,
        typer.Option(
            "--view",
            help="A named view in the page's list, NAME=STATE, the state as in a shared link "
            "(after '#'), e.g. 'Oost=landsdeel=Oost&kleur=gemeenschap' or "
            "'4TU=rond=4TU.Federatie&diepte=2'. Repeatable.",
        ),
    ] = None,
) -> None:
    """Write a self-contained, searchable network map (opens offline in any browser).

    Click a node to read the sentence behind each of its links. The page's views (landsdeel,
    programme, an actor's network, communities), filters, year and zoom live in its address
    after '#': copy the link to share the view.

    Example: beleidsgraaf map --view 'Oost=landsdeel=Oost' --view '4TU=rond=4TU&diepte=2'
    -o kaart.html
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
            views=view or (),
        )
    typer.echo(f"map: {written}")
