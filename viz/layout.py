"""Graph measures the map is drawn with: node size, communities, and the overview's positions.

Everything is computed once in Python on the *whole* graph of typed relations (not the current
view, and not the co-occurrence layer, which is opt-in on the page and would pull unrelated
actors together), so a node keeps its size, colour and place whichever filter shows it.

The overview layout is made to be read at first sight on a wide screen: each connected
component gets its own force-directed layout, turned so its long axis lies horizontal and scaled
to one common link length, and the components are then packed into a rectangle of the canvas'
proportions, largest first. Nodes without any
typed relation are left out of the packing: the page hides them behind a count and, when asked,
shows them on a grid below.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable

import networkx as nx

from beleidsgraaf.graph.metrics import louvain_partition
from beleidsgraaf.viz.mapdata import MapData

__all__ = [
    "ASPECT",
    "BETWEENNESS_SAMPLE_ABOVE",
    "EDGE_LENGTH",
    "SIZE_MEASURES",
    "communities",
    "link_graph",
    "node_sizes",
    "positions",
]

SIZE_MEASURES = ("degree", "betweenness")

BETWEENNESS_SAMPLE_ABOVE = 2000
"""Above this many nodes betweenness is estimated from a fixed-seed sample of 500 sources."""

SEED = 7
"""Fixed seed: the same store always gives the same communities and layout."""

KAMADA_KAWAI_MAX_NODES = 2000
"""Components up to this size get Kamada-Kawai, larger ones Fruchterman-Reingold (see
:func:`positions`)."""

EDGE_LENGTH = 70.0
"""Median link length of the overview, in vis-network canvas units."""

AREA_PER_NODE = 60.0**2
"""Least bounding-box area per node of a large component's layout (canvas units squared)."""

SPREAD_ABOVE = 50
"""Components of more nodes are spread to :data:`AREA_PER_NODE` (small ones, often chains,
keep their link length)."""

ASPECT = 1.6
"""Width over height of the rectangle the components are packed into (a laptop's map area)."""

MAX_STRETCH = 1.3
"""How much the packed layout may be stretched along one axis to reach :data:`ASPECT`."""

CO_OCCURRENCE = "coOccursWith"

Point = tuple[float, float]


def link_graph(data: MapData, *, co_occurrence: bool = False) -> nx.Graph:
    """The undirected simple graph of all nodes and their typed links (and, when asked, the
    'samen genoemd' co-occurrence links)."""
    graph: nx.Graph = nx.Graph()
    graph.add_nodes_from(data.nodes)
    for link in data.links:
        if link.source != link.target and (co_occurrence or link.predicate != CO_OCCURRENCE):
            graph.add_edge(link.source, link.target)
    return graph


def node_sizes(graph: nx.Graph, measure: str) -> dict[str, float]:
    """Size of each node: its degree, or its betweenness centrality (normalised, 0..1)."""
    if measure == "degree":
        return {n: float(d) for n, d in graph.degree()}
    n = graph.number_of_nodes()
    k = 500 if n > BETWEENNESS_SAMPLE_ABOVE else None
    return dict(nx.betweenness_centrality(graph, k=k, seed=SEED))


def communities(graph: nx.Graph) -> dict[str, int]:
    """Community number per node (Louvain, fixed seed), 0 for the largest community.

    Isolated nodes are singletons; the caller decides how many communities get a colour.
    """
    found = louvain_partition(graph, weight=None, seed=SEED)
    return {str(node): i for i, members in enumerate(found) for node in members}


