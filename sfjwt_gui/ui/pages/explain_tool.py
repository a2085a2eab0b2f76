"""Explain tool: paste a token-endpoint response body or a log line → the diagnosis (meaning, causes, fixes)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.core.errors import SfjwtError
from sfjwt_gui.ui.session import Session
from sfjwt_gui.ui.widgets.ctrl_enter import CtrlEnterFilter
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine


def _text(value: Any) -> str:
    """Text of a catalogue value that may be a plain string or an object with a text/title/url."""
    if isinstance(value, str):
        return value
    for attribute in ("text", "title", "label", "cause", "url"):
        inner = getattr(value, attribute, None)
        if isinstance(inner, str):
            return inner
    if isinstance(value, dict):
        return " — ".join(str(v) for v in value.values())
    return str(value)


class InterimDiagnosisView(QTextBrowser):
    """A plain rendering of a Diagnosis, used only while the shared DiagnosisView is unavailable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interimDiagnosisView")
        self.setOpenExternalLinks(True)

    def show_diagnosis(self, diagnosis: Any) -> None:
        """Render title, meaning, causes, fixes, sources and the raw body."""
        parts = [f"<h2>{html.escape(diagnosis.title)}</h2>", f"<p>{html.escape(diagnosis.meaning)}</p>"]
        causes = [
            f"<li>{html.escape(_text(getattr(c, 'cause', c)))} <i>({html.escape(str(getattr(c, 'status', '')))})</i>"
            + (f"<br><small>{html.escape(str(c.evidence))}</small>" if getattr(c, "evidence", "") else "")
            + "</li>"
            for c in diagnosis.causes
        ]
        if causes:
            parts.append("<h3>{}</h3><ul>{}</ul>".format(html.escape(self.tr("Possible causes")), "".join(causes)))
        if diagnosis.fixes:
            fixes = "".join(f"<li>{html.escape(_text(f))}</li>" for f in diagnosis.fixes)
            parts.append("<h3>{}</h3><ol>{}</ol>".format(html.escape(self.tr("How to fix it")), fixes))
        if diagnosis.sources:
            sources = "".join(f"<li>{html.escape(_text(s))}</li>" for s in diagnosis.sources)
            parts.append("<h3>{}</h3><ul>{}</ul>".format(html.escape(self.tr("Sources")), sources))
        if diagnosis.raw_body:
            parts.append(f"<pre>{html.escape(str(diagnosis.raw_body))}</pre>")
        self.setHtml("".join(parts))


def make_diagnosis_view(parent: QWidget) -> QWidget:
    """The shared DiagnosisView (UI-SHELL), or the interim view if it is not importable."""
    try:
        from sfjwt_gui.ui.widgets.diagnosis_view import DiagnosisView
    except ImportError:
        return InterimDiagnosisView(parent)
    view: QWidget = DiagnosisView(parent)
    return view


class ExplainToolPage(QWidget):
    """Explain an error (tool "explain")."""

    step_id = "explain"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("explainToolPage")
        self.diagnosis: Any = None
        self._title = QLabel(self)
        self.input_edit = QPlainTextEdit(self)
        self.input_edit.setObjectName("explainInput")
        self.input_edit.setTabChangesFocus(True)
        self.input_edit.setMaximumHeight(120)
        self.explain_button = QPushButton(self)
        self.explain_button.setObjectName("explainButton")
        self.explain_button.clicked.connect(self.explain)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("explainClear")
        self.clear_button.clicked.connect(self.clear)
        self.status = StatusLine(self)
        self.status.setObjectName("explainStatus")
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("explainEmpty")
        self.empty_label.setWordWrap(True)
        self.view = make_diagnosis_view(self)
        self.view.setObjectName("explainDiagnosisView")
        self.view.setVisible(False)

        buttons = QVBoxLayout()
        buttons.addWidget(self.explain_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.input_edit, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        layout.addStretch(1)  # keeps the input at the top while there is no explanation
        self._layout = layout
        CtrlEnterFilter(self.input_edit, self.explain)
        session.changed.connect(self._session_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self._title.setText("<h2>{}</h2>".format(self.tr("Explain an error")))
        self.input_edit.setPlaceholderText(
            self.tr(
                'Paste the token endpoint\'s response, e.g. {"error":"invalid_grant","error_description":"audience '
                'is invalid"}, or a log line that contains it.'
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
                "Paste what Salesforce answered (or the line your tool logged) and press Explain: you get what it "
                "means, the likely causes and the fix."
            )
        )
        self.view.setAccessibleName(self.tr("Explanation of the error"))
        if self.diagnosis is not None:
            self.explain()  # the explanation follows the language

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _lang(self) -> str:
        return "ja" if str(self.session.get("language") or "en").startswith("ja") else "en"

    def _session_changed(self, field: str) -> None:
        if field == "language" and self.diagnosis is not None:
            self.explain()

    def _show_view(self, shown: bool) -> None:
        self.view.setVisible(shown)
        self.empty_label.setVisible(not shown)
        self._layout.setStretch(self._layout.count() - 1, 0 if shown else 1)

    def set_text(self, text: str) -> None:
        """Put text in the box and explain it."""
        self.input_edit.setPlainText(text)
        self.explain()

    def clear(self) -> None:
        """Empty the box and the explanation."""
        self.input_edit.clear()
        self.diagnosis = None
        self._show_view(False)
        self.status.show_message(Kind.INFO, "")

    def explain(self) -> None:
        """Explain the pasted text with core ``explain_text`` (pure parsing: fast)."""
        text = self.input_edit.toPlainText()
        if not text.strip():
            self.status.show_message(
                Kind.ERROR,
                self.tr("Nothing to explain: the box is empty."),
                self.tr("Paste the response body or the log line."),
            )
            return
        from sfjwt_gui.core.diagnosis import explain_text

        try:
            diagnosis = explain_text(text, lang=self._lang())
        except SfjwtError as exc:
            self.status.show_error(exc)
            return
        self.diagnosis = diagnosis
        self.status.show_message(Kind.INFO, "")
        self.view.show_diagnosis(diagnosis)  # type: ignore[attr-defined]
        self._show_view(True)
