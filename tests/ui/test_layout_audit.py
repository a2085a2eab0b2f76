"""The layout audit itself: it must see every widget, named or not (it once asked Qt for children named "" and so
checked only unnamed ones, while almost every widget of ours has an object name), and a wrapping label must make its
container give it the height its text needs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from sfjwt_gui.ui.layout_audit import faults
from sfjwt_gui.ui.widgets.page_parts import named
from sfjwt_gui.ui.widgets.wrap_label import WrapLabel

LONG = "A note that wraps over several lines when its column is narrow, as the repaired-paste note does. " * 3


def test_named_widgets_that_overlap_are_found(qtbot: Any) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    root.resize(300, 200)
    a = named(QLabel("first", root), "first")
    b = named(QLabel("second", root), "second")
    a.setGeometry(10, 10, 100, 30)
    b.setGeometry(10, 20, 100, 30)
    root.show()
    assert faults(root) == ["QLabel('first') overlaps QLabel('second') by 10,20 100x20"]


def _squeezed(label: QLabel, qtbot: Any) -> tuple[QWidget, QPlainTextEdit]:
    """A label above a text box inside one pane of a vertical splitter that is far too short for both."""
    pane = QWidget()
    layout = QVBoxLayout(pane)
    edit = named(QPlainTextEdit(pane), "below")
    edit.setMinimumHeight(60)
    layout.addWidget(named(label, "note"))
    layout.addWidget(edit)
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(pane)
    qtbot.addWidget(splitter)
    label.setText(LONG)
    splitter.resize(220, 90)
    splitter.show()
    qtbot.waitUntil(lambda: label.width() > 0)
    qtbot.wait(50)
    return splitter, edit


def test_a_wrap_label_asks_for_its_wrapped_height(qtbot: Any) -> None:
    label = WrapLabel()
    _splitter, edit = _squeezed(label, qtbot)
    assert label.minimumHeight() == label.heightForWidth(label.width()) > 3 * label.fontMetrics().lineSpacing()
    assert label.geometry().bottom() < edit.geometry().top()
    label.setText("short")
    qtbot.wait(50)
    assert label.minimumHeight() == label.heightForWidth(label.width())  # and gives it back
