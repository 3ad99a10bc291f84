"""Projections from a real Oxigraph store (hand-made Extractions via graph.writer) to NetworkX."""

from __future__ import annotations

import pytest

from beleidsgraaf.graph.projection import (
    GraphFacts,
    Scope,
    actor_graph,
    actor_initiative_graph,
    initiative_graph,
    load_facts,
)
from beleidsgraaf.graph.store import Store
from beleidsgraaf.ontology.authority import vocabulary_graph
from beleidsgraaf.ontology.iri import BASE, entity_iri
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

KIEZEN = BASE + "id/actielijn-kiezen"
WERKEN = BASE + "id/actielijn-werken"
NOORD = entity_iri("Landsdeel Noord")
OOST = entity_iri("Landsdeel Oost")
ZUIDWEST = entity_iri("Landsdeel Zuidwest")

ENTITIES: dict[str, EntityType] = {
    "Hogeschool Lauwers": "Organisation",
    "Stichting Wadtechniek": "Organisation",
    "Ministerie van Proeven": "Organisation",
    "Twentse Werkplaats": "Organisation",
    "Zeeuwse Haven Groep": "Organisation",
    "Los Bureau": "Organisation",
    "Ministerie van Onderwijs, Cultuur en Wetenschap": "Organisation",
    "Provincie Fryslân": "Organisation",
    "Bètapact Noord": "Programme",
    "Techniekroute Oost": "Programme",
    "Gastles Getijden": "Intervention",
    "Friesland": "Region",
    "Overijssel": "Region",
    "West-Brabant": "Region",
    "Den Haag": "Region",
}
OCW = entity_iri("Ministerie van Onderwijs, Cultuur en Wetenschap")


def _doc(name: str, year: str, relations: list[tuple[str, Predicate, str]], co=()) -> Extraction:  # type: ignore[no-untyped-def]
    h = (name.encode().hex() * 8)[:64]
    ev = Evidence(doc=h, text=f"Zin uit {name}.", start=0, end=10, page=1)
    named = {s for s, _, _ in relations} | {o for _, p, o in relations if p != "addresses"}
    named |= {x for pair in co for x in pair}
    return Extraction(
        document=DocumentInfo(content_hash=h, file_name=name, format="txt", issued=year),
        entities=[
            Entity(iri=entity_iri(n), label=n, type=ENTITIES[n], evidence=[ev])
            for n in sorted(named)
        ],
        relations=[
            Relation(
                entity_iri(s),
                p,
                o if p == "addresses" else entity_iri(o),
                Evidence(doc=h, text=f"{s} {p} {o}.", start=i * 20, end=i * 20 + 10),
            )
            for i, (s, p, o) in enumerate(relations)
        ],
        cooccurrences=[CoOccurrence(entity_iri(a), entity_iri(b), 3) for a, b in co],
        labels={KIEZEN: "Kiezen", WERKEN: "Werken"},
    )


@pytest.fixture(scope="module")
def store() -> Store:
    s = Store()
    s.load_vocabulary(vocabulary_graph())
    s.write_extraction(
        _doc(
            "noord-2019.txt",
            "2019",
            [
                ("Hogeschool Lauwers", "participatesIn", "Bètapact Noord"),
                ("Stichting Wadtechniek", "coordinates", "Bètapact Noord"),
                ("Ministerie van Proeven", "funds", "Bètapact Noord"),
                ("Stichting Wadtechniek", "locatedIn", "Friesland"),
                ("Bètapact Noord", "locatedIn", "Friesland"),
                ("Gastles Getijden", "partOf", "Bètapact Noord"),
                ("Hogeschool Lauwers", "implements", "Gastles Getijden"),
                ("Gastles Getijden", "addresses", KIEZEN),
                ("Bètapact Noord", "addresses", KIEZEN),
                # a national body, seated in Den Haag (Zuidwest) by the authority list and here
                ("Ministerie van Onderwijs, Cultuur en Wetenschap", "funds", "Bètapact Noord"),
                ("Ministerie van Onderwijs, Cultuur en Wetenschap", "locatedIn", "Den Haag"),
            ],
            co=[("Hogeschool Lauwers", "Los Bureau"), ("Provincie Fryslân", "Los Bureau")],
        )
    )
    s.write_extraction(
        _doc(
            "oost-2021.txt",
            "2021",
            [
                ("Twentse Werkplaats", "participatesIn", "Techniekroute Oost"),
                ("Ministerie van Proeven", "funds", "Techniekroute Oost"),
                ("Twentse Werkplaats", "locatedIn", "Overijssel"),
                ("Techniekroute Oost", "addresses", WERKEN),
                ("Twentse Werkplaats", "collaboratesWith", "Hogeschool Lauwers"),
                ("Zeeuwse Haven Groep", "locatedIn", "West-Brabant"),
                ("Los Bureau", "locatedIn", "Friesland"),
            ],
        )
    )
    return s


