"""A small, fictional sample graph: three documents, built from hand-made extraction records.

The expected results in ``queries/expected/sample/`` are the answers of every ``.rq`` file on this
graph. It exercises every relation type, shared entities across documents, landsdelen reached via
provinces, a hostile-looking label and co-occurrences, and needs neither spaCy nor the extractor,
so the query library can be checked on any machine (and on any remote endpoint after a push).
All names are invented.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from beleidsgraaf.ontology.iri import BASE, entity_iri
from beleidsgraaf.ontology.namespace import BG
from beleidsgraaf.records import (
    CoOccurrence,
    DocumentInfo,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Predicate,
    Relation,
)

__all__ = ["sample_extractions", "sample_vocabulary"]

_LANDSDELEN = {
    "Landsdeel Noord": ["Friesland"],
    "Landsdeel Zuidoost": ["Limburg"],
}
_MINISTRY_KIND = BASE + "id/soort/ministerie"
_NATIONAL_BODIES = BASE + "id/collectie/landelijk"
_GOALS = {"actielijn-kiezen": "Kiezen", "actielijn-leren": "Leren", "actielijn-werken": "Werken"}

# (document, text) pairs; every entity and relation below cites one of these sentences.
_DOCS: dict[str, list[str]] = {
    "noord-plan-2021.txt": [
        "Stichting Techniek Noord coördineert het programma Bètalab Noord.",
        "Hogeschool Wadden en Stichting Techniek Noord nemen deel aan Bètalab Noord.",
        "Het Ministerie van Vakmanschap financiert Bètalab Noord.",
        "Stichting Techniek Noord is gevestigd in Friesland.",
        "De interventie Gastles Techniek is onderdeel van Bètalab Noord en richt zich op kiezen.",
    ],
    "zuidoost-agenda-2022.txt": [
        "Stichting Techniek Noord werkt samen met Kennisnetwerk Maas.",
        "Kennisnetwerk Maas, gevestigd in Limburg, neemt deel aan Programma Vakkracht.",
        'Bedrijf "Quote} ; DROP ALL" neemt deel aan Programma Vakkracht.',
        "Het Ministerie van Vakmanschap financiert Programma Vakkracht.",
        "Kennisnetwerk Maas voert de interventie Leerwerkplaats Zuid uit, gericht op werken.",
    ],
    "evaluatie-2023.txt": [
        "Hogeschool Wadden neemt deel aan Programma Vakkracht.",
        "Stichting Techniek Noord neemt deel aan Programma Vakkracht.",
        "Dr. Anna de Vries coördineert Programma Vakkracht.",
    ],
}

_TYPES: dict[str, EntityType] = {
    "Stichting Techniek Noord": "Organisation",
    "Hogeschool Wadden": "Organisation",
    "Ministerie van Vakmanschap": "Organisation",
    "Kennisnetwerk Maas": "Organisation",
    'Bedrijf "Quote} ; DROP ALL"': "Organisation",
    "Bètalab Noord": "Programme",
    "Programma Vakkracht": "Programme",
    "Gastles Techniek": "Intervention",
    "Leerwerkplaats Zuid": "Intervention",
    "Friesland": "Region",
    "Limburg": "Region",
    "Dr. Anna de Vries": "Person",
}

# (document, sentence index, subject, predicate, object); an object starting with
# 'actielijn-' is a goal concept.
_RELATIONS: list[tuple[str, int, str, Predicate, str]] = [
    ("noord-plan-2021.txt", 0, "Stichting Techniek Noord", "coordinates", "Bètalab Noord"),
    ("noord-plan-2021.txt", 1, "Hogeschool Wadden", "participatesIn", "Bètalab Noord"),
    ("noord-plan-2021.txt", 1, "Stichting Techniek Noord", "participatesIn", "Bètalab Noord"),
    ("noord-plan-2021.txt", 2, "Ministerie van Vakmanschap", "funds", "Bètalab Noord"),
    ("noord-plan-2021.txt", 3, "Stichting Techniek Noord", "locatedIn", "Friesland"),
    ("noord-plan-2021.txt", 4, "Gastles Techniek", "partOf", "Bètalab Noord"),
    ("noord-plan-2021.txt", 4, "Gastles Techniek", "addresses", "actielijn-kiezen"),
    (
        "zuidoost-agenda-2022.txt",
        0,
        "Stichting Techniek Noord",
        "collaboratesWith",
        "Kennisnetwerk Maas",
    ),
    ("zuidoost-agenda-2022.txt", 1, "Kennisnetwerk Maas", "locatedIn", "Limburg"),
    ("zuidoost-agenda-2022.txt", 1, "Kennisnetwerk Maas", "participatesIn", "Programma Vakkracht"),
    ("zuidoost-agenda-2022.txt", 1, "Programma Vakkracht", "locatedIn", "Limburg"),
    (
        "zuidoost-agenda-2022.txt",
        2,
        'Bedrijf "Quote} ; DROP ALL"',
        "participatesIn",
        "Programma Vakkracht",
    ),
    ("zuidoost-agenda-2022.txt", 3, "Ministerie van Vakmanschap", "funds", "Programma Vakkracht"),
    ("zuidoost-agenda-2022.txt", 4, "Kennisnetwerk Maas", "implements", "Leerwerkplaats Zuid"),
    ("zuidoost-agenda-2022.txt", 4, "Leerwerkplaats Zuid", "addresses", "actielijn-werken"),
    ("zuidoost-agenda-2022.txt", 4, "Leerwerkplaats Zuid", "locatedIn", "Limburg"),
    ("evaluatie-2023.txt", 0, "Hogeschool Wadden", "participatesIn", "Programma Vakkracht"),
    ("evaluatie-2023.txt", 1, "Stichting Techniek Noord", "participatesIn", "Programma Vakkracht"),
    ("evaluatie-2023.txt", 2, "Dr. Anna de Vries", "coordinates", "Programma Vakkracht"),
]


def _hash(name: str) -> str:
    import hashlib

    return hashlib.sha256(name.encode()).hexdigest()


def _iri(name: str) -> str:
    return BASE + "id/" + name if name.startswith("actielijn-") else entity_iri(name)


def sample_extractions(version: int = 1) -> list[Extraction]:
    """The three sample documents as extraction records, in file-name order.

    ``version=2`` gives an edited ``evaluatie-2023.txt`` (another content hash, one relation
    less), for replacement tests.
    """
    out = []
    for file_name, sentences in sorted(_DOCS.items()):
        edited = version == 2 and file_name == "evaluatie-2023.txt"
        if edited:
            sentences = sentences[:2]
        doc_hash = _hash(file_name + ("#v2" if edited else ""))
        evidences, offset = [], 0
        for text in sentences:
            evidences.append(
                Evidence(doc=doc_hash, text=text, start=offset, end=offset + len(text))
            )
            offset += len(text) + 1
        entities: dict[str, Entity] = {}
        for name, kind in _TYPES.items():
            hits = [ev for ev in evidences if name in ev.text]
            if hits:
                entities[name] = Entity(
                    iri=entity_iri(name), label=name, type=kind, mentions=[name], evidence=hits
                )
        if "Programma Vakkracht" in entities:
            entities["Programma Vakkracht"].mentions.append("Vakkracht")
            entities["Programma Vakkracht"].concepts.append(BASE + "id/instrument/programma")
        relations = [
            Relation(_iri(s), p, _iri(o), evidences[i], method="sample")
            for f, i, s, p, o in _RELATIONS
            if f == file_name and i < len(evidences)
        ]
        labels = {
            _iri(r[4]): _GOALS[r[4]] for r in _RELATIONS if r[4] in _GOALS and r[0] == file_name
        }
        cooc: dict[tuple[str, str], list[Evidence]] = {}
        for ev in evidences:
            named = sorted(e.iri for n, e in entities.items() if n in ev.text)
            for i, a in enumerate(named):
                for b in named[i + 1 :]:
                    cooc.setdefault((a, b), []).append(ev)
        out.append(
            Extraction(
                document=DocumentInfo(
                    content_hash=doc_hash,
                    file_name=file_name,
                    format="txt",
                    title=file_name.removesuffix(".txt").replace("-", " ").capitalize(),
                    publisher="Voorbeelduitgever",
                    issued=file_name[-8:-4],
                    characters=offset,
                ),
                entities=list(entities.values()),
                relations=relations,
                cooccurrences=[
                    CoOccurrence(a, b, len(evs), tuple(evs)) for (a, b), evs in sorted(cooc.items())
                ],
                labels=labels,
            )
        )
    return out


def sample_vocabulary() -> Graph:
    """Just enough vocabulary for the sample: two landsdelen (SKOS concepts with a short name),
    their provinces, the goals, and one national body (the ministry, a kind in the collection
    of national bodies) with its seat in Friesland, which must not make it a Noord actor."""
    g = Graph()
    for landsdeel, provinces in _LANDSDELEN.items():
        ld = URIRef(entity_iri(landsdeel))
        g.add((ld, RDF.type, BG.Landsdeel))
        g.add((ld, RDF.type, BG.Region))
        g.add((ld, RDF.type, SKOS.Concept))
        g.add((ld, RDFS.label, Literal(landsdeel, lang="nl")))
        g.add((ld, SKOS.prefLabel, Literal(landsdeel, lang="nl")))
        g.add((ld, SKOS.altLabel, Literal(landsdeel.removeprefix("Landsdeel "), lang="nl")))
        for province in provinces:
            g.add((URIRef(entity_iri(province)), BG.partOf, ld))
    ministry, kind = URIRef(entity_iri("Ministerie van Vakmanschap")), URIRef(_MINISTRY_KIND)
    g.add((ministry, DCTERMS.type, kind))
    g.add((ministry, BG.locatedIn, URIRef(entity_iri("Friesland"))))
    g.add((URIRef(_NATIONAL_BODIES), SKOS.member, kind))
    for slug, label in _GOALS.items():
        g.add((URIRef(BASE + "id/" + slug), RDF.type, SKOS.Concept))
        g.add((URIRef(BASE + "id/" + slug), SKOS.prefLabel, Literal(label, lang="nl")))
    return g
