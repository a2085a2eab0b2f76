"""Fixtures for the vault tests: test keyring backends (real KeyringBackend subclasses), vaults and a second key."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # vault_helpers is imported by name
    sys.path.insert(0, str(HERE))

from memory_backend import MemoryKeyring  # noqa: E402


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    """A fresh in-memory keyring."""
    return MemoryKeyring()


@pytest.fixture
def vault(memory_keyring: MemoryKeyring, data_dir: Path) -> Any:
    """A Vault on the in-memory keyring with its index in the test's data dir."""
    from sfjwt_gui.core.vault import Vault

    return Vault(backend=memory_keyring, index_dir=data_dir)


@pytest.fixture
def backend(data_dir: Path) -> Iterator[MemoryKeyring]:
    """The in-memory keyring as keyring's current backend for the duration of the test (what the CLI's default
    ``keyring.get_keyring()`` then returns)."""
    import keyring
    import keyring.core

    previous = keyring.core._keyring_backend
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.core._keyring_backend = previous


@pytest.fixture(scope="session")
def other_key() -> Any:
    """A second RSA-2048 key, to tell an old key from a new one."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)
