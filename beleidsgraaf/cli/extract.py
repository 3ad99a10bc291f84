"""CLI commands ``extract`` and ``evaluate``: thin wrappers over ``beleidsgraaf.ingest``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from beleidsgraaf.cli.app import app, settings_of
from beleidsgraaf.errors import ConfigError

if TYPE_CHECKING:
    from beleidsgraaf.records import Extraction


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
    extractions = []
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
        extractions.append(result)
    if fmt == "json":
        documents = [extraction_json(e) for e in extractions]
        typer.echo(json.dumps({"documents": documents}, ensure_ascii=False, indent=1))
    else:
        for extraction in extractions:
            typer.echo(summary_of([extraction], extraction.document.file_name))
        if len(extractions) > 1:
            typer.echo(summary_of(extractions, f"all {len(extractions)} documents"))
    if failed:
        raise typer.Exit(1)


TOP_ENTITIES = 5
"""Entities the summary names: those in the most relations."""


def summary_of(extractions: list[Extraction], title: str) -> str:
    """What was found, for reading: entities and relations per type, and the entities in the
    most relations (an entity found in several documents counts once)."""
    types: dict[str, str] = {}
    labels: dict[str, str] = {}
    related: Counter[str] = Counter()
    predicates: Counter[str] = Counter()
    for extraction in extractions:
        for entity in extraction.entities:
            types[entity.iri] = entity.type
            labels.setdefault(entity.iri, entity.label)
        for relation in extraction.relations:
            predicates[relation.predicate] += 1
            related.update(e for e in (relation.subject, relation.object) if e in types)
    by_type = Counter(types.values())
    top = ", ".join(
        f"{labels[iri]} ({n} relations)" for iri, n in related.most_common(TOP_ENTITIES)
    )
    return "\n".join(
        [
            f"{title}: {len(types)} entities, {sum(predicates.values())} relations",
            f"  entities:  {_counts(by_type)}",
            f"  relations: {_counts(predicates)}",
            f"  most related: {top or 'none'}",
        ]
    )


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{n} {name}" for name, n in counter.most_common()) or "none"


def shipped_gold() -> Path:
    """The development gold bundled with the demo corpus (``ingest/corpus/gold``), as a folder
    on disk (the package is installed as files)."""
    from importlib.resources import files

    return Path(str(files("beleidsgraaf.ingest.corpus") / "gold"))


@app.command()
def evaluate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Documents, or JSON from 'extract --format json' (default: the demo corpus)."
        ),
    ] = None,
    gold: Annotated[
        Path | None,
        typer.Option(
            "--gold",
            help="Folder of gold *.json files (default: the development gold shipped with the "
            "demo corpus, ingest/corpus/gold).",
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    misses: Annotated[int, typer.Option("--misses", help="Misses listed per kind.")] = 20,
    model: Annotated[
        str | None, typer.Option("--model", help="spaCy pipeline that parses (default: shipped).")
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", help="Score relations believed at least this.")
    ] = 0.5,
) -> None:
    """Score extraction against gold annotations: P/R/F1 per type, splits, relations, misses.

    Without --gold, the demo corpus is scored against the development gold that ships with it
    (the figures in docs/extraction-quality.md).

    Example: beleidsgraaf evaluate
    """
    from beleidsgraaf.ingest.evaluate import evaluate_paths, format_report

    if fmt not in {"text", "json"}:
        raise ConfigError(f"--format {fmt!r}: use text or json")
    summary, scores = evaluate_paths(
        gold or shipped_gold(), paths or [], model=model, threshold=min_confidence
    )
    if fmt == "json":
        typer.echo(json.dumps(summary, indent=1))
    else:
        typer.echo(format_report(summary, scores, misses=misses))
