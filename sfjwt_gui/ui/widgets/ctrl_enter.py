"""Ctrl+Enter inside a text box runs the page's action instead of the window-wide Ctrl+Enter (Send).

The main window binds Ctrl+Enter to Send for the whole window. A tool page that wants Ctrl+Enter for its own action
claims the key while its text box has focus: accepting ``ShortcutOverride`` makes Qt deliver a key press to the box
instead of firing the window's shortcut, so neither is ambiguous.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _is_ctrl_enter(event: QKeyEvent) -> bool:
    return event.key() in _ENTER_KEYS and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


class CtrlEnterFilter(QObject):
    """Event filter calling ``action`` on Ctrl+Enter in the watched widget."""

    def __init__(self, widget: QWidget, action: Callable[[], None]) -> None:
        super().__init__(widget)
        self._action = action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Claim Ctrl+Enter from the shortcut system, then run the action on the key press."""
        if isinstance(event, QKeyEvent) and _is_ctrl_enter(event):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self._action()
                return True
        return super().eventFilter(watched, event)
