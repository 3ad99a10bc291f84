"""Shared fixtures: the demo corpus is built once per test session and shared read-only."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from beleidsgraaf.config import Settings
from beleidsgraaf.records import Extraction, confident


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The main job on the bundled corpus: (RunReport, Settings). Tests must not write to it."""
    from beleidsgraaf.pipeline import run

    root = tmp_path_factory.mktemp("demo")
    settings = Settings(store=root / "store", out=root / "out")
    return run(None, settings), settings


@pytest.fixture(scope="session")
def demo_store_path(demo_run) -> Path:  # type: ignore[no-untyped-def]
    """Folder of the embedded store holding the demo corpus (read-only for tests)."""
    return demo_run[1].store


@pytest.fixture
def demo_store_copy(demo_store_path: Path, tmp_path: Path) -> Path:
    """A private, writable copy of the demo store, for tests that change it."""
    target = tmp_path / "store"
    shutil.copytree(demo_store_path, target, ignore=shutil.ignore_patterns("*.lock", "LOCK"))
    return target


def chromium_or_skip() -> str:
    """Path of Debian's chromium; skip when absent locally, fail in CI (CI installs it)."""
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI: .ci/run should have installed it")
        pytest.skip("Debian's chromium is not installed")
    return path


@pytest.fixture(scope="session")
def syntax_nlp():  # type: ignore[no-untyped-def]
    """The shipped Dutch syntax model with the project's tokenizer (grammar only, no rules)."""
    import beleidsgraaf.ingest.pipeline.factories  # noqa: F401  (registers the tokenizer)
    from beleidsgraaf.ingest.pipeline.tokenizer import create_tokenizer
    from beleidsgraaf.ingest.syntax.model import syntax_pipeline

    nlp = syntax_pipeline()
    nlp.tokenizer = create_tokenizer()(nlp)
    return nlp


def _stated(extraction: Extraction, threshold: float = 0.5) -> set[tuple[str, str, str]]:
    """(subject label, predicate, object label) of the relations believed at least ``threshold``."""
    label = {e.iri: e.label for e in extraction.entities}
    return {
        (label[r.subject], r.predicate, label[r.object])
        for r in confident(extraction.relations, threshold)
    }


@pytest.fixture
def stated():  # type: ignore[no-untyped-def]
    """The labelled triples an extraction states at the build's default threshold."""
    return _stated
