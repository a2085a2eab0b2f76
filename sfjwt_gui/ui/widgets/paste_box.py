"""What the Decode and Explain tools share: a paste box with its action and Clear buttons
(Ctrl+Enter runs the action), dropped files and text, and reading a dropped file on the worker."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from sfjwt_gui.core.errors import InputError
from sfjwt_gui.core.key_texts import error
from sfjwt_gui.core.user_files import read_bounded
from sfjwt_gui.ui.widgets.ctrl_enter import CtrlEnterFilter
from sfjwt_gui.ui.widgets.drop_frame import accept_files_or_text
from sfjwt_gui.ui.widgets.status_line import local_files

MAX_DROPPED_BYTES = 1_000_000


def read_dropped_bytes(path: Path, max_bytes: int = MAX_DROPPED_BYTES) -> bytes:
    """Background: the bytes of a dropped file (a file larger than ``max_bytes`` cannot be a token or a response);
    its errors carry codes of resources/keys/texts.json, so the window shows them in its language."""
    with contextlib.suppress(OSError):  # a regular file's size says at once what it is (read_bounded says the rest)
        size = path.stat().st_size
        if size > max_bytes:
            raise error(InputError, "dropped-too-large", name=path.name, size=str(size))
    return read_bounded(path, limit=max_bytes)  # a dropped FIFO or device is refused, never blocks the worker


def read_dropped_text(path: Path) -> str:
    """Background: a dropped log file or response body as text."""
    return read_dropped_bytes(path).decode("utf-8", "replace")


class DropTarget(QObject):
    """Makes ``widget`` accept dropped local files (``on_file(first path)``) and dropped text (``on_text(text)``)."""

    def __init__(self, widget: QWidget, on_file: Callable[[Path], None], on_text: Callable[[str], None]) -> None:
        super().__init__(widget)
        self._on_file = on_file
        self._on_text = on_text
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Accept drags of files or text; hand a drop to the callbacks."""
        if isinstance(event, (QDragEnterEvent, QDragMoveEvent)):
            accept_files_or_text(event)
            return True
        if isinstance(event, QDropEvent):
            mime = event.mimeData()
            paths = local_files(mime)
            if paths:
                event.acceptProposedAction()
                self._on_file(paths[0])
            elif mime.hasText():
                event.acceptProposedAction()
                self._on_text(mime.text())
            else:
                event.ignore()
            return True
        return super().eventFilter(watched, event)


class PasteBox:
    """A paste box with the page's action button and a Clear button beside it; Ctrl+Enter in the box runs the action.

    The page drops files itself (``DropTarget`` on the page), so the box does not take drops."""

    def __init__(
        self,
        parent: QWidget,
        prefix: str,
        action: Callable[[], None],
        clear: Callable[[], None],
        max_height: int,
    ) -> None:
        self.input_edit = QPlainTextEdit(parent)
        self.input_edit.setObjectName(f"{prefix}Input")
        self.input_edit.setAcceptDrops(False)
        self.input_edit.setTabChangesFocus(True)
        self.input_edit.setMaximumHeight(max_height)
        self.action_button = QPushButton(parent)
        self.action_button.setObjectName(f"{prefix}Button")
        self.action_button.clicked.connect(action)
        self.clear_button = QPushButton(parent)
        self.clear_button.setObjectName(f"{prefix}Clear")
        self.clear_button.clicked.connect(clear)
        buttons = QVBoxLayout()
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        self.row = QHBoxLayout()
        self.row.addWidget(self.input_edit, 1)
        self.row.addLayout(buttons)
        CtrlEnterFilter(self.input_edit, action)
