"""The map in a real headless Chromium: offline, searchable, filterable, with evidence on click;
its views, shared links, saved views, time slider, confidence threshold and export."""

from __future__ import annotations

import importlib
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from beleidsgraaf.graph.store import Store
from beleidsgraaf.ontology.iri import entity_iri
from beleidsgraaf.viz.map import render_map

pytestmark = pytest.mark.browser

ARTEFACTS = Path(__file__).resolve().parents[1] / "artefacts"
FOUR_TU = entity_iri("4TU.Federatie")
OCW = entity_iri("Ministerie van OCW")
RIF = entity_iri("Regionaal Investeringsfonds mbo")
PBT = entity_iri("Platform Bèta Techniek")
SECTORPLAN = entity_iri("Sectorplan Bèta en Techniek")
GELDERLAND = entity_iri("Provincie Gelderland")
OOST = entity_iri("Landsdeel Oost")
JAN = entity_iri("Jan de Vries")
LONELY = entity_iri("Stichting Zonder Relaties")
FADED = "#e4e6e8"

Opener = Callable[..., Any]


@pytest.fixture
def sample_page(sample_store: Store, write_page: Callable[[str], Path], open_page: Opener) -> Any:
    return open_page(write_page(render_map(sample_store)))


def visible(page: Any) -> set[str]:
    return set(page.evaluate("bgMap.visibleNodeIds()"))


def visible_links(page: Any) -> set[tuple[str, str, str]]:
    return {
        tuple(x)
        for x in page.evaluate(
            "bgMap.visibleEdgeIds().map(id => { const e = bgMap.edges.get(id);"
            " return [e.from, e.predicate, e.to]; })"
        )
    }


def legend_entries(page: Any, which: str) -> list[str]:
    return page.evaluate(
        f"Array.from(document.querySelectorAll('#{which}-legend li[data-entry]'),"
        " li => li.getAttribute('data-entry'))"
    )


def test_page_opens_offline_on_typed_relations_with_lone_nodes_counted(sample_page: Any) -> None:
    page = sample_page.page
    assert sample_page.errors == []
    assert sample_page.foreign_requests() == []
    assert page.evaluate("bgMap.nodes.length") == 9
    assert page.evaluate("bgMap.network.physics.physicsEnabled") is False
    # co-occurrence is a layer to switch on; the node without any typed link waits behind a count
    assert visible(page) == set(page.evaluate("bgMap.nodes.getIds()")) - {LONELY}
    assert (FOUR_TU, "coOccursWith", OCW) not in visible_links(page)
    assert len(visible_links(page)) == 6
    assert "1 zonder verbinding verborgen" in page.inner_text("#counts")
    assert page.inner_text("#isolates-label") == "toon 1 knopen zonder verbinding"
    page.check("#isolates-filter")
    assert LONELY in visible(page)
    page.check("#cooccurrence-filter")
    assert (FOUR_TU, "coOccursWith", OCW) in visible_links(page)
    # the legend lists only what is on screen: 'samen genoemd' only with its layer
    assert "coOccursWith" in legend_entries(page, "edge")
    page.uncheck("#cooccurrence-filter")
    assert "coOccursWith" not in legend_entries(page, "edge")
    assert set(legend_entries(page, "node")) == {
        "Organisation",
        "Programme",
        "Intervention",
        "Region",
        "Person",
    }
    assert "funds" in legend_entries(page, "edge")
    assert sample_page.errors == []


def test_search_by_alias_focuses_the_node_and_shows_its_panel(sample_page: Any) -> None:
    page = sample_page.page
    page.fill("#search", "rif")  # an acronym, in the wrong case
    page.press("#search", "Enter")
    assert page.evaluate("bgMap.network.getSelectedNodes()") == [RIF]
    assert page.inner_text("#panel-body h2") == "Regionaal Investeringsfonds mbo"
    page.fill("#search", "Federatie 4TU")
    page.click("#search-form button")
    assert page.evaluate("bgMap.network.getSelectedNodes()") == [FOUR_TU]
    # a node the view hides is found too: the lone node is shown when searched for
    page.fill("#search", "Stichting Zonder Relaties")
    page.press("#search", "Enter")
    assert page.evaluate("bgMap.network.getSelectedNodes()") == [LONELY]
    page.fill("#search", "bestaat niet")
    page.press("#search", "Enter")
    assert "niet gevonden" in page.inner_text("#search-status")
    assert sample_page.errors == []


