"""A fingerprint (or any long colon-separated value) that wraps between bytes, so it is always shown whole.

A word-wrapping, selectable label in the fixed-width font: it breaks after any "AB:" group (a zero-width space
follows each colon on screen only), its height follows its width through the layout (height-for-width), and
``text()`` gives the value without the break hints, as the copy buttons and tests expect.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

_BREAK = "\u200b"


class FingerprintView(QLabel):
    """A read-only, selectable fingerprint that wraps anywhere between bytes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = ""
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the page

    def text(self) -> str:
        """The fingerprint."""
        return self._value

    def setText(self, text: str) -> None:
        """Show a fingerprint."""
        self._value = text
        super().setText(text.replace(":", ":" + _BREAK))
        self.setToolTip(text)
