"""SPARQL results in one shape, whichever store answered: the embedded one or a remote endpoint.

A :class:`QueryResult` holds SELECT rows, an ASK boolean or CONSTRUCT triples as pyoxigraph terms,
so embedded and remote answers compare with ``==`` (the remote round-trip tests rely on it), and
prints as a text table, CSV, TSV, SPARQL results JSON or, for CONSTRUCT, Turtle / N-Triples.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import pyoxigraph as ox

from beleidsgraaf.errors import QueryError

__all__ = ["OUTPUT_FORMATS", "OutputFormat", "QueryResult", "Term", "term_to_json"]

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
OutputFormat = Literal["table", "csv", "tsv", "json", "turtle", "nt"]
OUTPUT_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "turtle", "nt")
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
        """Render as ``table``, ``csv``, ``tsv``, ``json`` (SPARQL JSON), ``turtle`` or ``nt``."""
        if fmt not in OUTPUT_FORMATS:
            raise QueryError(
                f"unknown output format {fmt!r} (use one of {', '.join(OUTPUT_FORMATS)})"
            )
        if self.kind == "construct":
            if fmt not in ("turtle", "nt", "json"):
                fmt = "turtle"
            return _serialize_triples(self.triples or (), fmt)
        if fmt in ("turtle", "nt"):
            raise QueryError(f"--format {fmt} needs a CONSTRUCT query; this is {self.kind.upper()}")
        if fmt == "json":
            return json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n"
        if self.kind == "ask":
            return ("true" if self.boolean else "false") + "\n"
        if fmt in ("csv", "tsv"):
            buf = io.StringIO()
            writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
            writer.writerow(self.variables)
            for row in self.rows:
                writer.writerow([_plain(row[v]) if v in row else "" for v in self.variables])
            return buf.getvalue()
        return _table(
            self.variables, [[_short(row.get(v)) for v in self.variables] for row in self.rows]
        )

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


def term_to_json(term: Term) -> dict[str, str]:
    """One RDF term in the SPARQL results JSON form."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


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


def _serialize_triples(triples: Iterable[ox.Triple], fmt: str) -> str:
    rdf_format = {
        "turtle": ox.RdfFormat.TURTLE,
        "nt": ox.RdfFormat.N_TRIPLES,
        "json": ox.RdfFormat.JSON_LD,
    }[fmt]
    prefixes = {
        "bg": "https://w3id.org/beleidsgraaf/def#",
        "id": "https://w3id.org/beleidsgraaf/id/",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "prov": "http://www.w3.org/ns/prov#",
        "dcterms": "http://purl.org/dc/terms/",
    }
    data = ox.serialize(
        list(triples), format=rdf_format, prefixes=prefixes if fmt == "turtle" else None
    )
    return (data or b"").decode("utf-8")
