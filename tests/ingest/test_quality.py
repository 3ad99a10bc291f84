"""Regression: extraction quality on the development gold never falls below the recorded figures.

The figures live in ``ingest/quality.json`` (raise them there as quality improves). The gold
annotations are not part of the package; the test looks for them in ``$BELEIDSGRAAF_GOLD`` or in
``../shared/gold`` next to the repository, and is skipped when neither exists.
"""

from __future__ import annotations

import json
import os
from importlib.resources import files
from pathlib import Path

import pytest

from beleidsgraaf.ingest.evaluate import QUALITY_FLOORS, evaluate_paths, quality_figures

TOLERANCE = 0.002


def _gold() -> Path:
    given = os.environ.get("BELEIDSGRAAF_GOLD")
    folder = Path(given) if given else Path(__file__).resolve().parents[3] / "shared" / "gold"
    if not folder.is_dir():
        pytest.skip(f"no gold annotations at {folder} (set BELEIDSGRAAF_GOLD)")
    return folder


@pytest.mark.slow
def test_quality_does_not_fall_below_the_recorded_figures() -> None:
    recorded = json.loads(
        (files("beleidsgraaf.ingest") / "quality.json").read_text(encoding="utf-8")
    )
    summary, _ = evaluate_paths(_gold())
    now = quality_figures(summary)
    worse = []
    for name, direction in QUALITY_FLOORS.items():
        floor = recorded["figures"][name]
        if direction == "min" and now[name] < floor - TOLERANCE:
            worse.append(f"{name} {now[name]:.4f} < recorded {floor:.4f}")
        if direction == "max" and now[name] > floor + TOLERANCE:
            worse.append(f"{name} {now[name]:.4f} > recorded {floor:.4f}")
    assert not worse, "; ".join(worse)
    for doc, figures in recorded["documents"].items():
        assert summary["documents"][doc]["typed_f1"] >= figures["typed_f1"] - 0.02, doc


def _validation(tmp_path: Path) -> tuple[Path, Path]:
    """The validation gold and its texts with their first line (``SOURCE: <url>``) stripped."""
    root = _gold().parent / "validation"
    if not (root / "gold").is_dir():
        pytest.skip(f"no validation set at {root}")
    texts = tmp_path / "texts"
    texts.mkdir()
    for path in sorted((root / "texts").glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 1)[1]
        (texts / path.name).write_text(body, encoding="utf-8")
    return root / "gold", texts


@pytest.mark.slow
def test_quality_on_unseen_text_does_not_fall(tmp_path: Path) -> None:
    """The validation set measures generalisation: this only guards the recorded figures, it
    is never trained or tuned on."""
    recorded = json.loads(
        (files("beleidsgraaf.ingest") / "quality.json").read_text(encoding="utf-8")
    )["validation"]
    gold, texts = _validation(tmp_path)
    summary, _ = evaluate_paths(gold, sorted(texts.glob("*.txt")))
    now = quality_figures(summary)
    worse = [
        f"{name} {now[name]:.4f} vs recorded {recorded[name]:.4f}"
        for name, direction in QUALITY_FLOORS.items()
        if (direction == "min" and now[name] < recorded[name] - TOLERANCE)
        or (direction == "max" and now[name] > recorded[name] + TOLERANCE)
    ]
    assert not worse, "; ".join(worse)
