"""The versnippering suite end to end: store -> JSON dict valid against the kept schema, the
breakdowns, the CLI, and the demo corpus (all five landsdelen have a network)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import networkx as nx
import pytest
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.errors import ConfigError
from beleidsgraaf.graph.store import Store
from beleidsgraaf.graph.versnippering import (
    BREAKDOWNS,
    CSV_COLUMNS,
    fragmentation_report,
    schema,
    suite,
    to_csv,
)
from beleidsgraaf.queries.sample import sample_extractions, sample_vocabulary

LANDSDELEN = {
    "landsdeel-noord",
    "landsdeel-noordwest",
    "landsdeel-oost",
    "landsdeel-zuidoost",
    "landsdeel-zuidwest",
}


def _fill(store: Store) -> Store:
    for extraction in sample_extractions():
        store.write_extraction(extraction)
    store.load_vocabulary(sample_vocabulary())
    return store


@pytest.fixture(scope="module")
def sample_store() -> Store:
    return _fill(Store())


@pytest.mark.parametrize("by", [None, *BREAKDOWNS])
def test_every_breakdown_validates_against_the_schema(sample_store: Store, by: str | None) -> None:
    result = fragmentation_report(sample_store, by=by)
    jsonschema.validate(result, schema())
    json.loads(json.dumps(result, allow_nan=False))  # strict JSON: no NaN or infinity
    assert result["scope"]["by"] == (by or "all")
    assert next(iter(result["groups"])) == "all"
    assert set(result["definitions"]) >= {"borgatti_f", "distance_weighted_f", "modularity"}
    for definition in result["definitions"].values():
        assert definition["nl"] and definition["en"]


def test_sample_graph_figures(sample_store: Store) -> None:
    result = fragmentation_report(sample_store, by="document")
    everything = result["groups"]["all"]
    # five organisations: below the minimum, so no network figure, but the counts are there
    assert (everything["nodes"], everything["initiatives"]) == (5, 4)
    assert everything["status"]["network"] == "too_few"
    assert everything["borgatti_f"] is None and everything["components"] is None
    assert everything["key_players"] == []
    # three documents of three years, in the order they were issued
    assert [g["label"][-6:] for k, g in result["groups"].items() if k != "all"] == [
        "(2021)",
        "(2022)",
        "(2023)",
    ]
    assert result["change"] is None  # the groups are the documents themselves


def test_landsdeel_breakdown_on_sample(sample_store: Store) -> None:
    groups = fragmentation_report(sample_store, by="landsdeel")["groups"]
    # the sample's two landsdelen, and the national level after them
    assert list(groups) == ["all", "landsdeel-noord", "landsdeel-zuidoost", "landelijk"]
    noord = groups["landsdeel-noord"]
    assert noord["iri"].endswith("/id/landsdeel-noord")
    assert noord["nodes"] >= 1
    # the ministry is seated in Friesland (Noord) but is a national body: it is a Zuidoost actor,
    # where it funds Programma Vakkracht, and not a Noord actor
    ministry = "https://w3id.org/beleidsgraaf/id/ministerie-van-vakmanschap"
    assert [a["iri"] for a in groups["landsdeel-zuidoost"]["national_actors"]] == [ministry]
    assert noord["national_actors"] == []


def test_unknown_breakdown_is_a_clear_error(sample_store: Store) -> None:
    with pytest.raises(ConfigError, match="unknown breakdown 'province'"):
        fragmentation_report(sample_store, by="province")


def test_csv_has_one_row_per_group(sample_store: Store) -> None:
    result = fragmentation_report(sample_store, by="year")
    rows = list(csv.DictReader(io.StringIO(to_csv(result))))
    assert [r["group"] for r in rows] == list(result["groups"])
    assert int(rows[0]["initiatives"]) == result["groups"]["all"]["initiatives"]
    assert rows[0]["borgatti_f"] == ""  # too few actors: no number
    assert rows[0]["status_network"] == "too_few"
    # the full table: every scalar figure with its interval, status and coverage
    assert set(CSV_COLUMNS) >= {"single_actor_share_low", "coverage_statements", "ei_index"}


def test_suite_switches_to_sampling_on_large_graphs() -> None:
    G = nx.connected_watts_strogatz_graph(2500, 4, 0.05, seed=1)
    G.add_nodes_from(range(2500, 2600))  # a hundred isolates
    result = suite(G)
    assert result["approximate"] is True
    assert result["sample_size"] == 256
    assert result["isolates_share"] == pytest.approx(100 / 2600, abs=1e-6)
    assert result["borgatti_f"] == pytest.approx(1 - 2500 * 2499 / (2600 * 2599), abs=1e-6)
    assert result["distance_weighted_f"] > result["borgatti_f"]
    assert len(result["key_players"]) == 5


def test_cli_fragmentation(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with Store(path) as store:
        _fill(store)
    runner = CliRunner()
    out = runner.invoke(
        app, ["--store", str(path), "fragmentation", "--by", "goal", "--resamples", "0"]
    )
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    jsonschema.validate(result, schema())
    assert result["scope"]["resamples"] == 0
    assert all(v is None for g in result["groups"].values() for v in g["intervals"].values())
    html = tmp_path / "r" / "v.html"
    out = runner.invoke(
        app, ["--store", str(path), "fragmentation", "--format", "html", "-o", str(html)]
    )
    assert out.exit_code == 0, out.output
    assert "Versnippering" in html.read_text(encoding="utf-8")
    out = runner.invoke(app, ["--store", str(path), "fragmentation", "--format", "xml"])
    assert out.exit_code == 2
    assert "unknown format 'xml'" in out.output
    out = runner.invoke(app, ["--store", str(tmp_path / "none"), "fragmentation"])
    assert out.exit_code != 0
    assert "no store here" in out.output


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pipeline = pytest.importorskip("beleidsgraaf.pipeline")
    if not hasattr(pipeline, "build_corpus"):
        pytest.skip("beleidsgraaf.pipeline.build_corpus is not there yet")
    path = tmp_path_factory.mktemp("versnippering") / "store"
    pipeline.build_corpus(path)
    return path


@pytest.mark.slow
def test_demo_graph_has_all_five_landsdelen(demo_store: Path) -> None:
    with Store(demo_store, read_only=True) as store:
        result = fragmentation_report(store, by="landsdeel")
    jsonschema.validate(result, schema())
    groups = result["groups"]
    assert set(groups) >= LANDSDELEN
    for key in LANDSDELEN:
        assert groups[key]["nodes"] > 0, key
        assert groups[key]["initiatives"] > 0, key
    everything = groups["all"]
    assert everything["nodes"] > max(groups[k]["nodes"] for k in LANDSDELEN)
    assert 0.0 <= everything["borgatti_f"] <= everything["distance_weighted_f"] <= 1.0
    assert everything["key_players"], "the demo actor network has key players"
