"""The graph built from the bundled demo corpus conforms to the shapes, with zero violations."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from beleidsgraaf.graph.store import Store
from beleidsgraaf.ontology.validate import validate_rdf


@pytest.mark.slow
def test_demo_corpus_graph_conforms(tmp_path: Path) -> None:
    pytest.importorskip("beleidsgraaf.pipeline")
    store = tmp_path / "store"
    # Built in a child process, so this test does not depend on the build releasing its store
    # lock before returning.
    build = (
        f"from pathlib import Path; from beleidsgraaf.pipeline import build_corpus; "
        f"build_corpus(Path({str(store)!r}))"
    )
    subprocess.run([sys.executable, "-c", build], check=True)
    with Store(store, read_only=True) as opened:
        data = opened.dump("nquads")
        documents = len(opened.documents())
    assert data is not None and documents == 5
    report = validate_rdf(data, "nquads", source=str(store))
    assert report.graphs == 6  # five documents and the vocabulary
    assert report.conforms, report.text(limit=40)
    assert report.violations == []
