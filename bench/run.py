"""Run the benchmark suite and write ``bench/RESULTS.md`` and ``bench/results.json``.

Usage (from the repository root)::

    python -m bench.run                       # all areas, full sizes (~20-30 minutes)
    python -m bench.run --quick               # tiny sizes: checks the harness works
    python -m bench.run --area store --area remote --runs 5
    python -m bench.run --quick --out /tmp/b  # write the report elsewhere
    python -m bench.run --area map --merge    # re-measure one area, keep the others' figures

An area whose piece of beleidsgraaf is missing or fails is reported as skipped with the reason;
the other areas still run.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.harness import PYCACHE_ENV, Context, Measurement, NotMeasurableError, use_bytecode_cache
from bench.machine import describe_machine
from bench.report import write_json, write_markdown

AREAS = ("ingestion", "store", "fragmentation", "map", "remote")
BENCH = Path(__file__).resolve().parent


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run",
        description="Measure speed, memory and scaling as ratios against same-run baselines.",
        epilog="Example: python -m bench.run --quick --area store",
    )
    parser.add_argument("--quick", action="store_true", help="small sizes (seconds, not minutes)")
    parser.add_argument(
        "--area", action="append", choices=AREAS, help="run only this area (repeatable)"
    )
    parser.add_argument("--runs", type=int, default=None, help="repetitions per figure")
    parser.add_argument(
        "--out", type=Path, default=BENCH, help="folder for RESULTS.md and results.json"
    )
    parser.add_argument(
        "--work", type=Path, default=BENCH / "work", help="scratch folder (generated data)"
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="keep the other areas' figures from an existing results.json in --out",
    )
    parser.add_argument(
        "--note", default="", help="a line for the report, e.g. whether the machine was idle"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    runs = args.runs or (2 if args.quick else 5)
    ctx = Context(quick=args.quick, runs=runs, work=args.work.resolve())
    ctx.work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault(PYCACHE_ENV, str(ctx.work / "pycache"))
    use_bytecode_cache()
    machine = describe_machine()
    areas = list(dict.fromkeys(args.area or AREAS))
    results, skipped, meta = (
        _previous(args.out / "results.json", areas) if args.merge else ([], {}, {})
    )
    for area in areas:
        print(f"bench: {area} ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        meta[area] = {
            "started": datetime.now(UTC).isoformat(timespec="seconds"),
            "mode": "quick" if args.quick else "full",
            "runs": runs,
            "load_average_start": [round(x, 2) for x in os.getloadavg()],
            "note": args.note,
        }
        module: Any = importlib.import_module(f"bench.{area}")
        try:
            found = module.run(ctx)
        except NotMeasurableError as exc:
            skipped[area] = str(exc)
            print(f"bench: {area} skipped: {exc}", file=sys.stderr)
        except Exception as exc:  # one broken area must not lose the others' figures
            skipped[area] = f"failed: {type(exc).__name__}: {exc}"
            traceback.print_exc()
        else:
            results.extend(found)
            for m in found:
                print(
                    f"  {m.name}: {m.value.median:.4g} {m.unit}"
                    + (f"  ratio {m.ratio:.3g}x" if m.ratio is not None else "")
                    + (f"  [{'met' if m.met else 'MISSED'}]" if m.met is not None else ""),
                    file=sys.stderr,
                )
        meta[area]["seconds"] = round(time.perf_counter() - start, 1)
        meta[area]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
        # written after every area, so an interrupted run keeps what it measured
        _write(args.out, machine, results, skipped, meta)
    print(f"bench: wrote {args.out / 'RESULTS.md'} and results.json", file=sys.stderr)
    return 1 if any(a.startswith("failed") for a in skipped.values()) else 0


def _write(
    out: Path,
    machine: dict[str, Any],
    results: list[Measurement],
    skipped: dict[str, str],
    meta: dict[str, dict[str, Any]],
) -> None:
    settings = {"areas": {a: meta[a] for a in AREAS if a in meta}}
    out.mkdir(parents=True, exist_ok=True)
    write_json(out / "results.json", machine, results, skipped, settings)
    write_markdown(out / "RESULTS.md", machine, results, skipped, settings)


def _previous(
    path: Path, rerun: list[str]
) -> tuple[list[Measurement], dict[str, str], dict[str, dict[str, Any]]]:
    """Figures, skips and area notes of an earlier report, minus the areas run again now."""
    if not path.is_file():
        return [], {}, {}
    data = json.loads(path.read_text(encoding="utf-8"))
    kept = [Measurement.from_dict(r) for r in data["results"] if r["area"] not in rerun]
    skipped = {a: why for a, why in data.get("skipped", {}).items() if a not in rerun}
    meta = {a: m for a, m in data.get("settings", {}).get("areas", {}).items() if a not in rerun}
    return kept, skipped, meta


if __name__ == "__main__":
    sys.exit(main())
