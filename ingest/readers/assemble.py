"""Build blocks for formats that state their structure (DOCX, HTML) instead of guessing it.

A DOCX paragraph styled 'Heading 2' or an HTML ``<li>`` says what it is; only plain text and PDF
need :mod:`beleidsgraaf.ingest.structure`'s guessing. The :class:`Assembler` receives the units in
reading order, writes their text into one ``original`` string (units separated by a blank line,
table cells by tabs) and makes one cleaned block per unit with its section path (a table
row's cells joined by '; ' in its text).
"""

from __future__ import annotations

import re

from beleidsgraaf.ingest.cleaning import CleanText, Line, join_lines, split_lines
from beleidsgraaf.ingest.document import Block, BlockKind
from beleidsgraaf.ingest.readers.base import Reading
from beleidsgraaf.ingest.structure import join_cells

__all__ = ["Assembler"]

_CAPTION = re.compile(
    r"^(Box|Kader|Tabel|Table|Figuur|Figure)\s+((?:[A-Z]\.?\s?)?\d{1,2}(?:\.\d{1,2})*)\s*[.:]?\s+\S"
)


class Assembler:
    """Collects units in reading order; :meth:`reading` returns the finished :class:`Reading`."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._blocks: list[Block] = []
        self._sections: list[tuple[int, str]] = []
        self._table: str | None = None

    def _write(self, text: str) -> int:
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start

    def _block(
        self,
        kind: BlockKind,
        text: str,
        context: dict[str, str] | None = None,
        cells: tuple[str, ...] = (),
    ) -> Block | None:
        text = text.replace("\f", " ").strip()
        if not text:
            return None
        start = self._write(text)
        lines = split_lines(text)
        shifted = [type(line)(line.text, line.start + start, None, 0) for line in lines]
        clean = join_lines(shifted, start)
        if not clean.text:
            return None
        block = Block(
            kind=kind,
            text=clean.text,
            offsets=clean.offsets,
            section=tuple(title for _, title in self._sections),
            context=dict(context or {}),
            cells=cells,
        )
        self._blocks.append(block)
        return block

    def heading(self, level: int, text: str) -> None:
        title = " ".join(text.split())
        if not title:
            return
        while self._sections and self._sections[-1][0] >= level:
            self._sections.pop()
        self._sections.append((level, title))
        self._table = None
        self._block("heading", text)

    def paragraph(self, text: str) -> None:
        caption = _CAPTION.match(" ".join(text.split()))
        if caption:
            title = " ".join(text.split())
            context = {"label": caption.group(1), "number": caption.group(2)}
            if caption.group(1).casefold() in ("tabel", "table"):
                self._table = title
                context["table"] = title
            self._block("caption", text, context)
            return
        self._block("paragraph", text)

    def list_item(self, text: str) -> None:
        self._block("list_item", text)

    def table_row(self, cells: list[str]) -> None:
        cleaned = tuple(" ".join(c.split()) for c in cells)
        if not any(cleaned):
            return
        context = {"table": self._table} if self._table else {}
        # The original keeps the cells apart with tabs; the block text joins them with
        # CELL_SEPARATOR so that no name runs from one cell into the next.
        start = self._write("\t".join(cleaned))
        parts: list[CleanText] = []
        at = start
        for cell in cleaned:
            if cell:
                parts.append(join_lines([Line(cell, at, None, 0)]))
            at += len(cell) + 1
        parts = [p for p in parts if p.text]
        if not parts:
            return
        joined = join_cells(parts)
        self._blocks.append(
            Block(
                kind="table_row",
                text=joined.text,
                offsets=joined.offsets,
                section=tuple(title for _, title in self._sections),
                context=context,
                cells=tuple(p.text for p in parts),
            )
        )

    def end_table(self) -> None:
        self._table = None

    def reading(self, title: str | None = None) -> Reading:
        return Reading(original="".join(self._parts), blocks=self._blocks, title=title)
