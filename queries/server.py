"""``beleidsgraaf serve``: the embedded store as a read-only SPARQL endpoint with a query page.

Standard library HTTP (``ThreadingHTTPServer``): nothing to install, and the load is one team's
analysts, not the public. Routes:

* ``/sparql`` -- SPARQL 1.1 Protocol: ``GET ?query=``, ``POST`` form (``query=`` / ``update=``)
  or ``application/sparql-query`` / ``application/sparql-update`` bodies. Results as SPARQL JSON
  (default), CSV or TSV by ``Accept``; CONSTRUCT as N-Triples or Turtle.
* ``/api/queries`` (the library with its headers) and ``/api/queries/<name>?param=value``
  (a library query with parameters bound as terms, never pasted).
* ``/`` -- the query page (HTML/JS/CSS bundled in ``queries/static``; no CDN).
* ``/out/<file>`` -- the map and versnippering report, when ``out`` holds them.

Safety: binds 127.0.0.1 by default; SPARQL Update is refused (403) unless the server was started
with an update token *and* the request carries ``Authorization: Bearer <token>``; every query has
a time limit (503 when exceeded) and a row limit; at most ``workers`` queries evaluate at once,
counting timed-out ones until they really end (others wait up to the time limit, then get 503);
request bodies are capped at 1 MiB.
"""

from __future__ import annotations

import hmac
import json
import mimetypes
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from beleidsgraaf.errors import BeleidsgraafError, QueryError, StoreError
from beleidsgraaf.graph.results import QueryResult
from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.library import load_library, run_query

__all__ = ["ServerConfig", "SparqlServer", "make_server"]

