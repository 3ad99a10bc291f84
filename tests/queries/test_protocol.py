"""``serve`` against the SPARQL 1.1 Protocol, checked with real clients (issue 19, points 1-5).

Content negotiation with q-values, every results and RDF format (406 for others), SPARQL TSV as
Jena reads it (in ``serve`` and ``query --format tsv``), ``default-graph-uri`` /
``named-graph-uri``, one ``query`` per request, 405 with ``Allow``, the real syntax message.
The clients: SPARQLWrapper with its defaults, and Apache Jena's ``rsparql``, ``rset`` and
``riot`` (Debian ``libapache-jena-java``; ``.ci/run`` installs it).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
import warnings
from pathlib import Path

import pyoxigraph as ox
import pytest
from jena import jena
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.graph.results import QueryResult
from beleidsgraaf.queries.server import SparqlServer

# IRIs, language tags, datatypes, a tab and a quote: what a plain-string format loses
TERMS = (
    "SELECT ?s ?label ?n ?text WHERE { VALUES (?s ?label ?n ?text) "
    '{ (<http://e/x> "Werken"@nl 5 "tab\\there \\"quoted\\"") (<http://e/y> UNDEF 2.5 "") } }'
)
LABELS = (
    "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } "
    "ORDER BY DESC(lang(?label)) ?s LIMIT 5"
)
CONSTRUCT = (
    "CONSTRUCT { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } WHERE { "
    "?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
)
VOCABULARY = "https://w3id.org/beleidsgraaf/graph/vocabulary"
# what Jena 4's rsparql sends for a SELECT (issue 19)
JENA_ACCEPT = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
    "text/tab-separated-values;q=0.7, text/csv;q=0.5, application/json;q=0.2, "
    "application/xml;q=0.2, */*;q=0.1"
)


def _request(
    url: str,
    *,
    accept: str | None = None,
    data: bytes | None = None,
    ctype: str | None = None,
    method: str | None = None,
) -> tuple[int, str, bytes, dict[str, str]]:
    request = urllib.request.Request(url, data=data, method=method)
    if accept is not None:
        request.add_header("Accept", accept)
    if ctype is not None:
        request.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read(), {}
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read(), dict(exc.headers)


def _get(server: SparqlServer, query: str, accept: str | None = None, **params: str) -> tuple:
    fields = [("query", query), *params.items()]
    return _request(server.url + "/sparql?" + urllib.parse.urlencode(fields), accept=accept)


def _json_result(server: SparqlServer, query: str) -> QueryResult:
    status, _, body, _ = _get(server, query, "application/sparql-results+json")
    assert status == 200, body
    return QueryResult.from_oxigraph(
        ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    )


# -- 1. negotiation by q-value -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (JENA_ACCEPT, "application/sparql-results+json"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/*, text/csv;q=0", "text/tab-separated-values; charset=utf-8"),
        ("text/csv;q=0.1, application/*;q=0.2", "application/sparql-results+json"),
        ("*/*", "application/sparql-results+json"),
        (None, "application/sparql-results+json"),
    ],
)
def test_accept_is_parsed_with_q_values(
    served: SparqlServer, accept: str | None, expected: str
) -> None:
    status, ctype, _, _ = _get(served, TERMS, accept)
    assert status == 200 and ctype == expected


# -- 2. every format, 406 for the rest ----------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
        ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ],
)
def test_select_in_each_results_format_keeps_every_term(
    served: SparqlServer, accept: str, fmt: ox.QueryResultsFormat
) -> None:
    status, ctype, body, _ = _get(served, TERMS, accept)
    assert status == 200 and ctype.split(";")[0] == accept
    got = QueryResult.from_oxigraph(ox.parse_query_results(body, format=fmt))
    assert got == _json_result(served, TERMS)
    assert got.rows[0]["label"] == ox.Literal("Werken", language="nl")


def test_ask_as_xml_and_json(served: SparqlServer) -> None:
    for accept, fmt in [
        ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ]:
        status, ctype, body, _ = _get(served, "ASK { ?s ?p ?o }", accept)
        assert status == 200 and ctype == accept
        assert bool(ox.parse_query_results(body, format=fmt)) is True


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/n-quads", ox.RdfFormat.N_QUADS),
        ("application/trig", ox.RdfFormat.TRIG),
    ],
)
def test_construct_and_describe_in_each_rdf_format(
    served: SparqlServer, sample_store_path: Path, accept: str, fmt: ox.RdfFormat
) -> None:
    from beleidsgraaf.graph.store import Store

    with Store(sample_store_path, read_only=True) as store:
        expected = set(store.query(CONSTRUCT).triples or ())
    assert len(expected) > 5
    for query in (CONSTRUCT, "DESCRIBE <https://w3id.org/beleidsgraaf/id/landsdeel-noord>"):
        status, ctype, body, _ = _get(served, query, accept)
        assert status == 200 and ctype.split(";")[0] == accept, body[:200]
        triples = {q.triple for q in ox.parse(body, format=fmt)}
        if query == CONSTRUCT:
            assert triples == expected
        else:
            assert triples and all(
                t.subject == ox.NamedNode("https://w3id.org/beleidsgraaf/id/landsdeel-noord")
                for t in triples
            )


@pytest.mark.parametrize(
    ("query", "accept"),
    [
        (TERMS, "image/png"),
        (TERMS, "text/turtle"),  # an RDF format for a SELECT
        ("ASK {}", "text/csv"),  # CSV and TSV are for SELECT only
        (CONSTRUCT, "application/sparql-results+json"),
        (TERMS, "application/sparql-results+json;q=0, */*;q=0"),
    ],
)
def test_unsupported_types_get_406(served: SparqlServer, query: str, accept: str) -> None:
    status, _, body, _ = _get(served, query, accept)
    assert status == 406 and b"offered" in body


# -- 3. SPARQL TSV, in serve and query --format tsv ---------------------------------------------


def test_tsv_is_sparql_tsv(served: SparqlServer, sample_store_path: Path) -> None:
    status, _, body, _ = _get(served, TERMS, "text/tab-separated-values")
    assert status == 200
    lines = body.decode().split("\n")
    assert lines[0] == "?s\t?label\t?n\t?text"
    assert lines[1] == '<http://e/x>\t"Werken"@nl\t5\t"tab\\there \\"quoted\\""'
    rq = sample_store_path.parent / "labels.rq"
    rq.write_text(LABELS, encoding="utf-8")
    cli = CliRunner().invoke(
        app, ["--store", str(sample_store_path), "query", "--file", str(rq), "--format", "tsv"]
    )
    assert cli.exit_code == 0, cli.output
    from_cli = ox.parse_query_results(cli.output.encode(), format=ox.QueryResultsFormat.TSV)
    assert QueryResult.from_oxigraph(from_cli) == _json_result(served, LABELS)
    assert cli.output.splitlines()[0] == "?s\t?label"


# -- 4. the protocol's dataset -------------------------------------------------------------------


def _count(served: SparqlServer, query: str, **params: str) -> int:
    status, _, body, _ = _get(served, query, "application/sparql-results+json", **params)
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_default_graph_uri_and_named_graph_uri_make_the_dataset(
    served: SparqlServer, sample_store_path: Path
) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    graphs = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    everything = _count(served, count)
    vocabulary = _count(
        served, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{VOCABULARY}> {{ ?s ?p ?o }} }}"
    )
    assert 0 < vocabulary < everything
    assert _count(served, count, **{"default-graph-uri": VOCABULARY}) == vocabulary
    assert _count(served, graphs) == 4
    assert _count(served, graphs, **{"named-graph-uri": VOCABULARY}) == 1
    # named graphs only: the default graph is empty, as the protocol says
    assert _count(served, count, **{"named-graph-uri": VOCABULARY}) == 0
    # the protocol's dataset wins over FROM
    from_doc = "SELECT (COUNT(*) AS ?n) FROM <http://e/none> WHERE { ?s ?p ?o }"
    assert _count(served, from_doc, **{"default-graph-uri": VOCABULARY}) == vocabulary
    # POST: in the form, or in the URL beside an application/sparql-query body
    form = urllib.parse.urlencode({"query": count, "default-graph-uri": VOCABULARY}).encode()
    _, _, body, _ = _request(
        served.url + "/sparql", data=form, ctype="application/x-www-form-urlencoded"
    )
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(vocabulary)
    url = served.url + "/sparql?" + urllib.parse.urlencode({"default-graph-uri": VOCABULARY})
    _, _, body, _ = _request(url, data=count.encode(), ctype="application/sparql-query")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(vocabulary)
    status, _, body, _ = _get(served, count, **{"default-graph-uri": "not an iri"})
    assert status == 400 and b"not an IRI" in body


# -- 5. one query, 405, the real syntax message --------------------------------------------------


def test_two_query_parameters_are_refused(served: SparqlServer) -> None:
    two = urllib.parse.urlencode([("query", "ASK {}"), ("query", "SELECT * {}")])
    status, _, body, _ = _request(served.url + "/sparql?" + two)
    assert status == 400 and b"exactly one 'query'" in body
    status, _, body, _ = _request(
        served.url + "/sparql", data=two.encode(), ctype="application/x-www-form-urlencoded"
    )
    assert status == 400
    both = urllib.parse.urlencode([("query", "ASK {}"), ("update", "CLEAR ALL")]).encode()
    status, _, _, _ = _request(
        served.url + "/sparql", data=both, ctype="application/x-www-form-urlencoded"
    )
    assert status == 400


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_get_405_with_allow(served: SparqlServer, method: str) -> None:
    status, ctype, body, headers = _request(served.url + "/sparql", data=b"x", method=method)
    assert status == 405 and headers["Allow"] == "GET, HEAD, POST"
    assert ctype.startswith("text/plain") and b"<html" not in body.lower()


def test_a_syntax_error_says_what_is_wrong(
    served: SparqlServer, sample_store_path: Path, tmp_path: Path
) -> None:
    status, _, body, _ = _get(served, "SELEC * WHERE { ?s ?p ?o }")
    assert status == 400
    assert body.decode().strip() == (
        "malformed SPARQL at 1:1: expected SELECT, CONSTRUCT, ASK or DESCRIBE, found 'SELEC'"
    )
    status, _, body, _ = _get(served, "SELECT * WHERE { ?s ?p }")
    assert status == 400 and body.startswith(b"malformed SPARQL: error at 1:")
    rq = tmp_path / "typo.rq"
    rq.write_text("PREFIX e: <http://e/>\n\nSELEC *\n", encoding="utf-8")
    cli = CliRunner().invoke(app, ["--store", str(sample_store_path), "query", "--file", str(rq)])
    assert cli.exit_code == 1
    assert "typo.rq: malformed SPARQL at 3:1: expected SELECT" in cli.output


# -- real clients --------------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_sparqlwrapper_with_its_defaults(served: SparqlServer) -> None:
    """SPARQLWrapper asks for XML by default (with format= parameters besides Accept): it must
    get XML, without a warning, for SELECT and ASK, and RDF/XML for CONSTRUCT."""
    from rdflib import Graph, Literal
    from SPARQLWrapper import SPARQLWrapper

    with warnings.catch_warnings():
        # what SPARQLWrapper says when an endpoint answers another format than it asked for
        warnings.simplefilter("error", RuntimeWarning)
        client = SPARQLWrapper(served.url + "/sparql")
        client.setQuery(LABELS)
        response = client.query()
        assert response.response.headers["Content-Type"] == "application/sparql-results+xml"
        document = response.convert()
        literals = document.getElementsByTagName("literal")  # type: ignore[union-attr]
        assert len(literals) == 5 and literals[0].getAttribute("xml:lang") == "nl"

        client = SPARQLWrapper(served.url + "/sparql")
        client.setQuery("ASK { ?s ?p ?o }")
        assert "true" in client.query().convert().toxml()  # type: ignore[union-attr]

        client = SPARQLWrapper(served.url + "/sparql")
        client.setQuery(CONSTRUCT)
        graph = client.query().convert()
        assert isinstance(graph, Graph) and len(graph) > 5
        assert any(isinstance(o, Literal) and o.language == "nl" for o in graph.objects())

        client = SPARQLWrapper(served.url + "/sparql", returnFormat="json")
        client.setQuery(TERMS)
        bindings = client.query().convert()["results"]["bindings"]  # type: ignore[index]
        assert bindings[0]["label"] == {"type": "literal", "value": "Werken", "xml:lang": "nl"}


def test_jena_rsparql_gets_typed_terms(served: SparqlServer, tmp_path: Path) -> None:
    """Jena's rsparql with its own Accept header: every term keeps its type (it got CSV before,
    and printed every IRI and language tag as a plain string)."""
    run = jena("arq.rsparql", "--service", served.url + "/sparql", "--results=TSV", TERMS)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "?s\t?label\t?n\t?text"
    assert lines[1].startswith('<http://e/x>\t"Werken"@nl\t5\t')


def test_jena_reads_what_serve_writes(served: SparqlServer, tmp_path: Path) -> None:
    """TSV, XML and CSV results through Jena's rset; each RDF format through riot."""
    for accept, suffix, syntax in [
        ("text/tab-separated-values", "tsv", "TSV"),
        ("application/sparql-results+xml", "srx", "XML"),
        ("application/sparql-results+json", "srj", "JSON"),
    ]:
        _, _, body, _ = _get(served, TERMS, accept)
        path = tmp_path / f"terms.{suffix}"
        path.write_bytes(body)
        run = jena("arq.rset", f"--in={syntax}", "--results=TSV", str(path))
        assert run.returncode == 0, f"{syntax}: {run.stderr}"
        assert run.stdout.splitlines()[1].startswith('<http://e/x>\t"Werken"@nl\t5'), syntax
    files = []
    for accept, suffix in [
        ("application/rdf+xml", "rdf"),
        ("application/n-quads", "nq"),
        ("application/trig", "trig"),
        ("text/turtle", "ttl"),
        ("application/n-triples", "nt"),
    ]:
        _, _, body, _ = _get(served, CONSTRUCT, accept)
        path = tmp_path / f"graph.{suffix}"
        path.write_bytes(body)
        files.append(str(path))
    _, _, body, _ = _get(served, CONSTRUCT, "application/ld+json")
    (tmp_path / "graph.jsonld").write_bytes(body)
    counts = []
    # Debian's Jena has no JSON provider for its JSON-LD 1.1 reader; its 1.0 reader does
    for syntax, names in [(None, files), ("jsonld10", [str(tmp_path / "graph.jsonld")])]:
        run = jena("riotcmd.riot", "--count", *([f"--syntax={syntax}"] if syntax else []), *names)
        assert run.returncode == 0, run.stderr
        lines = (run.stdout + run.stderr).splitlines()
        counts += [line.rsplit("=", 1)[1].strip() for line in lines if line.startswith("file:")]
    assert len(counts) == 6 and len(set(counts)) == 1, counts
