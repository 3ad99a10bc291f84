"""CLI commands ``query`` and ``serve``: thin wrappers over the store API (``push`` and ``export``
are in :mod:`beleidsgraaf.cli.publish`)."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from beleidsgraaf.cli.app import app, settings_of
from beleidsgraaf.config import regular_file
from beleidsgraaf.errors import ConfigError, QueryError, printable

if TYPE_CHECKING:
    from beleidsgraaf.queries.endpoint import Endpoint


def _params(values: list[str]) -> dict[str, str]:
    out = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param '{printable(item)}': write it as NAME=VALUE")
        if printable(item) != item:
            # An undecodable byte (or a control character) cannot be an RDF literal.
            raise QueryError(
                f"--param '{printable(item)}': the value holds a byte that is not UTF-8 text "
                "or a control character"
            )
        out[name.strip()] = value
    return out


def _readable(path: Path) -> Path:
    """A file the user names, refused at once if reading it would block (a FIFO, a device)."""
    try:
        return regular_file(path)
    except FileNotFoundError:
        return path  # the reader says so, in its own words
    except OSError as exc:
        raise QueryError(f"{path}: cannot read the query: {exc.strerror}") from exc


def _seconds(ctx: typer.Context, timeout: float | None, setting: str) -> float:
    """``--timeout`` if given, else the setting; checked like every setting (``config``)."""
    value: float = getattr(settings_of(ctx).with_overrides(**{setting: timeout}), setting)
    return value


def _endpoint(url: str, user: str | None, timeout: float | None, ctx: typer.Context) -> Endpoint:
    from beleidsgraaf.queries.endpoint import Endpoint

    settings = settings_of(ctx)
    return Endpoint(
        url,
        user=user or settings.endpoint_user,
        password=os.environ.get("BELEIDSGRAAF_ENDPOINT_PASSWORD") or settings.endpoint_password,
        timeout=_seconds(ctx, timeout, "endpoint_timeout"),
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
        str,
        typer.Option(
            "--format",
            help="table; SELECT/ASK: json, xml, csv, tsv (SPARQL results); CONSTRUCT: turtle, "
            "nt, rdfxml, jsonld, nquads, trig.",
        ),
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
    named = query_from_file(_readable(file)) if file is not None else query_by_name(name or "")
    settings = settings_of(ctx)
    limit = _seconds(ctx, timeout, "query_timeout")
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
    workers: Annotated[
        int, typer.Option("--workers", help="Queries evaluated at once (worker processes).")
    ] = 4,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="Also answer requests addressed to this host name (the public name behind a "
            "proxy); repeatable. Loopback names and the bound address are always allowed.",
        ),
    ] = None,
    allow_service: Annotated[
        bool,
        typer.Option(
            "--allow-service",
            help="Let queries use SERVICE (the server then sends requests to other addresses).",
        ),
    ] = False,
    allow_updates: Annotated[
        bool,
        typer.Option(
            "--allow-updates",
            help="Accept SPARQL Update with 'Authorization: Bearer $BELEIDSGRAAF_UPDATE_TOKEN'.",
        ),
    ] = False,
) -> None:
    """Serve the store as a read-only SPARQL endpoint with a query page.

    What it allows by default and how to put it behind a proxy: docs/security.md.

    Example: beleidsgraaf serve --port 7878   (then open http://127.0.0.1:7878/)
    """
    from beleidsgraaf.queries.server import ServerConfig, make_server

    settings = settings_of(ctx)
    token = None
    if allow_updates:
        token = settings.update_token
        if not token or len(token) < 16:
            raise ConfigError("--allow-updates needs $BELEIDSGRAAF_UPDATE_TOKEN (16+ characters)")
    if not 1 <= workers <= 64:
        raise ConfigError(f"--workers {workers}: give 1 to 64")
    if not 0 <= port <= 65535:
        raise ConfigError(f"--port {port}: give 0 to 65535 (0 picks a free one)")
    limit = timeout or settings.query_timeout
    if not math.isfinite(limit) or limit <= 0:
        raise ConfigError(f"query time limit {limit}: give a positive number of seconds")
    if max_rows < 1:
        raise ConfigError(f"--max-rows {max_rows}: give a positive number")
    config = ServerConfig(
        host=host,
        port=port,
        timeout=limit,
        max_rows=max_rows,
        workers=workers,
        update_token=token,
        out=settings.out,
        allowed_hosts=tuple(allow_host or ()),
        allow_service=allow_service,
    )
    server = make_server(settings.store, config)
    mode = "read-write (updates with the token)" if token else "read-only"
    typer.echo(f"serving {settings.store} {mode} at {server.url}/ (SPARQL: {server.url}/sparql)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
