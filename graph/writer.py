"""Turn one document's :class:`~beleidsgraaf.ingest.records.Extraction` into RDF.

One named graph per document (``ontology.iri.graph_iri``) holds everything that document says:
its metadata, the entities it mentions (type, label, every surface form as ``skos:altLabel``), the
typed relations as plain triples, and for each relation a statement node (``rdf:Statement`` +
``bg:Statement``) that points with ``prov:wasDerivedFrom`` to a ``bg:Evidence`` node carrying the
sentence, offsets, page and section path. See ``ontology/README.md`` for why this model and not
RDF-star.

The graph is built with rdflib (per-document graphs are small; rdflib's API is the clearest way
to build them); ``graph.store`` then writes it into the persistent Oxigraph store in one
transaction.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from beleidsgraaf.ingest.records import Evidence, Extraction
from beleidsgraaf.ontology.iri import (
    document_iri,
    evidence_iri,
    graph_iri,
    statement_iri,
)
from beleidsgraaf.ontology.namespace import BG

__all__ = ["extraction_graph", "extraction_graph_name"]

_FORMATS = {
    "txt": "text/plain",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
}


def extraction_graph_name(extraction: Extraction) -> URIRef:
    """IRI of the named graph that holds this document's statements."""
    return URIRef(graph_iri(extraction.document.content_hash))


def _clean_literal(text: str) -> str:
    """Drop characters that are not allowed in XML 1.0 / most RDF serialisations."""
    return "".join(
        ch
        for ch in text
        if ch in "\t\n\r"
        or (" " <= ch <= "\ud7ff")
        or ("\ue000" <= ch <= "\ufffd")
        or ch > "\uffff"
    )


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


def _add_evidence(g: Graph, ev: Evidence, doc: URIRef, chosen: dict[str, Evidence]) -> URIRef:
    node = URIRef(evidence_iri(ev.doc, ev.start, ev.end))
    ev = chosen.get(str(node), ev)
    g.add((node, RDF.type, BG.Evidence))
    g.add((node, BG.sentence, Literal(_clean_literal(ev.text))))
    g.add((node, BG.startOffset, Literal(ev.start, datatype=XSD.integer)))
    g.add((node, BG.endOffset, Literal(ev.end, datatype=XSD.integer)))
    g.add((node, BG.inDocument, doc))
    if ev.page is not None:
        g.add((node, BG.page, Literal(ev.page, datatype=XSD.integer)))
    if ev.section:
        g.add((node, BG.sectionPath, Literal(_clean_literal(" > ".join(ev.section)))))
    return node


def extraction_graph(extraction: Extraction) -> Graph:
    """Return the RDF of one document's extraction (the content of its named graph).

    The result is deterministic: the same extraction gives the same triples and IRIs.
    """
    g = Graph()
    info = extraction.document
    chosen = _evidence_texts(extraction)
    doc = URIRef(document_iri(info.content_hash))
    g.add((doc, RDF.type, BG.Document))
    g.add((doc, BG.fileName, Literal(_clean_literal(info.file_name))))
    g.add((doc, BG.contentHash, Literal(info.content_hash)))
    g.add((doc, DCTERMS.format, Literal(_FORMATS.get(info.format, info.format))))
    g.add((doc, DCTERMS.title, Literal(_clean_literal(info.title or info.file_name))))
    if info.publisher:
        g.add((doc, DCTERMS.publisher, Literal(_clean_literal(info.publisher))))
    if info.issued:
        dtype = XSD.gYear if len(info.issued) == 4 and info.issued.isdigit() else XSD.string
        g.add((doc, DCTERMS.issued, Literal(info.issued, datatype=dtype)))
    if info.pages is not None:
        g.add((doc, BG.pageCount, Literal(info.pages, datatype=XSD.integer)))

    for ent in extraction.entities:
        node = URIRef(ent.iri)
        g.add((node, RDF.type, getattr(BG, ent.type)))
        g.add((node, RDFS.label, Literal(_clean_literal(ent.label))))
        for form in ent.mentions:
            if form != ent.label:
                g.add((node, SKOS.altLabel, Literal(_clean_literal(form))))
        for concept in ent.concepts:
            g.add((node, DCTERMS.type, URIRef(concept)))
        g.add((node, BG.mentionedIn, doc))
        for ev in ent.evidence:
            g.add((node, BG.evidence, _add_evidence(g, ev, doc, chosen)))

    # Objects of ``addresses`` are goals or themes: SKOS concepts. The vocabulary graph already
    # types its own (the action lines); a theme found only in this document is typed here, so
    # the document graph is whole by itself (``ontology/shapes.ttl``).
    goals = {r.object for r in extraction.relations if r.predicate == "addresses"}
    entities = {ent.iri for ent in extraction.entities}
    for iri, label in extraction.labels.items():
        g.add((URIRef(iri), RDFS.label, Literal(_clean_literal(label))))
        if iri in goals and iri not in entities:
            g.add((URIRef(iri), RDF.type, SKOS.Concept))

    for rel in extraction.relations:
        s, p, o = URIRef(rel.subject), getattr(BG, rel.predicate), URIRef(rel.object)
        g.add((s, p, o))
        ev = _add_evidence(g, rel.evidence, doc, chosen)
        stmt = URIRef(statement_iri(rel.subject, rel.predicate, rel.object, str(ev)))
        g.add((stmt, RDF.type, RDF.Statement))
        g.add((stmt, RDF.type, BG.Statement))
        g.add((stmt, RDF.subject, s))
        g.add((stmt, RDF.predicate, p))
        g.add((stmt, RDF.object, o))
        g.add((stmt, PROV.wasDerivedFrom, ev))
        g.add((stmt, BG.extractionMethod, Literal(rel.method)))

    for co in extraction.cooccurrences:
        a, b = sorted((co.a, co.b))
        s, o = URIRef(a), URIRef(b)
        g.add((s, BG.coOccursWith, o))
        stmt = URIRef(statement_iri(a, "coOccursWith", b, info.content_hash))
        g.add((stmt, RDF.type, RDF.Statement))
        g.add((stmt, RDF.type, BG.Statement))
        g.add((stmt, RDF.subject, s))
        g.add((stmt, RDF.predicate, BG.coOccursWith))
        g.add((stmt, RDF.object, o))
        g.add((stmt, BG.weight, Literal(co.weight, datatype=XSD.integer)))
        for ev in co.evidence:
            g.add((stmt, PROV.wasDerivedFrom, _add_evidence(g, ev, doc, chosen)))
    return g
