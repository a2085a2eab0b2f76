"""Every page and tool fits a laptop window: at 1024×700 and 1280×720, in English and Japanese, light and dark, the
window keeps the size the user set (no page, language switch or long value grows it) and no visible label, button or
text box lies outside its parent or overlaps a sibling; pages may scroll vertically as a whole, never sideways.

Dark is checked inside the same session (one practice org, one send per language), so it adds only the re-layout of
the pages. On a desktop whose light style is the platform's, dark switches to Fusion (other margins and frames); the
offscreen platform the tests run on uses Fusion for both, so there the dark pass checks the dark palette's pages."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from ui_flow import send_and_wait, start_practice

from sfjwt_gui.ui import theme
from sfjwt_gui.ui.layout_audit import faults
from sfjwt_gui.ui.main_window import MainWindow
from sfjwt_gui.ui.pages.registry import STEP_IDS

SIZES = [(1024, 700), (1280, 720)]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_page_fits_and_the_window_keeps_its_size(qtbot: Any, main_window: MainWindow, lang: str) -> None:
    start_practice(qtbot, main_window)
    assert send_and_wait(qtbot, main_window).ok
    decode = main_window.page("decode")
    # long values (a whole token, fingerprints, URLs) and the two-line "repaired the pasted text" note
    decode.set_text(f"curl -H 'Authorization: Bearer {main_window.state.token}'")
    decode.use_session_certificate()
    main_window.switch_language(lang)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    problems: list[str] = []
    try:
        for dark in (False, True):
            theme.apply_theme(app, dark=dark)
            problems += _check_sizes(qtbot, main_window, f"{lang} {'dark' if dark else 'light'}", lang)
    finally:
        theme.apply_theme(app, dark=False)
        theme.apply_theme(app)  # back to following the OS for the other tests
        main_window.switch_language("en")
    assert problems == [], "\n".join(problems)


def _check_sizes(qtbot: Any, main_window: MainWindow, where: str, lang: str) -> list[str]:
    problems: list[str] = []
    for width, height in SIZES:
        main_window.resize(width, height)
        qtbot.wait(50)
        for step_id in STEP_IDS:
            main_window.show_step(step_id)
            qtbot.wait(30)
            size = (main_window.width(), main_window.height())
            if size != (width, height):
                problems.append(f"{where} {width}x{height} {step_id}: the window became {size[0]}x{size[1]}")
            page = main_window.page(step_id)
            if main_window.stack.currentWidget().horizontalScrollBar().isVisible():
                problems.append(f"{where} {width}x{height} {step_id}: needs a horizontal scroll bar")
            problems += [f"{where} {width}x{height} {step_id}: {f}" for f in faults(page)]
        main_window.switch_language("ja" if lang == "en" else "en")  # a language switch never resizes the window
        qtbot.wait(50)
        if (main_window.width(), main_window.height()) != (width, height):
            problems.append(
                f"{where} {width}x{height}: a language switch made it {main_window.width()}x{main_window.height()}"
            )
        main_window.switch_language(lang)
        qtbot.wait(50)
    return problems
