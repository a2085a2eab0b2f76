"""The Diagnosis page's "Check in the org" row: the button (with Cancel and status), which admin connection it uses,
and "Change…" to choose another one. Choosing happens in ``dialogs.org_access_dialog``; the run in ``OrgCheckBar``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sfjwt_gui.ui import org_access
from sfjwt_gui.ui.state import AppState, Field, listens
from sfjwt_gui.ui.widgets.org_check_bar import CHECK_IN_ORG, OrgCheckBar
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget, named


class OrgDiagnosisRow(TranslatedWidget):
    """Check the causes of the refusal on screen in the org."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.dialog: Any = None
        self.bar = named(OrgCheckBar(state, CHECK_IN_ORG, self), "org_check_bar")
        self.access = named(QLabel(self), "org_access_summary")
        self.change = named(QPushButton(self), "org_change_access")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.access, 1)
        top.addWidget(self.change)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        self.change.clicked.connect(self.choose_access)
        self.bar.needs_access.connect(self.choose_access)
        state.changed.connect(self._on_state_changed)
        self.retranslate_ui()

    @listens(Field.ORG_ACCESS, Field.PRACTICE, Field.RESULT)
    def _on_state_changed(self, field: str) -> None:
        if field == "result" and not self.bar.running:
            self.bar.clear_status()  # the org's last answer was about the previous result
        self._show_access()

    def choose_access(self) -> None:
        """Open the admin-connection chooser (non-blocking)."""
        if self.dialog is None:
            from sfjwt_gui.ui.dialogs.org_access_dialog import OrgAccessDialog

            self.dialog = OrgAccessDialog(self.state, self.window())
        self.dialog.open()

    def _show_access(self) -> None:
        access = org_access.default_access(self.state)
        if access is None:
            self.access.setText(self.tr("Admin connection: none chosen yet."))
        else:
            self.access.setText(
                self.tr("Admin connection: {source} — {where}").format(
                    source=self.source_name(access.source), where=access.label
                )
            )

    def source_name(self, source: org_access.Source) -> str:
        """A source's name in the current language."""
        return {
            org_access.Source.PRACTICE: self.tr("practice org admin token"),
            org_access.Source.SESSION: self.tr("this session's token"),
            org_access.Source.SF_CLI: self.tr("Salesforce CLI"),
            org_access.Source.PASTED: self.tr("pasted token"),
        }[source]

    def shutdown(self) -> None:
        """Cancel a running inspection."""
        self.bar.shutdown()

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.change.setText(self.tr("Change…"))
        self.change.setAccessibleName(self.tr("Choose the admin connection"))
        self._show_access()
