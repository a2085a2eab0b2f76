"""Run a modal dialog and read its answer, deleting the dialog afterwards."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)
T = TypeVar("T")


def run_modal(dialog: D, answer: Callable[[D], T]) -> T | None:
    """``answer(dialog)`` when the user accepts, None when they cancel; the dialog is deleted either way."""
    try:
        return answer(dialog) if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
