"""PDF with a text layer, read page by page with pypdfium2; page numbers kept for provenance.

Pages are joined with form feeds, so :mod:`beleidsgraaf.ingest.cleaning` knows where each page
starts (running headers and page numbers sit at page edges) and every block knows its page.
Encrypted, damaged and scanned (image-only) PDFs are refused with a clear reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from beleidsgraaf.errors import DocumentError
from beleidsgraaf.ingest.readers.base import Reading
from beleidsgraaf.ingest.structure import build_blocks

__all__ = ["MIN_CHUNK_PAGES", "iter_pdf_chunks", "read_pdf"]

MIN_CHUNK_PAGES = 10

# PDFium's error codes (FPDF_ERR_*), as reported by pypdfium2.
_REASONS = {
    1: "not a valid PDF (unknown error in the file)",
    2: "file not found or could not be opened",
    3: "not a valid PDF (damaged or truncated)",
    4: "encrypted PDF (a password is needed to read it)",
    5: "PDF uses an unsupported security scheme",
    6: "not a valid PDF (page error)",
}


def _open_error(path: Path, exc: Exception) -> DocumentError:
    code = getattr(exc, "err_code", None)
    reason = _REASONS.get(code) if isinstance(code, int) else None
    if reason is None:
        message = str(exc).lower()
        if "password" in message:
            reason = _REASONS[4]
        elif "format" in message or "data" in message:
            reason = _REASONS[3]
        else:
            reason = f"not a readable PDF ({' '.join(str(exc).split())})"
    return DocumentError(path, reason)


def _page_texts(path: Path, source: bytes | Path) -> Iterator[str]:
    """The text of each page in turn (PDFium opens a path lazily, page by page)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(source)
    except pdfium.PdfiumError as exc:
        raise _open_error(path, exc) from exc
    try:
        if len(pdf) == 0:
            raise DocumentError(path, "PDF has no pages")
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    # PDFium writes U+0002 where a line ends in a hyphen it took for a
                    # hyphenation; the page shows '-', so the text says '-' (same length).
                    yield textpage.get_text_range().replace("\x02", "-")
                finally:
                    textpage.close()
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise _open_error(path, exc) from exc
    finally:
        pdf.close()


def _title(source: bytes | Path) -> str | None:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(source)
    except pdfium.PdfiumError:
        return None
    try:
        return (pdf.get_metadata_dict().get("Title") or "").strip() or None
    finally:
        pdf.close()


def _no_text(path: Path) -> DocumentError:
    return DocumentError(path, "scanned PDF with no text layer (needs OCR first)")


def read_pdf(path: Path, data: bytes) -> Reading:
    """Read the text layer of a PDF (already loaded as ``data``), one page at a time."""
    if not data:
        raise DocumentError(path, "empty file")
    pages = list(_page_texts(path, data))
    if not any(text.strip() for text in pages):
        raise _no_text(path)
    original = "\f".join(pages)
    return Reading(
        original=original, blocks=build_blocks(original), pages=len(pages), title=_title(data)
    )


def iter_pdf_chunks(path: Path, max_chars: int) -> Iterator[tuple[int, Reading]]:
    """Read a (huge) PDF a run of pages at a time: ``(offset, Reading)`` per chunk.

    A chunk ends at a page boundary once it holds ``max_chars`` characters and at least
    :data:`MIN_CHUNK_PAGES` pages (running headers are recognised by repeating on several
    pages, so a chunk needs enough of them); block pages are
    page numbers in the whole PDF, and ``offset`` is where the chunk's text starts in the text
    :func:`read_pdf` would give for the whole file (pages joined by form feeds).
    """
    title = _title(path)
    offset = 0
    first_page = 1
    pages: list[str] = []
    size = 0
    any_text = False

    def chunk() -> tuple[int, Reading]:
        original = "\f".join(pages)
        blocks = build_blocks(original)
        for block in blocks:
            block.page = (block.page or 1) + first_page - 1
        return offset, Reading(original=original, blocks=blocks, pages=len(pages), title=title)

    for text in _page_texts(path, path):
        any_text = any_text or bool(text.strip())
        pages.append(text)
        size += len(text) + 1
        if size >= max_chars and len(pages) >= MIN_CHUNK_PAGES:
            yield chunk()
            offset += size
            first_page += len(pages)
            pages, size = [], 0
    if pages:
        yield chunk()
    if not any_text:
        raise _no_text(path)
