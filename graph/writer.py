"""Turn one document's :class:`~beleidsgraaf.records.Extraction` into RDF.

One named graph per document (:func:`extraction_graph_name`) holds everything that document says:
its metadata, the entities it mentions (type, label, every surface form as ``skos:altLabel``), the
typed relations as plain triples, and for each relation a statement node (``rdf:Statement`` +
``bg:Statement``) that points with ``prov:wasDerivedFrom`` to a ``bg:Evidence`` node carrying the
sentence, offsets, page and section path. See ``ontology/README.md`` for why this model and not
RDF-star. Organisations (and provinces and municipalities) are linked to the registry snapshots
as they are written (``ontology.linking``): ``skos:exactMatch`` plus a ``bg:RegistryLink`` node
for a confident match, a ``bg:LinkCandidate`` node for one to review.

The triples are built as pyoxigraph terms (:func:`extraction_triples`), the form
``graph.store`` writes in one transaction. Building them as an rdflib ``Graph`` first and
converting through N-Triples cost more than the extraction itself on the demo corpus (cProfile
of a warm build: 4.0 s of 11.7 s in the graph, 0.6 s in the round trip; see
``bench/analysis.md``). :func:`extraction_graph` gives the same triples as an rdflib ``Graph``
for SHACL validation and tests.
"""

from __future__ import annotations

import hashlib
import re

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from beleidsgraaf.errors import StoreError
from beleidsgraaf.ontology.iri import (
    document_iri,
    evidence_iri,
    graph_iri,
    registry_match_iri,
    statement_iri,
)
from beleidsgraaf.ontology.linking import LinkDecisions, link_entity
from beleidsgraaf.ontology.namespace import BG
from beleidsgraaf.records import Entity, Evidence, Extraction

__all__ = ["extraction_graph", "extraction_graph_name", "extraction_triples"]

_FORMATS = {
    "txt": "text/plain",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
}

# Characters outside XML 1.0's Char production (lone surrogates included): not allowed in most
# RDF serialisations, so they never reach a literal.
_NOT_XML_CHAR = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def extraction_graph_name(extraction: Extraction) -> URIRef:
    """IRI of the named graph that holds this document's statements.

    A document is a name with a content (``ingest.readers.files``), so the graph is named after
    both: identical bytes under two names are two graphs, and an edited file gets a new graph
    (``graph.store`` drops the old one by its file name in the same transaction).
    """
    info = extraction.document
    identity = f"{info.file_name}\n{info.content_hash}".encode("utf-8", "surrogateescape")
    return URIRef(graph_iri(hashlib.sha256(identity).hexdigest()))


def _clean_literal(text: str) -> str:
    """Drop characters that are not allowed in XML 1.0 / most RDF serialisations."""
    return _NOT_XML_CHAR.sub("", text)


def _evidence_texts(extraction: Extraction) -> dict[str, Evidence]:
    """Pick one evidence record per evidence IRI (document, start, end).

    The extractor may quote one span twice: as the bare line and, for a table or box entry, as
    heading plus entry. Both get the same IRI, and evidence must have exactly one sentence
    (``ontology/shapes.ttl``), so the fullest reading wins (longest text, then alphabetical:
    deterministic).
    """
    chosen: dict[str, Evidence] = {}
    every = [ev for ent in extraction.entities for ev in ent.evidence]
    every += [rel.evidence for rel in extraction.relations]
    every += [ev for co in extraction.cooccurrences for ev in co.evidence]
    for ev in every:
        iri = evidence_iri(ev.doc, ev.start, ev.end)
        best = chosen.get(iri)
        if best is None or (-len(ev.text), ev.text) < (-len(best.text), best.text):
            chosen[iri] = ev
    return chosen


def _term(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


_RDF_TYPE = _term(str(RDF.type))
_RDF_STATEMENT = _term(str(RDF.Statement))
_RDF_SUBJECT, _RDF_PREDICATE, _RDF_OBJECT = (
    _term(str(RDF.subject)),
    _term(str(RDF.predicate)),
    _term(str(RDF.object)),
)
_RDFS_LABEL = _term(str(RDFS.label))
_SKOS_ALT_LABEL, _SKOS_CONCEPT = _term(str(SKOS.altLabel)), _term(str(SKOS.Concept))
_SKOS_EXACT_MATCH = _term(str(SKOS.exactMatch))
_DCT_FORMAT, _DCT_TITLE = _term(str(DCTERMS.format)), _term(str(DCTERMS.title))
_DCT_PUBLISHER, _DCT_ISSUED = _term(str(DCTERMS.publisher)), _term(str(DCTERMS.issued))
_DCT_TYPE = _term(str(DCTERMS.type))
_PROV_DERIVED = _term(str(PROV.wasDerivedFrom))
_XSD_INTEGER, _XSD_GYEAR, _XSD_STRING, _XSD_DECIMAL = (
    _term(str(XSD.integer)),
    _term(str(XSD.gYear)),
    _term(str(XSD.string)),
    _term(str(XSD.decimal)),
)


def _bg(name: str) -> ox.NamedNode:
    """A term of our ontology; an unknown name fails (``BG`` is a closed namespace)."""
    return _term(str(getattr(BG, name)))


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_XSD_INTEGER)


