"""Benchmark: ``sfjwt keygen`` vs ``openssl req -x509 -newkey rsa:2048`` as whole processes.

Both make an RSA-2048 key and a self-signed certificate and write them to files. RSA key generation time varies a
lot (prime search), so the runs are interleaved and the median of many is compared.

    /work/venv/bin/python tests/benchmarks/bench_keygen.py [--runs 25]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def find_sfjwt() -> str:
    """The ``sfjwt`` console script of this interpreter's environment."""
    candidate = Path(sys.executable).with_name("sfjwt")
    if candidate.exists():
        return str(candidate)
    found = shutil.which("sfjwt")
    if not found:
        sys.exit("sfjwt is not installed in this environment: pip install -e .")
    return found


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=25)
    runs = parser.parse_args().runs
    sfjwt = find_sfjwt()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)

        def ours(i: int) -> list[str]:
            return [sfjwt, "keygen", "--bits", "2048", "--no-store", "--key-out", str(out / f"s{i}.key"),
                    "--insecure-unencrypted", "--cert-out", str(out / f"s{i}.crt"), "--cn", "x"]  # fmt: skip

        def theirs(i: int) -> list[str]:
            return ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(out / f"o{i}.key"),
                    "-out", str(out / f"o{i}.crt"), "-subj", "/CN=x", "-days", "365"]  # fmt: skip

        timed(ours(-1))  # warm the page cache for both
        timed(theirs(-1))
        sfjwt_times: list[float] = []
        openssl_times: list[float] = []
        for i in range(runs):
            if i % 2:
                openssl_times.append(timed(theirs(i)))
                sfjwt_times.append(timed(ours(i)))
            else:
                sfjwt_times.append(timed(ours(i)))
                openssl_times.append(timed(theirs(i)))

    def row(name: str, times: list[float]) -> str:
        ms = sorted(t * 1000 for t in times)
        return f"{name:<28} {statistics.median(ms):>9.1f} {ms[0]:>9.1f} {ms[-1]:>9.1f} {statistics.mean(ms):>9.1f}"

    print(f"RSA-2048 key + self-signed certificate, whole process, {runs} interleaved runs each (ms)")
    print(f"{'command':<28} {'median':>9} {'min':>9} {'max':>9} {'mean':>9}")
    print(row("sfjwt keygen", sfjwt_times))
    print(row("openssl req -x509 -newkey", openssl_times))
    ratio = statistics.median(sfjwt_times) / statistics.median(openssl_times)
    print(f"ratio sfjwt/openssl (median): {ratio:.2f}x  (target <= 1.0x)")


if __name__ == "__main__":
    main()
