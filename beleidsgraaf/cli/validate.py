"""CLI command ``validate``: SHACL-check the store or an RDF file against the ontology's shapes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from beleidsgraaf.cli.app import app, settings_of
from beleidsgraaf.config import regular_file
from beleidsgraaf.errors import DocumentError


@app.command()
def validate(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(help="An RDF file (.trig, .nq, .ttl, .nt, .jsonld); default: the store."),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", help="Show at most this many results (0: all).")
    ] = 200,
) -> None:
    """Check every named graph against the SHACL shapes; exit 1 on violations.

    Each document's graph is checked on its own, with the vocabulary added; each result is one
    line: document, node, property, value and the rule it breaks.

    Example: beleidsgraaf validate out/graph.trig
    """
    from beleidsgraaf.ontology.validate import validate_file, validate_rdf

    if file is not None:
        try:
            regular_file(file)  # a FIFO or device would block the read or never end
        except FileNotFoundError:
            pass  # validate_file says so
        except OSError as exc:
            raise DocumentError(file, f"cannot read: {exc.strerror}") from exc
        report = validate_file(file)
    else:
        from beleidsgraaf.graph.store import Store

        path = settings_of(ctx).store
        with Store(path, read_only=True) as store:
            data = store.dump("nquads")
        assert data is not None
        report = validate_rdf(data, "nquads", source=str(path))
    typer.echo(report.text(limit=limit or None))
    report.raise_for_violations()
