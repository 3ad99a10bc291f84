"""Read what the map shows out of the store: entities, their names and the evidenced links.

The store is queried with the SPARQL files in ``viz/sparql/`` (one question per file) and the
rows are folded into plain dataclasses, so layout, views and page rendering never touch SPARQL or
pyoxigraph terms. Nodes are the entities of the five node classes that some document mentions;
links are the extracted statements between two such nodes, one link per (subject, predicate,
object) carrying the evidence of every document that states it, and per statement its document
(hence its year) and its confidence, so the page can show the network as of a year and hide
uncertain statements.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

import pyoxigraph as ox

from beleidsgraaf.graph.projection import landsdeel_facts
from beleidsgraaf.graph.store import Store
from beleidsgraaf.ontology.iri import DEF

__all__ = [
    "NODE_TYPES",
    "Document",
    "EvidenceRef",
    "MapData",
    "MapLink",
    "MapNode",
    "Support",
    "load_map_data",
    "sparql",
]

NODE_TYPES: tuple[str, ...] = ("Organisation", "Programme", "Intervention", "Region", "Person")
"""The entity classes drawn as nodes; anything else (goal concepts) is named in the panel only."""

_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
_DCTERMS_TYPE = "http://purl.org/dc/terms/type"


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    """One sentence that supports a link, and where it stands."""

    sentence: str
    document: str
    """IRI of the document (key into :attr:`MapData.documents`); '' when unknown."""
    page: int | None = None
    section: str = ""
    start: int = 0


@dataclass(frozen=True, slots=True)
class Document:
    """A source document as the panel names it."""

    iri: str
    title: str
    file: str
    year: int | None = None
    """Year of ``dcterms:issued`` (a gYear or an ISO date), None when the document is undated."""


@dataclass(frozen=True, slots=True)
class Support:
    """One statement behind a link: which document states it, and how sure the extractor is."""

    document: str
    """IRI of the document ('' when the statement has no evidence)."""
    confidence: float | None = None
    """``bg:confidence`` of the statement (0-1); None when not given."""


@dataclass(slots=True)
class MapNode:
    """One entity: the node of the map and everything its side panel shows."""

    iri: str
    label: str
    type: str
    names: list[str] = field(default_factory=list)
    """Every name it is known by (label first), for search."""
    documents: list[str] = field(default_factory=list)
    landsdelen: list[str] = field(default_factory=list)
    """Labels of the landsdelen it belongs to: where it is or acts, never through the seat of a
    national body (``graph.projection.landsdeel_membership``)."""
    kinds: list[str] = field(default_factory=list)
    """Labels of its instrument kinds (dcterms:type concepts)."""
    registry: list[dict[str, Any]] = field(default_factory=list)
    """Its registry pages: ``{"label", "url", "candidate", "note"}``, links first."""


@dataclass(slots=True)
class MapLink:
    """One (subject, predicate, object) with the evidence of every statement asserting it."""

    source: str
    predicate: str
    """Local name in the bg: namespace, e.g. 'coordinates' or 'coOccursWith'."""
    target: str
    evidence: list[EvidenceRef] = field(default_factory=list)
    weight: int = 1
    methods: list[str] = field(default_factory=list)
    support: list[Support] = field(default_factory=list)
    """One entry per statement asserting the link, sorted by document."""

    @property
    def confidence(self) -> float | None:
        """How sure the link is: the highest confidence of its statements, None (not given) as
        soon as one statement gives none, since such a statement alone keeps the link."""
        given = [s.confidence for s in self.support]
        if not given or None in given:
            return None
        return max(c for c in given if c is not None)


@dataclass(slots=True)
class MapData:
    """Everything the map needs, independent of SPARQL and of the page."""

    nodes: dict[str, MapNode] = field(default_factory=dict)
    links: list[MapLink] = field(default_factory=list)
    """Links whose both ends are nodes, in a stable order."""
    concept_links: list[MapLink] = field(default_factory=list)
    """Links from a node to a concept that is not a node (``addresses`` a goal)."""
    concept_labels: dict[str, str] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    landsdeel_names: dict[str, list[str]] = field(default_factory=dict)
    """Landsdeel label -> every name of that landsdeel ('Oost', 'Oost-Nederland', ...)."""


def sparql(name: str) -> str:
    """The text of ``viz/sparql/<name>.rq`` (read as package data)."""
    return (files("beleidsgraaf.viz") / "sparql" / f"{name}.rq").read_text(encoding="utf-8")


def _text(term: object) -> str:
    return str(term.value) if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode) else ""


def _int(term: object) -> int | None:
    if isinstance(term, ox.Literal):
        try:
            return int(term.value)
        except ValueError:
            return None
    return None


def _decimal(term: object) -> float | None:
    if isinstance(term, ox.Literal):
        try:
            return float(term.value)
        except ValueError:
            return None
    return None


def _year(term: object) -> int | None:
    """The year of a ``dcterms:issued`` value ('2020', '2020-05-01'); None when there is none."""
    text = _text(term).strip()
    return int(text[:4]) if len(text) >= 4 and text[:4].isdigit() else None


def _local(iri: str) -> str:
    return iri[len(DEF) :] if iri.startswith(DEF) else iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def load_map_data(store: Store) -> MapData:
    """Query ``store`` and return the map's nodes, links, concept labels and documents.

    Deterministic: the same store gives the same nodes, labels and link order.
    """
    data = MapData()
    type_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for row in store.select(sparql("nodes")):
        type_votes[_text(row["entity"])][_local(_text(row["type"]))] += _int(row["support"]) or 1
    order = {t: i for i, t in enumerate(NODE_TYPES)}
    for iri in sorted(type_votes):
        votes = type_votes[iri]
        best = min(votes, key=lambda t: (-votes[t], order.get(t, len(order))))
        data.nodes[iri] = MapNode(iri=iri, label=iri.rsplit("/", 1)[-1], type=best)

    _add_names(store, data)
    _add_mentions(store, data)
    _add_landsdelen(store, data)
    _add_concepts(store, data)
    _add_registry(store, data)
    _add_links(store, data)
    return data


def _add_names(store: Store, data: MapData) -> None:
    label_votes: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, set[str]] = defaultdict(set)
    for row in store.select(sparql("names")):
        iri, name = _text(row["entity"]), _text(row["name"]).strip()
        if iri not in data.nodes or not name:
            continue
        names[iri].add(name)
        if _text(row["property"]) in (_RDFS_LABEL, _SKOS_PREF):
            label_votes[iri][name] += _int(row["support"]) or 1
    for iri, node in data.nodes.items():
        votes = label_votes.get(iri)
        if votes:
            # The label most graphs agree on; ties go to the shorter, then alphabetical, name.
            node.label = min(votes, key=lambda n: (-votes[n], len(n), n))
        node.names = [node.label, *sorted(names.get(iri, set()) - {node.label})]


def _add_mentions(store: Store, data: MapData) -> None:
    for row in store.select(sparql("mentions")):
        node = data.nodes.get(_text(row["entity"]))
        doc = _text(row["doc"])
        if doc not in data.documents:
            file = _text(row.get("file"))
            title = _text(row.get("title")) or file or doc
            data.documents[doc] = Document(doc, title, file, _year(row.get("issued")))
        if node is not None and doc not in node.documents:
            node.documents.append(doc)
    for node in data.nodes.values():
        node.documents.sort(key=lambda d: data.documents[d].title)


def _add_landsdelen(store: Store, data: MapData) -> None:
    """Each node's landsdelen by the one membership rule of the versnippering report; one label
    per landsdeel (its Dutch preferred label), with every other name kept for ``--region``."""
    facts = landsdeel_facts(store)
    for ld, label in facts.landsdelen.items():
        data.landsdeel_names[label] = sorted(facts.landsdeel_names.get(ld, set()) | {label})
    for iri, node in data.nodes.items():
        node.landsdelen = sorted(facts.landsdelen[ld] for ld in facts.membership.get(iri, ()))


def _add_concepts(store: Store, data: MapData) -> None:
    for row in store.select(sparql("concepts")):
        concept = _text(row["concept"])
        label = _text(row.get("label")) or _local(concept)
        data.concept_labels[concept] = label
        node = data.nodes.get(_text(row["entity"]))
        if node is not None and _text(row["relation"]) == _DCTERMS_TYPE and label not in node.kinds:
            node.kinds.append(label)
    for node in data.nodes.values():
        node.kinds.sort()


# Registry identifiers with a page a reader can open: prefix -> (name, page URL prefix).
_REGISTRY_PAGES = {
    "https://ror.org/": ("ROR", "https://ror.org/"),
    "http://www.wikidata.org/entity/": ("Wikidata", "https://www.wikidata.org/wiki/"),
    "https://identifier.overheid.nl/tooi/id/": ("TOOI", "https://identifier.overheid.nl/tooi/id/"),
}


def _registry_page(iri: str) -> tuple[str, str] | None:
    """('ROR 02e2c7k09', page URL) for an identifier of a known registry, else None."""
    for prefix, (name, page) in _REGISTRY_PAGES.items():
        if iri.startswith(prefix) and len(iri) > len(prefix):
            local = iri[len(prefix) :]
            return f"{name} {local.rsplit('/', 1)[-1]}", page + local
    return None


def _add_registry(store: Store, data: MapData) -> None:
    """Links to the registry pages of each node, and the candidates still to review."""
    links: dict[str, dict[str, str]] = defaultdict(dict)
    candidates: dict[str, dict[str, str]] = defaultdict(dict)
    for row in store.select(sparql("registry")):
        iri = _text(row["entity"])
        if iri not in data.nodes:
            continue
        if _local(_text(row["kind"])) == "RegistryLink":
            page = _registry_page(_text(row["target"]))
            if page:
                links[iri][page[1]] = page[0]
        else:
            page = _registry_page(_text(row["record"]))
            if page:
                candidates[iri][page[1]] = (
                    f"{page[0]}|{_text(row['score'])}, {_text(row['method'])}"
                )
    for iri, node in data.nodes.items():
        node.registry = [
            {"label": label, "url": url, "candidate": False, "note": ""}
            for url, label in sorted(links[iri].items(), key=lambda x: x[1])
        ]
        for url, value in sorted(candidates[iri].items(), key=lambda x: x[1]):
            if url not in links[iri]:
                label, note = value.split("|", 1)
                node.registry.append({"label": label, "url": url, "candidate": True, "note": note})


def _title(data: MapData, doc: str) -> str:
    found = data.documents.get(doc)
    return found.title if found else doc


def _add_links(store: Store, data: MapData) -> None:
    links: dict[tuple[str, str, str], MapLink] = {}
    seen: set[tuple[str, str]] = set()
    for row in store.select(sparql("statements")):
        s, o = _text(row["subject"]), _text(row["object"])
        p = _local(_text(row["predicate"]))
        if s not in data.nodes or (o not in data.nodes and p != "addresses"):
            continue
        if p == "coOccursWith":
            s, o = sorted((s, o))
        link = links.get((s, p, o))
        if link is None:
            link = links[(s, p, o)] = MapLink(s, p, o, weight=0)
        stmt = _text(row["statement"])
        if (stmt, "") not in seen:
            seen.add((stmt, ""))
            link.weight += _int(row.get("weight")) or 1
            link.support.append(Support(_text(row.get("doc")), _decimal(row.get("confidence"))))
            method = _text(row.get("method"))
            if method and method not in link.methods:
                link.methods.append(method)
        ev = _text(row.get("evidence"))
        if ev and (stmt, ev) not in seen:
            seen.add((stmt, ev))
            ref = EvidenceRef(
                sentence=_text(row.get("sentence")),
                document=_text(row.get("doc")),
                page=_int(row.get("page")),
                section=_text(row.get("section")),
                start=_int(row.get("start")) or 0,
            )
            if ref not in link.evidence:
                link.evidence.append(ref)
    for key in sorted(links):
        link = links[key]
        link.evidence.sort(key=lambda e: (_title(data, e.document), e.start))
        link.support.sort(key=lambda s: (s.document, s.confidence is None, s.confidence or 0.0))
        target = data.links if link.target in data.nodes else data.concept_links
        target.append(link)
