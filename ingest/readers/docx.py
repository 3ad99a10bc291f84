"""Word documents (.docx) with python-docx: heading styles give headings, tables give rows."""

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
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            _paragraph(assembler, item)
        elif isinstance(item, Table):
            for row in item.rows:
                assembler.table_row([cell.text for cell in row.cells])
            assembler.end_table()
    title = (document.core_properties.title or "").strip() or None
    reading = assembler.reading(title)
    if not reading.blocks:
        raise DocumentError(path, "empty document (no text)")
    return reading


def _paragraph(assembler: Assembler, paragraph: object) -> None:
    from docx.text.paragraph import Paragraph

    assert isinstance(paragraph, Paragraph)
    text = paragraph.text
    if not text.strip():
        return
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
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
