"""The step list on the left: one row per page and tool (``pages.registry``), with its number, title and state icon.

It only shows states; ``ui.steps`` derives them and the window passes them to ``show_state``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from sfjwt_gui.ui import theme
from sfjwt_gui.ui.pages.registry import ENTRIES, STEP_IDS, title

USER_ROLE = 256  # Qt.ItemDataRole.UserRole: the Qt namespace loads after the first frame (start-up speed)
_ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole


class StepList(QListWidget):
    """Steps, then a "Tools" heading and the tools."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_list")
        self.setMinimumWidth(190)
        self.rows: dict[str, QListWidgetItem] = {}
        self.states: dict[str, str] = dict.fromkeys(STEP_IDS, "none")
        self.tools_header = QListWidgetItem()  # made unselectable by the window once Qt's enums are loaded
        header_font = self.font()
        header_font.setBold(True)
        self.tools_header.setFont(header_font)
        for entry in ENTRIES:
            if entry.tool and self.tools_header.listWidget() is None:
                self.addItem(self.tools_header)
            item = QListWidgetItem(theme.state_icon(theme.State.NONE), "")
            item.setData(USER_ROLE, entry.step_id)
            self.addItem(item)
            self.rows[entry.step_id] = item

    def show_state(self, step_id: str, state: str) -> None:
        """Show a step's state (none/ok/warning/failed) as its icon and in its tooltip."""
        if step_id not in self.rows:
            return
        self.states[step_id] = state
        self.rows[step_id].setIcon(theme.state_icon(state))
        self._update_text(step_id)

    def recolour(self) -> None:
        """State icons in the current palette (light/dark switch)."""
        for step_id, state in self.states.items():
            self.rows[step_id].setIcon(theme.state_icon(state))

    def retranslate(self) -> None:
        """Titles, tooltips and accessible texts in the current language."""
        self.setAccessibleName(QCoreApplication.translate("MainWindow", "Steps and tools"))
        self.tools_header.setText(QCoreApplication.translate("MainWindow", "Tools"))
        for step_id in STEP_IDS:
            self._update_text(step_id)

    def _state_text(self, state: str) -> str:
        return {
            "none": QCoreApplication.translate("MainWindow", "not started"),
            "ok": QCoreApplication.translate("MainWindow", "ok"),
            "warning": QCoreApplication.translate("MainWindow", "warning"),
            "failed": QCoreApplication.translate("MainWindow", "failed"),
        }.get(state, state)

    def _update_text(self, step_id: str) -> None:
        item = self.rows[step_id]
        entry = next(e for e in ENTRIES if e.step_id == step_id)
        number = STEP_IDS.index(step_id) + 1
        prefix = "" if entry.tool else f"{number}. "
        item.setText(prefix + title(step_id))
        state_text = self._state_text(self.states[step_id])
        item.setToolTip(f"{title(step_id)} — {state_text} (Ctrl+{number % 10})")
        item.setData(_ACCESSIBLE_TEXT_ROLE, f"{title(step_id)}, {state_text}")
