"""SPARQL results in one shape, whichever store answered: the embedded one or a remote endpoint.

A :class:`QueryResult` holds SELECT rows, an ASK boolean or CONSTRUCT triples as pyoxigraph terms,
so embedded and remote answers compare with ``==`` (the remote round-trip tests rely on it), and
prints as a text table or in every standard format: SPARQL results JSON, XML, CSV and TSV for
SELECT/ASK; N-Triples, Turtle, RDF/XML, JSON-LD, N-Quads and TriG for CONSTRUCT/DESCRIBE.

The standard formats are written by pyoxigraph's serialisers (the rows go to them through SPARQL
JSON), not by hand: SPARQL TSV, for one, writes every term in Turtle syntax (``<iri>``,
``"text"@nl``, ``"5"^^xsd:...``) under a ``?var`` header, and CSV has its own escaping rules;
Jena and other clients read exactly those.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import pyoxigraph as ox

from beleidsgraaf.errors import QueryError

__all__ = [
    "GRAPH_FORMATS",
    "OUTPUT_FORMATS",
    "RESULTS_FORMATS",
    "OutputFormat",
    "QueryResult",
    "Term",
    "media_type",
    "term_to_json",
]

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
OutputFormat = Literal[
    "table", "csv", "tsv", "json", "xml", "turtle", "nt", "rdfxml", "jsonld", "nquads", "trig"
]
RESULTS_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
"""SPARQL results formats for SELECT and ASK (CSV and TSV are defined for SELECT only)."""
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "nt": ox.RdfFormat.N_TRIPLES,
    "turtle": ox.RdfFormat.TURTLE,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}
"""RDF formats for CONSTRUCT and DESCRIBE answers (the quad formats put them in the default
graph)."""
OUTPUT_FORMATS: tuple[str, ...] = ("table", *RESULTS_FORMATS, *GRAPH_FORMATS)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True)
class QueryResult:
    """The answer to one query: ``rows`` (SELECT), ``boolean`` (ASK) or ``triples`` (CONSTRUCT)."""

    variables: tuple[str, ...] = ()
    rows: tuple[dict[str, Term], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] | None = None
    truncated: bool = field(default=False, compare=False)

    @property
    def kind(self) -> str:
        """'select', 'ask' or 'construct'."""
        if self.boolean is not None:
            return "ask"
        return "construct" if self.triples is not None else "select"

    @classmethod
    def from_oxigraph(
        cls,
        result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples,
        max_rows: int | None = None,
    ) -> QueryResult:
        """Materialise a pyoxigraph result; more than ``max_rows`` rows raises :class:`QueryError`.

        The limit is checked while iterating, so an oversized answer never sits in memory whole.
        """
        if isinstance(result, ox.QueryBoolean):
            return cls(boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            return cls.from_triples(result, max_rows)
        names = tuple(v.value for v in result.variables)
        rows = tuple(
            {n: s[n] for n in names if s[n] is not None} for s in _capped(result, max_rows)
        )
        return cls(variables=names, rows=rows)

    @classmethod
    def from_triples(cls, triples: Iterable[ox.Triple], max_rows: int | None = None) -> QueryResult:
        """A CONSTRUCT answer, sorted and deduplicated: stable output across stores and runs."""
        return cls(triples=tuple(sorted(set(_capped(triples, max_rows)), key=str)))

    def as_python(self) -> list[dict[str, str]]:
        """Rows with every term as its plain string value (IRIs, lexical forms): for checks."""
        return [{k: _plain(v) for k, v in row.items()} for row in self.rows]

    def serialize(self, fmt: str = "table") -> str:
        """Render as a text ``table`` or in one of the standard formats (:data:`OUTPUT_FORMATS`).

        A CONSTRUCT answer asked for as a results format is written as Turtle (``json``: as
        JSON-LD); an ASK answer as a table, CSV or TSV is the word ``true`` or ``false``.
        """
        if fmt not in OUTPUT_FORMATS:
            raise QueryError(
                f"unknown output format {fmt!r} (use one of {', '.join(OUTPUT_FORMATS)})"
            )
        if self.kind == "construct":
            if fmt not in GRAPH_FORMATS:
                fmt = "jsonld" if fmt == "json" else "turtle"
            return _serialize_triples(self.triples or (), fmt)
        if fmt in GRAPH_FORMATS:
            raise QueryError(f"--format {fmt} needs a CONSTRUCT query; this is {self.kind.upper()}")
        if fmt == "json":
            return json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n"
        if self.kind == "ask" and fmt in ("table", "csv", "tsv"):
            return ("true" if self.boolean else "false") + "\n"
        if fmt in RESULTS_FORMATS:
            return self._results_text(RESULTS_FORMATS[fmt])
        return _table(
            self.variables, [[_short(row.get(v)) for v in self.variables] for row in self.rows]
        )

    def _results_text(self, fmt: ox.QueryResultsFormat) -> str:
        """SELECT rows or an ASK answer written by pyoxigraph's serialiser for ``fmt``."""
        data = json.dumps(self.to_json(), ensure_ascii=False).encode("utf-8")
        parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        return (parsed.serialize(format=fmt) or b"").decode("utf-8")

    def to_json(self) -> dict[str, Any]:
        """SPARQL 1.1 Query Results JSON (W3C), as a Python object."""
        if self.kind == "ask":
            return {"head": {}, "boolean": bool(self.boolean)}
        if self.kind == "construct":
            raise QueryError("SPARQL results JSON is for SELECT/ASK; use --format turtle")
        return {
            "head": {"vars": list(self.variables)},
            "results": {
                "bindings": [{k: term_to_json(v) for k, v in row.items()} for row in self.rows]
            },
        }


