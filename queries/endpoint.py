"""A remote SPARQL 1.1 endpoint, answering the same queries as the embedded store.

Built on SPARQLWrapper: always POST (library queries with prefixes are long), a User-Agent naming
the tool, a timeout, optional HTTP basic auth. Answers are parsed by pyoxigraph into the same
:class:`~beleidsgraaf.graph.results.QueryResult` the embedded store gives, so results compare with
``==``.

Parameters are bound by a ``VALUES`` block inserted at the start of the query's outer ``WHERE``
group, built from *serialised RDF terms* (``graph.sparql_terms.to_sparql``), never from raw user
text: a value like ``"} ; DROP ALL #`` stays one string literal. The embedded store binds the
same way (``graph.sparql_terms.inject_values``), so both give the same rows.

Every failure (connection refused, 401, 404, 500, timeout, an HTML page instead of results)
becomes one :class:`~beleidsgraaf.errors.EndpointError` line naming the endpoint.
"""

from __future__ import annotations

import base64
import re
import socket
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

from beleidsgraaf import __version__
from beleidsgraaf.errors import EndpointError, QueryError
from beleidsgraaf.graph.results import QueryResult, Term
from beleidsgraaf.graph.sparql_terms import IRIREF, inject_values, outer_group_start

__all__ = ["USER_AGENT", "Endpoint"]

USER_AGENT = f"beleidsgraaf/{__version__} (+https://w3id.org/beleidsgraaf/)"


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

    def _wrapper(self, url: str, text: str, form: str) -> Any:
        from SPARQLWrapper import POST, URLENCODED, SPARQLWrapper

        sparql = SPARQLWrapper(url, updateEndpoint=url, agent=USER_AGENT)
        sparql.setMethod(POST)
        sparql.setRequestMethod(URLENCODED)
        sparql.setTimeout(max(1, round(self.timeout)))
        # content negotiation by our Accept header only: no 'format=xml' parameters, which make
        # Virtuoso answer 406 when they disagree with the header
        sparql.setOnlyConneg(True)
        if self.user is not None:
            sparql.setCredentials(self.user, self.password or "")
        # What setQuery does, minus its guess of the form: a regex over the whole text that comment
        # headers can fool (it took connected-to-both for an update) and that cost 0.2 s per MB of
        # pushed data. We know the form: an update form (INSERT) makes SPARQLWrapper send
        # ``update=``, any query form ``query=``.
        sparql.queryString = text
        sparql.queryType = form
        return sparql

    def _send(self, url: str, text: str, form: str, accept: str | None) -> tuple[bytes, str]:
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException, Unauthorized

        sparql = self._wrapper(url, text, form)
        if accept:
            sparql.addCustomHttpHeader("Accept", accept)
        try:
            response = sparql.query().response
            return response.read(), response.headers.get("Content-Type", "")
        except Unauthorized as exc:
            raise EndpointError(f"{url}: 401 unauthorised (check --user / password)") from exc
        except SPARQLWrapperException as exc:
            first = " ".join(str(exc).split())[:200]
            raise EndpointError(f"{url}: the endpoint refused the request: {first}") from exc
        except urllib.error.HTTPError as exc:
            raise EndpointError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError | socket.timeout):
                raise EndpointError(f"{url}: no answer within {self.timeout:g} s") from exc
            raise EndpointError(f"{url}: cannot connect ({reason})") from exc
        except TimeoutError as exc:
            raise EndpointError(f"{url}: no answer within {self.timeout:g} s") from exc
        except (OSError, ValueError) as exc:
            raise EndpointError(f"{url}: request failed ({exc})") from exc

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
        from urllib.parse import quote

        url = f"{graph_store_url}?graph={quote(graph, safe='')}"
        request = urllib.request.Request(url, data=ntriples, method="PUT")
        request.add_header("Content-Type", "application/n-triples")
        request.add_header("User-Agent", USER_AGENT)
        if self.user is not None:
            token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            code = "401 unauthorised (check --user / password)" if exc.code == 401 else exc.code
            raise EndpointError(f"{graph_store_url}: graph PUT failed: HTTP {code}") from exc
        except urllib.error.URLError as exc:
            raise EndpointError(f"{graph_store_url}: cannot connect ({exc.reason})") from exc
        except TimeoutError as exc:
            raise EndpointError(f"{graph_store_url}: no answer within {self.timeout:g} s") from exc


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
