"""SHACL validation of built graphs against ``shapes.ttl``, with a report people can read.

Each named graph (one per document, plus the vocabulary graph) is validated on its own, with the
vocabulary graph (ontology, SKOS schemes, authority list) added to it. Why per graph: a document's
graph must be whole by itself (removing another document must never make it invalid), and each
violation can then be reported with the file it came from. Why the vocabulary added:
``sh:class bg:Region`` must accept a ``bg:Landsdeel`` (``rdfs:subClassOf`` in the ontology), and
an ``addresses`` object may be a concept defined there. No inference is run, so a relation can
never make its own ends the right class.

Speed: pySHACL parses a SPARQL-based constraint's query again for every focus node, so the shapes
use core constraints for per-node rules and keep the one SPARQL check per document.

Examples
--------
>>> from rdflib import Graph
>>> report = validate_graph(Graph())
>>> report.conforms, report.graphs
(True, 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

from rdflib import RDFS, Dataset, Graph, Literal, Node
from rdflib.namespace import SH

from beleidsgraaf.errors import DocumentError, ShapeValidationError
from beleidsgraaf.ontology.authority import VOCABULARY_GRAPH, vocabulary_graph
from beleidsgraaf.ontology.iri import compact
from beleidsgraaf.ontology.namespace import BG

__all__ = [
    "ValidationReport",
    "Violation",
    "shapes_graph",
    "validate_dataset",
    "validate_file",
    "validate_graph",
    "validate_rdf",
]

_FORMATS = {
    ".trig": "trig",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
}
_DATASET_FORMATS = {"trig", "nquads", "json-ld"}


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result, in terms a reader of the report can act on."""

    graph: str
    """The named graph it was found in (empty for a plain triple file)."""
    source: str
    """What that graph is: a document's file name, 'vocabulary', or the graph IRI."""
    focus: str
    """The offending node (IRI, or blank node id)."""
    focus_label: str | None
    path: str | None
    value: str | None
    message: str
    severity: str
    """'Violation', 'Warning' or 'Info'."""

    def line(self) -> str:
        """One readable line: where, what node, which property and value, and the rule."""
        node = compact(self.focus) + (f' ("{self.focus_label}")' if self.focus_label else "")
        parts = [f"{self.source}: {node}"]
        if self.path:
            parts.append(f"[{compact(self.path)}]")
        if self.value is not None and self.value != self.focus:
            parts.append(f"= {compact(self.value)}")
        return " ".join(parts) + f": {self.message}"


@dataclass
class ValidationReport:
    """The outcome of validating one file, store or graph."""

    source: str
    graphs: int = 0
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        """True when nothing of severity 'Violation' was found (warnings are allowed)."""
        return not any(v.severity == "Violation" for v in self.violations)

    def text(self, limit: int | None = 200) -> str:
        """A readable report: a summary line, then one line per result (sorted, capped)."""
        errors = sum(v.severity == "Violation" for v in self.violations)
        head = (
            f"{self.source}: conforms to the beleidsgraaf shapes ({self.graphs} graph(s) checked)"
            if self.conforms
            else f"{self.source}: {errors} SHACL violation(s) in {self.graphs} graph(s) checked"
        )
        lines = sorted(f"{v.severity.upper()}: {v.line()}" for v in self.violations)
        if limit is not None and len(lines) > limit:
            lines = [*lines[:limit], f"... and {len(lines) - limit} more"]
        return "\n".join([head, *lines])

    def raise_for_violations(self) -> None:
        """Raise :class:`ShapeValidationError` (report attached) when the graph does not conform."""
        if not self.conforms:
            errors = sum(v.severity == "Violation" for v in self.violations)
            raise ShapeValidationError(
                f"{self.source}: {errors} SHACL violation(s); see the report above", self.text()
            )


