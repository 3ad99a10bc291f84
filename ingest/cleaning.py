"""Undo PDF layout artefacts in text while keeping every character traceable to the original.

Text extracted from PDFs (and the bundled corpus, which is such text) carries the page layout:
words broken at line ends ('Tech-' / 'niekpact'), running headers and page numbers in the middle of
sentences ('46 HOOFDSTUK 3', 'SEO ECONOMISCH ONDERZOEK'), footnote digits glued to words
('Energie2') and hard line breaks inside sentences. The functions here remove those artefacts.

Nothing is ever rewritten in place: cleaned text is built from *pieces of the original* plus a
few inserted characters (the space that replaces a line break), and an :class:`OffsetMap` records
where each piece came from. Evidence found in cleaned text can therefore always be shown exactly
as it stands in the source.

The unit of work is the :class:`Line` (a stripped line of the original with its offset and page);
:mod:`beleidsgraaf.ingest.structure` decides which lines form one block and calls
:func:`join_lines` on them.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from beleidsgraaf.ingest.document import OffsetMap

__all__ = [
    "CleanText",
    "Line",
    "clean_text",
    "join_lines",
    "running_lines",
    "split_lines",
]

_WS = re.compile(r"\s+")
_WS_EDIT = re.compile(r"\s{2,}|[^\S ]")
"""White space that cleaning changes: runs, and any single white space that is not ' '."""
_PAGE_BREAK_BLANKS = 2
"""A run of this many blank lines (or a form feed) is taken as a page break in plain text."""

# A word broken at the line end: letters (optionally after other word characters) then '-'.
_BROKEN = re.compile(r"([\w&]{1,60})-$")


def _broken_word(line: str) -> str | None:
    """The word part before a hyphen that ends ``line`` ('Tech' for '... Tech-'), if any.

    Only the line's tail is searched, so a hostile megabyte-long line costs nothing.
    """
    if not line.endswith("-"):
        return None
    m = _BROKEN.search(line[-61:])
    return m.group(1) if m else None


_SOFT_HYPHENS = ("\u00ad",)
"""A soft hyphen marks where the typesetter may break a word: at a line end, join."""
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
"""Characters that print as nothing (or only at a line break): dropped from cleaned text."""
_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
"""Every character ``str.isspace`` accepts."""
_LEAD_CHARS = _SPACES + "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_TRAIL_CHARS = _SPACES + "\u200b\u200c\u200d\u2060\ufeff"
"""White space and invisible characters around a line (a soft hyphen at its end is kept)."""
_FIRST_WORD = re.compile(r"^([\w][\w\-’']*)")
# Conjunctions after which a trailing hyphen is an ellipsis ('stage- en leerwerkplekken').
_ELLIPSIS_WORDS = frozenset({"en", "of", "tot", "t/m", "dan", "noch", "als", "and", "or"})
# Dutch vowel pairs that must stay apart with a hyphen when a compound joins them ('zee-egel').
_VOWEL_CLASH = re.compile(r"(aa|ae|ai|au|ee|ei|eu|ie|oe|oi|ou|ui|uu|oo)", re.IGNORECASE)

# Footnote markers: 1-2 digits glued to a lower-case word ('Energie2', 'technologieën5') or to the
# full stop after it ('uitdagingen.1 Met'). Names with digits are left alone: '4TU' (digit first),
# 'TU9' and 'CO2' (upper case before the digit), 'COVID-19' and 'mbo-1' (hyphen before the digit).
_FOOTNOTE_AFTER_WORD = re.compile(
    r"(?:(?<=[a-zß-ÿ]{3})|(?<=[a-zß-ÿ][’'][a-z]))(\d{1,2})(?=[\s,;:)]|[.!?](?:\s|$)|$)"
)
_FOOTNOTE_AFTER_STOP = re.compile(r"(?<=[a-zß-ÿ]{2}[.,;:])(\d{1,2}(?: \d{1,2})*)(?=\s+[A-ZÀ-Ý]|$)")

# Lines that are page furniture when they stand at a page edge. Upper case only (no lower-case
# letters), so a numbered heading such as '2 Missie en visie' is never taken for one.
_PAGE_NUMBER = re.compile(
    r"""^(?:
        \d{1,4}                                        # '7'
      | (?i:pagina|page|blz\.?)\s*\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?   # 'pagina 3 van 9'
      | [^a-zß-ÿ]*\s\d{1,4}\s?/\s?\d{1,4}                # '20191015 KIA-ST  12/16'
      | \d{1,4}\s+[^a-zß-ÿ\d][^a-zß-ÿ]*\s(?:\d{1,4}|[A-Z])  # '46 HOOFDSTUK 3', '96 BIJLAGE C'
      | [^a-zß-ÿ\d][^a-zß-ÿ]*\s\d{1,4}                 # 'EVALUEREND ADVIES 2013-2020 95'
    )$""",
    re.VERBOSE,
)
_HAS_LOWER = re.compile(r"[a-zß-ÿ]")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the original text, stripped of surrounding white space.

    ``start`` is the offset of ``text[0]`` in the original; ``blanks_before`` counts the blank
    lines right before it (a page break counts as :data:`_PAGE_BREAK_BLANKS`).
    """

    text: str
    start: int
    page: int | None = None
    blanks_before: int = 0
    tabbed: bool = False
    """The line opens with a tab: an entry of an outline or table of contents."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class CleanText:
    """Cleaned text and the map from its positions back to the original text."""

    text: str
    offsets: OffsetMap


class _Builder:
    """Accumulates cleaned text from original pieces and inserted characters, tracking offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.clean: list[int] = []
        self.orig: list[int] = []
        self._next_orig: int | None = None

    def copy(self, text: str, orig_start: int) -> None:
        """Append ``text``, which stands at ``orig_start`` in the original."""
        if not text:
            return
        if self._next_orig != orig_start:
            self.clean.append(self.length)
            self.orig.append(orig_start)
        self.parts.append(text)
        self.length += len(text)
        self._next_orig = orig_start + len(text)

    def insert(self, text: str, orig_at: int) -> None:
        """Append text that is not in the original (a folded line break), mapped to ``orig_at``."""
        self.clean.append(self.length)
        self.orig.append(orig_at)
        self.parts.append(text)
        self.length += len(text)
        self._next_orig = None

    def result(self, origin: int) -> CleanText:
        if not self.clean:
            return CleanText("", OffsetMap.identity(origin))
        return CleanText("".join(self.parts), OffsetMap(tuple(self.clean), tuple(self.orig)))


