"""Writing the report: ``results.json`` for machines, ``RESULTS.md`` for people.

The Markdown ends with ``analysis.md`` (hand-written: what bounds each missed goal and what would
fix it), so the explanation is committed next to the figures it explains.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

from bench.harness import Measurement, Stats

__all__ = ["write_json", "write_markdown"]

AREA_TITLES = {
    "ingestion": "1. Ingestion",
    "store": "2. Store and SPARQL",
    "fragmentation": "3. Fragmentation",
    "map": "4. Map",
    "remote": "5. Remote",
}


def _number(x: float) -> str:
    if math.isinf(x):
        return "∞"
    if x == 0:
        return "0"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    if abs(x) >= 0.01:
        return f"{x:.3f}"
    return f"{x:.2g}"


def _stats(s: Stats | None) -> str:
    if s is None:
        return ""
    if len(s.runs) == 1:
        return _number(s.median)
    return f"{_number(s.median)} ({_number(s.min)}–{_number(s.max)})"


def _met(m: Measurement) -> str:
    if m.met is None:
        return ""
    return "met" if m.met else "**missed**"


def write_json(
    path: Path,
    machine: dict[str, Any],
    results: Sequence[Measurement],
    skipped: dict[str, str],
    settings: dict[str, Any],
) -> None:
    data = {
        "machine": machine,
        "settings": settings,
        "skipped": skipped,
        "results": [m.as_dict() for m in results],
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _machine_lines(machine: dict[str, Any]) -> list[str]:
    v = machine["versions"]
    return [
        f"- Report written: {machine['date']}",
        f"- Machine: {machine['platform']}, {machine['cpu']}, {machine['logical_cores']} logical "
        f"/ {machine['physical_cores']} physical cores, {machine['memory_gib']} GiB RAM "
        f"({machine['available_memory_gib']} GiB available at start)",
        f"- Python {machine['python']}; " + ", ".join(f"{name} {ver}" for name, ver in v.items()),
    ]


def _area_line(meta: dict[str, Any] | None) -> list[str]:
    """When and under what load an area was measured (areas may come from separate runs)."""
    if not meta:
        return []
    line = (
        f"Measured {meta['started']} ({meta['mode']} sizes, {meta['runs']} runs per figure "
        f"unless noted), took {meta.get('seconds', '?')} s; load average (1/5/15 min) at start "
        f"{meta['load_average_start']}, at end {meta.get('load_average_end')}."
    )
    if meta.get("note"):
        line += f" {meta['note']}"
    return [line, ""]


def write_markdown(
    path: Path,
    machine: dict[str, Any],
    results: Sequence[Measurement],
    skipped: dict[str, str],
    settings: dict[str, Any],
) -> None:
    lines = [
        "# beleidsgraaf benchmark results",
        "",
        "Written by `python -m bench.run` (see `bench/__init__.py`). Figures are "
        "median (min–max) of the runs; ratios compare medians with a baseline measured in the "
        "same run, oriented so that bigger is better. Peak memory is the resident set of a "
        "fresh child process doing only that measurement.",
        "",
        *_machine_lines(machine),
        "",
    ]
    for area, title in AREA_TITLES.items():
        rows = [m for m in results if m.area == area]
        if not rows and area not in skipped:
            continue
        lines += [f"## {title}", ""]
        lines += _area_line(settings.get("areas", {}).get(area))
        if area in skipped:
            lines += [f"Skipped: {skipped[area]}", ""]
        if rows:
            lines += [
                "| measurement | value | unit | baseline | ratio | goal | | peak MiB | notes |",
                "|---|---|---|---|---|---|---|---|---|",
            ]
            for m in rows:
                base = f"{m.baseline_name}: {_stats(m.baseline)}" if m.baseline else ""
                ratio = f"{_number(m.ratio)}x" if m.ratio is not None else ""
                peak = _number(m.peak_rss_mb) if m.peak_rss_mb is not None else ""
                notes = m.notes.replace("|", "\\|").replace("\n", " ")
                lines.append(
                    f"| {m.name} | {_stats(m.value)} | {m.unit} | {base} | {ratio} | {m.goal} "
                    f"| {_met(m)} | {peak} | {notes} |"
                )
            lines.append("")
    missed = [m for m in results if m.met is False]
    lines += ["## Goals", ""]
    goals = [m for m in results if m.met is not None]
    lines.append(
        f"{len(goals) - len(missed)} of {len(goals)} goals met."
        + (" Missed: " + "; ".join(f"{m.area}/{m.name}" for m in missed) + "." if missed else "")
    )
    lines.append("")
    analysis = files("bench").joinpath("analysis.md")
    if analysis.is_file():
        lines += [analysis.read_text(encoding="utf-8").rstrip(), ""]
    path.write_text("\n".join(lines), encoding="utf-8")
