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
