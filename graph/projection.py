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
documents. Who belongs to a landsdeel is what it does there, not where its head office is
(:func:`landsdeel_membership`):

- an area belongs to the landsdeel it lies in (``bg:partOf``/``bg:locatedIn``, any number of
  steps: a city in a deelregio in a province in the landsdeel);
- a programme, intervention or regional organisation belongs where it is located or of which it
  is part, through any chain of ``bg:locatedIn``/``bg:partOf`` that passes no national body; a
  government ('Provincie Gelderland', 'Gemeente Eindhoven') belongs where it governs;
- an actor also belongs to every landsdeel whose initiatives, pacts or regions it takes part in,
  funds, coordinates or implements;
- a *national body* (an organisation of a kind in the SKOS collection ``collectie:landelijk``:
  ministries, NWO, national associations ..., or part of one) belongs to a landsdeel only through
  that last rule: a ministry seated in Den Haag is not thereby in Zuidwest.

A landsdeel's network keeps its initiatives with every actor linked to them, and its member actors
(an actor the documents name but tie to nothing is an isolate, not left out); a direct tie counts
when both actors are members, and an initiative elsewhere does not enter the network because a
member also takes part in it.
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
    "landsdeel_bodies",
    "landsdeel_facts",
    "landsdeel_membership",
    "load_facts",
    "national_bodies",
]

ACTOR_TYPES = frozenset({"Organisation"})
INITIATIVE_TYPES = frozenset({"Programme", "Intervention"})
TWO_MODE_PREDICATES: tuple[str, ...] = ("participatesIn", "coordinates", "funds", "implements")
"""Default: which relations between an actor and an initiative make a two-mode edge."""
ACTOR_PREDICATES: tuple[str, ...] = ("collaboratesWith", "coordinates", "funds", "partOf")
"""Default: which direct relations between two actors add a tie to the actor network."""
PLACE_PREDICATES: tuple[str, ...] = ("locatedIn", "partOf")
"""Relations that place an entity in an area (or in something that is in an area)."""
ACTING_TYPES = frozenset({"Organisation", "Person"})
"""Who can act in a landsdeel (take part in, fund, coordinate, implement) and be national."""
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
    """Landsdeel concept IRI -> its Dutch preferred label (the one label every output uses)."""
    landsdeel_names: dict[str, set[str]] = field(default_factory=dict)
    """Landsdeel concept IRI -> every name it goes by ('Oost', 'Oost-Nederland', ...)."""
    membership: dict[str, set[str]] = field(default_factory=dict)
    """Entity IRI -> the landsdelen it belongs to (:func:`landsdeel_membership`)."""
    national: set[str] = field(default_factory=set)
    """National bodies (:func:`national_bodies`)."""
    kinds: dict[str, set[str]] = field(default_factory=dict)
    """Entity IRI -> its kind concepts (``dcterms:type``): instrument kind, kind of actor."""
    instrument_kinds: dict[str, str] = field(default_factory=dict)
    """Instrument kind concept IRI -> Dutch label."""
    national_kinds: set[str] = field(default_factory=set)
    """Kind concepts of national bodies (members of ``collectie:landelijk``)."""
    governs: list[tuple[str, str]] = field(default_factory=list)
    """(government organisation, the area it governs), from its name ('Provincie Gelderland')."""
    support: dict[tuple[str, str, str, str], tuple[int, float | None]] = field(default_factory=dict)
    """(s, p, o, graph) -> (number of statements stating it, highest ``bg:confidence`` or None)."""
    goals: dict[str, str] = field(default_factory=dict)
    """Goal concept IRI -> label."""
    documents: dict[str, DocumentMeta] = field(default_factory=dict)

    def of_type(self, kinds: Collection[str]) -> set[str]:
        return {e for e, t in self.types.items() if t in kinds}

    def derive(self) -> GraphFacts:
        """Compute :attr:`national` and :attr:`membership` from the relations (after loading, or
        after relations were dropped); returns ``self``."""
        self.national = national_bodies(self)
        self.membership = landsdeel_membership(self)
        return self

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
        """The members of ``landsdeel`` (:func:`landsdeel_membership`): its areas, initiatives and
        the actors that act there."""
        return cls(members=frozenset(e for e, lds in facts.membership.items() if landsdeel in lds))

    @classmethod
    def national_level(cls, facts: GraphFacts) -> Scope:
        """The national layer: every national body and every initiative of no landsdeel."""
        unplaced = {e for e in facts.of_type(INITIATIVE_TYPES) if not facts.membership.get(e)}
        return cls(members=frozenset(facts.national | unplaced))

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

    def within_documents(self, facts: GraphFacts, graphs: Iterable[str]) -> Scope:
        """This scope, restricted to what the given document graphs state."""
        docs = Scope.for_documents(facts, graphs)
        mentioned = docs.members or frozenset()
        members = mentioned if self.members is None else self.members & mentioned
        return Scope(members=members, documents=docs.documents)

    def has(self, iri: str) -> bool:
        return self.members is None or iri in self.members

    def counts(self, graph: str) -> bool:
        return self.documents is None or graph in self.documents


