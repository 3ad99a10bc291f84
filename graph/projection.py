"""Projections from the RDF graph to NetworkX: the networks the versnippering metrics run on.

The store is read once into :class:`GraphFacts` (a handful of SPARQL queries kept in
``graph/sparql/versnippering-*.rq``); the projections are then pure functions of those facts,
so a breakdown over five landsdelen or twenty documents costs no extra queries.

The networks (all undirected NetworkX graphs):

- :func:`actor_initiative_graph` – the **two-mode** network of actors (organisations) and
  initiatives (programmes and interventions); an edge when an actor ``participatesIn``,
  ``coordinates``, ``funds`` or ``implements`` an initiative (in either direction). Node
  attribute ``bipartite`` is 0 for actors and 1 for initiatives; edge attribute ``predicates``.
- :func:`actor_graph` – the **one-mode actor** network: two actors are tied when they share
  initiatives (``weight`` = number shared) and, by default, when a typed relation links them
  directly (``collaboratesWith``, ``coordinates``, ``funds``, ``partOf``; +1 each).
  With ``via="cooccurrence"`` the weights are sentence co-occurrences instead.
- :func:`initiative_graph` – the **one-mode initiative** network: two initiatives are tied by
  shared actors, shared goals (``addresses``) and shared regions (``locatedIn``); each count is
  an edge attribute and ``weight`` is their sum over the kinds asked for.

Every projection takes a :class:`Scope` that restricts it to one landsdeel, goal or set of
documents. An entity *belongs* to a landsdeel when ``?e (bg:locatedIn|bg:partOf)* ?ld`` (directly,
via its province or deelregio). A restricted network keeps the entities of the scope and every
two-mode edge with at least one end in the scope, so a national actor taking part in a regional
programme is part of that landsdeel's network, but an unrelated national actor is not.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Literal

import networkx as nx

from beleidsgraaf.graph.store import Store, sparql_file
from beleidsgraaf.ontology.iri import DEF

__all__ = [
    "ACTOR_PREDICATES",
    "ACTOR_TYPES",
    "INITIATIVE_TYPES",
    "TWO_MODE_PREDICATES",
    "DocumentMeta",
    "GraphFacts",
    "Scope",
    "actor_graph",
    "actor_initiative_graph",
    "initiative_graph",
    "load_facts",
]

ACTOR_TYPES = frozenset({"Organisation"})
INITIATIVE_TYPES = frozenset({"Programme", "Intervention"})
TWO_MODE_PREDICATES: tuple[str, ...] = ("participatesIn", "coordinates", "funds", "implements")
"""Default: which relations between an actor and an initiative make a two-mode edge."""
ACTOR_PREDICATES: tuple[str, ...] = ("collaboratesWith", "coordinates", "funds", "partOf")
"""Default: which direct relations between two actors add a tie to the actor network."""
_TYPE_ORDER = ("Organisation", "Programme", "Intervention", "Region", "Person")


@dataclass(frozen=True)
class DocumentMeta:
    """A document graph as the breakdown per document shows it."""

    graph: str
    file_name: str
    title: str
    issued: str | None


@dataclass
class GraphFacts:
    """What the projections need from the store, read once (see :func:`load_facts`)."""

    types: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    mentioned_in: dict[str, set[str]] = field(default_factory=dict)
    relations: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(subject, predicate local name, object, graph IRI)."""
    cooccurrences: list[tuple[str, str, int, str]] = field(default_factory=list)
    landsdelen: dict[str, str] = field(default_factory=dict)
    """Landsdeel IRI -> label."""
    membership: dict[str, set[str]] = field(default_factory=dict)
    """Entity IRI -> the landsdelen it belongs to."""
    goals: dict[str, str] = field(default_factory=dict)
    """Goal concept IRI -> label."""
    documents: dict[str, DocumentMeta] = field(default_factory=dict)

    def of_type(self, kinds: Collection[str]) -> set[str]:
        return {e for e, t in self.types.items() if t in kinds}

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or self.landsdelen.get(iri) or iri.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Scope:
    """A restriction of the projections: seed entities and/or the documents that count.

    ``members=None`` means every entity; ``documents=None`` every document (and the vocabulary).
    """

    members: frozenset[str] | None = None
    documents: frozenset[str] | None = None

    @classmethod
    def landsdeel(cls, facts: GraphFacts, landsdeel: str) -> Scope:
        """Entities located in (or part of) ``landsdeel``, directly or via province/deelregio."""
        return cls(members=frozenset(e for e, lds in facts.membership.items() if landsdeel in lds))

    @classmethod
    def goal(cls, facts: GraphFacts, goal: str) -> Scope:
        """Initiatives that address ``goal`` (and, through the edges kept, their actors)."""
        return cls(
            members=frozenset(s for s, p, o, _ in facts.relations if p == "addresses" and o == goal)
        )

    @classmethod
    def for_documents(cls, facts: GraphFacts, graphs: Iterable[str]) -> Scope:
        """Only what the given document graphs state: their entities and relations."""
        docs = frozenset(graphs)
        members = frozenset(e for e, gs in facts.mentioned_in.items() if gs & docs)
        return cls(members=members, documents=docs)

    def has(self, iri: str) -> bool:
        return self.members is None or iri in self.members

    def counts(self, graph: str) -> bool:
        return self.documents is None or graph in self.documents


