"""What a reader produces: the original text, the cleaned text in blocks, and their structure.

This is the interface between reading (``ingest.readers``, ``ingest.cleaning``,
``ingest.structure``) and extraction (the spaCy pipeline). Extraction never sees file formats or
PDF artefacts; reading never knows about entities.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from beleidsgraaf.records import DocumentInfo

__all__ = ["Block", "BlockKind", "OffsetMap", "SourceDocument"]

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
