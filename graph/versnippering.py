"""The versnippering suite: every fragmentation measure, per group, with its uncertainty.

:func:`fragmentation_report` reads the store once (``graph.projection.load_facts``) and measures
the whole graph (group ``all``) and each group of a breakdown (landsdeel, goal, document or year;
a landsdeel breakdown adds the national level as a group of its own):

- the actor network (Borgatti's fragmentation, centralization, modularity, brokerage, key
  players, E-I index and assortativity across landsdelen);
- the initiatives themselves (policy density, their size, overlap in actors and goals, the share
  coordinated at landsdeel level, goal × instrument coverage, instrument diversity);
- for each figure a bootstrap interval and the coverage it rests on; below a minimum size no
  figure at all (``status``: too few);
- a sensitivity check: drop the weakest statements and see whether the order of the groups holds;
- the change between years, when documents of several years are read;
- a summary in Dutch and English that states the findings with their intervals and caveats.

Who belongs to a landsdeel is what it does there (``graph.projection.landsdeel_membership``). The
result's shape is fixed by ``graph/versnippering.schema.json``; definitions and sentence templates
(Dutch and English) come from ``graph/versnippering.yaml``.

Examples
--------
>>> from beleidsgraaf.graph.store import Store
>>> result = fragmentation_report(Store(), by="landsdeel")
>>> list(result)
['schema_version', 'scope', 'groups', 'sensitivity', 'change', 'summary', 'definitions']
>>> result["groups"]["all"]["nodes"], result["groups"]["all"]["status"]["network"]
(0, 'too_few')
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from typing import Any, Literal

import networkx as nx
import numpy as np
import yaml

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.graph import metrics
from beleidsgraaf.graph.metrics import bootstrap, mixing, policymix
from beleidsgraaf.graph.metrics._sampling import DEFAULT_SOURCES, EXACT_LIMIT, sample_sources
from beleidsgraaf.graph.projection import (
    ACTOR_PREDICATES,
    INITIATIVE_TYPES,
    TWO_MODE_PREDICATES,
    GraphFacts,
    Scope,
    actor_graph,
    actor_initiative_graph,
    landsdeel_bodies,
    load_facts,
)
from beleidsgraaf.graph.store import Store
from beleidsgraaf.ontology.authority import VOCABULARY_GRAPH
from beleidsgraaf.ontology.iri import slugify

__all__ = [
    "BREAKDOWNS",
    "CSV_COLUMNS",
    "FAMILY",
    "INTERVAL_METRICS",
    "KEY_METRICS",
    "NATIONAL",
    "SCALAR_METRICS",
    "SCHEMA_VERSION",
    "definitions",
    "fragmentation_report",
    "measure",
    "report_from_facts",
    "schema",
    "sentences",
    "suite",
    "summary",
    "to_csv",
]

Breakdown = Literal["landsdeel", "goal", "document", "year"]
BREAKDOWNS: tuple[str, ...] = ("landsdeel", "goal", "document", "year")
SCHEMA_VERSION = 2
SEED = 0
KEY_PLAYERS = 5
RESAMPLES = 200
"""Bootstrap resamples per group figure (``--resamples`` on the command line; 0 = none)."""
INTERVAL_LEVEL = 0.95
MIN_ACTORS = 10
"""Below this many actors a group's network figures are not given: 'too few actors to measure'."""
MIN_INITIATIVES = 5
"""Below this many initiatives (with a known actor, goal or kind) their figures are not given."""
BOOTSTRAP_LIMIT = 1000
"""Networks with more actors get no vertex-bootstrap interval (their sampling error is small and
the resampling would cost minutes)."""
DROP_SHARES: tuple[float, ...] = (0.10, 0.25)
"""The sensitivity check drops these shares of the weakest statements."""
STABLE_TAU = 0.8
"""A ranking is called stable when Kendall's τ with the original is at least this at every drop."""
UNKNOWN_CONFIDENCE = 0.5
"""Where some statements carry a confidence and others not, the others count as this."""
NATIONAL = "landelijk"
"""Key of the national level in a landsdeel breakdown."""

CAVEAT = {
    "nl": (
        "Deze cijfers beschrijven het netwerk zoals het in de ingelezen documenten staat, niet de "
        "hele werkelijkheid: wat de documenten niet noemen of de extractie mist, ontbreekt hier. "
        "Vergelijk groepen daarom met elkaar, niet met een absolute norm."
    ),
    "en": (
        "These figures describe the network as documented in the documents read, not the whole "
        "world: whatever the documents do not mention, or the extraction misses, is absent. "
        "Compare groups with each other rather than with an absolute standard."
    ),
}
MEMBERSHIP = (
    "an actor belongs to a landsdeel through the initiatives, pacts and regions of that landsdeel "
    "it takes part in, funds, coordinates or implements, and through its own location or the area "
    "it governs; a national body (collectie:landelijk, or part of one) only through what it does "
    "there, never through its seat; no chain of bg:locatedIn/bg:partOf passes a national body"
)

NETWORK_METRICS: tuple[str, ...] = (
    "components",
    "largest_component_share",
    "isolates_share",
    "borgatti_f",
    "distance_weighted_f",
    "density",
    "average_degree",
    "degree_centralization",
    "betweenness_centralization",
    "modularity",
    "communities",
    "hhi",
    "effective_size_mean",
    "constraint_mean",
    "hierarchy_mean",
    "ei_index",
    "assortativity",
)
SIZE_METRICS: tuple[str, ...] = (
    "mean_initiative_size",
    "median_initiative_size",
    "single_actor_share",
    "actor_overlap_share",
    "jaccard_overlap",
)
INITIATIVE_METRICS: tuple[str, ...] = (
    "coordinated_share",
    "landsdeel_coordinated_share",
    "without_goal_share",
)
FAMILY: dict[str, str] = {
    **dict.fromkeys(NETWORK_METRICS, "network"),
    **dict.fromkeys(SIZE_METRICS, "sizes"),
    **dict.fromkeys(INITIATIVE_METRICS, "initiatives"),
    "goal_overlap_share": "goals",
    "goals_without_instrument": "initiatives",
    "instrument_shannon": "instruments",
    "instrument_hhi": "instruments",
}
"""Which ``status`` entry says whether a figure could be measured: 'network' needs
:data:`MIN_ACTORS` actors, the others :data:`MIN_INITIATIVES` initiatives (with a known actor,
with a goal, with a known instrument kind)."""

