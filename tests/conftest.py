"""Shared test set-up: Qt offscreen, a private data dir, the real Secret Service when CI has one, and the real
SoftHSM2 / moto KMS backends (``signer_backends``: registered here once, so tests/signers and tests/ui share one
token folder and one emulator per run)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from signer_backends import aws, kms_endpoint, softhsm, token  # noqa: F401 - real SoftHSM2 / moto KMS, one per run

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

REQUIRE_SECRET_SERVICE = os.environ.get("SFJWT_REQUIRE_SECRET_SERVICE") == "1"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private directory for the app's non-secret data (vault index, settings)."""
    path = tmp_path / "sfjwt-data"
    path.mkdir()
    monkeypatch.setenv("SFJWT_DATA_DIR", str(path))
    return path


@pytest.fixture
def secret_service_keyring() -> object:
    """The real Secret Service backend: skips locally without one, fails in CI (SFJWT_REQUIRE_SECRET_SERVICE=1)."""
    reason = ""
    try:
        from keyring.backends import SecretService

        backend = SecretService.Keyring()
        if backend.priority <= 0:  # type: ignore[operator]
            reason = "Secret Service backend reports priority <= 0"
        else:
            backend.set_password("sfjwt-gui-probe", "probe", "ok")
            backend.delete_password("sfjwt-gui-probe", "probe")
            return backend
    except Exception as exc:  # any failure means "not available here"
        reason = f"Secret Service unavailable: {exc!r}"
    if REQUIRE_SECRET_SERVICE:
        pytest.fail(f"SFJWT_REQUIRE_SECRET_SERVICE=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def rsa_key() -> object:
    """One real RSA-2048 private key for the whole run (key generation is slow)."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def rsa_cert(rsa_key: object) -> object:
    """A self-signed certificate for ``rsa_key``, built with cryptography alone (independent of our code)."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    assert isinstance(rsa_key, rsa.RSAPrivateKey)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "sfjwt-test")])
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(rsa_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .sign(rsa_key, hashes.SHA256())
    )


@pytest.fixture(autouse=True)
def _keyring_isolation() -> Iterator[None]:
    """Undo what a test does to keyring's process-wide state: its chosen backend and its registry of backend classes.

    keyring auto-detects among *every* KeyringBackend subclass ever defined in the process and caches what was viable,
    so a test's chainer of in-memory backends, or a keyring a test had locked, would decide later tests' default.
    """
    import keyring.backend
    import keyring.core

    classes = set(getattr(keyring.backend.KeyringBackend, "_classes", set()))
    backend = keyring.core._keyring_backend
    yield
    registry = getattr(keyring.backend.KeyringBackend, "_classes", None)
    if registry is not None:
        for cls in registry - classes:  # keep backends imported from packages meanwhile; drop classes tests made
            if _defined_by_tests(cls):
                registry.discard(cls)
    # keyring caches the viable backends once per process: a test's classes, or a Secret Service that a test had
    # locked at that moment, would stay in (or out of) every later choice.
    with contextlib.suppress(KeyError):
        keyring.backend.get_all_keyring.reset()
    keyring.core._keyring_backend = backend


def _defined_by_tests(cls: type) -> bool:
    module = sys.modules.get(cls.__module__)
    origin = getattr(module, "__file__", None)
    return origin is None or Path(origin).resolve().is_relative_to(Path(__file__).resolve().parent)


@pytest.fixture
def japanese_app(qtbot: object) -> Iterator[None]:
    """The application in Japanese (Qt translators installed) for one test; afterwards background jobs are drained
    and English is back."""
    from sfjwt_gui.ui.i18n import set_language
    from sfjwt_gui.ui.worker import wait_for_all

    set_language("ja")
    try:
        yield
    finally:
        wait_for_all()
        set_language("en")
