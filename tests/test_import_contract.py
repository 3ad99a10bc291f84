"""The one-way dependencies the README describes, checked on every module's imports.

``ingest`` -> ``ontology``; ``graph`` -> ``ontology`` and the record types; ``queries`` and
``viz`` -> ``graph`` and ``ontology``; the CLI (``beleidsgraaf.cli``, ``beleidsgraaf.pipeline``)
on top. A layer importing one it must not fails here with the file and line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Which top-level layers (beleidsgraaf.<layer>) each folder's modules may import.
ALLOWED: dict[str, set[str]] = {
    "ontology": {"ontology", "errors"},
    "ingest": {"ingest", "ontology", "records", "errors", "config"},
    "graph": {"graph", "ontology", "records", "errors"},
    "queries": {"queries", "graph", "ontology", "records", "errors"},
    "viz": {"viz", "graph", "ontology", "records", "errors"},
}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return found


def _violations(folder: str) -> list[str]:
    bad = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for line, module in _imports(path):
            parts = module.split(".")
            if parts[0] != "beleidsgraaf" or len(parts) < 2:
                continue
            if parts[1] not in ALLOWED[folder]:
                bad.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    return bad


@pytest.mark.parametrize("folder", sorted(ALLOWED))
def test_layers_import_only_downwards(folder: str) -> None:
    assert _violations(folder) == []


def test_the_records_module_imports_no_layer() -> None:
    layers = {"ingest", "graph", "queries", "viz", "cli", "pipeline"}
    modules = {
        m.split(".")[1]
        for _, m in _imports(ROOT / "beleidsgraaf" / "records.py")
        if m.startswith("beleidsgraaf.")
    }
    assert not modules & layers
