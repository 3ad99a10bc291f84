"""The analysts' query library: ``.rq`` files with a comment header, bound parameters, checks.

Each question is one ``.rq`` file in this package, starting with a header::

    # title-nl: Welke organisaties nemen deel aan programma X?
    # title-en: Which organisations take part in programme X?
    # description: ... (continuation lines are indented)
    # param: programme | entity | Programma Vakkracht | The programme, by label or IRI.

A parameter line gives the variable name, its kind (``entity``: a label or IRI resolved to an
IRI in the graph; ``iri``; ``string``; ``integer``; ``predicate``: a relation name of the
ontology), an example value (used for the expected results) and a description. Values are turned
into RDF *terms* and bound by a ``VALUES`` block of serialised terms
(``graph.sparql_terms.inject_values``), in the embedded store and on a remote endpoint alike --
never pasted as text.

Expected results live in ``expected/<dataset>/<name>.srj`` (SPARQL results JSON, the W3C test-suite
habit); :func:`check_expected` compares any store or endpoint with them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from beleidsgraaf.errors import QueryError
from beleidsgraaf.graph.results import QueryResult, Term
from beleidsgraaf.ontology.iri import DEF
from beleidsgraaf.queries.guard import check_query
from beleidsgraaf.records import PREDICATES

__all__ = [
    "PARAM_KINDS",
    "NamedQuery",
    "Param",
    "QuerySource",
    "check_expected",
    "comparable_rows",
    "load_library",
    "parse_query",
    "query_by_name",
    "record_expected",
    "run_query",
]

PARAM_KINDS = ("entity", "iri", "string", "integer", "predicate")
_HEADER = re.compile(r"^#\s*([a-z-]+):\s*(.*)$")


class QuerySource(Protocol):
    """Anything that answers SPARQL with bound terms: the embedded Store or a remote Endpoint."""

    def query(
        self,
        query: str,
        bindings: Mapping[str, Term] | None = None,
        *,
        timeout: float | None = None,
        max_rows: int | None = None,
    ) -> QueryResult: ...


@dataclass(frozen=True)
class Param:
    """One declared parameter of a query."""

    name: str
    kind: str
    example: str
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """One ``.rq`` file: its text and what its header says."""

    name: str
    text: str
    title_nl: str = ""
    title_en: str = ""
    description: str = ""
    params: tuple[Param, ...] = field(default=())

    @property
    def examples(self) -> dict[str, str]:
        """The example value of every parameter (what the expected results were made with)."""
        return {p.name: p.example for p in self.params}


def parse_query(text: str, name: str) -> NamedQuery:
    """Read the header of one query; the header is optional for ``--file`` queries."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    last = ""
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if match:
            key, value = match.group(1), match.group(2).strip()
            if key == "param":
                parts = [p.strip() for p in value.split("|")]
                if len(parts) != 4 or parts[1] not in PARAM_KINDS:
                    raise QueryError(
                        f"{name}: bad '# param:' line {value!r} "
                        f"(want: name | {'/'.join(PARAM_KINDS)} | example | description)"
                    )
                params.append(Param(*parts))
            else:
                fields[key] = value
            last = key
        elif last and last != "param":
            fields[last] += " " + line.lstrip("#").strip()
    return NamedQuery(
        name=name,
        text=text,
        title_nl=fields.get("title-nl", ""),
        title_en=fields.get("title-en", ""),
        description=fields.get("description", ""),
        params=tuple(params),
    )


def load_library() -> dict[str, NamedQuery]:
    """Every query of the library, by name (the file name without ``.rq``)."""
    root = files("beleidsgraaf.queries")
    out = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            out[name] = parse_query(entry.read_text(encoding="utf-8"), name)
    return out


def query_by_name(name: str) -> NamedQuery:
    """One library query; an unknown name lists the known ones."""
    library = load_library()
    if name not in library:
        raise QueryError(f"no query named {name!r}; known: {', '.join(library)}")
    return library[name]


def query_from_file(path: Path) -> NamedQuery:
    """A query from any ``.rq`` file (``beleidsgraaf query --file``)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read the query: {exc}") from exc
    return parse_query(text, str(path))


def _internal(name: str) -> str:
    return (files("beleidsgraaf.queries") / "internal" / f"{name}.rq").read_text(encoding="utf-8")


def bind(source: QuerySource, query: NamedQuery, values: Mapping[str, str]) -> dict[str, Term]:
    """Turn the user's parameter values into RDF terms (entities resolved in ``source``)."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(declared))
    if unknown and declared:
        raise QueryError(
            f"{query.name}: unknown parameter {unknown[0]!r} (parameters: {', '.join(declared)})"
        )
    missing = [p for p in declared if p not in values]
    if missing:
        raise QueryError(_missing_hint(source, query.name, declared[missing[0]]))
    out: dict[str, Term] = {}
    for key, value in values.items():
        kind = declared[key].kind if key in declared else "string"
        out[key] = _term(source, query.name, key, kind, value)
    return out


