"""CLI command ``fragmentation``: measure versnippering as JSON, CSV or a self-contained HTML
report (a thin wrapper over :func:`beleidsgraaf.graph.versnippering.fragmentation_report`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from beleidsgraaf.cli.app import app, settings_of
from beleidsgraaf.errors import ConfigError

FORMATS = ("json", "csv", "html")


@app.command("fragmentation")
def fragmentation_command(
    ctx: typer.Context,
    by: Annotated[
        str | None,
        typer.Option("--by", help="Breakdown: landsdeel, goal, document or year (default: none)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, csv or html.")] = "json",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write (default: stdout for json/csv, <out>/versnippering.html for html).",
        ),
    ] = None,
) -> None:
    """Measure versnippering (fragmentation) of the actor network, overall and per group.

    Components, isolates, Borgatti's F and distance-weighted DF, density, centralization,
    Louvain modularity, brokerage, key players, overlap and concentration; definitions in
    Dutch and English are part of the output.

    Example: beleidsgraaf fragmentation --by landsdeel --format html
    """
    import json

    from beleidsgraaf.graph.store import Store, writable_output
    from beleidsgraaf.graph.versnippering import BREAKDOWNS, fragmentation_report, to_csv

    if fmt not in FORMATS:
        raise ConfigError(f"--format: unknown format {fmt!r} (use one of: {', '.join(FORMATS)})")
    if by is not None and by not in BREAKDOWNS:  # before opening the store
        raise ConfigError(f"--by: unknown breakdown {by!r} (use one of: {', '.join(BREAKDOWNS)})")
    if out is not None:
        writable_output(out)  # before the work, like the checks above
    settings = settings_of(ctx)
    with Store(settings.store, read_only=True) as store:
        result = fragmentation_report(store, by=by)
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
