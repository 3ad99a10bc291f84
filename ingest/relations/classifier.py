"""The relation classifier: which predicate, if any, a candidate pair states, and how sure.

A multinomial logistic regression over the candidate's feature strings (:mod:`.features`),
trained on the development gold (``beleidsgraaf relations train``), with temperature scaling
(Guo et al. 2017) fitted on held-out documents so that a confidence of 0.8 means about 80 % of
such statements are right. The weights ship as JSON (``model.json``): reading them needs only
NumPy, and a diff of the file shows what training changed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from beleidsgraaf.errors import ConfigError

if TYPE_CHECKING:
    from beleidsgraaf.ingest.relations.rules import Rule

__all__ = ["NONE", "RelationModel", "fit", "fit_temperature", "load_model"]

NONE = "none"
"""The class of a pair that states no relation."""

PRIOR_WEIGHT = 4.0
"""How many training examples a rule's priority counts as, against its measured record."""

MODEL_FILE = "model.json"


@dataclass(slots=True)
class RelationModel:
    """Weights of the classifier: one row per class over the feature vocabulary."""

    classes: list[str]
    vocabulary: dict[str, int]
    coef: np.ndarray
    intercept: np.ndarray
    temperature: float = 1.0
    rules: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per rule id: (right, made) on the training gold, for :meth:`rule_confidence`."""
    methods: dict[str, float] = field(default_factory=dict)
    """Confidence of relations read from structure or names, not from a sentence, keyed
    '<method> <predicate>' ('structure:box locatedIn'): their precision on the training gold,
    smoothed ((right + 1) / (made + 2))."""

    def rule_confidence(self, rule: Rule) -> float:
        """How often ``rule`` is right: its record on the training gold, shrunk towards its
        priority (read as a prior belief) with the weight of :data:`PRIOR_WEIGHT` examples."""
        right, made = self.rules.get(rule.id, (0, 0))
        return (right + PRIOR_WEIGHT * rule.priority / 100) / (made + PRIOR_WEIGHT)

    def scores(self, features: Sequence[Sequence[str]]) -> np.ndarray:
        """Logits, one row per candidate (unknown features are ignored)."""
        z = np.tile(self.intercept, (len(features), 1))
        for row, feats in enumerate(features):
            cols = [self.vocabulary[f] for f in set(feats) if f in self.vocabulary]
            if cols:
                z[row] += self.coef[:, cols].sum(axis=1)
        return z

    def probabilities(self, features: Sequence[Sequence[str]]) -> np.ndarray:
        """Calibrated class probabilities, one row per candidate."""
        return _softmax(self.scores(features) / self.temperature)

    def to_json(self) -> str:
        """The model as JSON: features sorted, weights rounded, zero weights left out."""
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        weights = {
            name: {
                c: round(float(self.coef[k, j]), 4)
                for k, c in enumerate(self.classes)
                if abs(self.coef[k, j]) >= 1e-4
            }
            for j, name in enumerate(names)
        }
        data = {
            "classes": self.classes,
            "temperature": round(self.temperature, 4),
            "intercept": {
                c: round(float(v), 4) for c, v in zip(self.classes, self.intercept, strict=True)
            },
            "rules": {k: list(v) for k, v in sorted(self.rules.items())},
            "methods": {k: round(v, 3) for k, v in sorted(self.methods.items())},
            "weights": {n: w for n, w in sorted(weights.items()) if w},
        }
        return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> RelationModel:
        data = json.loads(text)
        classes = list(data["classes"])
        names = sorted(data["weights"])
        coef = np.zeros((len(classes), len(names)))
        index = {c: k for k, c in enumerate(classes)}
        for j, name in enumerate(names):
            for c, w in data["weights"][name].items():
                coef[index[c], j] = w
        intercept = np.array([data["intercept"][c] for c in classes])
        return cls(
            classes,
            {n: j for j, n in enumerate(names)},
            coef,
            intercept,
            float(data.get("temperature", 1.0)),
            {str(k): (int(v[0]), int(v[1])) for k, v in data.get("rules", {}).items()},
            {str(k): float(v) for k, v in data.get("methods", {}).items()},
        )


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit(features: Sequence[Sequence[str]], labels: Sequence[str], c: float = 1.0) -> RelationModel:
    """Train on candidate features and their gold labels (``NONE`` for no relation)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(f, 1) for f in features])
    classes = sorted(set(labels) | {NONE})
    model = LogisticRegression(C=c, max_iter=2000, class_weight=None)
    model.fit(x, list(labels))
    coef = np.zeros((len(classes), x.shape[1]))
    intercept = np.full(len(classes), -10.0)
    fitted = list(model.classes_)
    if len(fitted) == 2:  # scikit-learn keeps one row for two classes
        coef[classes.index(fitted[1])] = model.coef_[0]
        intercept[classes.index(fitted[1])] = model.intercept_[0]
        intercept[classes.index(fitted[0])] = 0.0
    else:
        for k, cls in enumerate(fitted):
            coef[classes.index(cls)] = model.coef_[k]
            intercept[classes.index(cls)] = model.intercept_[k]
    return RelationModel(classes, dict(vectorizer.vocabulary_), coef, intercept)


def fit_temperature(
    model: RelationModel, features: Sequence[Sequence[str]], labels: Sequence[str]
) -> float:
    """The temperature that minimises the negative log-likelihood of held-out ``labels``."""
    from scipy.optimize import minimize_scalar

    if not labels:
        return 1.0
    z = model.scores(features)
    target = np.array([model.classes.index(lab) if lab in model.classes else 0 for lab in labels])

    def nll(t: float) -> float:
        p = _softmax(z / t)
        return float(-np.log(p[np.arange(len(target)), target] + 1e-12).mean())

    return float(minimize_scalar(nll, bounds=(0.2, 10.0), method="bounded").x)


def model_path() -> Path:
    return Path(str(files("beleidsgraaf.ingest.relations") / MODEL_FILE))


@cache
def load_model() -> RelationModel | None:
    """The shipped model, or None before one was trained."""
    path = model_path()
    if not path.exists():
        return None
    try:
        return RelationModel.from_json(path.read_text(encoding="utf-8"))
    except (ValueError, KeyError) as exc:
        raise ConfigError(f"{path}: not a relation model: {exc}") from exc
