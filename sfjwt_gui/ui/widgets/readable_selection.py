"""Coloured item text that stays readable when its row is selected.

An item's own text colour (a red "problem", an amber "expiring") is drawn over the selection's highlight too, where
red on blue is hard to read in light and dark alike. This delegate draws a selected item in the palette's
highlighted-text colour; unselected items keep their state colour.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


class ReadableSelection(QStyledItemDelegate):
    """Selected items in the highlighted-text colour (install with ``view.setItemDelegate``)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        """The item's options, its text colour replaced by the highlighted-text colour while selected."""
        super().initStyleOption(option, index)
        if option.state & QStyle.StateFlag.State_Selected:
            palette: QPalette = option.palette
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                colour = palette.color(group, QPalette.ColorRole.HighlightedText)
                palette.setColor(group, QPalette.ColorRole.Text, colour)
            option.palette = palette