SCALAR_METRICS: tuple[str, ...] = (
    "nodes",
    "edges",
    "initiatives",
    *NETWORK_METRICS,
    *SIZE_METRICS,
    "goal_overlap_share",
    *INITIATIVE_METRICS,
    "instrument_shannon",
    "instrument_hhi",
)
"""The scalar figures of each group, in the order the full table (CSV) shows them."""

KEY_METRICS: tuple[str, ...] = (
    "nodes",
    "initiatives",
    "single_actor_share",
    "actor_overlap_share",
    "landsdeel_coordinated_share",
    "borgatti_f",
    "instrument_shannon",
    "ei_index",
)
"""The compact overview: the figures an evaluator reads first."""

RANKED: tuple[str, ...] = (
    "initiatives",
    "single_actor_share",
    "actor_overlap_share",
    "landsdeel_coordinated_share",
    "borgatti_f",
    "instrument_shannon",
    "ei_index",
)
"""The figures whose ranking of the groups the sensitivity check tests."""

NETWORK_INTERVALS: tuple[str, ...] = (
    "largest_component_share",
    "isolates_share",
    "borgatti_f",
    "distance_weighted_f",
    "density",
    "average_degree",
    "degree_centralization",
    "betweenness_centralization",
)
"""Network figures with a vertex-bootstrap interval. Modularity has none: its Louvain partition is
found anew in every resample, so its spread mixes sampling with the search's own variation."""
INTERVAL_METRICS: tuple[str, ...] = (
    *NETWORK_INTERVALS,
    "hhi",
    "ei_index",
    "assortativity",
    "mean_initiative_size",
    "single_actor_share",
    "actor_overlap_share",
    "jaccard_overlap",
    "goal_overlap_share",
    *INITIATIVE_METRICS,
    "instrument_shannon",
    "instrument_hhi",
)
"""The figures that get a bootstrap interval (counts do not: they are the coverage)."""

CHANGE_METRICS: tuple[str, ...] = (
    "initiatives",
    "nodes",
    "single_actor_share",
    "landsdeel_coordinated_share",
    "borgatti_f",
)


@cache
def _yaml() -> dict[str, Any]:
    text = (files("beleidsgraaf.graph") / "versnippering.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def definitions() -> dict[str, dict[str, str]]:
    """Every reported figure's name, range, direction, Dutch and English explanation, reference."""
    data: dict[str, dict[str, str]] = _yaml()["definitions"]
    return data


def sentences() -> dict[str, dict[str, str]]:
    """The summary's sentence templates, Dutch and English (``versnippering.yaml``)."""
    data: dict[str, dict[str, str]] = _yaml()["sentences"]
    return data


@cache
def schema() -> dict[str, Any]:
    """The JSON schema of :func:`fragmentation_report`'s result."""
    text = (files("beleidsgraaf.graph") / "versnippering.schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def fragmentation_report(
    store: Store, by: str | None = None, *, resamples: int = RESAMPLES
) -> dict[str, Any]:
    """Measure versnippering in ``store``: the whole graph (group ``"all"``) and each group of
    the breakdown ``by`` (``"landsdeel"``, ``"goal"``, ``"document"``, ``"year"`` or ``None``),
    with ``resamples`` bootstrap resamples per figure (0: no intervals).

    Returns the JSON-ready dict described by ``graph/versnippering.schema.json``.
    """
    if by is not None and by not in BREAKDOWNS:
        raise ConfigError(f"unknown breakdown {by!r} (use one of: {', '.join(BREAKDOWNS)})")
    if resamples < 0:
        raise ConfigError(f"resamples must be 0 or more, not {resamples}")
    return report_from_facts(load_facts(store), by, resamples=resamples)


def report_from_facts(
    facts: GraphFacts, by: str | None = None, *, resamples: int = RESAMPLES
) -> dict[str, Any]:
    """:func:`fragmentation_report` on facts already read from a store."""
    context = _Context.of(facts)
    groups: dict[str, dict[str, Any]] = {}
    for spec in _breakdown(facts, by):
        figures = measure(
            facts,
            spec.scope,
            kind=spec.kind,
            landsdeel=spec.iri,
            context=context,
            resamples=resamples,
        )
        groups[spec.key] = {"label": spec.label, "iri": spec.iri, "kind": spec.kind, **figures}
    result: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "scope": _scope(facts, by, resamples),
        "groups": groups,
        "sensitivity": _sensitivity(facts, by, groups),
        "change": _change(facts, by),
        "summary": {"nl": [], "en": []},
        "definitions": definitions(),
    }
    result["summary"] = summary(result)
    return result


def _scope(facts: GraphFacts, by: str | None, resamples: int) -> dict[str, Any]:
    national = facts.national & facts.of_type({"Organisation"})  # those the documents name
    return {
        "by": by or "all",
        "network": (
            "actors (organisations) tied by shared programmes/interventions and by direct "
            "typed relations"
        ),
        "two_mode_predicates": list(TWO_MODE_PREDICATES),
        "actor_predicates": list(ACTOR_PREDICATES),
        "landsdeel_membership": MEMBERSHIP,
        "documents": sorted(d.file_name for d in facts.documents.values()),
        "years": sorted({d.issued[:4] for d in facts.documents.values() if d.issued}),
        "unplaced_initiatives": sum(
            1 for i in facts.of_type(INITIATIVE_TYPES) if not facts.membership.get(i)
        ),
        "national_bodies": len(national),
        "national_acting": sum(1 for a in national if facts.membership.get(a)),
        "seed": SEED,
        "exact_limit": EXACT_LIMIT,
        "sampled_sources": DEFAULT_SOURCES,
        "minimum": {"actors": MIN_ACTORS, "initiatives": MIN_INITIATIVES},
        "resamples": resamples,
        "interval_level": INTERVAL_LEVEL,
        "bootstrap_limit": BOOTSTRAP_LIMIT,
        "caveat": CAVEAT,
    }


# -- groups ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Group:
    key: str
    label: str
    iri: str | None
    scope: Scope
    kind: str


