"""Which keyring backends the vault accepts, how their errors surface, and the status line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring.errors
import pytest
import secretstorage.exceptions
from keyring.backends import chainer, fail, null
from keyring.compat import properties
from memory_backend import MemoryKeyring, PlaintextKeyring

from sfjwt_gui.core.errors import (
    KeyringAccessError,
    KeyringLockedError,
    KeyringUnavailableError,
    VaultError,
)
from sfjwt_gui.core.keyring_access import friendly_backend_name, platform_fixes, refusal_reason
from sfjwt_gui.core.vault import Vault


class RaisingKeyring(MemoryKeyring):
    """A backend whose every call raises the given exception (as a locked or broken keyring does)."""

    def __init__(self, exc: BaseException) -> None:
        super().__init__()
        self.exc = exc

    def get_password(self, service: str, username: str) -> str | None:
        raise self.exc

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.exc

    def delete_password(self, service: str, username: str) -> None:
        raise self.exc


class AltGnomeKeyring(MemoryKeyring):
    """Stands in for any keyrings.alt backend (the package of 'not recommended' stores)."""

    __module__ = "keyrings.alt.Gnome"


def _chain_of(*backends: Any) -> Any:
    class Chain(chainer.ChainerBackend):
        @properties.classproperty
        def backends(cls) -> list[Any]:
            return list(backends)

    return Chain()


@pytest.mark.parametrize(
    ("backend", "reason"),
    [
        (fail.Keyring(), "no keyring was found"),
        (null.Keyring(), "the keyring is switched off"),
        (PlaintextKeyring(), "plain-text file"),
        (AltGnomeKeyring(), "plain-text file"),
    ],
    ids=["fail", "null", "plaintext", "keyrings.alt"],
)
def test_unsafe_or_missing_backends_are_refused_and_nothing_is_written(
    backend: Any, reason: str, data_dir: Path, rsa_key: Any
) -> None:
    vault = Vault(backend=backend, index_dir=data_dir, platform="linux")
    with pytest.raises(KeyringUnavailableError, match=reason) as info:
        vault.save("k", rsa_key)
    assert "gnome-keyring" in info.value.fix
    assert info.value.exit_code == 3
    assert getattr(backend, "store", {}) == {}
    assert not (data_dir / "vault-index.json").exists()
    status = vault.status()
    assert not status.available
    assert reason.split()[0] in status.message


def test_a_chain_that_includes_a_plaintext_store_is_refused(data_dir: Path, rsa_key: Any) -> None:
    plain = PlaintextKeyring()
    chain = _chain_of(MemoryKeyring(), plain)
    assert "plain-text" in (refusal_reason(chain) or "")
    with pytest.raises(
        KeyringUnavailableError,
        match=r"cannot hold private keys: the keyring in use keeps secrets in a plain-text",
    ):
        Vault(backend=chain, index_dir=data_dir).save("k", rsa_key)
    assert plain.store == {}
    assert refusal_reason(_chain_of()) == "the keyring settings name no keyring to store into"


def test_a_chain_of_safe_backends_is_accepted(data_dir: Path, rsa_key: Any) -> None:
    first = MemoryKeyring()
    vault = Vault(backend=_chain_of(first, MemoryKeyring()), index_dir=data_dir)
    vault.save("k", rsa_key)
    assert "manifest:k" in first.usernames()
    assert vault.load("k").private_numbers() == rsa_key.private_numbers()


def test_default_choice_of_a_chain_with_a_plaintext_store_uses_only_the_safe_backend(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, rsa_key: Any
) -> None:
    """Debian's python3-keyrings.alt makes keyring chain Secret Service with a plain-text file: use the former only."""
    safe, plain = MemoryKeyring(), PlaintextKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: _chain_of(safe, plain))
    vault = Vault()
    vault.save("k", rsa_key)
    assert vault.load("k").private_numbers() == rsa_key.private_numbers()
    assert "manifest:k" in safe.usernames()
    assert plain.store == {}
    assert vault.status().backend_name.endswith("MemoryKeyring")
    monkeypatch.setattr(keyring, "get_keyring", lambda: _chain_of(PlaintextKeyring()))
    assert not Vault().status().available


