"""Step 6, Diagnosis: why the last exchange ended as it did, and what to do about it.

The diagnosis is computed in the background with the exchange (``core.diagnosis.diagnose``) in the language the
window had then; switching language re-explains the same result in the new language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sfjwt_gui.ui.session import Session
from sfjwt_gui.ui.widgets.diagnosis_view import DiagnosisView
from sfjwt_gui.ui.worker import run_in_background


def _rediagnose(result: Any, kwargs: dict[str, Any]) -> Any:
    from sfjwt_gui.core.diagnosis import diagnose

    return diagnose(result, **kwargs)


class DiagnosisPage(QWidget):
    """The explanation of the last outcome."""

    step_id = "diagnosis"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.heading = QLabel(self)
        self.heading.setObjectName("page_title")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.view = DiagnosisView(self)
        self.view.setObjectName("diagnosis_view")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        self._job: Any = None
        session.changed.connect(self._on_session_changed)
        self.retranslate_ui()
        self.view.show_diagnosis(session.get("diagnosis"))

    def _on_session_changed(self, field: str) -> None:
        if field == "diagnosis":
            self.view.show_diagnosis(self.session.get("diagnosis"))
        elif field == "language":
            self._explain_again()

    def _explain_again(self) -> None:
        result = self.session.get("result")
        if result is None or self._job is not None:
            return
        kwargs = {
            "assertion": self.session.get("token"),
            "endpoint": self.session.get("endpoint"),
            "uploaded_certificate": self.session.get("uploaded_certificate"),
            "private_key": self.session.get("private_key"),
            "lang": self.session.get("language") or "en",
        }
        self._job = run_in_background(_rediagnose, result, kwargs)
        self._job.signals.finished.connect(self._on_rediagnosed)
        self._job.signals.failed.connect(self._on_rediagnose_failed)

    def _on_rediagnosed(self, diagnosis: Any) -> None:
        self._job = None
        self.session.set("diagnosis", diagnosis)

    def _on_rediagnose_failed(self, _exc: BaseException) -> None:
        self._job = None

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.heading.setText(self.tr("Diagnosis"))
        self.view.setAccessibleName(self.tr("Diagnosis of the last request"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
