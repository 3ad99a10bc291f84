"""Area 4: the coordinators' map -- generation time, HTML size, and time to interactive.

``render_map`` runs on generated stores of about 200, 2,000 and 20,000 entities (each in a fresh
child; peak memory is that child's). The page is then opened from disk in Debian's headless
Chromium (Playwright, never a downloaded browser) and timed from navigation start until the page
says it is ready (``READY_FLAG``): the precomputed overview is drawn with its names placed, the
view state of the URL fragment applied, and the page's controls are wired.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from bench.graphs import graph_with_entities, load_store
from bench.harness import (
    ChildTimeoutError,
    Context,
    Measurement,
    NotMeasurableError,
    in_child,
    stats,
)

__all__ = ["CHROMIUM", "READY_FLAG", "count_nodes", "run", "time_to_interactive"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
READY_FLAG = "body[data-stable='true']"
"""CSS selector that matches once the map is interactive: ``viz/static/map.js`` sets
``data-stable`` after its first complete drawing. A selector, not a JavaScript predicate: the
page's Content-Security-Policy forbids evaluating strings."""
INTERACTIVE_GOAL_S = 5.0
RENDER_CAP_S = 150.0
"""A render still running after this long is stopped and reported as capped."""
_ISLAND = re.compile(r'<script type="application/json" id="bg-data">(.*?)</script>', re.S)


def count_nodes(html: str) -> int:
    """Nodes drawn by a map page (from its JSON data island)."""
    match = _ISLAND.search(html)
    if not match:
        return 0
    return len(json.loads(match.group(1)).get("nodes", []))


def _render(nquads: str, out: str) -> dict[str, Any]:
    from beleidsgraaf.viz.map import render_map

    store = load_store(nquads)
    start = time.perf_counter()
    html = render_map(store)
    seconds = time.perf_counter() - start
    Path(out).write_text(html, encoding="utf-8")
    return {"seconds": seconds, "bytes": len(html.encode("utf-8")), "nodes": count_nodes(html)}


def time_to_interactive(page_path: Path, runs: int, timeout_s: float = 120.0) -> list[float]:
    """Seconds from navigation start until ``READY_FLAG`` matches, one fresh page per run."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                start = time.perf_counter()
                page.goto(page_path.as_uri(), wait_until="commit")
                page.wait_for_selector(READY_FLAG, state="attached", timeout=timeout_s * 1000)
                times.append(time.perf_counter() - start)
                page.close()
        finally:
            browser.close()
    return times


def run(ctx: Context) -> list[Measurement]:
    try:
        import beleidsgraaf.viz.map  # noqa: F401
    except ImportError as exc:
        raise NotMeasurableError(f"the map is not available yet ({exc})") from exc
    sizes = (50, 200) if ctx.quick else (200, 2000, 20000)
    browser_sizes = sizes[:2]
    results: list[Measurement] = []
    folder = ctx.folder("map")
    for n in sizes:
        graph = graph_with_entities(ctx.work, n)
        out = folder / f"map-{n}.html"
        times, peak, info = [], 0.0, {}
        runs = ctx.runs if n < 2000 else (2 if n == 2000 else 1)
        try:
            for _ in range(runs):
                child = in_child(_render, str(graph.path), str(out), timeout=RENDER_CAP_S)
                info = child.value
                times.append(info["seconds"])
                peak = max(peak, child.peak_rss_mb)
        except ChildTimeoutError:
            results.append(
                Measurement(
                    "map",
                    f"render_map, {n} entities",
                    "s",
                    stats([RENDER_CAP_S]),
                    notes=f"capped: no page after {RENDER_CAP_S:g} s (child killed); "
                    "see the analysis",
                )
            )
            continue
        results.append(
            Measurement(
                "map",
                f"render_map, {n} entities",
                "s",
                stats(times),
                peak_rss_mb=peak,
                notes=f"{info['nodes']} nodes drawn; HTML {info['bytes'] / 2**20:.2f} MiB",
                extra={"html_bytes": info["bytes"], "nodes": info["nodes"]},
            )
        )
        if n in browser_sizes:
            if not Path(CHROMIUM).exists():
                raise NotMeasurableError(f"{CHROMIUM} is missing (Debian's chromium)")
            tti = stats(time_to_interactive(out, ctx.runs))
            goal = n >= 2000
            results.append(
                Measurement(
                    "map",
                    f"time to interactive, {n} entities",
                    "s",
                    tti,
                    goal=f"<= {INTERACTIVE_GOAL_S:g} s" if goal else "",
                    met=tti.median <= INTERACTIVE_GOAL_S if goal else None,
                    notes=f"headless Chromium, until `{READY_FLAG}` matches",
                )
            )
    return results
