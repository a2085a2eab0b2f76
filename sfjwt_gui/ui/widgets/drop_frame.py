"""A framed area that accepts dropped files and emits their paths."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QWidget

from sfjwt_gui.ui.widgets.status_line import local_files


def accept_files_or_text(event: QDragEnterEvent | QDragMoveEvent) -> None:
    """Accept a drag carrying local files or text; ignore anything else."""
    mime = event.mimeData()
    if local_files(mime) or mime.hasText():
        event.acceptProposedAction()
    else:
        event.ignore()


class DropFrame(QFrame):
    """Emits ``files_dropped(list[Path])`` for local files dropped on it; ignores everything else."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept drags that carry local files."""
        if local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Keep accepting while the files hover."""
        if local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Emit the dropped paths."""
        paths: list[Path] = local_files(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(paths)
