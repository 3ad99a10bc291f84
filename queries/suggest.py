"""Hints for a query parameter, from the graph the query runs on: real names, near misses.

The library's example values (``Programma Vakkracht``) name entities of the invented sample
graph, so a hint built from them sends a user after a name their store does not have. A missing
entity parameter is hinted with the names the user's own store mentions most (of the type the
parameter asks for, :data:`PARAM_TYPES`); a name that is not in the graph gets the closest
labels that are ('did you mean').
"""

from __future__ import annotations

import difflib
from importlib.resources import files
from typing import TYPE_CHECKING

from beleidsgraaf.ontology.iri import DEF

if TYPE_CHECKING:
    from beleidsgraaf.queries.library import QuerySource

__all__ = ["PARAM_TYPES", "close_names", "known_names"]

PARAM_TYPES: dict[str, str] = {"organisation": "Organisation", "programme": "Programme"}
"""Parameter name -> the entity type it asks for (other entity parameters take any type)."""


def _names(source: QuerySource) -> list[tuple[str, str]]:
    """(label, type) of every entity, most documents first."""
    text = (files("beleidsgraaf.queries") / "internal" / "entity-names.rq").read_text("utf-8")
    rows = source.query(text).rows
    return [(str(r["label"].value), str(r["type"].value).removeprefix(DEF)) for r in rows]


def known_names(source: QuerySource, param: str, limit: int = 3) -> list[str]:
    """The names of the entities mentioned in most documents, of the type ``param`` asks for."""
    wanted = PARAM_TYPES.get(param)
    out: list[str] = []
    for label, kind in _names(source):
        if (wanted is None or kind == wanted) and label not in out:
            out.append(label)
        if len(out) == limit:
            break
    return out


def close_names(source: QuerySource, value: str, limit: int = 3) -> list[str]:
    """Entity labels that look like ``value``: the whole label, or one of its words, is close to
    it (case and small typos aside: 'vakkrakt' finds 'Programma Vakkracht')."""
    keys: dict[str, list[str]] = {}  # a label, or a word of it (4+ letters), casefolded -> labels
    for label, _ in _names(source):
        for key in {label.casefold(), *(w for w in label.casefold().split() if len(w) >= 4)}:
            keys.setdefault(key, []).append(label)
    out: list[str] = []
    for key in difflib.get_close_matches(value.casefold(), list(keys), n=limit * 3, cutoff=0.75):
        out.extend(label for label in keys[key] if label not in out)
    return out[:limit]
