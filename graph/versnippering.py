"""The versnippering suite: every fragmentation metric, over the whole graph and per breakdown.

:func:`fragmentation_report` reads the store once (``graph.projection.load_facts``),
projects the actor network and the actor × initiative network for the whole graph and for each
group of a breakdown (landsdeel, goal, document or year), runs :func:`measure` on each and returns
one stable, JSON-ready dict. Its shape is fixed by ``graph/versnippering.schema.json``; the
plain-language definitions (Dutch and English) come from ``graph/versnippering.yaml``.

Examples
--------
>>> from beleidsgraaf.graph.store import Store
>>> result = fragmentation_report(Store(), by="landsdeel")
>>> list(result)
['schema_version', 'scope', 'groups', 'definitions']
>>> result["groups"]["all"]["nodes"]
0
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections import Counter
from collections.abc import Hashable, Mapping
from functools import cache
from importlib.resources import files
from typing import Any, Literal

import networkx as nx
import yaml

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.graph import metrics
from beleidsgraaf.graph.metrics._sampling import DEFAULT_SOURCES, EXACT_LIMIT, sample_sources
from beleidsgraaf.graph.projection import (
    ACTOR_PREDICATES,
    INITIATIVE_TYPES,
    TWO_MODE_PREDICATES,
    GraphFacts,
    Scope,
    actor_graph,
    actor_initiative_graph,
    load_facts,
)
from beleidsgraaf.graph.store import Store
from beleidsgraaf.ontology.iri import slugify

__all__ = [
    "BREAKDOWNS",
    "SCALAR_METRICS",
    "SCHEMA_VERSION",
    "definitions",
    "fragmentation_report",
    "measure",
    "report_from_facts",
    "schema",
    "suite",
    "to_csv",
]

Breakdown = Literal["landsdeel", "goal", "document", "year"]
BREAKDOWNS: tuple[str, ...] = ("landsdeel", "goal", "document", "year")
SCHEMA_VERSION = 1
SEED = 0
KEY_PLAYERS = 5

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


@cache
def definitions() -> dict[str, dict[str, str]]:
    """Every reported metric's name, range, direction, Dutch and English explanation, reference."""
    text = (files("beleidsgraaf.graph") / "versnippering.yaml").read_text(encoding="utf-8")
    data: dict[str, dict[str, str]] = yaml.safe_load(text)
    return data


@cache
def schema() -> dict[str, Any]:
    """The JSON schema of :func:`fragmentation_report`'s result."""
    text = (files("beleidsgraaf.graph") / "versnippering.schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def fragmentation_report(store: Store, by: str | None = None) -> dict[str, Any]:
    """Measure versnippering in ``store``: the whole graph (group ``"all"``) and each group of
    the breakdown ``by`` (``"landsdeel"``, ``"goal"``, ``"document"``, ``"year"`` or ``None``).

    Returns the JSON-ready dict described by ``graph/versnippering.schema.json``.
    """
    if by is not None and by not in BREAKDOWNS:
        raise ConfigError(f"unknown breakdown {by!r} (use one of: {', '.join(BREAKDOWNS)})")
    return report_from_facts(load_facts(store), by)


def report_from_facts(facts: GraphFacts, by: str | None = None) -> dict[str, Any]:
    """:func:`fragmentation_report` on facts already read from a store."""
    groups: dict[str, dict[str, Any]] = {}
    for key, label, iri, scope in _breakdown(facts, by):
        result = measure(facts, scope)
        groups[key] = {"label": label, "iri": iri, **result}
    return {
        "schema_version": SCHEMA_VERSION,
        "scope": {
            "by": by or "all",
            "network": (
                "actors (organisations) tied by shared programmes/interventions and by direct "
                "typed relations"
            ),
            "two_mode_predicates": list(TWO_MODE_PREDICATES),
            "actor_predicates": list(ACTOR_PREDICATES),
            "landsdeel_membership": "?e (bg:locatedIn|bg:partOf)* ?landsdeel",
            "documents": sorted(d.file_name for d in facts.documents.values()),
            "seed": SEED,
            "exact_limit": EXACT_LIMIT,
            "sampled_sources": DEFAULT_SOURCES,
            "caveat": CAVEAT,
        },
        "groups": groups,
        "definitions": definitions(),
    }


def _breakdown(facts: GraphFacts, by: str | None) -> list[tuple[str, str, str | None, Scope]]:
    """(key, label, iri, scope) of every group: ``all`` first, then the breakdown in order."""
    out: list[tuple[str, str, str | None, Scope]] = [("all", "Alles / everything", None, Scope())]
    if by == "landsdeel":
        for ld, label in sorted(facts.landsdelen.items(), key=lambda kv: kv[1]):
            out.append((_key(ld), label, ld, Scope.landsdeel(facts, ld)))
    elif by == "goal":
        for goal, label in sorted(facts.goals.items(), key=lambda kv: kv[1]):
            out.append((_key(goal), label, goal, Scope.goal(facts, goal)))
    elif by == "document":
        docs = sorted(facts.documents.values(), key=lambda d: (d.issued or "9999", d.file_name))
        for d in docs:
            label = f"{d.title} ({d.issued[:4]})" if d.issued else d.title
            out.append(
                (
                    slugify(d.file_name.rsplit(".", 1)[0]),
                    label,
                    d.graph,
                    Scope.for_documents(facts, [d.graph]),
                )
            )
    elif by == "year":
        years: dict[str, list[str]] = {}
        for d in facts.documents.values():
            years.setdefault((d.issued or "unknown")[:4], []).append(d.graph)
        for year in sorted(years):
            out.append((year, year, None, Scope.for_documents(facts, years[year])))
    return out


def _key(iri: str) -> str:
    return slugify(iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1])


