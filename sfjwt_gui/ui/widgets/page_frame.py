"""Every page sits in a frame that scrolls it as a whole, so no page can make the window grow.

The page fills the frame while the window is large enough; below the page's minimum size a scroll bar appears instead
of the window resizing itself (a page's minimum size never reaches the window). Pages keep their minimum width small
(wrapping labels, eliding values) so only the vertical bar is ever needed at laptop sizes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def page_frame(page: QWidget) -> QScrollArea:
    """A borderless, resizable scroll area holding ``page``."""
    frame = QScrollArea()
    frame.setObjectName(f"frame_{page.objectName()}")
    frame.setWidgetResizable(True)
    frame.setFrameShape(QFrame.Shape.NoFrame)
    frame.setWidget(page)
    return frame