def _breakdown(facts: GraphFacts, by: str | None) -> list[_Group]:
    """Every group: ``all`` first, then the breakdown in order (a landsdeel breakdown ends with
    the national level)."""
    out = [_Group("all", "Heel netwerk / whole network", None, Scope(), "all")]
    if by == "landsdeel":
        for ld, label in sorted(facts.landsdelen.items(), key=lambda kv: kv[1]):
            out.append(_Group(_key(ld), label, ld, Scope.landsdeel(facts, ld), "landsdeel"))
        out.append(
            _Group(
                NATIONAL,
                "Landelijk niveau / national level",
                None,
                Scope.national_level(facts),
                "national",
            )
        )
    elif by == "goal":
        for goal, label in sorted(facts.goals.items(), key=lambda kv: kv[1]):
            out.append(_Group(_key(goal), label, goal, Scope.goal(facts, goal), "goal"))
    elif by == "document":
        docs = sorted(facts.documents.values(), key=lambda d: (d.issued or "9999", d.file_name))
        for d in docs:
            label = f"{d.title} ({d.issued[:4]})" if d.issued else d.title
            key = slugify(d.file_name.rsplit(".", 1)[0])
            out.append(_Group(key, label, d.graph, Scope.for_documents(facts, [d.graph]), by))
    elif by == "year":
        for year, graphs in sorted(_years(facts).items()):
            out.append(_Group(year, year, None, Scope.for_documents(facts, graphs), "year"))
    return out


def _years(facts: GraphFacts, *, known_only: bool = False) -> dict[str, list[str]]:
    years: dict[str, list[str]] = {}
    for d in facts.documents.values():
        if d.issued or not known_only:
            years.setdefault(d.issued[:4] if d.issued else "unknown", []).append(d.graph)
    return years


def _key(iri: str) -> str:
    return slugify(iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1])


def _number(x: float | None) -> float | None:
    """JSON has no NaN: undefined values become ``null``; others are rounded to 6 decimals."""
    return None if x is None or math.isnan(x) else round(float(x), 6)


# -- what every group's figures share -------------------------------------------------------


@dataclass
class _Context:
    """What every group's figures read from the whole graph: computed once per report."""

    facts: GraphFacts
    group_of: dict[str, str]
    """Actor -> its one landsdeel, or :data:`NATIONAL` for a national body (mixing measures)."""
    bodies: dict[str, set[str]]
    """Landsdeel -> its landsdeel-level bodies."""

    @cached_property
    def whole(self) -> nx.Graph:
        """The whole actor network (the E-I index of a landsdeel counts its ties to outsiders);
        built only when a landsdeel or the national level asks for it."""
        return actor_graph(self.facts)

    @classmethod
    def of(cls, facts: GraphFacts) -> _Context:
        group_of: dict[str, str] = {}
        for actor, lds in facts.membership.items():
            if actor in facts.national:
                continue
            if len(lds) == 1:
                group_of[actor] = next(iter(lds))
        group_of.update(dict.fromkeys(facts.national, NATIONAL))
        return cls(facts, group_of, landsdeel_bodies(facts))


def measure(
    facts: GraphFacts,
    scope: Scope = Scope(),  # noqa: B008
    *,
    kind: str = "all",
    landsdeel: str | None = None,
    context: _Context | None = None,
    resamples: int = 0,
    full: bool = True,
) -> dict[str, Any]:
    """Every figure for one group: the JSON object of one entry of ``groups`` (without ``label``,
    ``iri`` and ``kind``). ``kind`` says how the group is cut ('landsdeel', 'national', 'goal',
    ...; the E-I index of a landsdeel is that of its members in the whole network), ``resamples``
    how many bootstrap resamples give the intervals. ``full=False`` skips what the sensitivity
    check and the change between years do not need (key players, brokerage, Burt's measures)."""
    context = context or _Context.of(facts)
    B = actor_initiative_graph(facts, scope=scope)
    G = actor_graph(facts, scope=scope, two_mode=B)
    rng = np.random.default_rng(SEED)
    network_ok = G.number_of_nodes() >= MIN_ACTORS
    result = _network_figures(G, network_ok, full)
    result["hhi"] = _number(metrics.initiative_concentration(B, G.nodes)) if network_ok else None
    mix = _Mixing.of(G, kind, landsdeel, context)
    result["ei_index"] = _number(mix.ei) if network_ok else None
    result["assortativity"] = _number(mix.assortativity) if network_ok else None
    mix_intervals = mix.intervals(rng, resamples) if network_ok and full else {}
    units = _Initiatives.of(facts, scope, B, kind, landsdeel, context)
    result.update(units.figures())
    result["status"] = {"network": "measured" if network_ok else "too_few", **units.status()}
    result["national_actors"] = [
        {"iri": a, "label": facts.label(a)}
        for a in sorted(set(G) & facts.national, key=lambda a: (facts.label(a), a))
    ]
    result["coverage"] = _coverage(facts, scope, B, G, units)
    if full:
        intervals: dict[str, tuple[float, float] | None] = {}
        if resamples and network_ok and G.number_of_nodes() <= BOOTSTRAP_LIMIT:
            intervals.update(_network_intervals(G, B, rng, resamples))
        intervals.update(mix_intervals)
        if resamples:
            intervals.update(units.intervals(rng, resamples))
        result["intervals"] = {
            m: [_number(iv[0]), _number(iv[1])] if (iv := intervals.get(m)) else None
            for m in INTERVAL_METRICS
        }
        result["brokerage"] = _brokerage(G, facts) if network_ok else _no_brokerage()
        result["initiatives_per_goal"] = units.per_goal()
    return result


def _network_figures(G: nx.Graph, ok: bool, full: bool) -> dict[str, Any]:
    """The actor-network figures; ``None`` for each when there are too few actors."""
    n, m = G.number_of_nodes(), G.number_of_edges()
    if ok and full:
        return suite(G)
    out: dict[str, Any] = dict.fromkeys(NETWORK_METRICS)
    out.update({"nodes": n, "edges": m, "key_players": [], "approximate": False})
    out["sample_size"] = None
    if ok:  # the light figures of the sensitivity check and the change between years
        A = metrics.adjacency(G)
        sizes = metrics.component_sizes(G, adjacency=A)
        out["components"] = len(sizes)
        out["largest_component_share"] = _number(sizes[0] / n)
        out["isolates_share"] = _number(metrics.isolates_share(G, adjacency=A))
        out["borgatti_f"] = _number(metrics.borgatti_fragmentation(G, adjacency=A))
        out["density"] = _number(metrics.density(G))
    return out


