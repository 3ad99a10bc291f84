"""The controlled vocabularies and the authority list of Dutch public actors, as Python and as RDF.

The facts live in data files next to this module, so they can be reviewed and extended without
touching code:

``beleidsgraaf.ttl``
    the ontology (classes and properties);
``concepts.ttl``
    SKOS concept schemes: action lines, instrument kinds, kinds of actors and areas, and the
    declaration of the landsdelen scheme;
``authority.csv``
    one row per known actor or area (landsdelen, provinces, deelregio's, cities, ministries,
    universities, hogescholen, TO2 institutes, NWO, umbrella organisations, a few national
    programmes), with acronyms and name variants, ``part_of`` and ``located_in`` given as the
    preferred labels of other rows.

Everything is read lazily with :mod:`importlib.resources` and cached, so importing this module
costs nothing. IRIs of authority entries are ``entity_iri(preferred label)``, the same function
the extractor uses, so an actor found by name and an actor found in this list get one IRI.

Examples
--------
>>> from beleidsgraaf.ontology.authority import landsdelen, load_authority
>>> [e.label for e in landsdelen()][:2]
['Landsdeel Noord', 'Landsdeel Noordwest']
>>> ocw = next(e for e in load_authority() if "OCW" in e.alt_labels)
>>> ocw.iri
'https://w3id.org/beleidsgraaf/id/ministerie-van-onderwijs-cultuur-en-wetenschap'
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import DCTERMS, SKOS

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.ontology.iri import BASE, entity_iri
from beleidsgraaf.ontology.namespace import BG

__all__ = [
    "ACTION_LINES_SCHEME",
    "INSTRUMENTS_SCHEME",
    "KINDS_SCHEME",
    "LANDSDELEN_SCHEME",
    "VOCABULARY_GRAPH",
    "AuthorityEntry",
    "Concept",
    "action_lines",
    "actor_kinds",
    "instrument_kinds",
    "landsdelen",
    "load_authority",
    "ontology_graph",
    "parse_authority",
    "vocabulary_graph",
]

LANDSDELEN_SCHEME = BASE + "id/scheme/landsdelen"
ACTION_LINES_SCHEME = BASE + "id/scheme/actielijnen"
INSTRUMENTS_SCHEME = BASE + "id/scheme/instrumenten"
KINDS_SCHEME = BASE + "id/scheme/soorten"
VOCABULARY_GRAPH = BASE + "graph/vocabulary"
"""Name of the store's named graph that holds :func:`vocabulary_graph`."""

_WIKIDATA = "http://www.wikidata.org/entity/"
_TYPES = frozenset({"Organisation", "Programme", "Intervention", "Region", "Person"})
"""The entity types of ``beleidsgraaf.records.EntityType`` (``ontology`` imports no other layer)."""
_COLUMNS = ("type", "concept", "label", "alt_labels", "part_of", "located_in", "wikidata")


@dataclass(frozen=True, slots=True)
class AuthorityEntry:
    """One known actor or area, with the names it goes by."""

    iri: str
    """``entity_iri(label)``."""
    type: str
    """'Organisation' | 'Programme' | 'Intervention' | 'Region' | 'Person'."""
    label: str
    """Preferred (Dutch) label."""
    alt_labels: tuple[str, ...]
    """Acronyms and common variants, as written (matching may fold case itself)."""
    part_of: tuple[str, ...]
    """IRIs of what it is part of (a province -> its landsdeel; an agency -> its ministry)."""
    concepts: tuple[str, ...]
    """SKOS concept IRIs it is an instance of (its kind of actor or area, or instrument kind)."""
    located_in: tuple[str, ...] = ()
    """IRIs of the areas where it has its seat (only where that is one clear place)."""
    wikidata: str | None = None
    """Wikidata entity IRI, only where certain."""

    @property
    def is_landsdeel(self) -> bool:
        return f"{BASE}id/soort/landsdeel" in self.concepts


@dataclass(frozen=True, slots=True)
class Concept:
    """A SKOS concept of one of the controlled vocabularies."""

    iri: str
    label: str
    """Preferred Dutch label."""
    alt_labels: tuple[str, ...]
    """Dutch alternative labels (variants an extractor may meet in text)."""
    scheme: str
    """IRI of its ``skos:ConceptScheme``."""


def _text(name: str) -> str:
    return (files("beleidsgraaf.ontology") / name).read_text(encoding="utf-8")


@cache
def _concepts_graph() -> Graph:
    return Graph().parse(data=_text("concepts.ttl"), format="turtle")


@cache
def ontology_graph() -> Graph:
    """The ontology alone (``beleidsgraaf.ttl``): classes, properties, alignments."""
    return Graph().parse(data=_text("beleidsgraaf.ttl"), format="turtle")


@cache
def _scheme_concepts(scheme: str) -> tuple[Concept, ...]:
    g = _concepts_graph()
    out = []
    for node in g.subjects(SKOS.inScheme, URIRef(scheme)):
        labels = [
            o for o in g.objects(node, SKOS.prefLabel) if getattr(o, "language", None) == "nl"
        ]
        alts = sorted(
            str(o) for o in g.objects(node, SKOS.altLabel) if getattr(o, "language", None) == "nl"
        )
        out.append(Concept(str(node), str(labels[0]), tuple(alts), scheme))
    return tuple(sorted(out, key=lambda c: c.iri))


def action_lines() -> tuple[Concept, ...]:
    """The Techniekpact's three action lines: kiezen, leren, werken."""
    return _scheme_concepts(ACTION_LINES_SCHEME)


def instrument_kinds() -> tuple[Concept, ...]:
    """Kinds of policy instruments (regeling, fonds, budget, actieplan, ...)."""
    return _scheme_concepts(INSTRUMENTS_SCHEME)


