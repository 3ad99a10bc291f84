"""A generator of graphs shaped like beleidsgraaf's, written directly as N-Quads (fast).

Shape (the same as ``graph/writer.py`` writes for a real extraction; see its docstring):

- one named graph per document (``graph_iri(hash)``) with the document node (``bg:Document``,
  file name, hash, format, title, issued);
- per document ``entities_per_doc`` entities of the five types (Organisation 50 %, Programme
  15 %, Intervention 15 %, Region 10 %, Person 10 %) with ``rdf:type``, ``rdfs:label``, an
  occasional ``skos:altLabel``, ``dcterms:type`` instrument concepts for programmes and
  interventions, ``bg:mentionedIn`` and one ``bg:evidence`` node (sentence, offsets, page, section
  path, ``bg:inDocument``). Entities are shared between documents: most are drawn in turn from a
  pool (so every entity is used), a few from a skewed popularity distribution (the big actors that
  every document names), which is what makes entity resolution and fragmentation non-trivial;
- per document ``relations_per_doc`` typed relations between type-plausible entities, each a plain
  triple plus a statement node (``rdf:Statement``, ``bg:Statement``, subject/predicate/object,
  ``prov:wasDerivedFrom`` an evidence node, ``bg:extractionMethod``);
- per document ``cooccurrences_per_doc`` ``bg:coOccursWith`` links with weighted statement nodes;
- a vocabulary graph with the five landsdelen (``bg:Landsdeel``, ``skos:Concept``), one province
  per generated region group ``bg:partOf`` a landsdeel, and every generated Region
  ``bg:partOf`` a province, so landsdeel queries have paths of one and two hops.

About 1,100 triples per document with the defaults: 1 million triples is ~900 documents.
Everything is derived from a seeded ``random.Random``, so the same arguments give the same bytes.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from beleidsgraaf.ontology.authority import VOCABULARY_GRAPH
from beleidsgraaf.ontology.iri import (
    BASE,
    DEF,
    document_iri,
    entity_iri,
    evidence_iri,
    graph_iri,
    statement_iri,
)

__all__ = ["GraphShape", "SyntheticGraph", "docs_for_triples", "write_nquads"]

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"

TYPES = ("Organisation", "Programme", "Intervention", "Region", "Person")
TYPE_WEIGHTS = (50, 15, 15, 10, 10)
LANDSDELEN = ("Noord", "Noordwest", "Oost", "Zuidoost", "Zuidwest")
GOALS = ("kiezen", "leren", "werken")
KINDS = ("regeling", "fonds", "budget", "actieplan", "campagne", "netwerk", "programma")
# predicate -> (subject types, object types); None = an action line concept
PLAUSIBLE: dict[str, tuple[tuple[str, ...], tuple[str, ...] | None]] = {
    "participatesIn": (("Organisation", "Person"), ("Programme", "Intervention")),
    "coordinates": (("Organisation", "Person"), ("Programme", "Intervention")),
    "funds": (("Organisation",), ("Programme", "Intervention", "Organisation")),
    "partOf": (("Organisation", "Programme"), ("Organisation", "Programme")),
    "collaboratesWith": (("Organisation",), ("Organisation",)),
    "implements": (("Organisation",), ("Intervention", "Programme")),
    "locatedIn": (("Organisation", "Programme"), ("Region",)),
    "addresses": (("Programme", "Intervention"), None),
}
PREDICATE_WEIGHTS = (25, 10, 10, 8, 20, 8, 12, 7)
SYLLABLES = ("ka", "ter", "vo", "lin", "dam", "bro", "wen", "sel", "hof", "mar", "dijk", "ven")
PREFIX = {
    "Organisation": ("Stichting", "Hogeschool", "Platform", "Bedrijf", "Gemeente", "Universiteit"),
    "Programme": ("Programma", "Pact", "Agenda"),
    "Intervention": ("Regeling", "Fonds", "Campagne", "Actieplan"),
    "Region": ("Regio",),
    "Person": ("dr.", "mr.", "prof."),
}


@dataclass(frozen=True)
class GraphShape:
    """How big and how dense a generated graph is."""

    documents: int
    entities: int
    entities_per_doc: int = 40
    relations_per_doc: int = 25
    cooccurrences_per_doc: int = 20
    popular_share: float = 0.25
    """Share of each document's entities drawn by popularity (Zipf-like) instead of in turn."""
    seed: int = 9


def docs_for_triples(triples: int) -> int:
    """Documents needed for about ``triples`` triples with the default density."""
    return max(1, round(triples / 1110))


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _int(n: int) -> str:
    return f'"{n}"^^<{XSD}integer>'


@dataclass
class SyntheticGraph:
    """A generated graph: its N-Quads file and what is in it (for choosing query parameters)."""

    path: Path
    quads: int
    documents: int
    entities_by_type: dict[str, list[str]]
    labels: dict[str, str]
    popular: list[str]
    """The 200 most popular entity IRIs, most popular first (named in the most documents)."""

    def pick(self, kind: str, rank: int = 0) -> str:
        """The ``rank``-th most popular entity of type ``kind`` (for query parameters)."""
        of_kind = [iri for iri in self.popular if iri in set(self.entities_by_type[kind])]
        return of_kind[min(rank, len(of_kind) - 1)] if of_kind else self.popular[rank]


