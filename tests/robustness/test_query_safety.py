"""Parameter values are bound as RDF terms, never pasted: hostile text cannot change a query.

Checked both ways values reach a query: pyoxigraph substitution (embedded store) and the
``VALUES`` block of serialised terms (remote endpoints, here a real ``serve`` on loopback).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from beleidsgraaf.errors import QueryError
from beleidsgraaf.graph.sparql_terms import inject_values
from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.endpoint import Endpoint
from beleidsgraaf.queries.library import parse_query, query_by_name, run_query
from beleidsgraaf.queries.sample import sample_extractions, sample_vocabulary
from beleidsgraaf.queries.server import ServerConfig, make_server

HOSTILE = [
    '"}',
    "'} ; DROP ALL",
    'x" } ; DROP ALL ; INSERT DATA { <http://e/a> <http://e/b> "c" } #',
    '\\" } #',
    "\\u0022 } UNION { ?s ?p ?o",
    "}}}{{{",
    "line\nbreak\r\t",
    "> <http://evil/> .",
    'Bedrijf "Quote} ; DROP ALL"',
]

ECHO = parse_query(
    "# param: v | string | x | anything\nSELECT ?v ?s WHERE { ?s a ?type } ORDER BY ?s LIMIT 1\n",
    "echo.rq",
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("safety") / "store"
    with Store(path) as writable:
        for extraction in sample_extractions():
            writable.write_extraction(extraction)
        writable.load_vocabulary(sample_vocabulary())
    with Store(path, read_only=True) as read_only:
        yield read_only


@pytest.fixture(scope="module")
def remote(store: Store) -> Iterator[Endpoint]:
    assert store.path is not None
    server = make_server(store.path, ServerConfig(port=0, timeout=10, workers=2))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Endpoint(server.url + "/sparql", timeout=10)
    server.shutdown()
    server.server_close()
    thread.join(10)


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_just_text(store: Store, remote: Endpoint, value: str) -> None:
    before = len(store)
    for source in (store, remote):
        rows = run_query(source, ECHO, {"v": value}).rows
        assert len(rows) == 1 and rows[0]["v"] == ox.Literal(value)
    assert len(store) == before


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_any_text_survives_values_injection(store: Store, value: str) -> None:
    text = inject_values(ECHO.text, {"v": ox.Literal(value)})
    rows = store.query(text).rows
    assert len(rows) == 1 and rows[0]["v"] == ox.Literal(value)


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_entity_names_find_nothing(store: Store, remote: Endpoint, value: str) -> None:
    query = query_by_name("cooccurrence-neighbours")
    for source in (store, remote):
        if value == 'Bedrijf "Quote} ; DROP ALL"':
            rows = run_query(source, query, {"entity": value}).as_python()
            assert {r["name"] for r in rows} == {"Programma Vakkracht"}
        else:
            with pytest.raises(QueryError, match="no entity with that name"):
                run_query(source, query, {"entity": value})


def test_bad_variable_names_and_iris_are_refused(remote: Endpoint) -> None:
    with pytest.raises(QueryError, match="not a SPARQL variable name"):
        inject_values("SELECT * { ?s ?p ?o }", {"o } ; DROP ALL #": ox.Literal("x")})
    with pytest.raises(QueryError, match="not a valid IRI"):
        run_query(
            remote, query_by_name("documents-mentioning"), {"entity": "http://x/> } DROP ALL"}
        )


def test_a_query_with_a_brace_in_a_string_or_iri_is_bound_at_the_right_place(store: Store) -> None:
    text = 'SELECT ?v ?x WHERE { BIND("}{" AS ?x) } # } {\n'
    bound = inject_values("PREFIX e: <http://e/WHERE#x>\n" + text, {"v": ox.Literal("ok")})
    rows = store.query(bound).rows
    assert rows == ({"v": ox.Literal("ok"), "x": ox.Literal("}{")},)
