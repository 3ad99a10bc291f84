"""Recover document structure from cleaned lines: headings, paragraphs, lists, boxes and tables.

Policy documents reach us as flowing text in which the layout has become line breaks. This module
reads the lines (after :func:`~beleidsgraaf.ingest.cleaning.running_lines` has set page
furniture aside) and groups them into :class:`~beleidsgraaf.ingest.document.Block` objects, each
knowing its section path and, for boxes and tables, its structural context:

* numbered headings ('2.1.5 Uitkomsten', '1. Visie en ambitie'), 'Bijlage C ...' headings,
  short unnumbered headings and upper-case title lines set the section path;
* bullet lines ('•', '-', '✔', ...) and numbered items ('1. Het in beeld brengen ...') become
  ``list_item`` blocks;
* 'Box N.N ...' captions open a box; inside it, short labels ('Oost') name a part of the
  country (context ``landsdeel``), 'Doel N: ...' lines name a target (context ``target``), the
  box title's action line ('Kiezen'/'Leren'/'Werken') gives ``goal``, and every entry becomes a
  ``box_item``;
* 'Tabel N.N ...' captions open a table whose rows (a key in the first column, cells after it)
  become ``table_row`` blocks with ``cells``;
* 'Figuur'/'Bron:' lines are ``caption`` blocks.

Everything is decided from the shape of the lines (numbering, length, capitals, punctuation), never
from the names of particular documents, so unseen documents get the same treatment.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field

from beleidsgraaf.ingest.cleaning import CleanText, Line, join_lines, running_lines, split_lines
from beleidsgraaf.ingest.document import Block, BlockKind, OffsetMap

__all__ = ["CELL_SEPARATOR", "GOAL_WORDS", "MONTHS", "build_blocks", "join_cells"]

CELL_SEPARATOR = "; "
"""Between the cells of a table row's text: a name never runs across a column gap."""

GOAL_WORDS: dict[str, str] = {"kiezen": "kiezen", "leren": "leren", "werken": "werken"}
"""Action lines of Dutch technical-education policy that a box title can name (lower case)."""

_BULLET = re.compile(r"^([•▪◦●○■□►▶✔✓➢➤»\-–—*·\uf0b7\uf0a7\uf076\uf0d8])\s+(?=\S)")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)(\.?)\s+(\S.*)$")
_APPENDIX = re.compile(r"^(?:Bijlage|Hoofdstuk|Appendix|Annex)\s+([A-Z]|\d{1,2})\b\.?\s*(.*)$")
_CAPTION = re.compile(
    r"^(Box|Kader|Tabel|Table|Figuur|Figure|Grafiek|Afbeelding)\s+"
    r"((?:[A-Z]\.?\s?)?\d{1,2}(?:\.\d{1,2})*)\s*[.:]?\s+([A-Z0-9À-Ý(‘'\"“].*)$"
)
_SOURCE = re.compile(r"^(?:Bron|Bronnen|Source|Noot)\s*:", re.IGNORECASE)
_TARGET = re.compile(r"^([A-Z][a-z]{1,15})\s+(\d{1,2})\s*:\s*(\S.*)$")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$")
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)  # fmt: skip
"""Dutch month names, lower case (datelines here and in the name finder)."""
_DATELINE = re.compile(
    r"^(?:'s-)?[A-Z][\w’'\-]*(?: [A-Za-z][\w’'\-]*){0,2},\s+\d{1,2}\s+"
    rf"(?:{'|'.join(MONTHS)})\s+\d{{4}}\.?$"
)
"""A letter's place and date on a line of their own ('Den Haag, 3 mei 2021')."""
_DOSSIER = re.compile(r"^\d{2}\s?\d{3}(?:-[IVXLC]+)?\s+[A-Z][^.:;]*$")
"""A parliamentary paper's dossier line ('30 100 Kustbeleid'): the number and title of the
file it belongs to, which name no programme of the text."""
_DOSSIER_LINES = 12
"""Dossier lines head a paper: only the first lines of a text are read as one."""
_TERMINAL = (".", "!", "?", ":", ";")
_NO_HEADING_END = (".", ",", ";", ":", "-", "–", "(", "/", "&")
_HAS_LOWER = re.compile(r"[a-zß-ÿ]")
_WRAPS = re.compile(r"(?:\w-|,)$")
"""A line ending like this goes on on the next line ('Noord-', 'Twente,'); a lone ' -' does not."""
_LABEL = re.compile(r"^[A-ZÀ-Ý][\w’'\-]*(?: [A-ZÀ-Ý\-][\w’'\-]*){0,2}$")


