"""RDF terms written as SPARQL text, for the two places the text must be built by us.

Locally, parameters are bound with pyoxigraph substitutions and data is never pasted. Two places
still need SPARQL text: ``INSERT DATA`` (one update = one transaction, see ``graph.store``) and
``VALUES`` blocks that bind parameters on a remote endpoint. Both go through :func:`to_sparql`,
which serialises a *term object* (built and validated by pyoxigraph), escaping every character
that could end a string or an IRI, so user text can never become query syntax.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from beleidsgraaf.errors import QueryError

__all__ = ["to_sparql", "triples_block"]

# STRING_LITERAL2 in the SPARQL grammar allows any character but '"', '\\', LF and CR; those (and
# TAB, for readability) are written as ECHAR escapes. The backslash is escaped like the rest, so a
# '\\u0022' in user text stays six characters of text and is never decoded as a quote.
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_IRI_FORBIDDEN = frozenset('<>"{}|^`\\ ') | {chr(c) for c in range(0x21)}


def _escape(text: str) -> str:
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def to_sparql(term: ox.NamedNode | ox.Literal | ox.BlankNode) -> str:
    """SPARQL syntax for one term.

    Examples
    --------
    >>> to_sparql(ox.Literal('x" } ; DROP ALL #'))
    '"x\\\\" } ; DROP ALL #"'
    >>> to_sparql(ox.NamedNode("https://w3id.org/beleidsgraaf/id/4tu"))
    '<https://w3id.org/beleidsgraaf/id/4tu>'
    """
    if isinstance(term, ox.NamedNode):
        if any(ch in _IRI_FORBIDDEN for ch in term.value):
            raise QueryError(f"not a usable IRI: {term.value!r}")
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        body = f'"{_escape(term.value)}"'
        if term.language:
            return f"{body}@{term.language}"
        if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
            return body
        return f"{body}^^{to_sparql(term.datatype)}"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    raise QueryError(f"cannot write {term!r} as SPARQL")


def triples_block(triples: Iterable[ox.Triple]) -> str:
    """Triples as SPARQL text, one per line (for ``INSERT DATA { GRAPH <g> { ... } }``)."""
    return "\n".join(
        f"{to_sparql(t.subject)} {to_sparql(t.predicate)} {to_sparql(t.object)} ."  # type: ignore[arg-type]
        for t in triples
    )
