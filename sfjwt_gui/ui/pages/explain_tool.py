"""Explain tool: paste (or drop) a token-endpoint response body or a log line → the diagnosis (meaning, causes,
fixes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sfjwt_gui.core.errors import SfjwtError
from sfjwt_gui.ui.state import AppState, Field, listens
from sfjwt_gui.ui.widgets.diagnosis_view import DiagnosisView
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget
from sfjwt_gui.ui.widgets.paste_box import DropTarget, PasteBox, read_dropped_text
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine
from sfjwt_gui.ui.worker import start


class ExplainToolPage(TranslatedWidget):
    """Explain an error (tool "explain")."""

    step_id = "explain"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("explainToolPage")
        self.diagnosis: Any = None
        self._error: BaseException | None = None  # the error shown, rendered in the window's language
        self._title = QLabel(self)
        paste = PasteBox(self, "explain", self.explain, self.clear, max_height=120)
        self.input_edit = paste.input_edit
        self.explain_button = paste.action_button
        self.clear_button = paste.clear_button
        self.status = StatusLine(self)
        self.status.setObjectName("explainStatus")
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("explainEmpty")
        self.empty_label.setWordWrap(True)
        self.view = DiagnosisView(self)
        self.view.setObjectName("explainDiagnosisView")
        self.view.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addLayout(paste.row)
        layout.addWidget(self.status)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        layout.addStretch(1)  # keeps the input at the top while there is no explanation
        self._layout = layout
        # Like Decode: explaining is pure parsing (fast), so a paste is explained at once (debounced while typing).
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self._explain_typed)
        self.input_edit.textChanged.connect(self._timer.start)
        DropTarget(self, self.open_dropped_file, self.set_text)
        state.changed.connect(self._on_state_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self._title.setText("<h2>{}</h2>".format(self.tr("Explain an error")))
        self.input_edit.setPlaceholderText(
            self.tr(
                'Paste the token endpoint\'s response, e.g. {"error":"invalid_grant","error_description":"audience '
                'is invalid"}, or a log line that contains it — or drop the log file or the saved response here.'
            )
        )
        self.input_edit.setAccessibleName(self.tr("Response body or log line to explain"))
        self.explain_button.setText(self.tr("&Explain"))
        self.explain_button.setAccessibleName(self.tr("Explain the pasted error"))
        self.explain_button.setToolTip(self.tr("Explain (Ctrl+Enter in the text box)."))
        self.clear_button.setText(self.tr("C&lear"))
        self.clear_button.setAccessibleName(self.tr("Clear the pasted text and the explanation"))
        self.empty_label.setText(
            self.tr(
                "Paste what Salesforce answered (or the line your tool logged), or drop the log file: it is explained "
                "at once — what it means, the likely causes and the fix."
            )
        )
        self.view.setAccessibleName(self.tr("Explanation of the error"))
        self._rewrite()

    @listens(Field.LANGUAGE)
    def _on_state_changed(self, field: str) -> None:
        if field == "language":
            self._rewrite()

    def _rewrite(self) -> None:
        """The explanation shown, written in the window's language from what was already found: a language switch
        never explains the text again."""
        lang = self.state.lang()
        if self.diagnosis is not None and self.diagnosis.lang != lang:
            self.diagnosis = self.diagnosis.in_language(lang)
            self.view.show_diagnosis(self.diagnosis)
        if self._error is not None:
            self.status.show_error(self._error, lang)

    def _show_view(self, shown: bool) -> None:
        self.view.setVisible(shown)
        self.empty_label.setVisible(not shown)
        self._layout.setStretch(self._layout.count() - 1, 0 if shown else 1)

    def set_text(self, text: str) -> None:
        """Put text in the box and explain it."""
        self.input_edit.setPlainText(text)
        self.explain()

    def open_dropped_file(self, path: Path) -> None:
        """Read a dropped log file or response body (background) and explain it."""
        start(
            self,
            read_dropped_text,
            Path(path),
            on_done=self.set_text,
            on_error=lambda exc: self.status.show_error(exc, self.state.lang()),
        )

    def clear(self) -> None:
        """Empty the box and the explanation."""
        self.input_edit.clear()
        self._timer.stop()
        self.diagnosis = self._error = None
        self._show_view(False)
        self.status.show_message(Kind.INFO, "")

    def _explain_typed(self) -> None:
        """The text changed: explain it (an emptied box clears the explanation quietly)."""
        if self.input_edit.toPlainText().strip():
            self.explain()
        elif self.diagnosis is not None or self.view.isVisible():
            self.diagnosis = self._error = None
            self._show_view(False)
            self.status.show_message(Kind.INFO, "")

    def explain(self) -> None:
        """Explain the pasted text with core ``explain_text`` (pure parsing: fast)."""
        self._timer.stop()
        text = self.input_edit.toPlainText()
        if not text.strip():
            self._error = None
            self.status.show_message(
                Kind.ERROR,
                self.tr("Nothing to explain: the box is empty."),
                self.tr("Paste the response body or the log line."),
            )
            return
        from sfjwt_gui.core.diagnosis import explain_text

        try:
            diagnosis = explain_text(text, lang=self.state.lang())
        except SfjwtError as exc:
            self._error = exc
            self.status.show_error(exc, self.state.lang())
            return
        self._error = None
        self.diagnosis = diagnosis
        self.status.show_message(Kind.INFO, "")
        self.view.show_diagnosis(diagnosis)
        self._show_view(True)
