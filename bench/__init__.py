"""The beleidsgraaf benchmark suite: speed, memory and scaling as ratios against baselines.

Not part of the installed package. Run it from the repository root::

    python -m bench.run            # everything, writes bench/RESULTS.md and bench/results.json
    python -m bench.run --quick    # small sizes (what tests/bench runs)
    python -m bench.run --area store --area map

Every figure is the median (with min and max) of several runs, next to a baseline measured in
the same run on the same machine, because absolute times differ between machines but ratios
mostly do not. Peak memory is measured in a fresh child process per measurement, so one
measurement's heap never inflates the next one's.
"""
