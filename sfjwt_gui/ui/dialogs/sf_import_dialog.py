"""File → "Import from the Salesforce CLI…": a profile from each org ``sf`` authorised with JWT, and its key file into
the OS keyring only when the user ticks the box that says so.

The orgs come from ``sf org list --json`` (``core.org.sf_cli.list_orgs``, off the GUI thread); each import is
``core.profiles.import_sf_org``, the function ``sfjwt profiles import-sf`` calls. Without ``sf`` the dialog says how to
install it; with no JWT org it says how to authorise one. A failing key file is reported on its row; the others go on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.ui.errors import render_error
from sfjwt_gui.ui.state import AppState
from sfjwt_gui.ui.widgets.page_parts import named, text_label
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine, name_dialog_buttons
from sfjwt_gui.ui.worker import start


@dataclass
class Imported:
    """One org's outcome: the report entry, or the error that stopped it."""

    org: Any
    entry: dict[str, Any] | None = None
    error: BaseException | None = None


def _list_orgs() -> list[Any]:
    from sfjwt_gui.core.org import sf_cli

    return sf_cli.list_orgs()


def import_orgs(orgs: list[Any], import_keys: bool, overwrite: bool, vault: Any) -> list[Imported]:
    """Worker thread: import each org, going on after one fails."""
    from sfjwt_gui.core.profiles import import_sf_org

    done = []
    for org in orgs:
        try:
            done.append(Imported(org, import_sf_org(org, import_key=import_keys, overwrite=overwrite, vault=vault)))
        except Exception as exc:  # one unreadable key file must not stop the others; shown on its row
            done.append(Imported(org, error=exc))
    return done


class SfImportDialog(QDialog):
    """Choose which Salesforce CLI JWT orgs become profiles, and whether their keys go into the keyring."""

    imported = Signal(list)  # of Imported

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sf_import_dialog")
        self.state = state
        self.orgs: list[Any] = []
        self.job: Any = None
        self.intro = text_label(self, "sf_intro")
        self.message = named(StatusLine(self), "sf_message")
        self.table = named(QTreeWidget(self), "sf_orgs")
        self.table.setColumnCount(4)
        self.table.setRootIsDecorated(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # long key file paths keep their file name
        header = self.table.header()
        header.setStretchLastSection(True)
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 220)
        self.import_keys = named(QCheckBox(self), "sf_import_keys")
        self.overwrite = named(QCheckBox(self), "sf_overwrite")
        self.refresh = named(QPushButton(self), "sf_refresh")
        self.buttons = QDialogButtonBox(self)
        self.run_button = named(self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole), "sf_import")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.refresh, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        self.refresh.clicked.connect(self.list_orgs)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.import_keys)
        layout.addWidget(self.overwrite)
        layout.addWidget(self.buttons)
        self.resize(720, 420)
        self.retranslate_ui()
        self.run_button.setEnabled(False)
        self.list_orgs()

    def list_orgs(self) -> None:
        """Ask ``sf org list --json`` for the orgs (off the GUI thread)."""
        if self.job is not None:
            return
        self.table.clear()
        self.run_button.setEnabled(False)
        self.message.show_message(Kind.INFO, self.tr("Asking the Salesforce CLI for its orgs…"))
        self.job = start(self, _list_orgs, on_done=self._on_orgs, on_error=self._on_failed)

    def _on_orgs(self, orgs: list[Any]) -> None:
        self.job = None
        from sfjwt_gui.core.profiles import ProfileStore

        self.orgs = [o for o in orgs if o.is_jwt]
        others = len(orgs) - len(self.orgs)
        store = ProfileStore()
        for org in self.orgs:
            exists = store.exists(org.name)
            item = QTreeWidgetItem(self.table, [org.name, org.username, org.private_key, ""])
            item.setToolTip(2, org.private_key)
            item.setCheckState(0, Qt.CheckState.Unchecked if exists else Qt.CheckState.Checked)
            item.setText(3, self.tr("a profile of this name exists") if exists else "")
        if not self.orgs:
            self.message.show_message(
                Kind.WARNING,
                self.tr("The Salesforce CLI holds no org authorised with JWT ({others} other org(s)).").format(
                    others=others
                ),
                self.tr("Authorise one with sf org login jwt, then press Refresh."),
            )
            return
        self.message.show_message(
            Kind.INFO,
            self.tr("{count} org(s) authorised with JWT; {others} other org(s) are not shown.").format(
                count=len(self.orgs), others=others
            ),
        )
        self.run_button.setEnabled(True)

    def _on_failed(self, exc: BaseException) -> None:
        self.job = None
        self.orgs = []
        self.message.show_error(exc, self.state.lang())

    def chosen(self) -> list[Any]:
        """The orgs whose box is ticked."""
        return [
            org
            for row, org in enumerate(self.orgs)
            if (item := self.table.topLevelItem(row)) is not None and item.checkState(0) == Qt.CheckState.Checked
        ]

    def run_import(self) -> None:
        """Import the ticked orgs (keys only when "Import the key files" is ticked)."""
        orgs = self.chosen()
        if self.job is not None or not orgs:
            return
        self.run_button.setEnabled(False)
        self.message.show_message(Kind.INFO, self.tr("Importing…"))
        self.job = start(
            self,
            import_orgs,
            orgs,
            self.import_keys.isChecked(),
            self.overwrite.isChecked(),
            self.state.vault,
            on_done=self._on_imported,
            on_error=self._on_failed,
        )

    def _on_imported(self, done: list[Imported]) -> None:
        self.job = None
        self.run_button.setEnabled(True)
        rows = {org.name: row for row, org in enumerate(self.orgs)}
        failed = 0
        for outcome in done:
            item = self.table.topLevelItem(rows[outcome.org.name])
            if item is None:
                continue
            item.setText(3, self.outcome_text(outcome))
            item.setToolTip(3, item.text(3))
            failed += outcome.error is not None
        self.message.show_message(
            Kind.WARNING if failed else Kind.OK,
            self.tr("Done: {ok} imported, {failed} failed.").format(ok=len(done) - failed, failed=failed),
        )
        self.imported.emit(done)

    def outcome_text(self, outcome: Imported) -> str:
        """One row's result in words."""
        if outcome.error is not None:
            return render_error(outcome.error, self.state.lang())
        entry = outcome.entry or {}
        if entry.get("result") == "exists":
            return self.tr("kept the existing profile")
        if entry.get("key_imported"):
            return self.tr("profile saved; key in the keyring as {name}").format(name=entry["key_imported"])
        return self.tr("profile saved (key not imported)")

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.setWindowTitle(self.tr("Import from the Salesforce CLI"))
        self.intro.setText(
            self.tr(
                "Each org the Salesforce CLI authorised with JWT (sf org login jwt) becomes a connection profile: "
                "consumer key, username, login URL. Profiles never hold a key or a token."
            )
        )
        self.table.setHeaderLabels([self.tr("Profile"), self.tr("Username"), self.tr("Key file"), self.tr("Result")])
        self.table.setAccessibleName(self.tr("Salesforce CLI orgs authorised with JWT"))
        self.import_keys.setText(
            self.tr("Also import each key file into the OS keyring (the file itself is left as it is)")
        )
        self.overwrite.setText(self.tr("Replace profiles of the same name"))
        self.refresh.setText(self.tr("Refresh"))
        self.run_button.setText(self.tr("Import"))
        name_dialog_buttons(self.buttons)

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
