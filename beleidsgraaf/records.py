"""Record types that leave ``ingest``: what was read and what was extracted from one document.

These are the contract between ``ingest`` and ``graph`` (and the JSON of ``beleidsgraaf extract``).
They are plain, picklable dataclasses, not spaCy ``Doc`` objects, so that worker processes can
return them cheaply and ``graph`` never needs spaCy.

All character offsets point into the document's *original* text (as decoded from the file, before
cleaning), so evidence can always be shown exactly as it stands in the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

__all__ = [
    "ENTITY_TYPES",
    "PREDICATES",
    "CoOccurrence",
    "DocumentInfo",
    "Entity",
    "EntityType",
    "Evidence",
    "Extraction",
    "Predicate",
    "Relation",
    "confident",
]

EntityType = Literal["Organisation", "Programme", "Intervention", "Region", "Person"]
Predicate = Literal[
    "participatesIn",
    "coordinates",
    "funds",
    "partOf",
    "collaboratesWith",
    "implements",
    "locatedIn",
    "addresses",
]
ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)
PREDICATES: tuple[str, ...] = get_args(Predicate)


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of a document that supports a statement or a mention.

    ``text`` is the sentence (for tables and boxes: the heading plus the entry) as users should
    read it, with PDF artefacts cleaned; ``start``/``end`` locate it in the original text.
    """

    doc: str
    """Content hash (SHA-256 hex) of the document."""
    text: str
    start: int
    end: int
    page: int | None = None
    section: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """Metadata of one document, as stored in its named graph."""

    content_hash: str
    """SHA-256 hex of the file's bytes: the document's identity."""
    file_name: str
    format: str
    """'txt', 'pdf', 'docx' or 'html'."""
    title: str | None = None
    publisher: str | None = None
    issued: str | None = None
    """Year (or ISO date) of publication, when known."""
    pages: int | None = None
    characters: int = 0


@dataclass(slots=True)
class Entity:
    """One canonical entity as found in one document (after entity resolution)."""

    iri: str
    """Stable across documents: minted by ``ontology.iri.entity_iri`` or from the authority list."""
    label: str
    type: EntityType
    mentions: list[str] = field(default_factory=list)
    """Every distinct surface form it was found under in this document."""
    evidence: list[Evidence] = field(default_factory=list)
    """Where it is mentioned (sentences), in document order; may be capped per entity."""
    concepts: list[str] = field(default_factory=list)
    """IRIs of SKOS concepts it is an instance of (a landsdeel, an instrument kind)."""
    source: str = "rule"
    """How it was found: 'authority', 'rule', 'acronym', 'structure', 'model', 'curator'."""


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed statement between two entities (or an entity and a goal concept), with evidence."""

    subject: str
    predicate: Predicate
    object: str
    """An entity IRI, or for ``addresses`` the IRI of a goal/theme concept."""
    evidence: Evidence
    method: str = "pattern"
    """Which rule produced it, e.g. 'verb:financieren', 'structure:box', 'apposition'."""
    confidence: float | None = None
    """Calibrated probability (0-1) that the statement is what the text says; None when the
    extractor gives none (curated or structural statements are certain by construction)."""


@dataclass(frozen=True, slots=True)
class CoOccurrence:
    """Two entities named in the same sentence: a weighted link, never a typed relation."""

    a: str
    b: str
    weight: int
    evidence: tuple[Evidence, ...] = ()


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document: the unit ``graph`` writes as one named graph."""

    document: DocumentInfo
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    cooccurrences: list[CoOccurrence] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    """Labels of IRIs used as relation objects that are not entities (goal concepts)."""


def confident(relations: list[Relation], threshold: float) -> list[Relation]:
    """The relations believed at least ``threshold``; those without a confidence (structural,
    curated) always."""
    return [r for r in relations if r.confidence is None or r.confidence >= threshold]
