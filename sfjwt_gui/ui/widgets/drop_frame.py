"""A framed area that accepts dropped files and emits their paths."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QWidget

from sfjwt_gui.ui.widgets.status_line import local_files


def accept_files_or_text(event: QDragEnterEvent | QDragMoveEvent) -> None:
    """Accept a drag carrying local files or text; ignore anything else."""
    _accept_if(event, bool(local_files(event.mimeData())) or event.mimeData().hasText())


def accept_files(event: QDragEnterEvent | QDragMoveEvent) -> None:
    """Accept a drag carrying local files; ignore anything else."""
    _accept_if(event, bool(local_files(event.mimeData())))


def _accept_if(event: QDragEnterEvent | QDragMoveEvent, wanted: bool) -> None:
    if wanted:
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
        accept_files(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Keep accepting while the files hover."""
        accept_files(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Emit the dropped paths."""
        paths: list[Path] = local_files(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(paths)
