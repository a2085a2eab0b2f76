"""The Send page's practice-org box: pick a scenario right where a newcomer lands, read what it breaks.

Shown only while the practice org runs; choosing a scenario emits ``scenario_requested`` (the window switches it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sfjwt_gui.ui.widgets.page_parts import named, text_label

if TYPE_CHECKING:
    from sfjwt_gui.practice.server import PracticeServer


class PracticeBox(QGroupBox):
    """Scenario combo box, the scenario's story, and the "healthy org first" hint."""

    scenario_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practice_box")
        self.scenario = named(QComboBox(self), "practice_scenario")
        self.scenario_story = text_label(self, "scenario_story")
        self.scenario_label = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.scenario_label)
        row.addWidget(self.scenario, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.scenario_story)
        self.practice_hint = text_label(self, "practice_hint")
        hint_font = self.practice_hint.font()
        hint_font.setItalic(True)
        self.practice_hint.setFont(hint_font)
        layout.addWidget(self.practice_hint)
        self.setVisible(False)
        self.scenario.activated.connect(lambda index: self.scenario_requested.emit(str(self.scenario.itemData(index))))

    def retranslate(self) -> None:
        """Texts in the current language (the scenarios' own texts come from core, in ``show``)."""
        translate = QCoreApplication.translate
        self.setTitle(translate("SendPage", "Practice org"))
        self.scenario_label.setText(translate("SendPage", "Scenario:"))
        self.practice_hint.setText(
            translate(
                "SendPage",
                "Get a token with the healthy org first. Then pick a scenario that breaks one thing on purpose, "
                "press Send again and read the Diagnosis.",
            )
        )
        self.scenario.setAccessibleName(translate("SendPage", "Practice scenario"))

    def show_server(self, server: PracticeServer | None, lang: str) -> None:
        """Show the running org's scenarios (hidden without one)."""
        self.setVisible(server is not None)
        if server is None:
            return
        from sfjwt_gui.practice.scenarios import SCENARIOS

        current = server.scenario.name
        self.scenario.blockSignals(True)
        self.scenario.clear()
        for name, scenario in SCENARIOS.items():
            self.scenario.addItem(scenario.title_in(lang), name)
        self.scenario.setCurrentIndex(max(0, self.scenario.findData(current)))
        self.scenario.blockSignals(False)
        self.scenario_story.setText(server.scenario.story_in(lang))
        # "get a token with the healthy org first" only makes sense while the healthy org is the one answering
        self.practice_hint.setVisible(current == "healthy")
