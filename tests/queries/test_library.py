"""The query library: every .rq parses, has its header, and returns the expected rows."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.errors import QueryError
from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.library import (
    check_expected,
    load_library,
    parse_query,
    query_by_name,
    record_expected,
    run_query,
)

REQUIRED = {
    "organisations-in-programme",
    "activities-of-organisation",
    "coordinators-and-funders",
    "activities-per-landsdeel",
    "activities-per-action-line",
    "organisations-in-several-landsdelen",
    "programmes-by-participants",
    "connected-to-both",
    "documents-mentioning",
    "statements-for-relation",
    "single-document-entities",
    "cooccurrence-neighbours",
    "counts-per-type-per-document",
}


def test_the_library_has_every_question_with_a_full_header() -> None:
    library = load_library()
    assert set(library) >= REQUIRED
    for name, query in library.items():
        assert query.title_nl and query.title_en and query.description, name
        for param in query.params:
            assert param.example and param.description, (name, param)
            assert f"?{param.name}" in query.text, (name, param.name)
        ox.Store().query(query.text)  # parses (pyoxigraph raises SyntaxError otherwise)


def test_every_query_returns_the_expected_rows(sample_store: Store) -> None:
    assert check_expected(sample_store) == []


def test_expected_results_are_not_empty() -> None:
    """A query whose expected answer is empty would prove nothing."""
    for name in load_library():
        path = Path(__file__).parents[2] / "queries" / "expected" / "sample" / f"{name}.srj"
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["results"]["bindings"], name


def test_check_expected_reports_a_difference(sample_store_path: Path, tmp_path: Path) -> None:
    with Store(sample_store_path, read_only=True) as store:
        folder = tmp_path / "expected"
        record_expected(store, folder)
        assert check_expected(store, folder) == []
        target = folder / "programmes-by-participants.srj"
        target.write_text(target.read_text().replace('"5"', '"6"'), encoding="utf-8")
        problems = check_expected(store, folder)
    assert len(problems) == 1 and problems[0].startswith("programmes-by-participants:")


def test_entity_parameters_resolve_labels_alt_labels_and_iris(sample_store: Store) -> None:
    query = query_by_name("organisations-in-programme")
    by_label = run_query(sample_store, query, {"programme": "programma vakkracht"})
    by_alt = run_query(sample_store, query, {"programme": "Vakkracht"})
    by_iri = run_query(
        sample_store, query, {"programme": "https://w3id.org/beleidsgraaf/id/programma-vakkracht"}
    )
    assert by_label == by_alt == by_iri and len(by_label.rows) == 5


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({}, "parameter 'programme' is required"),
        ({"programme": "Bestaat Niet"}, "no entity with that name"),
        ({"programme": "x", "other": "y"}, "unknown parameter 'other'"),
    ],
)
def test_parameter_errors_are_one_clear_line(
    sample_store: Store, values: dict[str, str], message: str
) -> None:
    with pytest.raises(QueryError, match=message) as info:
        run_query(sample_store, query_by_name("organisations-in-programme"), values)
    assert "\n" not in str(info.value)


def test_predicate_parameters_are_checked(sample_store: Store) -> None:
    query = query_by_name("statements-for-relation")
    with pytest.raises(QueryError, match="is not a relation"):
        run_query(sample_store, query, {"relation": "funds> } ; DROP ALL"})
    assert len(run_query(sample_store, query, {"relation": "participatesIn"}).rows) == 6


def test_bad_param_header_is_reported() -> None:
    with pytest.raises(QueryError, match="bad '# param:' line"):
        parse_query("# param: x | sometimes | y\nSELECT * {}", "bad.rq")


def test_cli_query_formats(sample_store_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["--store", str(sample_store_path), "query", "programmes-by-participants"]
    table = runner.invoke(app, base)
    assert table.exit_code == 0, table.output
    assert "Programma Vakkracht" in table.output and "(2 rows)" in table.output
    as_json = runner.invoke(app, [*base, "--format", "json"])
    data = json.loads(as_json.output)
    assert data["head"]["vars"] == ["programme", "name", "participants"]
    assert data["results"]["bindings"][0]["participants"]["value"] == "5"
    as_csv = runner.invoke(app, [*base, "--format", "csv"])
    assert as_csv.output.splitlines()[0] == "programme,name,participants"
    rq = tmp_path / "mine.rq"
    rq.write_text(
        "PREFIX bg: <https://w3id.org/beleidsgraaf/def#>\n"
        "CONSTRUCT { ?a bg:funds ?b } WHERE { ?a bg:funds ?b }\n",
        encoding="utf-8",
    )
    turtle = runner.invoke(
        app, ["--store", str(sample_store_path), "query", "--file", str(rq), "--format", "turtle"]
    )
    assert turtle.exit_code == 0, turtle.output
    parsed = list(ox.parse(turtle.output.encode(), format=ox.RdfFormat.TURTLE))
    assert len(parsed) == 2
    hostile = runner.invoke(
        app,
        [
            "--store",
            str(sample_store_path),
            "query",
            "organisations-in-programme",
            "--param",
            'programme=x" } ; DROP ALL',
        ],
    )
    assert hostile.exit_code == 1
    assert "no entity with that name" in hostile.output


def test_cli_malformed_file_gives_the_parser_line(sample_store_path: Path, tmp_path: Path) -> None:
    rq = tmp_path / "broken.rq"
    rq.write_text("# mine\nSELECT ?x WHERE {\n  ?x ?y\n}\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["--store", str(sample_store_path), "query", "--file", str(rq)]
    )
    assert result.exit_code == 1
    assert re.search(r"broken\.rq: malformed SPARQL: error at [45]:\d+", result.output)
