"""Keys tool: the keys stored in the OS keyring — load one into the session, rename, export or delete it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.core.expiry import days_until
from sfjwt_gui.core.policy import expiry_is_warning
from sfjwt_gui.ui.dialogs.confirm import ask_new_name, confirm_delete
from sfjwt_gui.ui.dialogs.export_dialog import start_export
from sfjwt_gui.ui.errors import error_parts
from sfjwt_gui.ui.state import AppState, Field, listens
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine, kind_colour
from sfjwt_gui.ui.worker import start


def load_key_and_certificate(vault: Any, name: str) -> tuple[Any, Any]:
    """Background job: a stored key and its certificate."""
    return vault.load(name), vault.load_certificate(name)


class KeysToolPage(TranslatedWidget):
    """The keyring's keys (tool "keys")."""

    step_id = "keys"
    COLUMNS = 4

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("keysToolPage")
        self.records: list[Any] = []
        self.loaded_once = False
        self._message: tuple[Kind, str, str] | BaseException | None = None
        self._pending_select: str | None = None
        self.keyring_status = StatusLine(self)
        self.keyring_status.setObjectName("keysKeyringStatus")
        self.status = StatusLine(self)
        self.status.setObjectName("keysStatus")
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("keysTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
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
        buttons = QHBoxLayout()
        for button in (self.load_button, self.rename_button, self.export_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)

        self._title = QLabel(self)
        self._title.setObjectName("keysTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self.keyring_status)
        layout.addLayout(buttons)
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
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Bits"), self.tr("Certificate SHA-256"), self.tr("Expires")]
        )
        self.table.setAccessibleName(self.tr("Keys stored in the OS keyring"))
        self.empty_label.setText(
            self.tr(
                "No keys in the keyring yet.\nGenerate or import one on the Key & certificate page and click "
                "“Save to keyring”."
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
        ):
            button.setText(text)
            button.setAccessibleName(name)
            button.setToolTip(tip)
        self._fill_table()
        self._render_status()
        self._render_keyring(getattr(self, "_vault_status", None))

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
            self._render_keyring(getattr(self, "_vault_status", None))

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
        start(self, lambda: (vault.status(), vault.list()), on_done=self._listed, on_error=self._list_failed)

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
            self.keyring_status.show_message(Kind.WARNING, self.tr("No keyring is configured."))
        elif status is None or status.available:
            self.keyring_status.show_message(Kind.INFO, "")
        else:
            self.keyring_status.show_message(
                Kind.WARNING,
                self.tr("No usable keyring ({backend}): {message}").format(
                    backend=status.backend_name or "-", message=status.message_in(self.state.lang())
                ),
                status.fix_in(self.state.lang()),
            )

    def _fill_table(self) -> None:
        selected = self._pending_select or self.selected_name()
        self._pending_select = None
        self.table.setRowCount(len(self.records))
        current = self.state.key_name
        for row, record in enumerate(self.records):
            name = record.name + ("  ◀" if record.name == current else "")
            cells = [name, str(record.key_bits), record.sha256_fingerprint or self.tr("(no certificate)"), ""]
            left = days_until(record.not_after)
            colour = ""
            if record.not_after:
                date = record.not_after[:10]
                if left is not None and left < 0:
                    cells[3], colour = self.tr("{date} (expired)").format(date=date), kind_colour(Kind.ERROR)
                elif left is not None and expiry_is_warning(left):
                    cells[3] = self.tr("{date} ({days} days)").format(date=date, days=left)
                    colour = kind_colour(Kind.WARNING)
                else:
                    cells[3] = date
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, record.name)
                if column == 3 and colour:
                    item.setForeground(QColor(colour))
                if column == 0 and record.name == current:
                    item.setToolTip(self.tr("The key loaded in this session"))
                self.table.setItem(row, column, item)
            if record.name == selected:
                self.table.selectRow(row)
        self.stack.setCurrentWidget(self.table if self.records else self.empty_label)
        if self.records and self.selected_name() is None:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_name(self) -> str | None:
        """Name of the selected key."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select(self, name: str) -> None:
        """Select a key by name (keyboard users and tests)."""
        for row, record in enumerate(self.records):
            if record.name == name:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        has = self.selected_name() is not None
        for button in (self.load_button, self.rename_button, self.export_button, self.delete_button):
            button.setEnabled(has)

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
        """Load the selected key (background), then run the export dialog."""
        self._load_selected_then(self._export_loaded)

    def _export_loaded(self, name: str, pair: tuple[Any, Any]) -> None:
        key, certificate = pair
        start_export(
            self,
            key=key,
            certificate=certificate,
            base_name=name,
            on_done=self._exported,
            on_error=self._show_error,
        )

    def _exported(self, path: Path) -> None:
        self._set_message(Kind.OK, self.tr("Exported to {path}.").format(path=path))
