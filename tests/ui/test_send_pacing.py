"""Issue 9's stall budget without timing anything: the answer of a send is applied in event-loop turns, pages that
are not on screen render when shown, and nothing shows stale data on the way (ui.pacing)."""

from __future__ import annotations

import json
from typing import Any

import jwt as pyjwt
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget
from ui_flow import send_and_wait, start_practice

from sfjwt_gui.core.diagnosis import explain_error
from sfjwt_gui.ui.main_window import MainWindow
from sfjwt_gui.ui.pacing import RenderWhenShown, in_turns

TIMEOUT = 30_000


def test_in_turns_runs_the_first_step_now_and_the_others_later_in_order(qtbot: Any) -> None:
    owner = QObject()
    ran: list[int] = []
    in_turns(owner, lambda: ran.append(1), lambda: ran.append(2), lambda: ran.append(3))
    assert ran == [1]  # the caller's slot returns after the first step: the event loop runs before the second
    qtbot.waitUntil(lambda: len(ran) == 3, timeout=5000)
    assert ran == [1, 2, 3]


def test_in_turns_stops_when_its_owner_is_destroyed(qtbot: Any) -> None:
    owner = QWidget()
    ran: list[str] = []
    in_turns(owner, lambda: ran.append("first"), lambda: ran.append("second"))
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=5000)
    qtbot.wait(50)
    assert ran == ["first"]


def _alive(obj: QObject) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def test_a_hidden_view_renders_once_with_the_latest_values_when_shown(qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    value = ["a"]
    drawn: list[str] = []
    refresh = RenderWhenShown(widget, lambda: drawn.append(value[0]))
    refresh.request()
    value[0] = "b"
    refresh.request()
    assert drawn == []  # not on screen: nothing drawn for a value nobody sees
    refresh.flush()  # what the widget's showEvent does
    assert drawn == ["b"]  # once, with the value current then
    refresh.flush()
    assert drawn == ["b"]
    widget.show()
    qtbot.waitExposed(widget)
    refresh.request()
    assert drawn == ["b", "b"]  # on screen: drawn at once


def test_the_diagnosis_page_shows_the_latest_diagnosis_when_it_comes_on_screen(
    qtbot: Any, main_window: MainWindow
) -> None:
    page = main_window.show_step("diagnosis")
    title: QLabel = page.findChild(QLabel, "diagnosis_title")
    main_window.show_step("claims")
    assert not page.isVisible()
    first = explain_error("invalid_grant", "audience is invalid", lang="en")
    second = explain_error("invalid_client_id", "client identifier invalid", lang="en")
    assert first.title != second.title
    main_window.state.diagnosis = first
    main_window.state.diagnosis = second
    main_window.show_step("diagnosis")
    assert page.view.diagnosis is second  # before the first paint: no frame shows the older one
    assert title.text() == str(second.title)


def test_after_a_send_every_page_shows_what_was_sent_and_what_came_back(qtbot: Any, main_window: MainWindow) -> None:
    start_practice(qtbot, main_window)
    send = main_window.show_step("send")
    first = send_and_wait(qtbot, main_window)
    assert first.ok
    assert send.card.isVisible()
    assert send.card.isEnabled()

    events: list[tuple[bool, bool, bool]] = []
    send.exchange_finished.connect(
        lambda _r: events.append((send.busy, main_window.state.result is _r, send.card.isEnabled()))
    )
    main_window.state.practice.faults.latency = 1.0  # time to look at the page while the request is in flight
    assert send.send()
    assert send.busy
    assert not send.send()  # no second request while one is in flight
    qtbot.waitUntil(lambda: send.job is not None, timeout=5000)  # the flow starts a turn after the click
    assert send.card.isVisible()
    assert not send.card.isEnabled()  # the last answer stays in place, greyed
    qtbot.waitUntil(lambda: bool(events), timeout=TIMEOUT)
    assert events == [(False, True, True)]  # busy until the answer is fully applied, then announced once

    state = main_window.state
    flow = state.flow
    assert flow is not None
    assert state.result is flow.exchange
    assert flow.ok
    assert state.diagnosis is not None
    assert state.diagnosis.id == "success"
    assert state.claims == flow.claims
    assert state.token == flow.assertion
    assert send.transcript_box.chosen() is not None
    assert send.transcript_box.chosen().result is flow.exchange

    signed = main_window.show_step("token")  # rendered on coming on screen: the very token that was sent
    assert signed.token_view.decoded is not None
    assert signed.token_view.decoded.token == flow.assertion
    payload = pyjwt.decode(flow.assertion, options={"verify_signature": False})
    assert json.loads(signed.token_view.payload_edit.toPlainText()) == payload

    diagnosis = main_window.show_step("diagnosis")
    assert diagnosis.view.diagnosis is state.diagnosis
    assert main_window.step_state("claims") != "failed"
    assert main_window.step_state("send") == "ok"


def test_a_send_that_fails_before_sending_hides_the_last_card(qtbot: Any, main_window: MainWindow) -> None:
    start_practice(qtbot, main_window)
    send = main_window.show_step("send")
    assert send_and_wait(qtbot, main_window).ok
    main_window.stop_practice()  # its CA file goes with it: the next send stops before anything is sent
    assert send.send()
    qtbot.waitUntil(lambda: not send.busy, timeout=TIMEOUT)
    assert main_window.state.send_error is not None
    assert not send.card.isVisible()
    assert send.card.isEnabled()  # ready for the next success
