"""Generate the human-readable ontology reference (Markdown) from the Turtle and the authority list.

``docs/ontology.md`` is this module's output and is checked by the tests to be up to date::

    python -m beleidsgraaf.ontology.reference > docs/ontology.md

Why not pyLODE: it renders OWL only (not the SKOS schemes, the authority list or the shapes),
pulls in a large dependency tree, and produces HTML that does not diff well in review. The
template (``templates/reference.md``) is plain Markdown with Jinja placeholders.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from importlib.resources import files
from typing import Any

from jinja2 import Environment, StrictUndefined
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, Node, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, SKOS

from beleidsgraaf.ontology.authority import (
    ACTION_LINES_SCHEME,
    INSTRUMENTS_SCHEME,
    KINDS_SCHEME,
    LANDSDELEN_SCHEME,
    load_authority,
    ontology_graph,
    vocabulary_graph,
)
from beleidsgraaf.ontology.iri import BASE, DEF, compact
from beleidsgraaf.ontology.linking import ASSERT_AT, PROPOSE_AT
from beleidsgraaf.ontology.registries import snapshot

__all__ = ["render_reference"]

_CHARACTERISTICS = {
    OWL.TransitiveProperty: "transitive",
    OWL.SymmetricProperty: "symmetric",
    OWL.FunctionalProperty: "functional",
}
_ALIGNMENTS = {
    RDFS.subPropertyOf: "sub-property of",
    OWL.equivalentProperty: "equivalent to",
    OWL.inverseOf: "inverse of",
    RDFS.seeAlso: "compare",
}


def _short(node: Node) -> str:
    return compact(str(node))


def _cell(text: str) -> str:
    """Make text safe for one Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _lang(g: Graph, node: Node, prop: URIRef, lang: str) -> str:
    for value in g.objects(node, prop):
        if isinstance(value, Literal) and value.language == lang:
            return str(value)
    return ""


def _class_expr(g: Graph, node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, BNode):
        union = g.value(node, OWL.unionOf)
        if union is not None:
            return " or ".join(f"`{_short(m)}`" for m in Collection(g, union))
    return f"`{_short(node)}`"


def _terms(g: Graph, kinds: Iterable[URIRef]) -> list[URIRef]:
    found = {s for kind in kinds for s in g.subjects(RDF.type, kind) if isinstance(s, URIRef)}
    return sorted((t for t in found if str(t).startswith(DEF)), key=str)


def _term(g: Graph, term: URIRef) -> dict[str, Any]:
    return {
        "name": _short(term),
        "label_nl": _lang(g, term, RDFS.label, "nl"),
        "label_en": _lang(g, term, RDFS.label, "en"),
        "definition_nl": _lang(g, term, SKOS.definition, "nl"),
        "definition_en": _lang(g, term, SKOS.definition, "en"),
        "comment": _lang(g, term, RDFS.comment, "en"),
    }


def _classes(g: Graph) -> list[dict[str, Any]]:
    out = []
    for term in _terms(g, [OWL.Class]):
        info = _term(g, term)
        info["parents"] = sorted(f"`{_short(p)}`" for p in g.objects(term, RDFS.subClassOf))
        out.append(info)
    return out


def _properties(g: Graph) -> list[dict[str, Any]]:
    out = []
    for term in _terms(g, [OWL.ObjectProperty, OWL.DatatypeProperty]):
        info = _term(g, term)
        info["domain"] = _class_expr(g, g.value(term, RDFS.domain))
        info["range"] = _class_expr(g, g.value(term, RDFS.range))
        types = set(g.objects(term, RDF.type))
        info["characteristics"] = ", ".join(v for k, v in _CHARACTERISTICS.items() if k in types)
        info["alignment"] = "; ".join(
            f"{label} `{_short(o)}`"
            for prop, label in _ALIGNMENTS.items()
            for o in sorted(g.objects(term, prop), key=str)
        )
        out.append(info)
    return out


