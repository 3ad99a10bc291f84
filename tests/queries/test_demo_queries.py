"""Every library query answers a real question on the demo graph (the bundled corpus).

Exact expected rows are kept for the fictional sample graph (``queries/expected/sample``), which
does not move when extraction improves; on the demo graph each question must return rows for
parameters that name real actors and programmes of the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from beleidsgraaf.graph.push import push
from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.endpoint import Endpoint
from beleidsgraaf.queries.library import load_library, run_query

# Parameters naming real things in the corpus (the example parameters name the sample graph).
DEMO_PARAMETERS: dict[str, dict[str, str]] = {
    "activities-of-organisation": {"organisation": "SBB"},
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


def _demo_values(name: str, store: Store) -> dict[str, str]:
    if name == "sentences-supporting":
        # ask for the evidence of a funds statement the graph really holds
        funds = run_query(store, load_library()["statements-for-relation"], {"relation": "funds"})
        row = funds.as_python()[0]
        return {"subject": row["subjectName"], "relation": "funds", "object": row["objectName"]}
    return DEMO_PARAMETERS.get(name, {})


@pytest.mark.parametrize("name", sorted(load_library()))
def test_query_answers_on_the_demo_graph(name: str, demo_store: Store) -> None:
    query = load_library()[name]
    result = run_query(demo_store, query, _demo_values(name, demo_store))
    rows = result.as_python()
    assert rows, f"{name} returned nothing on the demo graph"
    if name == "sentences-supporting":
        assert all(r["sentence"] for r in rows)


@pytest.mark.slow
def test_demo_graph_pushed_to_a_real_server_answers_every_query_alike(
    demo_store: Store, oxigraph_server: str
) -> None:
    remote = Endpoint(oxigraph_server)
    report = push(demo_store, remote)
    assert report.triples == len(demo_store)
    for name, query in load_library().items():
        values = _demo_values(name, demo_store)
        here = run_query(demo_store, query, values)
        there = run_query(remote, query, values)
        assert sorted(map(repr, here.rows)) == sorted(map(repr, there.rows)), name