def split_lines(original: str) -> list[Line]:
    """Split ``original`` into non-blank :class:`Line` objects with offsets and pages.

    Pages are counted at form feeds (the PDF reader separates pages with them); text without
    form feeds gets ``page=None``. A form feed also counts as a page break for
    :func:`running_lines`.
    """
    lines: list[Line] = []
    pos = 0
    blanks = 0
    page: int | None = 1 if "\f" in original else None
    for raw in original.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        rest = body.lstrip(_LEAD_CHARS)
        stripped = rest.rstrip(_TRAIL_CHARS)
        if stripped:
            start = pos + len(body) - len(rest)
            lines.append(Line(stripped, start, page, blanks, body.startswith("\t")))
            blanks = 0
        else:
            blanks += 1
        if page is not None and "\f" in raw:
            page += raw.count("\f")
            blanks = max(blanks, _PAGE_BREAK_BLANKS)
        pos += len(raw)
    return lines


def _digit_shape(text: str) -> str:
    return _DIGITS.sub("#", _WS.sub(" ", text)).casefold()


def running_lines(lines: list[Line]) -> set[int]:
    """Indices of running headers, footers and page numbers among ``lines``.

    Found generically, never by name: a line is page furniture when it has no lower-case letters
    and either (a) stands at a page edge (the first or last two lines around a page break) and
    looks like a page number or numbered running title ('46 HOOFDSTUK 3'), or (b) repeats at
    least three times in the document, counting digits as equal (a running title like 'SEO
    ECONOMISCH ONDERZOEK', with at least two words, so that short all-caps words in graphics are
    kept), or (c) in text with real page breaks (form feeds, as the PDF reader gives), stands
    at a page edge with the same shape at the edges of at least three and 30% of the pages,
    whatever its case ('Evaluatie Techniekpact - pagina 12').
    """
    shapes = Counter(
        _digit_shape(line.text)
        for line in lines
        if not _HAS_LOWER.search(line.text) and len(line.text.split()) >= 2
    )
    edge: set[int] = set()
    for i, line in enumerate(lines):
        if line.blanks_before >= _PAGE_BREAK_BLANKS:
            edge.update(range(i, min(i + 2, len(lines))))
            edge.update(range(max(i - 2, 0), i))
    edge.update(range(min(2, len(lines))))
    edge.update(range(max(len(lines) - 2, 0), len(lines)))
    pages = len({line.page for line in lines if line.page is not None})
    edge_shapes = Counter(_digit_shape(lines[i].text) for i in edge if len(lines[i].text) <= 90)
    found: set[int] = set()
    for i, line in enumerate(lines):
        text = line.text
        if len(text) > 90:
            continue
        at_edge = i in edge and (
            _PAGE_NUMBER.match(text) is not None
            or (
                pages >= 3
                and edge_shapes[_digit_shape(text)] >= max(3, 0.3 * pages)
                and any(c.isalnum() for c in text)
                # The tail of a word broken on the line before is text, not furniture.
                and not (i and _broken_word(lines[i - 1].text))
                and not _broken_word(text)
            )
        )
        repeated = (
            not _HAS_LOWER.search(text)
            and len(text.split()) >= 2
            and shapes[_digit_shape(text)] >= 3
        )
        if at_edge or repeated:
            found.add(i)
    return found