EVERYTHING = Scope()


def _value(term: object) -> str:
    return str(getattr(term, "value", term))


def load_facts(store: Store) -> GraphFacts:
    """Read entities, relations, co-occurrences, landsdelen, goals and documents from the store."""
    facts = GraphFacts()
    type_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for row in store.select(sparql_file("versnippering-entities")):
        e, kind, g = _value(row["e"]), _value(row["type"]).removeprefix(DEF), _value(row["g"])
        type_votes[e][kind] += 1
        facts.mentioned_in.setdefault(e, set()).add(g)
        if "label" in row and e not in facts.labels:
            facts.labels[e] = _value(row["label"])
    for e, votes in type_votes.items():
        facts.types[e] = max(votes, key=lambda t: (votes[t], -_TYPE_ORDER.index(t)))
    for row in store.select(sparql_file("versnippering-relations")):
        predicate = _value(row["p"]).removeprefix(DEF)
        facts.relations.append((_value(row["s"]), predicate, _value(row["o"]), _value(row["g"])))
    for row in store.select(sparql_file("versnippering-cooccurrences")):
        weight = int(_value(row["w"])) if "w" in row else 1
        facts.cooccurrences.append((_value(row["a"]), _value(row["b"]), weight, _value(row["g"])))
    for row in store.select(sparql_file("versnippering-landsdelen")):
        ld = _value(row["ld"])
        if ld not in facts.landsdelen or "label" in row:
            facts.landsdelen.setdefault(ld, _value(row.get("label", ld.rsplit("/", 1)[-1])))
        facts.membership.setdefault(_value(row["e"]), set()).add(ld)
    for row in store.select(sparql_file("versnippering-goal-labels")):
        goal = _value(row["goal"])
        facts.goals[goal] = _value(row["label"]) if "label" in row else goal.rsplit("/", 1)[-1]
    for row in store.select(sparql_file("documents")):
        g = _value(row["g"])
        facts.documents[g] = DocumentMeta(
            graph=g,
            file_name=_value(row["file"]),
            title=_value(row["title"]) if "title" in row else _value(row["file"]),
            issued=_value(row["issued"]) if "issued" in row else None,
        )
    return facts