EVERYTHING = Scope()


def _value(term: object) -> str:
    return str(getattr(term, "value", term))


def load_facts(store: Store) -> GraphFacts:
    """Read entities, relations (with their support), co-occurrences, landsdelen, kinds, goals and
    documents from the store; national bodies and landsdeel membership are derived."""
    facts = landsdeel_facts(store)
    for row in store.select(sparql_file("versnippering-statements")):
        key = (
            _value(row["s"]),
            _value(row["p"]).removeprefix(DEF),
            _value(row["o"]),
            _value(row["g"]),
        )
        confidence = float(_value(row["confidence"])) if "confidence" in row else None
        facts.support[key] = (int(_value(row["statements"])), confidence)
    for row in store.select(sparql_file("versnippering-cooccurrences")):
        weight = int(_value(row["w"])) if "w" in row else 1
        facts.cooccurrences.append((_value(row["a"]), _value(row["b"]), weight, _value(row["g"])))
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


def landsdeel_facts(store: Store) -> GraphFacts:
    """The part of :func:`load_facts` that landsdeel membership needs (entities, relations,
    landsdelen, kinds, governments), with :attr:`GraphFacts.membership` derived: what the map
    reads to filter by landsdeel."""
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
    preferred: dict[str, set[str]] = defaultdict(set)
    for row in store.select(sparql_file("versnippering-landsdelen")):
        ld = _value(row["ld"])
        names = facts.landsdeel_names.setdefault(ld, set())
        if "name" in row:
            names.add(_value(row["name"]))
        if "label" in row:
            preferred[ld].add(_value(row["label"]))
    for ld, names in facts.landsdeel_names.items():
        # one label per landsdeel: its Dutch preferred label, never a document's variant
        choice = preferred.get(ld) or names or {ld.rsplit("/", 1)[-1]}
        facts.landsdelen[ld] = min(choice)
    for row in store.select(sparql_file("versnippering-kinds")):
        e, kind = _value(row["e"]), _value(row["kind"])
        facts.kinds.setdefault(e, set()).add(kind)
        if _value(row["instrument"]) == "true":
            facts.instrument_kinds[kind] = _value(row.get("label", kind.rsplit("/", 1)[-1]))
        if _value(row["national"]) == "true":
            facts.national_kinds.add(kind)
    for row in store.select(sparql_file("versnippering-governments")):
        facts.governs.append((_value(row["org"]), _value(row["area"])))
    facts.governs.sort()
    return facts.derive()


def national_bodies(facts: GraphFacts) -> set[str]:
    """The national bodies: entities of a national kind, and actors that are part of one.

    A national body works for the whole country, so its seat does not place it in a landsdeel
    (see :func:`landsdeel_membership`). An organisation or person part of one, through any chain
    of ``bg:partOf`` (an agency of a ministry), is national too.

    Examples
    --------
    >>> facts = GraphFacts(types={"duo": "Organisation", "ocw": "Organisation"},
    ...                    kinds={"ocw": {"soort/ministerie"}}, national_kinds={"soort/ministerie"},
    ...                    relations=[("duo", "partOf", "ocw", "g")])
    >>> sorted(national_bodies(facts))
    ['duo', 'ocw']
    """
    national = {e for e, kinds in facts.kinds.items() if kinds & facts.national_kinds}
    parts: dict[str, list[str]] = defaultdict(list)
    for s, p, o, _ in facts.relations:
        if p == "partOf" and s != o:
            parts[o].append(s)
    seen, stack = set(national), list(national)
    while stack:
        for part in parts.get(stack.pop(), ()):
            if part not in seen:
                seen.add(part)
                stack.append(part)
                if facts.types.get(part) in ACTING_TYPES:
                    national.add(part)
    return national


