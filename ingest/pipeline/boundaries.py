"""Where a name begins and ends, read from the grammar: checks the consolidator applies to every
span the finders propose (:mod:`.entities`).

They need the tagger and parser (``token.pos_``, ``token.dep_``, ``token.morph``); without them
(the 'none' model setting) each check leaves the span as it is.

- A person's name runs on over the words the parser attaches to it as one name (``flat``):
  'Alexander Rinnooy Kan', where 'Kan' is also an ordinary word.
- A capitalised ordinal before a body's name is part of it ('Tweede Kamer ...').
- A guessed name that opens its sentence with a verb is an imperative ('Stroomlijn de
  organisatie'), not a name. Only guesses are checked; a name the authority list or a head noun
  vouches for stands.
- A name ends before an address's postal part ('... Staten-Generaal Postbus 20018'): a word
  of the lexicon's ``address_words`` or a Dutch postcode ('2500 EA').
- A place that opens a dateline ('Den Haag, 18 juni 2018') says where a letter was signed, not
  an area the text is about; and a name does not run over a line break into one.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from beleidsgraaf.ingest.pipeline.lexicon import lexicon
from beleidsgraaf.ingest.structure import MONTHS

__all__ = ["adjust_boundaries", "is_dateline", "is_not_a_name"]

_MONTHS = frozenset(MONTHS)


_POSTCODE_LETTERS = re.compile(r"[A-Z]{2}")


def _parsed(doc: Doc) -> bool:
    return doc.has_annotation("POS") and doc.has_annotation("DEP")


def _extend_flat(span: Span) -> Span:
    """A person's span widened to the tokens the parser joins to it by ``flat``."""
    doc = span.doc
    end = span.end
    while end < len(doc) and doc[end].dep_ == "flat" and span.start <= doc[end].head.i < end:
        if not doc[end].text[:1].isupper():
            break
        end += 1
    return (
        span
        if end == span.end
        else Span(doc, span.start, end, label=span.label_, kb_id=span.kb_id_)
    )


def _with_ordinal(span: Span) -> Span:
    """A body's span widened leftwards over a capitalised ordinal ('Tweede Kamer')."""
    if span.start == 0 or span.label_ != "Organisation":
        return span
    before = span.doc[span.start - 1]
    if before.text[:1].isupper() and before.lower_ in lexicon().ordinals:
        return Span(span.doc, span.start - 1, span.end, label=span.label_, kb_id=span.kb_id_)
    return span


def is_not_a_name(span: Span) -> bool:
    """Whether a guessed span opens its sentence with a verb: an imperative (module docstring)."""
    first = span[0]
    return first.pos_ in {"VERB", "AUX"} and first.i == first.sent.start and len(span) <= 2


def is_dateline(span: Span) -> bool:
    """Whether the span is the place of a dateline: its line opens with it and goes on with a
    comma and a date ('Den Haag, 18 juni 2018'), whatever the finder took it for."""
    doc = span.doc
    start = span.start
    while start > span.sent.start and not _line_starts_at(doc, start):
        start -= 1
    if span.start - start > 1 or not (start == span.sent.start or _line_starts_at(doc, start)):
        return False
    return _date_follows(doc, start)


def _before_dateline(span: Span) -> Span:
    """A name cut where it runs over a line break into a dateline ('... Staten-Generaal' +
    newline + 'Den Haag, 3 november 2023')."""
    doc = span.doc
    for i in range(span.start + 1, span.end):
        if _line_starts_at(doc, i) and _date_follows(doc, i):
            return Span(doc, span.start, i, label=span.label_, kb_id=span.kb_id_)
    return span


def _before_address(span: Span) -> Span:
    """A name cut before the postal part of an address (module docstring)."""
    doc = span.doc
    for i in range(span.start + 1, span.end):
        token = doc[i]
        postcode = (
            token.text.isdigit()
            and len(token.text) == 4
            and i + 1 < len(doc)
            and _POSTCODE_LETTERS.fullmatch(doc[i + 1].text) is not None
        )
        if token.lower_ in lexicon().address_words or postcode:
            return Span(doc, span.start, i, label=span.label_, kb_id=span.kb_id_)
    return span


def _line_starts_at(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a line (a line break before it, as space or as a token)."""
    before = doc[i - 1] if i > 0 else None
    return before is not None and ("\n" in before.whitespace_ or "\n" in before.text)


def _date_follows(doc: Doc, i: int) -> bool:
    """Whether a place name at ``i`` (one to three words) is followed by a comma and a date."""
    for j in range(i + 1, min(i + 4, len(doc))):
        if doc[j].text == ",":
            return any(t.lower_ in _MONTHS for t in doc[j + 1 : j + 4])
    return False


def adjust_boundaries(spans: list[Span], guessed: set[str]) -> list[Span]:
    """The spans with the grammar's corrections applied; ``guessed`` holds the rule ids whose
    spans are only guesses (they may be dropped, the others only widened)."""
    doc = spans[0].doc if spans else None
    if doc is None or not _parsed(doc):
        return spans
    out = []
    for span in spans:
        if span.label_ == "Person":
            span = _extend_flat(span)
        span = _before_address(_before_dateline(_with_ordinal(span)))
        if span.kb_id_ in guessed and is_not_a_name(span):
            continue
        if is_dateline(span):
            continue
        out.append(span)
    return out
