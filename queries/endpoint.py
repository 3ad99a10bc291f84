"""A remote SPARQL 1.1 endpoint, answering the same queries as the embedded store.

The SPARQL 1.1 Protocol over ``urllib``: always POST with a form body (library queries with
prefixes are long), ``query=`` or ``update=``, content negotiation by the ``Accept`` header only,
a User-Agent naming the tool, a timeout, optional HTTP basic auth. Answers are parsed by pyoxigraph
into the same :class:`~beleidsgraaf.graph.results.QueryResult` the embedded store gives, so
results compare with ``==``.

Why not SPARQLWrapper: it opens its requests with ``urllib.request.urlopen`` and no way to pass
an opener, and urllib's redirect handling copies every header, ``Authorization`` included, to
whatever host a redirect names (issue 21: ``query --endpoint ... --user`` sent the password to
another host). Here requests go through an opener whose redirect handler drops the credentials
whenever a redirect leaves the origin (scheme, host and port) they were given for.

Parameters are bound by a ``VALUES`` block inserted at the start of the query's outer ``WHERE``
group, built from *serialised RDF terms* (``graph.sparql_terms.to_sparql``), never from raw user
text: a value like ``"} ; DROP ALL #`` stays one string literal. The embedded store binds the
same way (``graph.sparql_terms.inject_values``), so both give the same rows.

Every failure (connection refused, 401, 404, 500, timeout, an HTML page instead of results)
becomes one :class:`~beleidsgraaf.errors.EndpointError` line naming the endpoint; a refusal
carries the start of the server's own message (Virtuoso's ``SP030``, say).
"""

from __future__ import annotations

import base64
import re
import socket
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import IO, Any
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox

from beleidsgraaf import __version__
from beleidsgraaf.errors import EndpointError, QueryError
from beleidsgraaf.graph.results import QueryResult, Term
from beleidsgraaf.graph.sparql_terms import IRIREF, inject_values, outer_group_start

__all__ = ["USER_AGENT", "Endpoint"]

USER_AGENT = f"beleidsgraaf/{__version__} (+https://w3id.org/beleidsgraaf/)"
_MESSAGE_CHARS = 200


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or default


class _CredentialsStayHome(urllib.request.HTTPRedirectHandler):
    """Follow redirects as urllib does, but never carry ``Authorization`` to another origin."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and _origin(newurl) != _origin(req.full_url):
            for name in [h for h in new.headers if h.lower() == "authorization"]:
                del new.headers[name]
            new.unredirected_hdrs.pop("Authorization", None)
        return new


_OPENER = urllib.request.build_opener(_CredentialsStayHome)


class Endpoint:
    """A SPARQL 1.1 endpoint: ``query`` like :meth:`Store.query`, plus ``update`` and graph PUTs.

    ``update_url`` defaults to ``url`` (Virtuoso, Fuseki's combined endpoint); for an Oxigraph
    server give ``http://host:port/query`` and ``.../update``, or just ``http://host:port`` and
    both are derived.
    """

    def __init__(
        self,
        url: str,
        *,
        update_url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        timeout: float = 30.0,
    ) -> None:
        if not re.match(r"^https?://", url):
            raise EndpointError(f"{url}: not an http(s) endpoint URL")
        base = url.rstrip("/")
        if re.fullmatch(r"https?://[^/]+", base):  # a bare Oxigraph server address
            url, update_url = base + "/query", update_url or base + "/update"
        self.url = url
        self.update_url = update_url or url
        self.user = user
        self.password = password
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"Endpoint({self.url!r})"

    def _request(
        self, url: str, data: bytes, ctype: str, *, method: str = "POST", accept: str | None = None
    ) -> tuple[bytes, str]:
        """Send one request; the body and Content-Type of the answer, or one EndpointError."""
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Content-Type", ctype)
        request.add_header("User-Agent", USER_AGENT)
        if accept:
            request.add_header("Accept", accept)
        if self.user is not None:
            token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        try:
            with _OPENER.open(request, timeout=self.timeout) as response:
                return response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            raise self._refused(url, exc) from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError | socket.timeout):
                raise EndpointError(f"{url}: no answer within {self.timeout:g} s") from exc
            raise EndpointError(f"{url}: cannot connect ({reason})") from exc
        except TimeoutError as exc:
            raise EndpointError(f"{url}: no answer within {self.timeout:g} s") from exc
        except (OSError, ValueError) as exc:
            raise EndpointError(f"{url}: request failed ({exc})") from exc

    def _refused(self, url: str, exc: urllib.error.HTTPError) -> EndpointError:
        if exc.code == 401:
            return EndpointError(f"{url}: 401 unauthorised (check --user / password)")
        try:
            said = exc.read()[:2000].decode("utf-8", "replace")
        except OSError:
            said = ""
        said = " ".join(said.split())[:_MESSAGE_CHARS]
        return EndpointError(
            f"{url}: the endpoint refused the request: HTTP {exc.code} {exc.reason}"
            + (f": {said}" if said else "")
        )

    def _send(self, url: str, text: str, form: str, accept: str | None) -> tuple[bytes, str]:
        """POST ``text`` as ``update=`` (``form`` 'INSERT') or ``query=`` (any query form)."""
        field = "update" if form == "INSERT" else "query"
        data = urlencode({field: text}).encode("utf-8")
        return self._request(url, data, "application/x-www-form-urlencoded", accept=accept)

    def query(
        self,
        query: str,
        bindings: Mapping[str, Term] | None = None,
        *,
        timeout: float | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        """Run a query remotely; parameters bound by ``VALUES`` injection of serialised terms."""
        text = inject_values(query, bindings or {})
        kind = _query_form(text)
        if kind in ("CONSTRUCT", "DESCRIBE"):
            body, ctype = self._send(
                self.url, text, kind, "application/n-triples, text/turtle;q=0.9"
            )
            fmt = ox.RdfFormat.N_TRIPLES if "n-triples" in ctype else ox.RdfFormat.TURTLE
            try:
                triples = [q.triple for q in ox.parse(body, format=fmt)]
            except (SyntaxError, ValueError) as exc:
                raise self._not_sparql(ctype, body) from exc
            return QueryResult.from_triples(triples, max_rows=max_rows)
        body, ctype = self._send(self.url, text, kind, "application/sparql-results+json")
        try:
            parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            raise self._not_sparql(ctype, body) from exc
        return QueryResult.from_oxigraph(parsed, max_rows=max_rows)

    def _not_sparql(self, ctype: str, body: bytes) -> EndpointError:
        start = " ".join(body[:80].decode("utf-8", "replace").split())
        return EndpointError(
            f"{self.url}: the answer is not SPARQL results "
            f"({ctype or 'no content type'}: {start!r})"
        )

    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 Update (one request; servers apply it as one transaction)."""
        self._send(self.update_url, update, "INSERT", None)

    def put_graph(self, graph_store_url: str, graph: str, ntriples: bytes) -> None:
        """Replace one named graph by the Graph Store Protocol (HTTP PUT ``?graph=``)."""
        url = f"{graph_store_url}?{urlencode({'graph': graph})}"
        try:
            self._request(url, ntriples, "application/n-triples", method="PUT")
        except EndpointError as exc:
            raise EndpointError(f"{graph_store_url}: graph PUT failed ({exc})") from exc


def _query_form(text: str) -> str:
    try:
        at = outer_group_start(text)
    except QueryError:
        at = len(text)
    head = re.sub(r"#[^\n]*", "", text[:at])
    head = IRIREF.sub("", head)
    for word in re.findall(r"[A-Za-z]+", head):
        if word.upper() in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return word.upper()
    return "SELECT"
