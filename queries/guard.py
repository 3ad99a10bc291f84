"""Checks on SPARQL text *before* the parser sees it: size, nesting, outbound requests, form.

Why a guard in front of Oxigraph: its SPARQL parser and evaluator recurse once per nesting level
and once per chained operator, on the thread's stack. Measured with pyoxigraph 0.5 on an 8 MiB
stack: ~4,400 nested parentheses, ~6,000 ``UNION`` or ``+`` in a row, ~9,000 ``!`` or ~2,400
``BIND`` clauses end the process with a segmentation fault -- a 32 KB GET killed ``serve``
(issue 21). And ``SERVICE <url>`` makes Oxigraph send HTTP requests to any address, which on a
server is request forgery; ``LOAD <url>`` in an update does the same.

So every query text is first read by a small SPARQL tokenizer (strings, IRIs, comments, prefixed
names with their escapes, variables and language tags are skipped whole, as the SPARQL grammar
lexes them, so a keyword cannot hide inside one and nothing inside one counts as a keyword):

* brackets ``( [ {`` may nest :data:`MAX_DEPTH` deep;
* at most :data:`MAX_OPERATORS` keywords and operators (terms and ``VALUES`` data don't count:
  a ``VALUES`` block is a flat table to the engine, however long);
* ``SERVICE`` (and ``LOAD`` in updates) are refused unless outbound requests are allowed;
* a query must name its form (``SELECT``, ``CONSTRUCT``, ``ASK``, ``DESCRIBE``) after its
  prologue: Oxigraph's parser reports ``SELEC *`` as 'expected one of VERSION' or 'expected
  CONSTRUCT', which helps nobody.

The limits are two orders of magnitude above the library's largest query and two below the
crash points; a refused query gets one line saying which limit and where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from beleidsgraaf.errors import QueryError

__all__ = ["MAX_DEPTH", "MAX_OPERATORS", "check_query", "check_update", "line_column"]

MAX_DEPTH = 64
MAX_OPERATORS = 4000

QUERY_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
_PROLOGUE = ("PREFIX", "BASE", "VERSION")
_OUTBOUND = {"SERVICE": "SERVICE (federated query)", "LOAD": "LOAD"}

# One alternative per lexical class of the SPARQL 1.1 grammar that can contain characters which
# elsewhere would start a comment, a string, a keyword or a bracket. Order matters: long string
# quotes before short ones, IRIs before the '<' operator.
_PN_ESCAPE = r"\\[_~.\-!$&'()*+,;=/?#@%]|%[0-9A-Fa-f]{2}"
_NAME_START = r"[A-Za-z0-9_\u00C0-\U0010FFFF]"
_NAME_CHAR = r"[\w\-\u00B7-\U0010FFFF]"
_TOKEN = re.compile(
    r"""
    (?P<space>[ \t\r\n]+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$](?:\w|[\u00B7-\U0010FFFF])+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<number>[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?))
  | (?P<name>(?:"""
    + _NAME_START
    + r"|:|"
    + _PN_ESCAPE
    + r")(?:(?:"
    + _NAME_CHAR
    + r"|[.:]|"
    + _PN_ESCAPE
    + r")*(?:"
    + _NAME_CHAR
    + r"|:|"
    + _PN_ESCAPE
    + r"""))?)
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<operator>\|\||&&|!=|<=|>=|\^\^|<<\(|\)>>|<<|>>|\{\||\|\}|.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    at: int


def _tokens(text: str) -> list[_Token]:
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "operator"
        if kind not in ("space", "comment"):
            out.append(_Token(kind, m.group(), m.start()))
    return out


def line_column(text: str, at: int) -> str:
    """'line:column' (1-based) of offset ``at``, as Oxigraph writes positions."""
    line = text.count("\n", 0, at) + 1
    return f"{line}:{at - (text.rfind(chr(10), 0, at) + 1) + 1}"


def _keyword(token: _Token) -> str | None:
    """The upper-cased keyword a bare word is, or None (prefixed names contain ':')."""
    if token.kind == "name" and ":" not in token.text and "\\" not in token.text:
        return token.text.upper()
    return None


def _check(text: str, *, outbound: bool, update: bool) -> list[_Token]:
    what = "update" if update else "query"
    tokens = _tokens(text)
    depth = operators = 0
    values_depth: int | None = None  # bracket depth at which a VALUES data block opened
    pending_values = False
    for token in tokens:
        word = _keyword(token)
        if word in _OUTBOUND and not outbound and (word == "SERVICE" or update):
            raise QueryError(
                f"{_OUTBOUND[word]} at {line_column(text, token.at)} is not allowed: "
                f"this {what} may not make the server send requests to other addresses"
            )
        if token.kind == "open":
            depth += 1
            if depth > MAX_DEPTH:
                raise QueryError(
                    f"the {what} nests brackets more than {MAX_DEPTH} deep "
                    f"(at {line_column(text, token.at)}); write it flatter"
                )
            if pending_values and token.text == "{":
                values_depth, pending_values = depth, False
        elif token.kind == "close":
            if values_depth is not None and depth == values_depth:
                values_depth = None
            depth = max(depth - 1, 0)
        if word == "VALUES":
            pending_values = True
        counted = token.kind in ("operator", "open", "close") or word is not None
        if values_depth is None and counted:
            operators += 1
        if operators > MAX_OPERATORS:
            raise QueryError(
                f"the {what} has more than {MAX_OPERATORS} operators and keywords "
                f"(at {line_column(text, token.at)}); split it, or pass long lists as VALUES"
            )
    return tokens


def check_query(text: str, *, outbound: bool = False) -> None:
    """Refuse a query text that would crash or abuse the engine; see the module docstring.

    ``outbound`` allows ``SERVICE`` (the CLI on the analyst's own machine; never ``serve`` by
    default).

    Examples
    --------
    >>> check_query("SELECT * WHERE { ?s ?p ?o }")
    >>> check_query("ASK {FILTER(" + "(" * 5300 + "1" + ")" * 5300 + ")}")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    beleidsgraaf.errors.QueryError: the query nests brackets more than 64 deep (at 1:75); ...
    """
    tokens = _check(text, outbound=outbound, update=False)
    i = 0
    while i < len(tokens) and _keyword(tokens[i]) in _PROLOGUE:
        # PREFIX name: <iri> / BASE <iri> / VERSION "1.2"
        i += 3 if _keyword(tokens[i]) == "PREFIX" else 2
    if i >= len(tokens):
        raise QueryError("malformed SPARQL: the query is empty (expected SELECT, CONSTRUCT, ...)")
    first = tokens[i]
    if _keyword(first) not in QUERY_FORMS:
        raise QueryError(
            f"malformed SPARQL at {line_column(text, first.at)}: expected SELECT, CONSTRUCT, "
            f"ASK or DESCRIBE, found {first.text[:40]!r}"
        )


def check_update(text: str, *, outbound: bool = False) -> None:
    """Refuse an update text that would crash the engine or fetch from the network (``LOAD``,
    ``SERVICE`` in its ``WHERE``)."""
    _check(text, outbound=outbound, update=True)
