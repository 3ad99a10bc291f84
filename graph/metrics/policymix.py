"""Measures of the initiatives themselves: how many, how small, how much they overlap, whether a
regional body holds them together, and which goals the mix of instruments covers.

The network measures ask whether actors can reach each other. Evaluators of a policy mix also ask
about the initiatives: are there many small initiatives run by one party each (policy density and
size), do several initiatives address the same goal with the same parties (overlap), is anyone at
landsdeel level coordinating them, and does every goal have instruments and every instrument a
goal (coverage, after Rogge & Reichardt's comprehensiveness of a policy mix). Every function takes
plain mappings (initiative -> its actors, goals or kind), so it works on any data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Mapping
from statistics import median

import numpy as np
from scipy import sparse

__all__ = [
    "SIZE_BINS",
    "coverage_matrix",
    "goals_without_instrument",
    "mean_initiative_size",
    "median_initiative_size",
    "policy_density",
    "shared_pair_share",
    "single_actor_share",
    "size_histogram",
    "without_goal_share",
]

SIZE_BINS: tuple[tuple[str, int, int | None], ...] = (
    ("0", 0, 0),
    ("1", 1, 1),
    ("2", 2, 2),
    ("3-5", 3, 5),
    ("6+", 6, None),
)
"""Bins of :func:`size_histogram`: (label, smallest, largest or None for no limit)."""


def policy_density(initiatives: Iterable[Hashable]) -> int:
    """Policy density: the number of distinct initiatives (programmes and interventions).

    .. math:: D = |I|

    Range ≥ 0; higher = more initiatives for the same area or goal, which in the versnippering
    debate means more separate efforts to coordinate (it is not in itself bad: read it with the
    size and overlap measures).

    Examples
    --------
    >>> policy_density(["Bètapact", "Gastles", "Bètapact"])
    2

    References
    ----------
    .. [1] Knill, C., Schulze, K. & Tosun, J. (2012). Regulatory policy outputs and impacts:
       exploring a complex relationship. *Regulation & Governance* 6(4), 427-444 (policy
       density as the number of policies).
    .. [2] Flanagan, K., Uyarra, E. & Laranja, M. (2011). Reconceptualising the 'policy mix' for
       innovation. *Research Policy* 40(5), 702-713.
    """
    return len(set(initiatives))


def _known(actor_sets: Mapping[Hashable, Collection[Hashable]]) -> list[int]:
    return [len(set(a)) for a in actor_sets.values() if a]


def mean_initiative_size(actor_sets: Mapping[Hashable, Collection[Hashable]]) -> float:
    r"""Mean number of actors per initiative, over the initiatives with at least one known actor.

    .. math:: \bar{s} = \frac{1}{|I_+|} \sum_{i \in I_+} |A_i|, \qquad
              I_+ = \{i : |A_i| \ge 1\}

    Initiatives without any known actor are left out: the documents name them without saying who
    runs them, which says nothing about their size (:func:`size_histogram` counts them).

    Range [1, ∞), NaN without initiatives with a known actor; lower = smaller, more separate
    initiatives (more fragmented).

    Examples
    --------
    >>> mean_initiative_size({"a": {"x"}, "b": {"x", "y", "z"}, "c": set()})
    2.0

    References
    ----------
    .. [1] Flanagan, K., Uyarra, E. & Laranja, M. (2011). Reconceptualising the 'policy mix' for
       innovation. *Research Policy* 40(5), 702-713.
    """
    sizes = _known(actor_sets)
    return float(np.mean(sizes)) if sizes else float("nan")


def median_initiative_size(actor_sets: Mapping[Hashable, Collection[Hashable]]) -> float:
    """Median number of actors per initiative with at least one known actor (robust to one big
    programme); see :func:`mean_initiative_size`.

    Range [1, ∞), NaN without initiatives with a known actor; lower = smaller initiatives.

    Examples
    --------
    >>> median_initiative_size({"a": {"x"}, "b": {"x"}, "c": {"x", "y", "z", "q"}})
    1.0

    References
    ----------
    .. [1] Flanagan, K., Uyarra, E. & Laranja, M. (2011). Reconceptualising the 'policy mix' for
       innovation. *Research Policy* 40(5), 702-713.
    """
    sizes = _known(actor_sets)
    return float(median(sizes)) if sizes else float("nan")


def single_actor_share(actor_sets: Mapping[Hashable, Collection[Hashable]]) -> float:
    r"""Share of initiatives run by exactly one actor, among those with at least one known actor.

    .. math:: S_1 = \frac{|\{i : |A_i| = 1\}|}{|\{i : |A_i| \ge 1\}|}

    Range [0, 1], NaN without initiatives with a known actor; higher = more initiatives that one
    party runs on its own (more fragmented).

    Examples
    --------
    >>> single_actor_share({"a": {"x"}, "b": {"y"}, "c": {"x", "y"}, "d": set()})
    0.6666666666666666

    References
    ----------
    .. [1] Flanagan, K., Uyarra, E. & Laranja, M. (2011). Reconceptualising the 'policy mix' for
       innovation. *Research Policy* 40(5), 702-713 (many actors with their own instruments).
    """
    sizes = _known(actor_sets)
    return sum(1 for s in sizes if s == 1) / len(sizes) if sizes else float("nan")


def size_histogram(actor_sets: Mapping[Hashable, Collection[Hashable]]) -> dict[str, int]:
    """How many initiatives have 0, 1, 2, 3-5 and 6 or more known actors (:data:`SIZE_BINS`).

    Range: counts ≥ 0 that add up to the number of initiatives. The '0' bin counts initiatives
    the documents name without an actor: a coverage figure, not a size.

    Examples
    --------
    >>> size_histogram({"a": {"x"}, "b": set(), "c": {"x", "y", "z"}})
    {'0': 1, '1': 1, '2': 0, '3-5': 1, '6+': 0}

    References
    ----------
    .. [1] Flanagan, K., Uyarra, E. & Laranja, M. (2011). Reconceptualising the 'policy mix' for
       innovation. *Research Policy* 40(5), 702-713.
    """
    out = {label: 0 for label, _, _ in SIZE_BINS}
    for actors in actor_sets.values():
        size = len(set(actors))
        for label, low, high in SIZE_BINS:
            if size >= low and (high is None or size <= high):
                out[label] += 1
                break
    return out


def shared_pair_share(sets: Mapping[Hashable, Collection[Hashable]]) -> float:
    r"""Share of pairs of initiatives that share at least one element (an actor, a goal).

    .. math:: O = \frac{|\{\{i, j\} : X_i \cap X_j \ne \emptyset\}|}{\binom{m}{2}}

    over the m initiatives with a non-empty set (an initiative whose actors or goals are unknown
    can share nothing, and would only dilute the share). With actor sets it measures overlap in
    who runs the initiatives; with goal sets, initiatives pursuing the same goal. Computed as a
    sparse product, so thousands of initiatives are fine.

    Range [0, 1], NaN with fewer than two such initiatives; higher = more overlap (possible
    duplication, or a closely knit mix: read it with :func:`single_actor_share`).

    Examples
    --------
    Three initiatives, one pair shares actor y:

    >>> shared_pair_share({"a": {"x", "y"}, "b": {"y"}, "c": {"z"}, "d": set()})
    0.3333333333333333

    References
    ----------
    .. [1] Flanagan, K., Uyarra, E. & Laranja, M. (2011). Reconceptualising the 'policy mix' for
       innovation. *Research Policy* 40(5), 702-713 (interactions between instruments).
    .. [2] Rogge, K. S. & Reichardt, K. (2016). Policy mixes for sustainability transitions: an
       extended concept and framework for analysis. *Research Policy* 45(8), 1620-1635.
    """
    matrix = pair_matrix(sets)
    m = matrix.shape[0]
    if m < 2:
        return float("nan")
    return float(matrix.sum()) / (m * (m - 1))


def pair_matrix(sets: Mapping[Hashable, Collection[Hashable]]) -> sparse.csr_array:
    """Symmetric 0/1 matrix over the initiatives with a non-empty set (in mapping order): 1 where
    two different initiatives share an element. Used by :func:`shared_pair_share` and by the
    bootstrap, which reweights the pairs."""
    keys = [k for k, v in sets.items() if v]
    index: dict[Hashable, int] = {}
    rows, cols = [], []
    for r, key in enumerate(keys):
        for element in set(sets[key]):
            rows.append(r)
            cols.append(index.setdefault(element, len(index)))
    incidence = sparse.csr_array((np.ones(len(rows)), (rows, cols)), shape=(len(keys), len(index)))
    shared = (incidence @ incidence.T).tocsr()
    shared.setdiag(0)
    shared.eliminate_zeros()
    shared.data[:] = 1.0
    return shared


def coverage_matrix(
    goals_of: Mapping[Hashable, Collection[Hashable]],
    kind_of: Mapping[Hashable, Hashable | None],
    goals: Iterable[Hashable],
    *,
    no_goal: Hashable = "(geen doel / no goal)",
    no_kind: Hashable = "(soort onbekend / kind unknown)",
) -> dict[Hashable, dict[Hashable, int]]:
    r"""Goal × instrument-kind matrix: how many initiatives of each kind address each goal.

    .. math:: M_{g,k} = |\{i : g \in G_i,\ \kappa(i) = k\}|

    Rows are every goal in ``goals`` (also those nobody addresses: those are the gaps) plus a row
    ``no_goal`` for initiatives that address none; columns are the instrument kinds that occur,
    plus ``no_kind`` for initiatives whose kind is unknown. An initiative counts once in every
    row of a goal it addresses.

    Range: counts ≥ 0. An empty goal row is a goal with no instrument; a full ``no_goal`` row is
    a set of instruments with no stated goal (see :func:`goals_without_instrument`,
    :func:`without_goal_share`).

    Examples
    --------
    >>> m = coverage_matrix({"a": ["kiezen"], "b": [], "c": ["kiezen"]},
    ...                     {"a": "fonds", "b": "fonds", "c": None}, ["kiezen", "werken"],
    ...                     no_goal="-", no_kind="?")
    >>> m
    {'kiezen': {'fonds': 1, '?': 1}, 'werken': {'fonds': 0, '?': 0}, '-': {'fonds': 1, '?': 0}}

    References
    ----------
    .. [1] Rogge, K. S. & Reichardt, K. (2016). Policy mixes for sustainability transitions: an
       extended concept and framework for analysis. *Research Policy* 45(8), 1620-1635
       (comprehensiveness: every goal addressed by instruments).
    """
    kinds = sorted({k for k in kind_of.values() if k is not None}, key=str)
    if any(kind_of.get(i) is None for i in goals_of):
        kinds.append(no_kind)
    rows = [*dict.fromkeys(goals), no_goal]
    out: dict[Hashable, dict[Hashable, int]] = {g: dict.fromkeys(kinds, 0) for g in rows}
    for initiative, targets in goals_of.items():
        kind = kind_of.get(initiative)
        column = no_kind if kind is None else kind
        for goal in set(targets) or {no_goal}:
            out.setdefault(goal, dict.fromkeys(kinds, 0))[column] += 1
    return out


def goals_without_instrument(
    goals_of: Mapping[Hashable, Collection[Hashable]], goals: Iterable[Hashable]
) -> list[Hashable]:
    r"""The goals in ``goals`` that no initiative addresses: gaps in the policy mix.

    .. math:: \{g : \nexists i,\ g \in G_i\}

    Range: a list of 0 to |goals| goals; longer = a less comprehensive mix.

    Examples
    --------
    >>> goals_without_instrument({"a": ["kiezen"], "b": []}, ["kiezen", "leren", "werken"])
    ['leren', 'werken']

    References
    ----------
    .. [1] Rogge, K. S. & Reichardt, K. (2016). Policy mixes for sustainability transitions: an
       extended concept and framework for analysis. *Research Policy* 45(8), 1620-1635.
    """
    addressed = Counter(g for targets in goals_of.values() for g in set(targets))
    return [g for g in dict.fromkeys(goals) if not addressed[g]]


def without_goal_share(goals_of: Mapping[Hashable, Collection[Hashable]]) -> float:
    r"""Share of initiatives (instruments) that address no goal.

    .. math:: W = \frac{|\{i : G_i = \emptyset\}|}{|I|}

    Range [0, 1], NaN without initiatives; higher = more instruments whose goal the documents do
    not state (less coherent, or less well documented: read it as both).

    Examples
    --------
    >>> without_goal_share({"a": ["kiezen"], "b": [], "c": [], "d": ["leren"]})
    0.5

    References
    ----------
    .. [1] Rogge, K. S. & Reichardt, K. (2016). Policy mixes for sustainability transitions: an
       extended concept and framework for analysis. *Research Policy* 45(8), 1620-1635.
    """
    if not goals_of:
        return float("nan")
    return sum(1 for targets in goals_of.values() if not targets) / len(goals_of)
