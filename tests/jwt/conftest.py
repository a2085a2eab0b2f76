"""Fixtures for the JWT tests: key/certificate files written once, a fixed clock, an in-memory keyring."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from jwt_helpers import NOW, KeyFiles, write_key_files  # noqa: E402


@pytest.fixture
def now() -> float:
    """The fixed clock the lint tests pass as ``now``."""
    return NOW


@pytest.fixture(scope="session")
def key_files(tmp_path_factory: pytest.TempPathFactory, rsa_key: Any, rsa_cert: Any) -> KeyFiles:
    """The session key and certificate as files: PKCS#8 PEM key, PEM and DER certificate, PEM public key."""
    return write_key_files(tmp_path_factory.mktemp("jwt-keys"), rsa_key, rsa_cert)


@pytest.fixture(scope="session")
def other_key() -> Any:
    """A second RSA-2048 key (not the one the certificate holds)."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def small_key() -> Any:
    """An RSA-1024 key, for key-too-small (built with cryptography, never through our signer)."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 - the point of the fixture


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> Any:
    """keyring's active backend replaced by an in-memory one for the test (for ``--key NAME``)."""
    import keyring
    from memory_backend import MemoryKeyring

    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
