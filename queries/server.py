"""``beleidsgraaf serve``: the embedded store as a read-only SPARQL endpoint with a query page.

Standard library HTTP (``ThreadingHTTPServer``): nothing to install, and the load is one team's
analysts, not the public. Routes:

* ``/sparql`` -- the SPARQL 1.1 Protocol: ``GET ?query=``, ``POST`` form (``query=`` /
  ``update=``) or ``application/sparql-query`` / ``application/sparql-update`` bodies, with
  ``default-graph-uri`` / ``named-graph-uri``. The answer's format is negotiated from ``Accept``
  (``queries.negotiation``): SPARQL results JSON, XML, CSV or TSV for SELECT (JSON or XML for
  ASK); N-Triples, Turtle, RDF/XML, JSON-LD, N-Quads or TriG for CONSTRUCT and DESCRIBE; 406
  when ``Accept`` admits none of them.
* ``/api/queries`` (the library with its headers) and ``/api/queries/<name>?param=value``
  (a library query with parameters bound as terms, never pasted).
* ``/`` -- the query page (HTML/JS/CSS bundled in ``queries/static``; no CDN).
* ``/out/<file>`` -- the map and versnippering report, when ``out`` holds them.

Safety, in layers (``docs/security.md`` says what this allows and how to put it behind a proxy):

1. Every request first passes :meth:`_Handler._refusal`, the one validation layer: the ``Host``
   must name this server (loopback names, the bound address, ``--allow-host``), against DNS
   rebinding; a request from a browser page of another origin (``Origin``,
   ``Sec-Fetch-Site``) is refused; ``Content-Length`` must be one decimal number no larger than
   :data:`MAX_BODY` (a POST needs one; chunked bodies are refused). Any error closes the
   connection, so an unread body can never be taken for the next request.
2. Query and update texts pass the guard (``queries.guard``) before the parser: nesting and
   operator limits (deep nesting crashed the parser), no ``SERVICE`` and no ``LOAD`` (the server
   would send requests to any address) unless started with ``--allow-service``.
3. Evaluation runs in worker processes (``queries.worker``) with a time limit; a timed-out query's
   process is killed (503), a crashed one costs its request a 500; at most ``workers`` run at
   once, others wait up to the time limit for a slot. Results have a row limit.
4. SPARQL Update is refused (403) unless the server was started with an update token *and* the
   request carries ``Authorization: Bearer <token>``.

Binds 127.0.0.1 by default.
"""

from __future__ import annotations

import hmac
import json
import mimetypes
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from beleidsgraaf.errors import BeleidsgraafError, QueryError
from beleidsgraaf.graph.results import QueryResult, Term
from beleidsgraaf.graph.sparql_terms import inject_values
from beleidsgraaf.queries.guard import check_query, check_update
from beleidsgraaf.queries.library import bind, load_library
from beleidsgraaf.queries.negotiation import BOOLEAN_OFFERS, GRAPH_OFFERS, RESULTS_OFFERS
from beleidsgraaf.queries.worker import Answer, Job, WorkerPool

__all__ = ["MAX_BODY", "ServerConfig", "SparqlServer", "make_server"]

MAX_BODY = 1 << 20
ALLOW = "GET, HEAD, POST"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
_STATIC = ("index.html", "app.js", "style.css")
_OUT_FILES = (".html", ".js", ".css", ".json", ".csv", ".png", ".svg", ".md", ".txt")
_WILDCARD_HOSTS = ("", "0.0.0.0", "::")
_DECIMAL = re.compile(r"[0-9]{1,19}")