def actor_initiative_graph(
    facts: GraphFacts,
    *,
    predicates: Collection[str] = TWO_MODE_PREDICATES,
    scope: Scope = EVERYTHING,
) -> nx.Graph:
    """The two-mode actor × initiative network (see the module docstring).

    Nodes: actors (``bipartite=0``) and initiatives (``bipartite=1``) of the scope plus every
    endpoint of a kept edge; each node has ``label`` and ``type``. An edge joins an actor and an
    initiative linked by one of ``predicates`` in either direction, in a counted document, with
    at least one end in the scope; ``predicates`` (a sorted list) and ``weight`` (number of
    distinct predicates) are edge attributes.

    Examples
    --------
    >>> facts = GraphFacts(types={"o": "Organisation", "p": "Programme"},
    ...                    relations=[("o", "participatesIn", "p", "g1")])
    >>> B = actor_initiative_graph(facts)
    >>> sorted(B.nodes(data="bipartite")), list(B.edges(data="predicates"))
    ([('o', 0), ('p', 1)], [('o', 'p', ['participatesIn'])])
    """
    B: nx.Graph = nx.Graph()
    wanted = set(predicates)
    for e, kind in facts.types.items():
        if scope.has(e) and (kind in ACTOR_TYPES or kind in INITIATIVE_TYPES):
            _add_node(B, facts, e)
    kinds: dict[tuple[str, str], set[str]] = {}  # first appearance keeps the order of before
    for s, p, o, g in facts.relations:
        if p not in wanted or not scope.counts(g):
            continue
        ts, to = facts.types.get(s), facts.types.get(o)
        if ts in ACTOR_TYPES and to in INITIATIVE_TYPES:
            actor, initiative = s, o
        elif ts in INITIATIVE_TYPES and to in ACTOR_TYPES:
            actor, initiative = o, s
        else:
            continue
        if not (scope.has(actor) or scope.has(initiative)):
            continue
        kinds.setdefault((actor, initiative), set()).add(p)
    for actor, initiative in kinds:
        _add_node(B, facts, actor)
        _add_node(B, facts, initiative)
    B.add_edges_from(
        (a, i, {"predicates": sorted(k), "weight": len(k)}) for (a, i), k in kinds.items()
    )
    return B


def _add_node(G: nx.Graph, facts: GraphFacts, iri: str) -> None:
    if iri not in G:
        kind = facts.types.get(iri, "")
        G.add_node(
            iri, label=facts.label(iri), type=kind, bipartite=0 if kind in ACTOR_TYPES else 1
        )


def actor_graph(
    facts: GraphFacts,
    *,
    via: Literal["initiatives", "cooccurrence"] = "initiatives",
    predicates: Collection[str] = TWO_MODE_PREDICATES,
    direct: Collection[str] = ACTOR_PREDICATES,
    scope: Scope = EVERYTHING,
    two_mode: nx.Graph | None = None,
) -> nx.Graph:
    """The one-mode actor network (see the module docstring).

    ``via="initiatives"``: ``weight`` = number of shared initiatives in the two-mode network
    built with ``predicates`` and ``scope``, plus 1 per ``direct`` relation between the two
    actors. ``via="cooccurrence"``: ``weight`` = summed sentence co-occurrences, plus the same
    ``direct`` relations (pass ``direct=()`` for co-occurrence only). Nodes: every actor of the
    scope (isolates included: an actor the documents name but tie to nobody counts) plus the
    actors of kept edges. Edge attributes ``shared`` (initiatives or co-occurrences) and
    ``direct`` (relations) keep the parts of the weight apart. ``two_mode``: the network of
    :func:`actor_initiative_graph` for the same ``predicates`` and ``scope``, when the caller
    has already built it (the versnippering report needs both).

    Examples
    --------
    >>> facts = GraphFacts(
    ...     types={"a": "Organisation", "b": "Organisation", "c": "Organisation", "p": "Programme"},
    ...     relations=[("a", "participatesIn", "p", "g"), ("b", "funds", "p", "g")])
    >>> G = actor_graph(facts)
    >>> sorted(G.nodes), list(G.edges(data="weight"))
    (['a', 'b', 'c'], [('a', 'b', 1)])
    """
    G: nx.Graph = nx.Graph()
    for e, kind in facts.types.items():
        if kind in ACTOR_TYPES and scope.has(e):
            _add_node(G, facts, e)
    shared: Counter[tuple[str, str]] = Counter()
    if via == "initiatives":
        B = (
            actor_initiative_graph(facts, predicates=predicates, scope=scope)
            if two_mode is None
            else two_mode
        )
        for v, data in B.nodes(data=True):
            if data["bipartite"] == 0:
                _add_node(G, facts, v)
            else:
                shared.update(combinations(sorted(B[v]), 2))  # counted in C
    elif via == "cooccurrence":
        for a, b, w, g in facts.cooccurrences:
            if (
                scope.counts(g)
                and facts.types.get(a) in ACTOR_TYPES
                and facts.types.get(b) in ACTOR_TYPES
                and a != b
                and (scope.has(a) or scope.has(b))
            ):
                shared[min(a, b), max(a, b)] += w
    else:
        raise ValueError(f"via must be 'initiatives' or 'cooccurrence', not {via!r}")
    direct_counts: Counter[tuple[str, str]] = Counter()
    wanted = set(direct)
    for s, p, o, g in facts.relations:
        if (
            p in wanted
            and s != o
            and scope.counts(g)
            and facts.types.get(s) in ACTOR_TYPES
            and facts.types.get(o) in ACTOR_TYPES
            and (scope.has(s) or scope.has(o))
        ):
            direct_counts[min(s, o), max(s, o)] += 1
    # Counter order is deterministic (facts order), unlike a set's: no sort needed.
    pairs = list(shared) + [pair for pair in direct_counts if pair not in shared]
    for a, b in pairs:
        if a not in G or b not in G:
            _add_node(G, facts, a)
            _add_node(G, facts, b)
    G.add_edges_from(
        (a, b, {"shared": shared[a, b], "direct": d, "weight": shared[a, b] + d})
        for a, b in pairs
        for d in (direct_counts[a, b],)
    )
    return G


