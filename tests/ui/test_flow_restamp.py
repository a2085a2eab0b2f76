"""The claims sent are one value: Send's re-stamp is written back, so the form, the raw JSON, the signed token, the
step list and the lint all show what was sent; relative times age by themselves while the window is shown."""

from __future__ import annotations

import json
import time
from typing import Any

from PySide6.QtWidgets import QLabel, QPlainTextEdit
from ui_flow import send_and_wait, start_practice

from sfjwt_gui.core.jwt_codec import decode
from sfjwt_gui.ui.main_window import MainWindow


def test_restamped_claims_are_what_every_view_shows(qtbot: Any, main_window: MainWindow) -> None:
    start_practice(qtbot, main_window)
    claims_page = main_window.page("claims")
    before = main_window.state.claims
    before.exp -= 600  # as if the form had been filled ten minutes ago: exp has passed
    before.iat -= 600
    main_window.state.claims = None
    main_window.state.claims = before
    assert main_window.step_state("claims") == "failed"  # exp-in-past, on the value the page shows

    for _ in range(2):
        assert send_and_wait(qtbot, main_window).ok
    sent = decode(main_window.state.token).payload
    state_claims = main_window.state.claims
    assert sent["exp"] == state_claims.exp > time.time()
    raw = json.loads(claims_page.findChild(QPlainTextEdit, "raw_json").toPlainText())
    assert raw["exp"] == sent["exp"]
    assert raw["iat"] == sent["iat"]
    assert claims_page.lifetime.value() == sent["exp"] - sent["iat"]
    assert main_window.step_state("send") == "ok"
    assert main_window.step_state("claims") != "failed"  # no earlier step contradicts the success
    assert not [f for f in claims_page.findings.findings if f.rule == "exp-in-past"]


def test_relative_times_and_findings_age_with_the_clock(qtbot: Any, main_window: MainWindow) -> None:
    start_practice(qtbot, main_window)
    page = main_window.show_step("claims")
    exp_label: QLabel = page.findChild(QLabel, "exp_time")
    exp = main_window.state.claims.exp
    qtbot.waitUntil(lambda: "in " in exp_label.text(), timeout=3000)
    page.refresh_times(exp + 40)  # what the 1-second timer does, 40 s after exp
    assert "40 s ago" in exp_label.text()
    assert any(f.rule == "exp-in-past" for f in page.findings.findings)
    main_window._refresh_steps(["claims"], exp + 40)
    assert main_window.step_state("claims") == "failed"


def test_the_clock_does_nothing_while_the_window_is_hidden(qtbot: Any, main_window: MainWindow) -> None:
    calls: list[float] = []
    page = main_window.show_step("claims")
    page.refresh_times = calls.append
    main_window.tick()
    assert len(calls) == 1
    main_window.hide()
    main_window.tick()
    assert len(calls) == 1
