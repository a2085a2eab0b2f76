"""Passphrase prompt: one field (opening encrypted material) or two that must match (protecting an export)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.ui import theme
from sfjwt_gui.ui.dialogs.modal import run_modal
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine, name_dialog_buttons


class PassphraseFields(QObject):
    """A passphrase box and its "Repeat" box with their labels (hidden characters); used by every dialog that asks
    for a passphrase."""

    def __init__(self, parent: QWidget, passphrase_object: str, confirm_object: str) -> None:
        super().__init__(parent)
        self.passphrase_edit = QLineEdit(parent)
        self.passphrase_edit.setObjectName(passphrase_object)
        self.confirm_edit = QLineEdit(parent)
        self.confirm_edit.setObjectName(confirm_object)
        self.set_shown(False)
        self.passphrase_label = QLabel(parent)
        self.confirm_label = QLabel(parent)

    def add_rows(self, form: QFormLayout) -> None:
        """Add "Passphrase:" and "Repeat:" rows to ``form``."""
        form.addRow(self.passphrase_label, self.passphrase_edit)
        form.addRow(self.confirm_label, self.confirm_edit)

    def retranslate(self, passphrase_name: str, confirm_name: str) -> None:
        """Label texts, buddies and the two boxes' accessible names."""
        self.passphrase_label.setText(self.tr("&Passphrase:"))
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.confirm_label.setText(self.tr("&Repeat:"))
        self.confirm_label.setBuddy(self.confirm_edit)
        self.passphrase_edit.setAccessibleName(passphrase_name)
        self.confirm_edit.setAccessibleName(confirm_name)

    def set_shown(self, shown: bool) -> None:
        """Show the characters typed, or hide them."""
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase_edit.setEchoMode(mode)
        self.confirm_edit.setEchoMode(mode)

    def set_confirm_visible(self, visible: bool) -> None:
        """Show or hide the "Repeat" row."""
        self.confirm_label.setVisible(visible)
        self.confirm_edit.setVisible(visible)

    def set_visible(self, visible: bool) -> None:
        """Show or hide both rows."""
        for widget in (self.passphrase_label, self.passphrase_edit):
            widget.setVisible(visible)
        self.set_confirm_visible(visible)

    def text(self) -> str:
        """The passphrase typed."""
        return self.passphrase_edit.text()

    def matches(self) -> bool:
        """True when the repeat box holds the same text."""
        return self.confirm_edit.text() == self.passphrase_edit.text()

    def mismatch(self) -> bool:
        """True when something is typed in the repeat box and it differs."""
        return bool(self.confirm_edit.text()) and not self.matches()


class PassphraseDialog(QDialog):
    """Ask for a passphrase. With ``confirm=True`` the user types it twice and OK stays disabled until both match."""

    def __init__(self, prompt: str, *, confirm: bool = False, error: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setModal(True)
        self.setMinimumWidth(440)
        self._confirm = confirm
        self._prompt = QLabel(prompt, self)
        self._prompt.setWordWrap(True)
        self.error_line = StatusLine(self)
        self.error_line.setObjectName("passphraseError")
        if error:
            self.error_line.show_message(Kind.ERROR, error)
        self.fields = PassphraseFields(self, "passphraseEdit", "passphraseConfirmEdit")
        self.passphrase_edit = self.fields.passphrase_edit
        self.confirm_edit = self.fields.confirm_edit
        self.fields.set_confirm_visible(confirm)
        self._show = QCheckBox(self)
        self._show.setObjectName("passphraseShow")
        self._show.toggled.connect(self.fields.set_shown)
        self._mismatch = QLabel(self)
        self._mismatch.setObjectName("passphraseMismatch")
        theme.set_state_colour(self._mismatch, "failed")  # readable in light and dark, repainted on a switch
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        form = QFormLayout()
        self.fields.add_rows(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self._prompt)
        layout.addWidget(self.error_line)
        layout.addLayout(form)
        layout.addWidget(self._show)
        layout.addWidget(self._mismatch)
        layout.addWidget(self._buttons)
        self.passphrase_edit.textChanged.connect(self._validate)
        self.confirm_edit.textChanged.connect(self._validate)
        self.retranslate_ui()
        self._validate()
        self.passphrase_edit.setFocus()

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.setWindowTitle(self.tr("Passphrase"))
        self.fields.retranslate(self.tr("Passphrase"), self.tr("Repeat the passphrase"))
        self._show.setText(self.tr("&Show characters"))
        self._show.setAccessibleName(self.tr("Show the passphrase characters"))
        name_dialog_buttons(self._buttons)
        self._validate()

    def _validate(self) -> None:
        ok = bool(self.fields.text())
        mismatch = self._confirm and self.fields.mismatch()
        if self._confirm:
            ok = ok and self.fields.matches()
        self._mismatch.setText(self.tr("The two passphrases differ.") if mismatch else "")
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def passphrase(self) -> bytes:
        """The typed passphrase as UTF-8 bytes."""
        return self.passphrase_edit.text().encode("utf-8")


def ask_passphrase(parent: QWidget | None, prompt: str, *, error: str = "") -> bytes | None:
    """Prompt for the passphrase of encrypted material; None when the user cancels."""
    dialog = PassphraseDialog(prompt, error=error, parent=parent)
    return run_modal(dialog, PassphraseDialog.passphrase)