def _missing_hint(source: QuerySource, qname: str, param: Param) -> str:
    """'parameter X is required', with examples from ``source`` itself for an entity parameter
    (the declared example names an entity of the sample graph)."""
    start = f"{qname}: parameter {param.name!r} is required"
    if param.kind != "entity":
        return f"{start}, e.g. --param {param.name}={param.example!r}"
    from beleidsgraaf.queries.suggest import known_names

    names = known_names(source, param.name)
    if not names:
        return f"{start}; the graph has no entities to name yet (build some documents first)"
    others = f" (or {', '.join(repr(n) for n in names[1:])})" if len(names) > 1 else ""
    return f"{start}, e.g. --param {param.name}={names[0]!r}{others}"


def _term(source: QuerySource, qname: str, key: str, kind: str, value: str) -> Term:
    where = f"{qname}: parameter {key}={value!r}"
    if kind == "string":
        return ox.Literal(value)
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise QueryError(f"{where} is not an integer")
        return ox.Literal(
            value.strip(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
        )
    if kind == "predicate":
        if value not in PREDICATES:
            raise QueryError(f"{where} is not a relation (use one of {', '.join(PREDICATES)})")
        return ox.NamedNode(DEF + value)
    if re.match(r"^https?://", value):
        try:
            return ox.NamedNode(value)
        except ValueError as exc:
            raise QueryError(f"{where} is not a valid IRI: {exc}") from exc
    if kind == "iri":
        raise QueryError(f"{where} is not an IRI (http:// or https://)")
    rows = source.query(_internal("resolve-entity"), {"name": ox.Literal(value)}).rows
    found = [r["entity"] for r in rows if "entity" in r]
    if not found:
        from beleidsgraaf.queries.suggest import close_names

        near = close_names(source, value)
        hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
        raise QueryError(f"{where}: no entity with that name in the graph{hint}")
    if len(found) > 1:
        options = ", ".join(str(t.value) for t in found[:5])
        raise QueryError(f"{where} names {len(found)} entities ({options}); give the IRI")
    return found[0]


def run_query(
    source: QuerySource,
    query: NamedQuery,
    values: Mapping[str, str] | None = None,
    *,
    timeout: float | None = None,
    max_rows: int | None = None,
) -> QueryResult:
    """Bind ``values`` and run ``query`` on ``source`` (a Store or an Endpoint).

    The text passes the guard first (``queries.guard``: a deeply nested query crashed the parser);
    ``SERVICE`` is allowed here, since the analyst's own machine sends those requests.
    """
    try:
        check_query(query.text, outbound=True)
    except QueryError as exc:
        raise QueryError(f"{query.name}: {exc}") from exc
    bindings = bind(source, query, values or {})
    try:
        return source.query(query.text, bindings, timeout=timeout, max_rows=max_rows)
    except QueryError as exc:
        raise QueryError(f"{query.name}: {exc}") from exc


# -- expected results ---------------------------------------------------------------------------


def _expected_dir(dataset: str) -> Traversable:
    return files("beleidsgraaf.queries") / "expected" / dataset


def comparable_rows(result: QueryResult) -> list[tuple[tuple[str, str], ...]]:
    """Rows as sorted (variable, value) pairs, rows sorted, for comparing two servers' answers.

    What SPARQL leaves open does not count as a difference: the order of ties, integer subtypes
    (xsd:integer vs xsd:int on Virtuoso), and the order of a GROUP_CONCAT's parts (joined by
    ', ' in the library; a value's comma-separated parts are compared as a sorted list).
    """
    return sorted(
        tuple(sorted((k, ", ".join(sorted(v.split(", ")))) for k, v in row.items()))
        for row in result.as_python()
    )


def record_expected(source: QuerySource, folder: Path) -> list[Path]:
    """Write every library query's results (example parameters) as ``.srj`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, query in load_library().items():
        result = run_query(source, query, query.examples)
        path = folder / f"{name}.srj"
        path.write_text(result.serialize("json"), encoding="utf-8")
        written.append(path)
    return written


def check_expected(source: QuerySource, dataset: str | Path = "sample") -> list[str]:
    """Run every library query and compare with the expected results; returns the differences.

    ``dataset`` is a folder name under ``queries/expected/`` or any folder of ``.srj`` files. An
    empty list means every query returned exactly the expected rows.
    """
    folder: Traversable | Path = dataset if isinstance(dataset, Path) else _expected_dir(dataset)
    problems = []
    for name, query in load_library().items():
        path = folder / f"{name}.srj"
        if not path.is_file():
            problems.append(f"{name}: no expected results at {path}")
            continue
        raw = ox.parse_query_results(path.read_bytes(), format=ox.QueryResultsFormat.JSON)
        expected = QueryResult.from_oxigraph(raw)
        got = run_query(source, query, query.examples)
        if comparable_rows(got) != comparable_rows(expected):
            missing = set(comparable_rows(expected)) - set(comparable_rows(got))
            extra = set(comparable_rows(got)) - set(comparable_rows(expected))
            problems.append(
                f"{name}: {len(got.rows)} rows, expected {len(expected.rows)}; "
                f"missing {sorted(missing)[:2]}, unexpected {sorted(extra)[:2]}"
            )
    return problems
