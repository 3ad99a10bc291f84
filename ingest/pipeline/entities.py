"""Component ``beleidsgraaf_entities_v1``: one consistent set of entity spans per Doc.

The finders each write their own span group and may overlap ('Twente' from the authority list
inside 'Techniekpact Twente' from a head-noun rule). This component decides, in one place:
trusted spans (authority, acronym definitions, head nouns, person and place cues) are kept
longest-first without overlap; weak guesses (bare acronyms, capitalised runs, a statistical
model's entities) only fill gaps. A place named inside an organisation's name by 'provincie X'
or 'gemeente X' is kept as well, so both the authority and the place are entities.

The result is ``doc.spans[SPANS_KEY]`` (may nest) and ``doc.ents`` (never overlapping, for
displaCy and for statistical components downstream).
"""

from __future__ import annotations

from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from beleidsgraaf.ingest.pipeline.acronyms import UNKNOWN
from beleidsgraaf.ingest.pipeline.boundaries import adjust_boundaries
from beleidsgraaf.ingest.pipeline.trust import has, rules_with

__all__ = [
    "MODEL_SPANS_KEY",
    "SOURCE_GROUPS",
    "SPANS_KEY",
    "EntityConsolidator",
    "ModelEntities",
    "is_weak",
]

SPANS_KEY = "bg_entities"
MODEL_SPANS_KEY = "bg_model"
SOURCE_GROUPS: tuple[str, ...] = (
    "bg_authority",
    "bg_acronyms",
    "bg_entries",
    "bg_names",
    "bg_patterns",
    MODEL_SPANS_KEY,
)


def is_weak(span: Span) -> bool:
    """True for spans that only fill gaps between stronger ones (``trust.yaml``)."""
    return has(span.kb_id_, "weak_span")


class EntityConsolidator:
    """Merge the finders' span groups into ``doc.spans[SPANS_KEY]`` and ``doc.ents``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        strong: list[Span] = []
        weak: list[Span] = []
        for key in SOURCE_GROUPS:
            for span in doc.spans.get(key, []):
                (weak if is_weak(span) else strong).append(span)
        strong = adjust_boundaries(_typed_definitions(strong), set())
        weak = adjust_boundaries(weak, set(rules_with("weak_span")))
        # Order matters for equal lengths: authority first, then acronyms, then rules.
        kept = filter_spans(strong)
        taken = {i for span in kept for i in range(span.start, span.end)}
        for span in filter_spans(weak):
            if not any(i in taken for i in range(span.start, span.end)):
                kept.append(span)
        _listed_with_organisations(kept)
        kept = [span for span in kept if span.kb_id_ != _LISTED]
        # A place named inside an organisation ('provincie X') or an activity ('Techniek
        # Uitmarkt Alkmaar') is an entity of its own as well: the activity is located there.
        nested = [
            span
            for span in strong
            if span.label_ == "Region"
            and span not in kept
            and any(k.start <= span.start and span.end <= k.end for k in kept)
            and any(
                k.start < span.start
                and span.end <= k.end
                and (
                    (k.label_ == "Organisation" and span.kb_id_ == "rule:cue")
                    or k.kb_id_ == "rule:entry"
                )
                for k in kept
            )
        ]
        final = sorted(kept + nested, key=lambda s: (s.start, s.end))
        doc.spans[SPANS_KEY] = final
        doc.ents = [Span(doc, s.start, s.end, label=s.label_) for s in filter_spans(kept)]
        return doc


def _typed_definitions(strong: list[Span]) -> list[Span]:
    """Give an acronym definition without a head noun the type a context rule found for the
    same words.

    'een voorbeeld van een interventie zijn de Frobnicteams (FTs)': the long form has no head
    noun, so the acronym finder leaves its type to resolution, but the name finder typed the
    same words from their context. The definition wins the overlap (it links the short form),
    so it carries that type instead of dropping it.
    """
    typed = {
        (s.start, s.end): s.label_
        for s in strong
        # 'Two Capitalised Words (ACR)' reads as a person with an affiliation to the name
        # finder; when the letters align it is a definition, so that reading is no evidence.
        if s.kb_id_.startswith("rule:") and s.label_ not in {UNKNOWN, "Person"}
    }
    out = []
    for span in strong:
        kind = typed.get((span.start, span.end))
        if span.label_ == UNKNOWN and span.kb_id_.startswith("acr:") and kind is not None:
            span = Span(span.doc, span.start, span.end, label=kind, kb_id=span.kb_id_)
        out.append(span)
    return out


_LIST_GLUE = frozenset({",", "en", "&", "of", "and"})
_GUESS_RULES = rules_with("promotable")
_LISTED = "rule:listed"
"""An ordinary word in a list ('Atria'): only a name when listed next to an organisation."""


def _listed_with_organisations(kept: list[Span]) -> None:
    """Promote a guessed name that is listed next to an organisation ('VHTO, Atria, Emancipator
    en NVR', 'door Tulser Privacy Factory en Computrain'), a person ('Motie Amhaouch en
    Bruins') or a place ('Stedendriehoek, Foodvalley, Twente').

    A coordination lists things of one kind: a capitalised name between commas or 'en' next to a
    name known to be an organisation (by the authority list, a head noun or an acronym) is an
    organisation too, so it is kept even when named once. The promotion walks along the list.
    """
    ordered = sorted(kept, key=lambda s: s.start)
    changed = True
    while changed:
        changed = False
        for i, span in enumerate(ordered):
            if span.kb_id_ not in _GUESS_RULES:
                continue
            doc = span.doc
            neighbours = []
            if (
                i > 0
                and ordered[i - 1].end == span.start - 1
                and doc[span.start - 1].lower_ in _LIST_GLUE
            ):
                neighbours.append(ordered[i - 1])
            if (
                i + 1 < len(ordered)
                and ordered[i + 1].start == span.end + 1
                and doc[span.end].lower_ in _LIST_GLUE
            ):
                neighbours.append(ordered[i + 1])
            kinds = {n.label_ for n in neighbours if n.kb_id_ not in _GUESS_RULES}
            kind = next((k for k in ("Organisation", "Person", "Region") if k in kinds), None)
            if span.kb_id_ == _LISTED and kind != "Organisation":
                continue
            if kind is not None:
                # 'Motie Amhaouch en Bruins': a name listed with a person is a person.
                promoted = Span(doc, span.start, span.end, label=kind, kb_id="rule:list")
                kept[kept.index(span)] = promoted
                ordered[i] = promoted
                changed = True


class ModelEntities:
    """Copy a statistical model's ``doc.ents`` into a weak span group, mapped to our types."""

    TYPES: ClassVar[dict[str, str]] = {
        "PER": "Person",
        "PERSON": "Person",
        "ORG": "Organisation",
        "GPE": "Region",
        "LOC": "Region",
    }

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[MODEL_SPANS_KEY] = [
            Span(doc, e.start, e.end, label=self.TYPES[e.label_], kb_id="model")
            for e in doc.ents
            if e.label_ in self.TYPES
        ]
        return doc
