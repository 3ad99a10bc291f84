"""The versnippering report: one self-contained HTML page (no CDN, no scripts) and its JSON.

The page shows the table of every group's figures, one matplotlib plot per metric across the
groups (embedded as base64 SVG), each metric's explanation in Dutch and English with its range,
direction and reference, the key players, brokerage roles, initiatives per goal and landsdeel,
and the caveat that the figures describe the documented network, not the whole world.

Examples
--------
>>> from beleidsgraaf.graph.store import Store
>>> from beleidsgraaf.graph.versnippering import fragmentation_report
>>> html = render_report(fragmentation_report(Store()))
>>> html.startswith("<!DOCTYPE html>") and 'src="http' not in html
True
"""

from __future__ import annotations

import base64
import io
import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.graph.versnippering import SCALAR_METRICS

__all__ = ["PLOTTED", "TABLE", "render_report", "write_report"]

TABLE: tuple[str, ...] = SCALAR_METRICS
"""Columns of the table, in order (scalar figures of each group)."""

PLOTTED: tuple[str, ...] = TABLE[3:]
"""Metrics that get a plot across groups (the counts of nodes/edges are context only)."""


def _template() -> jinja2.Template:
    text = (files("beleidsgraaf.viz") / "templates" / "report.html").read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["fmt"] = _fmt
    return env.from_string(text)


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "ja / yes" if value else "nee / no"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _plot(metric: str, title: str, labels: list[str], values: list[float | None]) -> str:
    """A horizontal bar chart of one metric across groups, as a base64 SVG data URI."""
    import matplotlib
    from matplotlib.figure import Figure

    shown = [
        (lab if len(lab) <= 40 else lab[:39] + "…", v)
        for lab, v in zip(labels, values, strict=True)
        if v is not None
    ]
    fig = Figure(figsize=(7.0, 0.4 * len(labels) + 1.6), layout="constrained")
    ax = fig.add_subplot()
    if shown:
        names = [lab for lab, _ in shown][::-1]
        ax.barh(names, [float(v) for _, v in shown][::-1], color="#2f6f9f")
        for y, (_, v) in enumerate(reversed(shown)):
            ax.annotate(
                _fmt(v),
                (float(v), y),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
    else:
        ax.text(0.5, 0.5, "geen waarden / no values", ha="center", va="center")
        ax.set_axis_off()
        fig.set_layout_engine("none")
    ax.set_title(title, fontsize=10)
    ax.margins(x=0.15)
    ax.spines[["top", "right"]].set_visible(False)
    buffer = io.BytesIO()
    # Text stays text (not glyph paths): a tenth of the size, and searchable in the page; a
    # fixed hash salt makes the SVG ids, and so the report, byte-for-byte reproducible.
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "beleidsgraaf"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"


def render_report(result: dict[str, Any]) -> str:
    """The self-contained HTML report of a :func:`fragmentation_report` result."""
    try:
        groups: dict[str, dict[str, Any]] = result["groups"]
        definitions: dict[str, dict[str, str]] = result["definitions"]
        scope: dict[str, Any] = result["scope"]
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"not a versnippering result: missing {exc}") from exc
    labels = [g["label"] for g in groups.values()]
    plots = [
        {
            "metric": metric,
            "definition": definitions.get(metric, {}),
            "image": _plot(
                metric,
                definitions.get(metric, {}).get("name", metric),
                labels,
                [g.get(metric) for g in groups.values()],
            ),
        }
        for metric in PLOTTED
    ]
    return _template().render(
        scope=scope,
        groups=groups,
        columns=TABLE,
        definitions=definitions,
        plots=plots,
        extra=[k for k in ("brokerage", "key_players", "initiatives_per_goal") if k in definitions],
    )


def write_report(result: dict[str, Any], out_dir: Path) -> list[Path]:
    """Write ``versnippering.json`` and ``versnippering.html`` into ``out_dir``; their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / "versnippering.json"
    html_path = out_dir / "versnippering.html"
    json_path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    html_path.write_text(render_report(result), encoding="utf-8")
    return [json_path, html_path]