def suite(G: nx.Graph, *, seed: int = SEED) -> dict[str, Any]:
    """The graph-only metrics of one one-mode network (no facts needed; used by the benchmark)."""
    n, m = G.number_of_nodes(), G.number_of_edges()
    A = metrics.adjacency(G)  # once: every metric below reads the same arrays
    sizes = metrics.component_sizes(G, adjacency=A)
    approximate = sample_sources(n, None, seed) is not None
    communities = metrics.louvain_partition(G, seed=seed, adjacency=A)
    burt = metrics.burt_measures(G, adjacency=A)
    labels = dict(G.nodes(data="label", default=None))
    between = metrics.betweenness(G, seed=seed, adjacency=A)
    return {
        "nodes": n,
        "edges": m,
        "components": len(sizes),
        "largest_component_share": _number(sizes[0] / n if n else 0.0),
        "isolates_share": _number(metrics.isolates_share(G, adjacency=A)),
        "borgatti_f": _number(metrics.borgatti_fragmentation(G, adjacency=A)),
        "distance_weighted_f": _number(
            metrics.distance_weighted_fragmentation(G, seed=seed, adjacency=A)
        ),
        "density": _number(metrics.density(G)),
        "average_degree": _number(metrics.average_degree(G)),
        "degree_centralization": _number(metrics.degree_centralization(G, adjacency=A)),
        "betweenness_centralization": _number(
            metrics.betweenness_centralization(G, seed=seed, scores=between, adjacency=A)
        ),
        "modularity": _number(metrics.modularity(G, communities, adjacency=A)),
        "communities": len(communities),
        "effective_size_mean": _number(_nanmean(burt["effective_size"])),
        "constraint_mean": _number(_nanmean(burt["constraint"])),
        "hierarchy_mean": _number(_nanmean(burt["hierarchy"])),
        "key_players": [
            {"iri": str(v), "label": labels.get(v) or str(v), "df_after": _number(df)}
            for v, df in metrics.key_players(G, KEY_PLAYERS, seed=seed, scores=between, adjacency=A)
        ],
        "approximate": approximate,
        "sample_size": DEFAULT_SOURCES if approximate else None,
    }


def _nanmean(values: Mapping[Hashable, float]) -> float:
    defined = [v for v in values.values() if not math.isnan(v)]
    return sum(defined) / len(defined) if defined else float("nan")


_NETWORK_SAMPLERS: dict[str, Callable[[nx.Graph, metrics.Adjacency], float]] = {
    "largest_component_share": lambda H, A: (
        metrics.component_sizes(H, adjacency=A)[0] / H.number_of_nodes()
    ),
    "isolates_share": lambda H, A: metrics.isolates_share(H, adjacency=A),
    "borgatti_f": lambda H, A: metrics.borgatti_fragmentation(H, adjacency=A),
    "distance_weighted_f": lambda H, A: metrics.distance_weighted_fragmentation(
        H, seed=SEED, adjacency=A
    ),
    "density": lambda H, A: metrics.density(H),
    "average_degree": lambda H, A: metrics.average_degree(H),
    "degree_centralization": lambda H, A: metrics.degree_centralization(H, adjacency=A),
    "betweenness_centralization": lambda H, A: metrics.betweenness_centralization(
        H, seed=SEED, adjacency=A
    ),
}


_BOUNDS: dict[str, tuple[float, float]] = {"average_degree": (0.0, math.inf)}
"""The range of a network figure where it is not [0, 1] (its interval is clipped to it)."""


def _network_intervals(
    G: nx.Graph, B: nx.Graph, rng: np.random.Generator, resamples: int
) -> dict[str, tuple[float, float] | None]:
    """Vertex-bootstrap intervals of the network figures (standard-normal, around the figure),
    and an actor-bootstrap interval of the concentration of initiatives over actors (HHI)."""
    A = metrics.adjacency(G)
    observed = {name: sampler(G, A) for name, sampler in _NETWORK_SAMPLERS.items()}
    pattern = A.pattern
    values: dict[str, list[float]] = {m: [] for m in NETWORK_INTERVALS}
    for _ in range(resamples):
        H = nx.from_scipy_sparse_array(bootstrap.vertex_resample(pattern, rng))
        A = metrics.adjacency(H)
        for name, sampler in _NETWORK_SAMPLERS.items():
            values[name].append(sampler(H, A))
    out = {
        m: bootstrap.normal_interval(v, observed[m], INTERVAL_LEVEL, _BOUNDS.get(m, (0.0, 1.0)))
        for m, v in values.items()
    }
    degrees = np.array([B.degree(a) if a in B else 0 for a in G], dtype=float)
    hhi = []
    for _ in range(resamples):
        w = bootstrap.resample_counts(len(degrees), rng)
        total = float(w @ degrees)
        hhi.append(float(w @ degrees**2) / total**2 if total else float("nan"))
    out["hhi"] = bootstrap.percentile_interval(hhi, INTERVAL_LEVEL)
    return out


# -- mixing across landsdelen --------------------------------------------------------------


@dataclass
class _Mixing:
    """The E-I index and assortativity of one group, with the ties they are computed over."""

    ei: float
    assortativity: float
    signs: np.ndarray
    """+1 for an external tie, -1 for an internal one."""
    ends: list[tuple[str, str]]
    """The group labels at both ends of each tie (for assortativity; empty when not defined)."""

    @classmethod
    def of(cls, G: nx.Graph, kind: str, landsdeel: str | None, context: _Context) -> _Mixing:
        if kind in ("landsdeel", "national"):
            if kind == "landsdeel":
                members = {
                    a for a in context.whole if landsdeel in context.facts.membership.get(a, ())
                }
            else:
                members = {a for a in context.whole if a in context.facts.national}
            external = [
                1.0 if (u in members) != (v in members) else -1.0
                for u, v in context.whole.edges()
                if u != v and (u in members or v in members)
            ]
            ei = mixing.group_ei_index(context.whole, members)
            return cls(ei, float("nan"), np.array(external), [])
        group_of = context.group_of
        ends = [
            (group_of[u], group_of[v])
            for u, v in G.edges()
            if u != v and u in group_of and v in group_of
        ]
        signs = np.array([1.0 if a != b else -1.0 for a, b in ends])
        return cls(mixing.ei_index(G, group_of), mixing.tie_assortativity(ends), signs, ends)

    def intervals(
        self, rng: np.random.Generator, resamples: int
    ) -> dict[str, tuple[float, float] | None]:
        """Intervals by resampling ties (both figures are means over ties)."""
        n = len(self.signs)
        if not resamples or n == 0:
            return {}
        draws = [rng.integers(0, n, n) for _ in range(resamples)]
        out = {
            "ei_index": bootstrap.percentile_interval(
                [float(np.mean(self.signs[d])) for d in draws], INTERVAL_LEVEL
            )
        }
        if self.ends:
            index: dict[str, int] = {}
            first = np.array([index.setdefault(a, len(index)) for a, _ in self.ends])
            second = np.array([index.setdefault(b, len(index)) for _, b in self.ends])
            r = [mixing.coded_assortativity(first[d], second[d], len(index)) for d in draws]
            out["assortativity"] = bootstrap.percentile_interval(r, INTERVAL_LEVEL)
        return out


