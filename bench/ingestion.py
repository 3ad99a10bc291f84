"""Area 1: end-to-end ``build`` throughput, its scaling with corpus size, and parallelism.

Baseline: spaCy's bare ``blank("nl")`` tokenizer on the same texts in the same run (tokens per
second, one core). Every build runs in a fresh child process into a fresh store:

- *demo corpus, cold*: what a user sees the first time (imports, pipeline load, vocabulary);
- *scaling*: generated corpora of 5, 100 and 1,000 documents (``bench.corpus``), each build
  preceded in the same process by a two-document warm-up build into another store, so the fixed
  start-up cost is not spread over the documents and the per-document cost is comparable;
- *parallelism*: the warm build of the 1,000 documents with 1 and with 2 worker processes, run
  alternately (1, 2, 1, 2, ...) so both see the same load from other work on the machine. The
  warm-up build uses the same worker count, so the fork server is started; each build still
  starts its own workers, which load the pipeline (``ingest.parallel``). 1,000 documents, not
  100: on 100 small ones the whole build is ~1 s and the workers' start-up is half of it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from bench.corpus import write_corpus
from bench.harness import Context, Measurement, NotMeasurableError, in_child, stats

__all__ = ["run"]


def _tokenize(paths: list[str], runs: int) -> tuple[int, list[float]]:
    """Bare-tokenizer baseline: (tokens, seconds per run) on the texts of ``paths``."""
    import spacy

    nlp = spacy.blank("nl")
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    tokens = 0
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        tokens = sum(len(nlp.tokenizer(t)) for t in texts)
        times.append(time.perf_counter() - start)
    return tokens, times


def _warm() -> None:
    """Import and load everything once, so the bytecode cache is filled before timing."""
    from beleidsgraaf.ingest.extract import load_pipeline
    from beleidsgraaf.pipeline import build  # noqa: F401

    load_pipeline()


def _build(paths: list[str], folder: str, workers: int, warmup: list[str] | None) -> dict[str, Any]:
    """One build into a fresh store; with ``warmup``, a build of those documents first (untimed)."""
    from beleidsgraaf.config import Settings
    from beleidsgraaf.pipeline import build

    if warmup is not None:
        build([Path(p) for p in warmup], Settings(store=Path(folder) / "warmup", workers=workers))
    start = time.perf_counter()
    report = build(
        [Path(p) for p in paths], Settings(store=Path(folder) / "store", workers=workers)
    )
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "stored": len(report.stored),
        "failed": [str(f) for f in report.failed],
        "entities": report.entities,
        "relations": report.relations,
    }


def _profile_build(paths: list[str], folder: str, top: int) -> list[str]:
    """cProfile one cold build; the ``top`` functions by own time, as text lines."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    _build(paths, folder, 1, None)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return [line for line in out.getvalue().splitlines() if line.strip()][-top - 1 :]


def _builds(
    ctx: Context,
    paths: list[str],
    runs: int,
    workers: int,
    warm: bool,
    tag: str,
    warmup_doc: list[str],
) -> tuple[list[float], float, dict[str, Any]]:
    times, peak, last = [], 0.0, {}
    for _ in range(runs):
        folder = ctx.folder(f"ingest-{tag}")
        child = in_child(_build, paths, str(folder), workers, warmup_doc if warm else None)
        last = child.value
        if last["stored"] != len(paths):
            raise RuntimeError(
                f"build stored {last['stored']} of {len(paths)} documents: {last['failed'][:3]}"
            )
        times.append(last["seconds"])
        peak = max(peak, child.peak_rss_mb)
    return times, peak, last


