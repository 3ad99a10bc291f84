"""Domain errors: everything a user can get wrong, each turned into one clean line by the CLI.

Every layer raises these (never bare ``Exception``), so the CLI can print ``str(error)`` and exit
non-zero without a traceback, and the Python API's callers can catch one base class.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

__all__ = [
    "BeleidsgraafError",
    "ConfigError",
    "CuratorError",
    "DocumentError",
    "EndpointError",
    "QueryError",
    "ShapeValidationError",
    "StoreDamagedError",
    "StoreError",
    "StoreLockedError",
    "printable",
]

_ESCAPED = frozenset({"Cc", "Cs", "Zl", "Zp"})
"""Unicode categories shown as escapes: controls, lone surrogates, line and paragraph breaks."""


def printable(text: str) -> str:
    r"""``text`` as one printable line: control characters and undecodable bytes as ``\xNN``.

    File names may hold any byte but UTF-8 text (Python hands a byte that is no UTF-8 over as a
    lone surrogate, U+DC80-U+DCFF) and any control character (ESC, a line break). Such a name
    could not be written as RDF or printed on one line, so wherever a name is shown or stored
    it is shown like this: the same escapes for the same bytes, so a name found on disk and
    the name typed on the command line (``remove``) give the same text.

    Examples
    --------
    >>> printable("caf\udce9\x1b.txt")
    'caf\\xe9\\x1b.txt'
    >>> printable("nota.txt")
    'nota.txt'
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for a byte that is no UTF-8
            out.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(ch) in _ESCAPED:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


class BeleidsgraafError(Exception):
    """Base of every error the tool raises on purpose; ``str()`` is the one line users see."""

    exit_code = 1


class ConfigError(BeleidsgraafError):
    """A configuration file, environment variable or option value is wrong."""

    exit_code = 2


class DocumentError(BeleidsgraafError):
    """One input document could not be read; the rest of a batch goes on without it."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = printable(str(path))
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class CuratorError(BeleidsgraafError):
    """The curator file (merges, renames, retypes, rejections) is malformed."""

    exit_code = 2


class StoreError(BeleidsgraafError):
    """The embedded store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another build holds the store's write lock."""


class StoreDamagedError(StoreError):
    """The store's files are damaged (RocksDB reports corruption); it must be built again."""


class QueryError(BeleidsgraafError):
    """A SPARQL query is malformed, unknown, has bad parameters or timed out."""


class EndpointError(BeleidsgraafError):
    """A remote SPARQL endpoint refused, failed, timed out or answered something not SPARQL."""


class ShapeValidationError(BeleidsgraafError):
    """SHACL validation found violations; the report is in ``report``."""

    def __init__(self, message: str, report: str = "") -> None:
        self.report = report
        super().__init__(message)
