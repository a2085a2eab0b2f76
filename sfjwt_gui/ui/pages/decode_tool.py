"""Decode a JWT page (placeholder while the full page is built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sfjwt_gui.ui.session import Session


class DecodeToolPage(QWidget):
    """Decode a JWT."""

    step_id = "decode"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._title = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self._title.setText(self.tr("Decode a JWT"))