def test_filters_hide_and_show_without_reloading(sample_page: Any) -> None:
    page = sample_page.page
    page.evaluate("window.__sameDocument = true")
    before = page.evaluate("bgMap.network.getPositions()")
    page.uncheck("#type-filter input[data-type=Organisation]")
    shown = visible(page)
    assert FOUR_TU not in shown and OCW not in shown and PBT not in shown
    assert page.evaluate("bgMap.nodes.length") == 9  # hidden, not removed
    page.check("#type-filter input[data-type=Organisation]")
    assert len(visible(page)) == 8
    assert page.evaluate("bgMap.network.getPositions()") == before  # back where they were
    page.fill("#degree-filter", "2")  # range input: sets the value and fires 'input'
    shown = visible(page)
    assert FOUR_TU not in shown  # one typed link; its co-occurrence does not count
    assert PBT in shown and SECTORPLAN in shown
    page.check("#cooccurrence-filter")  # with the layer, its co-occurrence counts
    assert FOUR_TU in visible(page)
    assert page.evaluate("window.__sameDocument") is True
    assert sample_page.errors == []


def test_click_on_a_node_shows_relations_with_evidence(sample_page: Any) -> None:
    page = sample_page.page
    before = page.evaluate("bgMap.network.getPositions()")
    x, y = sample_page.node_screen_point(FOUR_TU)
    page.mouse.click(x, y)
    assert page.evaluate("bgMap.network.getPositions()") == before  # highlighting moves nothing
    panel = page.locator("#panel-body")
    assert panel.get_attribute("data-node") == FOUR_TU
    text = panel.inner_text()
    assert "4TU.Federatie" in text and "Federatie 4TU" in text
    assert "De 4TU.Federatie coördineert het Sectorplan Bèta en Techniek." in text
    assert "Het sectorplan wordt gecoördineerd door 4TU." in text
    assert "Techniekpact testnota" in text and "p. 3" in text and "p. 12" in text
    assert "4TU testdocument" in text
    # the co-occurrence with OCW is listed but marked as not in this view
    assert "niet in deze weergave" in page.inner_text("#panel-body .relation.off")
    # the neighbours stay in colour, the rest fades
    colours = page.evaluate("Object.fromEntries(bgMap.nodes.get().map(n => [n.id, n.color]))")
    assert colours[SECTORPLAN] != FADED and colours[RIF] == FADED
    assert "selectie=4tu-federatie" in page.evaluate("location.hash")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "sample-map-panel.png"))
    page.click("#panel-close")
    assert page.is_hidden("#panel")
    assert page.evaluate("id => bgMap.nodes.get(id).color", RIF) != FADED
    assert "selectie" not in page.evaluate("location.hash")


