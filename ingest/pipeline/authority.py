"""Component ``beleidsgraaf_authority_v1``: find names from the authority vocabularies.

Every preferred and alternative label of the authority list (``beleidsgraaf.ontology.authority``)
becomes a phrase pattern whose span carries the entity's type as label and its IRI as ``kb_id``.
Short all-capital labels ('VU', 'UT', 'SER') are matched case-sensitively, so the word 'ut' or a
sentence-initial 'Ser' never matches; longer labels match case-insensitively, so 'VRIJE
UNIVERSITEIT' in a heading does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

__all__ = ["SPANS_KEY", "AuthorityMatcher", "AuthorityName", "authority_names"]

SPANS_KEY = "bg_authority"


@dataclass(frozen=True, slots=True)
class AuthorityName:
    """One surface form of an authority entity."""

    text: str
    type: str
    iri: str


def authority_names() -> list[AuthorityName]:
    """Every label and alt label of the authority list, plus the lexicon's places."""
    from beleidsgraaf.ingest.pipeline.lexicon import lexicon
    from beleidsgraaf.ontology import authority
    from beleidsgraaf.ontology.iri import entity_iri

    names: list[AuthorityName] = []
    known: set[str] = set()
    for entry in authority.load_authority():
        for text in (entry.label, *entry.alt_labels):
            names.append(AuthorityName(text, entry.type, entry.iri))
            known.add(text.casefold())
    # General geography (countries, continents) from the lexicon, where the list has no entry.
    for place in lexicon().places:
        if place.casefold() not in known:
            names.append(AuthorityName(place, "Region", entity_iri(place)))
    return names


def _is_short_acronym(text: str) -> bool:
    return len(text) <= 6 and " " not in text and sum(c.isupper() for c in text) >= 2


class AuthorityMatcher:
    """Mark authority names in ``doc.spans[SPANS_KEY]`` (label = type, kb_id = IRI)."""

    def __init__(self, nlp: Language, name: str, names: Iterable[AuthorityName]) -> None:
        self.name = name
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_key: dict[str, AuthorityName] = {}
        exact: dict[str, list[Doc]] = {}
        folded: dict[str, list[Doc]] = {}
        for entry in names:
            key = f"{entry.type}|{entry.iri}"
            self.by_key[key] = entry
            target = exact if _is_short_acronym(entry.text) else folded
            target.setdefault(key, []).append(nlp.make_doc(entry.text))
        for key, docs in exact.items():
            self.exact.add(key, docs)
        for key, docs in folded.items():
            self.folded.add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                if end - start == 1 and doc[start].text[:1].islower():
                    continue  # 'leiden' (to lead) is not Leiden: a one-word place has a capital
                entry = self.by_key[doc.vocab.strings[match_id]]
                spans.append(Span(doc, start, end, label=entry.type, kb_id=entry.iri))
        doc.spans[SPANS_KEY] = spans
        return doc
