"""What the window says about the keyring, in plain words: the banner, and why a keyring button cannot work.

Contract: pure and cheap (texts in ``resources/keys/certificates.json``, en + ja). Never shows a module or class path
(``keyring.backends.fail.Keyring``), an exception name or markup: without a keyring the banner says that keys stay
in memory for this session only, why, and how to get a keyring on this operating system.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from sfjwt_gui.core.key_texts import check_language, render, term
from sfjwt_gui.core.keyring_access import platform_fixes

if TYPE_CHECKING:
    from sfjwt_gui.core.vault import VaultStatus

_LOCKED_CODES = ("keyring-locked",)
_FAILED_CODES = ("keyring-failed",)


class KeyringState(StrEnum):
    """The banner's state: keys can be kept, or stay in memory (no keyring, locked, failing)."""

    OK = "ok"
    MEMORY_ONLY = "memory-only"  # no keyring (or a refused one, or none configured)
    LOCKED = "locked"
    FAILED = "failed"


class VaultAction(StrEnum):
    """Window actions that need the keyring (or a stored key / certificate)."""

    SAVE = "save"
    LOAD = "load"
    DELETE = "delete"
    RENAME = "rename"
    CSR = "csr"
    ATTACH = "attach"
    EXPORT_CERTIFICATE = "export-certificate"
    EXPORT_KEY = "export-key"


@dataclass(frozen=True)
class KeyringBanner:
    """The banner: its state, the headline, why (empty when fine) and how to fix (empty when fine)."""

    state: KeyringState
    headline: str
    why: str
    how: str

    @property
    def text(self) -> str:
        """Headline, why and how as one paragraph."""
        return " ".join(part for part in (self.headline, self.why, self.how) if part)


def keyring_state(status: VaultStatus | None) -> KeyringState:
    """The state for a vault status (``None``: no vault configured at all)."""
    if status is None:
        return KeyringState.MEMORY_ONLY
    if status.available:
        return KeyringState.OK
    if status.code in _LOCKED_CODES:
        return KeyringState.LOCKED
    if status.code in _FAILED_CODES:
        return KeyringState.FAILED
    return KeyringState.MEMORY_ONLY


def _text(section: str, code: str, lang: str, **params: str) -> str:
    text = render(section, code, params, lang)
    if text is None:
        raise KeyError(f"{section}.{code} is not in resources/keys")
    return text


def keyring_banner(status: VaultStatus | None, lang: str = "en", *, platform: str | None = None) -> KeyringBanner:
    """The banner for ``status`` in ``lang``; ``platform`` (a ``sys.platform`` value) picks the how-to."""
    check_language(lang)
    state = keyring_state(status)
    fixes = platform_fixes(platform)
    if state is KeyringState.OK:
        assert status is not None
        return KeyringBanner(state, _text("keyring_status", "ok", lang, backend=status.backend_name), "", "")
    reason = (status.params.get("reason") if status is not None else None) or ""
    if reason:
        because = term("reason", reason, lang, **(status.params if status is not None else {}))
    else:
        because = _text("keyring_status", "no-reason", lang)
    why = _text("keyring_status", "why", lang, reason=because)
    how = fixes.locked_in(lang) if state is KeyringState.LOCKED else fixes.unavailable_in(lang)
    return KeyringBanner(state, _text("keyring_status", str(state), lang), why, how)


def disabled_reason(
    status: VaultStatus | None,
    action: VaultAction,
    lang: str = "en",
    *,
    has_key: bool = True,
    has_certificate: bool = True,
) -> str | None:
    """Why the button for ``action`` cannot work now (its tooltip while disabled), or None when it can.

    ``has_key`` / ``has_certificate``: whether the selected (or current) key exists and has a certificate.
    """
    check_language(lang)
    what = _text("actions", str(action), lang)
    state = keyring_state(status)
    needs_keyring = action is not VaultAction.EXPORT_CERTIFICATE  # the certificate is in the index, not the keyring
    if needs_keyring and state is not KeyringState.OK:
        return _text("disabled_reason", str(state), lang, action=what)
    if action is not VaultAction.SAVE and not has_key:
        return _text("disabled_reason", "no-key", lang, action=what)
    if action is VaultAction.EXPORT_CERTIFICATE and not has_certificate:
        return _text("disabled_reason", "no-certificate", lang, action=what)
    return None