@cache
def _hyphenated_words() -> frozenset[str]:
    """Dutch words spelled with a hyphen, from spacy-lookups-data's lemma table.

    Loaded on first use, not at import time. The table lists inflected forms ('niet-technische',
    'zee-egel'): enough to tell a compound hyphen from a line-end break.
    """
    data = (files("spacy_lookups_data") / "data" / "nl_lemma_lookup.json.gz").read_bytes()
    table: dict[str, str] = json.loads(gzip.decompress(data))
    words = {w.casefold() for w in table if "-" in w}
    words.update(v.casefold() for v in table.values() if "-" in v)
    return frozenset(words)


_COMPASS_COMPOUNDS = frozenset({"noordoost", "noordwest", "zuidoost", "zuidwest"})


def keeps_hyphen(head: str, tail: str) -> bool:
    """Whether 'head-' at a line end followed by 'tail' is a real hyphen, not a broken word.

    Real: a capital after it ('Noord-' 'Holland', 'VU-' 'UT'), a conjunction after it (an
    ellipsis: 'stage-' 'en'), an acronym or number before it ('LLO-' 'investeringen'), a tail
    that is itself hyphenated ('up-' 'to-date'), a vowel clash ('zee-' 'egel'), or a hyphenated
    word the Dutch lexicon knows ('niet-' 'technische'). Otherwise it is a syllable break.
    """
    if not tail:
        return True
    if tail[0].isupper() or tail[0].isdigit() or not tail[0].isalpha():
        return True
    if tail.casefold() in _ELLIPSIS_WORDS:
        return True
    if any(c.isdigit() for c in head) or (len(head) > 1 and head.isupper()):
        return True
    if head.isupper() or "&" in head:
        return True
    if "-" in tail:
        # 'Zuid-' + 'oost-Brabant' is 'Zuidoost-Brabant': a compass word broken in two.
        return f"{head}{tail.split('-')[0]}".casefold() not in _COMPASS_COMPOUNDS
    if head and _VOWEL_CLASH.fullmatch(head[-1] + tail[0]):
        return True
    return f"{head.casefold()}-{tail.casefold()}" in _hyphenated_words()


def _copy_cleaned(builder: _Builder, text: str, start: int) -> None:
    """Copy one line into ``builder``: invisible characters dropped, one space for any white
    space, footnote digits dropped.

    The rules run on the characters as they come out (invisible ones dropped, white space
    folded), so that no edit can make a new match appear: cleaning cleaned text changes nothing.
    """
    has_invisible = _INVISIBLE.search(text) is not None
    pos: range | list[int] = range(len(text))
    visible = text
    drop: set[int] = set()
    if has_invisible:
        pos = [i for i, ch in enumerate(text) if not _INVISIBLE.match(ch)]
        visible = "".join(text[i] for i in pos)
        drop = {m.start() for m in _INVISIBLE.finditer(text)}
    spaces: set[int] = set()
    folded_out: set[int] = set()  # positions in `visible` that white-space folding removes
    for m in _WS_EDIT.finditer(visible):
        first, end = m.span()
        if visible[first] != " ":
            spaces.add(pos[first])
        folded_out.update(range(first + 1, end))
    drop.update(pos[k] for k in folded_out)
    # The footnote rules see the line as it will come out (white space folded too): on the
    # unfolded line 'uitdagingen.1  0' hides a marker that 'uitdagingen.1 0' shows.
    kept = [k for k in range(len(visible)) if k not in folded_out]
    folded = "".join(" " if visible[k].isspace() else visible[k] for k in kept)
    for pattern in (_FOOTNOTE_AFTER_WORD, _FOOTNOTE_AFTER_STOP):
        for m in pattern.finditer(folded):
            drop.update(pos[kept[k]] for k in range(*m.span(1)))
    done = 0
    for i in sorted(drop | spaces):
        builder.copy(text[done:i], start + done)
        if i in spaces:
            builder.insert(" ", start + i)
        done = i + 1
    builder.copy(text[done:], start + done)


