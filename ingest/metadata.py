"""Document metadata (title, publisher, year issued) from an optional YAML sidecar.

Files rarely say reliably who published them and when, so metadata comes from the user, next to
the documents, in either of two forms (both optional; the first found wins, field by field):

``<file name>.meta.yaml`` beside the document::

    title: Evaluatie en advies Techniekpact
    publisher: SEO Economisch Onderzoek
    issued: "2020"

``metadata.yaml`` in the document's folder, one entry per file name (an entry may carry
``sha256`` to apply only to that exact content)::

    techniekpact-evaluatie-2020.txt:
      title: Evaluatie en advies Techniekpact
      issued: "2020"

``issued`` is a year or a date, quoted or not (YAML reads ``issued: 2020-05-01`` as a date; it is
kept as ``2020-05-01``). The files are small YAML, read with :func:`load_yaml`, which refuses
alias bombs.

The bundled demo corpus ships such a ``metadata.yaml`` (read with :mod:`importlib.resources`);
its entries apply to any file whose content hash matches, wherever the file lies.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from beleidsgraaf.config import read_text_file
from beleidsgraaf.errors import DocumentError

__all__ = ["MAX_YAML_NODES", "Metadata", "YAMLTooLarge", "find_metadata", "load_yaml"]

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".meta.yaml"
FOLDER_FILE = "metadata.yaml"
_FIELDS = ("title", "publisher", "issued")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a document beyond its text; every field may be missing."""

    title: str | None = None
    publisher: str | None = None
    issued: str | None = None

    def or_else(self, other: Metadata) -> Metadata:
        """Fill this one's missing fields from ``other``."""
        return Metadata(
            title=self.title or other.title,
            publisher=self.publisher or other.publisher,
            issued=self.issued or other.issued,
        )


MAX_YAML_NODES = 100_000
"""Most values a YAML file may stand for beyond those written in it, aliases expanded."""


class YAMLTooLarge(yaml.YAMLError):
    """A YAML text that would expand to far more than it says (an alias or merge-key bomb)."""


def load_yaml(text: str) -> Any:
    """Parse a small YAML file (sidecar, folder metadata, curator file) safely.

    ``yaml.safe_load`` runs no code but expands aliases and merge keys (``<<: [*a, *a]``) as it
    builds the result, so 495 bytes can stand for millions of values (27 s and 840 MB, or a
    MemoryError). Here the document is composed first -- aliases are shared nodes then, so
    that is cheap -- and how many nodes it would stand for expanded is counted before anything
    is built. Nesting deep enough to exhaust the parser's recursion is refused too.

    Raises
    ------
    yaml.YAMLError
        Not valid YAML, or (:class:`YAMLTooLarge`) one that expands too far or nests too deep.
    """
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        written, expanded = _sizes(node)
        if expanded > written + MAX_YAML_NODES:
            raise YAMLTooLarge(
                f"aliases expand {written} written values to over {expanded} (an alias bomb)"
            )
        return loader.construct_document(node)
    except RecursionError as exc:
        raise YAMLTooLarge("nested too deeply") from exc
    finally:
        loader.dispose()


def _sizes(root: yaml.Node) -> tuple[int, int]:
    """(distinct nodes, nodes counted as often as aliases repeat them), without recursion.

    Raises :class:`YAMLTooLarge` for an alias inside the node it names (``&a [*a]``): expanded,
    that is endless.
    """
    size: dict[int, int] = {}
    open_: set[int] = set()  # nodes whose children are still being counted
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            size[key] = 1 + sum(size[id(c)] for c in _children(node))
            open_.discard(key)
            continue
        if key in size:
            continue
        if key in open_:
            raise YAMLTooLarge("an alias refers to the value it is part of (endless)")
        open_.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in _children(node) if id(c) not in size)
    return len(size), size[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _load_yaml(source: Path | str, text: str) -> Any:
    try:
        return load_yaml(text)
    except yaml.YAMLError as exc:
        problem = " ".join(str(exc).split())
        raise DocumentError(source, f"metadata is not valid YAML: {problem}") from exc


def _entry(source: Path | str, data: Any) -> Metadata:
    if data is None:
        return Metadata()
    if not isinstance(data, dict):
        raise DocumentError(source, "metadata must be a mapping of title/publisher/issued")
    values: dict[str, str | None] = {}
    for name in _FIELDS:
        value = data.get(name)
        if isinstance(value, datetime.date):  # 'issued: 2020-05-01' unquoted is a YAML date
            value = value.isoformat()[:10]
        if value is not None and not isinstance(value, str | int):
            raise DocumentError(source, f"metadata field {name!r} must be text, a year or a date")
        values[name] = None if value is None else str(value).strip() or None
    return Metadata(**values)


def _read(path: Path) -> str | None:
    try:
        return read_text_file(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DocumentError(path, f"cannot read metadata file: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise DocumentError(path, f"cannot read metadata file: {exc}") from exc


@cache
def _bundled() -> dict[str, Metadata]:
    """The demo corpus's metadata, keyed by content hash."""
    resource = files("beleidsgraaf.ingest.corpus") / FOLDER_FILE
    data = _load_yaml(FOLDER_FILE, resource.read_text(encoding="utf-8")) or {}
    return {
        str(entry["sha256"]): _entry(FOLDER_FILE, entry)
        for entry in data.values()
        if isinstance(entry, dict) and entry.get("sha256")
    }


def find_metadata(path: Path, content_hash: str) -> Metadata:
    """The metadata for the document at ``path`` with SHA-256 ``content_hash``.

    Raises :class:`~beleidsgraaf.errors.DocumentError` naming the ``.meta.yaml`` sidecar when it
    exists but is malformed, rather than silently ignoring what the user wrote; a malformed
    folder ``metadata.yaml`` (a common name, perhaps another tool's) is logged and ignored.
    """
    found = Metadata()
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    text = _read(sidecar)
    if text is not None:
        found = found.or_else(_entry(sidecar, _load_yaml(sidecar, text)))
    folder_file = path.with_name(FOLDER_FILE)
    try:
        found = found.or_else(_folder_entry(folder_file, path.name, content_hash))
    except DocumentError as error:
        # 'metadata.yaml' is a common name: a folder file that is not ours must not make every
        # document beside it fail. Say so, and go on without it.
        log.warning("%s (ignored)", error)
    return found.or_else(_bundled().get(content_hash, Metadata()))


def _folder_entry(folder_file: Path, name: str, content_hash: str) -> Metadata:
    text = _read(folder_file)
    if text is None:
        return Metadata()
    data = _load_yaml(folder_file, text)
    if data is not None and not isinstance(data, dict):
        raise DocumentError(folder_file, "metadata must map file names to entries")
    entry = (data or {}).get(name)
    if isinstance(entry, dict) and entry.get("sha256") not in (None, content_hash):
        return Metadata()
    return _entry(folder_file, entry)
