"""The start-up phases the application uses: step list and menus first (usable), then the details (log dock, dock
layout); the log toggle works in either phase and the dock's visibility is remembered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sfjwt_gui.ui.main_window import MainWindow


def test_usable_before_the_details_and_log_toggle_builds_the_dock(qtbot: Any, session: Any, ui_settings: Path) -> None:
    window = MainWindow(session, defer_pages=True)
    qtbot.addWidget(window)
    window.show()
    window.finish_setup(details=False)
    assert window.steps.count() == 11  # 6 steps, the Tools heading, 4 tools
    assert [m.title() for m in (window.file_menu, window.help_menu)] == ["&File", "&Help"]
    assert window.log_dock is None
    window.show_step("claims")
    assert window.current_step() == "claims"
    window.act_toggle_log.trigger()  # Ctrl+L before the details: builds the dock on demand
    assert window.log_dock is not None
    qtbot.waitUntil(window.log_dock.isVisible)
    assert window.act_toggle_log.isChecked()
    window.log_dock.close()
    qtbot.waitUntil(lambda: not window.act_toggle_log.isChecked())
    window.close()


def test_log_dock_visibility_is_remembered(qtbot: Any, session: Any, ui_settings: Path) -> None:
    first = MainWindow(session)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.act_toggle_log.trigger()
    qtbot.waitUntil(first.log_dock.isVisible)
    first.close()
    second = MainWindow(session)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: second.log_dock.isVisible())
    assert second.act_toggle_log.isChecked()
    heading = second.steps.item(6)
    assert heading.text() == "Tools"
    assert not (heading.flags().value & 0x1)  # Qt.ItemFlag.ItemIsSelectable: the heading cannot be chosen
    second.close()