def test_default_backend_comes_from_keyring_and_honours_its_choice(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    chosen = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: chosen)
    status = Vault().status()
    assert status.available
    assert status.backend_name == "MemoryKeyring"  # its class name, never a module path
    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)
    assert not Vault().status().available


@pytest.mark.parametrize(
    ("exc", "error", "fix_word"),
    [
        (keyring.errors.NoKeyringError("none"), KeyringUnavailableError, "gnome-keyring"),
        (keyring.errors.KeyringLocked("Failed to unlock the collection!"), KeyringLockedError, "Unlock"),
        (keyring.errors.InitError("Failed to create the collection: Prompt dismissed."), KeyringLockedError, "Unlock"),
        (secretstorage.exceptions.LockedException("locked"), KeyringLockedError, "Unlock"),
        (secretstorage.exceptions.PromptDismissedException("dismissed"), KeyringLockedError, "prompt"),
        (secretstorage.exceptions.SecretServiceNotAvailableException("no bus"), KeyringUnavailableError, "dbus"),
        (keyring.errors.PasswordSetError("quota"), KeyringAccessError, "Try again"),
        (OSError(5, "Input/output error"), KeyringAccessError, "Try again"),
    ],
    ids=["no-keyring", "locked", "init-dismissed", "ss-locked", "ss-dismissed", "ss-no-service", "set", "oserror"],
)
def test_backend_errors_become_vault_errors_with_fixes(
    exc: BaseException, error: type[VaultError], fix_word: str, data_dir: Path, rsa_key: Any
) -> None:
    vault = Vault(backend=RaisingKeyring(exc), index_dir=data_dir, platform="linux")
    for attempt in (lambda: vault.save("k", rsa_key), lambda: vault.load("k")):
        with pytest.raises(error) as info:
            attempt()
        assert type(info.value) is error
        assert fix_word in info.value.fix
        assert "'manifest:k'" in info.value.message  # names the entry it was working on
        assert info.value.__cause__ is exc
    status = vault.status()
    assert not status.available
    assert status.fix == info.value.fix


@pytest.mark.parametrize(
    ("platform", "unavailable_word", "locked_word"),
    [
        ("linux", "gnome-keyring", "seahorse"),
        ("darwin", "security unlock-keychain", "Keychain Access"),
        ("win32", "Credential Manager", "log on"),
        ("sunos5", "keyring service", "Unlock"),
    ],
)
def test_fixes_are_platform_specific(
    platform: str, unavailable_word: str, locked_word: str, data_dir: Path, rsa_key: Any
) -> None:
    fixes = platform_fixes(platform)
    assert unavailable_word in fixes.unavailable
    assert locked_word in fixes.locked
    vault = Vault(backend=RaisingKeyring(keyring.errors.KeyringLocked("x")), index_dir=data_dir, platform=platform)
    with pytest.raises(KeyringLockedError) as info:
        vault.load("k")
    assert info.value.fix == fixes.locked


def test_status_of_a_working_backend(vault: Any) -> None:
    status = vault.status()
    assert status.available
    assert status.fix == ""
    assert status.backend_name in status.message


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("keyring.backends.SecretService", "Secret Service"),
        ("keyring.backends.macOS", "macOS Keychain"),
        ("keyring.backends.Windows", "Windows Credential Manager"),
        ("keyring.backends.kwallet", "KWallet"),
    ],
)
def test_friendly_backend_names(module: str, name: str) -> None:
    cls = type("Keyring", (MemoryKeyring,), {"__module__": module})
    assert friendly_backend_name(cls()) == name


def test_delete_of_a_missing_entry_is_fine_but_a_real_delete_failure_is_not(data_dir: Path, rsa_key: Any) -> None:
    class UndeletableKeyring(MemoryKeyring):
        def delete_password(self, service: str, username: str) -> None:
            raise keyring.errors.PasswordDeleteError("access denied")

    backend = UndeletableKeyring()
    vault = Vault(backend=backend, index_dir=data_dir)
    vault.save("k", rsa_key)
    with pytest.raises(KeyringAccessError, match="delete entry 'chunk:"):
        vault.delete("k")
    assert [r.name for r in vault.list()] == ["k"]
    assert vault.load("k").private_numbers() == rsa_key.private_numbers()