@dataclass
class _Section:
    """The stack of open headings: (level, title)."""

    stack: list[tuple[int, str]] = field(default_factory=list)
    numbered_depth: int = 0
    top: int = 0
    dotted: bool | None = None
    titled: bool = False
    """Whether the document opened with an unnumbered heading (a title)."""

    def open(self, level: int, title: str) -> tuple[str, ...]:
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        self.stack.append((level, title))
        return self.path

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(title for _, title in self.stack)


@dataclass
class _Box:
    title: str
    goal: str | None
    section: tuple[str, ...] = ()
    target_word: str | None = None
    group: str | None = None
    target: str | None = None

    def context(self) -> dict[str, str]:
        ctx = {"box": self.title}
        if self.group:
            ctx["landsdeel"] = self.group
        if self.goal:
            ctx["goal"] = self.goal
        if self.target:
            ctx["target"] = self.target
        return ctx


def _starts_lower(text: str) -> bool:
    return text[:1].islower()


def _typical_width(lines: list[Line]) -> int:
    lengths = [len(line.text) for line in lines if len(line.text) > 20]
    if not lengths:
        return 80
    lengths.sort()
    return lengths[int(len(lengths) * 0.8)]


_WRAPPED_WIDTH = 160
"""Longest typical line of a hard-wrapped page; longer lines are whole paragraphs."""


def _double_spaced(lines: list[Line]) -> bool:
    """Whether the text puts a blank line after every wrapped line (some PDF exports do).

    Text saved from a web page also has a blank line after every line, but there each line is a
    whole paragraph, and the blank line ends it: only lines wrapped at a page's width (typical
    width at most ``_WRAPPED_WIDTH``) are read as double-spaced.
    """
    if len(lines) < 10 or _typical_width(lines) > _WRAPPED_WIDTH:
        return False
    gaps = [line.blanks_before for line in lines[1:]]
    return statistics.mean(1 if g >= 1 else 0 for g in gaps) > 0.6