_LAST_LETTERS = re.compile(r"[^\W\d_]*$")


def _glues_footnote(head: str, word: str) -> bool:
    """Whether joining ``head`` and ``word`` makes digits read as a footnote marker that neither
    part shows ('Tech' + 'a0' -> 'Techa0', 'Tech' + '0'): cleaning the joined text again would
    drop them, so such lines are kept apart."""
    return bool(_FOOTNOTE_AFTER_WORD.search(head + word)) and not _FOOTNOTE_AFTER_WORD.search(word)


def _junction(previous: str, following: str) -> str:
    """How two lines of one block meet: 'join' (drop the hyphen), 'tight' or 'space'."""
    tail = _FIRST_WORD.match(following)
    word = tail.group(1) if tail else ""
    if previous.endswith(_SOFT_HYPHENS) and following:
        # a soft hyphen marks a break the typesetter made, never a real hyphen; but a line that
        # starts with a digit does not continue the word (see _glues_footnote)
        letters = _LAST_LETTERS.search(previous[-61:].rstrip("".join(_SOFT_HYPHENS)))
        if following[0].isdigit() or _glues_footnote(letters.group(0) if letters else "", word):
            return "space"
        return "join"
    head = _broken_word(previous)
    if head is None:
        return "space"
    if not keeps_hyphen(head, word):
        return "space" if _glues_footnote(head, word) else "join"
    if word.casefold() in _ELLIPSIS_WORDS or not word:
        return "space"
    return "tight"


def join_lines(lines: list[Line], origin: int = 0) -> CleanText:
    """Join the lines of one block into one cleaned string.

    Line breaks become single spaces; a word broken at a line end is joined ('Tech-' +
    'niekpact' -> 'Techniekpact') unless :func:`keeps_hyphen` says the hyphen is real
    ('Noord-' + 'Holland' -> 'Noord-Holland'; 'stage-' + 'en' -> 'stage- en'); runs of white
    space become one space; footnote digits glued to words are dropped ('Energie2').
    """
    builder = _Builder()
    for i, line in enumerate(lines):
        text = line.text
        how = _junction(text, lines[i + 1].text) if i + 1 < len(lines) else "last"
        if how == "join":
            text = text[:-1]
        _copy_cleaned(builder, text, line.start)
        if how == "space":
            builder.insert(" ", line.end)
    return _strip(builder.result(lines[0].start if lines else origin))


def _strip(clean: CleanText) -> CleanText:
    """Drop white space at both ends (keeps the offset map consistent)."""
    text = clean.text
    lead = len(text) - len(text.lstrip())
    if not lead and text == text.rstrip():
        return clean
    body = text.strip()
    if not body:
        return CleanText("", OffsetMap.identity(clean.offsets.to_original(0)))
    start = clean.offsets.to_original(lead)
    pairs = [
        (c - lead, o)
        for c, o in zip(clean.offsets.clean, clean.offsets.orig, strict=True)
        if lead <= c < lead + len(body)
    ]
    if not pairs or pairs[0][0] != 0:
        pairs.insert(0, (0, start))
    return CleanText(body, OffsetMap(tuple(c for c, _ in pairs), tuple(o for _, o in pairs)))


def clean_text(text: str) -> CleanText:
    """Clean a piece of text as one block: every line of it joined by :func:`join_lines`.

    Examples
    --------
    >>> clean_text("het Tech-\\nniekpact in Noord-\\nHolland").text
    'het Techniekpact in Noord-Holland'
    >>> clean_text("stage-\\nen leerwerkplekken").text
    'stage- en leerwerkplekken'
    """
    return join_lines(split_lines(text))
