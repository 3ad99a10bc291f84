"""The generated ontology reference is complete and the committed copy is up to date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from beleidsgraaf.ontology.reference import render_reference

DOC = Path(__file__).resolve().parents[2] / "docs" / "ontology.md"


def test_committed_reference_equals_a_fresh_generation() -> None:
    fresh = render_reference()
    assert DOC.read_text(encoding="utf-8") == fresh, (
        "docs/ontology.md is out of date: "
        "run `.venv/bin/python -m beleidsgraaf.ontology.reference > docs/ontology.md`"
    )


def test_reference_covers_terms_schemes_authority_and_shapes() -> None:
    text = render_reference()
    for needle in (
        "### `bg:Landsdeel`",
        "| `bg:funds` | financiert | funds |",
        "inverse of `schema:funder`",
        "`id:actielijn-kiezen`",
        "`id:instrument/regeling`",
        "### hogeschool (",
        "| Landsdeel Zuidwest | Region |",
        "statement has no evidence",
    ):
        assert needle in text, needle


def test_the_module_command_writes_the_reference() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "beleidsgraaf.ontology.reference"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    assert out == render_reference()