@pytest.fixture(scope="module")
def facts(store: Store) -> GraphFacts:
    return load_facts(store)


def iri(name: str) -> str:
    return entity_iri(name)


def test_facts_read_types_landsdelen_goals_documents(facts: GraphFacts) -> None:
    assert facts.types[iri("Bètapact Noord")] == "Programme"
    assert facts.types[iri("Gastles Getijden")] == "Intervention"
    assert len(facts.landsdelen) == 5  # all five from the vocabulary, even without members
    assert facts.landsdelen[NOORD] == "Landsdeel Noord"  # its Dutch preferred label
    assert {"Noord", "Noord-Nederland", "Landsdeel Noord"} <= facts.landsdeel_names[NOORD]
    assert facts.membership[iri("Stichting Wadtechniek")] == {NOORD}  # via Friesland
    assert facts.membership[iri("Twentse Werkplaats")] == {OOST}
    assert facts.membership[iri("Zeeuwse Haven Groep")] == {ZUIDWEST}  # via deelregio
    assert facts.membership[iri("Den Haag")] == {ZUIDWEST}
    # every action line of the vocabulary, also one nothing addresses (a gap is a finding)
    assert facts.goals == {KIEZEN: "Kiezen", BASE + "id/actielijn-leren": "Leren", WERKEN: "Werken"}
    assert sorted(d.file_name for d in facts.documents.values()) == [
        "noord-2019.txt",
        "oost-2021.txt",
    ]
    # the authority list's many organisations are not in the network unless a document names them
    assert set(facts.types) == {iri(n) for n in ENTITIES}


def test_membership_is_what_an_actor_does_there(facts: GraphFacts) -> None:
    # takes part in a programme in Friesland and implements a part of it: Noord, by what it does
    assert facts.membership[iri("Hogeschool Lauwers")] == {NOORD}
    # funds a programme in Noord and one located nowhere: Noord only
    assert facts.membership[iri("Ministerie van Proeven")] == {NOORD}
    # a government belongs where it governs ('Fryslân' is a name of Friesland)
    assert facts.membership[iri("Provincie Fryslân")] == {NOORD}
    # the initiatives: where they are, or what they are part of; the other one is nowhere
    assert facts.membership[iri("Gastles Getijden")] == {NOORD}
    assert iri("Techniekroute Oost") not in facts.membership


def test_a_national_body_seated_in_a_landsdeel_does_not_count_there(facts: GraphFacts) -> None:
    assert OCW in facts.national  # a ministry (collectie:landelijk), whatever its seat
    assert facts.membership[OCW] == {NOORD}  # where it acts: it funds Bètapact Noord
    zuidwest = actor_graph(facts, scope=Scope.landsdeel(facts, ZUIDWEST))
    assert OCW not in zuidwest
    assert set(zuidwest) == {iri("Zeeuwse Haven Groep")}
    assert OCW in actor_graph(facts, scope=Scope.landsdeel(facts, NOORD))


def test_national_level_scope(facts: GraphFacts) -> None:
    B = actor_initiative_graph(facts, scope=Scope.national_level(facts))
    # the programme of no landsdeel with its actors, and every national body
    assert set(B) == {
        iri("Techniekroute Oost"),
        iri("Twentse Werkplaats"),
        iri("Ministerie van Proeven"),
        OCW,
    }
    assert not B.has_edge(OCW, iri("Bètapact Noord"))


