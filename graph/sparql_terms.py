"""RDF terms written as SPARQL text, for the two places the text must be built by us.

Data is never pasted into query text. Two places still need SPARQL text: ``INSERT DATA`` (one
update = one transaction, see ``graph.store``) and the ``VALUES`` blocks that bind query
parameters, in the embedded store and on remote endpoints alike (pyoxigraph's own substitutions
were measured 1000x slower on the evidence query: ``bench/analysis.md``). Both go through
:func:`to_sparql`, which serialises a *term object* (built and validated by pyoxigraph),
escaping every character that could end a string or an IRI, so user text can never become query
syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from beleidsgraaf.errors import QueryError
from beleidsgraaf.graph.results import Term

__all__ = ["IRIREF", "inject_values", "outer_group_start", "to_sparql", "triples_block"]

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


IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[A-Za-z_]+")


def outer_group_start(query: str) -> int:
    """Index just after the ``{`` that opens the outer WHERE group (strings, IRIs and comments
    are skipped, so a brace in a literal or an IRI never counts)."""
    i, n = 0, len(query)
    form: str | None = None
    depth = 0
    while i < n:
        ch = query[i]
        if ch == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
        elif ch in "\"'":
            quote = query[i : i + 3] if query[i : i + 3] in ('"""', "'''") else ch
            i += len(quote)
            while i < n and not query.startswith(quote, i):
                i += 2 if query[i] == "\\" else 1
            i += len(quote)
        elif ch == "<" and (m := IRIREF.match(query, i)):
            i = m.end()
        elif ch.isalpha():
            m = _WORD.match(query, i)
            assert m is not None
            word = m.group().upper()
            if form is None and word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
                form = word
            elif word == "WHERE" and form is not None and depth == 0:
                brace = query.find("{", m.end())
                if brace >= 0 and not query[m.end() : brace].strip():
                    return brace + 1
            i = m.end()
        elif ch == "{":
            if form in ("SELECT", "ASK") and depth == 0:
                return i + 1  # WHERE is optional: SELECT * { ... }
            depth += 1  # a CONSTRUCT template (CONSTRUCT WHERE { } is handled above)
            i += 1
        elif ch == "}":
            depth -= 1
            i += 1
        else:
            i += 1
    raise QueryError("cannot bind parameters: the query has no WHERE group")


def inject_values(query: str, bindings: Mapping[str, Term]) -> str:
    """Bind variables by a ``VALUES`` block of serialised terms at the start of the WHERE group.

    Examples
    --------
    >>> inject_values("SELECT ?x WHERE { ?x ?p ?o }", {"o": ox.Literal('"} DROP ALL')})
    'SELECT ?x WHERE { VALUES (?o) { ("\\\\"} DROP ALL") }\\n ?x ?p ?o }'
    """
    if not bindings:
        return query
    names = list(bindings)
    for name in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"not a SPARQL variable name: {name!r}")
    at = outer_group_start(query)
    row = " ".join(to_sparql(bindings[n]) for n in names)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}\n"
    return query[:at] + block + query[at:]
