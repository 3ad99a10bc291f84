"""CLI commands ``model evaluate`` and ``model train``: the shipped Dutch syntax model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from beleidsgraaf.cli.app import app

model_app = typer.Typer(
    help=(
        "The Dutch syntax model (tagger, lemmatizer, parser) the project trains and ships.\n\n"
        "Example: beleidsgraaf model evaluate --conllu nl_alpino-ud-test.conllu"
    ),
    no_args_is_help=True,
)
app.add_typer(model_app, name="model")


@model_app.command("evaluate")
def evaluate(
    conllu: Annotated[Path, typer.Option("--conllu", help="A CoNLL-U file with gold annotation.")],
    model: Annotated[
        str | None, typer.Option("--model", help="A spaCy model name or path (default: shipped).")
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """UPOS, UAS, LAS, lemma accuracy and sentence F1 of the model on a treebank file.

    Example: beleidsgraaf model evaluate --conllu nl_alpino-ud-test.conllu --format json
    """
    from beleidsgraaf.errors import ConfigError
    from beleidsgraaf.ingest.syntax.evaluate import evaluate_conllu
    from beleidsgraaf.ingest.syntax.model import syntax_pipeline

    if output_format not in {"text", "json"}:
        raise ConfigError(f"--format must be text or json, not {output_format!r}")
    scores = evaluate_conllu(conllu, syntax_pipeline(model))
    if output_format == "json":
        typer.echo(json.dumps(scores, indent=2))
        return
    typer.echo(f"{conllu.name}: {scores['sentences']} sentences, {scores['tokens']} tokens")
    for key in ("upos", "uas", "las", "lemma", "sents_f"):
        typer.echo(f"  {key:<8} {scores[key]:.3f}")


@model_app.command("train")
def train(
    treebank: Annotated[
        list[Path],
        typer.Option(
            "--treebank",
            help="A git clone of UD_Dutch-Alpino or UD_Dutch-LassySmall (give both).",
        ),
    ],
    workdir: Annotated[
        Path, typer.Option("--workdir", help="Where training data and checkpoints go.")
    ] = Path("build/syntax"),
    out: Annotated[
        Path | None, typer.Option("--out", help="Where the model goes (default: the shipped one).")
    ] = None,
    epochs: Annotated[
        int | None, typer.Option("--epochs", help="Stop after this many epochs (default: 20).")
    ] = None,
) -> None:
    """Retrain the shipped syntax model from the UD Dutch treebanks (about an hour on 2 cores).

    Example: beleidsgraaf model train --treebank UD_Dutch-Alpino --treebank UD_Dutch-LassySmall
    """
    from beleidsgraaf.ingest.syntax.training import MODEL_DIR, repositories
    from beleidsgraaf.ingest.syntax.training import train as run

    overrides = {"training.max_epochs": epochs} if epochs else None
    path = run(repositories(treebank), workdir, out or MODEL_DIR, overrides=overrides)
    typer.echo(f"Model written to {path}")
