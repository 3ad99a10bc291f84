"""What a reader produces: the original text, the cleaned text in blocks, and their structure.

This is the interface between reading (``ingest.readers``, ``ingest.cleaning``,
``ingest.structure``) and extraction (the spaCy pipeline). Extraction never sees file formats or
PDF artefacts; reading never knows about entities.

A block is at most :data:`MAX_BLOCK_CHARS` characters: a longer one (a 1 MB text wrapped without
blank lines, a table exported as one line, a paragraph of one 100,000-character token) is split
where it is made (:func:`split_long_blocks`), at a sentence end where there is one, so no
extraction step ever gets a text spaCy refuses (E088, over 1,000,000 characters) or one whose
cost grows faster than its length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

from beleidsgraaf.records import DocumentInfo

__all__ = [
    "MAX_BLOCK_CHARS",
    "Block",
    "BlockKind",
    "OffsetMap",
    "SourceDocument",
    "split_long_blocks",
]

MAX_BLOCK_CHARS = 20_000
"""Longest block text. Real paragraphs stay far below (the demo corpus's longest is ~3,000
characters); anything longer is a text without paragraph breaks, cut at sentence ends."""

BlockKind = Literal["heading", "paragraph", "list_item", "box_item", "table_row", "caption"]


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps positions in a cleaned string back to positions in the original text.

    Stored as sorted breakpoints: cleaned position ``clean[i]`` corresponds to original
    position ``orig[i]``, and positions between two breakpoints advance one-to-one.
    """

    clean: tuple[int, ...]
    orig: tuple[int, ...]

    @classmethod
    def identity(cls, origin: int = 0) -> OffsetMap:
        return cls((0,), (origin,))

    def to_original(self, pos: int) -> int:
        """Original-text offset of cleaned-text offset ``pos``."""
        i = bisect_right(self.clean, pos) - 1
        if i < 0:
            return self.orig[0]
        return self.orig[i] + (pos - self.clean[i])

    def sliced(self, start: int, end: int) -> OffsetMap:
        """The map of ``text[start:end]``: its position 0 is this map's ``start``."""
        lo, hi = bisect_right(self.clean, start), bisect_left(self.clean, end)
        return OffsetMap(
            (0, *(c - start for c in self.clean[lo:hi])),
            (self.to_original(start), *self.orig[lo:hi]),
        )


@dataclass(slots=True)
class Block:
    """One unit of document structure: a heading, paragraph, list item, box entry or table row.

    ``text`` is cleaned (hyphenation joined, headers/footers removed, line breaks folded);
    ``offsets`` maps positions in ``text`` to the document's original text.
    """

    kind: BlockKind
    text: str
    offsets: OffsetMap
    section: tuple[str, ...] = ()
    """Titles of the enclosing headings, outermost first ('2 Het Techniekpact', '2.1 ...')."""
    page: int | None = None
    context: dict[str, str] = field(default_factory=dict)
    """Structural context: for box and table entries e.g. {'box': 'Box 2.1 ...',
    'landsdeel': 'Noord', 'goal': 'kiezen'} or {'table': 'Tabel 3.1 ...', 'column': ...}."""
    cells: tuple[str, ...] = ()
    """For table rows: the cell texts, in column order."""


@dataclass(slots=True)
class SourceDocument:
    """A document as read: metadata, original text, and the cleaned blocks in reading order."""

    info: DocumentInfo
    original: str
    blocks: list[Block]

    def iter_blocks(self, kinds: tuple[BlockKind, ...] | None = None) -> Iterator[Block]:
        for block in self.blocks:
            if kinds is None or block.kind in kinds:
                yield block


_SENTENCE_END = re.compile(r"[.!?;:][)\"'”’]*(?=\s)")
_SPACE = re.compile(r"\s")


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece of ``text`` from ``start`` ends: after the last sentence end in the
    second half of the allowed length, else at the last space there, else at the limit."""
    begin = start + limit // 2
    window = text[begin : start + limit + 1]  # one more: is a space just after the limit?
    for pattern, at_end in ((_SENTENCE_END, True), (_SPACE, False)):
        found = list(pattern.finditer(window))
        if found:
            return begin + (found[-1].end() if at_end else found[-1].start())
    return start + limit


def split_long_blocks(blocks: Iterable[Block], limit: int = MAX_BLOCK_CHARS) -> list[Block]:
    """``blocks`` with every block longer than ``limit`` characters cut into pieces.

    A piece keeps its block's kind, section, page and context, and its offsets still point into
    the original text. A table row cut into pieces is no longer one row of cells, so its pieces
    carry no ``cells``.

    Examples
    --------
    >>> block = Block("paragraph", "Een. Twee. Drie.", OffsetMap.identity(100))
    >>> [(b.text, b.offsets.to_original(0)) for b in split_long_blocks([block], limit=10)]
    [('Een. Twee.', 100), ('Drie.', 111)]
    """
    out: list[Block] = []
    for block in blocks:
        text = block.text
        if len(text) <= limit:
            out.append(block)
            continue
        start = 0
        while start < len(text):
            end = len(text) if len(text) - start <= limit else _cut(text, start, limit)
            piece = text[start:end]
            if piece.strip():
                out.append(
                    replace(
                        block,
                        text=piece,
                        offsets=block.offsets.sliced(start, end),
                        context=dict(block.context),
                        cells=(),
                    )
                )
            start = end
            while start < len(text) and text[start].isspace():
                start += 1
    return out
