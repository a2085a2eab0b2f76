"""Steps the window flow tests share: start practice mode, send with Ctrl+Enter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from sfjwt_gui.ui.main_window import MainWindow


def start_practice(qtbot: Any, window: MainWindow, scenario: str | None = None) -> Any:
    """Start practice mode from the menu action and wait until the connection is filled."""
    if scenario is None:
        window.act_practice_start.trigger()
    else:
        window.start_practice(scenario)
    qtbot.waitUntil(lambda: window.state.practice is not None, timeout=30_000)
    return window.state.practice


def send_and_wait(qtbot: Any, window: MainWindow) -> Any:
    """Press Ctrl+Enter and wait for the exchange to finish."""
    page = window.page("send")
    with qtbot.waitSignal(page.exchange_finished, timeout=30_000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return blocker.args[0]
