"""What the pages share: retranslating on a language switch, the page title, named widgets, wrapping labels.

Object names are what tests and screenshots find widgets by; these helpers set them in one line.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """``widget`` with its object name set."""
    widget.setObjectName(name)
    return widget


def fill_line(edit: QLineEdit, text: str) -> None:
    """Put ``text`` in a line edit the program fills (not while the user types there): show its beginning, where a long
    consumer key or URL says what it is, not Qt's default of the end."""
    if edit.text() != text:
        edit.setText(text)
    if not edit.hasFocus():
        edit.setCursorPosition(0)


def page_title(parent: QWidget, name: str = "page_title", scale: float = 1.4) -> QLabel:
    """A large bold label for a page's (or a view's) title."""
    label = named(QLabel(parent), name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def text_label(parent: QWidget, name: str, *, selectable: bool = False) -> QLabel:
    """A word-wrapped label (optionally selectable with the mouse, for values people copy)."""
    label = named(QLabel(parent), name)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TranslatedWidget(QWidget):
    """A widget that sets every visible text in ``retranslate_ui`` and runs it again on each language switch
    (Qt sends ``LanguageChange`` to every widget after a translator is installed or removed)."""

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
