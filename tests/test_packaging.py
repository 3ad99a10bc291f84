"""The project installs as one import package, ships its data, and does no work at import time."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAPPED = {
    "beleidsgraaf": "beleidsgraaf",
    "ontology": "beleidsgraaf.ontology",
    "ingest": "beleidsgraaf.ingest",
    "graph": "beleidsgraaf.graph",
    "queries": "beleidsgraaf.queries",
    "viz": "beleidsgraaf.viz",
}


def _listed_packages() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return set(config["tool"]["setuptools"]["packages"])


def test_every_python_folder_is_a_listed_package() -> None:
    listed = _listed_packages()
    for folder, package in MAPPED.items():
        for init in (ROOT / folder).rglob("*.py"):
            rel = init.parent.relative_to(ROOT / folder)
            name = ".".join([package, *rel.parts])
            assert name in listed, f"{init} is in {name}, which pyproject.toml does not list"


@pytest.mark.slow
def test_wheel_holds_one_package_and_its_data(tmp_path: Path) -> None:
    # build from a copy, so setuptools' build/ folder never lands in the working tree
    source = tmp_path / "src"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", ".uv", "out", "build", "bench", "tests", ".beleidsgraaf", "*.egg-info"
        ),
    )
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path)],
        cwd=source,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names}
    name, version = wheel.name.split("-")[:2]
    assert top == {"beleidsgraaf", f"{name}-{version}.dist-info"}
    for expected in (
        "beleidsgraaf/ontology/beleidsgraaf.ttl",
        "beleidsgraaf/ontology/shapes.ttl",
        "beleidsgraaf/ingest/corpus/techniekpact-evaluatie-2020.txt",
        "beleidsgraaf/ingest/corpus/README.md",
        "beleidsgraaf/ingest/corpus/gold/README.md",
        "beleidsgraaf/ingest/corpus/gold/techniekpact-evaluatie-2020.part1.json",
        "beleidsgraaf/ingest/pipeline/config.cfg",
    ):
        assert expected in names, f"{expected} missing from the wheel"
    assert any(n.startswith("beleidsgraaf/queries/") and n.endswith(".rq") for n in names)
    assert any(n.startswith("beleidsgraaf/viz/") and n.endswith(".js") for n in names)


def test_importing_the_cli_loads_no_heavy_library() -> None:
    code = (
        "import sys, beleidsgraaf.cli; "
        "heavy = {'spacy', 'rdflib', 'pyoxigraph', 'networkx', 'matplotlib'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
