"""Which part of the graph a map shows: everything, the top N, an ego network, or one landsdeel.

Views pick a set of node IRIs; the page then draws those nodes and the links among them. Names
given on the command line (``--focus``, ``--region``) are matched against every name an entity
has, ignoring case and diacritics, so ``--focus 4tu`` and ``--region zuidoost`` work.
"""

from __future__ import annotations

import difflib
import unicodedata

import networkx as nx

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.viz.mapdata import MapData

__all__ = ["ego_view", "find_node", "normalise", "region_view", "select_view", "top_view"]


def normalise(name: str) -> str:
    """Case- and diacritics-insensitive form of a name, for matching."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).split())


def find_node(data: MapData, name: str) -> str:
    """The IRI of the entity called ``name`` (any of its names, or its IRI).

    Raises
    ------
    ConfigError
        When no entity has that name; the message suggests the closest names.
    """
    if name in data.nodes:
        return name
    wanted = normalise(name)
    by_name: dict[str, str] = {}
    for iri, node in sorted(data.nodes.items(), key=lambda kv: kv[1].label):
        for alias in node.names:
            by_name.setdefault(normalise(alias), iri)
    if wanted in by_name:
        return by_name[wanted]
    close = difflib.get_close_matches(wanted, list(by_name), n=3, cutoff=0.6)
    hint = f" (did you mean: {', '.join(repr(data.nodes[by_name[c]].label) for c in close)}?)"
    raise ConfigError(f"--focus: no entity named {name!r} in the store{hint if close else ''}")


def top_view(sizes: dict[str, float], top: int) -> set[str]:
    """The ``top`` nodes with the largest size (ties broken by IRI, so the result is stable)."""
    if top < 1:
        raise ConfigError(f"--top: must be at least 1, got {top}")
    return set(sorted(sizes, key=lambda n: (-sizes[n], n))[:top])


def ego_view(graph: nx.Graph, center: str, depth: int) -> set[str]:
    """The nodes within ``depth`` links of ``center`` (its ego network)."""
    if depth < 0:
        raise ConfigError(f"--depth: must be 0 or more, got {depth}")
    return set(nx.single_source_shortest_path_length(graph, center, cutoff=depth))


def region_view(data: MapData, region: str) -> set[str]:
    """The nodes that belong to the landsdeel ``region``, by any of its names ('Zuidoost',
    'Zuidoost-Nederland', 'Landsdeel Zuidoost')."""
    known = sorted(data.landsdeel_names)
    wanted = normalise(region)
    match = [
        ld
        for ld in known
        if {normalise(name) for name in data.landsdeel_names[ld]}
        & {wanted, f"landsdeel {wanted}", f"landsdeel-{wanted}"}
    ]
    if not match:
        names = ", ".join(known) or "none in the store"
        raise ConfigError(f"--region: unknown landsdeel {region!r} (known: {names})")
    return {iri for iri, node in data.nodes.items() if match[0] in node.landsdelen}


def select_view(
    data: MapData,
    graph: nx.Graph,
    sizes: dict[str, float],
    *,
    top: int | None = None,
    focus: str | None = None,
    depth: int = 1,
    region: str | None = None,
) -> set[str]:
    """Intersect the requested views; no view at all means every node."""
    chosen = set(data.nodes)
    if region is not None:
        chosen &= region_view(data, region)
    if focus is not None:
        chosen &= ego_view(graph, find_node(data, focus), depth)
    if top is not None:
        chosen &= top_view({n: sizes[n] for n in chosen}, top)
    return chosen
