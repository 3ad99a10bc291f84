"""Hand-made stores for the map tests: real Extractions written by graph.writer into Oxigraph.

The sample graph is small but shaped like the real thing: a federation coordinating a programme,
an organisation funding an intervention, aliases and acronyms, two documents, page numbers,
provinces in landsdelen, co-occurrences, and a goal concept. The dated graph has documents of
two years and an undated one, and relations with and without a confidence. The generated policy
network (500 or 2,000 entities) has the shape of a real one: a few hubs with many members, long
and short names, nodes without any relation, and small groups apart from the rest.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from beleidsgraaf.graph.store import Store
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


DOC_2019 = "1" * 64
DOC_2021 = "2" * 64
DOC_UNDATED = "3" * 64


def conf_rel(s: str, p: str, o: str, doc: str, sentence: str, confidence: float | None) -> Relation:
    ev = Evidence(doc, sentence, 0, len(sentence), page=1)
    return Relation(entity_iri(s), p, entity_iri(o), ev, confidence=confidence)  # type: ignore[arg-type]


def dated_extractions() -> list[Extraction]:
    """Three documents (2019, 2021, undated) whose relations carry a confidence or none.

    Links: Alfa coordinates Pact (2019, 0.95); Bravo participatesIn Pact (2019, 0.4 and 2021,
    0.9); Charlie funds Pact (2021, none); Alfa collaboratesWith Charlie (2021, 0.65: uncertain);
    Delta implements Pact (undated, 0.8).
    """

    def doc(
        hash_: str, name: str, year: str | None, entities: list[Entity], rels: list[Relation]
    ) -> Extraction:
        info = DocumentInfo(hash_, f"{name}.txt", "txt", title=name, issued=year)
        return Extraction(info, entities=entities, relations=rels)

    return [
        doc(
            DOC_2019,
            "Nota 2019",
            "2019",
            [
                ent("Stichting Alfa", "Organisation", DOC_2019),
                ent("Stichting Bravo", "Organisation", DOC_2019),
                ent("Techniekpact Proef", "Programme", DOC_2019),
            ],
            [
                conf_rel(
                    "Stichting Alfa",
                    "coordinates",
                    "Techniekpact Proef",
                    DOC_2019,
                    "Alfa leidt het pact.",
                    0.95,
                ),
                conf_rel(
                    "Stichting Bravo",
                    "participatesIn",
                    "Techniekpact Proef",
                    DOC_2019,
                    "Bravo doet misschien mee.",
                    0.4,
                ),
            ],
        ),
        doc(
            DOC_2021,
            "Nota 2021",
            "2021-03-01",
            [
                ent("Stichting Alfa", "Organisation", DOC_2021),
                ent("Stichting Bravo", "Organisation", DOC_2021),
                ent("Fonds Charlie", "Organisation", DOC_2021),
                ent("Techniekpact Proef", "Programme", DOC_2021),
            ],
            [
                conf_rel(
                    "Stichting Bravo",
                    "participatesIn",
                    "Techniekpact Proef",
                    DOC_2021,
                    "Bravo neemt deel aan het pact.",
                    0.9,
                ),
                conf_rel(
                    "Fonds Charlie",
                    "funds",
                    "Techniekpact Proef",
                    DOC_2021,
                    "Charlie financiert het pact.",
                    None,
                ),
                conf_rel(
                    "Stichting Alfa",
                    "collaboratesWith",
                    "Fonds Charlie",
                    DOC_2021,
                    "Alfa en Charlie praten wellicht.",
                    0.65,
                ),
            ],
        ),
        doc(
            DOC_UNDATED,
            "Ongedateerde notitie",
            None,
            [
                ent("Bureau Delta", "Organisation", DOC_UNDATED),
                ent("Techniekpact Proef", "Programme", DOC_UNDATED),
            ],
            [
                conf_rel(
                    "Bureau Delta",
                    "implements",
                    "Techniekpact Proef",
                    DOC_UNDATED,
                    "Delta voert het pact uit.",
                    0.8,
                )
            ],
        ),
    ]


NAME_PARTS = {
    "Organisation": (
        ("Stichting", "Hogeschool", "Platform", "Gemeente", "Universiteit", "Kenniscentrum"),
        ("Techniek", "Innovatie", "Talent", "Onderwijs en Arbeidsmarkt", "Maakindustrie"),
    ),
    "Programme": (
        ("Programma", "Techniekpact", "Agenda", "Actieplan"),
        ("Regio", "Bèta", "Vakmanschap"),
    ),
    "Intervention": (
        ("Regeling", "Fonds", "Campagne", "Pilot"),
        ("Praktijkleren", "Scholing", "Gastlessen"),
    ),
    "Region": (
        ("Regio", "Provincie", "Landsdeel"),
        ("Noord", "Oost", "Rivierenland", "Zuid-Holland"),
    ),
    "Person": (("dr.", "mr.", "prof."), ("de Vries", "Jansen", "van den Berg", "Bakker")),
}
PLAUSIBLE = {
    "Organisation": ("participatesIn", "coordinates", "collaboratesWith", "funds", "implements"),
    "Person": ("coordinates", "participatesIn"),
    "Programme": ("partOf",),
    "Intervention": ("partOf",),
    "Region": ("partOf",),
}


def policy_network(size: int, seed: int = 3) -> list[Extraction]:
    """A generated policy network of ``size`` entities in four dated documents.

    Grown by preferential attachment (a new entity links to one or two existing ones, chosen in
    proportion to their links), so a few hubs gather many members, as landsdelen and federations
    do; 15 % of the entities get no relation at all, and every 60th starts a small group (five
    members) apart from the rest. Deterministic for a seed.
    """
    rng = random.Random(seed)
    types = rng.choices(list(NAME_PARTS), weights=(50, 15, 15, 10, 10), k=size)
    labels = []
    for i, kind in enumerate(types):
        first, second = NAME_PARTS[kind]
        words = [rng.choice(first), rng.choice(second)]
        if rng.random() < 0.3:
            words.append(rng.choice(second).lower())
        labels.append(f"{' '.join(words)} {i}")
    docs = [(f"{d + 4}" * 64, f"Beleidsnota {2017 + d}", str(2017 + d)) for d in range(4)]
    entities: list[list[Entity]] = [[] for _ in docs]
    relations: list[list[Relation]] = [[] for _ in docs]
    weight = [1.0] * size
    group: list[int] = []
    apart: set[int] = set()
    for i in range(size):
        d = rng.randrange(len(docs))
        entities[d].append(ent(labels[i], types[i], docs[d][0]))
        if i % 60 == 59:
            group = [i]  # a small group apart: its members link only among themselves
            apart.add(i)
            continue
        if i == 0 or rng.random() < 0.15:
            continue
        if 0 < len(group) < 5:
            pool = list(group)
            group.append(i)
            apart.add(i)
        else:
            pool = [k for k in range(i) if k not in apart]
        for _ in range(1 if rng.random() < 0.7 else 2):
            j = rng.choices(pool, weights=[weight[k] for k in pool])[0]
            predicate = rng.choice(PLAUSIBLE[types[i]])
            sentence = f"{labels[i]} en {labels[j]} werken samen."
            rel_ = Relation(
                entity_iri(labels[i]),
                predicate,  # type: ignore[arg-type]
                entity_iri(labels[j]),
                Evidence(docs[d][0], sentence, i * 100, i * 100 + len(sentence), page=1 + i // 50),
            )
            relations[d].append(rel_)
            if not any(e.iri == rel_.object for e in entities[d]):
                entities[d].append(ent(labels[j], types[j], docs[d][0]))
            weight[i] += 1
            weight[j] += 1
    return [
        Extraction(DocumentInfo(h, f"nota-{year}.txt", "txt", title=title, issued=year), e, r)
        for (h, title, year), e, r in zip(docs, entities, relations, strict=True)
    ]


def fill(store: Store, extractions: list[Extraction]) -> Store:
    store.replace_graph(VOCABULARY, vocabulary())
    for extraction in extractions:
        store.write_extraction(extraction)
    return store


@pytest.fixture
def sample_store() -> Store:
    """An in-memory store with the two sample documents and the landsdelen."""
    return fill(Store(), sample_extractions())


@pytest.fixture
def dated_store() -> Store:
    """Documents of 2019, 2021 and no year, with relations that carry a confidence or none."""
    return fill(Store(), dated_extractions())


@pytest.fixture
def policy_store() -> Callable[[int], Store]:
    """Make an in-memory store of a generated policy network of a given size."""
    return lambda size: fill(Store(), policy_network(size))


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

    def __init__(self, browser: Any, path: Path, url: str | None = None) -> None:
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
        self.page.goto(url or self.url)
        self.page.wait_for_function(
            "() => window.bgMap && window.bgMap.isStable()", timeout=120_000
        )

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        url = route.request.url
        self.requests.append(url)
        if url.split("#")[0] == self.url:
            route.continue_()
        else:
            route.abort()

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if u.split("#")[0] != self.url]

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
def open_page(browser: Any) -> Iterator[Callable[..., OpenedPage]]:
    """Open a map file (optionally at ``url``: the file with a fragment) in a fresh context."""
    opened: list[OpenedPage] = []

    def open_(path: Path, url: str | None = None) -> OpenedPage:
        page = OpenedPage(browser, path, url)
        opened.append(page)
        return page

    yield open_
    for page in opened:
        page.close()