class _Reader:
    """Walks the lines once and emits blocks; state: section stack, open box or table."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.width = _typical_width(lines)
        self.double = _double_spaced(lines)
        self.section = _Section()
        self.box: _Box | None = None
        self.last_box: _Box | None = None
        self.table: dict[str, str] | None = None
        self.table_keys: set[str] = set()
        self.table_lines = 0
        self.last_box_context: dict[str, str] = {}
        self.orphans: list[tuple[Block, dict[str, str]]] = []
        self.last_footnote: int | None = None
        self.after_footnote = False
        self.i = 0

    # -- helpers ---------------------------------------------------------------------------

    def gap(self, line: Line) -> int:
        return max(line.blanks_before - (1 if self.double else 0), 0)

    def peek(self, k: int = 1) -> Line | None:
        j = self.i + k
        return self.lines[j] if j < len(self.lines) else None

    def block(
        self,
        kind: BlockKind,
        lines: list[Line],
        context: dict[str, str] | None = None,
        cells: tuple[str, ...] = (),
    ) -> Block | None:
        clean = join_lines(lines)
        if not clean.text:
            return None
        return Block(
            kind=kind,
            text=clean.text,
            offsets=clean.offsets,
            section=self.section.path,
            page=lines[0].page,
            context=dict(context or {}),
            cells=cells,
        )

    def continues(self, prev: Line, nxt: Line, *, loose: bool) -> bool:
        """Whether ``nxt`` continues the block that ``prev`` ended (not a new block)."""
        if self.special(nxt) or (prev.tabbed and nxt.tabbed):
            return False  # (tab-led lines are the entries of an outline, one per line)
        if _WRAPS.search(prev.text) or _starts_lower(nxt.text):
            return True
        if self.gap(nxt) >= 1:
            return False
        if loose:
            return False
        return not (prev.text.endswith(_TERMINAL) and len(prev.text) < 0.75 * self.width)

    def special(self, line: Line) -> bool:
        text = line.text
        numbered = _NUMBERED.match(text)
        return bool(
            _BULLET.match(text)
            or (numbered and numbered.group(2))
            or _CAPTION.match(text)
            or _SOURCE.match(text)
            or _DATELINE.match(text)
            or self.dossier_line(line)
            or self.heading(line) is not None
        )

    # -- classification -------------------------------------------------------------------

    def heading(self, line: Line) -> tuple[int, str] | None:
        """(level, title) when ``line`` is a numbered or appendix heading."""
        text = line.text
        m = _APPENDIX.match(text)
        if m and len(text) <= 90 and not text.endswith(_NO_HEADING_END):
            return 1, text
        m = _NUMBERED.match(text)
        if not m:
            return None
        number, dot, rest = m.groups()
        parts = [int(p) for p in number.split(".")]
        if (
            len(text) > 90
            or len(rest.split()) > 14
            or rest.endswith(_NO_HEADING_END)
            or not (rest[:1].isupper() or rest[:1] in "‘'\"“(")
        ):
            return None
        sec = self.section
        if len(parts) == 1:
            if not sec.top < parts[0] <= sec.top + 3:
                return None
            if sec.dotted is not None and sec.dotted != bool(dot):
                return None
        elif len(parts) > 4 or not (sec.top == 0 or sec.top <= parts[0] <= sec.top + 1):
            return None
        if self.last_footnote is not None and parts == [self.last_footnote + 1]:
            return None
        return len(parts), text

    # -- the walk ---------------------------------------------------------------------------

    def run(self) -> Iterator[Block]:
        while self.i < len(self.lines):
            line = self.lines[self.i]
            yield from self.step(line)

    def step(self, line: Line) -> Iterator[Block]:
        text = line.text
        fresh, self.after_footnote = self.after_footnote, False
        if fresh and self.unnumbered_heading(line, fresh=True):
            yield from self.emit_heading(line, (self.unnumbered_level(), text))
            return
        head = self.heading(line)
        if head is not None:
            yield from self.emit_heading(line, head)
            return
        cap = _CAPTION.match(text)
        if cap:
            yield from self.emit_caption(line, cap)
            return
        if _SOURCE.match(text):
            self.close_structures()
            yield from self.emit_alone(line, "caption", "source")
            return
        if self.dossier_line(line):
            yield from self.emit_alone(line, "caption", "dossier")
            return
        if _DATELINE.match(text):
            # A dateline stands alone: the address above it and the letter below are not part of it.
            yield from self.emit_alone(line, "paragraph", "dateline")
            return
        if self.table is not None:
            yield from self.emit_table_row(line)
            return
        if self.box is None and self.last_box is not None and self.resumes_box(line):
            self.resume_box(self.last_box)
        if self.box is not None:
            yield from self.emit_box_line(line)
            return
        target = _TARGET.match(text)
        if target and self.last_box is not None and target.group(1) == self.last_box.target_word:
            # A box's target line stranded by the page flow: later stranded entries fall under it.
            lines = self.take_continuation([line], loose=True)
            b = self.block("paragraph", lines)
            if b:
                self.last_box_context["target"] = b.text
                yield b
            return
        footnote = self.footnote(line)
        if footnote is not None:
            self.last_footnote = footnote
            lines = [line]
            self.i += 1
            # A footnote wraps onto lines that start in lower case ('documents/...pdf').
            while (nxt := self.peek(0)) is not None and _starts_lower(nxt.text):
                lines.append(nxt)
                self.i += 1
            self.after_footnote = True
            b = self.block("paragraph", lines, {"footnote": str(footnote)})
            if b:
                yield b
            return
        self.last_footnote = None
        if self.unnumbered_heading(line):
            yield from self.emit_heading(line, (self.unnumbered_level(), text))
            return
        yield from self.emit_flow(line)

    def dossier_line(self, line: Line) -> bool:
        """Whether ``line`` is a parliamentary paper's dossier line at the head of the text."""
        return self.i < _DOSSIER_LINES and _DOSSIER.match(line.text) is not None

    def emit_alone(self, line: Line, kind: BlockKind, role: str) -> Iterator[Block]:
        """``line`` as a block of its own, its ``role`` in the context."""
        self.i += 1
        b = self.block(kind, [line], {"role": role})
        if b:
            yield b

    def unnumbered_level(self) -> int:
        """Level of an unnumbered heading: one below the numbered ones; below the document's
        opening heading (its title or first section) while no numbered heading has come."""
        if self.section.numbered_depth == 0 and self.section.titled:
            return 2
        return self.section.numbered_depth + 1

    def footnote(self, line: Line) -> int | None:
        m = _NUMBERED.match(line.text)
        if not m or m.group(2) or "." in m.group(1):
            return None
        number = int(m.group(1))
        rest = m.group(3)
        if _starts_lower(rest) or "http" in rest or "www." in rest:
            return number
        if self.last_footnote is not None and number == self.last_footnote + 1:
            return number
        return None

    def unnumbered_heading(self, line: Line, *, fresh: bool = False) -> bool:
        text = line.text
        nxt = self.peek()
        if nxt is None or len(text) > 70 or len(text.split()) > 9:
            return False
        if text.endswith(_NO_HEADING_END) or text.endswith(("!", "?", ")")):
            return False
        if not text[:1].isupper():
            return False
        if _starts_lower(nxt.text):
            return False
        prev = self.lines[self.i - 1] if self.i else None
        fresh = fresh or prev is None or self.gap(line) >= 1 or prev.text.endswith(_TERMINAL)
        if not fresh:
            return False
        if not _HAS_LOWER.search(text):
            return len(re.findall(r"[A-ZÀ-Ý]", text)) >= 3
        return len(text) < 0.6 * self.width

    def emit_heading(self, line: Line, head: tuple[int, str]) -> Iterator[Block]:
        level, _ = head
        self.close_structures()
        if self.last_box is not None and level < len(self.last_box.section):
            self.last_box = None  # a new section at the box's own level: it cannot go on
            self.orphans = []
        lines = [line]
        self.i += 1
        # A heading wrapped over lines: lower-case continuation, or more upper-case title lines.
        while (nxt := self.peek(0)) is not None and len(lines) < 4:
            prev = lines[-1]
            upper_title = not _HAS_LOWER.search(line.text) and not _HAS_LOWER.search(nxt.text)
            if (
                self.gap(nxt) == 0
                and not self.special(nxt)
                and (_starts_lower(nxt.text) or prev.text.endswith("-") or upper_title)
                and len(nxt.text) <= 70
            ):
                lines.append(nxt)
                self.i += 1
            else:
                break
        title = join_lines(lines).text
        m = _NUMBERED.match(line.text)
        if m and head[0] == len(m.group(1).split(".")) and _NUMBERED.match(title):
            parts = m.group(1).split(".")
            if len(parts) == 1:
                self.section.top = int(parts[0])
                if self.section.dotted is None:
                    self.section.dotted = bool(m.group(2))
            elif int(parts[0]) != self.section.top:
                # A chapter whose own heading is missing from the text: leave the previous one.
                self.section.top = int(parts[0])
                self.section.stack.clear()
            self.section.numbered_depth = len(parts)
        elif _APPENDIX.match(line.text):
            self.section.numbered_depth = 1
        if self.i == len(lines) and self.section.numbered_depth == 0:
            self.section.titled = True  # the very first line of the document is a heading
        self.section.open(level, title)
        b = self.block("heading", lines)
        if b:
            b.text = title
            yield b

    def close_structures(self) -> None:
        if self.box is not None:
            self.last_box = self.box
            self.last_box_context = self.box.context()
            self.orphans = []
        self.box = None
        self.table = None

    def resume_box(self, box: _Box) -> None:
        """A box goes on after a page break; short list items that the page flow put between
        its parts were its entries (a PDF prints a box's rest after the next page's text)."""
        for block, context in self.orphans:
            block.kind = "box_item"
            block.context = {**context, **block.context}
            block.section = box.section
        self.orphans = []
        self.box = box

    def emit_caption(self, line: Line, cap: re.Match[str]) -> Iterator[Block]:
        self.close_structures()
        self.i += 1
        label = cap.group(1).casefold()
        title = join_lines([line]).text
        context = {"label": cap.group(1), "number": cap.group(2).replace(" ", "")}
        if label in ("box", "kader"):
            words = {w.casefold() for w in re.findall(r"\w+", cap.group(3))}
            goal = next((GOAL_WORDS[w] for w in GOAL_WORDS if w in words), None)
            self.box = _Box(title=title, goal=goal, section=self.section.path)
            context["box"] = title
        elif label in ("tabel", "table"):
            self.table = {"table": title}
            self.table_lines = 0
            context["table"] = title
        b = self.block("caption", [line], context)
        if b:
            yield b

    # -- boxes --------------------------------------------------------------------------------

    def is_label(self, line: Line) -> bool:
        nxt = self.peek()
        return bool(
            _LABEL.match(line.text)
            and not _BULLET.match(line.text)
            and nxt is not None
            and (_TARGET.match(nxt.text) is not None or _BULLET.match(nxt.text) is not None)
        )

    def resumes_box(self, line: Line) -> bool:
        """A box interrupted by a page break goes on: a label followed by its 'Doel N:' line."""
        box = self.last_box
        nxt = self.peek()
        if box is None or box.target_word is None or nxt is None:
            return False
        target = _TARGET.match(nxt.text)
        return bool(
            _LABEL.match(line.text) and target is not None and target.group(1) == box.target_word
        )

    def emit_box_line(self, line: Line) -> Iterator[Block]:
        box = self.box
        assert box is not None
        text = line.text
        if self.is_label(line):
            box.group = text
            box.target = None
            self.i += 1
            return
        target = _TARGET.match(text)
        if target and (box.target_word in (None, target.group(1))):
            box.target_word = target.group(1)
            lines = self.take_continuation([line], loose=True)
            box.target = join_lines(lines).text
            return
        bullet = _BULLET.match(text)
        first = (
            Line(text[bullet.end() :], line.start + bullet.end(), line.page, 0) if bullet else line
        )
        lines = self.take_continuation([first], loose=True, box_mode=True)
        kind: BlockKind = "box_item"
        if re.match(r"^Geen\b.{0,40}\bbeschikbaar\.?$", join_lines(lines).text, re.IGNORECASE):
            kind = "paragraph"
        b = self.block(kind, lines, box.context())
        if b:
            b.section = box.section  # a box resumed after a page break keeps its own section
            yield b

    def take_continuation(
        self, lines: list[Line], *, loose: bool, box_mode: bool = False, item: bool = False
    ) -> list[Line]:
        """Extend ``lines`` with the lines that continue them; ``item`` for list items."""
        self.i += 1
        while (nxt := self.peek(0)) is not None:
            prev = lines[-1]
            if box_mode and (self.is_label(nxt) or _TARGET.match(nxt.text)):
                break
            if box_mode and not (_WRAPS.search(prev.text) or _starts_lower(nxt.text)):
                break
            wrapped = _WRAPS.search(prev.text) or _starts_lower(nxt.text)
            if item and not wrapped and (nxt.blanks_before >= 1 or nxt.page != prev.page):
                break
            if not self.continues(prev, nxt, loose=loose):
                break
            lines.append(nxt)
            self.i += 1
        return lines

    # -- tables -------------------------------------------------------------------------------

    def row_key(self, line: Line, prev: Line | None) -> str | None:
        text = line.text
        if prev is not None and _WRAPS.search(prev.text):
            return None
        m = re.match(r"^([A-ZÀ-Ý][\w’'\-]*)(?:\s+(.*))?$", text)
        if not m:
            return None
        key, rest = m.group(1), m.group(2) or ""
        if key.endswith("-") or ":" in " ".join(text.split()[:3]):
            return None
        if key in self.table_keys:
            return key
        if not rest:
            # A key alone on its line, unless the next line is a note on it ('(samenwerking').
            after = self.peek(1) if self.peek(0) is line else None
            note = after is not None and after.text.startswith("(") and after.text[1:2].islower()
            return None if note else key
        if rest.startswith("(") and rest[1:2].islower():
            return None  # 'Wetenschapsknooppunten (onderzoek, ...)': a note on one name
        if "," in rest or rest.endswith(" -") or rest == "-":
            return key
        return None

    def emit_table_row(self, line: Line) -> Iterator[Block]:
        table = self.table
        assert table is not None
        self.table_lines += 1
        if self.table_lines == 1:
            table["header"] = line.text
            self.i += 1
            return
        if self.table_lines > 80:
            self.table = None
            return
        prev = self.lines[self.i - 1] if self.i else None
        key = self.row_key(line, prev)
        if key is None:
            # Not a row start: a cell we could not attach to a keyed row. Keep its wrapped
            # lines together ('(samenwer-' + 'king)') and give it as a one-cell row.
            lines = [line]
            self.i += 1
            while (nxt := self.peek(0)) is not None and not self.table_end(nxt):
                if self.row_key(nxt, lines[-1]) is not None:
                    break
                wraps = _WRAPS.search(lines[-1].text) or _starts_lower(nxt.text)
                if not (wraps or (nxt.blanks_before == 0 and nxt.text.startswith("("))):
                    break
                lines.append(nxt)
                self.i += 1
            clean = join_lines(lines).text
            b = self.block("table_row", lines, dict(table), (clean,))
            if b:
                yield b
            return
        self.table_keys.add(key)
        lines = [line]
        self.i += 1
        while (nxt := self.peek(0)) is not None:
            if self.table_end(nxt) or self.row_key(nxt, lines[-1]) not in (None, key):
                break
            lines.append(nxt)
            self.i += 1
        yield from self.table_row_block(key, lines, table)

    def table_end(self, line: Line) -> bool:
        """Whether ``line`` ends the table: a source line, a caption or a heading."""
        return bool(
            _SOURCE.match(line.text) or _CAPTION.match(line.text) or self.heading(line) is not None
        )

    def table_row_block(
        self, key: str, lines: list[Line], table: dict[str, str]
    ) -> Iterator[Block]:
        first = lines[0]
        rest_start = len(key)
        head_rest = first.text[rest_start:].lstrip()
        groups: list[list[Line]] = []
        if head_rest:
            offset = first.start + len(first.text) - len(head_rest)
            groups.append([Line(head_rest, offset, first.page, 0)])
        for ln in lines[1:]:
            wraps = groups and (
                _WRAPS.search(groups[-1][-1].text)
                or _starts_lower(ln.text)
                or (ln.blanks_before == 0 and ln.text[:1] in "(0123456789")
            )
            if wraps:
                groups[-1].append(ln)
            else:
                groups.append([ln])
        parts = [join_lines([Line(key, first.start, first.page, 0)])]
        parts += [join_lines(g) for g in groups]
        columns = len(table.get("header", "").split())
        if len(parts) == 2 and columns >= 3:
            flat = parts[1].text
            split = _split_two_columns(flat)
            if len(split) == 2:
                left, right = split
                parts = [
                    parts[0],
                    _slice(parts[1], 0, len(left)),
                    _slice(parts[1], len(flat) - len(right), len(flat)),
                ]
        parts = [p for p in parts if p.text]
        if not parts:
            return
        joined = join_cells(parts)
        yield Block(
            kind="table_row",
            text=joined.text,
            offsets=joined.offsets,
            section=self.section.path,
            page=first.page,
            context=dict(table),
            cells=tuple(p.text for p in parts),
        )

    # -- running text ---------------------------------------------------------------------------

    def emit_flow(self, line: Line) -> Iterator[Block]:
        text = line.text
        bullet = _BULLET.match(text)
        numbered = _NUMBERED.match(text)
        if bullet:
            first = Line(text[bullet.end() :], line.start + bullet.end(), line.page, 0)
            lines = self.take_continuation([first], loose=False, item=True)
            context = {"marker": bullet.group(1)}
            kind: BlockKind = "list_item"
        elif numbered and numbered.group(2):
            lines = self.take_continuation([line], loose=False, item=True)
            context = {"marker": numbered.group(1) + "."}
            kind = "list_item"
        else:
            lines = self.take_continuation([line], loose=False)
            context = {}
            kind = "paragraph"
        b = self.block(kind, lines, context)
        if b:
            if bullet and self.last_box is not None and len(b.text.split()) <= 12:
                self.orphans.append((b, dict(self.last_box_context)))
            yield b


