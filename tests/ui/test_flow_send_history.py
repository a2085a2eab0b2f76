"""Issue 10 on the Send page, against the real practice org: the transcript pretty-prints JSON bodies (raw one click
away), this session's exchanges are kept across a scenario change, choosing one shows its transcript and diagnosis,
and a JWT-based access token gets its note on the success card."""

from __future__ import annotations

import json
from typing import Any

from ui_flow import send_and_wait, start_practice

from sfjwt_gui.ui.main_window import MainWindow

TIMEOUT = 30_000


def test_history_survives_a_scenario_change_and_shows_each_exchange(qtbot: Any, main_window: MainWindow) -> None:
    start_practice(qtbot, main_window, "user-not-approved")
    send = main_window.page("send")
    refused = send_and_wait(qtbot, main_window)
    assert not refused.ok
    panel = send.transcript_box
    pretty = send.transcript.toPlainText()
    body = refused.transcript.attempts[-1].response_body
    assert json.dumps(json.loads(body), indent=2, ensure_ascii=False).splitlines()[1] in pretty  # indented JSON
    panel.raw.click()  # the raw bytes, one click away
    assert body in send.transcript.toPlainText()
    panel.raw.click()

    main_window.set_scenario("healthy")
    qtbot.waitUntil(lambda: main_window.state.practice.scenario.name == "healthy", timeout=TIMEOUT)
    assert len(panel.history) == 1
    assert panel.history_list.count() == 1
    granted = send_and_wait(qtbot, main_window)
    assert granted.ok
    assert panel.history_list.count() == 2
    labels = [panel.history_list.item(i).text() for i in range(2)]
    assert "granted" in labels[0]
    assert "healthy" in labels[0]
    assert "user-not-approved" in labels[1]
    assert (refused.error or "") in labels[1]

    first = panel.history.get(1)
    assert panel.choose(1)  # the older, refused exchange: its own transcript and diagnosis
    assert send.transcript.toPlainText() == first.transcript.to_text(pretty=True)
    assert "Diagnosis:" in panel.diagnosis_line.text()
    assert panel.choose(2)
    assert "access token" in panel.diagnosis_line.text()


def test_jwt_access_token_note_on_the_success_card(qtbot: Any, main_window: MainWindow) -> None:
    start_practice(qtbot, main_window, "jwt-access-token")
    result = send_and_wait(qtbot, main_window)
    send = main_window.page("send")
    assert result.ok
    note = result.token.format_note("en")
    assert note
    assert send.format_note.text() == note
    assert send.format_note.isVisibleTo(send)