def initiative_graph(
    facts: GraphFacts,
    *,
    via: Collection[Literal["actors", "goals", "regions"]] = ("actors", "goals", "regions"),
    predicates: Collection[str] = TWO_MODE_PREDICATES,
    scope: Scope = EVERYTHING,
) -> nx.Graph:
    """The one-mode initiative network (see the module docstring).

    Nodes: the initiatives of the two-mode network for ``scope``. Edge attributes ``actors``,
    ``goals`` and ``regions`` count what two initiatives share (regions: ``locatedIn`` targets
    and the landsdelen those belong to); ``weight`` sums the kinds in ``via``. An edge exists
    when that sum is positive.

    Examples
    --------
    >>> facts = GraphFacts(
    ...     types={"o": "Organisation", "p": "Programme", "q": "Intervention"},
    ...     relations=[("o", "participatesIn", "p", "g"), ("o", "implements", "q", "g"),
    ...                ("p", "addresses", "kiezen", "g")])
    >>> list(initiative_graph(facts).edges(data=True))
    [('p', 'q', {'actors': 1, 'goals': 0, 'regions': 0, 'weight': 1})]
    """
    B = actor_initiative_graph(facts, predicates=predicates, scope=scope)
    initiatives = [v for v, d in B.nodes(data="bipartite") if d == 1]
    G: nx.Graph = nx.Graph()
    for v in initiatives:
        G.add_node(v, **B.nodes[v])
    index = set(initiatives)
    by_kind: dict[str, dict[str, set[str]]] = {"actors": defaultdict(set)}
    for v in initiatives:
        for a in B[v]:
            by_kind["actors"][a].add(v)
    goals: dict[str, set[str]] = defaultdict(set)
    regions: dict[str, set[str]] = defaultdict(set)
    for s, p, o, g in facts.relations:
        if s not in index or not scope.counts(g):
            continue
        if p == "addresses":
            goals[o].add(s)
        elif p == "locatedIn":
            regions[o].add(s)
            for ld in facts.membership.get(o, ()):
                regions[ld].add(s)
    by_kind["goals"] = goals
    by_kind["regions"] = regions
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for kind, holders in by_kind.items():
        for members in holders.values():
            for a, b in combinations(sorted(members), 2):
                counts[a, b][kind] += 1
    chosen = set(via)
    for (a, b), c in sorted(counts.items()):
        weight = sum(c[k] for k in chosen)
        if weight > 0:
            G.add_edge(
                a, b, actors=c["actors"], goals=c["goals"], regions=c["regions"], weight=weight
            )
    return G