def _number(x: float) -> float | None:
    """JSON has no NaN: undefined values become ``null``; others are rounded to 6 decimals."""
    return None if x is None or math.isnan(x) else round(float(x), 6)


def measure(facts: GraphFacts, scope: Scope = Scope()) -> dict[str, Any]:  # noqa: B008
    """Every metric for one group: the JSON object of one entry of ``groups``."""
    B = actor_initiative_graph(facts, scope=scope)
    G = actor_graph(facts, scope=scope, two_mode=B)
    result = suite(G)
    initiatives = sorted(v for v, d in B.nodes(data="bipartite") if d == 1)
    actor_sets = {i: set(B[i]) for i in initiatives}
    result["initiatives"] = len(initiatives)
    result["hhi"] = _number(metrics.initiative_concentration(B, G.nodes))
    result["jaccard_overlap"] = _number(metrics.mean_jaccard_overlap(actor_sets))
    result["coordinated_share"] = _number(
        metrics.coordinated_share(initiatives, _coordinated(facts, scope))
    )
    result["brokerage"] = _brokerage(G, facts)
    addressed: dict[str, list[str]] = {}
    for s, p, o, _ in facts.relations:  # one pass: a scan per initiative is quadratic at scale
        if p == "addresses":
            addressed.setdefault(s, []).append(facts.goals.get(o, o))
    goals = {i: addressed.get(i, []) for i in initiatives}
    regions = {i: sorted(facts.landsdelen[ld] for ld in facts.membership.get(i, ())) for i in goals}
    per_goal = metrics.initiatives_per_goal(
        goals, {i: r or ["(geen landsdeel / none)"] for i, r in regions.items()}
    )
    result["initiatives_per_goal"] = {
        str(g): {str(r): n for r, n in c.items()} for g, c in per_goal.items()
    }
    return result


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


def _coordinated(facts: GraphFacts, scope: Scope) -> set[str]:
    """Initiatives some entity ``coordinates``, and (transitively) initiatives ``partOf`` them."""
    coordinated = {
        o
        for s, p, o, g in facts.relations
        if p == "coordinates" and scope.counts(g) and facts.types.get(o) in INITIATIVE_TYPES
    }
    parts = [(s, o) for s, p, o, g in facts.relations if p == "partOf" and scope.counts(g)]
    changed = True
    while changed:
        new = {s for s, o in parts if o in coordinated and s not in coordinated}
        coordinated |= new
        changed = bool(new)
    return coordinated


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


SCALAR_METRICS: tuple[str, ...] = (
    "nodes",
    "edges",
    "initiatives",
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
    "jaccard_overlap",
    "coordinated_share",
    "effective_size_mean",
    "constraint_mean",
    "hierarchy_mean",
)
"""The scalar figures of each group, in the order tables show them."""

CSV_COLUMNS: tuple[str, ...] = ("group", "label", *SCALAR_METRICS, "approximate", "key_players")


def to_csv(result: Mapping[str, Any]) -> str:
    """One row per group with the scalar figures; key players joined by ``; `` (RFC 4180)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for key, group in result["groups"].items():
        row: list[Any] = [key]
        for column in CSV_COLUMNS[1:]:
            value = group.get(column)
            if column == "key_players":
                value = "; ".join(k["label"] for k in value or [])
            row.append("" if value is None else value)
        writer.writerow(row)
    return buffer.getvalue()
