"""Keys tool: the keys stored in the OS keyring — load one into the session, rename, export or delete it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.core.keyring_status import VaultAction
from sfjwt_gui.ui.dialogs.confirm import ask_new_name, confirm_delete
from sfjwt_gui.ui.dialogs.export_dialog import start_export
from sfjwt_gui.ui.errors import error_parts
from sfjwt_gui.ui.pages.key_csr import CsrTarget, start_attach, start_csr
from sfjwt_gui.ui.state import AppState, Field, listens
from sfjwt_gui.ui.widgets.keyring_banner import KeyringBannerLine, gate_button
from sfjwt_gui.ui.widgets.keys_table import KeysTable
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine
from sfjwt_gui.ui.worker import start


def load_key_and_certificate(vault: Any, name: str) -> tuple[Any, Any]:
    """Background job: a stored key and its certificate."""
    return vault.load(name), vault.load_certificate(name)


def profile_keys() -> list[tuple[str, str]]:
    """(profile name, key name) of every connection profile that names a key (the one profile store the CLI and
    the window share: core ``profiles.ProfileStore``)."""
    from sfjwt_gui.core.profiles import ProfileStore

    return [(p.name, p.key_name) for p in ProfileStore().list() if p.key_name]


def list_rows(vault: Any) -> tuple[Any, list[Any]]:
    """Background job: the vault's status and its keys as ``key_listing.KeyRow`` (index only: no keyring prompt)."""
    from sfjwt_gui.core.key_listing import list_keys

    return vault.status(), list_keys(vault, profile_keys())


