"""Benchmark: `explain` of whatever is pasted, up to the 1 MB read limit, against one JSON body.

Target (issues 12 and 14): any input up to 1 MB is answered in well under a second; the fuzzy closest-entry guess
never sees the whole text. Side by side in one run: a real one-line body, the 52 real pastes of the test data, and
1 MB inputs built to be slow (braces, error keys, codes, a CLI list, letters, HTML). Median of interleaved rounds.

    .venv/bin/python tests/benchmarks/bench_explain.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sfjwt_gui.core.diagnosis import explain_text
from sfjwt_gui.core.explain_input import MAX_CHARS

PASTES = Path(__file__).resolve().parents[1] / "exchange" / "data" / "pastes.json"


def seconds(fn: Callable[[], object]) -> float:
    """Seconds for one call."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pastes = [p["text"] for p in json.loads(PASTES.read_text(encoding="utf-8"))["pastes"]]
    m = MAX_CHARS
    cases: dict[str, Callable[[], object]] = {
        "one JSON body": lambda: explain_text('{"error":"invalid_grant","error_description":"audience is invalid"}'),
        f"all {len(pastes)} real pastes (total)": lambda: [explain_text(p) for p in pastes],
        "1 MB of '{'": lambda: explain_text("{" * m),
        "1 MB of '{\"error'": lambda: explain_text('{"error' * (m // 7)),
        "1 MB of 'invalid_grant '": lambda: explain_text("invalid_grant " * (m // 14)),
        "1 MB of 'error '": lambda: explain_text("error " * (m // 6)),
        "1 MB CLI lists": lambda: explain_text(
            ("Errors encountered:\n" + "user hasn't approved this consumer\n" * 40) * (m // 1400)
        ),
        "2 MB of letters (1 MB read)": lambda: explain_text("a" * (2 * m)),
        "1 MB HTML page": lambda: explain_text("<html>" + "x " * (m // 2)),
    }
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.rounds):
        for name, fn in cases.items():
            samples[name].append(seconds(fn))
    worst = 0.0
    for name, values in samples.items():
        median = statistics.median(values)
        worst = max(worst, median) if name.startswith(("1 MB", "2 MB")) else worst
        print(
            f"{name:34s} median {median * 1000:8.1f} ms   (min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})"
        )
    print(f"worst 1 MB case: {worst * 1000:.0f} ms (target: well under 1000 ms)")


if __name__ == "__main__":
    main()
