"""The window's side of practice mode: the Practice menu's scenarios, the status-bar label naming the scenario, and
what a scenario switch does to Send and Diagnosis. The practice org itself is ``ui.practice_mode``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from sfjwt_gui.ui.main_window import MainWindow
    from sfjwt_gui.ui.practice_mode import PracticeController


class PracticeMenu:
    """Practice → scenarios, and the label "Practice org: URL — scenario NAME" in the status bar."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.practice: PracticeController | None = None

    def controller(self) -> PracticeController:
        """The practice-mode controller (created on first use)."""
        if self.practice is None:
            from sfjwt_gui.ui.practice_mode import PracticeController

            window = self.window
            self.practice = PracticeController(window.state, window)
            self.practice.failed.connect(self._failed)
            self.practice.status.connect(lambda text: window.statusBar().showMessage(text, 8000))
            self.practice.started.connect(lambda _server: window.show_step("send"))
            self.practice.scenario_changed.connect(self._scenario_changed)
        return self.practice

    def set_scenario(self, name: str) -> None:
        """Switch the practice org's scenario (starting it if needed)."""
        controller = self.controller()
        if self.window.state.practice is None:
            controller.start(name)
        else:
            controller.set_scenario(name)

    def _scenario_changed(self, _name: str) -> None:
        """A new scenario makes the last answer history: Send and Diagnosis start over, and Send says what to do."""
        window = self.window
        self.update_label()
        server = window.state.practice
        if server is None or window.closing:
            return
        window.state.result_stale = True  # the steps derive "not started"; the Diagnosis page keeps the last answer
        title = server.scenario.title_in(window.state.lang())
        window.page("send").mark_stale(
            QCoreApplication.translate(
                "MainWindow", "Scenario “{name}” is set. Press Send (Ctrl+Enter) to see what Salesforce answers."
            ).format(name=title)
        )

    def _failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.window, QCoreApplication.translate("MainWindow", "Practice org"), message)

    def fill_scenarios_menu(self) -> None:
        """Practice → Scenario: every scenario, the current one checked."""
        from PySide6.QtGui import QAction

        from sfjwt_gui.practice.scenarios import SCENARIOS

        window, lang = self.window, self.window.state.lang()
        window.scenarios_menu.clear()
        for old in window.scenario_group.actions():
            window.scenario_group.removeAction(old)
        current = self.practice.scenario if self.practice is not None else None
        for name, scenario in SCENARIOS.items():
            act = QAction(scenario.title_in(lang), window.scenarios_menu)
            act.setObjectName(f"act_scenario_{name}")
            act.setCheckable(True)
            act.setChecked(name == current)
            act.setToolTip(scenario.story_in(lang))
            act.setStatusTip(act.toolTip())
            act.triggered.connect(lambda _checked=False, n=name: self.set_scenario(n))
            window.scenario_group.addAction(act)
            window.scenarios_menu.addAction(act)

    def update_label(self) -> None:
        """The status bar names the practice org and the scenario it answers with."""
        window = self.window
        server = window.state.practice
        if server is None:
            window.practice_label.setText("")
            return
        scenario = server.scenario.title_in(window.state.lang())
        text = QCoreApplication.translate("MainWindow", "Practice org: {url} — scenario {name}").format(
            url=server.url, name=scenario
        )
        window.practice_label.setText(text)
        window.practice_label.setToolTip(text)
