"""Plain text in any common encoding: detect it (never assume UTF-8), then recover structure.

Detection order: a byte-order mark; strict UTF-8 (which practically never succeeds by accident on
Latin-1 or Windows-1252 text with diacritics); otherwise charset-normalizer's best guess. Text that
decodes to mostly control characters is refused as binary. NUL bytes, which some exports scatter
through otherwise good text, are removed with a warning.
"""

from __future__ import annotations

import codecs
import logging
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from beleidsgraaf.errors import DocumentError
from beleidsgraaf.ingest.readers.base import Reading
from beleidsgraaf.ingest.structure import build_blocks

__all__ = ["CHUNK_CHARS", "decode_text", "detect_encoding", "iter_text_chunks", "read_text"]

log = logging.getLogger(__name__)

CHUNK_CHARS = 2_000_000
"""Default size of one chunk of a huge text file (characters), see :func:`iter_text_chunks`."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 256 * 1024
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_MAX_CONTROL_SHARE = 0.05


def detect_encoding(path: Path, sample: bytes) -> str:
    """The encoding of a text file, judged from its first bytes (``sample``)."""
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # A sample cut inside a multi-byte character is still UTF-8.
        if exc.start >= len(sample) - 3 and exc.reason in ("unexpected end of data",):
            return "utf-8"
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    best = from_bytes(sample).best()
    if best is not None and best.encoding.startswith(("utf_16", "utf_32")):
        return best.encoding
    # Short Dutch texts fit several single-byte code pages about equally well ('bètaprogramma'
    # is also plausible Czech as 'bčtaprogramma'). These are Dutch documents: prefer
    # Windows-1252 (a superset of Latin-1's letters) unless it reads clearly worse.
    try:
        western = sample.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and (
        best is None or mess_ratio(western) <= mess_ratio(str(best)) + 0.02
    ):
        return "cp1252"
    if best is None:
        raise DocumentError(path, "not a text file (binary content, no text encoding fits)")
    return best.encoding


def _check_text(path: Path, text: str) -> str:
    """Drop NUL bytes (with a warning) and refuse text that is mostly control characters."""
    if "\x00" in text:
        log.warning("%s: removed %d NUL characters", path, text.count("\x00"))
        text = text.replace("\x00", "")
    if not text.strip():
        raise DocumentError(path, "empty file (no text)")
    sample = text[:_SAMPLE]
    bad = sum(
        1
        for ch in sample
        if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    )
    if bad > _MAX_CONTROL_SHARE * len(sample):
        raise DocumentError(path, "not a text file (binary content)")
    return text


def decode_text(path: Path, data: bytes) -> str:
    """Decode the bytes of a text file, detecting the encoding."""
    if not data.strip(b"\x00 \t\r\n"):
        raise DocumentError(path, "empty file")
    encoding = detect_encoding(path, data[:_SAMPLE])
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        # The start looked like one encoding, later bytes say otherwise (an ASCII head, then
        # Windows-1252): judge again where it went wrong.
        retry = detect_encoding(path, data[max(exc.start - 1024, 0) : exc.start + _SAMPLE])
        try:
            text = data.decode(retry)
        except UnicodeDecodeError:
            text = data.decode(encoding, errors="replace")
    return _check_text(path, text)


def read_text(path: Path, data: bytes) -> Reading:
    """Read a plain-text document (already loaded as ``data``)."""
    original = decode_text(path, data)
    return Reading(original=original, blocks=build_blocks(original))


def iter_text_chunks(path: Path, max_chars: int = CHUNK_CHARS) -> Iterator[tuple[int, Reading]]:
    """Read a (huge) text file piece by piece: ``(offset, Reading)`` per chunk.

    The file is decoded incrementally and cut at a blank line (a paragraph break) once a chunk
    has ``max_chars`` characters, so at most about one chunk of text is held at a time. Each
    chunk's ``original`` is its own text and its blocks' offsets point into it; ``offset`` is
    where the chunk starts in the whole document's text, so ``offset + block offset`` is the
    position in the whole document.
    """
    with path.open("rb") as handle:
        head = handle.read(_SAMPLE)
        head += handle.read(-len(head) % 4)  # keep UTF-16/32 code units whole
        if not head.strip(b"\x00 \t\r\n"):
            raise DocumentError(path, "empty file")
        encoding = detect_encoding(path, head)
        decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        nuls = 0

        def decode(data: bytes, final: bool) -> str:
            nonlocal nuls
            text = decoder.decode(data, final=final)
            if "\x00" in text:
                nuls += text.count("\x00")
                text = text.replace("\x00", "")
            return text

        pending = decode(head, False)
        offset = 0
        done = False
        while not done:
            while len(pending) < max_chars and not done:
                data = handle.read(1024 * 1024)
                pending += decode(data, not data)
                done = not data
            cut = len(pending) if done else _cut_point(pending, max_chars)
            piece, pending = pending[:cut], pending[cut:]
            if piece.strip(" \t\r\n\f"):
                yield offset, Reading(original=_check_text(path, piece), blocks=build_blocks(piece))
            offset += cut
        if nuls:
            log.warning("%s: removed %d NUL characters", path, nuls)


def _cut_point(text: str, max_chars: int) -> int:
    """Where to end a chunk: after the last blank line before ``max_chars``, else a line end."""
    for mark in ("\n\n", "\n", " "):
        at = text.rfind(mark, max_chars // 2, max_chars)
        if at != -1:
            return at + len(mark)
    return max_chars