# -- the initiatives themselves --------------------------------------------------------------


@dataclass
class _Initiatives:
    """The initiatives of one group with what their figures read: actors, goals, kind and
    coordination, as arrays so the bootstrap can reweight them."""

    names: list[str]
    actors: dict[str, set[str]]
    goals: dict[str, list[str]]
    kind: dict[str, str | None]
    coordinated: np.ndarray
    landsdeel_coordinated: np.ndarray
    goal_labels: list[str]
    regions: dict[str, list[str]]

    @classmethod
    def of(
        cls,
        facts: GraphFacts,
        scope: Scope,
        B: nx.Graph,
        kind: str,
        landsdeel: str | None,
        context: _Context,
    ) -> _Initiatives:
        names = sorted(v for v, d in B.nodes(data="bipartite") if d == 1)
        addressed: dict[str, list[str]] = {}
        for s, p, o, g in facts.relations:  # one pass: a scan per initiative is quadratic
            if p == "addresses" and scope.counts(g):
                addressed.setdefault(s, []).append(facts.goals.get(o, o))
        coordinators = _coordinators(facts, scope)

        def at_landsdeel_level(i: str) -> bool:
            places = {landsdeel} if kind == "landsdeel" else facts.membership.get(i, set())
            bodies = set().union(*(context.bodies.get(ld, set()) for ld in places if ld))
            return bool(coordinators.get(i, set()) & bodies)

        return cls(
            names=names,
            actors={i: set(B[i]) for i in names},
            goals={i: sorted(set(addressed.get(i, []))) for i in names},
            kind={i: _instrument_kind(facts, i) for i in names},
            coordinated=np.array([bool(coordinators.get(i)) for i in names], dtype=bool),
            landsdeel_coordinated=np.array([at_landsdeel_level(i) for i in names], dtype=bool),
            goal_labels=sorted(set(facts.goals.values())),
            regions={
                i: sorted(facts.landsdelen[ld] for ld in facts.membership.get(i, ())) for i in names
            },
        )

    def known(self) -> dict[str, set[str]]:
        return {i: a for i, a in self.actors.items() if a}

    def status(self) -> dict[str, str]:
        def enough(n: int) -> str:
            return "measured" if n >= MIN_INITIATIVES else "too_few"

        return {
            "initiatives": enough(len(self.names)),
            "sizes": enough(len(self.known())),
            "goals": enough(sum(1 for g in self.goals.values() if g)),
            "instruments": enough(sum(1 for k in self.kind.values() if k)),
        }

    def figures(self) -> dict[str, Any]:
        status = self.status()
        kinds = Counter(k for k in self.kind.values() if k)
        values: dict[str, Any] = {
            "initiatives": policymix.policy_density(self.names),
            "mean_initiative_size": policymix.mean_initiative_size(self.actors),
            "median_initiative_size": policymix.median_initiative_size(self.actors),
            "single_actor_share": policymix.single_actor_share(self.actors),
            "actor_overlap_share": policymix.shared_pair_share(self.actors),
            "jaccard_overlap": metrics.mean_jaccard_overlap(self.actors),
            "goal_overlap_share": policymix.shared_pair_share(self.goals),
            "coordinated_share": _share(self.coordinated),
            "landsdeel_coordinated_share": _share(self.landsdeel_coordinated),
            "without_goal_share": policymix.without_goal_share(self.goals),
            "instrument_shannon": metrics.shannon_diversity(kinds.values()),
            "instrument_hhi": metrics.herfindahl_hirschman_index(kinds.values()),
        }
        out: dict[str, Any] = {"initiatives": values.pop("initiatives")}
        for name, value in values.items():
            out[name] = _number(value) if status[FAMILY[name]] == "measured" else None
        out["goals_without_instrument"] = (
            [str(g) for g in policymix.goals_without_instrument(self.goals, self.goal_labels)]
            if status["initiatives"] == "measured"
            else None
        )
        out["size_distribution"] = policymix.size_histogram(self.actors)
        matrix = policymix.coverage_matrix(self.goals, self.kind, self.goal_labels)
        out["goal_instrument"] = {
            str(g): {str(k): n for k, n in row.items()} for g, row in matrix.items()
        }
        return out

    def per_goal(self) -> dict[str, dict[str, int]]:
        per_goal = metrics.initiatives_per_goal(
            self.goals, {i: r or ["(geen landsdeel / none)"] for i, r in self.regions.items()}
        )
        return {str(g): {str(r): n for r, n in c.items()} for g, c in per_goal.items()}

    def intervals(
        self, rng: np.random.Generator, resamples: int
    ) -> dict[str, tuple[float, float] | None]:
        """Intervals by resampling initiatives (each with its actors, goals, kind, coordinator)."""
        n = len(self.names)
        status = self.status()
        if n == 0:
            return {}
        sizes = np.array([len(self.actors[i]) for i in self.names], dtype=float)
        known = sizes > 0
        no_goal = np.array([not self.goals[i] for i in self.names], dtype=float)
        kinds = sorted({k for k in self.kind.values() if k})
        kind_index = np.array(
            [kinds.index(k) if (k := self.kind[i]) else -1 for i in self.names], dtype=int
        )
        actor_pairs = _embedded(policymix.pair_matrix(self.actors), known)
        goal_pairs = _embedded(policymix.pair_matrix(self.goals), no_goal == 0)
        jaccard, shared = _jaccard_pairs(self.actors, self.names)
        values: dict[str, list[float]] = {m: [] for m in _INITIATIVE_INTERVALS}
        for _ in range(resamples):
            w = bootstrap.resample_counts(n, rng).astype(float)
            wk = w * known
            values["mean_initiative_size"].append(_ratio(wk @ sizes, wk.sum()))
            values["single_actor_share"].append(_ratio(wk @ (sizes == 1), wk.sum()))
            values["actor_overlap_share"].append(bootstrap.pair_share_of_sample(actor_pairs, wk))
            values["jaccard_overlap"].append(_ratio(w @ (jaccard @ w), w @ (shared @ w)))
            values["goal_overlap_share"].append(
                bootstrap.pair_share_of_sample(goal_pairs, w * (1 - no_goal))
            )
            values["coordinated_share"].append(_ratio(w @ self.coordinated, w.sum()))
            values["landsdeel_coordinated_share"].append(
                _ratio(w @ self.landsdeel_coordinated, w.sum())
            )
            values["without_goal_share"].append(_ratio(w @ no_goal, w.sum()))
            counts = np.bincount(kind_index[kind_index >= 0], weights=w[kind_index >= 0])
            values["instrument_shannon"].append(metrics.shannon_diversity(counts))
            values["instrument_hhi"].append(metrics.herfindahl_hirschman_index(counts))
        return {
            m: bootstrap.percentile_interval(v, INTERVAL_LEVEL)
            for m, v in values.items()
            if status[FAMILY[m]] == "measured"
        }