@cache
def shapes_graph() -> Graph:
    """The SHACL shapes (``shapes.ttl``)."""
    text = (files("beleidsgraaf.ontology") / "shapes.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def _text(node: Node | None) -> str | None:
    if node is None:
        return None
    return str(node)


def _source_of(graph: Graph, name: str) -> str:
    if name == VOCABULARY_GRAPH:
        return "vocabulary"
    files_ = sorted(str(o) for o in graph.objects(None, BG.fileName))
    return files_[0] if files_ else (name or "graph")


def _check(graph: Graph, name: str, vocabulary: Graph) -> list[Violation]:
    from pyshacl import validate

    # Mixed in here, not via pySHACL's ``ont_graph``: that only copies class axioms
    # ("inoculation"), not the typed concepts and authority entities relation ends may be.
    data = Graph()
    data += graph
    data += vocabulary
    _conforms, results, _text_report = validate(
        data,
        shacl_graph=shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    assert isinstance(results, Graph)
    source = _source_of(graph, name)
    out = []
    for result in results.subjects(SH.resultSeverity, None):
        focus = results.value(result, SH.focusNode)
        severity = results.value(result, SH.resultSeverity)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        label = graph.value(focus, RDFS.label) if focus is not None else None
        if label is None and focus is not None:
            label = vocabulary.value(focus, RDFS.label)
        out.append(
            Violation(
                graph=name,
                source=source,
                focus=str(focus),
                focus_label=str(label) if isinstance(label, Literal) else None,
                path=_text(results.value(result, SH.resultPath)),
                value=_text(results.value(result, SH.value)),
                message=messages[0] if messages else "constraint not met",
                severity=str(severity).rsplit("#", 1)[-1],
            )
        )
    return out


def validate_graph(
    graph: Graph, *, name: str = "", source: str | None = None, vocabulary: Graph | None = None
) -> ValidationReport:
    """Validate one graph (e.g. one document's named graph, or :func:`graph.writer` output)."""
    vocab = vocabulary if vocabulary is not None else vocabulary_graph()
    report = ValidationReport(source or _source_of(graph, name), graphs=1)
    report.violations = _check(graph, name, vocab)
    return report


def validate_dataset(
    graphs: Iterable[tuple[str, Graph]], *, source: str, vocabulary: Graph | None = None
) -> ValidationReport:
    """Validate each named graph of a dataset on its own; one report for all of them.

    ``graphs`` are ``(graph name, graph)`` pairs. When the vocabulary named graph is among them
    it is validated too (the authority list must conform like everything else); the bundled
    vocabulary is always the ontology graph mixed in, so results do not depend on an old copy.
    """
    vocab = vocabulary if vocabulary is not None else vocabulary_graph()
    report = ValidationReport(source)
    for name, graph in graphs:
        if len(graph) == 0:
            continue
        report.graphs += 1
        report.violations.extend(_check(graph, name, vocab))
    return report


def _named_graphs(ds: Dataset) -> list[tuple[str, Graph]]:
    out = []
    for ctx in ds.graphs():
        name = str(ctx.identifier)
        if name == "urn:x-rdflib:default":
            name = ""
        out.append((name, ctx))
    return sorted(out, key=lambda pair: pair[0])


def validate_rdf(data: bytes | str, fmt: str, *, source: str) -> ValidationReport:
    """Validate serialised RDF: a dataset format keeps its named graphs, others are one graph.

    ``fmt`` is an rdflib format name ('trig', 'nquads', 'turtle', 'nt', 'json-ld', 'xml').
    """
    try:
        if fmt in _DATASET_FORMATS:
            ds = Dataset()
            ds.parse(data=data, format=fmt)
            return validate_dataset(_named_graphs(ds), source=source)
        graph = Graph().parse(data=data, format=fmt)
    except Exception as exc:  # rdflib raises many unrelated types for bad syntax
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        reason = " ".join(lines[:2]).replace(" of <>:", ":")[:300] or type(exc).__name__
        raise DocumentError(source, f"not valid {fmt}: {reason}") from exc
    return validate_dataset([("", graph)], source=source)


def validate_file(path: Path) -> ValidationReport:
    """Validate an RDF file (.trig, .nq, .ttl, .nt, .jsonld, .rdf); format from its suffix."""
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(_FORMATS))
        raise DocumentError(path, f"unknown RDF file type {path.suffix!r} (use {known})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"cannot read: {exc.strerror or exc}") from exc
    return validate_rdf(data, fmt, source=str(path))
