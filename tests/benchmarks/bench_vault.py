"""Benchmark: what the crash-safe, chunked vault costs over a naive one-entry ``keyring.set_password`` of the PEM.

Side by side in one run, median of many: save and load of one RSA-2048 key through ``Vault`` and through a naive
single entry (which would not even fit Windows Credential Manager), on an in-memory backend (our own overhead:
chunking, SHA-256, atomic index write with fsync) and, when a session bus is there, on the real Secret Service.
Also ``sfjwt keys list`` as a whole process.

    dbus-run-session -- .ci/with-keyring /work/venv/bin/python tests/benchmarks/bench_vault.py [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from memory_backend import MemoryKeyring

from sfjwt_gui.core.vault import Vault


def median_ms(action: Callable[[int], Any], runs: int) -> float:
    times = []
    for i in range(runs):
        start = time.perf_counter()
        action(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def naive_read(backend: Any, service: str, username: str) -> Any:
    """Read and parse a whole-PEM entry (RSA consistency check skipped, as Vault.load skips it after its SHA-256)."""
    text = backend.get_password(service, username)
    return serialization.load_pem_private_key(text.encode(), None, unsafe_skip_rsa_key_validation=True)


def backends() -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = [("in-memory", MemoryKeyring())]
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        try:
            from keyring.backends import SecretService

            backend = SecretService.Keyring()
            backend.set_password("sfjwt-gui-bench", "probe", "ok")
            backend.delete_password("sfjwt-gui-bench", "probe")
            found.append(("Secret Service", backend))
        except Exception as exc:
            print(f"(Secret Service not available: {exc})")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    rows: list[tuple[str, str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, backend in backends():
            service = "sfjwt-gui-bench"
            vault = Vault(backend=backend, index_dir=Path(tmp) / label, service=service)
            save = median_ms(lambda i: vault.save(f"k{i}", key), runs)  # noqa: B023
            load = median_ms(lambda i: vault.load(f"k{i}"), runs)  # noqa: B023
            for i in range(runs):
                vault.delete(f"k{i}")
            naive_save = median_ms(lambda i: backend.set_password(service, f"pem{i}", pem), runs)  # noqa: B023
            naive_load = median_ms(lambda i: naive_read(backend, service, f"pem{i}"), runs)  # noqa: B023
            for i in range(runs):
                backend.delete_password(service, f"pem{i}")
            rows.append((label, "Vault (chunks + manifest + index)", save, load))
            rows.append((label, "naive single PEM entry", naive_save, naive_load))

        env = {**os.environ, "SFJWT_DATA_DIR": str(Path(tmp) / "cli")}
        cli = median_ms(
            lambda i: subprocess.run(
                [sys.executable, "-m", "sfjwt_gui.cli", "keys", "list"], env=env, check=True, capture_output=True
            ),
            max(5, runs // 3),
        )
        bare = median_ms(
            lambda i: subprocess.run([sys.executable, "-c", "pass"], check=True, capture_output=True), max(5, runs // 3)
        )

    print(f"\nRSA-2048, median of {runs} runs (ms)\n")
    print(f"{'backend':<16} {'method':<36} {'save':>8} {'load':>8}")
    for label, method, save, load in rows:
        print(f"{label:<16} {method:<36} {save:>8.2f} {load:>8.2f}")
    print(f"\n`sfjwt keys list` process: {cli:.0f} ms  (bare `python -c pass`: {bare:.0f} ms)")


if __name__ == "__main__":
    main()