def _slice(clean: CleanText, start: int, end: int) -> CleanText:
    """The part ``clean.text[start:end]`` of a cleaned text, with its offsets kept exact."""
    text = clean.text[start:end]
    pairs = [
        (c - start, o)
        for c, o in zip(clean.offsets.clean, clean.offsets.orig, strict=True)
        if start < c < end
    ]
    pairs.insert(0, (0, clean.offsets.to_original(start)))
    return CleanText(text, OffsetMap(tuple(c for c, _ in pairs), tuple(o for _, o in pairs)))


def join_cells(parts: list[CleanText], separator: str = CELL_SEPARATOR) -> CleanText:
    """Join a table row's cleaned cell texts, keeping the map back to the original exact.

    The separator is not in the original; each of its characters maps to the white space right
    before the next cell (not the end of the cell before it, which may be a dropped soft hyphen).
    With it a name can never run from one cell into the next ('Randmeergebied; Landsdeel Oost').
    """
    texts: list[str] = []
    clean: list[int] = []
    orig: list[int] = []
    length = 0
    for i, part in enumerate(parts):
        if i:
            end = max(
                parts[i - 1].offsets.to_original(len(parts[i - 1].text)),
                part.offsets.to_original(0) - 1,
            )
            for k in range(len(separator)):
                clean.append(length + k)
                orig.append(end)
            texts.append(separator)
            length += len(separator)
        clean.extend(c + length for c in part.offsets.clean)
        orig.extend(part.offsets.orig)
        texts.append(part.text)
        length += len(part.text)
    return CleanText("".join(texts), OffsetMap(tuple(clean), tuple(orig)))


