"""The Org inspector page and the Diagnosis page with the org's answers fit 1024×700 and 1280×720 in English and
Japanese (layout audit: nothing outside its parent or overlapping, no sideways scrolling, the window keeps its size);
each is rendered to PNG (``SFJWT_SHOTS_DIR`` keeps them for a human look)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from ui_flow import send_and_wait, start_practice

from sfjwt_gui.ui.layout_audit import faults
from sfjwt_gui.ui.main_window import MainWindow

SIZES = [(1024, 700), (1280, 720)]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_org_pages_fit_and_render(qtbot: Any, main_window: MainWindow, lang: str, tmp_path: Path) -> None:
    shots = Path(os.environ.get("SFJWT_SHOTS_DIR") or tmp_path)
    start_practice(qtbot, main_window, "not-admin-approved")
    assert not send_and_wait(qtbot, main_window).ok
    bar = main_window.page("diagnosis").org_row.bar
    with qtbot.waitSignal(bar.finished, timeout=30_000):
        bar.run()
    main_window.switch_language(lang)
    qtbot.wait(100)
    answered = {"en": "The org answered", "ja": "組織が応答しました"}[lang]
    assert answered in bar.status.plain_text()  # the status follows a language switch
    problems: list[str] = []
    for width, height in SIZES:
        main_window.resize(width, height)
        for step_id in ("diagnosis", "org"):
            page = main_window.show_step(step_id)
            qtbot.wait(60)
            if (main_window.width(), main_window.height()) != (width, height):
                problems.append(
                    f"{step_id} {width}x{height}: window became {main_window.width()}x{main_window.height()}"
                )
            if main_window.stack.currentWidget().horizontalScrollBar().isVisible():
                problems.append(f"{step_id} {width}x{height}: needs a horizontal scroll bar")
            problems += [f"{step_id} {width}x{height}: {f}" for f in faults(page)]
            target = shots / f"{lang}-{step_id}-{width}x{height}.png"
            assert main_window.grab().save(str(target))
            assert target.stat().st_size > 10_000
    main_window.switch_language("en")
    assert problems == [], "\n".join(problems)
