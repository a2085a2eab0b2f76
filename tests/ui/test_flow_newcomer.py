"""The newcomer's path from issue 6's Done-when, through the real window and the practice org: a token first, then
"user hasn't approved this consumer" reproduced from the Send page's own scenario list and explained on Diagnosis
(with what the practice org set up); a new scenario never leaves the previous answer showing as current."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from sfjwt_gui.practice.scenarios import SCENARIOS
from sfjwt_gui.ui.main_window import MainWindow


def _send(qtbot: Any, window: MainWindow) -> Any:
    page = window.page("send")
    with qtbot.waitSignal(page.exchange_finished, timeout=30_000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return blocker.args[0]


def _pick_on_send_page(qtbot: Any, window: MainWindow, name: str) -> None:
    """Choose a scenario in the Send page's combo box, as a person would (activated = a user's choice)."""
    page = window.page("send")
    index = page.scenario.findData(name)
    assert index >= 0, name
    page.scenario.setCurrentIndex(index)
    page.scenario.activated.emit(index)
    server = window.state.practice
    qtbot.waitUntil(lambda: server.scenario.name == name and window.step_state("send") == "none", timeout=10_000)


def test_token_then_user_not_approved_explained(qtbot: Any, main_window: MainWindow) -> None:
    window = main_window
    window.start_practice()
    qtbot.waitUntil(lambda: window.state.practice is not None, timeout=30_000)
    qtbot.waitUntil(lambda: window.current_step() == "send", timeout=5000)
    send = window.page("send")
    assert send.practice_box.isVisible()  # the scenarios are offered right where the newcomer lands
    assert "Ctrl+Enter" in send.status.text()  # and the next move is named before anything was sent
    assert "scenario" in send.practice_hint.text()

    assert _send(qtbot, window).ok
    assert send.card.isVisible()
    assert window.step_state("send") == "ok"

    _pick_on_send_page(qtbot, window, "user-not-approved")
    # the success of the healthy org is no longer current: card hidden, steps reset, the next move is named
    assert not send.card.isVisible()
    assert not send.transcript.toPlainText()
    assert window.step_state("diagnosis") == "none"
    title_en = SCENARIOS["user-not-approved"].title_in("en")
    assert title_en in send.status.text()
    assert "Ctrl+Enter" in send.status.text()

    result = _send(qtbot, window)
    assert not result.ok
    assert result.error_description == "user hasn't approved this consumer"
    qtbot.waitUntil(lambda: window.current_step() == "diagnosis", timeout=5000)
    assert window.step_state("send") == "failed"
    assert window.step_state("diagnosis") == "failed"
    assert "failed" in window._items["send"].toolTip()
    diagnosis_page = window.page("diagnosis")
    note: QLabel = diagnosis_page.practice_note
    assert note.isVisible()
    assert title_en in note.text()
    assert "Admin approved users are pre-authorized" in note.text()  # the fix, in the practice org's own words
    assert diagnosis_page.findChild(QLabel, "diagnosis_title").text()
    # the note belongs to the answer shown, not to whatever scenario is picked next
    _pick_on_send_page(qtbot, window, "healthy")
    assert title_en in note.text()


def test_starting_in_wrong_audience_fails_and_the_cause_is_confirmed(qtbot: Any, main_window: MainWindow) -> None:
    window = main_window
    window.start_practice("wrong-audience")
    qtbot.waitUntil(lambda: window.state.practice is not None, timeout=30_000)
    server = window.state.practice
    assert window.state.audience == server.audience
    result = _send(qtbot, window)
    assert not result.ok, "the practice org must refuse the login-URL aud in wrong-audience"
    assert result.error_description == "audience is invalid"
    diagnosis = window.state.diagnosis
    statuses = [str(c.status) for c in diagnosis.causes]
    assert "confirmed" in statuses, [(c.cause, str(c.status), c.evidence) for c in diagnosis.causes]
    note = window.page("diagnosis").practice_note
    assert SCENARIOS["wrong-audience"].title_in("en") in note.text()


def test_send_to_a_stopped_practice_org_marks_send_failed(qtbot: Any, main_window: MainWindow) -> None:
    window = main_window
    window.start_practice()
    qtbot.waitUntil(lambda: window.state.practice is not None, timeout=30_000)
    window.stop_practice()  # the connection still points at it, and at its CA file, which went with it
    send = window.page("send")
    assert send.send()
    qtbot.waitUntil(lambda: not send.busy, timeout=30_000)
    # core's flow refuses before sending: the CA bundle cannot be read (a coded error, shown in the window's language)
    assert window.state.send_error is not None
    assert getattr(window.state.send_error, "code", "")
    assert window.step_state("send") == "failed"
    assert window.step_state("diagnosis") == "none"
    assert send.status.property("state") == "failed"
    assert str(window.state.ca_file) in send.status.text()
    assert not send.card.isVisible()
    assert not window.page("diagnosis").practice_note.isVisible()  # no practice org answered


def test_success_card_in_japanese_masks_the_token_in_japanese(qtbot: Any, main_window: MainWindow) -> None:
    window = main_window
    window.start_practice()
    qtbot.waitUntil(lambda: window.state.practice is not None, timeout=30_000)
    assert _send(qtbot, window).ok
    send = window.page("send")
    assert "chars" in send.access_token.text()
    window.switch_language("ja")
    try:
        qtbot.waitUntil(lambda: "文字" in send.access_token.text(), timeout=5000)
        assert "アクセストークン" in send.status.text()
    finally:
        window.switch_language("en")
    qtbot.waitUntil(lambda: "chars" in send.access_token.text(), timeout=5000)
