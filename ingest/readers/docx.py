"""Word documents (.docx) with python-docx: heading styles give headings, tables give rows.

A .docx is a zip archive, and python-docx unpacks and parses every part of it in memory, so the
sizes the archive declares are checked first (:func:`_check_sizes`): a 44 KB zip bomb would
otherwise take gigabytes. The declared sizes bound what is unpacked (``zipfile`` stops at the
declared size and then fails the CRC check), so checking them is enough.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from beleidsgraaf.errors import DocumentError
from beleidsgraaf.ingest.readers.assemble import Assembler
from beleidsgraaf.ingest.readers.base import Reading

__all__ = ["read_docx"]

_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"list|lijst", re.IGNORECASE)

MAX_RATIO = 50
"""Largest unpacked/packed size of a part above :data:`RATIO_FROM` bytes. Word's XML packs
about 5-15 times; a part that packs far better is a zip bomb, not a document."""
RATIO_FROM = 1024 * 1024
MAX_XML_BYTES = 64 * 1024 * 1024
"""Largest unpacked size of all XML parts together (parsed into memory at ~10x their size)."""
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
"""Largest unpacked size of all parts together (pictures included)."""


def _check_sizes(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse an archive that would unpack to far more than a document needs."""
    parts = archive.infolist()
    for part in parts:
        if part.file_size > RATIO_FROM and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise DocumentError(
                path,
                f"not a valid .docx (zip bomb: {part.filename} unpacks to "
                f"{part.file_size / 1e6:.0f} MB, {part.file_size // max(part.compress_size, 1)} "
                f"times its packed size)",
            )
    xml = sum(p.file_size for p in parts if p.filename.endswith((".xml", ".rels")))
    total = sum(p.file_size for p in parts)
    if xml > MAX_XML_BYTES or total > MAX_UNPACKED_BYTES:
        raise DocumentError(
            path,
            f"too large to read (unpacks to {total / 1e6:.0f} MB, of which {xml / 1e6:.0f} MB "
            f"XML; the limits are {MAX_UNPACKED_BYTES / 1e6:.0f} MB and "
            f"{MAX_XML_BYTES / 1e6:.0f} MB)",
        )


def read_docx(path: Path, data: bytes) -> Reading:
    """Read a .docx file (already loaded as ``data``) in body order."""
    if not data:
        raise DocumentError(path, "empty file")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocumentError(path, "not a valid .docx (not a zip archive)")
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            _check_sizes(path, archive)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentError(path, "not a valid .docx (damaged zip archive)") from exc
    if "word/document.xml" not in names:
        raise DocumentError(path, "not a valid .docx (no Word document inside the zip)")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise DocumentError(path, "not a valid .docx (no Word document inside the zip)") from exc
    except Exception as exc:  # python-docx on malformed XML parts
        detail = " ".join(str(exc).split())[:150]
        raise DocumentError(path, f"not a valid .docx (damaged: {detail})") from exc
    assembler = Assembler()
    styles = _StyleNames(document)
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            _paragraph(assembler, item, styles)
        elif isinstance(item, Table):
            for row in item.rows:
                assembler.table_row([cell.text for cell in row.cells])
            assembler.end_table()
    title = (document.core_properties.title or "").strip() or None
    reading = assembler.reading(title)
    if not reading.blocks:
        raise DocumentError(path, "empty document (no text)")
    return reading


class _StyleNames:
    """Paragraph style names by style id, looked up once per document.

    python-docx's ``Paragraph.style`` searches the document's styles for every paragraph (and
    for the default style when a paragraph names none): ~3 ms a paragraph, so a 44 KB file of
    100,000 empty paragraphs took five minutes.
    """

    def __init__(self, document: object) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        styles = document.styles  # type: ignore[attr-defined]
        self._names = {
            s.style_id: s.name or ""
            for s in styles
            if s.type == WD_STYLE_TYPE.PARAGRAPH and s.style_id
        }
        default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self._default = (default.name or "") if default is not None else ""

    def of(self, paragraph: object) -> str:
        style_id = paragraph._p.style  # type: ignore[attr-defined]
        return self._names.get(style_id, self._default) if style_id else self._default


def _paragraph(assembler: Assembler, paragraph: object, styles: _StyleNames) -> None:
    from docx.text.paragraph import Paragraph

    assert isinstance(paragraph, Paragraph)
    text = paragraph.text
    if not text.strip():
        return
    style = styles.of(paragraph)
    heading = _HEADING_STYLE.match(style.strip())
    if heading:
        assembler.heading(int(heading.group(1)), text)
    elif style.strip().casefold() == "title":
        assembler.heading(0, text)
    elif _LIST_STYLE.search(style) or (
        paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    ):
        assembler.list_item(text)
    else:
        assembler.paragraph(text)
