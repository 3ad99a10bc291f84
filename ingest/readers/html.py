"""HTML pages with BeautifulSoup: h1-h6, paragraphs, list items and table rows in page order.

Scripts, styles and other non-content elements are dropped before anything is read, so nothing
from them can reach the graph (or, later, the map).
"""

from __future__ import annotations

from pathlib import Path

from beleidsgraaf.errors import DocumentError
from beleidsgraaf.ingest.readers.assemble import Assembler
from beleidsgraaf.ingest.readers.base import Reading
from beleidsgraaf.ingest.readers.text import decode_text

__all__ = ["read_html"]

_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head")
_INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "dfn",
        "em",
        "font",
        "i",
        "kbd",
        "label",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
    ]
)
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "caption", "figcaption", "dt", "dd")


def read_html(path: Path, data: bytes) -> Reading:
    """Read an HTML document (already loaded as ``data``)."""
    from bs4 import BeautifulSoup, NavigableString, Tag
    from bs4.element import PreformattedString

    text = decode_text(path, data)
    soup = BeautifulSoup(text, "html.parser")
    title_tag = soup.find("title")
    title = title_tag.get_text(" ", strip=True) if isinstance(title_tag, Tag) else None
    for tag in soup.find_all(_DROP):
        tag.decompose()
    assembler = Assembler()
    loose: list[str] = []
    loose_parent: object = None

    def flush() -> None:
        text = " ".join(" ".join(loose).split())
        if text:
            assembler.paragraph(text)
        loose.clear()

    for node in soup.descendants:
        if isinstance(node, Tag):
            if node.name in _BLOCKS and node.find_parent(_BLOCKS) is None:
                flush()
                _element(assembler, node)
            continue
        # Comments, CDATA, doctypes and processing instructions are not text.
        if not isinstance(node, NavigableString) or isinstance(node, PreformattedString):
            continue
        # Text outside any block element (straight in a <div> or <body>) is read too, one
        # paragraph per enclosing non-inline element.
        if node.strip() and node.find_parent(_BLOCKS) is None:
            container = node.parent
            while container is not None and container.name in _INLINE:
                container = container.parent
            if container is not loose_parent:
                flush()
                loose_parent = container
            loose.append(str(node))
    flush()
    reading = assembler.reading(title or None)
    if not reading.blocks:
        raise DocumentError(path, "empty HTML page (no text)")
    return reading


def _element(assembler: Assembler, element: object) -> None:
    from bs4 import Tag

    assert isinstance(element, Tag)
    name = element.name
    if name[0] == "h" and name[1:].isdigit():
        assembler.heading(int(name[1:]), element.get_text(" ", strip=True))
    elif name == "li":
        assembler.list_item(element.get_text(" ", strip=True))
    elif name == "tr":
        cells = [c.get_text(" ", strip=True) for c in element.find_all(("td", "th"))]
        assembler.table_row(cells)
    else:
        assembler.paragraph(element.get_text(" ", strip=True))
