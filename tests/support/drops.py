"""Drag and drop as a user does it: real QDragEnterEvent and QDropEvent sent to a widget; both must be accepted."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def send_drop(widget: Any, mime: Any) -> None:
    """Drag ``mime`` onto ``widget`` and drop it."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    rest = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(5, 5), *rest)  # Qt 6: a drag enters at a QPoint, drops at a QPointF
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(5, 5), *rest)
    QApplication.sendEvent(widget, event)
    assert event.isAccepted()


def drop_files(widget: Any, paths: list[Path]) -> None:
    """Drop local files on ``widget``."""
    from PySide6.QtCore import QMimeData, QUrl

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    send_drop(widget, mime)
