"""The map in a real headless Chromium: offline, searchable, filterable, with evidence on click."""

from __future__ import annotations

import importlib
import subprocess
import sys
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

Opener = Callable[[Path], Any]


@pytest.fixture
def sample_page(sample_store: Store, write_page: Callable[[str], Path], open_page: Opener) -> Any:
    return open_page(write_page(render_map(sample_store)))


def test_page_loads_offline_without_errors_and_settles(sample_page: Any) -> None:
    page = sample_page.page
    assert sample_page.errors == []
    assert sample_page.foreign_requests() == []
    assert page.evaluate("bgMap.nodes.length") == 9
    assert sorted(page.evaluate("bgMap.visibleNodeIds()")) == sorted(
        page.evaluate("bgMap.nodes.getIds()")
    )
    # physics stabilised and was then switched off
    assert page.evaluate("bgMap.network.physics.physicsEnabled") is False
    legend = page.inner_text("#legend")
    for word in ("Organisatie", "Programma", "Interventie", "Regio", "Persoon", "coördineert"):
        assert word in legend


def test_search_by_alias_focuses_the_node_and_shows_its_panel(sample_page: Any) -> None:
    page = sample_page.page
    page.fill("#search", "rif")  # an acronym, in the wrong case
    page.press("#search", "Enter")
    assert page.evaluate("bgMap.network.getSelectedNodes()") == [RIF]
    assert page.inner_text("#panel-body h2") == "Regionaal Investeringsfonds mbo"
    page.fill("#search", "Federatie 4TU")
    page.click("#search-form button")
    assert page.evaluate("bgMap.network.getSelectedNodes()") == [FOUR_TU]
    page.fill("#search", "bestaat niet")
    page.press("#search", "Enter")
    assert "niet gevonden" in page.inner_text("#search-status")
    assert sample_page.errors == []


def test_filters_hide_and_show_without_reloading(sample_page: Any) -> None:
    page = sample_page.page
    page.evaluate("window.__sameDocument = true")
    before = page.evaluate("bgMap.network.getPositions()")
    page.uncheck("#type-filter input[data-type=Organisation]")
    visible = set(page.evaluate("bgMap.visibleNodeIds()"))
    assert len(visible) == 5 and FOUR_TU not in visible and OCW not in visible
    assert page.evaluate("bgMap.nodes.length") == 9  # hidden, not removed
    page.check("#type-filter input[data-type=Organisation]")
    assert len(page.evaluate("bgMap.visibleNodeIds()")) == 9
    assert page.evaluate("bgMap.network.getPositions()") == before  # back where they were

    page.select_option("#landsdeel-filter", "Landsdeel Oost")
    assert set(page.evaluate("bgMap.visibleNodeIds()")) == {
        entity_iri("Landsdeel Oost"),
        entity_iri("Provincie Gelderland"),
        entity_iri("Platform Bèta Techniek"),
    }
    page.select_option("#landsdeel-filter", "")
    page.select_option("#programme-filter", entity_iri("Sectorplan Bèta en Techniek"))
    assert set(page.evaluate("bgMap.visibleNodeIds()")) == {
        entity_iri("Sectorplan Bèta en Techniek"),
        FOUR_TU,
        entity_iri("Platform Bèta Techniek"),
    }
    page.click("#reset")
    page.fill("#degree-filter", "2")  # range input: sets the value and fires 'input'
    visible = set(page.evaluate("bgMap.visibleNodeIds()"))
    assert entity_iri("Stichting Zonder Relaties") not in visible
    assert FOUR_TU in visible
    page.uncheck("#cooccurrence-filter")
    predicates = page.evaluate("bgMap.visibleEdgeIds().map(id => bgMap.edges.get(id).predicate)")
    assert "coOccursWith" not in predicates and predicates
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
    # the neighbours stay in colour, the rest fades
    colours = page.evaluate("Object.fromEntries(bgMap.nodes.get().map(n => [n.id, n.color]))")
    assert colours[OCW] != "#e4e6e8" and colours[RIF] == "#e4e6e8"
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "sample-map-panel.png"))
    page.click("#panel-close")
    assert page.is_hidden("#panel")
    assert page.evaluate("id => bgMap.nodes.get(id).color", RIF) != "#e4e6e8"


