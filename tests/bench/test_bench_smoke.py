"""The benchmark suite still runs: generators make what they promise, every area runs at --quick.

No timing is asserted (machines differ); what is asserted is that each area measured something
real and wrote it into the report, so the benchmark cannot rot unnoticed while the code changes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

pytestmark = pytest.mark.slow

BG = "https://w3id.org/beleidsgraaf/def#"
PROV = "http://www.w3.org/ns/prov#"


def _chromium_or_skip() -> None:
    if shutil.which("chromium") or Path("/usr/bin/chromium").exists():
        return
    if os.environ.get("CI"):
        pytest.fail("chromium is missing in CI: .ci/run should have installed it")
    pytest.skip("Debian's chromium is not installed")


@pytest.fixture
def root(request: pytest.FixtureRequest) -> Path:
    """The repository root: ``bench`` is run from there, as the README says."""
    return Path(request.config.rootpath)


def _bench(root: Path) -> Any:
    sys.path.insert(0, str(root))
    import bench.corpus
    import bench.synth

    return bench


def test_generated_graph_has_our_shape(root: Path, tmp_path: Path) -> None:
    bench = _bench(root)
    shape = bench.synth.GraphShape(documents=6, entities=150)
    graph = bench.synth.write_nquads(shape, tmp_path / "g.nq")
    again = bench.synth.write_nquads(shape, tmp_path / "again.nq")
    assert graph.path.read_bytes() == again.path.read_bytes(), "generator is not deterministic"

    store = ox.Store()
    store.bulk_load(path=str(graph.path), format=ox.RdfFormat.N_QUADS)
    graphs = {g.value for g in store.named_graphs()}
    assert len(graphs) == 6 + 1  # one per document plus the vocabulary
    assert bench.synth.VOCABULARY_GRAPH in graphs

    def count(query: str) -> int:
        result = store.query(query, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        return int(next(iter(result))[0].value)

    for kind in ("Organisation", "Programme", "Intervention", "Region", "Person"):
        assert count(f"SELECT (COUNT(*) AS ?n) {{ ?e a <{BG}{kind}> }}") > 0, kind
    # every statement node carries its evidence sentence, in the same document graph
    statements = count(f"SELECT (COUNT(*) AS ?n) {{ ?s a <{BG}Statement> }}")
    with_evidence = count(
        f"SELECT (COUNT(DISTINCT ?s) AS ?n) {{ GRAPH ?g {{ ?s a <{BG}Statement> ; "
        f"<{PROV}wasDerivedFrom> ?ev . ?ev a <{BG}Evidence> ; <{BG}sentence> ?text }} }}"
    )
    assert statements == with_evidence
    assert statements > 6 * 25  # relations, plus co-occurrences (one node per pair and document)
    # regions reach a landsdeel in two hops, as the landsdeel queries expect
    assert (
        count(
            f"SELECT (COUNT(DISTINCT ?r) AS ?n) {{ ?r a <{BG}Region> ; <{BG}partOf>+ ?ld . "
            f"?ld a <{BG}Landsdeel> }}"
        )
        == len(graph.entities_by_type["Region"]) + 12
    )


def test_generated_corpus_renames_actors_and_is_prefix_stable(root: Path, tmp_path: Path) -> None:
    bench = _bench(root)
    big = bench.corpus.write_corpus(tmp_path / "big", 4, chars=2000)
    small = bench.corpus.write_corpus(tmp_path / "small", 2, chars=2000)
    assert [p.read_text() for p in big[:2]] == [p.read_text() for p in small]
    demo = "\n".join(bench.corpus.demo_texts().values())
    text = big[0].read_text(encoding="utf-8")
    assert len(text) >= 2000
    names = set(bench.corpus._NAME.findall(text))
    assert any(name not in demo for name in names), "no actor was renamed"
    assert any(name in demo for name in names), "every actor was renamed"


@pytest.mark.parametrize("area", ["ingestion", "store", "fragmentation", "map", "remote"])
def test_quick_run_of_each_area(root: Path, tmp_path: Path, area: str) -> None:
    if area == "map":
        _chromium_or_skip()
    out = tmp_path / "out"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.run",
            "--quick",
            "--runs",
            "1",
            "--area",
            area,
            "--out",
            str(out),
            "--work",
            str(tmp_path / "work"),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=840,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert report["skipped"] == {}, report["skipped"]
    rows = [r for r in report["results"] if r["area"] == area]
    assert rows, f"{area} measured nothing"
    for row in rows:
        assert row["value"]["runs"], row
        assert "FAILED" not in row["notes"], row
    assert report["machine"]["logical_cores"] >= 1
    assert "pyoxigraph" in report["machine"]["versions"]
    markdown = (out / "RESULTS.md").read_text(encoding="utf-8")
    assert "- Machine:" in markdown and rows[0]["name"] in markdown
