"""The map without a browser: what it reads from the store, which view it picks, what it writes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from beleidsgraaf.errors import BeleidsgraafError, ConfigError
from beleidsgraaf.graph.store import Store
from beleidsgraaf.ontology.iri import entity_iri
from beleidsgraaf.viz.layout import ASPECT, link_graph, node_sizes, positions
from beleidsgraaf.viz.map import render_map, write_map
from beleidsgraaf.viz.mapdata import load_map_data
from beleidsgraaf.viz.page import data_island
from beleidsgraaf.viz.views import select_view
from beleidsgraaf.viz.viewstate import parse_preset, parse_state

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


def test_years_and_confidence_of_each_statement(dated_store: Store) -> None:
    data = load_map_data(dated_store)
    years = {d.title: d.year for d in data.documents.values()}
    assert years == {"Nota 2019": 2019, "Nota 2021": 2021, "Ongedateerde notitie": None}
    by_pair = {
        (data.nodes[link.source].label, link.predicate): link
        for link in data.links
        if link.predicate != "coOccursWith"
    }
    bravo = by_pair[("Stichting Bravo", "participatesIn")]
    assert sorted((data.documents[s.document].year, s.confidence) for s in bravo.support) == [
        (2019, 0.4),
        (2021, 0.9),
    ]
    assert bravo.confidence == 0.9  # its surest statement
    assert by_pair[("Fonds Charlie", "funds")].confidence is None  # not given
    assert by_pair[("Stichting Alfa", "collaboratesWith")].confidence == 0.65


def test_views_top_focus_region(sample_store: Store) -> None:
    data = load_map_data(sample_store)
    graph = link_graph(data, co_occurrence=True)
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
    assert data["settings"]["colorBy"] == "landsdeel"
    assert data["settings"]["sizeBy"] == "betweenness"
    assert data["settings"]["years"] == [] and data["settings"]["confidence"] is False
    # vis gets no labels and no titles: the page draws names itself, as text
    assert not any("label" in item or "title" in item for item in data["nodes"] + data["edges"])
    assert data["details"][FOUR_TU]["names"][0] == "4TU.Federatie"
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])  # laid out in advance
    # the co-occurrence layer is in the page (to switch on), typed degree counts without it
    assert {e["predicate"] for e in data["edges"]} >= {"coOccursWith", "coordinates"}
    assert data["details"][FOUR_TU]["degree"] == 1
    assert data["details"][FOUR_TU]["degreeAll"] == 2
    assert data["details"][entity_iri("Stichting Zonder Relaties")]["community"] is None


def test_overview_layout_packs_components_to_the_canvas_and_lone_nodes_below(
    policy_store: Callable[[int], Store],
) -> None:
    graph = link_graph(load_map_data(policy_store(500)))
    pos = positions(graph)
    assert positions(graph) == pos  # the same store always gives the same map
    linked = [n for n in graph if graph.degree(n)]
    lone = [n for n in graph if not graph.degree(n)]
    assert len(lone) > 20
    xs = [pos[n][0] for n in linked]
    ys = [pos[n][1] for n in linked]
    assert all(pos[n][1] > max(ys) for n in lone)
    aspect = (max(xs) - min(xs)) / (max(ys) - min(ys))
    assert ASPECT / 1.25 < aspect < ASPECT * 1.25  # about the shape of a laptop's map area
    # components are packed side by side: their boxes do not overlap
    boxes = []
    for part in nx.connected_components(graph.subgraph(linked)):
        px = [pos[n][0] for n in part]
        py = [pos[n][1] for n in part]
        boxes.append((min(px), min(py), max(px), max(py)))
    assert len(boxes) > 5
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1], (a, b)


def test_presets_are_checked_against_the_graph_and_written_in_one_form(
    sample_store: Store,
) -> None:
    data = load_map_data(sample_store)
    assert parse_preset("Oost=landsdeel=oost&kleur=landsdeel", data) == (
        "Oost",
        "weergave=landsdeel&landsdeel=Landsdeel+Oost&kleur=landsdeel",
    )
    # a whole link may be pasted; names become the short ids the page uses
    assert parse_preset(
        "4TU=file:///x/map.html#rond=Federatie 4TU&diepte=2&selectie=OCW", data
    ) == (
        "4TU",
        "weergave=netwerk&rond=4tu-federatie&diepte=2&selectie=ministerie-van-ocw",
    )
    assert parse_state("typen=Programme,Organisation&zoom=1.5,10,-20&jaar=2020", data) == (
        "typen=Organisation%2CProgramme&jaar=2020&zoom=1.5%2C10%2C-20"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("zonder-staat", "--view 'zonder-staat': write NAME=STATE"),
        ("X=kleuren=rood", "--view X: unknown setting 'kleuren'"),
        ("X=landsdeel=Atlantis", "--view X: landsdeel: unknown landsdeel 'Atlantis'"),
        ("X=rond=Nergens Bekend", "--view X: rond: no entity named 'Nergens Bekend'"),
        ("X=diepte=3", "--view X: diepte: must be one of 1, 2"),
        ("X=zekerheid=2", "--view X: zekerheid: must be a number from 0 to 1"),
        ("X=typen=Robot", "--view X: typen: unknown type Robot"),
        ("X=zoom=groot", "--view X: zoom: write SCALE,X,Y"),
    ],
)
def test_bad_presets_give_one_clear_line(sample_store: Store, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)) as caught:
        render_map(sample_store, views=[text])
    assert "\n" not in str(caught.value)


def test_data_island_cannot_close_its_script_or_start_markup() -> None:
    text = data_island({"x": "</script><img src=x onerror=alert(1)>&amp;\u2028\u2029"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"x": "</script><img src=x onerror=alert(1)>&amp;\u2028\u2029"}


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

    views = tmp_path / "weergaven.html"
    result = runner.invoke(
        app,
        ["--store", str(store_path), "map", "-o", str(views), "--view", "Oost=landsdeel=Oost"],
    )
    assert result.exit_code == 0, result.output
    presets = payload(views.read_text(encoding="utf-8"))["presets"]
    assert presets == [{"name": "Oost", "state": "weergave=landsdeel&landsdeel=Landsdeel+Oost"}]
    bad_view = runner.invoke(app, ["--store", str(store_path), "map", "--view", "X=groep=a"])
    assert bad_view.exit_code != 0
    assert "beleidsgraaf: error: --view X: groep: must be a whole number" in bad_view.output

    bad = runner.invoke(app, ["--store", str(store_path), "map", "--region", "Atlantis"])
    assert bad.exit_code != 0
    assert "beleidsgraaf: error: --region: unknown landsdeel 'Atlantis'" in bad.output

    missing = runner.invoke(app, ["--store", str(tmp_path / "nope"), "map"])
    assert missing.exit_code != 0
    assert "no store here" in missing.output
    assert "Example:" in runner.invoke(app, ["map", "--help"]).output
