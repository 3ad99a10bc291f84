"""What every reader returns before the document is given its metadata."""

from __future__ import annotations

from dataclasses import dataclass, field

from beleidsgraaf.ingest.document import Block

__all__ = ["Reading"]


@dataclass(slots=True)
class Reading:
    """The format-specific part of a :class:`~beleidsgraaf.ingest.document.SourceDocument`.

    ``original`` is the document's text as read (for PDF the pages joined by form feeds; for DOCX
    and HTML the text content in reading order), and every block's offsets point into it.
    """

    original: str
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    title: str | None = None
    """A title the file itself declares (PDF/DOCX properties, HTML <title>), if any."""
