"""Benchmark: one RS256 assertion signed through each signer backend, side by side in one run.

- in-process (``LocalSigner``: the OS keyring's or a key file's key, already loaded) and bare PyJWT for reference;
- SoftHSM2 through python-pkcs11 (a fresh token in a temp folder, the key generated inside, one logged-in session);
- AWS KMS through boto3 against the moto emulator on 127.0.0.1 (HTTP; a real AWS region adds a network round trip).

Each case is ``jwt_codec.sign(payload, signer)`` (the full JWT: header, JSON, base64url, signature). Rounds are
interleaved and the median per-assertion time is reported, with the one-off cost of opening each signer.

    .venv/bin/python tests/benchmarks/bench_signers.py [--rounds 7] [--ops 40] [--kms-ops 10]
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from sfjwt_gui.core.claims import Claims
from sfjwt_gui.core.jwt_codec import decode, sign, verify
from sfjwt_gui.core.signer import LocalSigner, Signer
from sfjwt_gui.core.signers import close_signer, generate_signer, open_signer

SOFTHSM = "/usr/lib/softhsm/libsofthsm2.so"
PIN = "246810"


def per_op(fn: Callable[[], object], ops: int) -> float:
    """Seconds per call over ``ops`` calls."""
    start = time.perf_counter()
    for _ in range(ops):
        fn()
    return (time.perf_counter() - start) / ops


def timed(fn: Callable[[], Signer]) -> tuple[Signer, float]:
    """The signer ``fn`` opens, and how long opening took (s)."""
    start = time.perf_counter()
    signer = fn()
    return signer, time.perf_counter() - start


def softhsm_signer(folder: Path) -> tuple[Signer, float]:
    """A fresh SoftHSM2 token in ``folder`` with an RSA-2048 key made inside; the signer reopened by reference."""
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    init = ["softhsm2-util", "--init-token", "--free", "--label", "bench", "--pin", PIN, "--so-pin", "12345678"]
    subprocess.run(init, check=True, capture_output=True)
    made = generate_signer("pkcs11:token=bench;object=bench", pin=PIN, pkcs11_module=SOFTHSM)
    close_signer(made)
    return timed(lambda: open_signer(made.reference, pin=PIN, pkcs11_module=SOFTHSM))


def kms_signer(endpoint: str) -> tuple[Signer, float]:
    """An RSA-2048 SIGN_VERIFY key created in the emulator; the signer opened by its ARN."""
    os.environ.update(
        AWS_ACCESS_KEY_ID="bench",
        AWS_SECRET_ACCESS_KEY="bench",
        AWS_DEFAULT_REGION="eu-west-1",
        AWS_EC2_METADATA_DISABLED="true",
    )
    made = generate_signer("awskms:new", kms_endpoint_url=endpoint)
    return timed(lambda: open_signer(made.reference, kms_endpoint_url=endpoint))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--ops", type=int, default=40, help="assertions per round, in-process and SoftHSM2")
    parser.add_argument("--kms-ops", type=int, default=10, help="assertions per round through the KMS emulator")
    args = parser.parse_args()

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    payload = Claims.new(
        "3MVG9A2kN3Bn17hueOTBLV6amupuqy", "integration@acme.com", "https://login.salesforce.com"
    ).to_payload()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    with tempfile.TemporaryDirectory(prefix="sfjwt-bench-") as folder:
        try:
            local, local_open = timed(lambda: LocalSigner(key))
            hsm, hsm_open = softhsm_signer(Path(folder)) if shutil.which("softhsm2-util") else (None, 0.0)
            kms, kms_open = kms_signer(f"http://127.0.0.1:{server._server.server_port}")  # type: ignore[union-attr]
            cases: dict[str, tuple[Callable[[], object], int, float]] = {
                "PyJWT jwt.encode, key in process (reference)": (
                    lambda: jwt.encode(payload, key, algorithm="RS256"), args.ops, 0.0),
                "sfjwt sign(), LocalSigner (keyring / file key)": (lambda: sign(payload, local), args.ops, local_open),
                "sfjwt sign(), AWS KMS via moto on loopback": (lambda: sign(payload, kms), args.kms_ops, kms_open),
            }  # fmt: skip
            if hsm is not None:
                cases["sfjwt sign(), PKCS#11 SoftHSM2"] = (lambda: sign(payload, hsm), args.ops, hsm_open)
            for signer in (local, kms, *([hsm] if hsm else [])):
                assert verify(decode(sign(payload, signer)), signer.public_key()).verified
            for fn, ops, _ in cases.values():
                per_op(fn, max(1, ops // 5))  # warm-up
            samples: dict[str, list[float]] = {name: [] for name in cases}
            for _ in range(args.rounds):
                for name, (fn, ops, _) in cases.items():
                    samples[name].append(per_op(fn, ops))
            if hsm is not None:
                close_signer(hsm)
        finally:
            server.stop()
    base = statistics.median(samples["sfjwt sign(), LocalSigner (keyring / file key)"])
    print(f"RS256 assertion signing, median of {args.rounds} interleaved rounds (RSA-2048)")
    print(f"{'backend':<50} {'per assertion':>14} {'vs in-process':>14} {'open once':>10}")
    for name, values in samples.items():
        median = statistics.median(values)
        opened = cases[name][2]
        print(f"{name:<50} {median * 1000:>11.3f} ms {median / base:>13.1f}x {opened * 1000:>7.1f} ms")


if __name__ == "__main__":
    main()