def run(ctx: Context) -> list[Measurement]:
    try:
        from beleidsgraaf.ingest.extract import demo_corpus
        from beleidsgraaf.ingest.parallel import MIN_BYTES
        from beleidsgraaf.pipeline import build  # noqa: F401  (present = measurable)
    except ImportError as exc:
        raise NotMeasurableError(f"the extractor is not available yet ({exc})") from exc

    results: list[Measurement] = []
    demo = [str(p) for p in demo_corpus()]
    if ctx.quick:  # the smallest demo document only
        demo = [min(demo, key=lambda p: Path(p).stat().st_size)]
    sizes = (2, 4, 8) if ctx.quick else (5, 100, 1000)
    chars = 2000  # ~350 tokens: 1,000 documents stay within minutes
    generated = [str(p) for p in write_corpus(ctx.work / "corpus", max(sizes), chars=chars)]
    warmup_doc = [str(p) for p in write_corpus(ctx.work / "corpus-warmup", 2, chars=chars, seed=1)]

    in_child(_warm)
    # Baseline: the bare tokenizer, on the demo corpus and on the largest generated corpus.
    demo_tokens, demo_tok_times = in_child(_tokenize, demo, ctx.runs).value
    tok_demo = stats(demo_tok_times).inverted(demo_tokens)

    times, peak, info = _builds(ctx, demo, ctx.runs, 1, False, "demo", warmup_doc)
    value = stats(times).inverted(demo_tokens)
    ratio = value.median / tok_demo.median
    results.append(
        Measurement(
            "ingestion",
            f"build demo corpus ({len(demo)} docs, {demo_tokens:,} tokens), cold",
            "tokens/s",
            value,
            baseline=tok_demo,
            baseline_name="blank('nl') tokenizer",
            ratio=ratio,
            goal=">= 0.10x tokenizer (1 core)",
            met=ratio >= 0.10,
            peak_rss_mb=peak,
            notes=f"{info['entities']} entities, {info['relations']} relations; includes imports, "
            f"pipeline load and vocabulary",
        )
    )

    per_doc: dict[int, float] = {}
    for n in sizes:
        paths = generated[:n]
        tokens, tok_times = in_child(_tokenize, paths, ctx.runs).value
        tok = stats(tok_times).inverted(tokens)
        runs = ctx.runs if n < 1000 else max(2, ctx.runs // 2)
        times, peak, info = _builds(ctx, paths, runs, 1, True, f"scale-{n}", warmup_doc)
        t = stats(times)
        per_doc[n] = t.median / n
        value = t.scaled(1000 / n)
        tput = t.median and tokens / t.median
        results.append(
            Measurement(
                "ingestion",
                f"build {n} generated docs ({tokens:,} tokens), warm, per document",
                "ms/doc",
                value,
                baseline=stats([1000 * x / n for x in tok_times]),
                baseline_name="tokenizer ms/doc",
                ratio=tput / tok.median,
                goal=(f"<= 1.2x per-doc cost at {sizes[0]}" if n == sizes[-1] else ""),
                met=(per_doc[n] <= 1.2 * per_doc[sizes[0]] if n == sizes[-1] else None),
                peak_rss_mb=peak,
                notes=f"{tput:,.0f} tokens/s (ratio = vs tokenizer); {info['entities']} entities, "
                f"{info['relations']} relations"
                + (
                    f"; per-doc cost {per_doc[n] / per_doc[sizes[0]]:.2f}x that at {sizes[0]}"
                    if n != sizes[0]
                    else ""
                ),
            )
        )

    n = sizes[-1]
    paths = generated[:n]
    one: list[float] = []
    two: list[float] = []
    peak = 0.0
    load_start = os.getloadavg()
    for _ in range(max(2, ctx.runs)):  # alternately, so both see the same load
        for workers, times in ((1, one), (2, two)):
            t, p, _ = _builds(ctx, paths, 1, workers, True, f"w{workers}", warmup_doc)
            times.extend(t)
            peak = max(peak, p) if workers == 2 else peak
    load_end = os.getloadavg()
    s1, s2 = stats(one), stats(two)
    speedup = s1.median / s2.median
    results.append(
        Measurement(
            "ingestion",
            f"build {n} generated docs, 2 workers",
            "s",
            s2,
            baseline=s1,
            baseline_name="1 worker",
            ratio=speedup,
            goal=">= 1.7x one worker",
            met=speedup >= 1.7,
            peak_rss_mb=peak,
            notes=(
                "below ingest.parallel.MIN_BYTES of input: both builds ran in one process; "
                if sum(Path(p).stat().st_size for p in paths) < MIN_BYTES
                else ""
            )
            + "1 and 2 workers run alternately; per-pair speed-ups "
            + ", ".join(f"{a / b:.2f}x" for a, b in zip(one, two, strict=True))
            + f"; load average {load_start[0]:.1f} at start, {load_end[0]:.1f} at end (2 cores);"
            " peak includes the worker processes",
        )
    )

    if not ctx.quick:
        top = in_child(_profile_build, demo, str(ctx.folder("ingest-profile")), 12).value
        results[0].extra["profile_tottime"] = top
    return results
