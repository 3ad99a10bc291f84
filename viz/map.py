"""The coordinators' network map: one self-contained, offline, searchable HTML page.

PyVis assembles the network (nodes, edges, vis-network options); the page around it is our own
template (``viz/templates/map.html``) with vis-network, the page script and the styles inlined,
because PyVis's own templates load scripts from CDNs. Untrusted text from documents reaches the
page only as JSON inside ``<script type="application/json">`` and is put on screen with
``textContent`` (see :mod:`beleidsgraaf.viz.page`).

Examples
--------
>>> from beleidsgraaf.graph.store import Store
>>> html = render_map(Store())  # an empty store gives an empty (but working) map
>>> html.startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

import contextlib
from collections import Counter
from pathlib import Path
from typing import Any

from beleidsgraaf.errors import BeleidsgraafError, ConfigError
from beleidsgraaf.graph.store import Store
from beleidsgraaf.viz.layout import SIZE_MEASURES, communities, link_graph, node_sizes, positions
from beleidsgraaf.viz.mapdata import MapData, MapLink, load_map_data
from beleidsgraaf.viz.page import render_page
from beleidsgraaf.viz.style import (
    COMMUNITY_COLOURS,
    LANDSDEEL_COLOURS,
    NO_GROUP_COLOUR,
    PREDICATE_STYLES,
    TYPE_STYLES,
)
from beleidsgraaf.viz.views import select_view

__all__ = ["COLOUR_SCHEMES", "PHYSICS_MAX_NODES", "SIZE_MEASURES", "render_map", "write_map"]

COLOUR_SCHEMES = ("type", "community", "landsdeel")

PHYSICS_MAX_NODES = 1000
"""Above this many nodes the layout is computed in Python and physics is off."""

LABEL_ALL_MAX_NODES = 300
"""Up to this many nodes every label is readable at the first zoom level."""


def render_map(
    store: Store,
    *,
    size_by: str = "degree",
    color_by: str = "type",
    top: int | None = None,
    focus: str | None = None,
    depth: int = 1,
    region: str | None = None,
    title: str = "beleidsgraaf — netwerkkaart",
) -> str:
    """Return the map of ``store`` as one self-contained HTML page.

    Parameters
    ----------
    store
        The store to draw (all named graphs together).
    size_by
        ``'degree'`` or ``'betweenness'``: what a node's size shows.
    color_by
        ``'type'``, ``'community'`` or ``'landsdeel'``: the initial colouring (the page can
        switch between them).
    top
        Show only the ``top`` nodes with the largest size.
    focus, depth
        Show only the ego network of the entity named ``focus`` (any of its names), ``depth``
        links deep.
    region
        Show only the entities of one landsdeel (``'Zuidoost'`` or ``'Landsdeel Zuidoost'``).

    Raises
    ------
    ConfigError
        For an unknown option value, or a focus/region that is not in the store.
    """
    if size_by not in SIZE_MEASURES:
        raise ConfigError(f"--size-by: must be one of {', '.join(SIZE_MEASURES)}, not {size_by!r}")
    if color_by not in COLOUR_SCHEMES:
        raise ConfigError(
            f"--color-by: must be one of {', '.join(COLOUR_SCHEMES)}, not {color_by!r}"
        )
    data = load_map_data(store)
    graph = link_graph(data)
    sizes = node_sizes(graph, size_by)
    shown = select_view(data, graph, sizes, top=top, focus=focus, depth=depth, region=region)
    precomputed = len(shown) > PHYSICS_MAX_NODES
    coords = positions(graph.subgraph(shown)) if precomputed else {}
    colours = _colour_schemes(data, graph)

    from pyvis.network import Network  # heavy; only when a map is drawn

    net = Network(directed=True, height="100%", width="100%")
    for iri in sorted(shown, key=lambda n: data.nodes[n].label):
        node = data.nodes[iri]
        style = TYPE_STYLES[node.type]
        extra: dict[str, Any] = {"x": coords[iri][0], "y": coords[iri][1]} if coords else {}
        net.add_node(
            iri,
            label=node.label,
            shape=style.shape,
            color=colours[color_by][0][iri],
            value=sizes[iri],
            **extra,
        )
    for i, link in enumerate(data.links):
        if link.source in shown and link.target in shown:
            net.add_edge(link.source, link.target, id=i, **_edge_options(link))
    net.options = _options(precomputed, len(shown))
    nodes, edges, *_ = net.get_network_data()

    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": net.options,
        "details": _details(data, graph, shown, colours),
        "links": {
            str(i): _link_details(link)
            for i, link in enumerate(data.links)
            if link.source in shown and link.target in shown
        },
        "conceptLinks": _concept_links(data, shown),
        "documents": {iri: {"title": d.title, "file": d.file} for iri, d in data.documents.items()},
        "legend": {
            "types": {
                t: {"label": s.label, "colour": s.colour, "shape": s.shape}
                for t, s in TYPE_STYLES.items()
            },
            "predicates": {
                p: {"label": s.label, "colour": s.colour, "dashes": list(s.dashes)}
                for p, s in PREDICATE_STYLES.items()
                if p != "addresses"
            },
            "schemes": {name: legend for name, (_, legend) in colours.items()},
        },
        "settings": {
            "colorBy": color_by,
            "sizeBy": size_by,
            "physics": not precomputed,
            # Co-occurrence ("named in one sentence") links drown the typed ones in a large map.
            "coOccurrence": not precomputed,
            "total": len(data.nodes),
            "view": _view_label(top, focus, depth, region),
        },
    }
    return render_page(payload, title=title)


def write_map(store: Store, path: Path, **options: Any) -> Path:
    """Render the map of ``store`` (see :func:`render_map` for ``options``) and write it.

    The file is written next to its target and then renamed over it, so an existing map is
    never left half-written.

    Raises
    ------
    BeleidsgraafError
        When the file cannot be written (the message names it).
    """
    html = render_map(store, **options)
    partial = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(html, encoding="utf-8")
        partial.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise BeleidsgraafError(f"{path}: cannot write the map: {exc.strerror or exc}") from exc
    return path


def _options(precomputed: bool, count: int) -> dict[str, Any]:
    """vis-network options: physics that settles and stops, or none for a precomputed layout."""
    return {
        "autoResize": True,
        "nodes": {
            # Small nodes' labels appear only when zoomed in, so a large map stays legible.
            "scaling": {
                "min": 8,
                "max": 38,
                "label": {
                    "enabled": True,
                    "min": 12 if count <= LABEL_ALL_MAX_NODES else 8,
                    "max": 24,
                    "drawThreshold": 10,
                },
            },
            "font": {"size": 13, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1,
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"scaleFactor": 0.5}},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": count > 300,
            "multiselect": False,
        },
        "physics": {
            "enabled": not precomputed,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "springLength": 110,
                "springConstant": 0.06,
                "avoidOverlap": 0.4,
            },
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50},
        },
        "layout": {"improvedLayout": count <= 150, "randomSeed": 7},
    }


def _edge_options(link: MapLink) -> dict[str, Any]:
    style = PREDICATE_STYLES.get(link.predicate, PREDICATE_STYLES["coOccursWith"])
    return {
        "color": {"color": style.colour, "highlight": style.colour, "hover": style.colour},
        "dashes": list(style.dashes) if style.dashes else False,
        "width": style.width,
        "arrows": {"to": {"enabled": style.arrow}},
        "predicate": link.predicate,
    }


Legend = list[dict[str, str]]


def _colour_schemes(data: MapData, graph: Any) -> dict[str, tuple[dict[str, str], Legend]]:
    """Node colours and legend entries for each colouring the page can switch to."""
    by_type = {iri: TYPE_STYLES[n.type].colour for iri, n in data.nodes.items()}
    type_legend = [{"label": s.label, "colour": s.colour} for s in TYPE_STYLES.values()]

    community = communities(graph)
    sizes = Counter(community.values())
    big = [c for c in sorted(sizes) if sizes[c] > 1][: len(COMMUNITY_COLOURS)]
    palette = {c: COMMUNITY_COLOURS[i] for i, c in enumerate(big)}
    by_community = {iri: palette.get(community[iri], NO_GROUP_COLOUR) for iri in data.nodes}
    community_legend = [
        {"label": f"Groep {i + 1} ({sizes[c]})", "colour": palette[c]} for i, c in enumerate(big)
    ] + [{"label": "overig", "colour": NO_GROUP_COLOUR}]

    landsdelen = sorted({ld for n in data.nodes.values() for ld in n.landsdelen})
    ld_colour = {
        ld: LANDSDEEL_COLOURS[i % len(LANDSDEEL_COLOURS)] for i, ld in enumerate(landsdelen)
    }
    by_landsdeel = {
        iri: ld_colour[n.landsdelen[0]] if n.landsdelen else NO_GROUP_COLOUR
        for iri, n in data.nodes.items()
    }
    ld_legend = [{"label": ld, "colour": ld_colour[ld]} for ld in landsdelen] + [
        {"label": "geen landsdeel", "colour": NO_GROUP_COLOUR}
    ]
    return {
        "type": (by_type, type_legend),
        "community": (by_community, community_legend),
        "landsdeel": (by_landsdeel, ld_legend),
    }


def _details(
    data: MapData,
    graph: Any,
    shown: set[str],
    colours: dict[str, tuple[dict[str, str], Legend]],
) -> dict[str, dict[str, Any]]:
    """What the side panel, search and filters need per node (none of it is given to vis)."""
    return {
        iri: {
            "label": node.label,
            "type": node.type,
            "names": node.names,
            "documents": node.documents,
            "landsdelen": node.landsdelen,
            "kinds": node.kinds,
            "registry": node.registry,
            "degree": graph.degree(iri),
            "colours": {name: scheme[0][iri] for name, scheme in colours.items()},
        }
        for iri, node in data.nodes.items()
        if iri in shown
    }


def _link_details(link: MapLink) -> dict[str, Any]:
    return {
        "from": link.source,
        "to": link.target,
        "predicate": link.predicate,
        "weight": link.weight,
        "evidence": [
            {"sentence": e.sentence, "document": e.document, "page": e.page, "section": e.section}
            for e in link.evidence
        ],
    }


def _concept_links(data: MapData, shown: set[str]) -> list[dict[str, Any]]:
    """Links to goal concepts (not drawn): shown in the panel of their subject."""
    out = []
    for link in data.concept_links:
        if link.source in shown:
            entry = _link_details(link)
            entry["toLabel"] = data.concept_labels.get(link.target, link.target)
            out.append(entry)
    return out


def _view_label(top: int | None, focus: str | None, depth: int, region: str | None) -> str:
    parts = []
    if region is not None:
        parts.append(f"landsdeel {region}")
    if focus is not None:
        parts.append(f"rond {focus} (diepte {depth})")
    if top is not None:
        parts.append(f"top {top}")
    return ", ".join(parts)
