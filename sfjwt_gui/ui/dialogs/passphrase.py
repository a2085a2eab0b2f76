"""Passphrase prompt: one field (opening encrypted material) or two that must match (protecting an export)."""

from __future__ import annotations

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

from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine, name_dialog_buttons


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
        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setObjectName("passphraseEdit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setObjectName("passphraseConfirmEdit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setVisible(confirm)
        self._show = QCheckBox(self)
        self._show.setObjectName("passphraseShow")
        self._show.toggled.connect(self._toggle_echo)
        self._mismatch = QLabel(self)
        self._mismatch.setObjectName("passphraseMismatch")
        self._mismatch.setStyleSheet("color:#d03030")
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        form = QFormLayout()
        self._passphrase_label = QLabel(self)
        self._confirm_label = QLabel(self)
        self._confirm_label.setVisible(confirm)
        form.addRow(self._passphrase_label, self.passphrase_edit)
        form.addRow(self._confirm_label, self.confirm_edit)
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
        self._passphrase_label.setText(self.tr("&Passphrase:"))
        self._passphrase_label.setBuddy(self.passphrase_edit)
        self._confirm_label.setText(self.tr("&Repeat:"))
        self._confirm_label.setBuddy(self.confirm_edit)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.confirm_edit.setAccessibleName(self.tr("Repeat the passphrase"))
        self._show.setText(self.tr("&Show characters"))
        self._show.setAccessibleName(self.tr("Show the passphrase characters"))
        name_dialog_buttons(self._buttons)
        self._validate()

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase_edit.setEchoMode(mode)
        self.confirm_edit.setEchoMode(mode)

    def _validate(self) -> None:
        text = self.passphrase_edit.text()
        ok = bool(text)
        mismatch = self._confirm and bool(self.confirm_edit.text()) and self.confirm_edit.text() != text
        if self._confirm:
            ok = ok and self.confirm_edit.text() == text
        self._mismatch.setText(self.tr("The two passphrases differ.") if mismatch else "")
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def passphrase(self) -> bytes:
        """The typed passphrase as UTF-8 bytes."""
        return self.passphrase_edit.text().encode("utf-8")


def ask_passphrase(parent: QWidget | None, prompt: str, *, error: str = "") -> bytes | None:
    """Prompt for the passphrase of encrypted material; None when the user cancels."""
    dialog = PassphraseDialog(prompt, error=error, parent=parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.passphrase()
        return None
    finally:
        dialog.deleteLater()
