"""Relations that a name states: its place ('Techniekpact Twente') and its namespace
('4TU.Graduate School').

A programme named after a place works there; a body named in another body's namespace is part
of it. Both read the names the document uses, so they need no sentence.
"""

from __future__ import annotations

import re

from beleidsgraaf.ingest.document import SourceDocument
from beleidsgraaf.ingest.pipeline.cues import adjective_stems, lowercase_words
from beleidsgraaf.records import Entity, Extraction, Relation

__all__ = [
    "ACTIONS",
    "add_new",
    "namespace_relations",
    "place_in_name",
    "place_relations",
    "places",
    "statements",
]

ACTIONS = frozenset({"Programme", "Intervention"})
"""The types of initiatives (what actors take part in, fund, coordinate or carry out)."""


def _countries() -> frozenset[str]:
    """IRIs of countries in the authority list: 'X in Nederland' says nothing in Dutch policy."""
    from beleidsgraaf.ontology.authority import load_authority
    from beleidsgraaf.ontology.iri import BASE

    return frozenset(e.iri for e in load_authority() if f"{BASE}id/soort/land" in e.concepts)


_NAMESPACE = re.compile(r"^(?P<ns>[A-Z0-9][A-Za-z0-9]*[A-Z0-9])\.\S|@(?P<at>[A-Z0-9]+)$")


def namespace_relations(extraction: Extraction) -> None:
    """``partOf`` for names in an organisation's namespace: '4TU.Graduate School', 'Health@4TU'.

    A body is a member of the body whose namespace it is in, and a programme of a programme; an
    instrument named so ('XQ.Founders Course') is something one of its units runs, and a
    programme in a body's namespace is the body's programme: neither is a structural part.

    The namespace ('4TU') must name another entity of the document (by any surface form).
    """
    from beleidsgraaf.ingest.resolution import loose_key

    owners: dict[str, Entity] = {}
    for entity in extraction.entities:
        for form in (entity.label, *entity.mentions):
            owners.setdefault(loose_key(form), entity)
    seen = statements(extraction)
    for entity in extraction.entities:
        if not entity.evidence or entity.type == "Intervention":
            continue
        for form in (entity.label, *entity.mentions):
            match = _NAMESPACE.search(form)
            owner = owners.get(loose_key(match["ns"] or match["at"])) if match else None
            if owner is None or owner.iri == entity.iri:
                continue
            if not (entity.type in ACTIONS and owner.type not in ACTIONS):
                evidence = entity.evidence[0]
                add_new(
                    extraction, seen, Relation(entity.iri, "partOf", owner.iri, evidence, "name")
                )
            break


def places(extraction: Extraction, common: frozenset[str]) -> dict[str, Entity]:
    """The document's Region entities by the loose key of each name they go by.

    Countries are left out ('X in Nederland' says nothing in Dutch policy), and so is a one-word
    'place' the document also writes in lower case ('Vakmanschap' in 'Gelders Vakmanschap', when
    the text speaks of 'vakmanschap'): that is a common noun, not a place name.
    """
    from beleidsgraaf.ingest.resolution import loose_key

    regions: dict[str, Entity] = {}
    countries = _countries()
    for entity in extraction.entities:
        if entity.type == "Region" and entity.iri not in countries:
            for form in (entity.label, *entity.mentions):
                if form.casefold() not in common:
                    regions.setdefault(loose_key(form), entity)
    return regions


def place_in_name(name: str, regions: dict[str, Entity]) -> Entity | None:
    """The place a name is named after: 'Techniekpact Twente', 'Masterplan Techniek Amsterdam
    Rapportage', 'Sectorplan ‘Groningen op voorsprong’', 'Rotterdams Techniekpact' (a place
    adjective).

    The last place wins, and a longer place over a shorter one ('Zuid-Holland' over 'Holland').
    """
    from beleidsgraaf.ingest.resolution import loose_key

    words = name.split()
    for end in range(len(words), 0, -1):
        for n in range(min(4, end), 0, -1):
            if n == len(words):
                continue
            place = regions.get(loose_key(" ".join(words[end - n : end])))
            if place is not None:
                return place
        if end < len(words) or len(words) > 1:
            for stem in adjective_stems(words[end - 1].strip("‘’'“”\"()")):
                place = regions.get(loose_key(stem))
                if place is not None:
                    return place
    return None


_GOVERNMENT = re.compile(
    r"^(?:provincie|gemeente|waterschap|stadsdeel|province|municipality)\s+(?:van\s+)?\S+$",
    re.IGNORECASE,
)
"""'Provincie Gelderland', 'gemeente Eindhoven': the government of a place, not a body in it."""


def place_relations(extraction: Extraction, source: SourceDocument | None = None) -> None:
    """``locatedIn`` for entities named after a place (:func:`place_in_name`).

    The place must be a Region entity of the same document; the evidence is the first sentence
    that names the entity.
    """
    common = lowercase_words(source.original) if source is not None else frozenset()
    regions = places(extraction, common)
    seen = statements(extraction)
    for entity in list(extraction.entities):
        if entity.type == "Region" or not entity.evidence or _GOVERNMENT.match(entity.label):
            continue
        place = place_in_name(entity.label, regions)
        if place is not None and place.iri != entity.iri:
            relation = Relation(entity.iri, "locatedIn", place.iri, entity.evidence[0], "name")
            add_new(extraction, seen, relation)


def statements(extraction: Extraction) -> set[tuple[str, str, str]]:
    """The (subject, predicate, object) triples the extraction states so far."""
    return {(r.subject, r.predicate, r.object) for r in extraction.relations}


def add_new(extraction: Extraction, seen: set[tuple[str, str, str]], relation: Relation) -> None:
    """Add ``relation`` unless the extraction already states it (``seen``, kept up to date).

    A statement the classifier only guessed gives way: a reading of the document's structure or
    of a name states the same triple with the precision its method earned, which is what the
    statement should carry (and a guess below the threshold would be dropped with it).
    """
    key = (relation.subject, relation.predicate, relation.object)
    if key not in seen:
        seen.add(key)
        extraction.relations.append(relation)
        return
    for i, stated in enumerate(extraction.relations):
        said = (stated.subject, stated.predicate, stated.object)
        if stated.method == "classifier" and said == key:
            extraction.relations[i] = relation
            return