def _split_two_columns(text: str) -> list[str]:
    """Split a flattened 'A, B, C D, E' into two cells where a list item holds two names.

    Tables flattened to text lose the column gap: 'Flevoland, Noord-Holland, Utrecht Gooi- en
    vechtstreek, Amsterdam' is two cells, broken where an item has a second capitalised word
    that does not continue the first. A trailing lone '-' is an empty second cell.
    """
    if text.endswith(" -"):
        return [text[:-2].rstrip(), "-"]
    items = text.split(", ")
    for n, item in enumerate(items):
        m = re.match(r"^(\S+) ([A-ZÀ-Ý(].*)$", item)
        if m and n < len(items) - 1 and not m.group(1).endswith("-"):
            left = ", ".join([*items[:n], m.group(1)])
            right = ", ".join([m.group(2), *items[n + 1 :]])
            return [left, right]
    return [text]


def build_blocks(original: str) -> list[Block]:
    """Read ``original`` into structured, cleaned blocks.

    Pages are separated by form feeds (the PDF reader joins its pages with them); text without
    form feeds has no page numbers.

    Examples
    --------
    >>> blocks = build_blocks("1 Inleiding\\n\\nHet Tech-\\nniekpact werkt.\\n")
    >>> [(b.kind, b.text) for b in blocks]
    [('heading', '1 Inleiding'), ('paragraph', 'Het Techniekpact werkt.')]
    >>> blocks[1].section
    ('1 Inleiding',)
    """
    lines = split_lines(original)
    furniture = running_lines(lines)
    kept: list[Line] = []
    removed = False
    for i, line in enumerate(lines):
        # Link targets that PDF exports print as bare URL lines are furniture too.
        if i in furniture or _URL_ONLY.match(line.text):
            removed = True
            continue
        if removed and kept:
            # Page furniture stood here: a sentence running over the page break goes on.
            gap = 1 if kept[-1].text.endswith(_TERMINAL) else 0
            line = Line(line.text, line.start, line.page, gap, line.tabbed)
        removed = False
        kept.append(line)
    return list(_Reader(kept).run())
