"""The map's side panel links a node to its registry pages, and opening the map requests none."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from beleidsgraaf.graph.store import Store
from beleidsgraaf.ontology.iri import entity_iri
from beleidsgraaf.viz.map import render_map
from beleidsgraaf.viz.mapdata import load_map_data

FOUR_TU = entity_iri("4TU.Federatie")


def test_map_data_carries_registry_pages_of_linked_nodes(sample_store: Store) -> None:
    node = load_map_data(sample_store).nodes[FOUR_TU]
    assert {"label": "ROR 03rsncr94", "url": "https://ror.org/03rsncr94"} in [
        {k: r[k] for k in ("label", "url")} for r in node.registry
    ]
    assert any(r["url"] == "https://www.wikidata.org/wiki/Q2407703" for r in node.registry)
    assert not any(r["candidate"] for r in node.registry)


@pytest.mark.browser
def test_the_side_panel_links_to_the_registry_pages_without_requesting_them(
    sample_store: Store, write_page: Callable[[str], Path], open_page: Callable[[Path], Any]
) -> None:
    opened = open_page(write_page(render_map(sample_store)))
    page = opened.page
    page.fill("#search", "4TU.Federatie")
    page.press("#search", "Enter")
    hrefs = page.eval_on_selector_all("#panel-body ul.registry a", "els => els.map(e => e.href)")
    assert "https://ror.org/03rsncr94" in hrefs
    assert "https://www.wikidata.org/wiki/Q2407703" in hrefs
    rels = page.eval_on_selector_all("#panel-body ul.registry a", "els => els.map(e => e.rel)")
    assert all("noopener" in r for r in rels)
    assert opened.errors == [] and opened.foreign_requests() == []