def _decimal(value: float) -> ox.Literal:
    """A probability as xsd:decimal rounded to three places (enough to threshold on).

    Written in the form Oxigraph stores ('0.98', '1', not '0.980', '1.000'): the store reads
    back its canonical form, and a document whose triples read back different from the ones
    written is rewritten on every build.
    """
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return ox.Literal(text or "0", datatype=_XSD_DECIMAL)


def _text(value: str) -> ox.Literal:
    return ox.Literal(_clean_literal(value))


class _Builder:
    """Collects one document's triples; IRIs are validated (and memoised) once each."""

    def __init__(self) -> None:
        self.triples: set[ox.Triple] = set()
        self._nodes: dict[str, ox.NamedNode] = {}
        self._bg: dict[str, ox.NamedNode] = {}
        self._evidence: dict[str, ox.NamedNode] = {}

    def iri(self, value: str) -> ox.NamedNode:
        node = self._nodes.get(value)
        if node is None:
            try:
                node = self._nodes[value] = ox.NamedNode(value)
            except ValueError as exc:
                raise StoreError(f"the graph to write is not valid RDF: <{value}>: {exc}") from exc
        return node

    def bg(self, name: str) -> ox.NamedNode:
        node = self._bg.get(name)
        if node is None:
            node = self._bg[name] = _bg(name)
        return node

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        self.triples.add(ox.Triple(s, p, o))

    def evidence(
        self, ev: Evidence, doc: ox.NamedNode, chosen: dict[str, Evidence]
    ) -> ox.NamedNode:
        """The evidence node of ``ev``, with its triples added the first time it is seen."""
        iri = evidence_iri(ev.doc, ev.start, ev.end)
        node = self._evidence.get(iri)
        if node is not None:
            return node
        node = self._evidence[iri] = self.iri(iri)
        ev = chosen.get(iri, ev)
        add = self.add
        add(node, _RDF_TYPE, self.bg("Evidence"))
        add(node, self.bg("sentence"), _text(ev.text))
        add(node, self.bg("startOffset"), _integer(ev.start))
        add(node, self.bg("endOffset"), _integer(ev.end))
        add(node, self.bg("inDocument"), doc)
        if ev.page is not None:
            add(node, self.bg("page"), _integer(ev.page))
        if ev.section:
            add(node, self.bg("sectionPath"), _text(" > ".join(ev.section)))
        return node


def _registry_links(b: _Builder, ent: Entity, decisions: LinkDecisions | None) -> None:
    """Link an organisation (or a province, a municipality) to the registry snapshots.

    A confident match asserts ``skos:exactMatch`` to every identifier of the record and gets a
    ``bg:RegistryLink`` node with the evidence (names, method, score, snapshot); an uncertain
    one only gets a ``bg:LinkCandidate`` node for review. Both live in the document's graph, so
    removing the document removes them with the entity's other statements.
    """
    matches = link_entity(
        ent.iri, ent.type, ent.label, names=ent.mentions, concepts=ent.concepts, decisions=decisions
    )
    entity = b.iri(ent.iri)
    for m in matches:
        node = b.iri(registry_match_iri(ent.iri, m.record.iri, m.method, m.score))
        b.add(node, _RDF_TYPE, b.bg("RegistryLink" if m.asserted else "LinkCandidate"))
        b.add(node, b.bg("linkedEntity"), entity)
        b.add(node, b.bg("registryRecord"), b.iri(m.record.iri))
        for target in m.targets:
            b.add(node, b.bg("linkTarget"), b.iri(target))
            if m.asserted:
                b.add(entity, _SKOS_EXACT_MATCH, b.iri(target))
        b.add(node, b.bg("registry"), ox.Literal(m.record.registry))
        b.add(node, b.bg("matchMethod"), ox.Literal(m.method))
        b.add(node, b.bg("matchScore"), _decimal(m.score))
        b.add(node, b.bg("matchedName"), _text(m.name))
        if m.registry_name:
            b.add(node, b.bg("registryName"), _text(m.registry_name))
        b.add(node, b.bg("registrySnapshot"), ox.Literal(m.snapshot))


