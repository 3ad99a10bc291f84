"""Component ``beleidsgraaf_entries_v1``: the name an entry of a box of activities is about.

Boxes that list activities per region and goal ('Box 2.1 ... per landsdeel') hold one activity
per entry, and an entry is usually just its name: '• Techniek op Zuid', '• EduKart',
'• Bètapartners: VO-HO netwerk regio Amsterdam'. Running-text rules miss many of them, because a
name in sentence case ('Leren voor Duurzame Ontwikkeling') or a made-up single word
('Maakotheek') looks like an ordinary opening word there. In such an entry the part before a
colon, dash or parenthesis is a name when it *looks made*:

- a later word is capitalised ('Bedrijf in de Klas'), other than a school-type acronym ('PO en
  VO'), a place after a locative ('Herverkaveling in Emmen') or a place adjective ('Friese');
- or its first word is CamelCase or an acronym ('EduKart', 'ICT in de wolken');
- or it is one word that is no ordinary Dutch word or compound of two ('Maakotheek', but not
  'Technieklokaal');
- or the whole entry is a quoted title.

A descriptive entry ('Masterclasses voor docenten', 'Leraren volgen opleidingen') has none of
these, and a long entry (more than six words) or one with a verb is a sentence about something,
left to the running-text rules.

Such a name is an activity, so an Intervention -- unless it is headed by an organisation noun
('Sciencecentrum De Magneet', 'Joint Research Center'), which the running-text rules already
typed. A programme the entry opens with ('Onderwijsprogramma X: ...') is an activity too.
The extractor marks which Docs are such entries in ``doc.user_data[ENTRY_KEY]``; other Docs
pass through untouched. Spans go to ``doc.spans[SPANS_KEY]`` with ``kb_id`` 'rule:entry'.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from beleidsgraaf.ingest.pipeline.acronyms import is_acronym
from beleidsgraaf.ingest.pipeline.cues import (
    ADJECTIVE,
    ARTICLES,
    CLOSE_QUOTES,
    OPEN_QUOTES,
    VOCAB_KEY,
    common_compound,
    is_place,
)
from beleidsgraaf.ingest.pipeline.lexicon import is_common_word, lexicon, looks_like_verb
from beleidsgraaf.ingest.pipeline.names import SPANS_KEY as NAMES_KEY

__all__ = ["ACTIVITY", "ENTRY_KEY", "SPANS_KEY", "EntryNames", "entry_name"]

SPANS_KEY = "bg_entries"
ENTRY_KEY = "bg_entry"
ACTIVITY = "activity"
"""Value of ``doc.user_data[ENTRY_KEY]`` for an entry of a box of regional activities."""

_MAX_WORDS = 6
_BULLETS = frozenset({"•", "-", "–", "*", "·", "▪", "o"})
_ENDS = frozenset({":", "(", "–", "—", "-", ";"})
_LOCATIVES = frozenset({"in", "te", "uit", "binnen", "rond", "bij", "op"})
_SCHOOL_TYPES = frozenset({"PO", "VO", "MBO", "HBO", "WO", "HO", "VMBO", "HAVO", "VWO"})
_CAMEL = re.compile(r"[a-zà-ÿ][A-Z]")
_ATTRIBUTIVE = re.compile(r"(?:lijke|ische|ale|ele|ieve|ige|bare|ende)$")
"""Endings of an inflected attributive adjective ('bestuurlijke', 'regionale', 'lerende'): the
word after one is a noun, even when it also reads as a verb ('bestuurlijke netwerken')."""
_GLOSS = re.compile(r"^\(\s*[a-zà-ÿ][^()]*\)$")
"""A parenthetical that opens in lower case: a gloss saying what an activity does or is for
('X (samenwerking scholen-bedrijven)', 'Y (onderzoek, kennisvalorisatie)')."""


def _ordinary(word: str, vocabulary: frozenset[str]) -> bool:
    """An ordinary Dutch word, or a compound of two ('Technieklokaal' = techniek + lokaal)."""
    low = word.casefold()
    return is_common_word(low) or low in vocabulary or common_compound(low, vocabulary)


def _capitalised_later(words: Span) -> bool:
    """Whether a word after the first is capitalised in a way that marks a name."""
    for k, token in enumerate(words):
        if k == 0 or not token.text[:1].isupper():
            continue
        if token.text in _SCHOOL_TYPES or ADJECTIVE.search(token.lower_):
            continue
        if is_place(token.text) and words[k - 1].lower_ in _LOCATIVES:
            continue
        return True
    return False


def _ends_name(doc: Doc, i: int) -> bool:
    """Whether token ``i`` ends the entry's name: a colon, dash or parenthesis that stands
    apart ('Leve(n)Lang' keeps its bracket), or a web address after the name."""
    token = doc[i]
    if token.like_url:
        return True
    if token.text not in _ENDS:
        return False
    return not (token.text == "(" and i > 0 and not doc[i - 1].whitespace_)


def _named_subject(doc: Doc, start: int, end: int) -> Span:
    """The entry's words up to ``end``, or, when the entry is a sentence whose subject is a
    slogan-like title ('Samen Sterk Werkt helpen werkzoekenden aan een baan'), that title.

    The title is a run of capitalised words with a verb in it ('Werkt'), as campaign and
    activity titles have, and a lower-case verb right after it ends it. A run without a verb
    ('Staal B.V. verzorgt opleidingen') is the actor the entry is about, left to the
    running-text rules."""
    k = start
    while k < end and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k += 1
    if (
        k - start >= 2
        and k < end
        and doc[k].is_lower
        and looks_like_verb(doc[k].lower_)
        and any(_verb_form(t.lower_) for t in doc[start + 1 : k])
    ):
        return doc[start:k]
    return doc[start:end]


def _verb_form(low: str) -> bool:
    """A finite verb, also one the lemma tables file under a noun ('werkt': stem 'werk' + t,
    whose infinitive 'werken' is a verb)."""
    return looks_like_verb(low) or (
        low.endswith("t") and len(low) > 3 and looks_like_verb(low[:-1] + "en")
    )


def _after_attributive(token: Token) -> bool:
    """Whether ``token`` follows an inflected attributive adjective, which makes it a noun."""
    return token.i > 0 and bool(_ATTRIBUTIVE.search(token.doc[token.i - 1].lower_))


def _glossed_label(doc: Doc, words: Span) -> bool:
    """'Steunpunten (professionaliseren)': a one-word entry headed by an instrument noun and
    explained by a lower-case gloss in brackets. An ordinary compound alone ('Technieklokaal')
    may just describe an activity, but one the author has to gloss is the activity's label; a
    multiword description ('Verbinden van vakken (...)') is not taken this way."""
    if len(words) != 1 or not words[0].is_alpha or words.end >= len(doc):
        return False
    gloss = doc[words.end :].text
    if not _GLOSS.match(gloss):
        return False
    low = words[0].lower_
    lex = lexicon()
    return low not in lex.heads and lex.head_type(low) == "Intervention"


_GENERIC_PROGRAMME_HEADS = ("programma", "programme", "program", "opleiding")


def _generic(span: Span) -> bool:
    """Whether a programme is so by a generic word ('Onderwijsprogramma X', 'Y Program'), not
    by a word for a multi-party programme ('Sectorplan', 'Alliantie', 'Pact'), which stays one."""
    lex = lexicon()
    heads = [t.lower_ for t in span if lex.head_type(t.text) == "Programme"]
    return bool(heads) and all(h.endswith(_GENERIC_PROGRAMME_HEADS) for h in heads)


def _elided_pair(words: Span) -> bool:
    """'Kraanpeuters en -kleuters': one word and a second that shares its first part, written
    with a hyphen for the elided part. Such a pair is one thing (an activity for both), not
    two things joined by 'en', and it is as made as its first word."""
    return (
        len(words) == 3
        and words[1].lower_ in {"en", "of"}
        and words[2].text.startswith("-")
        and words[2].text[1:].isalpha()
        and words[2].text[1:].islower()
    )


_LEARNERS = frozenset(
    {"leerlingen", "scholieren", "studenten", "cursisten", "deelnemers", "docenten", "leraren"}
)


def _learners_of(words: Span, vocabulary: frozenset[str]) -> bool:
    """'Knutselium leerlingen bouwen een brug': an entry opening with a made word that
    qualifies a plural of learners or teachers is about the programme they follow, named by
    that word -- even when the rest of the entry is a sentence about what they do."""
    if len(words) < 2:
        return False
    first = words[0]
    return (
        first.is_title
        and first.is_alpha
        and not _ordinary(first.text, vocabulary)
        # 'Vlaamse leerlingen', 'Havo leerlingen': where they come from or their school type.
        and not ADJECTIVE.search(first.lower_)
        and first.text.upper() not in _SCHOOL_TYPES
        and words[1].lower_ in _LEARNERS
        and words[1].is_lower
    )


def _opening(doc: Doc) -> int:
    """Index of the entry's first word, after list markers and an article."""
    start = 0
    while start < len(doc) and doc[start].text in _BULLETS:
        start += 1
    if start < len(doc) and doc[start].lower_ in ARTICLES:
        start += 1
    return start


