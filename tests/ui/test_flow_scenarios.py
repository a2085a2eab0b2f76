"""Every practice scenario, driven through the real window, ends on the Diagnosis page with the right title; a
double-click sends once; closing the window during a slow request is safe."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from sfjwt_gui.practice.scenarios import SCENARIOS
from sfjwt_gui.ui.main_window import MainWindow

# the catalogue entry each scenario must be explained by (independent of how the diagnosis picks it)
EXPECTED_ENTRY = {
    "user-not-approved": "user-not-approved",
    "not-admin-approved": "not-admin-approved",
    "wrong-audience": "audience-invalid",
    "certificate-mismatch": "invalid-assertion",
    "expired-assertion": "assertion-expired",
    "unknown-client": "client-id-invalid",
    "eca-not-installed": "app-not-found",
    "inactive-user": "inactive-user",
    "ip-restricted": "ip-restricted",
    "rate-limited": "rate-limited",
    "maintenance": "maintenance-page",
    "connected-app-not-installed": "app-not-installed",
    "api-access-control": "not-admin-approved",
}


def test_every_failing_scenario_is_covered() -> None:
    assert set(EXPECTED_ENTRY) == set(SCENARIOS) - {"healthy", "jwt-access-token"}  # those two succeed


def _raw_title(entry_id: str, lang: str) -> str:
    from sfjwt_gui.core.resources import resource_path

    data = json.loads(resource_path("errors", "catalogue.json").read_text(encoding="utf-8"))
    entry = next(e for e in data["entries"] if e["id"] == entry_id)
    return str(entry["title"][lang])


@pytest.fixture
def practice_window(qtbot: Any, main_window: MainWindow) -> MainWindow:
    """The window with practice mode started (key generated, certificate uploaded, connection filled)."""
    main_window.act_practice_start.trigger()
    qtbot.waitUntil(lambda: main_window.state.practice is not None, timeout=30_000)
    return main_window


def _send(qtbot: Any, window: MainWindow) -> Any:
    page = window.page("send")
    with qtbot.waitSignal(page.exchange_finished, timeout=30_000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return blocker.args[0]


def _switch(qtbot: Any, window: MainWindow, name: str) -> None:
    server = window.state.practice
    window.set_scenario(name)
    qtbot.waitUntil(lambda: server.scenario.name == name, timeout=10_000)


def test_each_scenario_ends_on_the_diagnosis_page_with_the_right_title(qtbot: Any, practice_window: MainWindow) -> None:
    window = practice_window
    title: QLabel = window.page("diagnosis").findChild(QLabel, "diagnosis_title")
    for name, entry_id in EXPECTED_ENTRY.items():
        _switch(qtbot, window, name)
        window.show_step("connection")
        result = _send(qtbot, window)
        scenario = SCENARIOS[name]
        assert not result.ok, name
        assert result.status == scenario.expected_status, (name, result.transcript.to_text())
        if scenario.expected_description:
            assert result.error_description == scenario.expected_description, name
        qtbot.waitUntil(lambda: window.current_step() == "diagnosis", timeout=5000)
        assert title.text() == _raw_title(entry_id, "en"), name
        assert window.step_state("diagnosis") == "failed"
        assert window.step_state("send") == "failed"
    # back to healthy: success, and the send step turns ok
    _switch(qtbot, window, "healthy")
    assert _send(qtbot, window).ok
    assert window.step_state("send") == "ok"


def test_diagnosis_is_explained_again_in_japanese(qtbot: Any, practice_window: MainWindow) -> None:
    window = practice_window
    _switch(qtbot, window, "user-not-approved")
    _send(qtbot, window)
    title: QLabel = window.page("diagnosis").findChild(QLabel, "diagnosis_title")
    assert title.text() == _raw_title("user-not-approved", "en")
    window.switch_language("ja")
    try:
        qtbot.waitUntil(lambda: title.text() == _raw_title("user-not-approved", "ja"), timeout=10_000)
    finally:
        window.switch_language("en")
    qtbot.waitUntil(lambda: title.text() == _raw_title("user-not-approved", "en"), timeout=10_000)


def test_double_click_on_send_sends_once(qtbot: Any, practice_window: MainWindow) -> None:
    window = practice_window
    server = window.state.practice
    requests: list[str] = []
    server._log = requests.append  # the server reports one line per request it answers
    page = window.show_step("send")
    with qtbot.waitSignal(page.exchange_finished, timeout=30_000):
        qtbot.mouseDClick(page.send_button, Qt.MouseButton.LeftButton)
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # and a stray Ctrl+Enter
    qtbot.wait(300)  # a second request, if one had been started, would have been answered by now
    token_requests = [line for line in requests if "oauth2/token" in line]
    assert len(token_requests) == 1, requests
    assert page.sent_count == 1
    assert server.logins == 1


def test_closing_the_window_during_a_slow_request_is_safe(qtbot: Any, practice_window: MainWindow) -> None:
    window = practice_window
    server = window.state.practice
    server.faults.latency = 5.0
    page = window.show_step("send")
    assert page.send()
    qtbot.waitUntil(lambda: page.busy, timeout=2000)
    window.close()  # cancels the request, stops the practice org
    from sfjwt_gui.ui.worker import wait_for_all

    assert wait_for_all(10_000)
    assert window.state.practice is None
    assert page.job is None or page.job.cancel_token.cancelled
    qtbot.wait(100)  # late signals (if any) reach a closed window without errors


def test_cancel_stops_a_slow_request_and_the_window_stays_usable(qtbot: Any, practice_window: MainWindow) -> None:
    window = practice_window
    server = window.state.practice
    server.faults.latency = 5.0
    page = window.show_step("send")
    assert page.send()
    qtbot.waitUntil(lambda: page.busy and page.progress.isVisible(), timeout=2000)
    assert not page.send_button.isEnabled()
    with qtbot.waitSignal(page.exchange_finished, timeout=4000) as blocker:
        page.cancel_button.click()
    assert str(blocker.args[0].outcome) == "cancelled"
    assert window.step_state("send") == "warning"
    assert page.send_button.isEnabled()
    assert not page.progress.isVisible()
    server.faults.latency = 0.0
    assert _send(qtbot, window).ok


def test_closing_while_the_practice_org_starts_leaves_no_server_running(qtbot: Any, main_window: MainWindow) -> None:
    main_window.act_practice_start.trigger()
    controller = main_window.practice
    assert controller.starting
    main_window.close()
    from sfjwt_gui.ui.worker import wait_for_all

    assert wait_for_all(30_000)
    qtbot.waitUntil(lambda: not controller.starting, timeout=5000)
    assert controller.server is None
    assert main_window.state.practice is None
