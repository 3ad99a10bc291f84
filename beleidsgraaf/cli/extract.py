"""CLI commands ``extract`` and ``evaluate``: thin wrappers over ``beleidsgraaf.ingest``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from beleidsgraaf.cli.app import app, settings_of
from beleidsgraaf.errors import ConfigError


@app.command()
def extract(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders (default: the bundled demo corpus)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="json or summary.")] = "summary",
    model: Annotated[
        str | None, typer.Option("--model", help="Statistical spaCy model to add to the rules.")
    ] = None,
    curator: Annotated[
        Path | None, typer.Option("--curator", help="Curator YAML (merge/rename/retype/reject).")
    ] = None,
    workers: Annotated[int | None, typer.Option("--workers", help="Processes.")] = None,
) -> None:
    """Extract entities and relations from documents, without storing them.

    Unreadable files are reported on stderr (one line each); the others are still extracted.

    Example: beleidsgraaf extract ingest/corpus/vu-ut-ambitiedocument.txt --format json
    """
    from beleidsgraaf.errors import DocumentError
    from beleidsgraaf.ingest.evaluate import extraction_json
    from beleidsgraaf.ingest.extract import demo_corpus, extract_paths

    if fmt not in {"json", "summary"}:
        raise ConfigError(f"--format {fmt!r}: use json or summary")
    settings = settings_of(ctx)
    documents = []
    failed = 0
    for result in extract_paths(
        paths or demo_corpus(),
        model=model or settings.model,
        curator=curator or settings.curator,
        workers=workers or settings.workers,
    ):
        if isinstance(result, DocumentError):
            failed += 1
            typer.echo(f"beleidsgraaf: error: {result}", err=True)
            continue
        documents.append(extraction_json(result))
    if fmt == "json":
        typer.echo(json.dumps({"documents": documents}, ensure_ascii=False, indent=1))
    else:
        for doc in documents:
            typer.echo(
                f"{doc['doc']}: {len(doc['entities'])} entities, {len(doc['relations'])} relations"
            )
    if failed:
        raise typer.Exit(1)


@app.command()
def evaluate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Documents, or JSON from 'extract --format json' (default: the demo corpus)."
        ),
    ] = None,
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold *.json files.")] = Path(
        "gold"
    ),
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    misses: Annotated[int, typer.Option("--misses", help="Misses listed per kind.")] = 20,
    model: Annotated[str | None, typer.Option("--model", help="Statistical spaCy model.")] = None,
) -> None:
    """Score extraction against gold annotations: P/R/F1 per type, splits, relations, misses.

    Example: beleidsgraaf evaluate --gold ../shared/gold
    """
    from beleidsgraaf.ingest.evaluate import evaluate_paths, format_report

    if fmt not in {"text", "json"}:
        raise ConfigError(f"--format {fmt!r}: use text or json")
    summary, scores = evaluate_paths(gold, paths or [], model=model)
    if fmt == "json":
        typer.echo(json.dumps(summary, indent=1))
    else:
        typer.echo(format_report(summary, scores, misses=misses))
