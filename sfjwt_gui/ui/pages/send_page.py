"""Step 5, Send: POST the assertion in the background, show the transcript, the clock and the result.

Send is guarded: while a request is in flight a second click (or Ctrl+Enter) does nothing, so a double-click sends
once. Cancel aborts the request; closing the window cancels it too. On success a card shows what Salesforce returned,
with the access token masked (reveal / copy) and a "Test API access" button.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.core.policy import skew_is_warning
from sfjwt_gui.ui import theme
from sfjwt_gui.ui.errors import render_error
from sfjwt_gui.ui.pacing import in_turns, later
from sfjwt_gui.ui.pages.send_publish import publish_answer, publish_sent
from sfjwt_gui.ui.practice_mode import practice_org_kind
from sfjwt_gui.ui.state import AppState, Field, listens
from sfjwt_gui.ui.widgets.exchange_history import TranscriptPanel
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget, named, page_title, text_label
from sfjwt_gui.ui.widgets.practice_box import PracticeBox
from sfjwt_gui.ui.worker import start

if TYPE_CHECKING:
    from sfjwt_gui.core.exchange import ExchangeResult
    from sfjwt_gui.core.flow import FlowResult, SendSettings
    from sfjwt_gui.core.retry import CancelToken

log = logging.getLogger(__name__)


def _check_api(token: Any, options: Any, cancel: Any = None) -> Any:
    from sfjwt_gui.core.exchange import check_api

    return check_api(token, options, cancel)


class SendPage(TranslatedWidget):
    """Send the assertion and see what came back."""

    step_id = "send"
    exchange_finished = Signal(object)  # core.exchange.ExchangeResult
    scenario_requested = Signal(str)  # a practice scenario picked on this page
    api_checked = Signal(object)  # core.exchange.ApiCheck

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.job: Any = None
        self.api_job: Any = None
        self.sent_count = 0
        self.result: Any = None
        self.api_check: Any = None
        self.options: Any = None
        self._status_is_hint = False
        self._sent_scenario: Any = None
        self._sent_key: Any = None  # the key the flow in flight signs with
        self._delivering = False  # the answer is in and being shown, one event-loop turn per part
        self._cancel: CancelToken | None = None  # the send in flight (from the click to the answer fully shown)

        self.title = page_title(self)
        self.target = text_label(self, "send_target", selectable=True)

        self.send_button = named(QPushButton(self), "send_button")
        self.send_button.setDefault(True)
        self.cancel_button = named(QPushButton(self), "cancel_button")
        self.cancel_button.setEnabled(False)
        self.restamp = named(QCheckBox(self), "restamp_before_send")
        self.restamp.setChecked(state.restamp_on_send)
        self.restamp.toggled.connect(self._restamp_toggled)
        self.progress = named(QProgressBar(self), "send_progress")
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(220)
        row = QHBoxLayout()
        row.addWidget(self.send_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress)
        row.addWidget(self.restamp)
        row.addStretch(1)

        self.status = text_label(self, "send_status")
        self.clock = text_label(self, "clock", selectable=True)

        self.card = named(QGroupBox(self), "success_card")
        card_form = QFormLayout(self.card)
        self.card_labels = {n: QLabel(self) for n in ("instance", "org", "user", "scope", "token")}
        self.instance_url = named(QLabel(self), "instance_url")
        self.org_id = named(QLabel(self), "org_id")
        self.user_id = named(QLabel(self), "user_id")
        self.scope = named(QLabel(self), "scope")
        for label in (self.instance_url, self.org_id, self.user_id, self.scope):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.access_token = named(QLineEdit(self), "access_token")
        self.access_token.setReadOnly(True)
        self.reveal = named(QPushButton(self), "reveal_token")
        self.reveal.setCheckable(True)
        self.copy_access = named(QPushButton(self), "copy_access_token")
        token_row = QHBoxLayout()
        token_row.addWidget(self.access_token, 1)
        token_row.addWidget(self.reveal)
        token_row.addWidget(self.copy_access)
        self.test_api = named(QPushButton(self), "test_api")
        self.api_result = text_label(self, "api_result", selectable=True)
        api_row = QHBoxLayout()
        api_row.addWidget(self.test_api)
        api_row.addWidget(self.api_result, 1)
        card_form.addRow(self.card_labels["instance"], self.instance_url)
        card_form.addRow(self.card_labels["org"], self.org_id)
        card_form.addRow(self.card_labels["user"], self.user_id)
        card_form.addRow(self.card_labels["scope"], self.scope)
        card_form.addRow(self.card_labels["token"], token_row)
        card_form.addRow(api_row)
        self.format_note = text_label(self, "token_format_note", selectable=True)
        card_form.addRow(self.format_note)
        self.card.setVisible(False)

        self.practice_box = PracticeBox(self)  # the scenarios, right where a newcomer lands
        self.scenario = self.practice_box.scenario
        self.scenario_story = self.practice_box.scenario_story
        self.practice_hint = self.practice_box.practice_hint
        self.practice_box.scenario_requested.connect(self.scenario_requested)

        self.transcript_box = TranscriptPanel(self)  # this session's exchanges and the chosen one's transcript
        self.transcript = self.transcript_box.transcript

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.target)
        layout.addWidget(self.practice_box)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.clock)
        layout.addWidget(self.card)
        layout.addWidget(self.transcript_box, 1)

        self.send_button.clicked.connect(self.send)
        self.cancel_button.clicked.connect(self.cancel)
        self.reveal.toggled.connect(self._show_access_token)
        self.copy_access.clicked.connect(self._copy_access_token)
        self.test_api.clicked.connect(self.start_api_check)
        state.changed.connect(self._on_state_changed)
        self.retranslate_ui()

    # ------------------------------------------------------------------ sending

    @property
    def busy(self) -> bool:
        """True while a token request is in flight."""
        return self._cancel is not None

    def _flow_call(self, settings: SendSettings, cancel: CancelToken) -> Callable[[], FlowResult] | None:
        """The core flow to run for this send: re-stamp + sign + send + diagnose when re-stamping (the claims sent
        come back in the result and are written to the state), else send the token as it is."""
        from sfjwt_gui.core import flow
        from sfjwt_gui.core.claims import Claims
        from sfjwt_gui.core.jwt_codec import decode

        claims, key, token = self.state.claims, self.state.private_key, self.state.token
        self._sent_key = key
        if self.state.restamp_on_send and claims is not None and key is not None:
            return partial(flow.sign_send_diagnose, claims, key, settings, restamp=True, cancel=cancel)
        if not token:
            return None
        sent = claims if claims is not None else Claims.from_payload(decode(token).payload)
        return partial(flow.send_and_diagnose, token, settings, claims=sent, key=key, cancel=cancel)

    def send(self) -> bool:
        """Send the assertion in the background; returns False when nothing was sent (busy or nothing to send)."""
        if self.busy:
            return False
        from sfjwt_gui.core.connection import is_gov_cloud
        from sfjwt_gui.core.errors import SfjwtError
        from sfjwt_gui.core.exchange import ExchangeOptions, Trust
        from sfjwt_gui.core.flow import SendSettings
        from sfjwt_gui.core.retry import CancelToken

        endpoint = self.state.endpoint or ""
        cancel = CancelToken()
        try:
            options = ExchangeOptions(trust=Trust(self.state.trust or "certifi"), ca_bundle=self.state.ca_file)
            org_kind = practice_org_kind(self.state, endpoint)
            settings = SendSettings.for_endpoint(
                endpoint,
                options,
                uploaded_certificate=self.state.uploaded_certificate,
                org_kind=org_kind,
                gov_cloud=is_gov_cloud(self.state.preset),
            )
            call = self._flow_call(settings, cancel)
        except SfjwtError as exc:
            self.state.send_error = exc
            self._set_status("failed", render_error(exc, self.state.lang()))
            return False
        if call is None:
            self._set_status(
                "failed", self.tr("There is no signed JWT to send: add a key and fill the connection first.")
            )
            return False
        practice = self.state.practice
        self._sent_scenario = practice.scenario if practice is not None and org_kind is not None else None
        self._cancel = cancel
        self.sent_count += 1
        self._busy(True)
        self._set_status("none", self.tr("Sending to {url}…").format(url=settings.token_url))
        log.info("sending the assertion to %s", settings.token_url)
        # the click's feedback is painted first; the flow starts a moment later, so its thread (and an in-process
        # practice org's) does not contend for the GIL with that frame
        later(self, lambda: self._launch(call))
        return True

    def _launch(self, call: Callable[[], FlowResult]) -> None:
        # the last answer's card stays where it is, greyed, until the new answer replaces or hides it: hiding it
        # here and showing it again would lay out and repaint the whole page twice per send
        self.card.setEnabled(False)
        self.job = start(self, call, on_done=self._on_finished, on_error=self._on_failed)
        self.job.cancel_token = self._cancel

    def cancel(self) -> None:
        """Abort the request in flight (one cancelled before its flow started returns at once, as cancelled)."""
        if self.busy and not self._delivering and self._cancel is not None:
            self._cancel.cancel()
            self._set_status("warning", self.tr("Cancelling…"))

    def shutdown(self) -> None:
        """The window is closing: cancel work in flight (its results are dropped with the page)."""
        for cancel in (self._cancel, self.api_job.cancel_token if self.api_job is not None else None):
            if cancel is not None:
                cancel.cancel()

    def _busy(self, busy: bool) -> None:
        self.send_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)

    def _on_failed(self, exc: BaseException) -> None:
        """The flow stopped before sending (a coded core error: key, claims, CA bundle) or crashed."""
        self.job = self._cancel = None
        self._busy(False)
        self.card.setVisible(False)
        self.card.setEnabled(True)
        self.state.send_error = exc
        self._set_status(
            "failed",
            self.tr("The request could not be made: {error}").format(error=render_error(exc, self.state.lang())),
        )

    def _on_finished(self, flow: FlowResult) -> None:
        """The answer is in (on the GUI thread). It is filed in the history, shown here, then written to the state
        (``send_publish``), one event-loop turn each, so no single slot takes a frame (issue 9). ``busy`` stays True
        until the last turn: a second Send cannot start in between."""
        self.job = None
        self._delivering = True
        result, self.options = flow.exchange, flow.settings.options
        scenario = getattr(self._sent_scenario, "name", None)
        in_turns(
            self,
            lambda: self.transcript_box.add(result, flow.diagnoses, str(scenario) if scenario else None),
            lambda: self.show_result(result),
            lambda: publish_sent(self.state, flow, self._sent_key),
            lambda: publish_answer(self.state, flow, self._sent_scenario),
            lambda: self._end_send(result),
        )

    def _end_send(self, result: ExchangeResult) -> None:
        self._delivering = False
        self._cancel = None
        self._busy(False)
        self.exchange_finished.emit(result)

    def show_result(self, result: Any) -> None:
        """Show the transcript, the clock and either the success card or a failure line."""
        self.result = result
        chosen = self.transcript_box.chosen()
        if chosen is None or chosen.result is not result:
            self.transcript.setPlainText(result.transcript.to_text(pretty=not self.transcript_box.raw.isChecked()))
        self._show_clock(result)
        self.card.setEnabled(True)
        self.card.setVisible(result.ok and result.token is not None)
        if result.ok and result.token is not None:
            token = result.token
            self.instance_url.setText(token.instance_url)
            self.org_id.setText(token.org_id or "")
            self.user_id.setText(token.user_id or "")
            self.scope.setText(token.scope or "")
            self.reveal.setChecked(False)
            self._show_access_token(False)
            self.api_result.clear()
            self.api_check = None
            note = token.format_note(self.state.lang())  # a JWT-based access token: what it is
            self.format_note.setText(note or "")
            self.format_note.setVisible(bool(note))
            self._set_status("ok", self.tr("Salesforce issued an access token."))
        elif str(result.outcome) == "cancelled":
            self._set_status("warning", self.tr("Cancelled: nothing more will be sent."))
        else:
            lang = self.state.lang()
            what = result.error_description or result.network_detail_in(lang) or result.error or str(result.outcome)
            status = f"HTTP {result.status}: " if result.status else ""
            self._set_status("failed", self.tr("Refused: {what}. See the Diagnosis page.").format(what=status + what))

    def _show_clock(self, result: Any) -> None:
        if result.server_date is None:
            self.clock.setText(self.tr("No server time (no answer with a Date header)."))
            return
        offset = result.clock_offset
        text = self.tr("Server time: {date}").format(date=result.server_date)
        if offset is not None:
            uncertainty = getattr(result, "clock_uncertainty", None)
            if uncertainty is not None:
                text += " · " + self.tr("clock offset {offset} ± {uncertainty} s (server minus this machine)").format(
                    offset=f"{offset:+.1f}", uncertainty=f"{uncertainty:.1f}"
                )
            else:
                text += " · " + self.tr("clock offset {offset} s (server minus this machine)").format(
                    offset=f"{offset:+.1f}"
                )
            state = "warning" if skew_is_warning(offset) else "ok"
            theme.set_state_colour(self.clock, state)
        self.clock.setText(text)

    # ------------------------------------------------------------------ success card

    def _show_access_token(self, reveal: bool) -> None:
        token = self.result.token if self.result is not None else None
        if token is None:
            self.access_token.clear()
            return
        lang = self.state.lang()
        self.access_token.setText(token.access_token if reveal else token.masked_token_in(lang))
        self.reveal.setText(self.tr("Hide") if reveal else self.tr("Reveal"))

    def _copy_access_token(self) -> None:
        token = self.result.token if self.result is not None else None
        if token is not None:
            QGuiApplication.clipboard().setText(token.access_token)
            self._set_status("ok", self.tr("Access token copied. It is a password: paste it only where it belongs."))

    def start_api_check(self) -> bool:
        """GET the identity URL and the API versions with the token (background)."""
        token = self.result.token if self.result is not None else None
        if token is None or self.api_job is not None:
            return False
        self.api_job = start(
            self, _check_api, token, self.options, on_done=self._on_api_checked, on_error=self._on_api_failed
        )
        self.test_api.setEnabled(False)
        self.api_result.setText(self.tr("Calling the API…"))
        return True

    def _on_api_checked(self, check: Any) -> None:
        self.api_job = None
        self.test_api.setEnabled(True)
        self.api_check = check
        self._show_api(check)
        self.transcript_box.show_extra(check.transcript.to_text(pretty=True))
        self.api_checked.emit(check)

    def _show_api(self, check: Any) -> None:
        if check.ok:
            versions = ", ".join(check.api_versions[-3:])
            self.api_result.setText(
                self.tr("Works: logged in as {user}; API versions … {versions}").format(
                    user=check.username, versions=versions
                )
            )
            theme.set_state_colour(self.api_result, "ok")
        else:
            error = check.error_in(self.state.lang())
            self.api_result.setText(self.tr("The API call failed: {error}").format(error=error))
            theme.set_state_colour(self.api_result, "failed")

    def _on_api_failed(self, exc: BaseException) -> None:
        self.api_job = None
        self.test_api.setEnabled(True)
        self.api_result.setText(
            self.tr("The API call failed: {error}").format(error=render_error(exc, self.state.lang()))
        )

    # ------------------------------------------------------------------ misc

    def _set_status(self, state: str, text: str) -> None:
        self._status_is_hint = False
        self.status.setText(text)
        theme.set_state_colour(self.status, state)
        self.status.setProperty("state", state)

    def _update_target(self) -> None:
        endpoint = self.state.endpoint
        if not endpoint:
            self.target.setText(self.tr("No endpoint yet: fill the Connection page."))
            return
        from sfjwt_gui.core.connection import token_url
        from sfjwt_gui.core.errors import SfjwtError

        try:
            url = token_url(endpoint)
        except SfjwtError as exc:
            self.target.setText(render_error(exc, self.state.lang()))
            return
        trust = self.state.trust or "certifi"
        ca = self.state.ca_file
        trust_text = self.tr("trusting {ca}").format(ca=ca) if ca else self.tr("trust: {trust}").format(trust=trust)
        self.target.setText(f"POST {url} · {trust_text}")

    def _restamp_toggled(self, on: bool) -> None:
        self.state.restamp_on_send = on

    @listens(Field.ENDPOINT, Field.CA_FILE, Field.TRUST, Field.PRACTICE, Field.RESTAMP_ON_SEND)
    def _on_state_changed(self, field: str) -> None:
        if field == Field.PRACTICE:
            self._update_practice_box()
        elif field == Field.RESTAMP_ON_SEND:
            self.restamp.setChecked(self.state.restamp_on_send)
        else:
            self._update_target()

    def _update_practice_box(self) -> None:
        """Show the practice org's scenarios right here, so a newcomer finds them without the menu."""
        server = self.state.practice
        self.practice_box.show_server(server, self.state.lang())
        if server is None:
            return
        if self.result is None and not self.busy and (not self.status.text() or self._status_is_hint):
            self._set_status("none", self.tr("All filled in for the practice org: press Send (Ctrl+Enter)."))
            self._status_is_hint = True

    def mark_stale(self, text: str) -> None:
        """The last answer no longer applies (the practice scenario changed): hide it and say what to do next."""
        if self.busy:
            return
        self.result = None
        self.api_check = None
        self.card.setVisible(False)
        self.clock.clear()
        theme.set_state_colour(self.clock, "none")
        self.transcript_box.hide_answer()  # the history of this session's exchanges stays
        self._set_status("none", text)

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.title.setText(self.tr("Send"))
        self.send_button.setText(self.tr("Send (Ctrl+Enter)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.restamp.setText(self.tr("Move iat/exp to now before sending"))
        self.card.setTitle(self.tr("Access granted"))
        self.card_labels["instance"].setText(self.tr("Instance URL:"))
        self.card_labels["org"].setText(self.tr("Org id:"))
        self.card_labels["user"].setText(self.tr("User id:"))
        self.card_labels["scope"].setText(self.tr("Scope:"))
        self.card_labels["token"].setText(self.tr("Access token:"))
        self.reveal.setText(self.tr("Hide") if self.reveal.isChecked() else self.tr("Reveal"))
        self.copy_access.setText(self.tr("Copy"))
        self.test_api.setText(self.tr("Test API access"))
        self.transcript_box.retranslate(self.state.lang())
        self.practice_box.retranslate()
        self._update_practice_box()
        for widget, name in (
            (self.send_button, self.tr("Send the token request")),
            (self.cancel_button, self.tr("Cancel the request")),
            (self.restamp, self.tr("Move iat and exp to now before sending")),
            (self.progress, self.tr("Request in progress")),
            (self.access_token, self.tr("Access token")),
            (self.reveal, self.tr("Reveal or hide the access token")),
            (self.copy_access, self.tr("Copy the access token")),
            (self.test_api, self.tr("Test API access")),
        ):
            widget.setAccessibleName(name)
        self._update_target()
        if self.result is not None and not self.busy:
            check = self.api_check
            self.show_result(self.result)
            if check is not None:
                self.api_check = check
                self._show_api(check)
