"""The Setup checklist for Connected Apps and External Client Apps (ticks remembered across sessions).

One workflow of the Key & certificate page (``key_page``).

It owns its widgets, slots and texts; the page places its box and wires it to the shared status line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import (
    QMouseEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.core.text_data import load_json
from sfjwt_gui.ui.widgets.page_parts import text_label

if TYPE_CHECKING:
    from sfjwt_gui.ui.pages.key_page import KeyPage


CHECKLIST_SETTING = "setup_checklist/ticked"


def load_checklist() -> dict[str, Any]:
    """The Setup checklist (resources/setup/checklist.json)."""
    data: dict[str, Any] = load_json("setup", "checklist.json")
    return data


class ClickableLabel(QLabel):
    """A wrapping label that toggles its checkbox when clicked (QCheckBox itself cannot wrap text)."""

    def __init__(self, check: QCheckBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Toggle the checkbox."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._check.toggle()
        super().mouseReleaseEvent(event)


class ChecklistFlow(QObject):
    """The Setup checklist for Connected Apps and External Client Apps (ticks remembered across sessions)."""

    def __init__(self, page: KeyPage) -> None:
        super().__init__(page)
        self.page = page
        self.state = page.state
        # Checklist
        self.checklist_box = QGroupBox(self.page)
        self.checklist_tabs = QTabWidget(self.page)
        self.checklist_tabs.setObjectName("checklistTabs")
        self.checklist_items: dict[str, QCheckBox] = {}
        self._checklist_labels: dict[str, QLabel] = {}
        self._checklist_notes: list[QLabel] = []
        ticked = self._load_checklist_ticks()
        for app in load_checklist()["apps"]:
            tab = QWidget(self.page)
            note = text_label(tab, f"checklistNote_{app['id']}")
            tab_layout = QGridLayout(tab)
            tab_layout.addWidget(note, 0, 0, 1, 2)
            for row, entry in enumerate(app["items"], start=1):
                check = QCheckBox(tab)
                check.setObjectName(f"check_{entry['id']}")
                label = ClickableLabel(check, tab)
                label.setWordWrap(True)
                tab_layout.addWidget(check, row, 0, Qt.AlignmentFlag.AlignTop)
                tab_layout.addWidget(label, row, 1)
                self.checklist_items[entry["id"]] = check
                check.setChecked(entry["id"] in ticked)
                check.toggled.connect(self._save_checklist)
                self._checklist_labels[entry["id"]] = label
            tab_layout.setColumnStretch(1, 1)
            tab_layout.setRowStretch(len(app["items"]) + 1, 1)
            self.checklist_tabs.addTab(tab, "")
            self._checklist_notes.append(note)
        QVBoxLayout(self.checklist_box).addWidget(self.checklist_tabs)

    def retranslate(self) -> None:
        """Set this workflow's texts in the current language."""
        self.checklist_box.setTitle(self.tr("Setup checklist"))
        self.checklist_tabs.setAccessibleName(self.tr("Setup checklist: Connected App or External Client App"))
        self._render_checklist()

    def _render_checklist(self) -> None:
        lang = self.state.lang()
        for index, app in enumerate(load_checklist()["apps"]):
            self.checklist_tabs.setTabText(index, app["title"][lang])
            self._checklist_notes[index].setText(app["note"][lang])
            for row, entry in enumerate(app["items"], start=1):
                text = entry["text"][lang]
                self._checklist_labels[entry["id"]].setText(f"{row}. {text}")
                self.checklist_items[entry["id"]].setAccessibleName(text)

    def _load_checklist_ticks(self) -> set[str]:
        from sfjwt_gui.ui.profiles import app_settings

        value = app_settings().value(CHECKLIST_SETTING, [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            return {value}
        return {str(item) for item in value} if isinstance(value, list | tuple) else set()

    def _save_checklist(self) -> None:
        """Remember the ticked Setup steps (ids only) across sessions."""
        from sfjwt_gui.ui.profiles import app_settings

        ticked = sorted(item for item, check in self.checklist_items.items() if check.isChecked())
        app_settings().setValue(CHECKLIST_SETTING, ticked)
