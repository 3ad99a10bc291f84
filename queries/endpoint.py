"""A remote SPARQL 1.1 endpoint, answering the same queries as the embedded store.

Built on SPARQLWrapper: always POST (library queries with prefixes are long), a User-Agent naming
the tool, a timeout, optional HTTP basic auth. Answers are parsed by pyoxigraph into the same
:class:`~beleidsgraaf.graph.results.QueryResult` the embedded store gives, so results compare with
``==``.

Parameters are bound by a ``VALUES`` block inserted at the start of the query's outer ``WHERE``
group, built from *serialised RDF terms* (``graph.sparql_terms.to_sparql``), never from raw user
text: a value like ``"} ; DROP ALL #`` stays one string literal. Remote servers do not share
pyoxigraph's substitution extension, and ``VALUES`` at the start of the group joins the binding
into everything after it, which is what substitution means for our queries.

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
from beleidsgraaf.graph.sparql_terms import to_sparql

__all__ = ["USER_AGENT", "Endpoint", "inject_values"]

USER_AGENT = f"beleidsgraaf/{__version__} (+https://w3id.org/beleidsgraaf/)"

_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[A-Za-z_]+")


def _outer_group_start(query: str) -> int:
    """Index just after the ``{`` that opens the outer WHERE group (strings, IRIs and comments
    are skipped, so a brace in a literal or an IRI never counts)."""
    i, n = 0, len(query)
    form: str | None = None
    depth = 0
    while i < n:
        ch = query[i]
        if ch == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
        elif ch in "\"'":
            quote = query[i : i + 3] if query[i : i + 3] in ('"""', "'''") else ch
            i += len(quote)
            while i < n and not query.startswith(quote, i):
                i += 2 if query[i] == "\\" else 1
            i += len(quote)
        elif ch == "<" and (m := _IRIREF.match(query, i)):
            i = m.end()
        elif ch.isalpha():
            m = _WORD.match(query, i)
            assert m is not None
            word = m.group().upper()
            if form is None and word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
                form = word
            elif word == "WHERE" and form is not None and depth == 0:
                brace = query.find("{", m.end())
                if brace >= 0 and not query[m.end() : brace].strip():
                    return brace + 1
            i = m.end()
        elif ch == "{":
            if form in ("SELECT", "ASK") and depth == 0:
                return i + 1  # WHERE is optional: SELECT * { ... }
            depth += 1  # a CONSTRUCT template (CONSTRUCT WHERE { } is handled above)
            i += 1
        elif ch == "}":
            depth -= 1
            i += 1
        else:
            i += 1
    raise QueryError("cannot bind parameters: the query has no WHERE group")


def inject_values(query: str, bindings: Mapping[str, Term]) -> str:
    """Bind variables by a ``VALUES`` block of serialised terms at the start of the WHERE group.

    Examples
    --------
    >>> inject_values("SELECT ?x WHERE { ?x ?p ?o }", {"o": ox.Literal('"} DROP ALL')})
    'SELECT ?x WHERE { VALUES (?o) { ("\\\\"} DROP ALL") }\\n ?x ?p ?o }'
    """
    if not bindings:
        return query
    names = list(bindings)
    for name in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"not a SPARQL variable name: {name!r}")
    at = _outer_group_start(query)
    row = " ".join(to_sparql(bindings[n]) for n in names)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}\n"
    return query[:at] + block + query[at:]


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
        sparql.setQuery(text)
        # SPARQLWrapper guesses the form with a regex that comment headers can fool; we know it.
        # An update form (INSERT) makes it send ``update=``, any query form ``query=``.
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
        at = _outer_group_start(text)
    except QueryError:
        at = len(text)
    head = re.sub(r"#[^\n]*", "", text[:at])
    head = _IRIREF.sub("", head)
    for word in re.findall(r"[A-Za-z]+", head):
        if word.upper() in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return word.upper()
    return "SELECT"