def actor_kinds() -> tuple[Concept, ...]:
    """Kinds of actors and areas used by the authority list (ministerie, hogeschool, ...)."""
    return _scheme_concepts(KINDS_SCHEME)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


@cache
def load_authority() -> tuple[AuthorityEntry, ...]:
    """Every actor and area of the bundled ``authority.csv``, in file order."""
    return parse_authority(_text("authority.csv"))


def parse_authority(text: str, source: str = "authority.csv") -> tuple[AuthorityEntry, ...]:
    """Parse an authority list in the CSV layout of ``authority.csv``.

    Raises
    ------
    ConfigError
        When the list is inconsistent (wrong columns, unknown type or concept, a ``part_of`` or
        ``located_in`` that names no row, two rows with one IRI), naming the line.
    """
    known_concepts = {str(s) for s in _concepts_graph().subjects(RDF.type, SKOS.Concept)}
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != _COLUMNS:
        raise ConfigError(f"{source}: columns must be {', '.join(_COLUMNS)}")
    rows = list(reader)
    iris: dict[str, str] = {}
    for line, row in enumerate(rows, start=2):
        if not (row["label"] or "").strip():
            raise ConfigError(f"{source}:{line}: empty label")
        iri = entity_iri(row["label"])
        if iri in iris:
            raise ConfigError(f"{source}:{line}: {row['label']!r} has the IRI of {iris[iri]!r}")
        iris[iri] = row["label"]
    labels = {label: iri for iri, label in iris.items()}

    def refs(line: int, cell: str) -> tuple[str, ...]:
        missing = [name for name in _split(cell) if name not in labels]
        if missing:
            raise ConfigError(f"{source}:{line}: no row with the label {missing[0]!r}")
        return tuple(labels[name] for name in _split(cell))

    out = []
    for line, row in enumerate(rows, start=2):
        if row["type"] not in _TYPES:
            raise ConfigError(f"{source}:{line}: unknown type {row['type']!r}")
        concepts = tuple(f"{BASE}id/{key}" for key in _split(row["concept"]))
        unknown = [c for c in concepts if c not in known_concepts]
        if unknown:
            raise ConfigError(f"{source}:{line}: concept {unknown[0]!r} not in concepts.ttl")
        out.append(
            AuthorityEntry(
                iri=entity_iri(row["label"]),
                type=row["type"],
                label=row["label"],
                alt_labels=tuple(_split(row["alt_labels"])),
                part_of=refs(line, row["part_of"]),
                concepts=concepts,
                located_in=refs(line, row["located_in"]),
                wikidata=_WIKIDATA + row["wikidata"] if row["wikidata"] else None,
            )
        )
    return tuple(out)


def landsdelen() -> tuple[AuthorityEntry, ...]:
    """The five Techniekpact landsdelen (Noord, Noordwest, Oost, Zuidoost, Zuidwest)."""
    return tuple(e for e in load_authority() if e.is_landsdeel)


def _authority_triples(g: Graph) -> None:
    entries = load_authority()
    landsdeel_iris = {e.iri for e in entries if e.is_landsdeel}
    scheme = URIRef(LANDSDELEN_SCHEME)
    for e in entries:
        node = URIRef(e.iri)
        g.add((node, RDF.type, BG[e.type]))
        g.add((node, RDFS.label, Literal(e.label)))
        for alt in e.alt_labels:
            g.add((node, SKOS.altLabel, Literal(alt)))
        for parent in e.part_of:
            g.add((node, BG.partOf, URIRef(parent)))
        for place in e.located_in:
            g.add((node, BG.locatedIn, URIRef(place)))
        for concept in e.concepts:
            g.add((node, DCTERMS.type, URIRef(concept)))
        if e.wikidata:
            g.add((node, SKOS.exactMatch, URIRef(e.wikidata)))
        # The landsdelen scheme: the landsdelen as top concepts, the areas directly inside one
        # as narrower concepts, so the regional division can be browsed as a SKOS hierarchy.
        in_landsdeel = [p for p in e.part_of if p in landsdeel_iris]
        if e.is_landsdeel or in_landsdeel:
            g.add((node, RDF.type, SKOS.Concept))
            g.add((node, SKOS.inScheme, scheme))
            g.add((node, SKOS.prefLabel, Literal(e.label, lang="nl")))
        if e.is_landsdeel:
            g.add((node, RDF.type, BG.Landsdeel))
            g.add((node, SKOS.topConceptOf, scheme))
        for parent in in_landsdeel:
            g.add((node, SKOS.broader, URIRef(parent)))


@cache
def _vocabulary() -> Graph:
    """The vocabulary with its blank nodes (OWL lists) skolemised to stable IRIs.

    Parsing Turtle gives blank nodes fresh random labels each time; loaded into the store as they
    are, every build would change the vocabulary graph. Canonical labelling (RGDA1) followed by
    skolemisation makes the same vocabulary give the same triples in every run.
    """
    g = Graph()
    g += ontology_graph()
    g += _concepts_graph()
    _authority_triples(g)
    canonical = to_canonical_graph(g)
    skolem = canonical.skolemize(authority=BASE, basepath="genid/")
    for prefix, ns in g.namespaces():
        skolem.bind(prefix, ns, override=False)
    return skolem


def vocabulary_graph() -> Graph:
    """Ontology + SKOS schemes + authority list: the store's vocabulary named graph.

    Returns a fresh copy each call (callers may add to it); the parsing is cached.
    """
    g = Graph()
    g += _vocabulary()
    for prefix, ns in _vocabulary().namespaces():
        g.bind(prefix, ns, override=False)
    return g
