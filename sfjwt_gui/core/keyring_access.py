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
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # keyring is imported on first use: `sfjwt keys list` reads only the index
    from keyring.backend import KeyringBackend

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
    """What to tell the user when the keyring is missing or locked, for one platform (texts in resources/keys)."""

    platform: str  # linux, macos, windows or other

    @property
    def unavailable(self) -> str:
        """The fix for a missing or refused keyring, in English."""
        return self.unavailable_in("en")

    @property
    def locked(self) -> str:
        """The fix for a locked keyring, in English."""
        return self.locked_in("en")

    def unavailable_in(self, lang: str) -> str:
        """The fix for a missing or refused keyring in ``lang``."""
        return _term("unavailable_fix", self.platform, lang)

    def locked_in(self, lang: str) -> str:
        """The fix for a locked keyring in ``lang``."""
        return _term("locked_fix", self.platform, lang)

    def params(self) -> dict[str, str]:
        """Params that fill ``{unavailable_fix}``/``{locked_fix}`` in an error's text."""
        return {"unavailable_fix": self.platform, "locked_fix": self.platform}


def _term(name: str, value: str, lang: str) -> str:
    from sfjwt_gui.core.key_texts import term

    return term(name, value, lang)


def platform_fixes(platform: str | None = None) -> PlatformFixes:
    """The fix texts for ``platform`` (default: this machine's ``sys.platform``)."""
    platform = sys.platform if platform is None else platform
    if platform.startswith("linux") or "bsd" in platform:
        return PlatformFixes("linux")
    if platform == "darwin":
        return PlatformFixes("macos")
    if platform in ("win32", "cygwin"):
        return PlatformFixes("windows")
    return PlatformFixes("other")


def backend_path(backend: object) -> str:
    """``module.Class`` of a backend object."""
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def friendly_backend_name(backend: object) -> str:
    """A short human name for a backend ("Secret Service", "macOS Keychain"): never a module path. keyring's
    'fail' and 'null' backends are "none"; any other backend is its class name (e.g. a third-party keyring)."""
    path = backend_path(backend)
    for prefix, name in _FRIENDLY_NAMES:
        if path.startswith(prefix):
            return name
    if path.startswith(("keyring.backends.fail.", "keyring.backends.null.")):
        return "none"
    return type(backend).__qualname__


def _is_plaintext_store(backend: object) -> bool:
    """True for backends that keep secrets readable on disk (keyrings.alt and anything named plain-text)."""
    cls = type(backend)
    module = cls.__module__ or ""
    names = " ".join(f"{c.__module__}.{c.__qualname__}" for c in cls.__mro__).lower()
    return module.startswith("keyrings.alt") or "plaintext" in names or "keyrings.alt" in names


def refusal(backend: object) -> dict[str, str] | None:
    """Why this backend must not hold private keys, as params of the ``reason`` term (None when it is fine)."""
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring):
        return {"reason": "fail"}
    if isinstance(backend, null.Keyring):
        return {"reason": "null"}
    if _is_plaintext_store(backend):
        return {"reason": "plaintext", "path": backend_path(backend)}
    if isinstance(backend, chainer.ChainerBackend):
        chained = list(type(backend).backends)
        if not chained:
            return {"reason": "chain-empty"}
        for inner in chained:
            inner_refusal = refusal(inner)
            if inner_refusal:
                inner_reason = inner_refusal["reason"]
                if inner_reason == "chain-includes":  # a chain inside a chain: name the innermost reason
                    inner_reason = inner_refusal["inner_reason"]
                return {**inner_refusal, "reason": "chain-includes", "inner": backend_path(inner),
                        "inner_reason": inner_reason}  # fmt: skip
    return None


def refusal_reason(backend: object, lang: str = "en") -> str | None:
    """Why this backend must not hold private keys (in ``lang``), or None when it is fine."""
    from sfjwt_gui.core.key_texts import term

    params = refusal(backend)
    return None if params is None else term("reason", params["reason"], lang, **params)