def _capped(items: Iterable[Any], max_rows: int | None) -> list[Any]:
    out = []
    for item in items:
        out.append(item)
        if max_rows is not None and len(out) > max_rows:
            raise QueryError(
                f"the result has more than {max_rows} rows (the limit); add a LIMIT to the query"
            )
    return out


def term_to_json(term: Term) -> dict[str, Any]:
    """One RDF term in the SPARQL results JSON form (a triple term as SPARQL 1.2 writes it)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
    return {"type": "triple", "value": {k: term_to_json(v) for k, v in parts.items()}}


def _plain(term: Term) -> str:
    return str(term.value) if not isinstance(term, ox.Triple) else str(term)


def _short(term: Term | None) -> str:
    if term is None:
        return ""
    text = _plain(term)
    for prefix in ("https://w3id.org/beleidsgraaf/id/", "https://w3id.org/beleidsgraaf/def#"):
        if text.startswith(prefix):
            return ":" + text[len(prefix) :]
    return text if len(text) <= 120 else text[:117] + "..."


def _table(header: tuple[str, ...], body: list[list[str]]) -> str:
    cells = [list(header), *body]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"({len(body)} rows)")
    return "\n".join(lines) + "\n"


def media_type(fmt: str) -> str:
    """The Content-Type for an output format (``charset`` where the type needs one)."""
    if fmt in RESULTS_FORMATS:
        return RESULTS_FORMATS[fmt].media_type
    kind = GRAPH_FORMATS[fmt].media_type
    return f"{kind}; charset=utf-8" if kind.startswith("text/") else kind


def _serialize_triples(triples: Iterable[ox.Triple], fmt: str) -> str:
    rdf_format = GRAPH_FORMATS[fmt]
    prefixes = {
        "bg": "https://w3id.org/beleidsgraaf/def#",
        "id": "https://w3id.org/beleidsgraaf/id/",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "prov": "http://www.w3.org/ns/prov#",
        "dcterms": "http://purl.org/dc/terms/",
    }
    items: list[Any] = list(triples)
    if fmt in ("nquads", "trig"):
        items = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in items]
    data = ox.serialize(
        items, format=rdf_format, prefixes=prefixes if fmt in ("turtle", "trig", "rdfxml") else None
    )
    return (data or b"").decode("utf-8")
