"""CLI commands ``relations train`` and ``relations evaluate``: the relation classifier."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from beleidsgraaf.cli.app import app

relations_app = typer.Typer(
    help=(
        "The relation classifier: train it on gold annotations, measure it fairly.\n\n"
        "Example: beleidsgraaf relations evaluate --gold ../shared/gold"
    ),
    no_args_is_help=True,
)
app.add_typer(relations_app, name="relations")

GoldOption = Annotated[Path, typer.Option("--gold", help="Folder of gold *.json files.")]
CostOption = Annotated[float, typer.Option("--c", help="Inverse regularisation strength.")]


def _documents(gold: Path, model: str | None) -> Any:
    from beleidsgraaf.ingest.extract import load_pipeline
    from beleidsgraaf.ingest.relations.training import label_documents

    return label_documents(gold, load_pipeline(model))


@relations_app.command("train")
def train(
    gold: GoldOption = Path("../shared/gold"),
    c: CostOption = 1.0,
    out: Annotated[
        Path | None, typer.Option("--out", help="Where the model goes (default: the shipped one).")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Syntax model.")] = None,
) -> None:
    """Train the relation classifier on the gold documents and write its weights.

    Example: beleidsgraaf relations train --gold ../shared/gold
    """
    from beleidsgraaf.ingest.relations.training import train_model, write_model

    docs = _documents(gold, model)
    path = write_model(train_model(docs, c), out)
    pairs = sum(1 for d in docs for label in d.labels if label is not None)
    typer.echo(f"Trained on {len(docs)} documents, {pairs} labelled pairs: {path}")


@relations_app.command("evaluate")
def evaluate(
    gold: GoldOption = Path("../shared/gold"),
    c: CostOption = 1.0,
    threshold: Annotated[float, typer.Option("--threshold", help="Minimum confidence.")] = 0.5,
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    model: Annotated[str | None, typer.Option("--model", help="Syntax model.")] = None,
) -> None:
    """Relation precision and recall in-sample and leave-one-document-out, per predicate.

    Example: beleidsgraaf relations evaluate --gold ../shared/gold
    """
    from beleidsgraaf.ingest.relations.training import leave_one_out

    report = leave_one_out(_documents(gold, model), c, threshold)
    if output_format == "json":
        typer.echo(json.dumps(report, indent=2))
        return
    for name in ("in_sample", "leave_one_out"):
        r = report[name]
        typer.echo(
            f"{name}: precision {r['precision']:.3f} recall {r['recall']:.3f} "
            f"(pred {r['pred']}, gold {r['gold']})"
        )
        for predicate, figures in report[f"{name}_by_predicate"].items():
            typer.echo(f"  {predicate:<17} recall {figures['recall']:.3f} of {figures['gold']}")
