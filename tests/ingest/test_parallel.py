"""Extraction in worker processes (``ingest.parallel``): same results as one process, in order.

Real worker processes (forkserver), the real pipeline and the demo corpus; nothing mocked.
"""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

import pytest

from beleidsgraaf.config import Settings
from beleidsgraaf.errors import ConfigError, DocumentError
from beleidsgraaf.graph.store import Store
from beleidsgraaf.ingest.extract import demo_corpus, extract_paths
from beleidsgraaf.ingest.parallel import MIN_BYTES, batches
from beleidsgraaf.pipeline import build
from beleidsgraaf.records import Extraction


def _corpus(folder: Path) -> list[Path]:
    """The demo corpus, with an unreadable file among its documents (sorted by name)."""
    folder.mkdir()
    shutil.copy(demo_corpus()[0].with_name("metadata.yaml"), folder)
    paths = []
    for i, path in enumerate(demo_corpus()):
        paths.append(Path(shutil.copy(path, folder / path.name)))
        if i == 1:
            junk = folder / "c-junk.txt"
            junk.write_bytes(bytes(range(256)) * 40)
            paths.append(junk)
    return sorted(paths)


def test_two_workers_build_the_same_store_as_one(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    dumps = {}
    for workers in (1, 2):
        settings = Settings(store=tmp_path / f"store-{workers}", workers=workers)
        report = build([corpus[0].parent], settings)
        assert len(report.stored) == 5
        assert [Path(f.path).name for f in report.failed] == ["c-junk.txt"]
        with Store(settings.store, read_only=True) as store:
            dumps[workers] = store.dump("nquads")
    assert dumps[1] and dumps[1] == dumps[2]


def test_two_workers_extract_the_same_records_in_file_order(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    one = list(extract_paths(corpus, workers=1))
    two = list(extract_paths(corpus, workers=2))
    assert [type(r) for r in two] == [type(r) for r in one]
    junk = [p.name for p in corpus].index("c-junk.txt")
    assert isinstance(two[junk], DocumentError) and "c-junk.txt" in str(two[junk])
    names = [r.document.file_name for r in two if isinstance(r, Extraction)]
    assert names == [p.name for p in corpus if p.name != "c-junk.txt"]
    for a, b in zip(one, two, strict=True):
        if isinstance(a, Extraction):
            assert a == b
        else:
            assert str(a) == str(b)


def test_no_worker_outlives_its_run(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    results = extract_paths(corpus, workers=2)
    assert len(multiprocessing.active_children()) == 2
    assert len(list(results)) == 6
    assert multiprocessing.active_children() == []
    abandoned = extract_paths(corpus, workers=2)
    next(abandoned)
    abandoned.close()
    assert multiprocessing.active_children() == []


def test_a_missing_model_fails_before_workers_start(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    with pytest.raises(ConfigError, match="not installed"):
        extract_paths(corpus, workers=2, model="nl_no_such_model")


def test_a_small_batch_stays_in_one_process(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")[:3]
    assert sum(p.stat().st_size for p in corpus) < MIN_BYTES
    results = extract_paths(corpus, workers=2)
    assert len(list(results)) == 3
    assert multiprocessing.active_children() == []


def test_batches_keep_file_order_and_give_each_worker_several_tasks(tmp_path: Path) -> None:
    files = []
    for i, size in enumerate([100] * 40 + [100_000] + [100] * 9):
        path = tmp_path / f"{i:02d}.txt"
        path.write_bytes(b"x" * size)
        files.append(path)
    got = batches(files, workers=2, target=1_000)
    assert [p for batch in got for p in batch] == files
    assert [files[40]] in got  # a file above the target is a batch of its own
    assert all(sum(p.stat().st_size for p in b) <= 1_000 for b in got if files[40] not in b)
    small = batches(files[:8], workers=2)
    assert len(small) == 8  # 800 bytes for 2 workers: one file per task, not one task


def test_a_multiprocessing_child_that_used_workers_exits(tmp_path: Path) -> None:
    # Such a child joins its own children at exit without running the interpreter's exit hooks;
    # the worker pool must be stopped before that, or the child waits for it forever.
    corpus = _corpus(tmp_path / "corpus")
    settings = Settings(store=tmp_path / "store", workers=2)
    child = multiprocessing.get_context("spawn").Process(target=build, args=(corpus, settings))
    child.start()
    child.join(timeout=120)
    stuck = child.is_alive()
    if stuck:
        child.kill()
    assert not stuck and child.exitcode == 0
