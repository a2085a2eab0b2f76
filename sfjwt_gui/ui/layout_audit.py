"""Find layout faults in a shown widget tree: a visible widget outside its parent, or overlapping a sibling.

Used by the layout test (every page and tool at laptop sizes, both languages) and by ``ui.screenshots``. A widget
inside a scroll area may extend beyond the visible viewport (that is what scrolling is for); everything else must lie
inside its parent and must not overlap a visible sibling.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QSplitterHandle,
    QTabWidget,
    QWidget,
)

CHECKED = (QLabel, QAbstractButton, QLineEdit, QAbstractScrollArea, QComboBox, QSpinBox, QGroupBox, QTabWidget)


def _in_scroll_viewport(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    grand = parent.parentWidget() if parent is not None else None
    return isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent


def faults(root: QWidget) -> list[str]:
    """Descriptions of every fault under ``root`` (empty when the layout fits)."""
    found: list[str] = []
    _walk(root, found)
    return found


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()[:30]
    return f"{type(widget).__name__}({widget.objectName() or text!r})"


def _walk(widget: QWidget, found: list[str]) -> None:
    children = [
        c
        for c in widget.findChildren(QWidget, options=_direct())  # not (QWidget, "", …): "" matches unnamed only
        if c.isVisible() and not c.isWindow() and not isinstance(c, QSplitterHandle)
    ]
    inner = widget.rect()
    for child in children:
        if isinstance(child, CHECKED) and not _in_scroll_viewport(child):
            geometry = child.geometry()
            if geometry.width() > 0 and geometry.height() > 0 and not inner.contains(geometry):
                found.append(f"{_name(child)} at {_rect(geometry)} lies outside {_name(widget)} {_rect(inner)}")
    checked = [c for c in children if isinstance(c, CHECKED) and not _in_scroll_viewport(c)]
    for i, a in enumerate(checked):
        for b in checked[i + 1 :]:
            overlap = a.geometry().intersected(b.geometry())
            if overlap.width() > 1 and overlap.height() > 1:
                found.append(f"{_name(a)} overlaps {_name(b)} by {_rect(overlap)}")
    for child in children:
        _walk(child, found)


def _direct() -> Qt.FindChildOption:
    return Qt.FindChildOption.FindDirectChildrenOnly


def _rect(r: QRect) -> str:
    return f"{r.x()},{r.y()} {r.width()}x{r.height()}"
