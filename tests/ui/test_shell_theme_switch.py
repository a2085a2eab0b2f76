"""Light/dark switched while the app runs: every inline status colour is repainted for the new palette (the text
colours set on labels do not follow a palette change by themselves)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem
from ui_flow import send_and_wait, start_practice

from sfjwt_gui.ui import theme
from sfjwt_gui.ui.dialogs.passphrase import PassphraseDialog
from sfjwt_gui.ui.main_window import MainWindow
from sfjwt_gui.ui.widgets.token_view import DARK_PART_COLOURS, PART_COLOURS


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


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: str | QColor, b: str | QColor) -> float:
    """WCAG 2 contrast ratio of two colours."""
    high, low = sorted((_luminance(QColor(a)), _luminance(QColor(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_dark_colours_are_readable_and_follow_a_switch(qtbot: Any, main_window: MainWindow) -> None:
    """In dark every coloured text (states, token parts, the findings, the org's statuses, dialog warnings) reaches
    4.5:1 against the dark background, and a switch at run time repaints what was drawn in light colours."""
    window = main_window
    start_practice(qtbot, window, "user-not-approved")
    assert not send_and_wait(qtbot, window).ok
    org = window.page("org")
    with qtbot.waitSignal(org.bar.finished, timeout=30_000):
        org.inspect()
    window.show_step("token")  # the token view is drawn when its page is on screen
    token_view = window.page("token").token_view
    light_html = token_view.token_edit.toHtml().lower()
    assert all(colour in light_html for colour in PART_COLOURS)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        theme.apply_theme(app, dark=True)
        palette = app.palette()
        backgrounds = [palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Window)]
        for name in (*theme.State, "info"):
            assert all(contrast(theme.color(name), bg) >= 4.5 for bg in backgrounds), name
        for colour in DARK_PART_COLOURS:
            assert all(contrast(colour, bg) >= 4.5 for bg in backgrounds), colour
        dark_html = token_view.token_edit.toHtml().lower()
        assert all(colour in dark_html for colour in DARK_PART_COLOURS), "the token was not repainted"
        assert not any(colour in dark_html for colour in PART_COLOURS)
        rows = [org.view.tree.topLevelItem(0).child(i) for i in range(org.view.tree.topLevelItem(0).childCount())]
        problem = next(item for item in rows if "problem" in item.text(0))
        assert problem.foreground(0).color().name() == theme.color("failed").name()
        # the red "problem" is drawn red, except on the selection's highlight, where it takes the highlighted text
        tree = org.view.tree
        index = tree.indexFromItem(problem, 0)
        for selected, expected in (
            (False, theme.color("failed")),
            (True, palette.color(QPalette.ColorRole.HighlightedText)),
        ):
            option = QStyleOptionViewItem()
            option.initFrom(tree)
            if selected:
                option.state |= QStyle.StateFlag.State_Selected
            tree.itemDelegate().initStyleOption(option, index)
            assert option.palette.color(QPalette.ColorRole.Text).name() == expected.name()
        dialog = PassphraseDialog("Passphrase", confirm=True, parent=window)
        qtbot.addWidget(dialog)
        assert theme.color("failed").name() in dialog._mismatch.styleSheet()
    finally:
        theme.apply_theme(app, dark=False)
        theme.apply_theme(app)
    assert all(colour in token_view.token_edit.toHtml().lower() for colour in PART_COLOURS)


def test_the_key_page_repaints_its_warning_lines(qtbot: Any, main_window: MainWindow, rsa_cert: Any) -> None:
    """A certificate that is not the key's is said in the failure colour, light or dark, after a switch too."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    window = main_window
    window.state.private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    window.state.certificate = rsa_cert  # another key's certificate
    summary = window.page("key").current.summary_label
    assert theme.color("failed").name().lower() in summary.text().lower()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        theme.apply_theme(app, dark=True)
        assert theme.color("failed").name().lower() in summary.text().lower()
    finally:
        theme.apply_theme(app, dark=False)
        theme.apply_theme(app)
    assert theme.color("failed").name().lower() in summary.text().lower()
