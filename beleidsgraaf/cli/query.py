"""CLI commands: query (to be filled by its owner)."""

from __future__ import annotations

from beleidsgraaf.cli.app import app  # noqa: F401
