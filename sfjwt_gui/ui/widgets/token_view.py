"""Coloured JWT with decoded header/payload (placeholder while the full widget is built)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget


class TokenView(QWidget):
    """Shows one JWT."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = QPlainTextEdit(self)
        self._text.setReadOnly(True)
        QVBoxLayout(self).addWidget(self._text)

    def show_token(self, text: str, certificate: Any = None) -> None:
        """Display a token; ``certificate`` verifies the signature when given."""
        self._text.setPlainText(text)
