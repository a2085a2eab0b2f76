"""Light/dark switched while the app runs: every inline status colour is repainted for the new palette (the text
colours set on labels do not follow a palette change by themselves)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from sfjwt_gui.ui import theme
from sfjwt_gui.ui.main_window import MainWindow


def _colour_in(widget: Any) -> str:
    return str(widget.styleSheet()).lower()


def test_status_colours_follow_a_light_dark_switch(qtbot: Any, main_window: MainWindow) -> None:
    window = main_window
    window.start_practice()
    qtbot.waitUntil(lambda: window.state.practice is not None, timeout=30_000)
    page = window.page("send")
    with qtbot.waitSignal(page.exchange_finished, timeout=30_000):
        page.send()
    connection = window.page("connection")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light_ok = theme.color("ok").name().lower()
    assert light_ok in _colour_in(page.status)
    try:
        theme.apply_theme(app, dark=True)
        dark_ok = theme.color("ok").name().lower()
        assert dark_ok != light_ok
        assert dark_ok in _colour_in(page.status)
        assert dark_ok in _colour_in(page.clock)
        coloured = [w for w in connection.findChildren(object) if w.property(theme.STATE_PROPERTY) == "ok"]
        assert coloured, "the connection page shows its checks with state colours"
        assert all(dark_ok in _colour_in(w) for w in coloured)
    finally:
        theme.apply_theme(app, dark=False)
        theme.apply_theme(app)  # back to following the OS for the other tests
    assert light_ok in _colour_in(page.status)


def test_a_platform_palette_change_also_recolours(qtbot: Any, main_window: MainWindow) -> None:
    """Some desktops change the palette without a colour-scheme signal: the window reacts to the palette itself."""
    window = main_window
    page = window.page("send")
    page._set_status("failed", "x")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light_failed = theme.color("failed").name().lower()
    assert light_failed in _colour_in(page.status)
    original = app.palette()
    try:
        app.setPalette(theme.dark_palette())  # not through apply_theme
        dark_failed = theme.color("failed").name().lower()
        assert dark_failed != light_failed
        qtbot.waitUntil(lambda: dark_failed in _colour_in(page.status), timeout=2000)
    finally:
        app.setPalette(original)
    qtbot.waitUntil(lambda: light_failed in _colour_in(page.status), timeout=2000)
