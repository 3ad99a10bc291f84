"""Hostile document text on the map: shown literally, never run (checked in a real browser).

Document text is untrusted: a policy PDF can contain anything. The map must show a label like
``<img src=x onerror=...>`` as those characters and run nothing, and this must hold by escaping
alone, not only thanks to the page's Content-Security-Policy (the second test removes it).
"""

from __future__ import annotations

import os
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from beleidsgraaf.graph.store import Store
from beleidsgraaf.graph.writer import extraction_graph, extraction_graph_name
from beleidsgraaf.ontology.iri import entity_iri
from beleidsgraaf.records import DocumentInfo, Entity, Evidence, Extraction, Relation
from beleidsgraaf.viz.map import render_map

pytestmark = pytest.mark.browser

EVIL_LABEL = "<img src=x onerror=window.__pwned=1>"
EVIL_ALIAS = '"><script>window.__pwned=2</script>'
EVIL_SENTENCE = (
    "Het fonds </script><script>window.__pwned=3</script> financiert "
    "<b onmouseover=window.__pwned=4>vet</b> &amp; \u2028 regel\u2029 einde."
)
EVIL_TITLE = "Nota <svg onload=window.__pwned=5> & co"
EVIL_FILE = "<iframe src=javascript:window.__pwned=6>.txt"
PLAIN = "Gewone Stichting"
DOC = "e" * 64


def hostile_store() -> Store:
    ev = Evidence(DOC, EVIL_SENTENCE, 10, 10 + len(EVIL_SENTENCE), page=2, section=(EVIL_LABEL,))
    extraction = Extraction(
        DocumentInfo(DOC, EVIL_FILE, "txt", title=EVIL_TITLE),
        entities=[
            Entity(entity_iri(EVIL_LABEL), EVIL_LABEL, "Organisation", [EVIL_LABEL, EVIL_ALIAS]),
            Entity(entity_iri(PLAIN), PLAIN, "Programme", [PLAIN], [ev]),
        ],
        relations=[Relation(entity_iri(EVIL_LABEL), "funds", entity_iri(PLAIN), ev)],
    )
    store = Store()
    store.replace_graph(extraction_graph_name(extraction), extraction_graph(extraction))
    return store


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI: .ci/run should have installed it")
        pytest.skip("Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    args = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
    ]
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=args)
        yield browser
        browser.close()


def open_map(chromium: Any, path: Path) -> tuple[Any, list[str], list[str]]:
    """Open ``path``; return the page, console errors/dialogs, and requests other than the page."""
    url = path.resolve().as_uri()
    events: list[str] = []
    foreign: list[str] = []
    page = chromium.new_context(viewport={"width": 1300, "height": 800}).new_page()
    page.on("console", lambda m: events.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: events.append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (events.append(f"dialog: {d.message}"), d.dismiss()))

    def route(r: Any) -> None:
        if r.request.url == url:
            r.continue_()
        else:
            foreign.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(url)
    page.wait_for_function("() => window.bgMap && window.bgMap.isStable()", timeout=60_000)
    return page, events, foreign


def assert_nothing_ran_and_text_is_literal(page: Any) -> None:
    assert page.evaluate("window.__pwned === undefined")
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, b').length") == 0
    assert page.evaluate("document.scripts.length") == 3  # data island, vis-network, map.js
    labels = page.evaluate("bgMap.labels().map(label => label.text)")  # drawn as canvas text
    assert any(EVIL_LABEL.startswith(text.rstrip("…")) for text in labels)  # (long: shortened)
    assert not page.evaluate("bgMap.nodes.get().some(n => 'label' in n || 'title' in n)")
    options = page.evaluate("Array.from(document.querySelectorAll('#names option'), o => o.value)")
    assert EVIL_ALIAS in options and EVIL_LABEL in options

    page.fill("#search", EVIL_ALIAS)  # search by the hostile alias
    page.press("#search", "Enter")
    assert page.evaluate("bgMap.network.getSelectedNodes()") == [entity_iri(EVIL_LABEL)]
    assert page.inner_text("#panel-body h2") == EVIL_LABEL
    panel = page.evaluate("document.getElementById('panel-body').textContent")
    assert EVIL_ALIAS in panel
    assert EVIL_SENTENCE in panel
    assert EVIL_TITLE in panel and EVIL_FILE in panel
    page.click("#panel-body .relation .head a")  # follow the link to the other node
    assert page.inner_text("#panel-body h2") == PLAIN
    assert page.evaluate("window.__pwned === undefined")

    # the exported SVG carries the names as text, never as markup
    svg = ET.fromstring(page.evaluate("bgMap.svg()"))
    texts = [t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert any(EVIL_LABEL.startswith(text.rstrip("…")) for text in texts)
    titles = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}title")]
    assert EVIL_LABEL in titles  # the whole name, as the node's tooltip
    tags = {el.tag.rsplit("}", 1)[-1] for el in svg.iter()}
    assert tags <= {"svg", "rect", "g", "line", "polygon", "circle", "text", "title"}

    # a hostile name for a saved view, and hostile values in the link, stay text
    page.fill("#view-name", EVIL_ALIAS)
    page.press("#view-name", "Enter")
    assert EVIL_ALIAS in page.inner_text("#views-list")
    page.evaluate(
        "location.hash = 'landsdeel=' + encodeURIComponent('<img src=x onerror=window.__pwned=7>')"
        " + '&selectie=' + encodeURIComponent('<script>window.__pwned=8</script>')"
    )
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned === undefined")
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, b').length") == 0


def test_hostile_text_is_shown_literally_and_nothing_runs(chromium: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    html = render_map(hostile_store())
    path.write_text(html, encoding="utf-8")
    page, events, foreign = open_map(chromium, path)
    assert_nothing_ran_and_text_is_literal(page)
    assert events == []
    assert foreign == []


def test_escaping_alone_is_enough_without_the_csp(chromium: Any, tmp_path: Path) -> None:
    html = render_map(hostile_store())
    without_csp, removed = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    assert removed == 1
    path = tmp_path / "hostile-no-csp.html"
    path.write_text(without_csp, encoding="utf-8")
    page, events, foreign = open_map(chromium, path)
    assert_nothing_ran_and_text_is_literal(page)
    assert events == []
    assert foreign == []