class KeysToolPage(TranslatedWidget):
    """The keyring's keys (tool "keys")."""

    step_id = "keys"
    COLUMNS = KeysTable.COLUMNS

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("keysToolPage")
        self.records: list[Any] = []
        self.loaded_once = False
        self._message: tuple[Kind, str, str] | BaseException | None = None
        self._pending_select: str | None = None
        self._vault_status: Any = None
        self._tips: dict[QPushButton, str] = {}
        self.keyring_status = KeyringBannerLine(self)
        self.keyring_status.setObjectName("keysKeyringStatus")
        self.status = StatusLine(self)
        self.status.setObjectName("keysStatus")
        self.table = KeysTable(self)
        self.table.setObjectName("keysTable")
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.load_selected())
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("keysEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.table)

        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("keysRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.load_button = QPushButton(self)
        self.load_button.setObjectName("keysLoad")
        self.load_button.clicked.connect(self.load_selected)
        self.rename_button = QPushButton(self)
        self.rename_button.setObjectName("keysRename")
        self.rename_button.clicked.connect(self.rename_selected)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("keysExport")
        self.export_button.clicked.connect(self.export_selected)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("keysDelete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.csr_button = QPushButton(self)
        self.csr_button.setObjectName("keysCsr")
        self.csr_button.clicked.connect(self.csr_selected)
        self.attach_button = QPushButton(self)
        self.attach_button.setObjectName("keysAttach")
        self.attach_button.clicked.connect(self.attach_selected)
        buttons = QHBoxLayout()  # keystore actions; the certificate-authority pair on a second row (fits 1024 px in ja)
        for button in (self.load_button, self.rename_button, self.export_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.csr_button)
        ca_row.addWidget(self.attach_button)
        ca_row.addStretch(1)

        self._title = QLabel(self)
        self._title.setObjectName("keysTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self.keyring_status)
        layout.addLayout(buttons)
        layout.addLayout(ca_row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)

        local = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh, context=local)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.rename_selected, context=local)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_selected, context=local)
        self.retranslate_ui()
        self._update_buttons()
        state.changed.connect(self._on_state_changed)

    # ----------------------------------------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self._title.setText("<h2>{}</h2>".format(self.tr("Keys in the keyring")))
        self.table.set_headers(
            [
                self.tr("Name"),
                self.tr("Certificate subject"),
                self.tr("Bits"),
                self.tr("Expires"),
                self.tr("SHA-256"),
                self.tr("Used by profiles"),
            ]
        )
        self.table.setAccessibleName(self.tr("Keys stored in the OS keyring"))
        self.empty_label.setText(
            self.tr(
                "No keys in the keyring yet.\nTo add one: open Key & certificate (Ctrl+1), generate a key or "
                "import a file, type a name and click “Save to keyring”. Saved keys are listed here."
            )
        )
        for button, text, name, tip in (
            (
                self.refresh_button,
                self.tr("Re&fresh"),
                self.tr("Refresh the list of keys"),
                self.tr("Read the list again (F5)."),
            ),
            (
                self.load_button,
                self.tr("&Load into session"),
                self.tr("Load the selected key into the session"),
                self.tr("Use this key for signing (double-click does the same)."),
            ),
            (
                self.rename_button,
                self.tr("&Rename…"),
                self.tr("Rename the selected key"),
                self.tr("Give the key a new name (F2)."),
            ),
            (
                self.export_button,
                self.tr("E&xport…"),
                self.tr("Export the selected key"),
                self.tr("Write the certificate, PKCS#8, PKCS#12 or JKS to a file."),
            ),
            (
                self.delete_button,
                self.tr("&Delete…"),
                self.tr("Delete the selected key"),
                self.tr("Remove the key from the keyring, after a confirmation (Del)."),
            ),
            (
                self.csr_button,
                self.tr("Signing re&quest…"),
                self.tr("Make a certificate signing request for the selected key"),
                self.tr("For a CA-signed certificate: save a .csr file to send to your certificate authority."),
            ),
            (
                self.attach_button,
                self.tr("A&ttach CA certificate…"),
                self.tr("Attach the certificate your CA issued to the selected key"),
                self.tr("Read the certificate file your CA returned and keep it with the key."),
            ),
        ):
            button.setText(text)
            button.setAccessibleName(name)
            self._tips[button] = tip
        self._fill_table()
        self._render_status()
        self._render_keyring(self._vault_status)
        self._update_buttons()

    def _actions(self) -> tuple[QPushButton, ...]:
        return (
            self.load_button,
            self.rename_button,
            self.export_button,
            self.delete_button,
            self.csr_button,
            self.attach_button,
        )

    def showEvent(self, event: QShowEvent) -> None:
        """Read the list when the page is shown."""
        super().showEvent(event)
        self.refresh()

    @listens(Field.KEY_NAME, Field.LANGUAGE)
    def _on_state_changed(self, field: str) -> None:
        if field == "key_name" and self.isVisible():
            self.refresh()
        elif field == "language":
            self._render_status()
            self._render_keyring(self._vault_status)
            self._update_buttons()

    # ----------------------------------------------------------------------------------------------------------------

    def _set_message(self, kind: Kind, message: str, fix: str = "") -> None:
        self._message = (kind, message, fix)
        self._render_status()

    def _render_status(self) -> None:
        if self._message is None:
            self.status.show_message(Kind.INFO, "")
        elif isinstance(self._message, BaseException):  # rendered now, so it follows a language switch
            self.status.show_message(Kind.ERROR, *error_parts(self._message, self.state.lang()))
        else:
            self.status.show_message(*self._message)

    def _show_error(self, error: BaseException) -> None:
        self._message = error
        self._render_status()
        self._update_buttons()

    def refresh(self) -> None:
        """Read the vault's list and status in the background."""
        vault = self.state.vault
        if vault is None:
            self.records = []
            self.loaded_once = True
            self._fill_table()
            self._render_keyring(None)
            return
        self.refresh_button.setEnabled(False)
        start(self, list_rows, vault, on_done=self._listed, on_error=self._list_failed)

    def _listed(self, result: tuple[Any, list[Any]]) -> None:
        status, records = result
        self._vault_status = status
        self.records = list(records)
        self.loaded_once = True
        self.refresh_button.setEnabled(True)
        self._render_keyring(status)
        self._fill_table()

    def _list_failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.loaded_once = True
        self._show_error(error)

    def _render_keyring(self, status: Any) -> None:
        if self.state.vault is None:
            self.keyring_status.show_status(None, self.state.lang())
        elif status is None:
            self.keyring_status.show_message(Kind.INFO, "")
        else:
            self.keyring_status.show_status(status, self.state.lang())

    def _fill_table(self) -> None:
        selected = self._pending_select or self.selected_name()
        self._pending_select = None
        self.table.show_rows(self.records, self.state.key_name)
        if selected:
            self.table.select(selected)
        self.stack.setCurrentWidget(self.table if self.records else self.empty_label)
        if self.records and self.selected_name() is None:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_name(self) -> str | None:
        """Name of the selected key."""
        return self.table.selected_name()

    def select(self, name: str) -> None:
        """Select a key by name (keyboard users and tests)."""
        self.table.select(name)

    def _selected_row(self) -> Any:
        name = self.selected_name()
        return next((row for row in self.records if row.name == name), None)

    def _update_buttons(self) -> None:
        """Each action enabled when it can work; else disabled with core's reason as its tooltip."""
        from sfjwt_gui.core.vault import VaultStatus

        status = None if self.state.vault is None else self._vault_status or VaultStatus(True, "", "", "")
        row = self._selected_row()
        actions = (
            (self.load_button, VaultAction.LOAD),
            (self.rename_button, VaultAction.RENAME),
            (self.export_button, VaultAction.EXPORT_KEY),
            (self.delete_button, VaultAction.DELETE),
            (self.csr_button, VaultAction.CSR),
            (self.attach_button, VaultAction.ATTACH),
        )
        for button, action in actions:
            gate_button(
                button,
                status,
                action,
                self.state.lang(),
                enabled_tip=self._tips.get(button, ""),
                has_key=row is not None,
                has_certificate=row is not None and row.subject is not None,
            )
            if row is not None and row.deleting and action is not VaultAction.DELETE:  # the vault refuses the rest
                button.setEnabled(False)
                button.setToolTip(
                    self.tr("A deletion of this key was interrupted. Select it and press Delete to finish removing it.")
                )

    # ---------------------------------------------------------------------------------------------------- actions --

    def _start(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None]) -> None:
        """Run keyring work on the worker; a failure goes to the message line."""
        start(self, fn, *args, on_done=on_done, on_error=self._show_error)

    def _load_selected_then(self, then: Callable[[str, tuple[Any, Any]], None]) -> None:
        """Load the selected key and its certificate (worker), then call ``then(name, (key, certificate))``."""
        name = self.selected_name()
        if name is None:
            return
        self._start(load_key_and_certificate, self.state.vault, name, on_done=lambda pair: then(name, pair))

    def load_selected(self) -> None:
        """Load the selected key and certificate into the session."""
        self._load_selected_then(self._loaded)

    def _loaded(self, name: str, pair: tuple[Any, Any]) -> None:
        key, certificate = pair
        self.state.private_key = key
        self.state.certificate = certificate
        self.state.key_name = name
        self._set_message(Kind.OK, self.tr("Loaded “{name}” into the session.").format(name=name))
        self._fill_table()

    def rename_selected(self) -> None:
        """Ask for a new name and rename the selected key."""
        old = self.selected_name()
        if old is None:
            return
        new = ask_new_name(self, old)
        vault = self.state.vault
        if not new or vault is None:
            return
        self._start(vault.rename, old, new, on_done=lambda record: self._renamed(old, record))

    def _renamed(self, old: str, record: Any) -> None:
        if self.state.key_name == old:
            self.state.key_name = record.name
        self._set_message(Kind.OK, self.tr("Renamed “{old}” to “{new}”.").format(old=old, new=record.name))
        self._pending_select = record.name
        self.refresh()

    def delete_selected(self) -> None:
        """Delete the selected key after a confirmation."""
        name = self.selected_name()
        vault = self.state.vault
        if name is None or vault is None or not confirm_delete(self, name):
            return
        self._start(vault.delete, name, on_done=lambda _result: self._deleted(name))

    def _deleted(self, name: str) -> None:
        if self.state.key_name == name:
            self.state.key_name = None  # the key stays in memory for this session only
        self._set_message(Kind.OK, self.tr("Deleted “{name}” from the keyring.").format(name=name))
        self.refresh()

    def export_selected(self) -> None:
        """Read the selected key's certificate (index only), then run the export dialog; the private key is read
        from the keyring only if the chosen format holds it."""
        name, vault = self.selected_name(), self.state.vault
        if name is None or vault is None:
            return
        self._start(vault.load_certificate, name, on_done=lambda certificate: self._export(vault, name, certificate))

    def _export(self, vault: Any, name: str, certificate: Any) -> None:
        start_export(
            self,
            key=None,
            load_key=partial(vault.load, name),
            certificate=certificate,
            base_name=name,
            on_done=self._exported,
            on_error=self._show_error,
        )

    def _exported(self, path: Path) -> None:
        self._set_message(Kind.OK, self.tr("Exported to {path}.").format(path=path))

    def _last_folder(self) -> Path:
        from sfjwt_gui.ui.pages.key_cert_save import last_folder

        return last_folder()

    def csr_selected(self) -> None:
        """Make a certificate signing request for the selected key (subject dialog, save dialog, background)."""
        name = self.selected_name()
        vault = self.state.vault
        if name is None or vault is None:
            return
        self._start(vault.load_certificate, name, on_done=lambda cert: self._csr_for(name, cert))

    def _csr_for(self, name: str, certificate: Any) -> None:
        start_csr(
            self,
            CsrTarget(name=name, vault=self.state.vault, certificate=certificate),
            default_cn=name,
            start_dir=self._last_folder(),
            on_done=self._csr_saved,
            on_error=self._show_error,
        )

    def _csr_saved(self, path: Path) -> None:
        from sfjwt_gui.ui.pages.key_cert_save import remember_folder

        remember_folder(path)
        self._set_message(
            Kind.OK,
            self.tr("Saved the certificate signing request to {path}.").format(path=path),
            self.tr("Send it to your certificate authority, then attach the certificate it returns."),
        )

    def attach_selected(self) -> None:
        """Attach the certificate a CA issued to the selected key (a certificate of another key is refused)."""
        name = self.selected_name()
        if name is None:
            return
        start_attach(
            self,
            CsrTarget(name=name, vault=self.state.vault),
            on_done=lambda result: self._attached(name, result),
            on_error=self._show_error,
        )

    def _attached(self, name: str, result: Any) -> None:
        if self.state.key_name == name:
            self.state.certificate = result.certificate  # the session signs with this key: show its new certificate
        subject = result.certificate.subject.rfc4514_string()
        self._set_message(
            Kind.OK,
            self.tr("Attached the certificate “{subject}” to “{name}”.").format(subject=subject, name=name),
            self.tr("Upload this certificate to the Salesforce app: the old one no longer matches what you send.")
            if result.replaced
            else "",
        )
        self.refresh()