def safest_of(chosen: KeyringBackend) -> KeyringBackend:
    """keyring's own choice, except that a chain is narrowed to its best safe backend (never a plain-text one)."""
    from keyring.backends import chainer

    if isinstance(chosen, chainer.ChainerBackend):
        safe: list[KeyringBackend] = [inner for inner in type(chosen).backends if refusal_reason(inner) is None]
        if safe:
            return safe[0]  # the chain is sorted by priority, best first
    return chosen


def _exception_names(exc: BaseException) -> set[str]:
    return {c.__name__ for c in type(exc).__mro__}


def translate(exc: BaseException, action: str, fixes: PlatformFixes, entry: str = "") -> VaultError:
    """Turn a backend exception into our error class, naming what we were doing (an ``action`` term id:
    find-backend, read, write or delete; ``entry`` names the keyring entry)."""
    from sfjwt_gui.core.key_texts import error

    names = _exception_names(exc)
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    params = {"action": action, "entry": entry, "detail": detail, **fixes.params()}
    if names & {"NoKeyringError", "SecretServiceNotAvailableException"}:
        return error(KeyringUnavailableError, "keyring-unavailable", **params)
    if names & {"KeyringLocked", "LockedException", "PromptDismissedException", "InitError"}:
        return error(KeyringLockedError, "keyring-locked", **params)
    return error(KeyringAccessError, "keyring-failed", **params)


class KeyringAccess:
    """One service's entries in a keyring backend, with every failure turned into a ``VaultError``."""

    def __init__(self, backend: KeyringBackend | None, service: str, *, platform: str | None = None) -> None:
        self.service = service
        self.fixes = platform_fixes(platform)
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        """The backend in use (resolved from ``keyring.get_keyring()`` on first use); refuses unsafe ones."""
        self.check_backend()
        return self._resolve()

    def _resolve(self) -> KeyringBackend:
        if self._backend is None:
            import keyring

            with self._translating("find-backend"):
                self._backend = safest_of(keyring.get_keyring())
        backend: KeyringBackend = self._backend
        return backend

    def check_backend(self, operation: str = "", name: str = "") -> None:
        """Raise KeyringUnavailableError when the backend must not hold keys; the message names the vault's
        ``operation`` on key ``name`` (save, load, delete, rename) or, without one, says so action-neutrally."""
        from sfjwt_gui.core.key_texts import error

        params = refusal(self._resolve())
        if params is not None:
            code = f"keyring-refused-{operation}" if operation else "keyring-refused"
            raise error(KeyringUnavailableError, code, shown=repr(name), **params, **self.fixes.params())

    @property
    def backend_name(self) -> str:
        """Friendly name of the backend, without raising."""
        try:
            return friendly_backend_name(self.backend)
        except VaultError:
            return friendly_backend_name(self._backend) if self._backend is not None else "none"

    @contextmanager
    def _translating(self, action: str, entry: str = "") -> Iterator[None]:
        try:
            yield
        except SfjwtError:
            raise
        except Exception as exc:  # backends raise anything from D-Bus, Win32 or Security.framework
            raise translate(exc, action, self.fixes, entry) from exc

    def get(self, username: str) -> str | None:
        """The stored value, or None when there is no such entry."""
        backend = self.backend
        with self._translating("read", repr(username)):
            value: str | None = backend.get_password(self.service, username)
        return value

    def set(self, username: str, value: str) -> None:
        """Create or replace one entry."""
        backend = self.backend
        with self._translating("write", repr(username)):
            backend.set_password(self.service, username, value)

    def delete(self, username: str) -> None:
        """Delete one entry; an entry that is already gone is fine."""
        backend = self.backend
        try:
            with self._translating("delete", repr(username)):
                backend.delete_password(self.service, username)
        except KeyringAccessError:
            # keyring raises PasswordDeleteError for "no such entry" too: only a still-present entry is a failure
            if self.get(username) is not None:
                raise
