"""Step 6, Diagnosis: why the last exchange ended as it did, and what to do about it.

The diagnosis is computed in the background with the exchange (``core.diagnosis.diagnose``); switching language
writes the same diagnosis in the new language (``Diagnosis.in_language``): nothing is decoded, linted or diagnosed
again. The explanation (rich text, findings, raw body) is rendered while the page is on screen, else once when it is
next shown (``ui.pacing``): a send answered while the user looks at the Send page costs this page nothing on the GUI
thread, and it never shows an older diagnosis than the state's.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from sfjwt_gui.ui.pacing import RenderWhenShown
from sfjwt_gui.ui.state import AppState, Field, listens
from sfjwt_gui.ui.widgets.diagnosis_view import DiagnosisView
from sfjwt_gui.ui.widgets.org_diagnosis_row import OrgDiagnosisRow
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget, named, page_title, text_label


class DiagnosisPage(TranslatedWidget):
    """The explanation of the last outcome."""

    step_id = "diagnosis"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.heading = page_title(self)
        self.view = named(DiagnosisView(self), "diagnosis_view")
        self.practice_note = text_label(self, "practice_note")
        self.practice_note.setTextFormat(Qt.TextFormat.RichText)
        self.practice_note.setFrameShape(QFrame.Shape.StyledPanel)
        self.practice_note.setMargin(6)
        self.practice_note.setVisible(False)
        self._scenario: Any = None  # the practice scenario that gave the answer shown
        self.org_row = named(OrgDiagnosisRow(state, self), "org_row")  # "Check in the org"
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.practice_note)
        layout.addWidget(self.org_row)
        layout.addWidget(self.view, 1)
        self.refresh_view = RenderWhenShown(self, self._render)
        state.changed.connect(self._on_state_changed)
        self._remember_scenario()
        self.retranslate_ui()
        self._render()

    def shown_diagnosis(self) -> Any:
        """The diagnosis with the org's answers when the org was asked about this very result."""
        from sfjwt_gui.ui.org_access import with_org_answers

        answers, diagnosis = self.state.org_inspection, self.state.diagnosis
        if answers is None or diagnosis is None or answers.result is not self.state.result:
            return diagnosis
        return with_org_answers(diagnosis, answers.inspection, str(getattr(diagnosis, "lang", self.state.lang())))

    def shutdown(self) -> None:
        """Cancel a running org check (the window is closing)."""
        self.org_row.shutdown()

    @listens(Field.DIAGNOSIS, Field.LANGUAGE, Field.ORG_INSPECTION)
    def _on_state_changed(self, field: str) -> None:
        if field in ("diagnosis", "org_inspection"):
            self._remember_scenario()
            self.refresh_view.request()
        elif field == "language":
            self.refresh_view.request()
            self._explain_again()

    def _render(self) -> None:
        """Show the state's diagnosis and the practice scenario behind it."""
        self.view.show_diagnosis(self.shown_diagnosis())
        self._show_practice_note()

    def _remember_scenario(self) -> None:
        """Which practice scenario answered (the Send page records it): the practice org knows what it broke, a
        real org never says."""
        self._scenario = self.state.result_scenario if self.state.result is not None else None

    def _show_practice_note(self) -> None:
        scenario = self._scenario
        self.practice_note.setVisible(scenario is not None)
        if scenario is None:
            self.practice_note.clear()
            return
        lang = self.state.lang()
        self.practice_note.setText(
            "<b>"
            + html.escape(self.tr("Practice org, scenario “{name}”.").format(name=scenario.title_in(lang)))
            + "</b> "
            + html.escape(self.tr("What was set up this way, and how to fix it in a real org:"))
            + " "
            + html.escape(scenario.story_in(lang))
        )

    def _explain_again(self) -> None:
        """The diagnosis shown, written in the window's language from the verdicts already reached."""
        diagnosis = self.state.diagnosis
        if diagnosis is None:
            return
        lang = self.state.lang()
        flow = self.state.flow
        if flow is not None and flow.exchange is self.state.result and lang in flow.diagnoses:
            self.state.diagnosis = flow.diagnosis(lang)
        elif getattr(diagnosis, "lang", lang) != lang:
            self.state.diagnosis = diagnosis.in_language(lang)

    def showEvent(self, event: QShowEvent) -> None:
        """Coming on screen: draw what changed while the page was hidden, before it is painted."""
        self.refresh_view.flush()
        super().showEvent(event)

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.heading.setText(self.tr("Diagnosis"))
        self.view.setAccessibleName(self.tr("Diagnosis of the last request"))
        self.practice_note.setAccessibleName(self.tr("What the practice scenario set up"))
        self._show_practice_note()
