"""Domain errors: everything a user can get wrong, each turned into one clean line by the CLI.

Every layer raises these (never bare ``Exception``), so the CLI can print ``str(error)`` and exit
non-zero without a traceback, and the Python API's callers can catch one base class.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "BeleidsgraafError",
    "ConfigError",
    "CuratorError",
    "DocumentError",
    "EndpointError",
    "QueryError",
    "ShapeValidationError",
    "StoreError",
    "StoreLockedError",
]


class BeleidsgraafError(Exception):
    """Base of every error the tool raises on purpose; ``str()`` is the one line users see."""

    exit_code = 1


class ConfigError(BeleidsgraafError):
    """A configuration file, environment variable or option value is wrong."""

    exit_code = 2


class DocumentError(BeleidsgraafError):
    """One input document could not be read; the rest of a batch goes on without it."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class CuratorError(BeleidsgraafError):
    """The curator file (merges, renames, retypes, rejections) is malformed."""

    exit_code = 2


class StoreError(BeleidsgraafError):
    """The embedded store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another build holds the store's write lock."""


class QueryError(BeleidsgraafError):
    """A SPARQL query is malformed, unknown, has bad parameters or timed out."""


class EndpointError(BeleidsgraafError):
    """A remote SPARQL endpoint refused, failed, timed out or answered something not SPARQL."""


class ShapeValidationError(BeleidsgraafError):
    """SHACL validation found violations; the report is in ``report``."""

    def __init__(self, message: str, report: str = "") -> None:
        self.report = report
        super().__init__(message)
