"""A small dialog holding the admin-connection chooser (the Diagnosis page's "Change…" and first "Check in the org").

Non-blocking (``open()``): the choice goes straight into ``AppState.org_access``; Close only hides the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from sfjwt_gui.ui.state import AppState
from sfjwt_gui.ui.widgets.org_access_box import OrgAccessBox
from sfjwt_gui.ui.widgets.page_parts import named, text_label
from sfjwt_gui.ui.widgets.status_line import name_dialog_buttons


class OrgAccessDialog(QDialog):
    """Choose where the org inspector's admin token comes from."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("org_access_dialog")
        self.intro = text_label(self, "org_access_intro")
        self.box = named(OrgAccessBox(state, self), "org_access_box")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.setWindowTitle(self.tr("Admin connection for the org inspector"))
        self.intro.setText(
            self.tr(
                "The inspector needs the access token of a user who can view Setup. It only reads, and the token "
                "stays in memory for this session: it is never saved."
            )
        )
        name_dialog_buttons(self.buttons)

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
