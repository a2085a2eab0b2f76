"""PIN prompt for a hardware token: one masked field. The PIN is handed to the caller and kept nowhere else."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sfjwt_gui.ui.dialogs.modal import run_modal
from sfjwt_gui.ui.dialogs.passphrase import PassphraseDialog


class PinDialog(PassphraseDialog):
    """Ask for a token's user PIN (characters hidden unless "Show characters" is ticked)."""

    def __init__(self, prompt: str, *, error: str = "", parent: QWidget | None = None) -> None:
        super().__init__(prompt, error=error, parent=parent)
        self.setObjectName("pinDialog")
        self.passphrase_edit.setObjectName("pinEdit")

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Token PIN"))
        self.fields.passphrase_label.setText(self.tr("&PIN:"))
        self.passphrase_edit.setAccessibleName(self.tr("Token PIN"))
        self._show.setAccessibleName(self.tr("Show the PIN characters"))

    def pin(self) -> str:
        """The PIN typed."""
        return self.passphrase_edit.text()


def ask_pin(parent: QWidget | None, prompt: str, *, error: str = "") -> str | None:
    """The PIN the user types; None when they cancel."""
    return run_modal(PinDialog(prompt, error=error, parent=parent), PinDialog.pin)
