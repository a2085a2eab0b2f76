"""Benchmark: signing through sfjwt's API vs a bare PyJWT ``jwt.encode`` with the same key object, and decode+lint.

Targets (issue 3): our signing costs at most 1.2x bare ``jwt.encode``; decode+lint of one token under 1 ms.
Rounds of both sides are interleaved and the median per-operation time is compared.

    /work/venv/bin/python tests/benchmarks/bench_jwt.py [--rounds 9] [--sign-ops 300] [--lint-ops 3000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from sfjwt_gui.core.claims import Claims
from sfjwt_gui.core.jwt_codec import decode, sign
from sfjwt_gui.core.lint import lint


def per_op(fn: Callable[[], object], ops: int) -> float:
    """Seconds per call over ``ops`` calls."""
    start = time.perf_counter()
    for _ in range(ops):
        fn()
    return (time.perf_counter() - start) / ops


def median_interleaved(cases: dict[str, Callable[[], object]], ops: int, rounds: int) -> dict[str, float]:
    """Median seconds per call of each case, rounds interleaved so drift hits every case alike."""
    for fn in cases.values():
        per_op(fn, max(1, ops // 10))  # warm-up
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, fn in cases.items():
            samples[name].append(per_op(fn, ops))
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--sign-ops", type=int, default=300)
    parser.add_argument("--lint-ops", type=int, default=3000)
    args = parser.parse_args()

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    claims = Claims.new("3MVG9A2kN3Bn17hueOTBLV6amupuqy", "integration@acme.com", "https://login.salesforce.com")
    payload = claims.to_payload()

    signing = median_interleaved(
        {
            "jwt.encode (PyJWT, bare)": lambda: jwt.encode(payload, key, algorithm="RS256"),
            "sfjwt sign()": lambda: sign(payload, key),
            "sfjwt Claims.new + sign()": lambda: sign(
                Claims.new(
                    "3MVG9A2kN3Bn17hueOTBLV6amupuqy", "integration@acme.com", "https://login.salesforce.com"
                ).to_payload(),
                key,
            ),
        },
        args.sign_ops,
        args.rounds,
    )
    token = sign(payload, key)
    cert_key = key.public_key()
    reading = median_interleaved(
        {
            "jwt.decode, no verification (PyJWT)": lambda: jwt.decode(token, options={"verify_signature": False}),
            "sfjwt decode()": lambda: decode(token),
            "sfjwt decode() + lint()": lambda: lint(decode(token)),
            "sfjwt decode() + lint(ja, endpoint)": lambda: lint(
                decode(token), endpoint="https://login.salesforce.com", lang="ja"
            ),
            "sfjwt lint() with signature check": lambda: lint(decode(token), certificate=cert_key),
        },
        args.lint_ops,
        args.rounds,
    )

    base = signing["jwt.encode (PyJWT, bare)"]
    ratio = signing["sfjwt sign()"] / base
    lint_ms = reading["sfjwt decode() + lint()"] * 1000
    print(f"Python {sys.version.split()[0]}, PyJWT {jwt.__version__}, RSA-2048, median of {args.rounds} rounds")
    print()
    print(f"{'operation':40} {'per call':>12} {'vs baseline':>12}")
    print("-" * 66)
    for name, seconds in signing.items():
        print(f"{name:40} {seconds * 1e6:9.1f} µs {seconds / base:11.2f}x")
    print("-" * 66)
    lint_base = reading["jwt.decode, no verification (PyJWT)"]
    for name, seconds in reading.items():
        print(f"{name:40} {seconds * 1e6:9.1f} µs {seconds / lint_base:11.2f}x")
    print()
    sign_ok = ratio <= 1.2
    lint_ok = lint_ms < 1.0
    print(f"signing overhead: {ratio:.3f}x bare jwt.encode (target <= 1.2x): {'met' if sign_ok else 'MISSED'}")
    print(f"decode + lint:    {lint_ms:.3f} ms per token (target < 1 ms): {'met' if lint_ok else 'MISSED'}")
    raise SystemExit(0 if sign_ok and lint_ok else 1)


if __name__ == "__main__":
    main()
