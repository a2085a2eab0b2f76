"""The same key stored twice: warn when the session's key is already in the keyring, and on Save offer
"Use the existing key" or "Save anyway".

One workflow of the Key & certificate page (``key_page``). Core decides what a duplicate is (same public key:
``Vault.find_duplicate``, ``DuplicateKeyError`` from ``Vault.save``); this module only asks the user.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from sfjwt_gui.ui.widgets.status_line import Kind, name_dialog_buttons
from sfjwt_gui.ui.worker import start

if TYPE_CHECKING:
    from sfjwt_gui.ui.pages.key_page import KeyPage


class DuplicateChoice(Enum):
    """What to do with a key that is already stored under another name."""

    USE_EXISTING = "use-existing"
    SAVE_ANYWAY = "save-anyway"


class DuplicateDialog(QDialog):
    """ "This key is already in the keyring as X": use that entry, save a second one, or cancel (the default)."""

    def __init__(self, existing: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateKeyDialog")
        self.setWindowTitle(self.tr("Key already in the keyring"))
        self.choice: DuplicateChoice | None = None
        label = QLabel(
            self.tr(
                "This key is already in the keyring as “{existing}” (same public key). Use that entry, or save a "
                "second copy as “{name}”?"
            ).format(existing=existing, name=name),
            self,
        )
        label.setWordWrap(True)
        self.question_label = label
        buttons = QDialogButtonBox(self)
        self.use_button = QPushButton(self.tr("Use the existing key"), self)
        self.use_button.setObjectName("useExistingKey")
        self.save_button = QPushButton(self.tr("Save anyway"), self)
        self.save_button.setObjectName("saveDuplicateKey")
        buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.use_button.setDefault(True)
        self.use_button.clicked.connect(lambda: self._choose(DuplicateChoice.USE_EXISTING))
        self.save_button.clicked.connect(lambda: self._choose(DuplicateChoice.SAVE_ANYWAY))
        cancel.clicked.connect(self.reject)
        name_dialog_buttons(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)

    def _choose(self, choice: DuplicateChoice) -> None:
        self.choice = choice
        self.accept()


def ask_duplicate(parent: QWidget, existing: str, name: str) -> DuplicateChoice | None:
    """Ask what to do; None when cancelled."""
    dialog = DuplicateDialog(existing, name, parent)
    try:
        return dialog.choice if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class DuplicateFlow(QObject):
    """Warn about a key already stored, and resolve a duplicate on Save."""

    def __init__(self, page: KeyPage) -> None:
        super().__init__(page)
        self.page = page
        self.state = page.state
        self.existing: str | None = None  # the stored entry holding the session's (unsaved) key, if any

    def check(self) -> None:
        """Look (index only, in the background) whether the session's unsaved key is already stored."""
        self.existing = None
        from sfjwt_gui.core.signer import private_key_of

        key, vault = private_key_of(self.state.private_key), self.state.vault
        if key is None or vault is None or self.state.key_name:
            return  # nothing unsaved in memory (a token or KMS key is never stored in the keyring)
        start(self, vault.find_duplicate, key, on_done=self._checked, on_error=lambda _error: None)

    def _checked(self, record: Any) -> None:
        if record is None or self.state.key_name:
            return
        self.existing = name = record.name
        self.page._set_status(
            lambda: (
                Kind.WARNING,
                self.tr("This key is already in the keyring as “{name}”.").format(name=name),
                self.tr("Saving it again makes a second entry for the same key; load “{name}” instead.").format(
                    name=name
                ),
            )
        )

    def resolve(self, error: Any, name: str) -> bool:
        """After Save raised ``DuplicateKeyError``: ask, then use the stored key or save anyway (False: cancelled)."""
        existing = str(error.existing)
        choice = ask_duplicate(self.page, existing, name)
        if choice is DuplicateChoice.SAVE_ANYWAY:
            self.page.current.save_to_keyring(allow_duplicate=True)
            return True
        if choice is DuplicateChoice.USE_EXISTING:
            self.use_existing(existing)
            return True
        return False

    def use_existing(self, existing: str) -> None:
        """Make the stored entry the session's key (loaded from the keyring, in the background)."""
        from sfjwt_gui.ui.pages.keys_tool import load_key_and_certificate

        start(
            self,
            load_key_and_certificate,
            self.state.vault,
            existing,
            on_done=lambda pair: self._use(existing, pair),
            on_error=self.page._show_error,
        )

    def _use(self, existing: str, pair: tuple[Any, Any]) -> None:
        key, certificate = pair
        self.state.private_key = key
        self.state.certificate = certificate if certificate is not None else self.state.certificate
        self.state.key_name = existing
        self.page.current.name_edit.setText(existing)
        self.page._set_status(lambda: (Kind.OK, self.tr("Using “{name}” from the keyring.").format(name=existing), ""))
