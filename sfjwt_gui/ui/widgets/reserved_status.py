"""A status line that keeps its place: a fixed height of a few lines, shown even when empty.

A message appearing or disappearing never moves the buttons below it, so a second click at the same spot hits the
same button. A message longer than the reserved lines scrolls inside the line's own area (its full text is also
the tooltip and the accessible description). ``above`` puts another line of variable height (the Key page's keyring
banner, known only once the keyring answers) in the same fixed area, so its arrival never moves the page either; a
new message scrolls itself into view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine


class ReservedStatusLine(StatusLine):
    """A ``StatusLine`` that never hides and never changes height (see ``frame`` for the area to place)."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 3, above: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame = QScrollArea(parent)
        self.frame.setFrameShape(QFrame.Shape.NoFrame)
        self.frame.setWidgetResizable(True)
        self.frame.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(self.frame)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        self._above = above
        if above is not None:
            layout.addWidget(above)
        layout.addWidget(self)
        layout.addStretch(1)
        self.frame.setWidget(inner)
        self._follow = False
        self.frame.verticalScrollBar().rangeChanged.connect(self._range_changed)
        self.frame.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 6)  # top-aligned text: a WrapLabel

    def show_message(self, kind: Kind, message: str, fix: str = "") -> None:
        """Show a message; an empty one leaves the reserved space blank."""
        super().show_message(kind, message, fix)
        self.setToolTip(f"{message}\n{fix}".strip())
        self.show()
        self._follow = bool(message) and self._above is not None  # keep it in view as the layout settles
        if self._follow:
            QTimer.singleShot(0, self, self._scroll_to_message)

    def _range_changed(self, _minimum: int, _maximum: int) -> None:
        if self._follow:
            self._scroll_to_message()

    def _scroll_to_message(self) -> None:
        """As little as needed to show the whole message under the line above; its start if it is taller."""
        viewport = self.frame.viewport().height()
        top, height = self.y(), self.height()
        wanted = top if height > viewport else max(0, top + height - viewport)
        bar = self.frame.verticalScrollBar()
        bar.setValue(min(wanted, bar.maximum()))
