"""From entities in a parsed sentence to typed relations with a confidence.

:func:`sentence_candidates` pairs the entities of a sentence whose types fit a predicate and
records which rules fire for each pair; :func:`decide` asks the classifier which predicate each
pair states and keeps those it believes at least ``threshold``. Without a trained classifier the
rules decide alone, each with the confidence its priority gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import permutations
from typing import TYPE_CHECKING

from beleidsgraaf.ingest.relations.classifier import NONE, RelationModel, load_model
from beleidsgraaf.ingest.relations.features import Candidate, pair_features
from beleidsgraaf.ingest.relations.rules import Arg, RuleSet, rule_set
from beleidsgraaf.records import Relation

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = [
    "DEFAULT_THRESHOLD",
    "EMIT_FLOOR",
    "Decision",
    "decide",
    "method_confidence",
    "sentence_candidates",
]

DEFAULT_THRESHOLD = 0.5
"""Statements the classifier believes less than this are not made."""

EMIT_FLOOR = 0.2
"""Extraction keeps relations down to this confidence, so that ``build --min-confidence`` (and
the queries and the map, which read ``bg:confidence``) can choose their own threshold above it."""


@dataclass(frozen=True, slots=True)
class Decision:
    """A candidate the classifier relates: its predicate, confidence and the rule behind it."""

    candidate: Candidate
    predicate: str
    confidence: float
    method: str


def _signature_pairs(rules: RuleSet) -> dict[tuple[str, str], set[str]]:
    allowed: dict[tuple[str, str], set[str]] = {}
    for rule in rules.rules:
        for pair in rule.types:
            allowed.setdefault(pair, set()).add(rule.predicate)
    return allowed


def sentence_candidates(
    sent: Span, args: Sequence[Arg], source: str = "sentence", rules: RuleSet | None = None
) -> list[Candidate]:
    """Every ordered pair of ``args`` whose types fit a predicate, with its rule matches."""
    rules = rules or rule_set()
    distinct = {a.iri: a for a in args}
    if len(distinct) < 2:
        return []
    allowed = _signature_pairs(rules)
    matches = rules.matches(sent, args)
    by_pair: dict[tuple[str, str], list] = {}
    for m in matches:
        by_pair.setdefault((m.subject.iri, m.object.iri), []).append(m)
    out: list[Candidate] = []
    seen: set[tuple[str, str]] = set()
    for a, b in permutations(args, 2):
        key = (a.iri, b.iri)
        if a.iri == b.iri or key in seen or (a.type, b.type) not in allowed:
            continue
        seen.add(key)
        cand = Candidate(
            a, b, sent, by_pair.get(key, []), by_pair.get((b.iri, a.iri), []), source=source
        )
        cand.features = pair_features(cand, args)
        out.append(cand)
    return out


def _rule_decision(candidate: Candidate) -> Decision | None:
    if not candidate.matches:
        return None
    best = max(candidate.matches, key=lambda m: m.rule.priority)
    return Decision(candidate, best.predicate, best.rule.priority / 100, f"rule:{best.rule.id}")


def decide(
    candidates: Sequence[Candidate],
    model: RelationModel | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    use_shipped: bool = True,
) -> list[Decision]:
    """The relations the candidates state, each with a confidence ≥ ``threshold``.

    Where a rule fired, its predicate is stated with the rule's measured precision
    (:meth:`RelationModel.rule_confidence`: how often it was right on the training gold,
    shrunk towards its priority). Where none fired, the classifier may still relate the pair
    from the parse between them, with its calibrated probability; the method is then
    'classifier'. Without a trained model the rules decide alone, with their priority.
    """
    model = model if model is not None else (load_model() if use_shipped else None)
    if model is None:
        return [d for c in candidates if (d := _rule_decision(c)) and d.confidence >= threshold]
    unruled = [c for c in candidates if not c.matches]
    probs = model.probabilities([c.features for c in unruled]) if unruled else []
    allowed = _allowed_by_types()
    out: list[Decision] = []
    for cand in candidates:
        if cand.matches:
            best = max(cand.matches, key=lambda m: (model.rule_confidence(m.rule), m.rule.priority))
            confidence = model.rule_confidence(best.rule)
            if confidence >= threshold:
                out.append(Decision(cand, best.predicate, confidence, f"rule:{best.rule.id}"))
    for cand, row in zip(unruled, probs, strict=True):
        types = (cand.subject.type, cand.object.type)
        best_k, best_p = None, 0.0
        for k, cls in enumerate(model.classes):
            if cls != NONE and cls in allowed.get(types, ()) and row[k] > best_p:
                best_k, best_p = k, float(row[k])
        if best_k is not None and best_p >= threshold:
            out.append(Decision(cand, model.classes[best_k], best_p, "classifier"))
    return _one_per_symmetric_pair(out)


def _allowed_by_types() -> dict[tuple[str, str], set[str]]:
    return _signature_pairs(rule_set())


def _one_per_symmetric_pair(decisions: Iterable[Decision]) -> list[Decision]:
    """'A collaboratesWith B' and 'B collaboratesWith A' in one sentence are one statement."""
    kept: dict[tuple[str, ...], Decision] = {}
    for d in decisions:
        a, b = d.candidate.subject.iri, d.candidate.object.iri
        key = (
            (d.predicate, *sorted((a, b)))
            if d.predicate == "collaboratesWith"
            else (d.predicate, a, b)
        )
        key = (*key, str(d.candidate.sent.start_char), str(id(d.candidate.sent.doc)))
        if key not in kept or kept[key].confidence < d.confidence:
            kept[key] = d
    return list(kept.values())


def method_confidence(
    relations: list[Relation], model: RelationModel | None = None
) -> list[Relation]:
    """Relations read from structure or names, given the confidence their method earned on the
    training gold (:attr:`RelationModel.methods`); others are returned as they are."""
    model = model if model is not None else load_model()
    if model is None or not model.methods:
        return relations
    out = []
    for r in relations:
        known = model.methods.get(f"{r.method} {r.predicate}")
        out.append(
            replace(r, confidence=known) if r.confidence is None and known is not None else r
        )
    return out