def test_hovering_an_edge_shows_predicate_and_evidence(sample_page: Any) -> None:
    page = sample_page.page
    a = sample_page.node_screen_point(OCW)
    b = sample_page.node_screen_point(RIF)
    page.mouse.move(a[0] + 200, a[1] + 200)
    found = False
    for t in (0.45, 0.5, 0.55, 0.4, 0.6):  # a point on the edge that is not under a node
        page.mouse.move(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        page.wait_for_timeout(300)
        if page.is_visible("#tooltip"):
            found = "financiert" in page.inner_text("#tooltip")
            if found:
                break
    assert found, "no edge tooltip appeared"
    assert "Het ministerie van OCW financiert" in page.inner_text("#tooltip")


def test_colour_switch_recolours_nodes_and_legend(sample_page: Any) -> None:
    page = sample_page.page
    by_type = page.evaluate("id => bgMap.nodes.get(id).color", PBT)
    assert by_type == page.evaluate("id => bgMap.nodes.get(id).color", OCW)  # both Organisation
    page.select_option("#colour-by", "landsdeel")
    oost = page.evaluate("id => bgMap.nodes.get(id).color", PBT)
    assert oost != by_type
    assert oost == page.evaluate("id => bgMap.nodes.get(id).color", OOST)
    assert page.evaluate("id => bgMap.nodes.get(id).color", OCW) == "#BBBBBB"  # no landsdeel
    assert legend_entries(page, "node")[:2] == ["Landsdeel Oost", "geen landsdeel"]
    assert "Organisation" in legend_entries(page, "node")  # shapes still name the types
    assert "kleur=landsdeel" in page.evaluate("location.hash")
    assert sample_page.errors == []


def test_views_show_their_part_keep_the_selection_and_a_legend_of_what_is_shown(
    sample_page: Any,
) -> None:
    page = sample_page.page
    page.fill("#search", "Platform Bèta Techniek")
    page.press("#search", "Enter")
    assert page.evaluate("bgMap.selected()") == PBT

    page.select_option("#view-mode", "landsdeel")
    page.select_option("#view-landsdeel", "Landsdeel Oost")
    assert visible(page) == {OOST, GELDERLAND, PBT}
    assert page.evaluate("bgMap.network.getSelectedNodes()") == [PBT]  # selection kept
    assert page.get_attribute("#panel-body", "data-node") == PBT
    assert legend_entries(page, "node") == ["Organisation", "Region"]
    assert set(legend_entries(page, "edge")) == {"partOf", "locatedIn"}
    assert_fits(page)

    page.select_option("#view-mode", "programma")
    page.select_option("#view-programme", SECTORPLAN)
    assert visible(page) == {SECTORPLAN, FOUR_TU, PBT}
    assert page.evaluate("bgMap.network.getSelectedNodes()") == [PBT]
    assert set(legend_entries(page, "edge")) == {"coordinates", "participatesIn"}

    page.select_option("#view-mode", "netwerk")
    page.fill("#view-ego", "4tu")
    page.press("#view-ego", "Enter")
    assert visible(page) == {FOUR_TU, SECTORPLAN}  # depth 1, typed links only
    assert page.evaluate("bgMap.selected()") == PBT  # not on screen, but still selected
    assert page.get_attribute("#panel-body", "data-node") == PBT
    page.check("input[name=depth][value='2']")
    assert visible(page) == {FOUR_TU, SECTORPLAN, PBT}
    assert page.evaluate("bgMap.network.getSelectedNodes()") == [PBT]
    page.check("#cooccurrence-filter")
    page.check("input[name=depth][value='1']")
    assert visible(page) == {FOUR_TU, SECTORPLAN, OCW}  # with the co-occurrence layer
    page.uncheck("#cooccurrence-filter")

    communities = page.evaluate(
        "JSON.parse(document.getElementById('bg-data').textContent).communities"
    )
    details = page.evaluate("JSON.parse(document.getElementById('bg-data').textContent).details")
    page.select_option("#view-mode", "gemeenschap")
    assert page.input_value("#colour-by") == "community"
    assert visible(page) == {i for i, d in details.items() if d["community"] is not None}
    first = str(communities[0]["id"])
    page.select_option("#view-community", first)
    assert visible(page) == {i for i, d in details.items() if str(d["community"]) == first}
    assert legend_entries(page, "node")[0] == f"Groep {first}"

    page.click("#reset")
    assert len(visible(page)) == 8
    assert page.evaluate("bgMap.selected()") == PBT
    assert sample_page.errors == []


def test_an_actors_network_opens_from_its_panel(sample_page: Any) -> None:
    page = sample_page.page
    page.fill("#search", "OCW")
    page.press("#search", "Enter")
    page.click("#panel-body .actions button:has-text('2 stappen')")
    assert page.input_value("#view-mode") == "netwerk"
    assert visible(page) == {OCW, RIF, JAN}
    assert "weergave=netwerk&rond=ministerie-van-ocw&diepte=2" in page.evaluate("location.hash")


def assert_fits(page: Any) -> None:
    """Every shown node lies inside the canvas."""
    box = page.evaluate(
        """() => { const net = bgMap.network; const el = document.getElementById('network');
        const ids = bgMap.visibleNodeIds(); const pos = net.getPositions(ids);
        return { w: el.clientWidth, h: el.clientHeight,
                 points: ids.map(id => net.canvasToDOM(pos[id])) }; }"""
    )
    for p in box["points"]:
        assert 0 <= p["x"] <= box["w"] and 0 <= p["y"] <= box["h"], p


def test_a_shared_link_reopens_the_same_view(
    sample_store: Store, write_page: Callable[[str, str], Path], open_page: Opener
) -> None:
    path = write_page(render_map(sample_store), "gedeeld.html")
    first = open_page(path)
    page = first.page
    page.select_option("#view-mode", "landsdeel")
    page.select_option("#view-landsdeel", "Landsdeel Oost")
    page.select_option("#colour-by", "community")
    page.check("#isolates-filter")
    x, y = first.node_screen_point(GELDERLAND)
    page.mouse.click(x, y)
    page.mouse.move(x + 40, y + 40)
    page.mouse.wheel(0, -300)  # the user zooms in: the camera goes into the link too
    page.wait_for_timeout(300)
    link = page.evaluate("location.href")
    assert "weergave=landsdeel" in link and "zoom=" in link and "selectie=" in link
    assert page.evaluate("location.href") == link
    assert page.input_value("#share-link") == link
    page.click("#copy-link")
    page.wait_for_function(
        "() => document.getElementById('copy-link').textContent === 'Gekopieerd'"
    )
    shown = visible(page)
    camera = page.evaluate("({s: bgMap.network.getScale(), p: bgMap.network.getViewPosition()})")
    colours = page.evaluate("Object.fromEntries(bgMap.nodes.get().map(n => [n.id, n.color]))")

    second = open_page(path, link)  # a colleague opens the link: a fresh browser context
    other = second.page
    assert visible(other) == shown
    assert other.evaluate("bgMap.network.getSelectedNodes()") == [GELDERLAND]
    assert other.inner_text("#panel-body h2") == "Provincie Gelderland"
    assert other.input_value("#view-mode") == "landsdeel"
    assert other.input_value("#colour-by") == "community"
    assert other.is_checked("#isolates-filter")
    again = other.evaluate("({s: bgMap.network.getScale(), p: bgMap.network.getViewPosition()})")
    assert again["s"] == pytest.approx(camera["s"], rel=1e-3)
    assert again["p"]["x"] == pytest.approx(camera["p"]["x"], abs=0.5)
    assert again["p"]["y"] == pytest.approx(camera["p"]["y"], abs=0.5)
    assert (
        other.evaluate("Object.fromEntries(bgMap.nodes.get().map(n => [n.id, n.color]))") == colours
    )
    assert other.evaluate("location.href") == link
    assert first.foreign_requests() == [] and second.foreign_requests() == []
    assert first.errors == [] and second.errors == []

    # pasting another link into the same tab switches the view in place
    other.evaluate("window.__sameDocument = true")
    other.evaluate("location.hash = 'rond=4tu&diepte=2'")
    other.wait_for_function("() => bgMap.visibleNodeIds().length === 3")
    assert visible(other) == {FOUR_TU, SECTORPLAN, PBT}
    assert other.evaluate("window.__sameDocument") is True
    # a broken or outdated link still opens (on what it can use)
    third = open_page(path, path.resolve().as_uri() + "#weergave=x&rond=bestaat-niet&zoom=a")
    assert len(visible(third.page)) == 8 and third.errors == []


def test_named_views_from_the_command_line_and_from_the_user(
    sample_store: Store, write_page: Callable[[str, str], Path], open_page: Opener
) -> None:
    html = render_map(
        sample_store, views=["Oost=landsdeel=oost&kleur=landsdeel", "4TU breed=rond=4TU&diepte=2"]
    )
    path = write_page(html, "weergaven.html")
    first = open_page(path)
    page = first.page
    assert page.evaluate(
        "Array.from(document.querySelectorAll('#views-list a'), a => a.textContent)"
    ) == ["Oost", "4TU breed"]
    page.click("#views-list a:has-text('4TU breed')")
    page.wait_for_function("() => bgMap.visibleNodeIds().length === 3")
    assert visible(page) == {FOUR_TU, SECTORPLAN, PBT}
    page.click("#views-list a:has-text('Oost')")
    page.wait_for_function(
        "() => bgMap.visibleNodeIds().length === 3 && location.hash.includes('Oost')"
    )
    assert visible(page) == {OOST, GELDERLAND, PBT}
    assert page.input_value("#colour-by") == "landsdeel"

    page.select_option("#view-mode", "programma")
    page.select_option("#view-programme", SECTORPLAN)
    page.fill("#view-name", "Sectorplan & co")
    page.press("#view-name", "Enter")
    assert "Sectorplan & co" in page.inner_text("#views-list")
    page.click("#reset")
    # the user's view is kept in this browser for this file: a new tab lists it
    second = first.context.new_page()
    second.goto(first.url)
    second.wait_for_function("() => window.bgMap && window.bgMap.isStable()")
    second.click("#views-list a:has-text('Sectorplan & co')")
    second.wait_for_function("() => bgMap.visibleNodeIds().length === 3")
    assert visible(second) == {SECTORPLAN, FOUR_TU, PBT}
    assert first.errors == [] and first.foreign_requests() == []


@pytest.fixture
def dated_page(
    dated_store: Store, write_page: Callable[[str, str], Path], open_page: Opener
) -> Any:
    return open_page(write_page(render_map(dated_store), "jaren.html"))


ALFA = entity_iri("Stichting Alfa")
BRAVO = entity_iri("Stichting Bravo")
CHARLIE = entity_iri("Fonds Charlie")
DELTA = entity_iri("Bureau Delta")
PACT = entity_iri("Techniekpact Proef")


def test_time_slider_shows_the_network_as_of_a_year(dated_page: Any) -> None:
    page = dated_page.page
    every = {
        (ALFA, "coordinates", PACT),
        (BRAVO, "participatesIn", PACT),
        (CHARLIE, "funds", PACT),
        (ALFA, "collaboratesWith", CHARLIE),
        (DELTA, "implements", PACT),
    }
    assert visible_links(page) == every
    assert page.inner_text("#year-value") == "alle jaren"
    page.fill("#year-filter", "0")  # 2019
    assert visible_links(page) == {(ALFA, "coordinates", PACT), (BRAVO, "participatesIn", PACT)}
    assert visible(page) == {ALFA, BRAVO, PACT}
    assert page.inner_text("#year-value").startswith("t/m 2019")
    assert "jaar=2019" in page.evaluate("location.hash")
    page.fill("#year-filter", "1")  # 2021: the undated document does not count yet
    assert visible_links(page) == every - {(DELTA, "implements", PACT)}
    page.fill("#year-filter", "2")
    assert visible_links(page) == every
    # the panel says which year each relation comes from
    page.fill("#search", "Stichting Bravo")
    page.press("#search", "Enter")
    panel = page.inner_text("#panel-body")
    assert "uit 2019, 2021" in panel
    assert "Nota 2019 · 2019" in panel and "Nota 2021 · 2021" in panel
    page.fill("#search", "Bureau Delta")
    page.press("#search", "Enter")
    assert "uit een ongedateerd document" in page.inner_text("#panel-body")
    assert dated_page.errors == [] and dated_page.foreign_requests() == []


def test_confidence_threshold_and_uncertain_links(dated_page: Any) -> None:
    page = dated_page.page
    assert page.is_visible("#confidence-control")
    styles = page.evaluate(
        "Object.fromEntries(bgMap.edges.get().map(e => [e.from + ' ' + e.to,"
        " {opacity: e.color.opacity === undefined ? 1 : e.color.opacity, width: e.width}]))"
    )
    uncertain = styles[f"{ALFA} {CHARLIE}"]  # confidence 0.65
    certain = styles[f"{BRAVO} {PACT}"]  # 0.4 and 0.9: its best statement counts
    assert uncertain["opacity"] < 1 and certain["opacity"] == 1
    assert uncertain["width"] < styles[f"{CHARLIE} {PACT}"]["width"]
    assert "uncertain" in legend_entries(page, "edge")
    page.fill("#confidence-filter", "0.7")
    assert visible_links(page) == {
        (ALFA, "coordinates", PACT),
        (BRAVO, "participatesIn", PACT),
        (CHARLIE, "funds", PACT),  # no confidence given: never hidden
        (DELTA, "implements", PACT),
    }
    assert "uncertain" not in legend_entries(page, "edge")
    page.fill("#confidence-filter", "0.95")
    assert visible_links(page) == {(ALFA, "coordinates", PACT), (CHARLIE, "funds", PACT)}
    page.fill("#confidence-filter", "0.5")
    page.fill("#year-filter", "0")  # 2019 and at least 0.5: Bravo's 2019 statement is 0.4
    assert visible_links(page) == {(ALFA, "coordinates", PACT)}
    assert "zekerheid=0.5" in page.evaluate("location.hash")
    page.fill("#search", "Stichting Bravo")
    page.press("#search", "Enter")
    assert "zekerheid 0,9" in page.inner_text("#panel-body")
    assert dated_page.errors == []


def test_no_years_and_no_confidence_means_no_such_controls(sample_page: Any) -> None:
    assert not sample_page.page.is_visible("#year-control")
    assert not sample_page.page.is_visible("#confidence-control")


def test_export_png_and_svg_of_the_current_view(sample_page: Any, tmp_path: Path) -> None:
    page = sample_page.page
    page.select_option("#view-mode", "programma")
    page.select_option("#view-programme", SECTORPLAN)
    with page.expect_download() as png_download:
        page.click("#export-png")
    png = tmp_path / png_download.value.suggested_filename
    png_download.value.save_as(png)
    assert png.name == "kaart-programma-sectorplan-beta-en-techniek.png"
    raw = png.read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", raw[16:24])
    canvas = page.evaluate(
        "[document.querySelector('#network canvas').width,"
        " document.querySelector('#network canvas').height]"
    )
    assert [width, height] == canvas

    with page.expect_download() as svg_download:
        page.click("#export-svg")
    svg = tmp_path / svg_download.value.suggested_filename
    svg_download.value.save_as(svg)
    root = ET.parse(svg).getroot()
    ns = {"s": "http://www.w3.org/2000/svg"}
    texts = [t.text for t in root.findall(".//s:g[@class='labels']/s:text", ns)]
    assert sorted(texts) == sorted(label["text"] for label in page.evaluate("bgMap.labels()"))
    assert "Sectorplan Bèta en Techniek" in texts
    shapes = root.findall(".//s:g[@class='nodes']/*", ns)
    assert {s.get("data-id") for s in shapes} == {SECTORPLAN, FOUR_TU, PBT}
    lines = root.findall(".//s:g[@class='edges']/s:line", ns)
    assert sorted(line.get("data-predicate") for line in lines) == [
        "coordinates",
        "participatesIn",
    ]
    assert not root.findall(".//s:script", ns)
    assert sample_page.foreign_requests() == []  # made in the page, nothing fetched
    assert sample_page.errors == []


def test_empty_store_gives_a_working_empty_map(
    write_page: Callable[[str, str], Path], open_page: Opener
) -> None:
    opened = open_page(write_page(render_map(Store()), "empty.html"))
    assert opened.page.evaluate("bgMap.nodes.length") == 0
    assert "0 van 0 knopen" in opened.page.inner_text("#counts")
    assert opened.errors == [] and opened.foreign_requests() == []


# ---- first sight: readable at 500 and 2,000 nodes and on the demo corpus ------------------


def assert_readable_overview(opened: Any, shot: Path) -> list[dict[str, Any]]:
    """The overview fits and uses the canvas, its names do not overlap and are really drawn,
    and the most connected actors and programmes are among them. Returns the labels."""
    from PIL import Image

    page = opened.page
    geometry = page.evaluate(
        """() => { const net = bgMap.network; const el = document.getElementById('network');
        const ids = bgMap.visibleNodeIds(); const pos = net.getPositions(ids);
        const r = el.getBoundingClientRect();
        return { w: el.clientWidth, h: el.clientHeight, left: r.left, top: r.top,
                 points: ids.map(id => net.canvasToDOM(pos[id])) }; }"""
    )
    w, h = geometry["w"], geometry["h"]
    xs = [p["x"] for p in geometry["points"]]
    ys = [p["y"] for p in geometry["points"]]
    assert min(xs) >= 0 and max(xs) <= w and min(ys) >= 0 and max(ys) <= h  # fits
    spread = ((max(xs) - min(xs)) / w, (max(ys) - min(ys)) / h)
    assert max(spread) > 0.8 and min(spread) > 0.6, spread  # uses the canvas

    labels = page.evaluate("bgMap.labels()")
    assert len(labels) >= 20
    for a in labels:
        assert a["x"] >= 0 and a["x"] + a["w"] <= w and a["y"] >= 0 and a["y"] + a["h"] <= h
    overlap = 0.0
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            dx = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            dy = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if dx > 0 and dy > 0:
                overlap += dx * dy
    assert overlap == 0.0, f"labels overlap by {overlap} px²"

    details = page.evaluate("JSON.parse(document.getElementById('bg-data').textContent).details")
    actors = sorted(
        (i for i, d in details.items() if d["type"] in ("Organisation", "Programme")),
        key=lambda i: -details[i]["degree"],
    )
    named = {a["id"] for a in labels}
    assert set(actors[:5]) <= named, [details[i]["label"] for i in actors[:5] if i not in named]
    assert len(set(actors[:15]) & named) >= 10

    page.screenshot(path=str(shot))
    image = Image.open(shot).convert("L")
    for a in labels:  # each name box really has dark text pixels drawn in it
        left = int(geometry["left"] + a["x"])
        top = int(geometry["top"] + a["y"])
        box = image.crop((left, top, left + int(a["w"]), top + int(a["h"])))
        assert sum(box.histogram()[:110]) >= 8, a["text"]
    return labels  # type: ignore[no-any-return]


@pytest.mark.slow
@pytest.mark.parametrize("size", [500, 2000])
def test_first_sight_is_readable_at_scale(
    size: int,
    policy_store: Callable[[int], Store],
    write_page: Callable[[str, str], Path],
    open_page: Opener,
) -> None:
    html = render_map(policy_store(size))
    opened = open_page(write_page(html, f"net-{size}.html"))
    assert opened.page.evaluate("bgMap.nodes.length") == size
    assert opened.page.evaluate("bgMap.hiddenCount()") > 0.1 * size  # lone nodes, counted
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    assert_readable_overview(opened, ARTEFACTS / f"map-{size}.png")
    opened.page.fill("#search", "Stichting Techniek 9")  # and still searchable
    opened.page.press("#search", "Enter")
    assert opened.errors == [] and opened.foreign_requests() == []


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled demo corpus built into a fresh store, the way the main job builds it."""
    try:
        pipeline = importlib.import_module("beleidsgraaf.pipeline")
    except ImportError:
        pytest.skip("beleidsgraaf.pipeline is not there yet")
    if not hasattr(pipeline, "build_corpus"):
        pytest.skip("beleidsgraaf.pipeline.build_corpus is not there yet")
    path = tmp_path_factory.mktemp("demo-map") / "store"
    # In a child process, as the CLI would: the store and its process lock are surely released
    # when it exits (pipeline.build does not close its Store).
    code = (
        "import sys; from pathlib import Path; from beleidsgraaf.pipeline import build_corpus; "
        "r = build_corpus(Path(sys.argv[1])); print(r.entities); sys.exit(1 if r.failed else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (path.parent / "entities.txt").write_text(done.stdout.strip().splitlines()[-1])
    return path


@pytest.mark.slow
def test_demo_map(demo_store: Path, tmp_path: Path, open_page: Opener) -> None:
    """The whole demo corpus: a readable overview, real actors findable, evidence on click,
    the years of its documents on the slider."""
    from beleidsgraaf.viz.map import write_map
    from beleidsgraaf.viz.mapdata import load_map_data

    with Store(demo_store, read_only=True) as store:
        data = load_map_data(store)
        count = store.select(
            "PREFIX bg: <https://w3id.org/beleidsgraaf/def#> "
            "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { "
            "VALUES ?t { bg:Organisation bg:Programme bg:Intervention bg:Region bg:Person } "
            "?e a ?t ; bg:mentionedIn ?d }"
        )
        written = write_map(store, tmp_path / "map.html")
    expected = int(count[0]["n"].value)  # type: ignore[union-attr]
    assert expected == len(data.nodes) > 20
    # ... and as many as the build reported writing
    assert expected == int((demo_store.parent / "entities.txt").read_text())
    opened = open_page(written)
    page = opened.page
    assert opened.errors == []
    assert opened.foreign_requests() == []
    assert page.evaluate("bgMap.nodes.length") == expected
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    labels = assert_readable_overview(opened, ARTEFACTS / "demo-map.png")
    assert "4TU.Federatie" in {label["text"] for label in labels}
    assert page.evaluate("Number(document.getElementById('year-filter').max)") == 3  # 2019-23

    page.fill("#search", "4TU.Federatie")
    page.press("#search", "Enter")
    selected = page.evaluate("bgMap.network.getSelectedNodes()")
    assert selected == [entity_iri("4TU.Federatie")]
    x, y = opened.node_screen_point(selected[0])
    page.mouse.click(x, y)
    panel = page.inner_text("#panel-body")
    assert "4TU.Federatie" in panel
    assert "RELATIES" in panel.upper() and "uit 2020" in panel
    page.uncheck("#type-filter input[data-type=Person]")
    people = [i for i, d in data.nodes.items() if d.type == "Person"]
    assert not set(people) & visible(page)
    page.check("#type-filter input[data-type=Person]")
    assert opened.errors == []