def entry_name(doc: Doc) -> Span | None:
    """The name an entry ``doc`` is about, or None when the entry describes rather than names.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("nl")
    >>> entry_name(nlp("• Bedrijf in de Klas")).text
    'Bedrijf in de Klas'
    >>> entry_name(nlp("Masterclasses voor docenten")) is None
    True
    """
    start = 0
    while start < len(doc) and doc[start].text in _BULLETS:
        start += 1
    if start < len(doc) and doc[start].text in OPEN_QUOTES:
        close = next((k for k in range(start + 1, len(doc)) if doc[k].text in CLOSE_QUOTES), None)
        if close is not None and close == len(doc) - 1 and close - start > 1:
            return doc[start + 1 : close]
        return None
    if start < len(doc) and doc[start].lower_ in ARTICLES:
        start += 1
    end = start
    while end < len(doc) and not _ends_name(doc, end):
        end += 1
    words = _named_subject(doc, start, end)
    vocabulary = doc.user_data.get(VOCAB_KEY) or frozenset()
    if _learners_of(words, vocabulary):
        return words[:1]
    content = [t for t in words if not t.is_punct]
    if not content or len(content) > _MAX_WORDS or not words[0].text[:1].isupper():
        return None
    # A verb makes the entry a sentence ('Leraren volgen opleidingen'); 'en' joins two things
    # ('DOT Scheikunde en andere DOTs'), each left to the running-text rules.
    elided = _elided_pair(words)
    if any(
        t.is_lower
        and (
            (t.lower_ == "en" and not elided)
            or (looks_like_verb(t.lower_) and not _after_attributive(t))
        )
        for t in words[1:]
    ):
        return None
    first = words[0].text
    if len(words) == 1 and first.isalpha() and first.isupper():
        # 'JINC (allochtone jongeren)': a bare acronym in an entry is mostly the actor that
        # runs the activity; the running-text rules type it.
        return None
    made = (
        _capitalised_later(words)
        or bool(_CAMEL.search(first))
        or (is_acronym(first) and first not in _SCHOOL_TYPES)
        or ((len(words) == 1 or elided) and words[0].is_alpha and not _ordinary(first, vocabulary))
        or _glossed_label(doc, words)
    )
    return words if made else None


