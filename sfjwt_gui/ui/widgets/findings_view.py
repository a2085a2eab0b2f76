"""Lint findings list (placeholder while the full widget is built)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QListWidget, QVBoxLayout, QWidget


class FindingsView(QWidget):
    """Shows lint findings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._list = QListWidget(self)
        QVBoxLayout(self).addWidget(self._list)

    def show_findings(self, findings: Sequence[Any]) -> None:
        """Replace the list with these findings."""
        self._list.clear()
        for finding in findings:
            self._list.addItem(f"{finding.severity}: {finding.rule}: {finding.message}")
