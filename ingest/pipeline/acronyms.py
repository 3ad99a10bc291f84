"""Component ``beleidsgraaf_acronyms_v1``: definitions 'Long Form (LF)' and 'LF (Long Form)'.

The long form is found with the Schwartz & Hearst (2003) letter-alignment rule: reading the
acronym right to left, each letter must occur in the candidate long form in that order, and its
first letter must start a word. This needs no list of known names, so it works on names nobody
has seen ('Regionaal Investeringsfonds mbo (RIF)'), and it rejects misprints whose letters do not
align ('Universiteit Twente (VU)').

Both spans go to ``doc.spans[SPANS_KEY]`` with the same ``kb_id`` ('acr:<acronym>'), so entity
resolution can link every later use of the acronym, in any block of the document, to the long
form.

References
----------
A. S. Schwartz and M. A. Hearst, "A simple algorithm for identifying abbreviation definitions in
biomedical text", Pacific Symposium on Biocomputing, 2003.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from beleidsgraaf.ingest.pipeline.lexicon import lexicon

__all__ = [
    "CONCEPTS_KEY",
    "SPANS_KEY",
    "UNKNOWN",
    "AcronymDetector",
    "align_long_form",
    "is_acronym",
]

SPANS_KEY = "bg_acronyms"
CONCEPTS_KEY = "bg_concept_acronyms"
"""Short forms defined by a lower-case concept: 'leven lang ontwikkelen (LLO)' -> 'LLO'."""
UNKNOWN = "Unknown"
"""Label of a definition whose long form has no head noun: its type comes from elsewhere."""

_PLURAL_MARKS = frozenset({"'s", "’s", "s"})
"""Dutch plural of an acronym ('CIV’s'), which a plural long form is defined with."""
_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z0-9][A-Za-z0-9&.+!\-]{1,11}$")


@cache
def is_acronym(text: str) -> bool:
    """True for short forms such as 'RIF', 'KvT', '4TU', 'MB&T', 'N.I.C.E.' (memoised per text).

    Examples
    --------
    >>> [is_acronym(t) for t in ("RIF", "KvT", "4TU", "Twente", "W")]
    [True, True, True, False, False]
    """
    return bool(_ACRONYM.match(text)) and not (text[0].isupper() and text[1:].islower())


def align_long_form(short: str, words: list[str]) -> int | None:
    """Index of the first word of the long form of ``short`` among ``words``, or None.

    Examples
    --------
    >>> align_long_form("RIF", ["het", "Regionaal", "Investeringsfonds", "mbo"])
    1
    >>> align_long_form("VU", ["de", "Universiteit", "Twente"]) is None
    True
    """
    letters = [c.casefold() for c in short if c.isalnum()]
    if len(letters) < 2:
        return None
    text = " ".join(words).casefold()
    starts = {0} | {m.end() for m in re.finditer(r"[\s\-/]", text)}
    pos = len(text) - 1
    for i in range(len(letters) - 1, -1, -1):
        char = letters[i]
        while pos >= 0 and (text[pos] != char or (i == 0 and pos not in starts)):
            pos -= 1
        if pos < 0:
            return None
        pos -= 1
    first_char = pos + 1
    # Word index containing the aligned first letter.
    offset = 0
    for index, word in enumerate(words):
        if offset <= first_char < offset + len(word) + 1:
            return index
        offset += len(word) + 1
    return None


def _concept(long: Span) -> bool:
    """A long form all in lower case: a concept ('leven lang ontwikkelen'), or -- in the
    plural -- a kind ('meerjarenprogramma's (MJP's)'), unless a singular head noun names one
    instrument ('regionaal investeringsfonds mbo (RIF)'; the caller decides)."""
    return all(t.is_lower for t in long if t.is_alpha)


def _singulars(word: str) -> list[str]:
    """Candidate singulars of a Dutch or English plural: 'strategieën' -> 'strategie',
    'programma's' -> 'programma', 'fondsen' -> 'fonds', 'programs' -> 'program'."""
    low = word.casefold()
    for plural_s in ("'s", "’s"):
        if low.endswith(plural_s):
            return [low[: -len(plural_s)]]
    if low.endswith("ën"):
        return [low[:-2]]
    if low.endswith("en"):
        return [low[:-2]]
    if low.endswith("s"):
        return [low[:-1]]
    return []


class AcronymDetector:
    """Mark acronym definitions: long form and short form share ``kb_id`` 'acr:<short>'."""

    def __init__(self, nlp: Language, name: str, max_words: int = 10) -> None:
        self.name = name
        self.max_words = max_words

    def _type(self, span: Span) -> str:
        """The long form's type by its head noun, else UNKNOWN (resolution decides)."""
        lex = lexicon()
        for token in span:
            kind = lex.head_type(token.text)
            if kind is not None:
                return kind
        # 'Regionale Innovatiestrategieën (RIS)', 'Meerjarige Innovatie Programma's (MIP's)': a
        # plan or programme head in the plural still says what kind of thing is abbreviated.
        for singular in _singulars(span[-1].text):
            kind = lex.head_type(singular)
            if kind in {"Programme", "Intervention"}:
                return kind
        return UNKNOWN

    def _long_before(self, doc: Doc, open_paren: int, short: str) -> Span | None:
        sent_start = doc[open_paren].sent.start if doc.has_annotation("SENT_START") else 0
        limit = min(len(short) + 5, 2 * len(short), self.max_words)
        first = max(sent_start, open_paren - limit)
        words = [t.text for t in doc[first:open_paren]]
        # Stop at punctuation that ends a phrase: the long form never spans it.
        for j in range(len(words) - 1, -1, -1):
            if words[j] in {",", ";", ":", "(", ")", "."} and j < len(words) - 1:
                if words[j] == "," and j > 0:
                    continue
                words = words[j + 1 :]
                first = open_paren - len(words)
                break
        index = align_long_form(short, words)
        if index is None:
            return None
        start = first + index
        while start < open_paren and doc[start].lower_ in lexicon().articles:
            start += 1
        if start >= open_paren or doc[start].lower_ in lexicon().connectors:
            return None  # 'Karen van Oudenhoven (VU)': a name with its affiliation, no definition
        return doc[start:open_paren]

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        concepts: list[Span] = []
        n = len(doc)
        known = {(s.start, s.end) for s in doc.spans.get("bg_authority", [])}
        for i, token in enumerate(doc):
            if token.text != "(" or i + 2 >= n:
                continue
            inner, close = doc[i + 1], doc[i + 2]
            if close.text in _PLURAL_MARKS and i + 3 < n and doc[i + 3].text == ")":
                close = doc[i + 3]  # 'Centra voor Innovatief Vakmanschap (CIV’s)': a plural
            if close.text != ")":
                # 'LF (Long Form)': acronym before the parenthesis.
                if i > 0 and is_acronym(doc[i - 1].text):
                    end = next((k for k in range(i + 1, min(n, i + 12)) if doc[k].text == ")"), 0)
                    if end:
                        words = [t.text for t in doc[i + 1 : end]]
                        reverse = doc[i + 1 : end]
                        if align_long_form(doc[i - 1].text, words) == 0 and _concept(reverse):
                            # 'BBP (bruto binnenlands product)': a concept, no name.
                            concepts.append(
                                Span(doc, i - 1, i, label="Concept", kb_id=f"acr:{doc[i - 1].text}")
                            )
                        elif align_long_form(doc[i - 1].text, words) == 0:
                            kind = self._type(reverse)
                            key = f"acr:{doc[i - 1].text}"
                            spans.append(Span(doc, i + 1, end, label=kind, kb_id=key))
                            spans.append(Span(doc, i - 1, i, label=kind, kb_id=key))
                continue
            if not is_acronym(inner.text) or (i + 1, i + 2) in known:
                continue  # the authority list already says what a known acronym stands for
            long = self._long_before(doc, i, inner.text)
            if long is None:
                continue
            plural = close.i == i + 3 or long[-1].text.endswith(("’s", "'s"))
            if (
                _concept(long) and (plural or self._type(long) == UNKNOWN)
            ) or lexicon().is_generic_body(long.text):
                # A concept ('leven lang ontwikkelen (LLO)') or an organ of some organisation
                # ('Dagelijks Bestuur (DB)'), not a name: its later bare uses are not names
                # either (see CONCEPTS_KEY).
                concepts.append(Span(doc, i + 1, i + 2, label="Concept", kb_id=f"acr:{inner.text}"))
                continue
            kind = self._type(long)
            key = f"acr:{inner.text}"
            spans.append(Span(doc, long.start, long.end, label=kind, kb_id=key))
            spans.append(Span(doc, i + 1, i + 2, label=kind, kb_id=key))
        doc.spans[SPANS_KEY] = spans
        doc.spans[CONCEPTS_KEY] = concepts
        return doc
