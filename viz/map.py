"""The coordinators' network map: one self-contained, offline, searchable HTML page.

The page opens on an overview a person can read: typed relations only (the 'samen genoemd'
co-occurrence links are a layer to switch on), nodes without any typed relation hidden behind a
count, a precomputed layout packed to the canvas (:mod:`beleidsgraaf.viz.layout`), and the
names of the most connected nodes drawn where they do not overlap (the page script places them
on every redraw). Views (a landsdeel, a programme, an actor's ego network, a community), a time
slider, a confidence threshold, named presets and PNG/SVG export all work in the page, and its
whole state lives in the URL fragment (:mod:`beleidsgraaf.viz.viewstate`).

Untrusted text from documents reaches the page only as JSON inside ``<script
type="application/json">`` and is put on screen with ``textContent`` or drawn on the canvas
(see :mod:`beleidsgraaf.viz.page`); vis-network is given no labels or titles at all.

Examples
--------
>>> from beleidsgraaf.graph.store import Store
>>> html = render_map(Store())  # an empty store gives an empty (but working) map
>>> html.startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

import contextlib
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from beleidsgraaf.errors import BeleidsgraafError, ConfigError
from beleidsgraaf.graph.store import Store
from beleidsgraaf.viz.layout import SIZE_MEASURES, communities, link_graph, node_sizes, positions
from beleidsgraaf.viz.mapdata import Document, MapData, MapLink, MapNode, load_map_data
from beleidsgraaf.viz.page import render_page
from beleidsgraaf.viz.style import (
    COMMUNITY_COLOURS,
    LANDSDEEL_COLOURS,
    NO_GROUP_COLOUR,
    PREDICATE_STYLES,
    TYPE_STYLES,
    UNCERTAIN_BELOW,
    UNCERTAIN_STYLE,
)
from beleidsgraaf.viz.views import select_view
from beleidsgraaf.viz.viewstate import ID_BASE, parse_preset

__all__ = ["COLOUR_SCHEMES", "SIZE_MEASURES", "render_map", "write_map"]

COLOUR_SCHEMES = ("type", "community", "landsdeel")

NODE_SIZE = (5.0, 24.0)
"""Smallest and largest node radius (canvas units; the median link is 70 long)."""


def render_map(
    store: Store,
    *,
    size_by: str = "degree",
    color_by: str = "type",
    top: int | None = None,
    focus: str | None = None,
    depth: int = 1,
    region: str | None = None,
    views: Sequence[str] = (),
    title: str = "beleidsgraaf — netwerkkaart",
) -> str:
    """Return the map of ``store`` as one self-contained HTML page.

    Parameters
    ----------
    store
        The store to draw (all named graphs together).
    size_by
        ``'degree'`` or ``'betweenness'`` (of the typed relations): what a node's size shows.
    color_by
        ``'type'``, ``'community'`` or ``'landsdeel'``: the initial colouring (the page can
        switch between them).
    top, focus, depth, region
        Put only part of the graph in the page: the ``top`` largest nodes, the ego network of
        the entity named ``focus`` (any of its names; ``depth`` links deep, co-occurrences
        included), or the entities of one landsdeel (``'Zuidoost'``). The page's own views work
        within that part.
    views
        Named presets for the page's 'Weergaven' list, each ``NAME=STATE`` with a state as in
        the page's URL fragment (see :mod:`beleidsgraaf.viz.viewstate`).

    Raises
    ------
    ConfigError
        For an unknown option value, a focus/region that is not in the store, or a preset the
        graph does not fit.
    """
    if size_by not in SIZE_MEASURES:
        raise ConfigError(f"--size-by: must be one of {', '.join(SIZE_MEASURES)}, not {size_by!r}")
    if color_by not in COLOUR_SCHEMES:
        raise ConfigError(
            f"--color-by: must be one of {', '.join(COLOUR_SCHEMES)}, not {color_by!r}"
        )
    data = load_map_data(store)
    typed = link_graph(data)
    every = link_graph(data, co_occurrence=True)
    sizes = node_sizes(typed, size_by)
    shown = select_view(data, every, sizes, top=top, focus=focus, depth=depth, region=region)
    presets = [parse_preset(text, data) for text in views]
    coords = positions(typed.subgraph(shown))
    groups = communities(typed)
    colours = _colour_schemes(data, groups)
    largest = max((sizes[n] for n in shown), default=0.0)

    nodes = [
        {
            "id": iri,
            "shape": TYPE_STYLES[data.nodes[iri].type].shape,
            "color": colours["type"][0][iri],
            "size": _node_size(sizes[iri], largest),
            "x": round(coords[iri][0], 1),
            "y": round(coords[iri][1], 1),
        }
        for iri in sorted(shown, key=lambda n: (data.nodes[n].label, n))
    ]
    drawn = [(i, link) for i, link in enumerate(data.links) if _both_in(link, shown)]
    payload = {
        "nodes": nodes,
        "edges": [_edge(i, link) for i, link in drawn],
        "options": _options(len(shown)),
        "details": _details(data, typed, every, shown, groups, colours),
        "links": {str(i): _link_details(link, data.documents) for i, link in drawn},
        "conceptLinks": _concept_links(data, shown),
        "documents": {
            iri: {"title": d.title, "file": d.file, "year": d.year}
            for iri, d in data.documents.items()
        },
        "communities": _community_list(data, typed, groups, shown, colours),
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
        "presets": [{"name": name, "state": state} for name, state in presets],
        "settings": {
            "colorBy": color_by,
            "sizeBy": size_by,
            "total": len(data.nodes),
            "view": _view_label(top, focus, depth, region),
            "idBase": ID_BASE,
            "uncertainBelow": UNCERTAIN_BELOW,
            "years": sorted({d.year for d in data.documents.values() if d.year is not None}),
            "confidence": any(link.confidence is not None for _, link in drawn),
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


def _both_in(link: MapLink, shown: set[str]) -> bool:
    return link.source in shown and link.target in shown


def _node_size(value: float, largest: float) -> float:
    """Radius growing with the square root of the measure, so area follows the measure."""
    low, high = NODE_SIZE
    share = math.sqrt(value / largest) if largest > 0 else 0.0
    return round(low + (high - low) * share, 1)


def _options(count: int) -> dict[str, Any]:
    """vis-network options: positions are precomputed (no physics); labels are drawn by the
    page script, so vis gets none."""
    return {
        "autoResize": True,
        "nodes": {"borderWidth": 1},
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
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }


def _edge(i: int, link: MapLink) -> dict[str, Any]:
    style = PREDICATE_STYLES.get(link.predicate, PREDICATE_STYLES["coOccursWith"])
    width = style.width
    colour: dict[str, Any] = dict.fromkeys(("color", "highlight", "hover"), style.colour)
    confidence = link.confidence
    uncertain = confidence is not None and confidence < UNCERTAIN_BELOW
    if uncertain:
        colour["opacity"] = UNCERTAIN_STYLE.opacity
        width = round(width * UNCERTAIN_STYLE.width_factor, 2)
    return {
        "id": i,
        "from": link.source,
        "to": link.target,
        "color": colour,
        "dashes": list(style.dashes) if style.dashes else False,
        "width": width,
        "arrows": {"to": {"enabled": style.arrow}},
        "predicate": link.predicate,
        "uncertain": uncertain,
    }


Legend = list[dict[str, str]]


def _colour_schemes(
    data: MapData, groups: dict[str, int]
) -> dict[str, tuple[dict[str, str], Legend]]:
    """Node colours and legend entries for each colouring the page can switch to."""
    by_type = {iri: TYPE_STYLES[n.type].colour for iri, n in data.nodes.items()}
    type_legend = [{"label": s.label, "colour": s.colour} for s in TYPE_STYLES.values()]

    palette = _community_palette(groups)
    by_community = {iri: palette.get(groups[iri], NO_GROUP_COLOUR) for iri in data.nodes}
    community_legend = [
        {"label": f"Groep {c + 1}", "colour": colour} for c, colour in palette.items()
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


def _community_palette(groups: dict[str, int]) -> dict[int, str]:
    """Colours of the largest communities (more than one member), numbered from 0."""
    sizes = Counter(groups.values())
    big = [c for c in sorted(sizes) if sizes[c] > 1][: len(COMMUNITY_COLOURS)]
    return {c: COMMUNITY_COLOURS[i] for i, c in enumerate(big)}


def _details(
    data: MapData,
    typed: nx.Graph,
    every: nx.Graph,
    shown: set[str],
    groups: dict[str, int],
    colours: dict[str, tuple[dict[str, str], Legend]],
) -> dict[str, dict[str, Any]]:
    """What the side panel, search, views and filters need per node (none of it goes to vis)."""
    palette = _community_palette(groups)
    return {
        iri: {
            "label": node.label,
            "type": node.type,
            "names": node.names,
            "documents": node.documents,
            "landsdelen": node.landsdelen,
            "kinds": node.kinds,
            "registry": node.registry,
            "degree": typed.degree(iri),
            "degreeAll": every.degree(iri),
            "community": groups[iri] + 1 if typed.degree(iri) > 0 else None,
            "colours": {name: scheme[0][iri] for name, scheme in colours.items()},
            "groups": _groups(node, groups[iri], palette),
        }
        for iri, node in data.nodes.items()
        if iri in shown
    }


def _groups(node: MapNode, group: int, palette: dict[int, str]) -> dict[str, str]:
    """The legend entry of ``node`` in each colouring (the legend lists only those on screen)."""
    return {
        "type": TYPE_STYLES[node.type].label,
        "community": f"Groep {group + 1}" if group in palette else "overig",
        "landsdeel": node.landsdelen[0] if node.landsdelen else "geen landsdeel",
    }


def _community_list(
    data: MapData,
    typed: nx.Graph,
    groups: dict[str, int],
    shown: set[str],
    colours: dict[str, tuple[dict[str, str], Legend]],
) -> list[dict[str, Any]]:
    """The communities the page offers as views, largest first, each named by its hubs."""
    members: dict[int, list[str]] = {}
    for iri in shown:
        if typed.degree(iri) > 0:
            members.setdefault(groups[iri], []).append(iri)
    out = []
    for group in sorted(members):
        found = sorted(members[group], key=lambda n: (-typed.degree(n), data.nodes[n].label))
        if len(found) < 2:
            continue
        out.append(
            {
                "id": group + 1,
                "size": len(found),
                "colour": colours["community"][0][found[0]],
                "hubs": [data.nodes[n].label for n in found[:3]],
            }
        )
    return out


def _link_details(link: MapLink, documents: dict[str, Document]) -> dict[str, Any]:
    """A link as the panel and the filters read it; ``support`` gives each statement's year
    (None: undated) and confidence (None: not given), for the time slider and the threshold."""

    def year(doc: str) -> int | None:
        found = documents.get(doc)
        return found.year if found else None

    return {
        "from": link.source,
        "to": link.target,
        "predicate": link.predicate,
        "weight": link.weight,
        "confidence": link.confidence,
        "support": [[year(s.document), s.confidence] for s in link.support],
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
            entry = _link_details(link, data.documents)
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