MAX_BODY = 1 << 20
_STATIC = ("index.html", "app.js", "style.css")
_OUT_FILES = (".html", ".js", ".css", ".json", ".csv", ".png", ".svg", ".md", ".txt")


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


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; holds the store and the limits for its handlers."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, store: Store, config: ServerConfig) -> None:
        self.store = store
        self.config = config
        self.slots = threading.BoundedSemaphore(config.workers)
        super().__init__((config.host, config.port), _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


def make_server(store: Store, config: ServerConfig) -> SparqlServer:
    """Bind the server (``port=0`` picks a free one; see ``.url``); call ``serve_forever``."""
    if config.update_token is not None and (store.read_only or len(config.update_token) < 16):
        raise BeleidsgraafError(
            "serve: an update token needs a writable store and at least 16 characters"
        )
    try:
        return SparqlServer(store, config)
    except OSError as exc:
        raise BeleidsgraafError(
            f"serve: cannot listen on {config.host}:{config.port}: {exc.strerror}"
        ) from exc


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "beleidsgraaf"

    def log_message(self, format: str, *args: Any) -> None:  # quiet by default
        return

    # -- plumbing -------------------------------------------------------------------------------

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _body(self) -> bytes | None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
            return None
        return self.rfile.read(length) if length else b""

    # -- routes ---------------------------------------------------------------------------------

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        params = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        path = parts.path
        if path == "/sparql":
            if "query" not in params:
                self._error(HTTPStatus.BAD_REQUEST, "missing 'query' parameter")
                return
            self._query(params["query"])
        elif path == "/api/queries":
            self._library()
        elif path.startswith("/api/queries/"):
            self._named(unquote(path[len("/api/queries/") :]), params)
        elif path in ("/", "/index.html") or path.lstrip("/") in _STATIC:
            name = "index.html" if path in ("/", "/index.html") else path.lstrip("/")
            body = (files("beleidsgraaf.queries") / "static" / name).read_bytes()
            ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
            self._send(HTTPStatus.OK, body, f"{ctype}; charset=utf-8")
        elif path.startswith("/out/"):
            self._out_file(unquote(path[len("/out/") :]))
        else:
            self._error(HTTPStatus.NOT_FOUND, "not found")

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        if path != "/sparql":
            self._error(HTTPStatus.NOT_FOUND, "not found")
            return
        body = self._body()
        if body is None:
            return
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-query":
            self._query(body.decode("utf-8", "replace"))
        elif ctype == "application/sparql-update":
            self._update(body.decode("utf-8", "replace"))
        elif ctype in ("application/x-www-form-urlencoded", ""):
            form = {k: v[-1] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
            if "update" in form:
                self._update(form["update"])
            elif "query" in form:
                self._query(form["query"])
            else:
                self._error(HTTPStatus.BAD_REQUEST, "missing 'query' or 'update'")
        else:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported content type {ctype!r}")

    # -- handlers -------------------------------------------------------------------------------

    def _evaluate(self, run: Any) -> QueryResult | None:
        """Run ``run`` in an evaluation thread that holds one of the ``workers`` slots until the
        evaluation really ends. An in-process query cannot be interrupted, so a timed-out one
        keeps its slot while it finishes: runaway queries can never pile up beyond ``workers``."""
        config = self.server.config
        slots = self.server.slots
        if not slots.acquire(timeout=config.timeout):
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, "server busy; try again")
            return None
        box: dict[str, Any] = {}

        def evaluate() -> None:
            try:
                box["result"] = run()
            except BeleidsgraafError as exc:
                box["error"] = exc
            finally:
                slots.release()

        worker = threading.Thread(target=evaluate, name="sparql-evaluation", daemon=True)
        worker.start()
        worker.join(config.timeout)
        if worker.is_alive():
            self._error(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"query timed out after {config.timeout:g} s (make it more selective or add LIMIT)",
            )
            return None
        if "error" in box:
            self._error(HTTPStatus.BAD_REQUEST, str(box["error"]))
            return None
        result: QueryResult = box["result"]
        return result

    def _query(self, text: str) -> None:
        config = self.server.config
        result = self._evaluate(lambda: self.server.store.query(text, max_rows=config.max_rows))
        if result is not None:
            self._result(result)

    def _result(self, result: QueryResult) -> None:
        accept = (self.headers.get("Accept") or "").lower()
        if result.kind == "construct":
            if "turtle" in accept:
                self._send(
                    HTTPStatus.OK, result.serialize("turtle").encode(), "text/turtle; charset=utf-8"
                )
            else:
                self._send(HTTPStatus.OK, result.serialize("nt").encode(), "application/n-triples")
        elif "text/csv" in accept and result.kind == "select":
            self._send(HTTPStatus.OK, result.serialize("csv").encode(), "text/csv; charset=utf-8")
        elif "text/tab-separated-values" in accept and result.kind == "select":
            body = result.serialize("tsv").encode()
            self._send(HTTPStatus.OK, body, "text/tab-separated-values; charset=utf-8")
        else:
            body = json.dumps(result.to_json(), ensure_ascii=False).encode("utf-8")
            self._send(HTTPStatus.OK, body, "application/sparql-results+json")

    def _update(self, text: str) -> None:
        token = self.server.config.update_token
        given = (self.headers.get("Authorization") or "").removeprefix("Bearer ").strip()
        if token is None:
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only (updates are disabled)")
            return
        if not hmac.compare_digest(given.encode(), token.encode()):
            self._error(HTTPStatus.FORBIDDEN, "update refused: missing or wrong bearer token")
            return
        try:
            # Store.update keeps the default graph the union of the named graphs
            self.server.store.update(text)
        except QueryError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
            return
        except StoreError as exc:
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
            return
        self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")

    def _library(self) -> None:
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
        self._send(
            HTTPStatus.OK, json.dumps(listing, ensure_ascii=False).encode(), "application/json"
        )

    def _named(self, name: str, params: dict[str, str]) -> None:
        library = load_library()
        if name not in library:
            self._error(HTTPStatus.NOT_FOUND, f"no query named {name!r}")
            return
        config = self.server.config
        result = self._evaluate(
            lambda: run_query(
                self.server.store,
                library[name],
                params,
                max_rows=config.max_rows,
            )
        )
        if result is not None:
            self._result(result)

    def _out_file(self, name: str) -> None:
        out = self.server.config.out
        if out is None:
            self._error(HTTPStatus.NOT_FOUND, "not found")
            return
        root = out.resolve()
        target = (root / name).resolve()
        if root not in target.parents or not target.is_file() or target.suffix not in _OUT_FILES:
            self._error(HTTPStatus.NOT_FOUND, "not found (build the map or report first)")
            return
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        self._send(HTTPStatus.OK, target.read_bytes(), ctype)