@dataclass(frozen=True)
class ServerConfig:
    """How ``serve`` behaves; every limit has a safe default."""

    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0
    max_rows: int = 100_000
    workers: int = 4
    update_token: str | None = None
    out: Path | None = None
    allowed_hosts: tuple[str, ...] = ()
    """Host names (besides loopback and the bound address) that requests may be addressed to:
    the public name when the server sits behind a proxy."""
    allow_service: bool = False
    """Let queries use ``SERVICE`` (and updates ``LOAD``): the server then sends requests."""
    request_timeout: float = 30.0
    """Seconds a client may take to send its request (a slow client holds a thread)."""

    def host_names(self) -> frozenset[str]:
        """Every name a request's ``Host`` may give (lower case, no port, no brackets)."""
        names = {*LOOPBACK_NAMES, *(h.lower().strip("[]") for h in self.allowed_hosts)}
        if self.host not in _WILDCARD_HOSTS:
            names.add(self.host.lower().strip("[]"))
        return frozenset(names)


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; holds the worker pool and the limits for its handlers."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, pool: WorkerPool, config: ServerConfig) -> None:
        self.pool = pool
        self.config = config
        self.host_names = config.host_names()
        super().__init__((config.host, config.port), _Handler)

    @property
    def url(self) -> str:
        address, port = self.server_address[:2]
        host = address.decode() if isinstance(address, bytes) else address
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """One line on stderr instead of a traceback; a client that hung up is not news."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError | TimeoutError):
            print(f"serve: request from {client_address[0]} failed: {error!r}", file=sys.stderr)

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def make_server(store_path: Path, config: ServerConfig) -> SparqlServer:
    """Start the query workers on the store at ``store_path`` and bind the server (``port=0``
    picks a free one; see ``.url``); then call ``serve_forever``."""
    if config.update_token is not None and len(config.update_token) < 16:
        raise BeleidsgraafError("serve: an update token needs at least 16 characters")
    writable = config.update_token is not None
    pool = WorkerPool(store_path, size=config.workers, writable=writable, timeout=config.timeout)
    try:
        return SparqlServer(pool, config)
    except OSError as exc:
        pool.close()
        raise BeleidsgraafError(
            f"serve: cannot listen on {config.host}:{config.port}: {exc.strerror}"
        ) from exc


class _RefusedError(Exception):
    """A request answered with an error before it reached a route."""

    def __init__(self, status: int, message: str, headers: tuple[tuple[str, str], ...] = ()):
        super().__init__(message)
        self.answer = Answer.text(status, message, headers)


def _host_name(authority: str) -> str:
    """'Example.org:8080' -> 'example.org'; '[::1]:7878' -> '::1'."""
    authority = authority.strip().lower()
    if authority.startswith("["):
        return authority[1 : authority.find("]")] if "]" in authority else authority
    return authority.rsplit(":", 1)[0] if authority.count(":") == 1 else authority


def _one(params: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in params if k == name]
    if len(values) > 1:
        raise _RefusedError(HTTPStatus.BAD_REQUEST, f"give exactly one {name!r} parameter")
    return values[0] if values else None


def _graphs(params: list[tuple[str, str]], name: str) -> tuple[str, ...]:
    out = []
    for _, value in (p for p in params if p[0] == name):
        try:
            out.append(ox.NamedNode(value).value)
        except ValueError:
            raise _RefusedError(HTTPStatus.BAD_REQUEST, f"{name} {value!r} is not an IRI") from None
    return tuple(out)


def _form(text: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(text, keep_blank_values=True, errors="strict", max_num_fields=1000)
    except (UnicodeDecodeError, ValueError) as exc:
        raise _RefusedError(HTTPStatus.BAD_REQUEST, f"malformed parameters: {exc}") from None


class _PoolSource:
    """The worker pool as a :class:`~beleidsgraaf.queries.library.QuerySource`, for resolving a
    library query's entity parameters."""

    def __init__(self, pool: WorkerPool) -> None:
        self.pool = pool

    def query(
        self,
        query: str,
        bindings: dict[str, Term] | None = None,
        *,
        timeout: float | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        answer = self.pool.run(
            Job(inject_values(query, bindings or {}), accept="application/sparql-results+json")
        )
        if answer.status != HTTPStatus.OK:
            raise _RefusedError(answer.status, answer.body.decode("utf-8", "replace").strip())
        raw = ox.parse_query_results(answer.body, format=ox.QueryResultsFormat.JSON)
        return QueryResult.from_oxigraph(raw, max_rows=max_rows)


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    # a request line without a version is answered as HTTP/1.1 (with a status line): this server
    # does not speak HTTP/0.9, whose errors would be bare text
    default_request_version = "HTTP/1.1"
    server_version = "beleidsgraaf"
    _head = False

    def setup(self) -> None:
        super().setup()
        # how long a client may take to send its request: a slow client holds a thread
        self.connection.settimeout(self.server.config.request_timeout)

    def log_message(self, format: str, *args: Any) -> None:  # quiet by default
        return

    # -- plumbing -------------------------------------------------------------------------------

    def _send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if answer.status >= 400:
            self.send_header("Connection", "close")
            self.close_connection = True
        for name, value in answer.headers:
            self.send_header(name, value)
        self.end_headers()
        if not self._head:
            self.wfile.write(answer.body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The base class's errors (bad request line, unknown method, ...) as one plain line."""
        try:
            text = message or HTTPStatus(code).phrase
        except ValueError:
            text = message or "error"
        self._send(Answer.text(code, text))

    def _refusal(self, method: str) -> None:
        """The request-validation layer: raises :class:`_RefusedError` for a request no route may
        see. Why each check: the module docstring, and ``docs/security.md``."""
        host = self.headers.get_all("Host") or []
        if len(host) != 1:
            raise _RefusedError(HTTPStatus.BAD_REQUEST, "give exactly one Host header")
        if _host_name(host[0]) not in self.server.host_names:
            raise _RefusedError(
                HTTPStatus.FORBIDDEN,
                f"Host {host[0][:80]!r} is not this server's name "
                "(start serve with --allow-host NAME to answer to it)",
            )
        origin = self.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc.lower() != host[0].strip().lower():
            raise _RefusedError(HTTPStatus.FORBIDDEN, "cross-origin requests are refused")
        if (self.headers.get("Sec-Fetch-Site") or "none").lower() not in ("same-origin", "none"):
            raise _RefusedError(HTTPStatus.FORBIDDEN, "cross-site requests are refused")
        if self.headers.get("Transfer-Encoding") is not None:
            raise _RefusedError(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length")
        lengths = self.headers.get_all("Content-Length") or []
        if len(lengths) > 1 or (lengths and not _DECIMAL.fullmatch(lengths[0].strip())):
            raise _RefusedError(HTTPStatus.BAD_REQUEST, "Content-Length must be one decimal number")
        if lengths and int(lengths[0]) > MAX_BODY:
            raise _RefusedError(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes"
            )
        if method == "POST" and not lengths:
            raise _RefusedError(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length")

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        try:
            data = self.rfile.read(length) if length else b""
        except TimeoutError:
            raise _RefusedError(
                HTTPStatus.REQUEST_TIMEOUT, "the request body did not arrive in time"
            ) from None
        if len(data) != length:
            raise _RefusedError(HTTPStatus.BAD_REQUEST, "the request body ended early")
        return data

    def _text(self, data: bytes) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise _RefusedError(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8") from None

    def _handle(self, method: str, route: Callable[[], Answer]) -> None:
        try:
            self._refusal(method)
            answer = route()
        except _RefusedError as refused:
            answer = refused.answer
        except Exception as exc:  # the last line of defence: one line in the log, a 500 out
            self.server.handle_error(self.request, self.client_address)
            answer = Answer.text(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {exc!r}")
        self._send(answer)

    # -- methods --------------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._handle("GET", self._get)

    def do_HEAD(self) -> None:
        self._head = True
        self._handle("HEAD", self._get)

    def do_POST(self) -> None:
        self._handle("POST", self._post)

    def _not_allowed(self) -> None:
        def route() -> Answer:
            raise _RefusedError(
                HTTPStatus.METHOD_NOT_ALLOWED,
                f"{self.command} is not supported here (this endpoint allows {ALLOW})",
                headers=(("Allow", ALLOW),),
            )

        self._handle(self.command, route)

    def do_PUT(self) -> None:
        self._not_allowed()

    def do_DELETE(self) -> None:
        self._not_allowed()

    def do_PATCH(self) -> None:
        self._not_allowed()

    def do_OPTIONS(self) -> None:
        self._not_allowed()

    # -- routes ---------------------------------------------------------------------------------

    def _get(self) -> Answer:
        parts = urlsplit(self.path)
        self._body()  # a GET body is read and ignored, never left for the next request
        path = parts.path
        if path == "/sparql":
            params = _form(parts.query)
            if "update" in {k for k, _ in params}:
                raise _RefusedError(HTTPStatus.BAD_REQUEST, "send an update with POST, not GET")
            text = _one(params, "query")
            if text is None:
                raise _RefusedError(HTTPStatus.BAD_REQUEST, "missing 'query' parameter")
            return self._query(text, params)
        if path == "/api/queries":
            return self._library()
        if path.startswith("/api/queries/"):
            return self._named(unquote(path[len("/api/queries/") :]), _form(parts.query))
        if path in ("/", "/index.html") or path.lstrip("/") in _STATIC:
            name = "index.html" if path in ("/", "/index.html") else path.lstrip("/")
            body = (files("beleidsgraaf.queries") / "static" / name).read_bytes()
            ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return Answer(HTTPStatus.OK, f"{ctype}; charset=utf-8", body)
        if path.startswith("/out/"):
            return self._out_file(unquote(path[len("/out/") :]))
        raise _RefusedError(HTTPStatus.NOT_FOUND, "not found")

    def _post(self) -> Answer:
        parts = urlsplit(self.path)
        if parts.path != "/sparql":
            self._body()
            raise _RefusedError(HTTPStatus.NOT_FOUND, "not found")
        body = self._body()
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        url_params = _form(parts.query)
        if ctype == "application/sparql-query":
            return self._query(self._text(body), url_params)
        if ctype == "application/sparql-update":
            return self._update(self._text(body), url_params)
        if ctype in ("application/x-www-form-urlencoded", ""):
            form = _form(self._text(body))
            query, update = _one(form, "query"), _one(form, "update")
            if (query is None) == (update is None):
                raise _RefusedError(HTTPStatus.BAD_REQUEST, "give one 'query' or one 'update'")
            if query is not None:
                return self._query(query, form)
            return self._update(update or "", form)
        raise _RefusedError(
            HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported content type {ctype!r}"
        )

    # -- handlers -------------------------------------------------------------------------------

    def _accept(self) -> str | None:
        """The Accept header, after a quick 406 for one that admits no format at all."""
        accept = self.headers.get("Accept")
        if accept is not None and accept.strip():
            offered = [*RESULTS_OFFERS, *BOOLEAN_OFFERS, *GRAPH_OFFERS]
            if parse_accept_header(accept, MIMEAccept).best_match(offered) is None:
                raise _RefusedError(
                    HTTPStatus.NOT_ACCEPTABLE,
                    f"no answer format matches Accept {accept[:120]!r}; "
                    f"offered: {', '.join(dict.fromkeys(offered))}",
                )
        return accept

    def _query(self, text: str, params: list[tuple[str, str]]) -> Answer:
        config = self.server.config
        try:
            check_query(text, outbound=config.allow_service)
        except QueryError as exc:
            raise _RefusedError(HTTPStatus.BAD_REQUEST, str(exc)) from None
        default, named = _graphs(params, "default-graph-uri"), _graphs(params, "named-graph-uri")
        given = bool(default or named)
        job = Job(
            text,
            accept=self._accept(),
            default_graphs=default if given else None,
            named_graphs=named if given else None,
            max_rows=config.max_rows,
        )
        return self.server.pool.run(job)

    def _update(self, text: str, params: list[tuple[str, str]]) -> Answer:
        config = self.server.config
        if config.update_token is None:
            raise _RefusedError(
                HTTPStatus.FORBIDDEN, "this endpoint is read-only (updates are disabled)"
            )
        given = (self.headers.get("Authorization") or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), config.update_token.encode()):
            raise _RefusedError(
                HTTPStatus.FORBIDDEN, "update refused: missing or wrong bearer token"
            )
        if any(k in ("using-graph-uri", "using-named-graph-uri") for k, _ in params):
            raise _RefusedError(
                HTTPStatus.BAD_REQUEST, "using-graph-uri is not supported; write USING instead"
            )
        try:
            check_update(text, outbound=config.allow_service)
        except QueryError as exc:
            raise _RefusedError(HTTPStatus.BAD_REQUEST, str(exc)) from None
        return self.server.pool.run(Job(text, update=True))

    def _library(self) -> Answer:
        listing = [
            {
                "name": q.name,
                "title_nl": q.title_nl,
                "title_en": q.title_en,
                "description": q.description,
                "params": [vars(p) for p in q.params],
                "text": q.text,
            }
            for q in load_library().values()
        ]
        body = json.dumps(listing, ensure_ascii=False).encode()
        return Answer(HTTPStatus.OK, "application/json", body)

    def _named(self, name: str, params: list[tuple[str, str]]) -> Answer:
        library = load_library()
        if name not in library:
            raise _RefusedError(HTTPStatus.NOT_FOUND, f"no query named {name!r}")
        query = library[name]
        values = {k: v for k, v in params}
        if len(values) != len(params):
            raise _RefusedError(HTTPStatus.BAD_REQUEST, "give each parameter once")
        try:
            bindings = bind(_PoolSource(self.server.pool), query, values)
        except QueryError as exc:
            raise _RefusedError(HTTPStatus.BAD_REQUEST, str(exc)) from None
        job = Job(
            inject_values(query.text, bindings),
            accept=self._accept(),
            max_rows=self.server.config.max_rows,
        )
        return self.server.pool.run(job)

    def _out_file(self, name: str) -> Answer:
        out = self.server.config.out
        if out is None:
            raise _RefusedError(HTTPStatus.NOT_FOUND, "not found")
        root = out.resolve()
        target = (root / name).resolve()
        if root not in target.parents or not target.is_file() or target.suffix not in _OUT_FILES:
            raise _RefusedError(HTTPStatus.NOT_FOUND, "not found (build the map or report first)")
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        return Answer(HTTPStatus.OK, ctype, target.read_bytes())
