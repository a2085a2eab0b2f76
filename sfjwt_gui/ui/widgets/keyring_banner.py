"""The keyring banner of the Key page and the Keys tool, in plain words (core's ``keyring_status`` texts).

It never shows a module or class path, an exception name or markup: the headline says whether keys are kept, the
second line says why not and how to get a keyring on this operating system. Buttons that need the keyring take their
disabled tooltip from ``disabled_tooltip`` (core's ``disabled_reason``), so a button never asks to be clicked while
it cannot work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QWidget

from sfjwt_gui.core.keyring_status import KeyringState, VaultAction, disabled_reason, keyring_banner
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine

if TYPE_CHECKING:
    from sfjwt_gui.core.vault import VaultStatus


class KeyringBannerLine(StatusLine):
    """A status line showing the keyring banner; ``checking`` shows a neutral line while the status is unknown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: KeyringState | None = None

    def show_status(self, status: VaultStatus | None, lang: str, *, checking_text: str = "") -> None:
        """The banner for ``status`` (None: no keyring configured), or ``checking_text`` while it is being read."""
        if checking_text:
            self.state = None
            self.show_message(Kind.INFO, checking_text)
            return
        banner = keyring_banner(status, lang)
        self.state = banner.state
        if banner.state is KeyringState.OK:
            self.show_message(Kind.OK, banner.headline)
        else:
            self.show_message(Kind.WARNING, banner.headline, " ".join(p for p in (banner.why, banner.how) if p))
        self.setToolTip(self.plain_text())  # the whole text, also where the banner's area scrolls


def gate_button(
    button: QPushButton,
    status: VaultStatus | None,
    action: VaultAction,
    lang: str,
    *,
    enabled_tip: str,
    has_key: bool = True,
    has_certificate: bool = True,
    busy: bool = False,
) -> bool:
    """Enable ``button`` when ``action`` can work; else disable it with core's reason as its tooltip.

    ``status`` None means no keyring configured. Returns whether the button is enabled."""
    reason = disabled_reason(status, action, lang, has_key=has_key, has_certificate=has_certificate)
    button.setEnabled(reason is None and not busy)
    button.setToolTip(enabled_tip if reason is None else reason)
    return reason is None
