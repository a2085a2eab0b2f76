"""Confirmation dialogs for destructive or naming actions: delete a key, rename a key, overwrite a key."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.ui.dialogs.modal import run_modal
from sfjwt_gui.ui.widgets.status_line import name_dialog_buttons


class ConfirmDialog(QDialog):
    """A yes/no question whose "yes" button names the action ("Delete", "Overwrite"); Cancel is the default."""

    def __init__(self, title: str, question: str, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmDialog")
        self.setModal(True)
        self.setWindowTitle(title)
        label = QLabel(question, self)
        label.setWordWrap(True)
        self.question_label = label
        buttons = QDialogButtonBox(self)
        self.action_button = QPushButton(action, self)
        self.action_button.setObjectName("confirmAction")
        self.action_button.setAccessibleName(action)
        self.action_button.setAutoDefault(False)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        name_dialog_buttons(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)


def confirm_delete(parent: QWidget | None, name: str) -> bool:
    """Ask before deleting a key from the keyring."""
    dialog = ConfirmDialog(
        QCoreApplication.translate("ConfirmDialog", "Delete key"),
        QCoreApplication.translate(
            "ConfirmDialog",
            "Delete the key “{name}” from the keyring? This cannot be undone. Export it first if you may need it "
            "again: Salesforce keeps only the certificate, not the private key.",
        ).format(name=name),
        QCoreApplication.translate("ConfirmDialog", "Delete"),
        parent,
    )
    return run_modal(dialog, lambda _accepted: True) is not None


def confirm_overwrite(parent: QWidget | None, name: str) -> bool:
    """Ask before replacing a key of the same name in the keyring."""
    dialog = ConfirmDialog(
        QCoreApplication.translate("ConfirmDialog", "Replace key"),
        QCoreApplication.translate(
            "ConfirmDialog", "A key named “{name}” is already in the keyring. Replace it with this key?"
        ).format(name=name),
        QCoreApplication.translate("ConfirmDialog", "Replace"),
        parent,
    )
    return run_modal(dialog, lambda _accepted: True) is not None


class RenameDialog(QDialog):
    """Ask for a key's new name; OK stays disabled while the name is empty or unchanged."""

    def __init__(self, old_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("renameDialog")
        self.setModal(True)
        self.setWindowTitle(self.tr("Rename key"))
        self._old = old_name
        label = QLabel(self.tr("New name for “{name}”:").format(name=old_name), self)
        self.name_edit = QLineEdit(old_name, self)
        self.name_edit.setObjectName("renameEdit")
        self.name_edit.setAccessibleName(self.tr("New key name"))
        self.name_edit.selectAll()
        label.setBuddy(self.name_edit)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        name_dialog_buttons(self._buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.name_edit)
        layout.addWidget(self._buttons)
        self.name_edit.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        name = self.name_edit.text().strip()
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(name) and name != self._old)

    def new_name(self) -> str:
        """The typed name, stripped."""
        return self.name_edit.text().strip()


def ask_new_name(parent: QWidget | None, old_name: str) -> str | None:
    """Ask for a new key name; None when cancelled."""
    dialog = RenameDialog(old_name, parent)
    return run_modal(dialog, RenameDialog.new_name)


class AliasDialog(QDialog):
    """Pick one private key of a keystore that holds several."""

    def __init__(self, source: str, aliases: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aliasDialog")
        self.setModal(True)
        self.setWindowTitle(self.tr("Choose a key"))
        label = QLabel(
            self.tr("{source} holds {count} private keys. Which one signs the JWT?").format(
                source=source, count=len(aliases)
            ),
            self,
        )
        label.setWordWrap(True)
        self.alias_combo = QComboBox(self)
        self.alias_combo.setObjectName("aliasCombo")
        self.alias_combo.addItems(aliases)
        self.alias_combo.setAccessibleName(self.tr("Alias of the key to import"))
        label.setBuddy(self.alias_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        name_dialog_buttons(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.alias_combo)
        layout.addWidget(buttons)

    def alias(self) -> str:
        """The chosen alias."""
        return self.alias_combo.currentText()


def choose_alias(parent: QWidget | None, source: str, aliases: list[str]) -> str | None:
    """Ask which keystore entry to import; None when cancelled."""
    dialog = AliasDialog(source, aliases, parent)
    return run_modal(dialog, AliasDialog.alias)
