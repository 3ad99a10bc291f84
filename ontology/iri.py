"""Minting IRIs: one stable, valid IRI for every entity, document, statement and piece of evidence.

IRIs are derived from content only (normalised names, content hashes, offsets), never from the
order things were processed in, so building the same documents twice gives the same IRIs and an
entity named in two documents gets one IRI.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = [
    "BASE",
    "DEF",
    "PREFIXES",
    "compact",
    "document_iri",
    "entity_iri",
    "evidence_iri",
    "graph_iri",
    "registry_match_iri",
    "slugify",
    "statement_iri",
]

BASE = "https://w3id.org/beleidsgraaf/"
"""Root of every IRI the tool mints. Kept stable: analysts' saved queries depend on it."""

DEF = BASE + "def#"
"""The ontology namespace (classes and properties)."""

PREFIXES: dict[str, str] = {
    "bg": DEF,
    "id": BASE + "id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "oa": "http://www.w3.org/ns/oa#",
}
"""The prefixes the ontology and its reports use (as in ``beleidsgraaf.ttl``)."""

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """Return a readable, IRI-safe slug for any Unicode name.

    Diacritics are folded ('bèta' -> 'beta'); anything else outside ``[a-z0-9]`` becomes '-'.
    A name with nothing left (e.g. only CJK or symbols) gets a short hash, so the slug is
    never empty and stays stable.

    Examples
    --------
    >>> slugify("4TU.Federatie")
    '4tu-federatie'
    >>> slugify("Ministerie van Onderwijs, Cultuur en Wetenschap")
    'ministerie-van-onderwijs-cultuur-en-wetenschap'
    """
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c))
    slug = _NON_SLUG.sub("-", ascii_only).strip("-")[:80].strip("-")
    if not slug:
        slug = "x-" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return slug


def _digest(*parts: object) -> str:
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def entity_iri(key: str) -> str:
    """IRI of a canonical entity, from its resolution key (a normalised name, see ``ingest``)."""
    return f"{BASE}id/{slugify(key)}"


def document_iri(content_hash: str) -> str:
    """IRI of a document, from the SHA-256 of its bytes."""
    return f"{BASE}doc/{content_hash[:32]}"


def graph_iri(content_hash: str) -> str:
    """IRI of the named graph holding one document's statements."""
    return f"{BASE}graph/{content_hash[:32]}"


def evidence_iri(content_hash: str, start: int, end: int) -> str:
    """IRI of a piece of evidence: a span of a document's original text."""
    return f"{BASE}evidence/{content_hash[:32]}/{start}-{end}"


def statement_iri(subject: str, predicate: str, obj: str, evidence: str) -> str:
    """IRI of one extracted statement (subject, predicate, object) as supported by one evidence."""
    return f"{BASE}stmt/{_digest(subject, predicate, obj, evidence)}"


def registry_match_iri(entity: str, record: str, method: str, score: float) -> str:
    """IRI of one registry match (link or candidate): the same match gives the same IRI."""
    return f"{BASE}match/{_digest(entity, record, method, f'{score:.3f}')}"


def compact(iri: str) -> str:
    """Write ``iri`` as ``prefix:local`` with :data:`PREFIXES` when one fits, else unchanged.

    Examples
    --------
    >>> compact("https://w3id.org/beleidsgraaf/def#funds")
    'bg:funds'
    >>> compact("https://w3id.org/beleidsgraaf/stmt/ab12")
    'https://w3id.org/beleidsgraaf/stmt/ab12'
    """
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri
