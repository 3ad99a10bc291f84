"""Key players, overlap and concentration on hand-made inputs with known answers."""

from __future__ import annotations

import networkx as nx
import pytest

from beleidsgraaf.graph.metrics import (
    coordinated_share,
    distance_weighted_fragmentation,
    herfindahl_hirschman_index,
    initiative_concentration,
    initiatives_per_goal,
    key_players,
    mean_jaccard_overlap,
)


def test_star_centre_is_the_key_player() -> None:
    G = nx.star_graph(6)
    players = key_players(G, 2)
    assert players[0] == (0, 1.0)  # without its centre a star is only isolates
    assert len(players) == 2


def test_bridges_are_found_greedily_and_scores_match_df() -> None:
    # Three 4-cliques in a chain, joined through bridge nodes "x" and "y" (each tied to two
    # members on either side, so only x and y are cut-points).
    G = nx.Graph()
    for name in "ABC":
        G.add_edges_from((f"{name}{i}", f"{name}{j}") for i in range(4) for j in range(i + 1, 4))
    G.add_edges_from([("x", v) for v in ("A0", "A1", "B0", "B1")])
    G.add_edges_from([("y", v) for v in ("B2", "B3", "C0", "C1")])
    players = key_players(G, 2)
    assert {v for v, _ in players} == {"x", "y"}
    H = G.copy()
    H.remove_nodes_from(["x", "y"])
    assert players[-1][1] == pytest.approx(distance_weighted_fragmentation(H))
    assert players[0][1] <= players[1][1]


def test_key_players_sampled_above_the_exact_limit_still_find_the_bridge() -> None:
    left = nx.connected_watts_strogatz_graph(300, 6, 0.1, seed=1)
    right = nx.relabel_nodes(
        nx.connected_watts_strogatz_graph(300, 6, 0.1, seed=2), lambda i: i + 1000
    )
    G = nx.union(left, right)
    G.add_edges_from(("bridge", v) for v in (0, 1, 2, 1000, 1001, 1002))
    (first, df), *_ = key_players(G, 1)
    assert first == "bridge"
    assert 0.0 < df <= 1.0


def test_key_players_of_tiny_graphs() -> None:
    assert key_players(nx.path_graph(2), 3) == []
    assert key_players(nx.empty_graph(5), 2) == []


def test_jaccard_overlap() -> None:
    sets = {"p1": {"a", "b"}, "p2": {"b", "c"}, "p3": {"a", "b"}, "p4": {"z"}, "p5": set()}
    # Overlapping pairs: p1-p2 1/3, p1-p3 1, p2-p3 1/3.
    assert mean_jaccard_overlap(sets) == pytest.approx((1 / 3 + 1 + 1 / 3) / 3)
    assert mean_jaccard_overlap({"p1": {"a"}, "p2": {"b"}}) == 0.0
    assert mean_jaccard_overlap({}) == 0.0


def test_initiatives_per_goal_and_coordinated_share() -> None:
    goals = {"i1": ["kiezen"], "i2": ["kiezen", "werken"], "i3": ["kiezen"]}
    groups = {"i1": ["Noord"], "i2": ["Noord"], "i3": ["Oost", "Noord"]}
    assert initiatives_per_goal(goals, groups) == {
        "kiezen": {"Noord": 3, "Oost": 1},
        "werken": {"Noord": 1},
    }
    assert coordinated_share(["i1", "i2", "i3"], {"i2", "elsewhere"}) == pytest.approx(1 / 3)
    assert coordinated_share([], {"i1"}) == 0.0


def test_hhi() -> None:
    assert herfindahl_hirschman_index([5]) == 1.0
    assert herfindahl_hirschman_index([1] * 8) == pytest.approx(1 / 8)
    assert herfindahl_hirschman_index([2, 1, 1]) == pytest.approx(0.25 + 0.0625 + 0.0625)
    assert herfindahl_hirschman_index([0, 0]) == 0.0
    B = nx.Graph([("o1", "p1"), ("o1", "p2"), ("o1", "p3"), ("o2", "p3")])
    assert initiative_concentration(B, ["o1", "o2", "not-there"]) == pytest.approx(
        (3 / 4) ** 2 + (1 / 4) ** 2
    )


def test_precomputed_betweenness_gives_the_same_key_players() -> None:
    from beleidsgraaf.graph.metrics import betweenness

    G = nx.connected_watts_strogatz_graph(200, 4, 0.1, seed=9)
    assert key_players(G, 3, scores=betweenness(G)) == key_players(G, 3)