def extraction_triples(
    extraction: Extraction, links: LinkDecisions | None = None
) -> set[ox.Triple]:
    """Return the RDF of one document's extraction (the content of its named graph).

    The result is deterministic: the same extraction gives the same triples and IRIs.
    ``links`` are the curator file's verdicts on registry links (accept, reject).

    Raises
    ------
    StoreError
        An entity or concept IRI in the extraction is not a valid IRI.
    """
    b = _Builder()
    add, bg, iri = b.add, b.bg, b.iri
    info = extraction.document
    chosen = _evidence_texts(extraction)
    doc = iri(document_iri(info.content_hash))
    add(doc, _RDF_TYPE, bg("Document"))
    add(doc, bg("fileName"), _text(info.file_name))
    add(doc, bg("contentHash"), ox.Literal(info.content_hash))
    add(doc, _DCT_FORMAT, ox.Literal(_FORMATS.get(info.format, info.format)))
    add(doc, _DCT_TITLE, _text(info.title or info.file_name))
    if info.publisher:
        add(doc, _DCT_PUBLISHER, _text(info.publisher))
    if info.issued:
        dtype = _XSD_GYEAR if len(info.issued) == 4 and info.issued.isdigit() else _XSD_STRING
        add(doc, _DCT_ISSUED, ox.Literal(info.issued, datatype=dtype))
    if info.pages is not None:
        add(doc, bg("pageCount"), _integer(info.pages))

    for ent in extraction.entities:
        node = iri(ent.iri)
        add(node, _RDF_TYPE, bg(ent.type))
        add(node, _RDFS_LABEL, _text(ent.label))
        for form in ent.mentions:
            if form != ent.label:
                add(node, _SKOS_ALT_LABEL, _text(form))
        for concept in ent.concepts:
            add(node, _DCT_TYPE, iri(concept))
        add(node, bg("mentionedIn"), doc)
        for ev in ent.evidence:
            add(node, bg("evidence"), b.evidence(ev, doc, chosen))
        _registry_links(b, ent, links)

    # Objects of ``addresses`` are goals or themes: SKOS concepts. The vocabulary graph already
    # types its own (the action lines); a theme found only in this document is typed here, so
    # the document graph is whole by itself (``ontology/shapes.ttl``).
    goals = {r.object for r in extraction.relations if r.predicate == "addresses"}
    entities = {ent.iri for ent in extraction.entities}
    for subject, label in extraction.labels.items():
        add(iri(subject), _RDFS_LABEL, _text(label))
        if subject in goals and subject not in entities:
            add(iri(subject), _RDF_TYPE, _SKOS_CONCEPT)

    for rel in extraction.relations:
        s, p, o = iri(rel.subject), bg(rel.predicate), iri(rel.object)
        add(s, p, o)
        evidence_node = b.evidence(rel.evidence, doc, chosen)
        stmt = iri(statement_iri(rel.subject, rel.predicate, rel.object, evidence_node.value))
        add(stmt, _RDF_TYPE, _RDF_STATEMENT)
        add(stmt, _RDF_TYPE, bg("Statement"))
        add(stmt, _RDF_SUBJECT, s)
        add(stmt, _RDF_PREDICATE, p)
        add(stmt, _RDF_OBJECT, o)
        add(stmt, _PROV_DERIVED, evidence_node)
        add(stmt, bg("extractionMethod"), ox.Literal(rel.method))
        if rel.confidence is not None:
            add(stmt, bg("confidence"), _decimal(rel.confidence))

    co_occurs = bg("coOccursWith")
    for co in extraction.cooccurrences:
        first, second = sorted((co.a, co.b))
        s, o = iri(first), iri(second)
        add(s, co_occurs, o)
        stmt = iri(statement_iri(first, "coOccursWith", second, info.content_hash))
        add(stmt, _RDF_TYPE, _RDF_STATEMENT)
        add(stmt, _RDF_TYPE, bg("Statement"))
        add(stmt, _RDF_SUBJECT, s)
        add(stmt, _RDF_PREDICATE, co_occurs)
        add(stmt, _RDF_OBJECT, o)
        add(stmt, bg("weight"), _integer(co.weight))
        for ev in co.evidence:
            add(stmt, _PROV_DERIVED, b.evidence(ev, doc, chosen))
    return b.triples


def _rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> URIRef | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    assert isinstance(term, ox.Literal), "the writer makes no blank nodes or quoted triples"
    if term.datatype == _XSD_STRING:
        return Literal(term.value)  # a plain literal, as rdflib writes strings
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def extraction_graph(extraction: Extraction, links: LinkDecisions | None = None) -> Graph:
    """The triples of :func:`extraction_triples` as an rdflib ``Graph`` (for SHACL, tests)."""
    g = Graph()
    for t in extraction_triples(extraction, links):
        g.add((_rdflib_term(t.subject), URIRef(t.predicate.value), _rdflib_term(t.object)))
    return g