def test_two_mode_network(facts: GraphFacts) -> None:
    B = actor_initiative_graph(facts)
    actors = {v for v, d in B.nodes(data="bipartite") if d == 0}
    initiatives = {v for v, d in B.nodes(data="bipartite") if d == 1}
    assert initiatives == {
        iri("Bètapact Noord"),
        iri("Techniekroute Oost"),
        iri("Gastles Getijden"),
    }
    assert iri("Los Bureau") in actors  # named, tied to no initiative: still a node
    assert B.edges[iri("Stichting Wadtechniek"), iri("Bètapact Noord")]["predicates"] == [
        "coordinates"
    ]
    assert B.has_edge(iri("Hogeschool Lauwers"), iri("Gastles Getijden"))
    assert not any(facts.types[v] == "Region" for v in B)
    only_funding = actor_initiative_graph(facts, predicates=["funds"])
    assert only_funding.number_of_edges() == 3  # the two ministries' funding


def test_actor_network_by_shared_initiatives_and_direct_ties(facts: GraphFacts) -> None:
    G = actor_graph(facts)
    assert G.edges[iri("Hogeschool Lauwers"), iri("Stichting Wadtechniek")]["weight"] == 1
    ministry = iri("Ministerie van Proeven")
    assert G.edges[ministry, iri("Twentse Werkplaats")]["shared"] == 1
    direct = G.edges[iri("Twentse Werkplaats"), iri("Hogeschool Lauwers")]
    assert (direct["shared"], direct["direct"]) == (0, 1)
    assert G.degree(iri("Los Bureau")) == 0
    assert not actor_graph(facts, direct=()).has_edge(
        iri("Twentse Werkplaats"), iri("Hogeschool Lauwers")
    )


def test_actor_network_by_cooccurrence(facts: GraphFacts) -> None:
    G = actor_graph(facts, via="cooccurrence", direct=())
    assert G.number_of_edges() == 2
    assert G.edges[iri("Hogeschool Lauwers"), iri("Los Bureau")]["weight"] == 3
    with pytest.raises(ValueError, match="via"):
        actor_graph(facts, via="telepathy")  # type: ignore[arg-type]


def test_initiative_network(facts: GraphFacts) -> None:
    G = initiative_graph(facts)
    noord, oost, les = iri("Bètapact Noord"), iri("Techniekroute Oost"), iri("Gastles Getijden")
    assert G.edges[noord, les]["actors"] == 1  # Hogeschool Lauwers
    assert G.edges[noord, les]["goals"] == 1  # both address kiezen
    assert G.edges[noord, oost]["actors"] == 1  # the ministry funds both
    assert G.edges[noord, oost]["goals"] == 0
    only_goals = initiative_graph(facts, via=["goals"])
    assert set(only_goals.edges) == {(noord, les)} or set(only_goals.edges) == {(les, noord)}


def test_landsdeel_scope(facts: GraphFacts) -> None:
    scope = Scope.landsdeel(facts, NOORD)
    B = actor_initiative_graph(facts, scope=scope)
    # Bètapact Noord is in Friesland: its funders and its participants come along
    assert iri("Ministerie van Proeven") in B and iri("Hogeschool Lauwers") in B
    # ... but not the other programme its funder funds, which is in no landsdeel
    assert iri("Techniekroute Oost") not in B
    G = actor_graph(facts, scope=scope)
    assert iri("Los Bureau") in G  # located in Friesland, tied to nothing
    assert iri("Provincie Fryslân") in G
    assert iri("Twentse Werkplaats") not in G
    # Techniekroute Oost is located nowhere, so it is no initiative of Oost; the direct tie of
    # the Oost member to Hogeschool Lauwers (a Noord member) does not make Lauwers an Oost actor.
    oost_scope = Scope.landsdeel(facts, OOST)
    assert set(actor_graph(facts, scope=oost_scope)) == {iri("Twentse Werkplaats")}
    assert iri("Techniekroute Oost") not in actor_initiative_graph(facts, scope=oost_scope)


def test_goal_and_document_scopes(facts: GraphFacts) -> None:
    kiezen = actor_graph(facts, scope=Scope.goal(facts, KIEZEN))
    assert iri("Twentse Werkplaats") not in kiezen
    assert iri("Stichting Wadtechniek") in kiezen
    oost_doc = next(d.graph for d in facts.documents.values() if d.issued == "2021")
    G = actor_graph(facts, scope=Scope.for_documents(facts, [oost_doc]))
    # only what the 2021 document states: the 2019 programme ties are gone
    assert not G.has_edge(iri("Hogeschool Lauwers"), iri("Ministerie van Proeven"))
    assert G.has_edge(iri("Twentse Werkplaats"), iri("Hogeschool Lauwers"))
