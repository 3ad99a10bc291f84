"""What the relation classifier sees of a candidate pair: the parse between two entities.

A candidate is an ordered pair of entities named in one sentence whose types fit at least one
predicate. Its features are the ones relation extraction has long used (Mintz et al. 2009;
Zhou et al. 2005): the entity types, the dependency path between them and the words on it, their
order and distance, the entities between them, and which rules fired for the pair in either
direction. They are strings, one-hot encoded by the classifier.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from beleidsgraaf.ingest.relations.paths import path
from beleidsgraaf.ingest.relations.rules import Arg, Match

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Candidate", "pair_features"]

_CONTENT = frozenset({"VERB", "NOUN", "ADJ", "ADP", "ADV", "AUX"})
_CLAUSE_BREAKS = frozenset({"parataxis", "advcl", "ccomp", "acl:relcl", "conj", "list", "dep"})


@dataclass(slots=True)
class Candidate:
    """An ordered pair of entities in one sentence, with the rules that relate them."""

    subject: Arg
    object: Arg
    sent: Span
    matches: list[Match] = field(default_factory=list)
    """Rules that fired with this subject and object."""
    reverse: list[Match] = field(default_factory=list)
    """Rules that fired the other way round."""
    features: list[str] = field(default_factory=list)
    source: str = "sentence"
    """'sentence', or 'list' for a list item read with the sentence that introduces it."""


def _bucket(n: int, edges: Sequence[int] = (1, 3, 6, 11, 21)) -> str:
    for edge in edges:
        if n < edge:
            return f"<{edge}"
    return f">={edges[-1]}"


def _tokens_on_path(a: Token, b: Token) -> list[Token]:
    """Tokens strictly between ``a`` and ``b`` on the tree path (through their common head)."""
    up_a = [a]
    while up_a[-1].head.i != up_a[-1].i:
        up_a.append(up_a[-1].head)
    seen = {t.i for t in up_a}
    up_b = [b]
    while up_b[-1].i not in seen and up_b[-1].head.i != up_b[-1].i:
        up_b.append(up_b[-1].head)
    top = up_b[-1]
    if top.i not in seen:
        return []
    left = up_a[: [t.i for t in up_a].index(top.i) + 1]
    return [t for t in left[1:] + up_b[1:-1] if t.i not in {a.i, b.i}]


def pair_features(candidate: Candidate, others: Sequence[Arg]) -> list[str]:
    """Feature strings of one candidate pair; ``others`` are all entities of the sentence."""
    a, b = candidate.subject, candidate.object
    ra, rb = a.root, b.root
    out = [f"types={a.type}>{b.type}", f"source={candidate.source}"]
    first, last = sorted((a.span.start, b.span.start))
    out.append("order=ab" if a.span.start < b.span.start else "order=ba")
    out.append(f"dist={_bucket(abs(b.span.start - a.span.end))}")
    between = sum(1 for o in others if first < o.span.start < last and o.iri not in {a.iri, b.iri})
    out.append(f"between={_bucket(between, (1, 2, 4))}")
    steps = path(ra, rb, trim_source=True)
    if steps is not None:
        text = "/".join(steps)
        out.append(f"path={text}" if len(steps) <= 4 else "path=long")
        out.append(f"pathlen={_bucket(len(steps), (1, 2, 3, 5))}")
        out.extend(f"step={s}" for s in steps)
        if any(s.lstrip("^") in _CLAUSE_BREAKS for s in steps):
            out.append("crosses_clause")
    on_path = _tokens_on_path(ra, rb)
    for token in on_path:
        if token.pos_ in _CONTENT:
            out.append(f"via={token.lemma_.lower()}")
    if on_path:
        top = min(on_path, key=lambda t: len(list(t.ancestors)))
        out.append(f"top={top.pos_}:{top.lemma_.lower()}")
    for m in candidate.matches:
        out += [f"rule={m.rule.id}", f"rule_pred={m.rule.predicate}"]
    for m in candidate.reverse:
        out += [f"rule_rev={m.rule.id}", f"rule_rev_pred={m.rule.predicate}"]
    if not candidate.matches and not candidate.reverse:
        out.append("no_rule")
    return out
