"""A word-wrapped label that never lets the widget below it draw over its last lines.

Qt lays out a word-wrapped label by its one-line minimum; its real height (the text wrapped at its width) is a
height-for-width that a QSplitter, and a group given only its minimum, do not ask for. Squeezed there, the label's
lines run over the next widget (the decoded payload's times table over the payload, the "repaired the pasted text"
note over the token). This label keeps its minimum height at its wrapped height for its current width, so layouts
make room, and a page too tall for the window scrolls instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrapLabel(QLabel):
    """A word-wrapped QLabel whose minimum height follows its text at its width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitted: tuple[int, str, str] | None = None  # the width, text and font the minimum height is for
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # extra height goes below

    def setText(self, text: str) -> None:
        """Set the text, then the minimum height it needs at the current width."""
        super().setText(text)
        self._fit()

    def clear(self) -> None:
        """No text: no height needed."""
        super().clear()
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width wraps the text anew."""
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        fitted = (self.width(), self.text(), self.font().key())
        if fitted == self._fitted:  # the same text again, or a resize that changed only the height
            return
        self._fitted = fitted
        width, need = fitted[0], 0
        if width > 0 and self.text():
            self.setMinimumHeight(0)  # QLabel's height-for-width never goes below the minimum height
            need = max(self.heightForWidth(width), 0)
        if need != self.minimumHeight():
            self.setMinimumHeight(need)
