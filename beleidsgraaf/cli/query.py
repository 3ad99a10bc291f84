"""CLI commands ``query`` and ``serve``: thin wrappers over the store API (``push`` and ``export``
are in :mod:`beleidsgraaf.cli.publish`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from beleidsgraaf.cli.app import app, settings_of
from beleidsgraaf.errors import ConfigError, QueryError

if TYPE_CHECKING:
    from beleidsgraaf.queries.endpoint import Endpoint


def _params(values: list[str]) -> dict[str, str]:
    out = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {item!r}: write it as NAME=VALUE")
        out[name.strip()] = value
    return out


def _endpoint(url: str, user: str | None, timeout: float | None, ctx: typer.Context) -> Endpoint:
    from beleidsgraaf.queries.endpoint import Endpoint

    settings = settings_of(ctx)
    return Endpoint(
        url,
        user=user or settings.endpoint_user,
        password=os.environ.get("BELEIDSGRAAF_ENDPOINT_PASSWORD") or settings.endpoint_password,
        timeout=timeout or settings.endpoint_timeout,
    )


@app.command()
def query(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="A library query (see --list).")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Run this .rq file.")] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE; bound as an RDF term.")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="table, csv, tsv, json (SPARQL JSON), turtle, nt.")
    ] = "table",
    endpoint: Annotated[
        str | None, typer.Option("--endpoint", help="Run on this SPARQL 1.1 endpoint instead.")
    ] = None,
    user: Annotated[str | None, typer.Option("--user", help="Basic-auth user (endpoint).")] = None,
    timeout: Annotated[float | None, typer.Option("--timeout", help="Seconds.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the library queries.")] = False,
) -> None:
    """Run a library query or any .rq file on the store or a remote endpoint.

    The password for --user is read from $BELEIDSGRAAF_ENDPOINT_PASSWORD.

    Example: beleidsgraaf query organisations-in-programme --param programme="Techniekpact"
    """
    from beleidsgraaf.graph.store import Store
    from beleidsgraaf.queries.library import load_library, query_by_name, query_from_file, run_query

    if list_:
        for q in load_library().values():
            args = " ".join(f"--param {p.name}=..." for p in q.params)
            typer.echo(f"{q.name} {args}\n    {q.title_nl}\n    {q.title_en}")
        return
    if (name is None) == (file is None):
        raise QueryError("give a query NAME or --file PATH (see --list)")
    named = query_from_file(file) if file is not None else query_by_name(name or "")
    settings = settings_of(ctx)
    limit = timeout or settings.query_timeout
    values = _params(param or [])
    if endpoint or settings.endpoint:
        source = _endpoint(endpoint or settings.endpoint or "", user, timeout, ctx)
        result = run_query(source, named, values, timeout=limit)
    else:
        with Store(settings.store, read_only=True) as store:
            result = run_query(store, named, values, timeout=limit)
    typer.echo(result.serialize(fmt), nl=False)


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port (0 picks a free one).")] = 7878,
    timeout: Annotated[float | None, typer.Option("--timeout", help="Query time limit, s.")] = None,
    max_rows: Annotated[int, typer.Option("--max-rows", help="Result row limit.")] = 100_000,
    allow_updates: Annotated[
        bool,
        typer.Option(
            "--allow-updates",
            help="Accept SPARQL Update with 'Authorization: Bearer $BELEIDSGRAAF_UPDATE_TOKEN'.",
        ),
    ] = False,
) -> None:
    """Serve the store as a read-only SPARQL endpoint with a query page.

    Example: beleidsgraaf serve --port 7878   (then open http://127.0.0.1:7878/)
    """
    from beleidsgraaf.graph.store import Store
    from beleidsgraaf.queries.server import ServerConfig, make_server

    settings = settings_of(ctx)
    token = None
    if allow_updates:
        token = os.environ.get("BELEIDSGRAAF_UPDATE_TOKEN")
        if not token or len(token) < 16:
            raise ConfigError("--allow-updates needs $BELEIDSGRAAF_UPDATE_TOKEN (16+ characters)")
    config = ServerConfig(
        host=host,
        port=port,
        timeout=timeout or settings.query_timeout,
        max_rows=max_rows,
        update_token=token,
        out=settings.out,
    )
    with Store(settings.store, read_only=token is None) as store:
        server = make_server(store, config)
        typer.echo(f"serving {settings.store} at {server.url}/ (SPARQL: {server.url}/sparql)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