def landsdeel_membership(facts: GraphFacts) -> dict[str, set[str]]:
    """Entity IRI -> the landsdelen it belongs to: where it is, and where it acts.

    1. *Place*: an entity belongs to landsdeel L when a chain of ``locatedIn``/``partOf`` relations
       (and of governments to the area they govern) leads from it to L without passing a national
       body (:attr:`GraphFacts.national`). Areas, initiatives and regional actors get their place
       this way; national bodies get none.
    2. *Acting*: an actor (organisation or person) that ``participatesIn``, ``coordinates``,
       ``funds`` or ``implements`` something with a place in L (an initiative, a pact, a region,
       L itself) belongs to L too; so does an actor that an initiative of L funds, coordinates,
       takes in or is implemented by (the two-mode edges point either way).

    Examples
    --------
    A ministry seated in Den Haag (Zuidwest) funds a programme in Friesland (Noord): it belongs to
    Noord, where it acts, and not to Zuidwest, where it sits.

    >>> facts = GraphFacts(
    ...     types={"ocw": "Organisation", "pact": "Programme", "hs": "Organisation"},
    ...     landsdelen={"noord": "Landsdeel Noord", "zuidwest": "Landsdeel Zuidwest"},
    ...     kinds={"ocw": {"ministerie"}}, national_kinds={"ministerie"},
    ...     relations=[("den-haag", "partOf", "zuidwest", "v"),
    ...                ("ocw", "locatedIn", "den-haag", "v"),
    ...                ("friesland", "partOf", "noord", "v"),
    ...                ("pact", "locatedIn", "friesland", "g"),
    ...                ("ocw", "funds", "pact", "g"), ("hs", "participatesIn", "pact", "g")],
    ... ).derive()
    >>> facts.membership["ocw"], facts.membership["hs"], facts.membership["den-haag"]
    ({'noord'}, {'noord'}, {'zuidwest'})
    """
    sources: dict[str, list[str]] = defaultdict(list)  # area -> what lies in it
    for s, p, o, _ in facts.relations:
        if p in PLACE_PREDICATES and s != o:
            sources[o].append(s)
    for government, area in facts.governs:
        sources[area].append(government)
    place: dict[str, set[str]] = defaultdict(set)
    for ld in sorted(facts.landsdelen):
        reached, stack = {ld}, [ld]
        while stack:
            for x in sources.get(stack.pop(), ()):
                if x not in reached and x not in facts.national:
                    reached.add(x)
                    stack.append(x)
        for x in reached:
            place[x].add(ld)
    membership = {e: set(lds) for e, lds in place.items()}
    for s, p, o, _ in facts.relations:
        if p not in TWO_MODE_PREDICATES:
            continue
        if facts.types.get(s) in ACTING_TYPES and o in place:
            membership.setdefault(s, set()).update(place[o])
        elif (
            facts.types.get(s) in INITIATIVE_TYPES
            and facts.types.get(o) in ACTING_TYPES
            and s in place
        ):
            membership.setdefault(o, set()).update(place[s])
    return membership


def landsdeel_bodies(facts: GraphFacts) -> dict[str, set[str]]:
    """Landsdeel IRI -> its landsdeel-level bodies: actors that coordinate the landsdeel itself
    (the landsdeeltrekker), or that are located in or part of the landsdeel directly rather than
    through one of its provinces, deelregio's or cities. National bodies never are.

    Examples
    --------
    >>> facts = GraphFacts(types={"kwto": "Organisation", "hs": "Organisation"},
    ...                    landsdelen={"oost": "Landsdeel Oost"},
    ...                    relations=[("kwto", "locatedIn", "oost", "g"),
    ...                               ("twente", "partOf", "oost", "v"),
    ...                               ("hs", "locatedIn", "twente", "g")])
    >>> landsdeel_bodies(facts)
    {'oost': {'kwto'}}
    """
    bodies: dict[str, set[str]] = {ld: set() for ld in facts.landsdelen}
    for s, p, o, _ in facts.relations:
        if (
            o in bodies
            and p in (*PLACE_PREDICATES, "coordinates")
            and facts.types.get(s) in ACTING_TYPES
            and s not in facts.national
        ):
            bodies[o].add(s)
    return bodies


def actor_initiative_graph(
    facts: GraphFacts,
    *,
    predicates: Collection[str] = TWO_MODE_PREDICATES,
    scope: Scope = EVERYTHING,
) -> nx.Graph:
    """The two-mode actor × initiative network (see the module docstring).

    Nodes: actors (``bipartite=0``) and initiatives (``bipartite=1``) of the scope plus every
    endpoint of a kept edge; each node has ``label`` and ``type``. An edge joins an actor and an
    initiative linked by one of ``predicates`` in either direction, in a counted document, when
    the initiative is in the scope (its actors come along; an actor's initiatives outside the
    scope do not); ``predicates`` (a sorted list) and ``weight`` (number of distinct predicates)
    are edge attributes.

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
        if not scope.has(initiative):  # an actor's other initiatives stay out of the scope
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
    actors of the scope's initiatives; a direct relation or co-occurrence counts when both
    actors are in the scope. Edge attributes ``shared`` (initiatives or co-occurrences) and
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
                and scope.has(a)
                and scope.has(b)
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
            and scope.has(s)
            and scope.has(o)
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