class EntryNames:
    """Add the name of each entry of a box of activities; see the module docstring."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        if doc.user_data.get(ENTRY_KEY) == ACTIVITY:
            words = entry_name(doc)
            if words is not None and not self._typed_by_head(words):
                spans.append(
                    Span(doc, words.start, words.end, label="Intervention", kb_id="rule:entry")
                )
            # 'Onderwijsprogramma X: ...', "Programma 'X' (door Y)": an activity the entry opens
            # with is an Intervention, whatever its programme head says.
            opening = _opening(doc)
            taken = {(s.start, s.end) for s in spans}
            for span in doc.spans.get(NAMES_KEY, []):
                if (
                    span.label_ == "Programme"
                    and span.start == opening
                    and _generic(span)
                    and (span.start, span.end) not in taken
                ):
                    spans.append(
                        Span(doc, span.start, span.end, label="Intervention", kb_id="rule:entry")
                    )
        doc.spans[SPANS_KEY] = spans
        return doc

    @staticmethod
    def _typed_by_head(words: Span) -> bool:
        """Whether the running-text rules' reading stands: a head-noun rule typed exactly this
        name, an organisation or programme noun heads it ('Joint Research Center', 'Masterplan
        X Rapportage'), or it is a description before a found name."""
        lex = lexicon()
        for span in words.doc.spans.get(NAMES_KEY, []):
            if span.kb_id_ != "rule:head":
                continue
            if (span.start, span.end) == (words.start, words.end):
                return True
            organisation = span.label_ == "Organisation"
            if organisation and span.end == words.end and span.start >= words.start:
                return True
        # A lower-case description before a name the running-text rules found ('Publiek-private
        # samenwerking Food Innovation Community'): the name is the found one.
        # A found name that opens with a lower-case head noun ('netwerken W&T' in 'Regionale
        # bestuurlijke netwerken W&T') is no proper name: the words before it belong to it.
        found = [
            s
            for s in words.doc.spans.get(NAMES_KEY, [])
            if words.start < s.start < words.end and not s[0].is_lower
        ]
        if found:
            lead = words.doc[words.start + 1 : min(s.start for s in found)]
            if all(t.is_lower for t in lead) and any(t.lower_ not in lex.connectors for t in lead):
                return True
        return lex.head_type(words[0].text) in {"Organisation", "Programme"}
