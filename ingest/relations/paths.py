"""Dependency paths between words, the vocabulary relation rules are written in.

A path leads from one token to another through the parse: up to their lowest common ancestor
(``^dep`` for each step up), then down (``dep`` for each step down). A step's label is the UD
relation, with the lemma of its preposition for ``obl``/``nmod`` ('obl:met', 'nmod:van'), so one
path says 'the thing after *met*' whatever words stand between.

At the end of a path, steps that only widen the noun phrase an entity is named in are dropped:
conjunction ('A en B': B has A's role), apposition, flat names and compounds, and an ``nmod`` or
apposition under a kind noun ('het programma X', 'de regeling X'). So 'A en B werken samen met
het programma X' gives B the path ``nsubj`` from *werken*, like A.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["TRANSPARENT", "path", "predicate_lemma", "step_label"]

TRANSPARENT = frozenset({"conj", "appos", "flat", "compound", "fixed", "nummod", "det", "amod"})
"""Relations that widen a noun phrase without changing its role in the clause."""

_CASED = ("obl", "nmod", "obl:arg", "acl", "advcl")


def step_label(token: Token) -> str:
    """The label of the step from ``token`` to its head: its relation, with its preposition."""
    dep = token.dep_.lower()
    if dep == "root":
        return "root"
    if dep.split(":")[0] in {"obl", "nmod"} and dep != "obl:agent" and dep != "nmod:poss":
        case = next((c for c in token.children if c.dep_ == "case"), None)
        if case is not None:
            return f"{dep.split(':')[0]}:{_preposition(case)}"
    return dep


def _preposition(case: Token) -> str:
    """A preposition with the words fixed to it: 'met', 'onder_leiding_van'."""
    words = [case, *(c for c in case.children if c.dep_ == "fixed")]
    return "_".join((w.lemma_ or w.lower_).lower() for w in sorted(words, key=lambda w: w.i))


def predicate_lemma(token: Token) -> str:
    """The lemma of a verb with its separable particle ('werkt ... samen' -> 'samenwerken')."""
    particle = next((c for c in token.children if c.dep_ == "compound:prt"), None)
    lemma = (token.lemma_ or token.lower_).lower()
    if particle is not None and not lemma.startswith(particle.lower_):
        return particle.lower_ + lemma
    return lemma


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 64:
        chain.append(chain[-1].head)
    return chain


def path(
    source: Token,
    target: Token,
    widening: Callable[[Token], bool] | None = None,
    *,
    trim_source: bool = False,
) -> tuple[str, ...] | None:
    """The steps from ``source`` to ``target``; None when they are in different sentences.

    ``widening(token)`` says whether the step between ``token`` and its head only widens a
    noun phrase (default: the :data:`TRANSPARENT` relations); such steps are dropped at the
    target's end, and with ``trim_source`` also at the source's end (when the source is an
    entity too, not a trigger word).
    """
    if source.sent.start != target.sent.start:
        return None
    widens = widening or (lambda t: t.dep_ in TRANSPARENT)
    up = _ancestors(source)
    down = _ancestors(target)
    down_index = {t.i: n for n, t in enumerate(down)}
    top = next((n for n, t in enumerate(up) if t.i in down_index), None)
    if top is None:
        return None
    ups = up[:top]
    downs = list(reversed(down[: down_index[up[top].i]]))
    while downs and widens(downs[-1]):
        downs.pop()
    while trim_source and ups and widens(ups[0]):
        ups.pop(0)
    return tuple(["^" + step_label(t) for t in ups] + [step_label(t) for t in downs])
