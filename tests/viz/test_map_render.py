"""The map without a browser: what it reads from the store, which view it picks, what it writes."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from typer.testing import CliRunner

from beleidsgraaf.errors import BeleidsgraafError, ConfigError
from beleidsgraaf.graph.store import Store
from beleidsgraaf.ontology.iri import entity_iri
from beleidsgraaf.records import DocumentInfo, Entity, Evidence, Extraction, Relation
from beleidsgraaf.viz.layout import link_graph, node_sizes
from beleidsgraaf.viz.map import PHYSICS_MAX_NODES, render_map, write_map
from beleidsgraaf.viz.mapdata import load_map_data
from beleidsgraaf.viz.page import data_island
from beleidsgraaf.viz.views import select_view

FOUR_TU = entity_iri("4TU.Federatie")
SECTORPLAN = entity_iri("Sectorplan Bèta en Techniek")


def payload(html: str) -> dict:  # type: ignore[type-arg]
    match = re.search(r'<script type="application/json" id="bg-data">(.*?)</script>', html, re.S)
    assert match, "no data island in the page"
    return json.loads(match.group(1))


def test_nodes_names_and_landsdelen_come_from_the_store(sample_store: Store) -> None:
    data = load_map_data(sample_store)
    assert len(data.nodes) == 9  # the vocabulary's unmentioned landsdelen are not nodes
    four_tu = data.nodes[FOUR_TU]
    assert four_tu.label == "4TU.Federatie"
    assert four_tu.type == "Organisation"
    assert set(four_tu.names) == {"4TU.Federatie", "4TU", "Federatie 4TU"}
    assert len(four_tu.documents) == 2
    # landsdeel via locatedIn -> province -> partOf -> landsdeel
    assert data.nodes[entity_iri("Platform Bèta Techniek")].landsdelen == ["Landsdeel Oost"]
    assert data.nodes[entity_iri("Ministerie van OCW")].landsdelen == []


def test_one_link_per_triple_with_the_evidence_of_every_document(sample_store: Store) -> None:
    data = load_map_data(sample_store)
    (coord,) = [
        link
        for link in data.links
        if (link.source, link.predicate, link.target) == (FOUR_TU, "coordinates", SECTORPLAN)
    ]
    assert sorted(ev.page or 0 for ev in coord.evidence) == [3, 12]
    assert {ev.sentence for ev in coord.evidence} == {
        "De 4TU.Federatie coördineert het Sectorplan Bèta en Techniek.",
        "Het sectorplan wordt gecoördineerd door 4TU.",
    }
    (goal,) = data.concept_links
    assert goal.predicate == "addresses"
    assert data.concept_labels[goal.target] == "Actielijn Leren"


def test_views_top_focus_region(sample_store: Store) -> None:
    data = load_map_data(sample_store)
    graph = link_graph(data)
    sizes = node_sizes(graph, "degree")
    assert select_view(data, graph, sizes) == set(data.nodes)
    top2 = select_view(data, graph, sizes, top=2)
    assert len(top2) == 2
    assert all(sizes[n] >= max(sizes[m] for m in set(data.nodes) - top2) for n in top2)
    ego = select_view(data, graph, sizes, focus="4tu", depth=1)
    assert ego == {FOUR_TU, SECTORPLAN, entity_iri("Ministerie van OCW")}
    deeper = select_view(data, graph, sizes, focus="Federatie 4TU", depth=2)
    assert entity_iri("Platform Bèta Techniek") in deeper
    oost = select_view(data, graph, sizes, region="oost")
    assert oost == {
        entity_iri("Landsdeel Oost"),
        entity_iri("Provincie Gelderland"),
        entity_iri("Platform Bèta Techniek"),
    }


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"focus": "Nergens Bekend"}, "--focus: no entity named 'Nergens Bekend'"),
        ({"focus": "4TU Federatie!"}, "did you mean: '4TU.Federatie'"),
        ({"region": "Atlantis"}, "--region: unknown landsdeel 'Atlantis'"),
        ({"size_by": "pagerank"}, "--size-by: must be one of degree, betweenness"),
        ({"color_by": "mood"}, "--color-by: must be one of"),
        ({"top": 0}, "--top: must be at least 1"),
    ],
)
def test_bad_options_give_one_clear_line(
    sample_store: Store,
    options: dict,
    message: str,  # type: ignore[type-arg]
) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)) as caught:
        render_map(sample_store, **options)
    assert "\n" not in str(caught.value)


def test_page_is_self_contained_and_carries_the_graph(sample_store: Store) -> None:
    html = render_map(sample_store, size_by="betweenness", color_by="landsdeel")
    # nothing the page would load from elsewhere
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert not re.search(r"@import|@font-face|url\(\s*['\"]?https?:", html, re.I)
    assert "sourceMappingURL" not in html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert csp and "default-src 'none'" in unescape(csp.group(1))
    data = payload(html)
    assert len(data["nodes"]) == 9
    assert {n["id"] for n in data["nodes"]} == set(data["details"])
    assert data["settings"] == {
        "colorBy": "landsdeel",
        "sizeBy": "betweenness",
        "physics": True,
        "coOccurrence": True,
        "total": 9,
        "view": "",
    }
    # vis gets no title strings (it would render them as HTML)
    assert not any("title" in item for item in data["nodes"] + data["edges"])
    assert data["details"][FOUR_TU]["names"][0] == "4TU.Federatie"
    assert data["options"]["physics"]["enabled"] is True


def test_data_island_cannot_close_its_script_or_start_markup() -> None:
    text = data_island({"x": "</script><img src=x onerror=alert(1)>&amp;\u2028\u2029"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"x": "</script><img src=x onerror=alert(1)>&amp;\u2028\u2029"}


def big_store(count: int) -> Store:
    """A chain of ``count`` organisations in one document (two links each)."""
    doc = "c" * 64
    entities = [
        Entity(
            entity_iri(f"Organisatie {i}"),
            f"Organisatie {i}",
            "Organisation",
            [f"Organisatie {i}"],
            [Evidence(doc, f"Organisatie {i} doet mee.", i * 40, i * 40 + 20)],
        )
        for i in range(count)
    ]
    relations = [
        Relation(
            entities[i].iri,
            "collaboratesWith",
            entities[(i * 7 + 3) % count].iri,
            Evidence(doc, f"Samenwerking {i}.", i * 40 + 21, i * 40 + 39),
        )
        for i in range(count)
    ]
    extraction = Extraction(DocumentInfo(doc, "groot.txt", "txt"), entities, relations)
    store = Store()
    from beleidsgraaf.graph.writer import extraction_graph, extraction_graph_name

    store.replace_graph(extraction_graph_name(extraction), extraction_graph(extraction))
    return store


@pytest.mark.slow
def test_large_graph_gets_a_precomputed_layout_and_no_physics() -> None:
    store = big_store(PHYSICS_MAX_NODES + 50)
    data = payload(render_map(store))
    assert len(data["nodes"]) == PHYSICS_MAX_NODES + 50
    assert data["options"]["physics"]["enabled"] is False
    assert data["settings"]["physics"] is False
    xs = {round(n["x"]) for n in data["nodes"]}
    assert len(xs) > PHYSICS_MAX_NODES // 2  # really spread out, not all on one spot
    small = payload(render_map(store, top=40))
    assert len(small["nodes"]) == 40 and small["settings"]["physics"] is True
    assert "x" not in small["nodes"][0]


def test_write_map_writes_the_file_and_reports_unwritable_paths(
    sample_store: Store, tmp_path: Path
) -> None:
    written = write_map(sample_store, tmp_path / "sub" / "map.html", top=3)
    assert len(payload(written.read_text(encoding="utf-8"))["nodes"]) == 3
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(BeleidsgraafError, match=r"file/map\.html: cannot write the map"):
        write_map(sample_store, blocker / "map.html")
    # an existing map stays whole when rendering fails
    before = written.read_text(encoding="utf-8")
    with pytest.raises(ConfigError):
        write_map(sample_store, written, region="Atlantis")
    assert written.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in written.parent.iterdir()) == ["map.html"]


def test_cli_map_command(sample_store_path: Path, tmp_path: Path) -> None:
    from beleidsgraaf.cli import app

    store_path = sample_store_path
    runner = CliRunner()
    out = tmp_path / "kaart.html"
    result = runner.invoke(
        app, ["--store", str(store_path), "map", "--focus", "OCW", "--depth", "1", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert str(out) in result.output
    labels = {d["label"] for d in payload(out.read_text(encoding="utf-8"))["details"].values()}
    assert labels == {"Ministerie van OCW", "Regionaal Investeringsfonds mbo", "4TU.Federatie"}

    bad = runner.invoke(app, ["--store", str(store_path), "map", "--region", "Atlantis"])
    assert bad.exit_code != 0
    assert "beleidsgraaf: error: --region: unknown landsdeel 'Atlantis'" in bad.output

    missing = runner.invoke(app, ["--store", str(tmp_path / "nope"), "map"])
    assert missing.exit_code != 0
    assert "no store here" in missing.output
    assert "Example:" in runner.invoke(app, ["map", "--help"]).output
