"""The demo corpus's entities and relations, compared with a committed snapshot.

Any change to extraction shows here everything it moved: which entities appeared, disappeared or
changed type, and which relations came or went. When the change is intended, regenerate the
snapshot and commit it with the change (its diff is the review):

    BELEIDSGRAAF_UPDATE_SNAPSHOT=1 pytest tests/ingest/test_demo_snapshot.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from beleidsgraaf.ingest.extract import demo_corpus, extract_paths
from beleidsgraaf.records import Extraction

SNAPSHOT = Path(__file__).parent / "snapshot" / "demo.json"


def _snapshot() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for result in extract_paths(demo_corpus()):
        assert isinstance(result, Extraction), result
        label = {e.iri: e.label for e in result.entities} | result.labels

        def name(iri: str, label: dict[str, str] = label) -> str:
            return label.get(iri, iri)

        out[result.document.file_name] = {
            "entities": sorted(f"{e.type}: {e.label}" for e in result.entities),
            "relations": sorted(
                {
                    f"{name(r.subject)} {r.predicate} {name(r.object)}"
                    for r in result.relations
                    if r.confidence is None or r.confidence >= 0.5
                }
            ),
        }
    return out


def _diff(old: list[str], new: list[str]) -> list[str]:
    return [f"- {x}" for x in sorted(set(old) - set(new))] + [
        f"+ {x}" for x in sorted(set(new) - set(old))
    ]


@pytest.mark.slow
def test_demo_extraction_equals_the_snapshot() -> None:
    now = _snapshot()
    if os.environ.get("BELEIDSGRAAF_UPDATE_SNAPSHOT"):
        SNAPSHOT.write_text(json.dumps(now, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    recorded = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    moved = []
    for doc in sorted(set(now) | set(recorded)):
        for part in ("entities", "relations"):
            changes = _diff(recorded.get(doc, {}).get(part, []), now.get(doc, {}).get(part, []))
            moved += [f"{doc} {part}: {c}" for c in changes]
    assert not moved, "extraction moved (regenerate the snapshot if intended):\n" + "\n".join(
        moved[:200]
    )