_INITIATIVE_INTERVALS: tuple[str, ...] = (
    "mean_initiative_size",
    "single_actor_share",
    "actor_overlap_share",
    "jaccard_overlap",
    "goal_overlap_share",
    *INITIATIVE_METRICS,
    "instrument_shannon",
    "instrument_hhi",
)


def _share(flags: np.ndarray) -> float:
    return float(flags.mean()) if len(flags) else float("nan")


def _ratio(a: float, b: float) -> float:
    return float(a) / float(b) if b else float("nan")


def _embedded(pairs: Any, rows: np.ndarray) -> Any:
    """A pair matrix over some initiatives, placed in the rows/columns of all of them."""
    from scipy import sparse

    index = np.flatnonzero(rows)
    coo = sparse.coo_array(pairs)
    n = len(rows)
    return sparse.csr_array((coo.data, (index[coo.row], index[coo.col])), shape=(n, n))


def _jaccard_pairs(actors: Mapping[str, set[str]], names: list[str]) -> tuple[Any, Any]:
    """Jaccard overlap of every pair of initiatives that share an actor, and the 0/1 matrix of
    those pairs (for the bootstrap of the mean Jaccard overlap), as sparse products."""
    from scipy import sparse

    index: dict[str, int] = {}
    rows, cols = [], []
    for r, i in enumerate(names):
        for actor in actors[i]:
            rows.append(r)
            cols.append(index.setdefault(actor, len(index)))
    n = len(names)
    incidence = sparse.csr_array((np.ones(len(rows)), (rows, cols)), shape=(n, len(index)))
    shared = sparse.coo_array(incidence @ incidence.T)
    off = shared.row != shared.col
    a, b, both = shared.row[off], shared.col[off], shared.data[off]
    sizes = np.asarray(incidence.sum(axis=1)).ravel()
    jaccard = sparse.csr_array((both / (sizes[a] + sizes[b] - both), (a, b)), shape=(n, n))
    pairs = sparse.csr_array((np.ones(len(a)), (a, b)), shape=(n, n))
    return jaccard, pairs


def _instrument_kind(facts: GraphFacts, initiative: str) -> str | None:
    kinds = sorted(
        facts.instrument_kinds[k]
        for k in facts.kinds.get(initiative, ())
        if k in facts.instrument_kinds
    )
    return kinds[0] if kinds else None


