"""The Keys tool's table: one row per stored key (core ``key_listing.KeyRow``), sortable by every column.

Columns: name, certificate subject, key size, certificate expiry with days left (coloured by core's expiry state),
SHA-256 fingerprint (short; the full one in the tooltip) and the connection profiles that use the key. Sorting uses
the values (numbers, dates), not the displayed text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from sfjwt_gui.core.expiry import ExpiryState
from sfjwt_gui.core.key_listing import KeyRow
from sfjwt_gui.ui.widgets.status_line import Kind, kind_colour

NAME_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_FAR_FUTURE = 10**9  # rows without a certificate sort after every expiry


class SortItem(QTableWidgetItem):
    """A cell that sorts by its SORT_ROLE value (numbers and dates sort as such)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is None or theirs is None or type(mine) is not type(theirs):
            return super().__lt__(other)
        return bool(mine < theirs)


class KeysTable(QTableWidget):
    """Stored keys, one per row; ``show_rows`` fills it, the name column carries the key's name."""

    COLUMNS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        for column in range(self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicatorShown(True)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def set_headers(self, labels: Sequence[str]) -> None:
        """The column titles, in the current language."""
        self.setHorizontalHeaderLabels(list(labels))

    def show_rows(self, rows: Sequence[KeyRow], current: str | None) -> None:
        """Fill the table (cell texts in the current language); the current key is marked."""
        selected = self.selected_name()
        sorting = self.isSortingEnabled()
        self.setSortingEnabled(False)  # fill first, sort once
        self.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, item in enumerate(self._cells(row, current)):
                item.setData(NAME_ROLE, row.name)
                self.setItem(index, column, item)
        self.setSortingEnabled(sorting)
        for column in (0, 2, 3, 4, 5):
            self.resizeColumnToContents(column)
        if selected:
            self.select(selected)

    def _cells(self, row: KeyRow, current: str | None) -> list[SortItem]:
        name = SortItem(row.name + ("  ◀" if row.name == current else ""))
        name.setData(SORT_ROLE, row.name.casefold())
        if row.name == current:
            name.setToolTip(self.tr("The key loaded in this session"))
        subject = SortItem(row.subject or self.tr("(no certificate)"))
        subject.setData(SORT_ROLE, (row.subject or "").casefold())
        subject.setToolTip(row.subject or "")
        bits = SortItem(str(row.key_bits))
        bits.setData(SORT_ROLE, row.key_bits)
        bits.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        fingerprint = SortItem(row.short_fingerprint)
        fingerprint.setData(SORT_ROLE, row.sha256_fingerprint or row.public_key_sha256 or "")
        full = row.sha256_fingerprint or row.public_key_sha256 or ""
        if full:
            what = self.tr("Certificate SHA-256") if row.sha256_fingerprint else self.tr("Public key SHA-256")
            fingerprint.setToolTip(f"{what}: {full}")
        profiles = SortItem(", ".join(row.profiles) if row.profiles else "—")
        profiles.setData(SORT_ROLE, ", ".join(row.profiles).casefold())
        return [name, subject, bits, self._expiry_cell(row), fingerprint, profiles]

    def _expiry_cell(self, row: KeyRow) -> SortItem:
        if row.deleting:  # the vault refuses to load it; deleting it again finishes the job
            item = SortItem(self.tr("Deletion incomplete: delete it again"))
            item.setData(SORT_ROLE, -_FAR_FUTURE)
            item.setForeground(QColor(kind_colour(Kind.ERROR)))
            item.setToolTip(
                self.tr("A deletion of this key was interrupted. Select it and press Delete to finish removing it.")
            )
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, "deletion incomplete")
            return item
        if row.not_after is None or row.days_left is None:
            item = SortItem("—")
            item.setData(SORT_ROLE, _FAR_FUTURE)
            return item
        date = row.not_after.astimezone(dt.UTC).strftime("%Y-%m-%d")
        if row.days_left < 0:
            text = self.tr("{date} (expired)").format(date=date)
        else:
            text = self.tr("{date} ({days} days left)").format(date=date, days=row.days_left)
        item = SortItem(text)
        item.setData(SORT_ROLE, row.days_left)
        colour = {ExpiryState.EXPIRED: kind_colour(Kind.ERROR), ExpiryState.EXPIRING: kind_colour(Kind.WARNING)}.get(
            row.expiry if row.expiry is not None else ExpiryState.OK, ""
        )
        if colour:
            item.setForeground(QColor(colour))
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, str(row.expiry or ""))
        return item

    def selected_name(self) -> str | None:
        """Name of the selected key."""
        model = self.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows:
            return None
        item = self.item(rows[0].row(), 0)
        return None if item is None else str(item.data(NAME_ROLE))

    def select(self, name: str) -> bool:
        """Select the row of key ``name``; False when it is not listed."""
        for index in range(self.rowCount()):
            item = self.item(index, 0)
            if item is not None and item.data(NAME_ROLE) == name:
                self.selectRow(index)
                return True
        return False

    def name_at(self, index: int) -> str | None:
        """The key name shown in row ``index`` (display order)."""
        item = self.item(index, 0)
        return None if item is None else str(item.data(NAME_ROLE))
