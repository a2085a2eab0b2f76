"""A button that inspects the org with the chosen admin connection, its Cancel, and a status line.

Used by the Diagnosis page ("Check in the org") and the Org inspector page ("Inspect"). The work runs through the
one worker helper (``worker.start``) with a cancel token; the answer is stored as ``AppState.org_inspection`` (tied
to the exchange result on screen), so both pages show it. A source that gives no token (``sf`` missing) is shown in
the status line through ``ui.errors``; it never hides the diagnosis.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from sfjwt_gui.core.retry import CancelToken
from sfjwt_gui.ui import org_access
from sfjwt_gui.ui.org_access import OrgInspection
from sfjwt_gui.ui.state import AppState
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget, named
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine
from sfjwt_gui.ui.worker import start

CHECK_IN_ORG = QT_TRANSLATE_NOOP("OrgCheckBar", "Check in the &org")
INSPECT = QT_TRANSLATE_NOOP("OrgCheckBar", "&Inspect the org")


class OrgCheckBar(TranslatedWidget):
    """Run one inspection at a time; ``needs_access`` asks the page to let the user choose a connection first."""

    finished = Signal(object)  # OrgInspection
    needs_access = Signal()

    def __init__(self, state: AppState, label: object = CHECK_IN_ORG, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._label = str(label)  # CHECK_IN_ORG or INSPECT, translated in retranslate_ui
        self.job: Any = None
        self._say: Callable[[], None] | None = None  # shows the current status again (in the new language)
        self.run_button = named(QPushButton(self), "org_check")
        self.cancel_button = named(QPushButton(self), "org_cancel")
        self.cancel_button.setVisible(False)
        self.status = named(StatusLine(self), "org_status")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.status, 1)
        row.addStretch(0)  # keeps the buttons their own size while the status line is hidden
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.retranslate_ui()

    @property
    def running(self) -> bool:
        """True while an inspection runs."""
        return self.job is not None

    def run(self) -> None:
        """Inspect the org for the claims on screen (no-op while one runs)."""
        if self.job is not None:
            return
        request = org_access.request_from(self.state)
        if request is None:
            self._show(
                lambda: self.status.show_message(
                    Kind.WARNING, self.tr("Fill the consumer key and the username first (Connection step).")
                )
            )
            return
        access = org_access.default_access(self.state)
        if access is None:
            self._show(lambda: self.status.show_message(Kind.INFO, self.tr("Choose an admin connection first.")))
            self.needs_access.emit()
            return
        self._show(
            lambda: self.status.show_message(
                Kind.INFO, self.tr("Reading the org at {where}…").format(where=access.label)
            )
        )
        self.run_button.setEnabled(False)
        self.cancel_button.setVisible(True)
        result, scenario = self.state.result, org_access.practice_scenario(self.state)
        self.job = start(
            self,
            org_access.inspect_job,
            access,
            request,
            cancel=CancelToken(),
            on_done=lambda inspection: self._on_done(OrgInspection(inspection, result, access.label, scenario)),
            on_error=self._on_error,
        )

    def cancel(self) -> None:
        """Stop the inspection between two requests."""
        if self.job is not None:
            self.job.cancel()

    def _finish(self) -> None:
        self.job = None
        self.run_button.setEnabled(True)
        self.cancel_button.setVisible(False)

    def _on_done(self, answers: OrgInspection) -> None:
        self._finish()
        inspection = answers.inspection
        if inspection.unreachable is not None:
            from sfjwt_gui.core.org.texts import text

            self._show(
                lambda: self.status.show_message(
                    Kind.ERROR, text("label.unreachable", self.state.lang(), detail=inspection.unreachable)
                )
            )
        else:
            self._show(
                lambda: self.status.show_message(
                    Kind.OK,
                    self.tr("The org answered ({count} requests to {where}).").format(
                        count=len(inspection.sent), where=answers.access_label
                    ),
                )
            )
        self.state.org_inspection = answers
        self.finished.emit(answers)

    def _on_error(self, exc: BaseException) -> None:
        self._finish()
        from sfjwt_gui.core.errors import CancelledError

        if isinstance(exc, CancelledError):
            self._show(lambda: self.status.show_message(Kind.WARNING, self.tr("Inspection cancelled.")))
            return
        self._show(lambda: self.status.show_error(exc, self.state.lang()))

    def clear_status(self) -> None:
        """Hide the status line."""
        self._say = None
        self.status.show_message(Kind.INFO, "")

    def _show(self, say: Callable[[], None]) -> None:
        """Show a status now and again after each language switch."""
        self._say = say
        say()

    def shutdown(self) -> None:
        """Cancel a running inspection (the page or window is closing)."""
        self.cancel()

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.run_button.setText(self.tr(self._label))
        self.run_button.setAccessibleName(self.run_button.text().replace("&", ""))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the inspection"))
        self.status.setAccessibleName(self.tr("Inspection status"))
        if self._say is not None:
            self._say()