def _schemes(g: Graph) -> list[dict[str, Any]]:
    out = []
    for iri in (LANDSDELEN_SCHEME, ACTION_LINES_SCHEME, INSTRUMENTS_SCHEME, KINDS_SCHEME):
        scheme = URIRef(iri)
        concepts = []
        for c in sorted(g.subjects(SKOS.inScheme, scheme), key=str):
            alts = sorted(
                str(a)
                for a in g.objects(c, SKOS.altLabel)
                if not isinstance(a, Literal) or a.language in (None, "nl")
            )
            concepts.append(
                {
                    "iri": _short(c),
                    "label_nl": _cell(_lang(g, c, SKOS.prefLabel, "nl")),
                    "label_en": _cell(_lang(g, c, SKOS.prefLabel, "en")),
                    "alt_labels": _cell(", ".join(alts)),
                    "broader": ", ".join(f"`{_short(b)}`" for b in g.objects(c, SKOS.broader)),
                }
            )
        out.append(
            {
                "iri": _short(scheme),
                "label_nl": _lang(g, scheme, SKOS.prefLabel, "nl"),
                "label_en": _lang(g, scheme, SKOS.prefLabel, "en"),
                "definition_en": _lang(g, scheme, SKOS.definition, "en"),
                "concepts": concepts,
            }
        )
    return out


def _authority(g: Graph) -> list[tuple[str, list[dict[str, str]]]]:
    labels = {e.iri: e.label for e in load_authority()}
    groups: dict[str, list[dict[str, str]]] = {}
    for e in load_authority():
        kind = _lang(g, URIRef(e.concepts[0]), SKOS.prefLabel, "nl") if e.concepts else "-"
        groups.setdefault(kind, []).append(
            {
                "label": _cell(e.label),
                "type": e.type,
                "alt_labels": _cell(", ".join(e.alt_labels)),
                "part_of": _cell(", ".join(labels[p] for p in e.part_of)),
                "located_in": _cell(", ".join(labels[p] for p in e.located_in)),
            }
        )
    return list(groups.items())


def _shapes() -> list[dict[str, Any]]:
    from beleidsgraaf.ontology.validate import shapes_graph

    g = shapes_graph()
    out = []
    for shape in sorted(g.subjects(RDF.type, SH.NodeShape), key=str):
        messages = [str(m) for m in g.objects(shape, SH.message)]
        for prop in g.objects(shape, SH.property):
            messages += [str(m) for m in g.objects(prop, SH.message)]
        for sparql in g.objects(shape, SH.sparql):
            messages += [str(m) for m in g.objects(sparql, SH.message)]
        out.append({"name": _short(shape).rsplit("#", 1)[-1], "messages": sorted(set(messages))})
    return out


def render_reference() -> str:
    """The Markdown reference of the ontology, schemes, authority list and shapes."""
    onto = ontology_graph()
    vocab = vocabulary_graph()
    head = URIRef(DEF.rstrip("#"))
    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    template = env.from_string(
        (files("beleidsgraaf.ontology") / "templates" / "reference.md").read_text(encoding="utf-8")
    )
    return template.render(
        namespace=DEF,
        base=BASE,
        ontology={
            "definition_nl": _lang(onto, head, SKOS.definition, "nl"),
            "definition_en": _lang(onto, head, SKOS.definition, "en"),
            "version": str(onto.value(head, OWL.versionInfo)),
        },
        classes=_classes(onto),
        properties=_properties(onto),
        schemes=_schemes(vocab),
        authority=load_authority(),
        authority_by_kind=_authority(vocab),
        shapes=_shapes(),
        snapshots=[snapshot("ROR"), snapshot("TOOI")],
        assert_at=ASSERT_AT,
        propose_at=PROPOSE_AT,
    )


def main() -> None:
    """Write the reference to standard output (UTF-8)."""
    sys.stdout.buffer.write(render_reference().encode("utf-8"))


if __name__ == "__main__":
    main()