def test_hovering_an_edge_shows_predicate_and_evidence(sample_page: Any) -> None:
    page = sample_page.page
    a = sample_page.node_screen_point(entity_iri("Ministerie van OCW"))
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
    platform = entity_iri("Platform Bèta Techniek")
    by_type = page.evaluate("id => bgMap.nodes.get(id).color", platform)
    assert by_type == page.evaluate("id => bgMap.nodes.get(id).color", OCW)  # both Organisation
    page.select_option("#colour-by", "landsdeel")
    oost = page.evaluate("id => bgMap.nodes.get(id).color", platform)
    assert oost != by_type
    assert oost == page.evaluate("id => bgMap.nodes.get(id).color", entity_iri("Landsdeel Oost"))
    assert page.evaluate("id => bgMap.nodes.get(id).color", OCW) == "#BBBBBB"  # no landsdeel
    legend = page.inner_text("#node-legend")
    assert "Landsdeel Oost" in legend and "geen landsdeel" in legend and "Organisatie" in legend
    assert sample_page.errors == []


def test_views_draw_only_their_part(
    sample_store: Store, write_page: Callable[[str, str], Path], open_page: Opener
) -> None:
    html = render_map(sample_store, focus="OCW", depth=1, color_by="community")
    opened = open_page(write_page(html, "ego.html"))
    assert set(opened.page.evaluate("bgMap.nodes.getIds()")) == {OCW, RIF, FOUR_TU}
    assert "weergave: rond OCW" in opened.page.inner_text("#counts")
    assert "Groep 1" in opened.page.inner_text("#legend")
    assert opened.errors == [] and opened.foreign_requests() == []


def test_empty_store_gives_a_working_empty_map(
    write_page: Callable[[str, str], Path], open_page: Opener
) -> None:
    opened = open_page(write_page(render_map(Store()), "empty.html"))
    assert opened.page.evaluate("bgMap.nodes.length") == 0
    assert "0 van 0 knopen" in opened.page.inner_text("#counts")
    assert opened.errors == [] and opened.foreign_requests() == []


@pytest.mark.slow
def test_large_graph_opens_with_physics_off(
    write_page: Callable[[str, str], Path], open_page: Opener
) -> None:
    from test_map_render import big_store

    html = render_map(big_store(1100))
    opened = open_page(write_page(html, "big.html"))
    assert opened.page.evaluate("bgMap.nodes.length") == 1100
    assert opened.page.evaluate("bgMap.network.physics.physicsEnabled") is False
    opened.page.fill("#search", "Organisatie 1099")
    opened.page.press("#search", "Enter")
    assert opened.page.evaluate("bgMap.network.getSelectedNodes()") == [
        entity_iri("Organisatie 1099")
    ]
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
    """The whole demo corpus: every entity on the map, real actors findable, evidence on click."""
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

    page.fill("#search", "4TU.Federatie")
    page.press("#search", "Enter")
    selected = page.evaluate("bgMap.network.getSelectedNodes()")
    assert selected == [entity_iri("4TU.Federatie")]
    page.wait_for_timeout(600)  # the focus animation
    x, y = opened.node_screen_point(selected[0])
    page.mouse.click(x, y)
    panel = page.inner_text("#panel-body")
    assert "4TU.Federatie" in panel
    assert "RELATIES" in panel.upper()
    page.uncheck("#type-filter input[data-type=Person]")
    people = [i for i, d in data.nodes.items() if d.type == "Person"]
    assert not set(people) & set(page.evaluate("bgMap.visibleNodeIds()"))
    page.check("#type-filter input[data-type=Person]")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "demo-map.png"))
    assert opened.errors == []
