"""The versnippering report: one self-contained HTML page (no CDN, no scripts) and its JSON.

An evaluator reads it from the top: the summary (sentences in Dutch and English stating the
findings with their intervals and caveats, ready to paste), the compact overview of the key
figures (the full table is a CSV download inside the page), who belongs to which landsdeel, one
chart per figure with the groups only (every group present: 0 is drawn, 'too few' is written; the
whole network is a dashed reference line, not a bar that flattens the others), the size of the
initiatives, goals × instruments, the sensitivity of the rankings, the change between years, key
players, brokerage and initiatives per goal, each figure explained in Dutch and English with its
range, direction and reference.

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
from collections.abc import Mapping, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.graph.versnippering import FAMILY, KEY_METRICS, SCALAR_METRICS, to_csv

__all__ = ["PLOTTED", "TABLE", "render_report", "write_report"]

TABLE: tuple[str, ...] = KEY_METRICS
"""Columns of the compact overview (the full table is the CSV)."""

PLOTTED: tuple[str, ...] = tuple(
    m for m in SCALAR_METRICS if m not in ("nodes", "edges", "components", "communities")
)
"""Figures that get a chart across the groups (the counts are context, in the tables)."""

TOO_FEW = "te weinig / too few"


def _template() -> jinja2.Template:
    text = (files("beleidsgraaf.viz") / "templates" / "report.html").read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["fmt"] = _fmt
    env.filters["interval"] = _interval
    return env.from_string(text)


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "ja / yes" if value else "nee / no"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _interval(iv: list[float | None] | None) -> str:
    if not iv or iv[0] is None or iv[1] is None:
        return ""
    return f"[{iv[0]:.2f}, {iv[1]:.2f}]"


def _cell(group: Mapping[str, Any], metric: str) -> dict[str, str]:
    """What the overview shows for one figure of one group: the value and its interval, or 'too
    few' when the group is below the minimum size for that figure."""
    value = group.get(metric)
    family = FAMILY.get(metric)
    if value is None and family and group["status"].get(family) == "too_few":
        return {"text": TOO_FEW, "interval": "", "class": "too-few"}
    iv = (group.get("intervals") or {}).get(metric)
    return {"text": _fmt(value), "interval": _interval(iv), "class": ""}


def _label(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _plot(
    title: str,
    groups: Sequence[Mapping[str, Any]],
    metric: str,
    whole: float | None,
) -> str:
    """A horizontal bar chart of one figure across the groups, as a base64 SVG data URI.

    Every group has a row: a bar with its interval as an error bar, a bar of length 0 for 0, the
    words 'too few' when it is below the minimum size, '–' when the figure is undefined. The whole
    network is a dashed reference line."""
    import matplotlib
    from matplotlib.figure import Figure

    height = 0.36 * len(groups) + 1.3
    fig = Figure(figsize=(7.0, height))
    # a fixed frame (room for 40-character labels) instead of a layout engine: a third the time
    fig.subplots_adjust(left=0.36, right=0.97, top=1 - 0.62 / height, bottom=0.45 / height)
    ax = fig.add_subplot()
    names = [_label(g["label"]) for g in groups][::-1]
    rows = list(reversed(groups))
    values = [g.get(metric) for g in rows]
    numbers = [float(v) if v is not None else 0.0 for v in values]
    ax.barh(names, numbers, color="#2f6f9f", height=0.6)
    for y, (g, v) in enumerate(zip(rows, values, strict=True)):
        iv = (g.get("intervals") or {}).get(metric)
        if v is not None and iv and iv[0] is not None and iv[1] is not None:
            # a line from low to high (a percentile interval need not contain the figure)
            ax.plot(iv, [y, y], color="#1d2733", marker="|", markersize=8, linewidth=1)
        text = _cell(g, metric)["text"]
        ax.annotate(
            text,
            (float(v) if v is not None else 0.0, y),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color="#8a5a00" if v is None else "#1d2733",
        )
    if whole is not None:
        ax.axvline(float(whole), color="#d9a400", linestyle="--", linewidth=1.2)
        title += f"\n- - - heel netwerk / whole network: {_fmt(whole)}"
    ax.set_title(title, fontsize=9)
    ax.tick_params(labelsize=8)
    ax.margins(x=0.25)
    ax.set_xlim(left=min(0.0, *numbers, float(whole) if whole is not None else 0.0))
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
        whole = groups["all"]
        compared = {k: g for k, g in groups.items() if k != "all"}
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"not a versnippering result: missing {exc}") from exc
    shown = list(compared.values()) or [whole]
    plots = [
        {
            "metric": metric,
            "definition": definitions.get(metric, {}),
            "image": _plot(
                definitions.get(metric, {}).get("name", metric),
                shown,
                metric,
                whole.get(metric) if compared else None,
            ),
        }
        for metric in PLOTTED
    ]
    csv_text = to_csv(result)
    return _template().render(
        scope=scope,
        groups=groups,
        compared=compared,
        whole=whole,
        columns=TABLE,
        cells={k: {m: _cell(g, m) for m in TABLE} for k, g in groups.items()},
        definitions=definitions,
        plots=plots,
        summary=result.get("summary") or {"nl": [], "en": []},
        sensitivity=result.get("sensitivity"),
        change=result.get("change"),
        csv_uri="data:text/csv;charset=utf-8;base64,"
        + base64.b64encode(csv_text.encode("utf-8")).decode("ascii"),
        goal_columns=_goal_columns(groups),
    )


def _goal_columns(groups: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The instrument kinds of the goal × instrument tables, in one order for every group."""
    kinds: dict[str, None] = {}
    for g in groups.values():
        for row in (g.get("goal_instrument") or {}).values():
            kinds.update(dict.fromkeys(row))
    return list(kinds)


def write_report(result: dict[str, Any], out_dir: Path) -> list[Path]:
    """Write ``versnippering.json`` and ``versnippering.html`` into ``out_dir``; their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / "versnippering.json"
    html_path = out_dir / "versnippering.html"
    json_path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    html_path.write_text(render_report(result), encoding="utf-8")
    return [json_path, html_path]
