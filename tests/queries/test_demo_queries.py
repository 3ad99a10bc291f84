"""Every library query answers a real question on the demo graph (the bundled corpus).

Exact expected rows are kept for the fictional sample graph (``queries/expected/sample``), which
does not move when extraction improves; on the demo graph each question must return rows for
parameters that name real actors and programmes of the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.library import load_library, run_query

# Parameters naming real things in the corpus (the example parameters name the sample graph).
DEMO_PARAMETERS: dict[str, dict[str, str]] = {
    "activities-of-organisation": {"organisation": "4TU.Federatie"},
    "connected-to-both": {"x": "Universiteit Twente", "y": "Vrije Universiteit Amsterdam"},
    "cooccurrence-neighbours": {"entity": "TNO"},
    "documents-mentioning": {"entity": "Techniekpact"},
    "organisations-in-programme": {"programme": "Techniekpact"},
    "statements-for-relation": {"relation": "participatesIn"},
}


@pytest.fixture(scope="module")
def demo_store(demo_store_path: Path) -> Iterator[Store]:
    with Store(demo_store_path, read_only=True) as store:
        yield store


@pytest.mark.parametrize("name", sorted(load_library()))
def test_query_answers_on_the_demo_graph(name: str, demo_store: Store) -> None:
    query = load_library()[name]
    values = DEMO_PARAMETERS.get(name)
    if name == "sentences-supporting":
        # ask for the evidence of a funds statement the graph really holds
        funds = run_query(
            demo_store, load_library()["statements-for-relation"], {"relation": "funds"}
        )
        row = funds.as_python()[0]
        values = {"subject": row["subjectName"], "relation": "funds", "object": row["objectName"]}
    result = run_query(demo_store, query, values if values is not None else {})
    rows = result.as_python()
    assert rows, f"{name} returned nothing on the demo graph"
    if name == "sentences-supporting":
        assert all(r["sentence"] for r in rows)
