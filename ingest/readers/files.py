"""Which files are documents, and what each document is called: the document-identity rule.

A document is one file, known by its **name**: its path relative to the folder it was found in
(``oost/nota.txt`` when ``build regio/`` finds ``regio/oost/nota.txt``), or its file name when
the file was given itself. The store keeps one document per name and replaces it when the
content changes, so

- two files with the same file name in two folders are two documents (``oost/nota.txt``,
  ``west/nota.txt``), and identical bytes under two names are two documents too;
- building again with the same folders finds the same names, and an unchanged file is left
  alone ('unchanged');
- a name is always printable text (:func:`beleidsgraaf.errors.printable`): a control character
  or a byte that is no UTF-8 is written as ``\\xNN``, the same text whether the name comes from
  the disk or from the command line (``beleidsgraaf remove``).

Suffixes are matched without regard to case (``NOTA.TXT``, ``Verslag.Txt``). A folder in which
nothing is a document yields a :class:`~beleidsgraaf.errors.DocumentError` saying so, rather
than an empty build that looks like success. Two files that would get the same name in one build
(``build a/docs b/docs``, both holding ``nota.txt``) are refused by the build
(``beleidsgraaf.pipeline``), which owns the store the names are keys of.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from beleidsgraaf.errors import DocumentError, printable

__all__ = ["DOCUMENT_SUFFIXES", "DocumentFile", "document_name", "list_documents"]

DOCUMENT_SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
"""File suffix (lower case) -> format, for the files a folder is searched for."""


@dataclass(frozen=True, slots=True)
class DocumentFile:
    """A file to read, and the name it is stored under."""

    path: Path
    name: str


def document_name(path: Path, root: Path | None = None) -> str:
    """The name of the document at ``path``: relative to ``root`` (a folder), else its file name.

    Examples
    --------
    >>> document_name(Path("regio/oost/nota.txt"), Path("regio"))
    'oost/nota.txt'
    >>> document_name(Path("/tmp/caf\\udce9.txt"))
    'caf\\\\xe9.txt'
    """
    parts = path.relative_to(root).parts if root is not None else (path.name,)
    return "/".join(printable(part) for part in parts)


def _is_document(name: str) -> bool:
    return Path(name).suffix.lower() in DOCUMENT_SUFFIXES


def _walk(root: Path) -> tuple[list[Path], list[DocumentError]]:
    """Document files under ``root`` (sorted, symbolic links to folders not followed) and the
    sub-folders that could not be listed."""
    found: list[Path] = []
    errors: list[DocumentError] = []

    def unreadable(exc: OSError) -> None:
        errors.append(DocumentError(exc.filename or root, "cannot list this folder"))

    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs.sort()
        found.extend(Path(folder, n) for n in names if _is_document(n))
    return sorted(found), errors


def list_documents(paths: Iterable[Path]) -> list[DocumentFile | DocumentError]:
    """The documents at ``paths`` (files, or folders searched recursively), each with its name.

    Files given directly are taken as they are (the reader says what is wrong with one that is
    missing or no document). A folder without any document, or one that cannot be listed, gives
    a :class:`~beleidsgraaf.errors.DocumentError` in its place. The same file reached twice is
    listed once.
    """
    out: list[DocumentFile | DocumentError] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files, errors = _walk(path)
            out.extend(errors)
            if not files and not errors:
                looked = " ".join(DOCUMENT_SUFFIXES)
                reason = f"no documents in this folder (looked for {looked})"
                out.append(DocumentError(path, reason))
            found = [DocumentFile(f, document_name(f, path)) for f in files]
        else:
            found = [DocumentFile(path, document_name(path))]
        for file in found:
            key = file.path.resolve()
            if key not in seen:
                seen.add(key)
                out.append(file)
    return out
