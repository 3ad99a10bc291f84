"""Hand-made stores for the map tests: real Extractions written by graph.writer into Oxigraph.

The graph is small but shaped like the real thing: a federation coordinating a programme, an
organisation funding an intervention, aliases and acronyms, two documents, page numbers,
provinces in landsdelen, co-occurrences, and a goal concept.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from beleidsgraaf.graph.store import Store
from beleidsgraaf.graph.writer import extraction_graph, extraction_graph_name
from beleidsgraaf.ontology.iri import BASE, entity_iri
from beleidsgraaf.ontology.namespace import BG
from beleidsgraaf.records import (
    CoOccurrence,
    DocumentInfo,
    Entity,
    Evidence,
    Extraction,
    Relation,
)

LANDSDELEN = ("Noord", "Noordwest", "Oost", "Zuidoost", "Zuidwest")
VOCABULARY = URIRef(BASE + "graph/vocabulary")


def vocabulary() -> Graph:
    """The five landsdelen as bg:Landsdeel (stand-in for ontology.vocabulary_graph())."""
    g = Graph()
    for name in LANDSDELEN:
        node = URIRef(entity_iri(f"Landsdeel {name}"))
        g.add((node, RDF.type, BG.Landsdeel))
        g.add((node, RDF.type, BG.Region))
        g.add((node, SKOS.prefLabel, Literal(f"Landsdeel {name}")))
        g.add((node, RDFS.label, Literal(f"Landsdeel {name}")))
    return g


def ent(label: str, type_: str, doc: str, *aliases: str, sentence: str = "") -> Entity:
    ev = [Evidence(doc, sentence or f"{label} wordt genoemd.", 0, 10, page=1)]
    return Entity(entity_iri(label), label, type_, [label, *aliases], ev)  # type: ignore[arg-type]


def rel(s: str, p: str, o: str, doc: str, sentence: str, start: int, page: int) -> Relation:
    ev = Evidence(doc, sentence, start, start + len(sentence), page=page, section=("Hoofdstuk 2",))
    return Relation(entity_iri(s), p, entity_iri(o), ev)  # type: ignore[arg-type]


DOC_A = "a" * 64
DOC_B = "b" * 64


def sample_extractions() -> list[Extraction]:
    a = Extraction(
        DocumentInfo(DOC_A, "techniekpact-test.txt", "txt", title="Techniekpact testnota"),
        entities=[
            ent("4TU.Federatie", "Organisation", DOC_A, "4TU", "Federatie 4TU"),
            ent("Sectorplan Bèta en Techniek", "Programme", DOC_A, "SBT"),
            ent("Platform Bèta Techniek", "Organisation", DOC_A, "PBT"),
            ent("Ministerie van OCW", "Organisation", DOC_A, "OCW"),
            ent("Regionaal Investeringsfonds mbo", "Intervention", DOC_A, "RIF"),
            ent("Provincie Gelderland", "Region", DOC_A, "Gelderland"),
            ent("Landsdeel Oost", "Region", DOC_A),
            ent("Jan de Vries", "Person", DOC_A),
            ent("Stichting Zonder Relaties", "Organisation", DOC_A),
        ],
        relations=[
            rel(
                "4TU.Federatie",
                "coordinates",
                "Sectorplan Bèta en Techniek",
                DOC_A,
                "De 4TU.Federatie coördineert het Sectorplan Bèta en Techniek.",
                100,
                3,
            ),
            rel(
                "Ministerie van OCW",
                "funds",
                "Regionaal Investeringsfonds mbo",
                DOC_A,
                "Het ministerie van OCW financiert het Regionaal Investeringsfonds mbo.",
                200,
                4,
            ),
            rel(
                "Platform Bèta Techniek",
                "participatesIn",
                "Sectorplan Bèta en Techniek",
                DOC_A,
                "Het Platform Bèta Techniek neemt deel aan het sectorplan.",
                300,
                5,
            ),
            rel(
                "Platform Bèta Techniek",
                "locatedIn",
                "Provincie Gelderland",
                DOC_A,
                "Het Platform Bèta Techniek is gevestigd in Gelderland.",
                400,
                5,
            ),
            rel(
                "Provincie Gelderland",
                "partOf",
                "Landsdeel Oost",
                DOC_A,
                "Gelderland hoort bij landsdeel Oost.",
                500,
                6,
            ),
            rel(
                "Jan de Vries",
                "coordinates",
                "Regionaal Investeringsfonds mbo",
                DOC_A,
                "Jan de Vries coördineert het RIF.",
                600,
                7,
            ),
        ],
        cooccurrences=[
            CoOccurrence(
                entity_iri("4TU.Federatie"),
                entity_iri("Ministerie van OCW"),
                2,
                (Evidence(DOC_A, "4TU en OCW spraken af.", 700, 722, page=8),),
            )
        ],
    )
    goal = BASE + "id/actielijn-leren"
    a.relations.append(
        Relation(
            entity_iri("Sectorplan Bèta en Techniek"),
            "addresses",
            goal,
            Evidence(DOC_A, "Het sectorplan versterkt het leren.", 800, 835, page=9),
        )
    )
    a.labels[goal] = "Actielijn Leren"
    b = Extraction(
        DocumentInfo(DOC_B, "4tu-test.txt", "txt", title="4TU testdocument"),
        entities=[
            ent("4TU.Federatie", "Organisation", DOC_B, "4TU"),
            ent("Sectorplan Bèta en Techniek", "Programme", DOC_B),
        ],
        relations=[
            rel(
                "4TU.Federatie",
                "coordinates",
                "Sectorplan Bèta en Techniek",
                DOC_B,
                "Het sectorplan wordt gecoördineerd door 4TU.",
                50,
                12,
            )
        ],
    )
    return [a, b]


def fill(store: Store, extractions: list[Extraction]) -> Store:
    store.replace_graph(VOCABULARY, vocabulary())
    for extraction in extractions:
        store.replace_graph(extraction_graph_name(extraction), extraction_graph(extraction))
    return store


@pytest.fixture
def sample_store() -> Store:
    """An in-memory store with the two sample documents and the landsdelen."""
    return fill(Store(), sample_extractions())


@pytest.fixture
def sample_store_path(tmp_path: Path) -> Path:
    """The sample documents in an on-disk store folder (closed again, ready to reopen)."""
    path = tmp_path / "store"
    store = Store(path)
    try:
        fill(store, sample_extractions())
    finally:
        store.close()
    return path


@pytest.fixture
def write_page(tmp_path: Path) -> Callable[[str, str], Path]:
    def write(html: str, name: str = "map.html") -> Path:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        return path

    return write


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def chromium_or_skip() -> str:
    """Debian's chromium; skip when absent locally, fail in CI (``.ci/run`` installs it)."""
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI: .ci/run should have installed it")
        pytest.skip("Debian's chromium is not installed")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Debian chromium driven by Playwright (never a downloaded browser).

    Module-scoped: Playwright's sync API allows one running instance per thread, and other
    suites start their own, so each test module closes its browser before the next starts.
    """
    executable = chromium_or_skip()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class OpenedPage:
    """A map page in the browser, with every console error and network request recorded."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 860})
        self.page = self.context.new_page()
        self.page.on(
            "console",
            lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None,
        )
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.page.goto(self.url)
        self.page.wait_for_function(
            "() => window.bgMap && window.bgMap.isStable()", timeout=120_000
        )

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        url = route.request.url
        self.requests.append(url)
        if url == self.url:
            route.continue_()
        else:
            route.abort()

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if u != self.url]

    def node_screen_point(self, iri: str) -> tuple[float, float]:
        """Where node ``iri`` is on screen (page coordinates), for real mouse clicks."""
        point = self.page.evaluate(
            """(id) => {
                const net = window.bgMap.network;
                const p = net.canvasToDOM(net.getPositions([id])[id]);
                const box = document.getElementById('network').getBoundingClientRect();
                return [box.left + p.x, box.top + p.y];
            }""",
            iri,
        )
        return float(point[0]), float(point[1])

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[[Path], OpenedPage]]:
    opened: list[OpenedPage] = []

    def open_(path: Path) -> OpenedPage:
        page = OpenedPage(browser, path)
        opened.append(page)
        return page

    yield open_
    for page in opened:
        page.close()
