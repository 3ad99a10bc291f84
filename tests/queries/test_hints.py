"""A missing or unknown entity parameter is hinted with names from the user's own graph."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.errors import QueryError
from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.library import load_library, run_query

runner = CliRunner()


def _error(store: Path, *args: str) -> str:
    result = runner.invoke(app, ["--store", str(store), "query", *args])
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


def test_a_missing_parameter_suggests_names_the_store_has(demo_store_path: Path) -> None:
    """The declared example, 'Programma Vakkracht', is from the invented sample graph."""
    line = _error(demo_store_path, "organisations-in-programme")
    assert "parameter 'programme' is required" in line and "Vakkracht" not in line
    names = re.findall(r"'([^']+)'", line.split("required", 1)[1])
    assert len(names) == 3, line
    with Store(demo_store_path, read_only=True) as store:
        query = load_library()["organisations-in-programme"]
        for name in names:  # each suggestion is a programme the query accepts
            run_query(store, query, {"programme": name})


def test_a_name_not_in_the_graph_gets_did_you_mean(sample_store_path: Path) -> None:
    line = _error(sample_store_path, "organisations-in-programme", "-p", "programme=vakkrakt")
    assert "no entity with that name" in line and "did you mean 'Programma Vakkracht'" in line


def test_a_name_far_from_everything_says_so_without_guessing(sample_store: Store) -> None:
    query = load_library()["documents-mentioning"]
    with pytest.raises(QueryError) as info:
        run_query(sample_store, query, {"entity": "Zzyzx Qwerty"})
    assert str(info.value).endswith("no entity with that name in the graph")


def test_non_entity_parameters_keep_their_declared_example(sample_store_path: Path) -> None:
    line = _error(sample_store_path, "statements-for-relation")
    assert "e.g. --param relation='funds'" in line
