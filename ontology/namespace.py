"""The beleidsgraaf vocabulary as an rdflib ``DefinedNamespace``: unknown terms fail loudly.

Every term here is defined in ``beleidsgraaf.ttl`` and every term there is listed here
(``tests/ontology`` checks both directions), so a typo in code is an error, not a silent new IRI.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from beleidsgraaf.ontology.iri import DEF

__all__ = ["BG"]


class BG(DefinedNamespace):
    """beleidsgraaf ontology terms (``https://w3id.org/beleidsgraaf/def#``)."""

    _fail = True
    _underscore_num = True

    # classes
    Organisation: URIRef
    Programme: URIRef
    Intervention: URIRef
    Region: URIRef
    Landsdeel: URIRef
    Person: URIRef
    Document: URIRef
    Evidence: URIRef
    Statement: URIRef
    RegistryMatch: URIRef
    RegistryLink: URIRef
    LinkCandidate: URIRef

    # relations between entities
    participatesIn: URIRef
    coordinates: URIRef
    funds: URIRef
    partOf: URIRef
    collaboratesWith: URIRef
    implements: URIRef
    locatedIn: URIRef
    addresses: URIRef
    coOccursWith: URIRef

    # provenance and bookkeeping
    mentionedIn: URIRef
    evidence: URIRef
    inDocument: URIRef
    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    page: URIRef
    sectionPath: URIRef
    extractionMethod: URIRef
    confidence: URIRef
    fileName: URIRef
    contentHash: URIRef
    pageCount: URIRef
    weight: URIRef

    # registry links
    linkedEntity: URIRef
    registryRecord: URIRef
    linkTarget: URIRef
    registry: URIRef
    matchMethod: URIRef
    matchScore: URIRef
    matchedName: URIRef
    registryName: URIRef
    registrySnapshot: URIRef

    _NS = Namespace(DEF)
