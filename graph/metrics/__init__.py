"""Fragmentation ('versnippering') metrics, one module per topic (networkx style).

Every function takes a plain NetworkX graph (or plain mappings) and returns numbers, so it can be
used on any network, not only on beleidsgraaf projections. What NetworkX lacks (Borgatti's F and
DF, key players, Burt's hierarchy, Gould-Fernandez brokerage for undirected networks,
centralization, overlap, concentration, E-I index) is written here and tested against
hand-computed values. The measures of the policy mix (``policymix``: density, size, overlap,
coverage) and the bootstrap (``bootstrap``) are modules of their own, imported by name.
Shortest-path measures sample source nodes above 2,000 nodes (fixed seed; see ``_sampling``).
Metrics that work on arrays take an optional ``adjacency`` (see ``adjacency``): the suite converts
the graph once and passes it to all of them.
"""

from __future__ import annotations

from beleidsgraaf.graph.metrics.adjacency import Adjacency, adjacency
from beleidsgraaf.graph.metrics.brokerage import (
    BROKERAGE_ROLES,
    burt_measures,
    gould_fernandez_brokerage,
)
from beleidsgraaf.graph.metrics.centralization import (
    average_degree,
    betweenness,
    betweenness_centralization,
    degree_centralization,
    density,
)
from beleidsgraaf.graph.metrics.community import louvain_partition, modularity
from beleidsgraaf.graph.metrics.components import component_sizes, isolates_share
from beleidsgraaf.graph.metrics.concentration import (
    herfindahl_hirschman_index,
    initiative_concentration,
    shannon_diversity,
)
from beleidsgraaf.graph.metrics.fragmentation import (
    borgatti_fragmentation,
    distance_weighted_fragmentation,
)
from beleidsgraaf.graph.metrics.keyplayers import key_players
from beleidsgraaf.graph.metrics.mixing import (
    attribute_assortativity,
    ei_index,
    group_ei_index,
    tie_assortativity,
)
from beleidsgraaf.graph.metrics.overlap import (
    coordinated_share,
    initiatives_per_goal,
    mean_jaccard_overlap,
)

__all__ = [
    "BROKERAGE_ROLES",
    "Adjacency",
    "adjacency",
    "attribute_assortativity",
    "average_degree",
    "betweenness",
    "betweenness_centralization",
    "borgatti_fragmentation",
    "burt_measures",
    "component_sizes",
    "coordinated_share",
    "degree_centralization",
    "density",
    "distance_weighted_fragmentation",
    "ei_index",
    "gould_fernandez_brokerage",
    "group_ei_index",
    "herfindahl_hirschman_index",
    "initiative_concentration",
    "initiatives_per_goal",
    "isolates_share",
    "key_players",
    "louvain_partition",
    "mean_jaccard_overlap",
    "modularity",
    "shannon_diversity",
    "tie_assortativity",
]