class _Generator:
    def __init__(self, shape: GraphShape) -> None:
        self.shape = shape
        self.rng = random.Random(shape.seed)
        self.types: list[str] = self.rng.choices(TYPES, TYPE_WEIGHTS, k=shape.entities)
        self.labels = [self._name(i, t) for i, t in enumerate(self.types)]
        self.iris = [entity_iri(f"{label} {i}") for i, label in enumerate(self.labels)]
        self.order = list(range(shape.entities))
        self.rng.shuffle(self.order)
        self.cursor = 0
        # Zipf-like popularity: weight 1/(rank+1)
        self.popularity = [1.0 / (r + 1) for r in range(shape.entities)]
        self.provinces = [entity_iri(f"Synthetische provincie {i}") for i in range(12)]

    def _name(self, i: int, kind: str) -> str:
        word = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3)))
        return f"{self.rng.choice(PREFIX[kind])} {word.capitalize()} {i}"

    def _entities_for_doc(self) -> list[int]:
        shape = self.shape
        n_popular = int(shape.entities_per_doc * shape.popular_share)
        chosen: dict[int, None] = {}
        for _ in range(shape.entities_per_doc - n_popular):
            chosen[self.order[self.cursor % len(self.order)]] = None
            self.cursor += 1
        for idx in self.rng.choices(range(shape.entities), self.popularity, k=n_popular):
            chosen[self.order[idx]] = None
        return list(chosen)

    def vocabulary(self) -> Iterator[str]:
        g = f"<{VOCABULARY_GRAPH}>"
        scheme = f"<{BASE}id/landsdelen>"
        for name in LANDSDELEN:
            ld = f"<{entity_iri('Landsdeel ' + name)}>"
            yield f"{ld} <{RDF}type> <{DEF}Landsdeel> {g} ."
            yield f"{ld} <{RDF}type> <{DEF}Region> {g} ."
            yield f"{ld} <{RDF}type> <{SKOS}Concept> {g} ."
            yield f"{ld} <{SKOS}inScheme> {scheme} {g} ."
            yield f"{ld} <{RDFS}label> {_lit('Landsdeel ' + name)} {g} ."
        for i, prov in enumerate(self.provinces):
            ld = entity_iri("Landsdeel " + LANDSDELEN[i % 5])
            yield f"<{prov}> <{RDF}type> <{DEF}Region> {g} ."
            yield f"<{prov}> <{RDFS}label> {_lit(f'Synthetische provincie {i}')} {g} ."
            yield f"<{prov}> <{DEF}partOf> <{ld}> {g} ."
        for goal in GOALS:
            iri = f"<{BASE}id/actielijn-{goal}>"
            yield f"{iri} <{RDF}type> <{SKOS}Concept> {g} ."
            yield f"{iri} <{RDFS}label> {_lit(goal.capitalize())} {g} ."
        for i, (kind, iri) in enumerate(zip(self.types, self.iris, strict=True)):
            if kind == "Region":
                yield f"<{iri}> <{DEF}partOf> <{self.provinces[i % 12]}> {g} ."

    def _evidence(
        self, g: str, doc_hash: str, doc: str, start: int, words: list[str]
    ) -> tuple[str, list[str]]:
        sentence = " ".join(words) + "."
        end = start + len(sentence)
        node = evidence_iri(doc_hash, start, end)
        lines = [
            f"<{node}> <{RDF}type> <{DEF}Evidence> {g} .",
            f"<{node}> <{DEF}sentence> {_lit(sentence)} {g} .",
            f"<{node}> <{DEF}startOffset> {_int(start)} {g} .",
            f"<{node}> <{DEF}endOffset> {_int(end)} {g} .",
            f"<{node}> <{DEF}inDocument> <{doc}> {g} .",
            f"<{node}> <{DEF}page> {_int(1 + start // 3000)} {g} .",
            f"<{node}> <{DEF}sectionPath> {_lit(f'{1 + start // 9000} Hoofdstuk')} {g} .",
        ]
        return node, lines

    def document(self, d: int) -> Iterator[str]:
        shape, rng = self.shape, self.rng
        doc_hash = hashlib.sha256(f"synthetic-{shape.seed}-{d}".encode()).hexdigest()
        doc = document_iri(doc_hash)
        g = f"<{graph_iri(doc_hash)}>"
        yield f"<{doc}> <{RDF}type> <{DEF}Document> {g} ."
        yield f"<{doc}> <{DEF}fileName> {_lit(f'synthetisch-{d}.txt')} {g} ."
        yield f"<{doc}> <{DEF}contentHash> {_lit(doc_hash)} {g} ."
        yield f"<{doc}> <{DCT}format> {_lit('text/plain')} {g} ."
        yield f"<{doc}> <{DCT}title> {_lit(f'Synthetisch beleidsdocument {d}')} {g} ."
        yield f'<{doc}> <{DCT}issued> "{2010 + d % 15}"^^<{XSD}gYear> {g} .'
        members = self._entities_for_doc()
        by_type: dict[str, list[int]] = {}
        offset = 0
        for e in members:
            kind, iri, label = self.types[e], self.iris[e], self.labels[e]
            by_type.setdefault(kind, []).append(e)
            yield f"<{iri}> <{RDF}type> <{DEF}{kind}> {g} ."
            yield f"<{iri}> <{RDFS}label> {_lit(label)} {g} ."
            if rng.random() < 0.3:
                yield f"<{iri}> <{SKOS}altLabel> {_lit(label.split()[1].upper())} {g} ."
            if kind in ("Programme", "Intervention"):
                yield f"<{iri}> <{DCT}type> <{BASE}id/instrument/{rng.choice(KINDS)}> {g} ."
            yield f"<{iri}> <{DEF}mentionedIn> <{doc}> {g} ."
            node, lines = self._evidence(g, doc_hash, doc, offset, [label, "wordt", "genoemd"])
            offset += 120
            yield from lines
            yield f"<{iri}> <{DEF}evidence> <{node}> {g} ."
        predicates = list(PLAUSIBLE)
        for _ in range(shape.relations_per_doc):
            pred = rng.choices(predicates, PREDICATE_WEIGHTS)[0]
            subject_types, object_types = PLAUSIBLE[pred]
            subjects = [e for t in subject_types for e in by_type.get(t, [])] or members
            s = self.iris[rng.choice(subjects)]
            if object_types is None:
                o = f"{BASE}id/actielijn-{rng.choice(GOALS)}"
            else:
                objects = [e for t in object_types for e in by_type.get(t, [])] or members
                o = self.iris[rng.choice(objects)]
            node, lines = self._evidence(g, doc_hash, doc, offset, ["Zin", "met", pred])
            offset += 150
            stmt = statement_iri(s, pred, o, node)
            yield f"<{s}> <{DEF}{pred}> <{o}> {g} ."
            yield from lines
            yield f"<{stmt}> <{RDF}type> <{RDF}Statement> {g} ."
            yield f"<{stmt}> <{RDF}type> <{DEF}Statement> {g} ."
            yield f"<{stmt}> <{RDF}subject> <{s}> {g} ."
            yield f"<{stmt}> <{RDF}predicate> <{DEF}{pred}> {g} ."
            yield f"<{stmt}> <{RDF}object> <{o}> {g} ."
            yield f"<{stmt}> <{PROV}wasDerivedFrom> <{node}> {g} ."
            yield f"<{stmt}> <{DEF}extractionMethod> {_lit('synthetic')} {g} ."
        for _ in range(shape.cooccurrences_per_doc):
            a, b = sorted(self.iris[e] for e in rng.sample(members, 2))
            node, lines = self._evidence(g, doc_hash, doc, offset, ["Samen", "genoemd"])
            offset += 100
            stmt = statement_iri(a, "coOccursWith", b, doc_hash)
            yield f"<{a}> <{DEF}coOccursWith> <{b}> {g} ."
            yield from lines
            yield f"<{stmt}> <{RDF}type> <{RDF}Statement> {g} ."
            yield f"<{stmt}> <{RDF}type> <{DEF}Statement> {g} ."
            yield f"<{stmt}> <{RDF}subject> <{a}> {g} ."
            yield f"<{stmt}> <{RDF}predicate> <{DEF}coOccursWith> {g} ."
            yield f"<{stmt}> <{RDF}object> <{b}> {g} ."
            yield f"<{stmt}> <{DEF}weight> {_int(rng.randint(1, 4))} {g} ."
            yield f"<{stmt}> <{PROV}wasDerivedFrom> <{node}> {g} ."


def write_nquads(shape: GraphShape, path: Path) -> SyntheticGraph:
    """Generate a graph of ``shape`` into the N-Quads file ``path`` (deterministic)."""
    gen = _Generator(shape)
    path.parent.mkdir(parents=True, exist_ok=True)
    quads = 0
    with path.open("w", encoding="utf-8") as out:
        chunk: list[str] = list(gen.vocabulary())
        for d in range(shape.documents):
            chunk.extend(gen.document(d))
            if len(chunk) > 50_000:
                quads += len(chunk)
                out.write("\n".join(chunk) + "\n")
                chunk = []
        quads += len(chunk)
        out.write("\n".join(chunk) + "\n")
    by_type: dict[str, list[str]] = {t: [] for t in TYPES}
    for kind, iri in zip(gen.types, gen.iris, strict=True):
        by_type[kind].append(iri)
    labels = dict(zip(gen.iris, gen.labels, strict=True))
    popular = [gen.iris[i] for i in gen.order[:200]]
    return SyntheticGraph(path, quads, shape.documents, by_type, labels, popular)