def positions(graph: nx.Graph) -> dict[str, Point]:
    """Overview coordinates (vis-network canvas units) of every node of ``graph``.

    Connected components are laid out one by one and packed into a rectangle of proportions
    :data:`ASPECT`; isolated nodes go on a grid below it.

    Kamada-Kawai (igraph, from a circle, 10 sweeps per node) spreads the hub-and-spoke shapes of
    policy networks evenly: each landsdeel or federation with its members becomes a readable
    star. Fruchterman-Reingold packs those stars into tight balls joined by long links, but is
    the only one fast enough for a very large component (Kamada-Kawai is quadratic: 1 s for
    1,150 nodes, 19 s for 2,000 at igraph's default sweeps).
    """
    parts = sorted(
        (sorted(c) for c in nx.connected_components(graph) if len(c) > 1),
        key=lambda c: (-len(c), c[0]),
    )
    boxes = [_normalised(_component_layout(graph.subgraph(nodes))) for nodes in parts]
    out = _stretched(_pack(boxes))
    bottom = max((y for _, y in out.values()), default=0.0)
    isolated = sorted(n for n in graph if graph.degree(n) == 0)
    left = min((x for x, _ in out.values()), default=0.0)
    width = max((x for x, _ in out.values()), default=0.0) - left
    spacing = EDGE_LENGTH * 1.4
    columns = max(1, int(width // spacing) + 1) if out else math.ceil(math.sqrt(len(isolated)))
    for i, node in enumerate(isolated):
        row, col = divmod(i, columns)
        out[node] = (left + col * spacing, bottom + (row + 1.5) * spacing)
    return out


def _component_layout(graph: nx.Graph) -> dict[str, Point]:
    """Positions of one connected component (seeded, so always the same), scaled so the
    median link is :data:`EDGE_LENGTH` long."""
    nodes = sorted(graph)
    if len(nodes) == 2:
        return {nodes[0]: (0.0, 0.0), nodes[1]: (EDGE_LENGTH, 0.0)}
    import igraph

    index = {node: i for i, node in enumerate(nodes)}
    h = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in graph.edges()])
    state = random.getstate()
    random.seed(SEED)
    try:
        if len(nodes) <= KAMADA_KAWAI_MAX_NODES:
            coords = h.layout_kamada_kawai(maxiter=10 * len(nodes)).coords
        else:
            coords = h.layout_fruchterman_reingold(niter=500, grid=True).coords
    finally:
        random.setstate(state)
    pos = {node: (float(x), float(y)) for node, (x, y) in zip(nodes, coords, strict=True)}
    lengths = sorted(math.dist(pos[a], pos[b]) for a, b in graph.edges())
    median = lengths[len(lengths) // 2] if lengths else 0.0
    factor = EDGE_LENGTH / median if median > 0 else 1.0
    # A large small-world component sits in a disc a few links wide, however many nodes it has:
    # spread it until each node has AREA_PER_NODE, so it gets its share of the canvas.
    x0, y0, x1, y1 = _bounds(pos.values())
    area = (x1 - x0) * (y1 - y0) * factor * factor
    if len(nodes) > SPREAD_ABOVE and 0 < area < AREA_PER_NODE * len(nodes):
        factor *= math.sqrt(AREA_PER_NODE * len(nodes) / area)
    return {node: (x * factor, y * factor) for node, (x, y) in pos.items()}


def _normalised(pos: dict[str, Point]) -> dict[str, Point]:
    """``pos`` centred and turned so its principal axis is horizontal (uses a wide canvas)."""
    n = len(pos)
    cx = sum(x for x, _ in pos.values()) / n
    cy = sum(y for _, y in pos.values()) / n
    sxx = sum((x - cx) ** 2 for x, _ in pos.values())
    syy = sum((y - cy) ** 2 for _, y in pos.values())
    sxy = sum((x - cx) * (y - cy) for x, y in pos.values())
    angle = 0.5 * math.atan2(2 * sxy, sxx - syy)
    cos, sin = math.cos(-angle), math.sin(-angle)
    return {
        node: ((x - cx) * cos - (y - cy) * sin, (x - cx) * sin + (y - cy) * cos)
        for node, (x, y) in pos.items()
    }


def _stretched(pos: dict[str, Point]) -> dict[str, Point]:
    """``pos`` stretched along one axis (at most by :data:`MAX_STRETCH`) towards :data:`ASPECT`,
    so a round main component still fills a wide canvas."""
    if len(pos) < 3:
        return pos
    x0, y0, x1, y1 = _bounds(pos.values())
    if x1 == x0 or y1 == y0:
        return pos
    aspect = (x1 - x0) / (y1 - y0)
    sx = min(ASPECT / aspect, MAX_STRETCH) if aspect < ASPECT else 1.0
    sy = min(aspect / ASPECT, MAX_STRETCH) if aspect > ASPECT else 1.0
    return {node: (x * sx, y * sy) for node, (x, y) in pos.items()}


def _bounds(points: Iterable[Point]) -> tuple[float, float, float, float]:
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def _pack(boxes: list[dict[str, Point]]) -> dict[str, Point]:
    """Place component layouts (largest first) in a rectangle of :data:`ASPECT`.

    Shelf packing with stacking: a row is as high as its first (largest) component; the next
    ones are stacked in columns to its right as long as they fit that height, so a few small
    components sit beside the main one instead of on a long strip below it.
    """
    if not boxes:
        return {}
    gap = EDGE_LENGTH * 0.6
    sizes = []
    for pos in boxes:
        x0, y0, x1, y1 = _bounds(pos.values())
        sizes.append((x1 - x0 + gap, y1 - y0 + gap, x0, y0))
    area = sum(w * h for w, h, _, _ in sizes)
    row_width = max(max(w for w, *_ in sizes), math.sqrt(area * ASPECT))
    out: dict[str, Point] = {}
    row_y = row_height = 0.0
    col_x = col_y = col_width = 0.0
    first = True
    for pos, (w, h, x0, y0) in zip(boxes, sizes, strict=True):
        if first:
            row_height, col_width, first = h, w, False
        elif col_y + h <= row_height and w <= col_width + gap:
            pass  # fits under the previous one in this column
        elif col_x + col_width + w <= row_width:
            col_x, col_y, col_width = col_x + col_width, 0.0, w
        else:
            row_y, row_height = row_y + row_height, h
            col_x, col_y, col_width = 0.0, 0.0, w
        if col_y + h > row_height:
            row_height = col_y + h
        for node, (px, py) in pos.items():
            out[node] = (col_x + px - x0, row_y + col_y + py - y0)
        col_y += h
        col_width = max(col_width, w)
    x0, y0, x1, y1 = _bounds(out.values())
    return {node: (px - (x0 + x1) / 2, py - (y0 + y1) / 2) for node, (px, py) in out.items()}
