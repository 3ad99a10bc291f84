"""Readers: one module per file format, and :func:`read_document` that picks the right one.

Every reader turns a file into a :class:`~beleidsgraaf.ingest.document.SourceDocument` or raises
:class:`~beleidsgraaf.errors.DocumentError` with one line naming the file and the reason; no other
exception leaves this package, so a batch can always go on with the next document.

Huge plain-text files are read with :func:`iter_source_chunks`, which yields the document in
pieces (each a ``SourceDocument`` plus its offset in the whole text) so that only one piece is
held in memory at a time; :func:`read_document` refuses files above ``max_bytes`` and says so.
Both cut blocks longer than :data:`~beleidsgraaf.ingest.document.MAX_BLOCK_CHARS` into pieces
(:func:`~beleidsgraaf.ingest.document.split_long_blocks`), whatever the format.

Which files of a folder are documents and what each is called: :mod:`.files`.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from beleidsgraaf.errors import DocumentError
from beleidsgraaf.ingest.document import SourceDocument, split_long_blocks
from beleidsgraaf.ingest.readers.base import Reading
from beleidsgraaf.ingest.readers.files import DOCUMENT_SUFFIXES, document_name

__all__ = ["FORMATS", "MAX_BYTES", "detect_format", "iter_source_chunks", "read_document"]

MAX_BYTES = 64 * 1024 * 1024
"""Largest file :func:`read_document` reads in one go; larger text goes via chunks."""

FORMATS = ("txt", "pdf", "docx", "html")

_PDF_TRAILER = b"%%EOF"


def detect_format(path: Path, head: bytes, tail: bytes = b"") -> str:
    """The format of a file from its first bytes (``head``), last bytes (``tail``), then its
    suffix; text when nothing else fits.

    Content wins over the name: a PDF called ``.txt`` is read as PDF. But a PDF is more than
    its signature: a file not named ``.pdf`` is taken for one only when it also ends the way
    every PDF ends (``%%EOF`` in its last kilobyte), so a note that starts with '%PDF-1.4' is
    read as the text it is. A ``.docx`` that is not a zip archive is still treated as DOCX, so
    the error says what is wrong with it.
    """
    start = head.lstrip()[:512].lower()
    suffix = DOCUMENT_SUFFIXES.get(path.suffix.lower())
    if head[:1024].find(b"%PDF-") != -1 and (suffix == "pdf" or _PDF_TRAILER in tail[-1024:]):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and suffix in (None, "txt", "docx"):
        return "docx"
    if suffix is not None and suffix != "txt":
        return suffix
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "txt"


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a document"
    return f"cannot read file ({exc.strerror or exc})"


def _check(path: Path) -> int:
    """Size of the regular file at ``path``; a DocumentError for anything else."""
    try:
        if path.is_dir():
            raise DocumentError(path, "is a directory, not a document")
        info = path.stat()
    except OSError as exc:
        raise DocumentError(path, _os_reason(exc)) from exc
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or device would block or never end (/dev/zero): never read one.
        raise DocumentError(path, "not a regular file (device, pipe or socket)")
    return info.st_size


def _open(path: Path, max_bytes: int | None) -> bytes:
    size = _check(path)
    if max_bytes is not None and size > max_bytes:
        raise DocumentError(
            path,
            f"too large to read in one go ({size / 1e6:.0f} MB > {max_bytes / 1e6:.0f} MB); "
            "read it in chunks with iter_source_chunks",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, _os_reason(exc)) from exc


def _read(path: Path, data: bytes) -> tuple[str, Reading]:
    from beleidsgraaf.ingest.readers.docx import read_docx
    from beleidsgraaf.ingest.readers.html import read_html
    from beleidsgraaf.ingest.readers.pdf import read_pdf
    from beleidsgraaf.ingest.readers.text import read_text

    if not data.strip(b"\x00 \t\r\n"):
        raise DocumentError(path, "empty file")
    kind = detect_format(path, data[:2048], data[-1024:])
    reader = {"txt": read_text, "pdf": read_pdf, "docx": read_docx, "html": read_html}[kind]
    return kind, reader(path, data)


def _document(path: Path, kind: str, content_hash: str, reading: Reading) -> SourceDocument:
    from beleidsgraaf.ingest.metadata import find_metadata
    from beleidsgraaf.records import DocumentInfo

    meta = find_metadata(path, content_hash)
    title = meta.title or reading.title or _first_heading(reading)
    info = DocumentInfo(
        content_hash=content_hash,
        file_name=document_name(path),
        format=kind,
        title=title,
        publisher=meta.publisher,
        issued=meta.issued,
        pages=reading.pages,
        characters=len(reading.original),
    )
    blocks = split_long_blocks(reading.blocks)
    return SourceDocument(info=info, original=reading.original, blocks=blocks)


def _first_heading(reading: Reading) -> str | None:
    for block in reading.blocks[:20]:
        if block.kind == "heading":
            return block.text
    return None


def read_document(path: Path, *, max_bytes: int | None = MAX_BYTES) -> SourceDocument:
    """Read one document of any supported format into cleaned, structured blocks.

    The format is taken from the content (PDF and DOCX signatures, HTML doctype), then the
    suffix; anything else is read as text in whatever encoding it has.

    Raises
    ------
    DocumentError
        For anything that makes the file unreadable (missing, empty, binary, encrypted,
        damaged, scanned without text, too large, ...); its message is one line naming the file
        and the reason. No other exception is raised.

    Examples
    --------
    >>> from importlib.resources import as_file, files
    >>> with as_file(files("beleidsgraaf.ingest.corpus") / "4tu-strategie-2020-2025.txt") as p:
    ...     doc = read_document(p)
    >>> doc.info.publisher, doc.blocks[1].text
    ('4TU.Federatie', '1 Inleiding')
    """
    path = Path(path)
    try:
        data = _open(path, max_bytes)
        kind, reading = _read(path, data)
        return _document(path, kind, hashlib.sha256(data).hexdigest(), reading)
    except DocumentError:
        raise
    except MemoryError as exc:
        raise DocumentError(path, "too large to read into memory") from exc
    except Exception as exc:  # a library failed on hostile input: still one clear line
        detail = " ".join(str(exc).split())[:200]
        raise DocumentError(path, f"unreadable ({type(exc).__name__}: {detail})") from exc


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def iter_source_chunks(
    path: Path, max_chars: int | None = None
) -> Iterator[tuple[int, SourceDocument]]:
    """Read a document piece by piece: ``(offset, chunk)`` pairs, for documents of any size.

    Plain text is decoded incrementally and cut at paragraph breaks, PDFs are read a run of
    pages at a time, every ``max_chars`` characters (default
    :data:`~beleidsgraaf.ingest.readers.text.CHUNK_CHARS`); each chunk is a
    :class:`SourceDocument` whose ``original`` is that piece of text, and ``offset`` is where the
    piece starts in the whole document, so an extractor adds ``offset`` to a chunk's offsets to
    get offsets in the whole document. All chunks share the whole file's ``DocumentInfo`` (its
    content hash is computed by streaming), except ``characters`` and ``pages``, which count
    the chunk.
    Block pages of PDF chunks are pages of the whole PDF. DOCX and HTML are read whole and
    yielded as one chunk at offset 0.

    Raises :class:`~beleidsgraaf.errors.DocumentError` like :func:`read_document`.
    """
    from beleidsgraaf.ingest.readers.pdf import iter_pdf_chunks
    from beleidsgraaf.ingest.readers.text import CHUNK_CHARS, iter_text_chunks

    path = Path(path)
    _check(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(2048)
            handle.seek(max(0, handle.seek(0, os.SEEK_END) - 1024))
            tail = handle.read()
        kind = detect_format(path, head, tail)
        if kind not in ("txt", "pdf"):
            yield 0, read_document(path, max_bytes=None)
            return
        if not head:
            raise DocumentError(path, "empty file")
        content_hash = _file_hash(path)
        chunks = iter_text_chunks if kind == "txt" else iter_pdf_chunks
        for offset, reading in chunks(path, max_chars or CHUNK_CHARS):
            yield offset, _document(path, kind, content_hash, reading)
    except DocumentError:
        raise
    except OSError as exc:
        raise DocumentError(path, _os_reason(exc)) from exc
    except MemoryError as exc:
        raise DocumentError(path, "too large to read into memory") from exc
    except Exception as exc:
        detail = " ".join(str(exc).split())[:200]
        raise DocumentError(path, f"unreadable ({type(exc).__name__}: {detail})") from exc
