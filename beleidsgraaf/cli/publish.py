"""CLI commands that hand the graph to other tools: ``push`` (to a shared SPARQL server) and
``export`` (files for triple stores, Gephi and Kumu); thin wrappers over ``graph.push`` and
``graph.export``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from beleidsgraaf.cli.app import app, settings_of
from beleidsgraaf.errors import ConfigError


@app.command()
def push(
    ctx: typer.Context,
    endpoint: Annotated[
        str | None, typer.Option("--endpoint", help="Server URL (or its query endpoint).")
    ] = None,
    update_url: Annotated[
        str | None, typer.Option("--update-endpoint", help="SPARQL Update URL if different.")
    ] = None,
    graph_store: Annotated[
        str | None, typer.Option("--graph-store", help="Use the Graph Store Protocol at this URL.")
    ] = None,
    user: Annotated[str | None, typer.Option("--user", help="Basic-auth user.")] = None,
    prune: Annotated[
        bool, typer.Option("--prune", help="Drop server document graphs not in the local store.")
    ] = False,
    union_default: Annotated[
        bool,
        typer.Option(
            "--union-default-graph",
            help="Also keep the server's default graph the union of the graphs (Oxigraph "
            "started WITHOUT --union-default-graph; fast queries).",
        ),
    ] = False,
    batch: Annotated[
        int | None,
        typer.Option(
            "--batch-size",
            min=1,
            help="Triples per update request to start with (default 20000); halved whenever "
            "the server says a request is too large (Virtuoso's SP030/SP031, HTTP 413).",
        ),
    ] = None,
) -> None:
    """Push every named graph to a SPARQL server, replacing each graph.

    Example: beleidsgraaf push --endpoint http://127.0.0.1:7878
    """
    from beleidsgraaf.graph.push import DEFAULT_BATCH
    from beleidsgraaf.graph.push import push as push_store
    from beleidsgraaf.graph.store import Store
    from beleidsgraaf.queries.endpoint import Endpoint

    settings = settings_of(ctx)
    batch = batch or DEFAULT_BATCH
    url = endpoint or settings.endpoint
    if not url:
        raise ConfigError("push: give --endpoint URL (or set endpoint in the config)")
    remote = Endpoint(
        url,
        update_url=update_url,
        user=user or settings.endpoint_user,
        password=os.environ.get("BELEIDSGRAAF_ENDPOINT_PASSWORD") or settings.endpoint_password,
        timeout=settings.endpoint_timeout,
    )
    with Store(settings.store, read_only=True) as store:
        report = push_store(
            store,
            remote,
            method="gsp" if graph_store else "update",
            graph_store_url=graph_store,
            prune=prune,
            union_default=union_default,
            batch=batch,
        )
    how = ""
    if report.requests:
        how = f" in {report.requests} requests"
        if report.batch < batch:
            how += f" (the server refused more than {report.batch} triples a request)"
    typer.echo(
        f"pushed {report.graphs} graphs ({report.triples} triples) to {url}{how}; "
        f"dropped {len(report.dropped)} old graphs"
    )


@app.command()
def export(
    ctx: typer.Context,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Folder (default: <out>/export).")
    ] = None,
    fmt: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            help="trig, nquads, turtle, ntriples, jsonld, graphml, gexf, csv (default: all; "
            "repeat the option for several).",
        ),
    ] = None,
) -> None:
    """Export the graph as RDF and the actor network for Gephi and Kumu.

    RDF: graph.trig, graph.nq and graph.jsonld keep the named graphs (one per document) and
    leave the default graph empty; graph.ttl and graph.nt hold the union of all graphs, for
    tools that need a default graph (Jena sparql or shacl, rdflib).

    Actor network (entities, relations, and the vocabulary's locatedIn/partOf links between
    them): actors.graphml and actors.gexf for Gephi, Cytoscape, yEd or igraph;
    gephi-nodes.csv and gephi-edges.csv for Gephi's spreadsheet import; kumu-elements.csv and
    kumu-connections.csv for Kumu. README.md in the folder says which file is for which tool.

    Example: beleidsgraaf export --format trig --format gexf -o export/
    """
    from beleidsgraaf.graph.export import check_formats
    from beleidsgraaf.graph.export import export as export_store
    from beleidsgraaf.graph.store import Store

    check_formats(fmt)  # before opening the store: a typo should not wait for a lock
    settings = settings_of(ctx)
    with Store(settings.store, read_only=True) as store:
        written = export_store(store, out or settings.out / "export", fmt)
    for path in written:
        typer.echo(str(path))
