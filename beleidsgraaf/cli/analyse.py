"""CLI command ``fragmentation``: measure versnippering as a table (on a terminal), JSON, CSV or a
self-contained HTML report (a thin wrapper over
:func:`beleidsgraaf.graph.versnippering.fragmentation_report`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer

from beleidsgraaf.cli.app import app, settings_of, stdout_is_terminal
from beleidsgraaf.errors import ConfigError

FORMATS = ("table", "json", "csv", "html")

TABLE_METRICS: dict[str, str] = {
    "nodes": "actors",
    "edges": "ties",
    "isolates_share": "isolated",
    "borgatti_f": "F",
    "density": "density",
    "modularity": "modularity",
}
"""The figures the terminal table shows, with their column headers (every figure and its
definition: ``--format json``, ``csv`` or ``html``)."""


@app.command("fragmentation")
def fragmentation_command(
    ctx: typer.Context,
    by: Annotated[
        str | None,
        typer.Option("--by", help="Breakdown: landsdeel, goal, document or year (default: none)."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="table, json, csv or html (default: a table on a terminal, JSON in a pipe or "
            "with --out).",
        ),
    ] = None,
    resamples: Annotated[
        int,
        typer.Option(
            "--resamples",
            min=0,
            help="Bootstrap resamples behind each interval (0: no intervals; default 200).",
        ),
    ] = 200,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write (default: stdout for json/csv, <out>/versnippering.html for html).",
        ),
    ] = None,
) -> None:
    """Measure versnippering (fragmentation) of the actor network and of the initiatives, overall
    and per group, with bootstrap intervals, a sensitivity check and a summary to cite.

    Components, isolates, Borgatti's F and distance-weighted DF, density, centralization,
    Louvain modularity, brokerage, key players, E-I index; policy density, size and overlap of
    initiatives, coordination at landsdeel level, goal x instrument coverage, instrument
    diversity. Definitions in Dutch and English are part of the output.

    Example: beleidsgraaf fragmentation --by landsdeel --format html
    """
    import json

    from beleidsgraaf.graph.store import Store, writable_output
    from beleidsgraaf.graph.versnippering import BREAKDOWNS, fragmentation_report, to_csv

    if fmt is None:
        fmt = "table" if out is None and stdout_is_terminal() else "json"
    if fmt not in FORMATS:
        raise ConfigError(f"--format: unknown format {fmt!r} (use one of: {', '.join(FORMATS)})")
    if fmt == "table" and out is not None:
        raise ConfigError("--format table is for the terminal; write json, csv or html to --out")
    if by is not None and by not in BREAKDOWNS:  # before opening the store
        raise ConfigError(f"--by: unknown breakdown {by!r} (use one of: {', '.join(BREAKDOWNS)})")
    if out is not None:
        writable_output(out)  # before the work, like the checks above
    settings = settings_of(ctx)
    with Store(settings.store, read_only=True) as store:
        result = fragmentation_report(store, by=by, resamples=resamples)
    if fmt == "table":
        print_table(result)
        return
    if fmt == "json":
        text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "csv":
        text = to_csv(result)
    else:
        from beleidsgraaf.viz.report import render_report

        text = render_report(result)
        out = out or settings.out / "versnippering.html"
    if out is None:
        typer.echo(text, nl=False)
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        writable_output(out).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{out}: cannot write: {exc.strerror or exc}") from exc
    typer.echo(f"fragmentation: {out}")


def print_table(result: Mapping[str, Any]) -> None:
    """One row per group, the :data:`TABLE_METRICS` as columns, then the top key players and
    the caveat; where the definitions and the other figures are."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    by = result["scope"].get("by")
    table = Table(
        title=f"Versnippering per {by}" if by not in (None, "all") else "Versnippering",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("group", no_wrap=True, min_width=8, max_width=28)
    for header in TABLE_METRICS.values():
        table.add_column(header, justify="right", no_wrap=True, min_width=max(len(header), 4))
    table.add_column("first key player", no_wrap=True, min_width=8, max_width=30)
    for group in result["groups"].values():
        cells = [_cell(group.get(metric)) for metric in TABLE_METRICS]
        players = group.get("key_players") or []
        table.add_row(group["label"], *cells, players[0]["label"] if players else "")
    console = Console()
    console.print(table)
    console.print(result["scope"]["caveat"]["en"], style="dim")
    console.print(
        "All figures and their definitions: --format json, csv or html "
        "(beleidsgraaf fragmentation --format html).",
        style="dim",
    )


def _cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
