"""Duplication and overlap: are many initiatives doing the same thing, with the same people?

Versnippering in the evaluators' sense is also duplicated effort: several initiatives per goal in
one landsdeel, run by largely the same actors, without a coordinating body.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Mapping

import numpy as np
from scipy import sparse

__all__ = ["coordinated_share", "initiatives_per_goal", "mean_jaccard_overlap"]


def initiatives_per_goal(
    goals: Mapping[Hashable, Iterable[Hashable]],
    groups: Mapping[Hashable, Iterable[Hashable]],
) -> dict[Hashable, dict[Hashable, int]]:
    """Number of initiatives per goal per group (landsdeel).

    Definition: for goal g and group r, ``|{i : g ∈ goals(i) and r ∈ groups(i)}|``. An
    initiative counts once for every goal it addresses and every group it belongs to.

    Range: counts ≥ 0; several initiatives for one goal in one landsdeel (without a coordinating
    body) suggest duplication.

    Examples
    --------
    >>> initiatives_per_goal({"a": ["kiezen"], "b": ["kiezen", "leren"]}, {"a": ["N"], "b": ["N"]})
    {'kiezen': {'N': 2}, 'leren': {'N': 1}}

    References
    ----------
    .. [1] SEO Economisch Onderzoek & Technopolis (2020). *Evaluatie en advies Techniekpact*,
       chapter 3 (the count per landsdeel and action line this reproduces from the graph).
    """
    counts: dict[Hashable, Counter[Hashable]] = {}
    for initiative, targets in goals.items():
        regions = list(groups.get(initiative, ()))
        for goal in targets:
            counter = counts.setdefault(goal, Counter())
            counter.update(regions)
    return {
        goal: dict(sorted(c.items(), key=lambda kv: str(kv[0])))
        for goal, c in sorted(counts.items(), key=lambda kv: str(kv[0]))
    }


def mean_jaccard_overlap(actor_sets: Mapping[Hashable, Collection[Hashable]]) -> float:
    r"""Mean Jaccard overlap of the actor sets of initiatives that share at least one actor.

    .. math:: J(i, j) = \frac{|A_i \cap A_j|}{|A_i \cup A_j|}

    averaged over the unordered pairs {i, j} with :math:`A_i \cap A_j \ne \emptyset`. Pairs that
    share nobody are left out, or the mean would only reflect how many initiatives there are.

    Range [0, 1]; higher = overlapping initiatives are run by the same actors (duplicated
    effort). 0 when no two initiatives share an actor. Computed as a sparse product, so
    thousands of initiatives are fine.

    Examples
    --------
    {x, y} and {y, z} share one of three actors; {q} shares nobody.

    >>> round(mean_jaccard_overlap({"a": {"x", "y"}, "b": {"y", "z"}, "c": {"q"}}), 4)
    0.3333

    References
    ----------
    .. [1] Jaccard, P. (1912). The distribution of the flora in the alpine zone.
       *New Phytologist* 11(2), 37-50.
    """
    keys = [k for k, v in actor_sets.items() if v]
    if len(keys) < 2:
        return 0.0
    actor_index: dict[Hashable, int] = {}
    rows, cols = [], []
    for r, key in enumerate(keys):
        for actor in set(actor_sets[key]):
            rows.append(r)
            cols.append(actor_index.setdefault(actor, len(actor_index)))
    incidence = sparse.csr_array(
        (np.ones(len(rows)), (rows, cols)), shape=(len(keys), len(actor_index))
    )
    shared = sparse.triu(incidence @ incidence.T, k=1).tocoo()
    if shared.nnz == 0:
        return 0.0
    sizes = np.asarray(incidence.sum(axis=1)).ravel()
    union = sizes[shared.row] + sizes[shared.col] - shared.data
    return float(np.mean(shared.data / union))


def coordinated_share(
    initiatives: Collection[Hashable], coordinated: Collection[Hashable]
) -> float:
    """Share of initiatives linked to a coordinating body.

    Definition: ``|initiatives ∩ coordinated| / |initiatives|``, where an initiative is
    *coordinated* when some actor ``coordinates`` it or it is ``partOf`` an initiative that is
    (the caller decides; see ``graph.versnippering``).

    Range [0, 1]; lower = more initiatives stand on their own (more fragmented). 0 without
    initiatives.

    Examples
    --------
    >>> coordinated_share({"a", "b", "c", "d"}, {"a"})
    0.25

    References
    ----------
    .. [1] SEO Economisch Onderzoek & Technopolis (2020). *Evaluatie en advies Techniekpact*,
       chapter 3.
    """
    if not initiatives:
        return 0.0
    coordinated = set(coordinated)
    return sum(1 for i in initiatives if i in coordinated) / len(initiatives)
