"""Uncertainty: bootstrap intervals for network and initiative figures, and rank agreement.

A figure measured on a few dozen actors or initiatives could easily have come out differently
with a few other documents. The bootstrap (Efron & Tibshirani 1993) redraws the units a figure is
computed over, with replacement, and reads the spread of the recomputed figure:

- initiatives (with their actors, goals, kind and coordination) for the figures of the policy
  mix; a pair of copies of one initiative is no pair (:func:`pair_share_of_sample`);
- actors for the figures of the actor network, by the vertex bootstrap after Snijders & Borgatti
  (1999): the drawn actors keep the ties between their originals, and two copies of one actor are
  tied with the network's density (:func:`vertex_resample`); these get a standard-normal interval
  around the figure (:func:`normal_interval`), as Snijders & Borgatti give standard errors;
- ties for the E-I index and assortativity, which are means over ties.

Why not redraw statements: a tie exists when at least one statement states it, and n statements
drawn with replacement hold only about 1 - 1/e ≈ 63 % of the distinct ones, so every redrawn
network would be sparser than the one observed and the intervals would lie beside the figure.
How much the figures depend on weak statements is the sensitivity check's question instead
(``graph.versnippering``). Every function takes a seeded ``numpy.random.Generator``.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence

import numpy as np
from scipy import sparse, stats

__all__ = [
    "normal_interval",
    "pair_share_of_sample",
    "percentile_interval",
    "rank_agreement",
    "resample_counts",
    "vertex_resample",
]


def resample_counts(n: int, rng: np.random.Generator) -> np.ndarray:
    """How often each of ``n`` units is drawn in one bootstrap sample of size ``n``.

    Range: integer counts ≥ 0 that add up to ``n``; every unit is drawn once on average.

    Examples
    --------
    >>> counts = resample_counts(5, np.random.default_rng(0))
    >>> int(counts.sum()), len(counts)
    (5, 5)

    References
    ----------
    .. [1] Efron, B. & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman &
       Hall, ch. 6.
    """
    return np.bincount(rng.integers(0, n, size=n), minlength=n) if n else np.zeros(0, int)


def percentile_interval(
    values: Sequence[float] | np.ndarray, level: float = 0.95
) -> tuple[float, float] | None:
    r"""The percentile bootstrap interval of the recomputed figures.

    .. math:: [\hat\theta^*_{(\alpha/2)},\ \hat\theta^*_{(1-\alpha/2)}], \qquad \alpha = 1 - level

    Undefined recomputations (NaN) are left out; ``None`` when fewer than half of them are
    defined, since the interval would then describe a different question.

    Range: an interval inside the range of the figure.

    Examples
    --------
    >>> [round(x, 6) for x in percentile_interval(np.arange(101.0), level=0.9)]
    [5.0, 95.0]
    >>> percentile_interval([float("nan")] * 3 + [1.0]) is None
    True

    References
    ----------
    .. [1] Efron, B. & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman &
       Hall, ch. 13.
    """
    data = np.asarray(values, dtype=float)
    defined = data[~np.isnan(data)]
    if len(defined) == 0 or len(defined) * 2 < len(data):
        return None
    alpha = (1.0 - level) / 2.0
    low, high = np.quantile(defined, [alpha, 1.0 - alpha])
    return float(low), float(high)


def normal_interval(
    values: Sequence[float] | np.ndarray,
    estimate: float,
    level: float = 0.95,
    bounds: tuple[float, float] = (-np.inf, np.inf),
) -> tuple[float, float] | None:
    r"""The standard-normal bootstrap interval around the figure, clipped to its range.

    .. math:: \hat\theta \pm z_{1-\alpha/2}\, \widehat{se}^*, \qquad \alpha = 1 - level

    with :math:`\widehat{se}^*` the standard deviation of the recomputed figures. Used for the
    network figures of the vertex bootstrap, which Snijders & Borgatti give as standard errors:
    resampling actors can shift a connectivity figure (a star whose centre is not drawn falls
    apart), so a percentile interval may miss the figure itself; this one is centred on it.
    ``None`` as for :func:`percentile_interval`.

    Range: an interval around ``estimate`` inside ``bounds``.

    Examples
    --------
    >>> normal_interval([0.4, 0.5, 0.6], 0.5, level=0.95)   # 0.5 ± 1.96 × sd 0.1
    (0.304004, 0.695996)
    >>> normal_interval([0.9, 1.0, 1.0, 1.0], 0.95, bounds=(0.0, 1.0))[1]
    1.0

    References
    ----------
    .. [1] Efron, B. & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman &
       Hall, ch. 12-13.
    .. [2] Snijders, T. A. B. & Borgatti, S. P. (1999). Non-parametric standard errors and tests
       for network statistics. *Connections* 22(2).
    """
    data = np.asarray(values, dtype=float)
    defined = data[~np.isnan(data)]
    if len(defined) < 2 or len(defined) * 2 < len(data) or math.isnan(estimate):
        return None
    half = float(stats.norm.ppf(0.5 + level / 2.0)) * float(np.std(defined, ddof=1))
    low, high = max(bounds[0], estimate - half), min(bounds[1], estimate + half)
    return round(low, 6), round(high, 6)


def vertex_resample(pattern: sparse.csr_array, rng: np.random.Generator) -> sparse.csr_array:
    r"""One vertex-bootstrap sample of an undirected network (after Snijders & Borgatti 1999).

    Draw n nodes with replacement; node positions a and b are tied when their originals are
    tied, and two copies of the same original are tied with probability equal to the density
    :math:`\rho = 2m / n(n-1)` (the original has no tie with itself to copy), so a sample has
    the network's density on average.

    Range: a symmetric 0/1 matrix of the same size, without self-loops.

    Examples
    --------
    A complete graph stays complete (its density is 1):

    >>> K = sparse.csr_array(np.ones((4, 4)) - np.eye(4))
    >>> int(vertex_resample(K, np.random.default_rng(1)).sum())
    12

    References
    ----------
    .. [1] Snijders, T. A. B. & Borgatti, S. P. (1999). Non-parametric standard errors and tests
       for network statistics. *Connections* 22(2).
    """
    n = pattern.shape[0]
    if n < 2:
        return sparse.csr_array((n, n))
    drawn = rng.integers(0, n, size=n)
    sample = sparse.csr_array(pattern[drawn][:, drawn])
    density = pattern.nnz / (n * (n - 1))
    # pairs of positions that copy one original: (position x original) times its transpose
    copies = sparse.csr_array((np.ones(n), (np.arange(n), drawn)), shape=(n, n))
    twins = sparse.triu(copies @ copies.T, k=1).tocoo()
    tied = rng.random(twins.nnz) < density
    if tied.any():
        rows, cols = twins.row[tied], twins.col[tied]
        extra = sparse.csr_array((np.ones(len(rows)), (rows, cols)), shape=(n, n))
        sample = sample + extra + extra.T
    sample = sparse.csr_array(sample)  # the pattern has no self-loops, nor do the twins
    sample.data[:] = 1.0
    return sample


def pair_share_of_sample(pairs: sparse.csr_array, counts: np.ndarray) -> float:
    r"""A share over pairs of units (initiatives sharing an actor, a goal) in a bootstrap sample.

    .. math:: O^* = \frac{w^\top P w}{(\sum_i w_i)^2 - \sum_i w_i^2}

    with :math:`w_i` how often unit i was drawn and P the 0/1 pair matrix (zero diagonal): the
    share over pairs of drawn units with different originals, so a pair of copies of one
    initiative (which trivially shares everything) does not count.

    Range [0, 1], NaN with fewer than two different units drawn.

    Examples
    --------
    Three units, one pair (0, 1) shares; drawing each once gives 1 of 3 pairs:

    >>> P = sparse.csr_array(np.array([[0, 1, 0], [1, 0, 0], [0, 0, 0]], dtype=float))
    >>> pair_share_of_sample(P, np.array([1, 1, 1]))
    0.3333333333333333

    References
    ----------
    .. [1] Snijders, T. A. B. & Borgatti, S. P. (1999). Non-parametric standard errors and tests
       for network statistics. *Connections* 22(2).
    """
    w = np.asarray(counts, dtype=float)
    total = w.sum() ** 2 - (w * w).sum()
    if total <= 0:
        return float("nan")
    return float(w @ (pairs @ w) / total)


def rank_agreement(
    first: Mapping[Hashable, float | None], second: Mapping[Hashable, float | None]
) -> float:
    """Kendall's rank correlation (tau-b, ties allowed) of two sets of group figures.

    Compares the groups that have a figure in both. Range [-1, 1], NaN with fewer than two such
    groups or when one side gives every group the same figure; 1 = the same order.

    Examples
    --------
    >>> rank_agreement({"N": 0.9, "O": 0.5, "Z": 0.1}, {"N": 0.8, "O": 0.6, "Z": 0.2})
    1.0
    >>> rank_agreement({"N": 0.9, "O": 0.5, "Z": 0.1}, {"N": 0.1, "O": 0.6, "Z": 0.8})
    -1.0

    References
    ----------
    .. [1] Kendall, M. G. (1938). A new measure of rank correlation. *Biometrika* 30(1/2),
       81-93.
    """
    common = [k for k in first if first[k] is not None and second.get(k) is not None]
    if len(common) < 2:
        return float("nan")
    x = [float(first[k]) for k in common]  # type: ignore[arg-type]
    y = [float(second[k]) for k in common]  # type: ignore[arg-type]
    if len(set(x)) < 2 or len(set(y)) < 2:
        return float("nan")
    return float(stats.kendalltau(x, y).statistic)