def _coordinators(facts: GraphFacts, scope: Scope) -> dict[str, set[str]]:
    """Initiative -> who coordinates it: directly, or (transitively) the initiative it is part
    of."""
    direct: dict[str, set[str]] = {}
    for s, p, o, g in facts.relations:
        if p == "coordinates" and scope.counts(g) and facts.types.get(o) in INITIATIVE_TYPES:
            direct.setdefault(o, set()).add(s)
    parents: dict[str, list[str]] = {}
    for s, p, o, g in facts.relations:
        if p == "partOf" and scope.counts(g) and s != o:
            parents.setdefault(s, []).append(o)
    out: dict[str, set[str]] = {}
    for initiative in facts.of_type(INITIATIVE_TYPES):
        found, seen, stack = set(direct.get(initiative, ())), {initiative}, [initiative]
        while stack:
            for parent in parents.get(stack.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    found |= direct.get(parent, set())
                    stack.append(parent)
        if found:
            out[initiative] = found
    return out


def _brokerage(G: nx.Graph, facts: GraphFacts) -> dict[str, Any]:
    """Gould-Fernandez role shares with landsdeel as the group (actors in exactly one)."""

    def group(v: Hashable) -> str | None:
        lds = facts.membership.get(str(v), set())
        return next(iter(lds)) if len(lds) == 1 else None

    idx = sample_sources(G.number_of_nodes(), None, SEED)
    nodes = list(G)
    brokers = nodes if idx is None else [nodes[i] for i in idx]
    totals: Counter[str] = Counter()
    for counts in metrics.gould_fernandez_brokerage(G, group, nodes=brokers).values():
        totals.update(counts)
    paths = sum(totals.values())
    shares = {r: _number(totals[r] / paths) if paths else None for r in metrics.BROKERAGE_ROLES}
    return {"two_paths": paths, **shares}


def _no_brokerage() -> dict[str, Any]:
    return {"two_paths": 0, **dict.fromkeys(metrics.BROKERAGE_ROLES)}


def _coverage(
    facts: GraphFacts, scope: Scope, B: nx.Graph, G: nx.Graph, units: _Initiatives
) -> dict[str, int]:
    """What the group's figures rest on: the statements (evidence sentences) of the relations
    among its actors and initiatives, and of their goals and places; the documents stating them;
    its actors and initiatives."""
    entities = set(B) | set(G)
    statements = 0
    documents: set[str] = set()
    for s, p, o, g in facts.relations:
        if g == VOCABULARY_GRAPH or not scope.counts(g) or s not in entities:
            continue
        if o in entities or p in ("addresses", "locatedIn", "partOf"):
            statements += facts.support.get((s, p, o, g), (1, None))[0]
            documents.add(g)
    return {
        "documents": len(documents),
        "entities": len(entities),
        "statements": statements,
        "initiatives_without_actor": sum(1 for a in units.actors.values() if not a),
    }


# -- sensitivity and change ------------------------------------------------------------------


def _weakest_first(facts: GraphFacts) -> list[int]:
    """Indices of the document relations of ``facts.relations``, weakest first: lowest
    confidence (``bg:confidence``; a relation without one counts as :data:`UNKNOWN_CONFIDENCE`
    when others have one), then fewest statements, then a fixed random order. The vocabulary's
    relations are facts, not statements, and are never dropped."""
    candidates = [i for i, r in enumerate(facts.relations) if r[3] != VOCABULARY_GRAPH]
    given = any(c is not None for _, c in facts.support.values())
    tiebreak = np.random.default_rng(SEED).permutation(len(candidates))

    def weakness(position: int) -> tuple[float, int, int]:
        count, confidence = facts.support.get(facts.relations[candidates[position]], (1, None))
        level = (UNKNOWN_CONFIDENCE if confidence is None else confidence) if given else 0.0
        return (level, count, int(tiebreak[position]))

    return [candidates[k] for k in sorted(range(len(candidates)), key=weakness)]


def _sensitivity(
    facts: GraphFacts, by: str | None, groups: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any] | None:
    """Drop the weakest statements, recompute (membership included) and compare the order of the
    groups on every ranked figure by Kendall's τ."""
    if by is None:
        return None
    order = _weakest_first(facts)
    given = any(c is not None for _, c in facts.support.values())
    base = {m: {k: g.get(m) for k, g in groups.items() if k != "all"} for m in RANKED}
    measures: dict[str, dict[str, Any]] = {m: {"drops": []} for m in RANKED}
    for share in DROP_SHARES:
        dropped = set(order[: round(share * len(order))])
        reduced = dataclasses.replace(
            facts, relations=[r for i, r in enumerate(facts.relations) if i not in dropped]
        ).derive()
        context = _Context.of(reduced)
        again = {
            spec.key: measure(
                reduced,
                spec.scope,
                kind=spec.kind,
                landsdeel=spec.iri,
                context=context,
                full=False,
            )
            for spec in _breakdown(reduced, by)
            if spec.key != "all"
        }
        for m in RANKED:
            now = {k: g.get(m) for k, g in again.items()}
            compared = [k for k in base[m] if base[m][k] is not None and now.get(k) is not None]
            tau = bootstrap.rank_agreement(base[m], now) if len(compared) >= 3 else float("nan")
            measures[m]["drops"].append(
                {
                    "share": share,
                    "dropped": len(dropped),
                    "groups": len(compared),
                    "tau": _number(tau),
                }
            )
    for entry in measures.values():
        taus = [d["tau"] for d in entry["drops"]]
        entry["stable"] = None if None in taus else all(t >= STABLE_TAU for t in taus)
    return {
        "weakest_by": "confidence" if given else "statements",
        "shares": list(DROP_SHARES),
        "stable_tau": STABLE_TAU,
        "measures": measures,
    }


def _change(facts: GraphFacts, by: str | None) -> dict[str, Any] | None:
    """The key figures of every group per year of the documents, when there are several years."""
    years = _years(facts, known_only=True)
    if by in ("year", "document") or len(years) < 2:
        return None
    context = _Context.of(facts)
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for spec in _breakdown(facts, by):
        out[spec.key] = {}
        for year, graphs in sorted(years.items()):
            figures = measure(
                facts,
                spec.scope.within_documents(facts, graphs),
                kind=spec.kind,
                landsdeel=spec.iri,
                context=context,
                full=False,
            )
            out[spec.key][year] = {m: figures.get(m) for m in CHANGE_METRICS}
    return {"years": sorted(years), "metrics": list(CHANGE_METRICS), "groups": out}


# -- summary ---------------------------------------------------------------------------------


def _fmt(x: float, lang: str, digits: int = 2) -> str:
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def _pct(x: float, lang: str) -> str:
    return f"{round(100 * x)}%"


def _interval(
    iv: list[float | None] | None, lang: str, *, percent: bool = False, parentheses: bool = False
) -> str:
    """', 95%-interval 0,70–0,93' (or in parentheses); '' without one, or when it is one point."""
    if not iv or iv[0] is None or iv[1] is None or iv[0] == iv[1]:
        return ""
    if percent:
        low, high = f"{round(100 * iv[0])}", f"{round(100 * iv[1])}%"
    else:
        low, high = _fmt(iv[0], lang), _fmt(iv[1], lang)
    text = f"95%-interval {low}–{high}" if lang == "nl" else f"95% interval {low}–{high}"
    return f" ({text})" if parentheses else f", {text}"


def _name(label: str, lang: str) -> str:
    """The Dutch or English half of a bilingual label ('Landelijk niveau / national level')."""
    if " / " not in label:
        return label
    nl, en = label.split(" / ", 1)
    return nl if lang == "nl" else en


def summary(result: Mapping[str, Any]) -> dict[str, list[str]]:
    """Sentences in Dutch and English that state the report's findings with their intervals and
    caveats, ready to paste (templates in ``versnippering.yaml``)."""
    out: dict[str, list[str]] = {"nl": [], "en": []}
    for lang in ("nl", "en"):
        for key, values in _findings(result, lang):
            text = sentences()[key][lang].format(**values)
            out[lang].append(text[:1].upper() + text[1:])
    return out


def _findings(result: Mapping[str, Any], lang: str) -> Iterable[tuple[str, dict[str, Any]]]:
    """(template, values) of every summary sentence, in order."""
    groups: Mapping[str, Mapping[str, Any]] = result["groups"]
    scope = result["scope"]
    everything = groups["all"]
    years = scope.get("years") or []
    unknown_year = "jaar onbekend" if lang == "nl" else "year unknown"
    yield (
        "coverage",
        {
            "documents": everything["coverage"]["documents"],
            "years": ", ".join(years) if years else unknown_year,
            "entities": everything["coverage"]["entities"],
            "statements": everything["coverage"]["statements"],
            "unplaced": scope["unplaced_initiatives"],
            "initiatives": everything["initiatives"],
            "anonymous": everything["coverage"]["initiatives_without_actor"],
        },
    )
    compared = {k: g for k, g in groups.items() if k != "all"}
    for group in (compared or {"all": everything}).values():  # no breakdown: the whole network
        yield from _group_findings(group, lang)
    uncoordinated = [
        _group_name(g, lang)
        for g in compared.values()
        if g.get("kind") == "landsdeel" and g["landsdeel_coordinated_share"] == 0
    ]
    if uncoordinated:
        yield ("coordinated_none", {"groups": _join(uncoordinated, lang)})
    for metric in ("borgatti_f", "single_actor_share") if compared else ():
        yield from _comparison(metric, compared, result.get("sensitivity"), lang)
    if scope["by"] == "landsdeel":
        yield ("national", _national(result))
    for key, first, last in _changes(result):
        yield (
            "change",
            {
                "group": _group_name(groups[key], lang),
                "first": first[1],
                "first_year": first[0],
                "last": last[1],
                "last_year": last[0],
            },
        )
    yield (
        "method",
        {
            "level": f"{round(100 * scope['interval_level'])}%",
            "resamples": scope["resamples"],
            "seed": scope["seed"],
            "min_actors": scope["minimum"]["actors"],
            "min_initiatives": scope["minimum"]["initiatives"],
        },
    )


def _group_name(group: Mapping[str, Any], lang: str) -> str:
    """How a sentence names a group: its label in the language; the national level and the
    whole network in words."""
    if group.get("kind") == "national":
        return "het landelijk niveau" if lang == "nl" else "the national level"
    if group.get("kind") == "all":
        return "het hele netwerk" if lang == "nl" else "the whole network"
    return _name(group["label"], lang)


def _join(names: list[str], lang: str) -> str:
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + (" en " if lang == "nl" else " and ") + names[-1]


def _changes(result: Mapping[str, Any]) -> Iterable[tuple[str, tuple[str, int], tuple[str, int]]]:
    """Groups with initiatives in documents of at least two years: (key, first, last year)."""
    change = result.get("change")
    for key, per_year in (change or {}).get("groups", {}).items():
        counted = [(y, v["initiatives"]) for y, v in per_year.items() if v["initiatives"]]
        if key != "all" and len(counted) >= 2:
            yield key, counted[0], counted[-1]


def _group_findings(group: Mapping[str, Any], lang: str) -> Iterable[tuple[str, dict[str, Any]]]:
    label, iv = _group_name(group, lang), group.get("intervals") or {}
    status, coverage = group["status"], group["coverage"]
    if status["sizes"] == "measured":
        yield (
            "initiatives",
            {
                "group": label,
                "initiatives": group["initiatives"],
                "known": group["initiatives"] - coverage["initiatives_without_actor"],
                "one": group["size_distribution"]["1"],
                "share": _pct(group["single_actor_share"], lang),
                "interval": _interval(iv.get("single_actor_share"), lang, percent=True),
            },
        )
    else:
        known = group["initiatives"] - coverage["initiatives_without_actor"]
        yield (
            "initiatives_too_few",
            {"group": label, "initiatives": group["initiatives"], "known": known},
        )
    if status["network"] == "measured":
        yield (
            "network",
            {
                "group": label,
                "actors": group["nodes"],
                "value": _fmt(group["borgatti_f"], lang),
                "interval": _interval(iv.get("borgatti_f"), lang, parentheses=True),
            },
        )
    else:
        yield ("network_too_few", {"group": label, "actors": group["nodes"]})
    if group.get("kind") != "landsdeel" or status["initiatives"] != "measured":
        return
    share = group["landsdeel_coordinated_share"]
    if share:
        yield (
            "coordinated",
            {
                "group": label,
                "share": _pct(share, lang),
                "interval": _interval(
                    iv.get("landsdeel_coordinated_share"), lang, percent=True, parentheses=True
                ),
            },
        )
    gaps = group.get("goals_without_instrument") or []
    if gaps:
        yield ("gaps", {"group": label, "goals": _join(gaps, lang)})


def _comparison(
    metric: str,
    groups: Mapping[str, Mapping[str, Any]],
    sensitivity: Mapping[str, Any] | None,
    lang: str,
) -> Iterable[tuple[str, dict[str, Any]]]:
    # the definitions' names are 'English / Dutch'
    name = definitions()[metric]["name"].split(" / ")[0 if lang == "en" else -1]
    measured = {k: g for k, g in groups.items() if g.get(metric) is not None}
    if len(measured) < 2:
        yield ("too_few_groups", {"name": name})
        return
    ranked = sorted(measured, key=lambda k: (measured[k][metric], k))
    low, high = measured[ranked[0]], measured[ranked[-1]]
    percent = metric.endswith("share")

    def shown(g: Mapping[str, Any]) -> str:
        value = g[metric]
        text = _pct(value, lang) if percent else _fmt(value, lang)
        return text + _interval((g.get("intervals") or {}).get(metric), lang, percent=percent)

    low_iv, high_iv = ((g.get("intervals") or {}).get(metric) for g in (low, high))
    certain = bool(low_iv and high_iv and low_iv[1] < high_iv[0])
    yield (
        "compare",
        {
            "name": name,
            "high": _group_name(high, lang),
            "high_value": shown(high),
            "low": _group_name(low, lang),
            "low_value": shown(low),
            "overlap": sentences()["overlap_no" if certain else "overlap_yes"][lang],
        },
    )
    entry = ((sensitivity or {}).get("measures") or {}).get(metric)
    if entry and entry["stable"] is not None:
        shares = _join([f"{round(100 * d['share'])}%" for d in entry["drops"]], lang)
        taus = " / ".join(_fmt(d["tau"], lang) for d in entry["drops"])
        yield ("stable" if entry["stable"] else "unstable", {"shares": shares, "taus": taus})


def _national(result: Mapping[str, Any]) -> dict[str, Any]:
    scope = result["scope"]
    return {"national": scope["national_bodies"], "acting": scope["national_acting"]}


# -- CSV -------------------------------------------------------------------------------------

CSV_COLUMNS: tuple[str, ...] = (
    "group",
    "label",
    "kind",
    *SCALAR_METRICS,
    *(f"{m}_{end}" for m in INTERVAL_METRICS for end in ("low", "high")),
    "status_network",
    "status_initiatives",
    "status_sizes",
    "status_goals",
    "status_instruments",
    "coverage_documents",
    "coverage_entities",
    "coverage_statements",
    "initiatives_without_actor",
    "goals_without_instrument",
    "approximate",
    "key_players",
)


def to_csv(result: Mapping[str, Any]) -> str:
    """The full table: one row per group with every scalar figure, its interval, status and
    coverage; lists joined by ``; `` (RFC 4180)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for key, group in result["groups"].items():
        intervals = group.get("intervals") or {}
        cells: dict[str, Any] = {"group": key, **group}
        for m in INTERVAL_METRICS:
            iv = intervals.get(m) or [None, None]
            cells[f"{m}_low"], cells[f"{m}_high"] = iv
        for part, value in group["status"].items():
            cells[f"status_{part}"] = value
        cells.update({f"coverage_{k}": v for k, v in group["coverage"].items()})
        cells["initiatives_without_actor"] = group["coverage"]["initiatives_without_actor"]
        cells["goals_without_instrument"] = "; ".join(group.get("goals_without_instrument") or [])
        cells["key_players"] = "; ".join(k["label"] for k in group.get("key_players") or [])
        writer.writerow(["" if cells.get(c) is None else cells[c] for c in CSV_COLUMNS])
    return buffer.getvalue()
