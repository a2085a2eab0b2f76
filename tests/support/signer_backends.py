"""Real backends for the signer tests (tests/signers) and the window's token/KMS tests (tests/ui): SoftHSM2 tokens
made in a temp folder, and the moto AWS KMS emulator on loopback. Both are session-wide (a PKCS#11 module reads its
configuration once per process), so the fixtures are registered once, by the root ``tests/conftest.py``; each test
gets a fresh token label or a fresh KMS key of its own."""

from __future__ import annotations

import itertools
import logging
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

SOFTHSM_MODULES = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")
PIN = "246810"
SO_PIN = "13579135"
_LABELS = itertools.count(1)


def _module() -> str | None:
    return next((path for path in SOFTHSM_MODULES if os.path.isfile(path)), None)


@pytest.fixture(scope="session")
def softhsm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """SOFTHSM2_CONF pointing at a private token folder; yields the module path (fails in CI without SoftHSM2)."""
    module = _module()
    if module is None or shutil.which("softhsm2-util") is None:
        if os.environ.get("CI"):
            pytest.fail("SoftHSM2 is not installed (.ci/run installs the softhsm2 package)")
        pytest.skip("SoftHSM2 is not installed")
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    before = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    yield module
    if before is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = before


@pytest.fixture
def token(softhsm: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh, empty SoftHSM2 token (its label); the module in SFJWT_PKCS11_MODULE and the PIN in SFJWT_TEST_PIN."""
    label = f"sfjwt-test-{os.getpid()}-{next(_LABELS)}"
    subprocess.run(
        ["softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN, "--so-pin", SO_PIN],
        check=True,
        capture_output=True,
        timeout=60,
    )
    monkeypatch.setenv("SFJWT_PKCS11_MODULE", softhsm)
    monkeypatch.setenv("SFJWT_TEST_PIN", PIN)
    return label


@pytest.fixture(scope="session")
def kms_endpoint() -> Iterator[str]:
    """The moto AWS KMS emulator on 127.0.0.1 (a free port), started once and stopped at the end."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no request log lines in the test output
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        port = server._server.server_port  # type: ignore[union-attr]  # port 0: the one the OS gave
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def aws(kms_endpoint: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """The standard AWS chain pointed at the emulator: fake credentials, a region, AWS_ENDPOINT_URL_KMS; no
    profile files or instance metadata are read."""
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_REGION", "eu-west-1")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL_KMS", kms_endpoint)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    return kms_endpoint
