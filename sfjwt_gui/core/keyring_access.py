"""Careful access to the OS keyring: pick a safe backend, translate its errors, and say how to fix them.

The vault talks to the keyring only through ``KeyringAccess`` so that every backend exception becomes one of our
``VaultError`` classes with a platform-specific fix, and so that a plain-text store is never used (keys must not
reach unencrypted files).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sfjwt_gui.core.errors import (
    KeyringAccessError,
    KeyringLockedError,
    KeyringUnavailableError,
    SfjwtError,
    VaultError,
)

# module prefix -> name shown in the window's status line
_FRIENDLY_NAMES: tuple[tuple[str, str], ...] = (
    ("keyring.backends.SecretService", "Secret Service"),
    ("keyring.backends.libsecret", "Secret Service (libsecret)"),
    ("keyring.backends.kwallet", "KWallet"),
    ("keyring.backends.macOS", "macOS Keychain"),
    ("keyring.backends.Windows", "Windows Credential Manager"),
    ("keyring.backends.chainer", "keyring chain"),
)


@dataclass(frozen=True)
class PlatformFixes:
    """What to tell the user when the keyring is missing or locked, for one platform."""

    unavailable: str
    locked: str


_LINUX = PlatformFixes(
    unavailable=(
        "Install and start a Secret Service provider: GNOME Keyring (`sudo apt install gnome-keyring`, then log in "
        "again or run `gnome-keyring-daemon --start --components=secrets`) or KWallet, with the `dbus` session bus "
        "running; on a headless box run sfjwt inside `dbus-run-session`. sfjwt-gui never falls back to a plain-text "
        "file."
    ),
    locked=(
        "Unlock your keyring and try again: GNOME Keyring in 'Passwords and Keys' (seahorse) → right-click 'Login' → "
        "Unlock, KWallet in KWalletManager; if an unlock prompt appears, answer it instead of dismissing it. "
        "Without a desktop (SSH, CI) no prompt can appear: unlock GNOME Keyring from the shell with "
        "`echo -n PASSWORD | gnome-keyring-daemon --replace --unlock --components=secrets`."
    ),
)
_MACOS = PlatformFixes(
    unavailable=(
        "The macOS Keychain is not reachable: run sfjwt from a logged-in desktop session (not a bare SSH login), "
        "or unlock it with `security unlock-keychain ~/Library/Keychains/login.keychain-db`."
    ),
    locked=(
        "Unlock the login keychain (Keychain Access, or "
        "`security unlock-keychain ~/Library/Keychains/login.keychain-db`) and click 'Allow' when macOS asks "
        "whether sfjwt-gui may use it."
    ),
)
_WINDOWS = PlatformFixes(
    unavailable=(
        "Windows Credential Manager is not reachable: run sfjwt as a normal logged-in user (service accounts without "
        "a loaded profile have no credential store) and make sure the `pywin32-ctypes` package is installed."
    ),
    locked=(
        "Windows Credential Manager refused access: log on interactively (not through a restricted remote session) and "
        "try again."
    ),
)
_OTHER = PlatformFixes(
    unavailable="Install a keyring service supported by the Python `keyring` package for this system and try again.",
    locked="Unlock the system keyring and try again.",
)


def platform_fixes(platform: str | None = None) -> PlatformFixes:
    """The fix texts for ``platform`` (default: this machine's ``sys.platform``)."""
    platform = sys.platform if platform is None else platform
    if platform.startswith("linux") or "bsd" in platform:
        return _LINUX
    if platform == "darwin":
        return _MACOS
    if platform in ("win32", "cygwin"):
        return _WINDOWS
    return _OTHER


def backend_path(backend: object) -> str:
    """``module.Class`` of a backend object."""
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def friendly_backend_name(backend: object) -> str:
    """A short human name for a backend ("Secret Service", "macOS Keychain", or its class path)."""
    path = backend_path(backend)
    for prefix, name in _FRIENDLY_NAMES:
        if path.startswith(prefix):
            return name
    return path


def _is_plaintext_store(backend: object) -> bool:
    """True for backends that keep secrets readable on disk (keyrings.alt and anything named plain-text)."""
    cls = type(backend)
    module = cls.__module__ or ""
    names = " ".join(f"{c.__module__}.{c.__qualname__}" for c in cls.__mro__).lower()
    return module.startswith("keyrings.alt") or "plaintext" in names or "keyrings.alt" in names


def refusal_reason(backend: object) -> str | None:
    """Why this backend must not hold private keys, or None when it is fine."""
    from keyring.backends import chainer, fail, null

    path = backend_path(backend)
    if isinstance(backend, fail.Keyring):
        return "no keyring backend is available (keyring chose its 'fail' backend)"
    if isinstance(backend, null.Keyring):
        return "the keyring is disabled (the 'null' backend stores nothing)"
    if _is_plaintext_store(backend):
        return f"{path} keeps secrets in a plain-text file, which sfjwt-gui never uses for private keys"
    if isinstance(backend, chainer.ChainerBackend):
        chained = list(type(backend).backends)
        if not chained:
            return "the keyring chain has no backend to store into"
        for inner in chained:
            reason = refusal_reason(inner)
            if reason:
                return f"the keyring chain includes {backend_path(inner)}: {reason}"
    return None


def safest_of(chosen: object) -> object:
    """keyring's own choice, except that a chain is narrowed to its best safe backend (never a plain-text one)."""
    from keyring.backends import chainer

    if isinstance(chosen, chainer.ChainerBackend):
        safe = [inner for inner in type(chosen).backends if refusal_reason(inner) is None]
        if safe:
            return safe[0]  # the chain is sorted by priority, best first
    return chosen


def _exception_names(exc: BaseException) -> set[str]:
    return {c.__name__ for c in type(exc).__mro__}


def translate(exc: BaseException, action: str, fixes: PlatformFixes) -> VaultError:
    """Turn a backend exception into our error class, naming what we were doing."""
    names = _exception_names(exc)
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if names & {"NoKeyringError", "SecretServiceNotAvailableException"}:
        return KeyringUnavailableError(
            f"No usable OS keyring while trying to {action} ({detail}).", fix=fixes.unavailable
        )
    if names & {"KeyringLocked", "LockedException", "PromptDismissedException", "InitError"}:
        return KeyringLockedError(f"The OS keyring is locked while trying to {action} ({detail}).", fix=fixes.locked)
    return KeyringAccessError(
        f"The OS keyring failed to {action} ({detail}).",
        fix="Try again; if it keeps failing, check that the keyring service is running and has space. "
        + fixes.unavailable,
    )


class KeyringAccess:
    """One service's entries in a keyring backend, with every failure turned into a ``VaultError``."""

    def __init__(self, backend: Any | None, service: str, *, platform: str | None = None) -> None:
        self.service = service
        self.fixes = platform_fixes(platform)
        self._backend = backend

    @property
    def backend(self) -> Any:
        """The backend in use (resolved from ``keyring.get_keyring()`` on first use); refuses unsafe ones."""
        if self._backend is None:
            import keyring

            with self._translating("find a keyring backend"):
                self._backend = safest_of(keyring.get_keyring())
        reason = refusal_reason(self._backend)
        if reason:
            raise KeyringUnavailableError(f"Cannot store private keys: {reason}.", fix=self.fixes.unavailable)
        return self._backend

    @property
    def backend_name(self) -> str:
        """Friendly name of the backend, without raising."""
        try:
            return friendly_backend_name(self.backend)
        except VaultError:
            return friendly_backend_name(self._backend) if self._backend is not None else "none"

    @contextmanager
    def _translating(self, action: str) -> Iterator[None]:
        try:
            yield
        except SfjwtError:
            raise
        except Exception as exc:  # backends raise anything from D-Bus, Win32 or Security.framework
            raise translate(exc, action, self.fixes) from exc

    def get(self, username: str) -> str | None:
        """The stored value, or None when there is no such entry."""
        backend = self.backend
        with self._translating(f"read entry {username!r}"):
            value: str | None = backend.get_password(self.service, username)
        return value

    def set(self, username: str, value: str) -> None:
        """Create or replace one entry."""
        backend = self.backend
        with self._translating(f"write entry {username!r}"):
            backend.set_password(self.service, username, value)

    def delete(self, username: str) -> None:
        """Delete one entry; an entry that is already gone is fine."""
        backend = self.backend
        try:
            with self._translating(f"delete entry {username!r}"):
                backend.delete_password(self.service, username)
        except KeyringAccessError:
            # keyring raises PasswordDeleteError for "no such entry" too: only a still-present entry is a failure
            if self.get(username) is not None:
                raise
