"""The org inspector in the real window against the HTTPS practice org: "Check in the org" on the Diagnosis page
turns the scenario's broken setting into a cause confirmed from the org (practice mode hands over the admin token);
with a token that may not read Setup (this session's own JWT token) every check says it could not check."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from ui_flow import send_and_wait, start_practice

from sfjwt_gui.core.evidence import Status
from sfjwt_gui.ui.main_window import MainWindow
from sfjwt_gui.ui.org_access import Source, default_access


def _check_in_org(qtbot: Any, window: MainWindow, bar: Any) -> Any:
    with qtbot.waitSignal(bar.finished, timeout=30_000) as blocker:
        qtbot.mouseClick(bar.run_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_check_in_the_org_confirms_the_broken_setting(
    qtbot: Any, main_window: MainWindow, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    start_practice(qtbot, main_window, "user-not-approved")
    result = send_and_wait(qtbot, main_window)
    assert not result.ok
    page = main_window.page("diagnosis")
    assert main_window.current_step() == "diagnosis"
    before = {c.id: c for c in page.view.diagnosis.causes}
    assert before["self-authorize-policy"].checked_in == "request"
    access = default_access(main_window.state)  # practice mode handed over the admin token, nothing chosen
    assert access is not None
    assert access.source is Source.PRACTICE
    assert "practice org admin token" in page.org_row.access.text()

    answers = _check_in_org(qtbot, main_window, page.org_row.bar)
    assert answers.inspection.check("app_permitted_users").status == "problem"
    after = {c.id: c for c in page.view.diagnosis.causes}
    confirmed = after["self-authorize-policy"]
    assert confirmed.status is Status.CONFIRMED
    assert confirmed.checked_in == "org"
    assert confirmed.record, "the record that decided it is shown"
    assert any(c.status is Status.RULED_OUT and c.checked_in == "org" for c in after.values())
    body = page.view.body.toPlainText()
    assert "confirmed from the org" in body
    assert "ruled out from the org" in body
    assert page.view.diagnosis.causes[0].id == "self-authorize-policy"  # confirmed causes first
    # the shared diagnosis is untouched: a language switch re-applies the answers in Japanese
    assert main_window.state.diagnosis is not None
    assert all(c.checked_in == "request" for c in main_window.state.diagnosis.causes)
    main_window.switch_language("ja")
    try:
        qtbot.waitUntil(lambda: "組織で確認済み" in page.view.body.toPlainText(), timeout=10_000)
    finally:
        main_window.switch_language("en")
    # the Org inspector page shows the same answers
    inspector = main_window.show_step("org")
    assert inspector.view.status_of("check", "app_permitted_users") == "problem"
    assert inspector.view.body.isVisible()
    assert not inspector.view.empty.isVisible()
    assert "app_permitted_users" in inspector.view.report_json()
    # the admin token never reaches settings or profiles
    server = main_window.state.practice
    main_window.save_profile("after-org-check")
    main_window.save_settings()
    written = [Path(main_window.settings.fileName()), *Path(os.environ["SFJWT_CONFIG_DIR"]).rglob("*.json")]
    assert len(written) >= 2
    for path in written:
        assert server.admin_access_token not in path.read_text(encoding="utf-8")
    assert server.admin_access_token not in caplog.text  # nor any log line
    assert server.admin_access_token.split("!")[1] not in caplog.text


def test_session_token_without_setup_rights_could_not_check_everything(qtbot: Any, main_window: MainWindow) -> None:
    start_practice(qtbot, main_window)
    assert send_and_wait(qtbot, main_window).ok
    page = main_window.show_step("org")
    assert page.view.empty.isVisible()  # empty state before any inspection
    box = page.access_box
    box.source.setCurrentIndex(box.source.findData(Source.SESSION.value))
    access = main_window.state.org_access
    assert access is not None
    assert access.source is Source.SESSION
    answers = _check_in_org(qtbot, main_window, page.bar)
    statuses = {c.id: str(c.status) for c in answers.inspection.checks}
    assert statuses
    assert set(statuses.values()) == {"could_not_check"}, statuses
    assert all(page.view.status_of("check", c) == "could_not_check" for c in statuses)
    assert all(c.needs for c in answers.inspection.checks)
    assert "could not check" in page.view.tree.topLevelItem(0).child(0).text(0)
    first = main_window.state.org_access.connection.access_token
    assert send_and_wait(qtbot, main_window).ok  # a new token: the session source follows it
    assert main_window.state.org_access.source is Source.SESSION
    assert main_window.state.org_access.connection.access_token != first
    box.source.setCurrentIndex(box.source.findData(Source.PASTED.value))
    assert box.current_source() is Source.PASTED  # stays on screen while the token is not pasted yet
    assert main_window.state.org_access.source is Source.SESSION  # and the connection in use is unchanged
    assert "this session's token" in main_window.page("diagnosis").org_row.access.text()


def test_pasted_token_is_masked_and_validated(qtbot: Any, main_window: MainWindow) -> None:
    page = main_window.show_step("org")
    box = page.access_box
    box.source.setCurrentIndex(box.source.findData(Source.PASTED.value))
    assert box.token.echoMode() == box.token.EchoMode.Password
    box.url.setText("http://not-https.example.com")
    box.token.setText("00D000000000001!AQsecretsecretsecret")
    box.use_pasted.click()
    assert main_window.state.org_access is None
    assert "https://" in box.paste_message.plain_text()
    box.url.setText("https://acme.my.salesforce.com/")
    box.use_pasted.click()
    access = main_window.state.org_access
    assert access is not None
    assert access.source is Source.PASTED
    assert access.label == "acme.my.salesforce.com"
    assert "secretsecret" not in repr(access)


def test_salesforce_cli_org_as_admin_connection(
    qtbot: Any, main_window: MainWindow, tmp_path: Path, monkeypatch: Any
) -> None:
    from fake_sf import ORG_LIST, fake_sf

    server = start_practice(qtbot, main_window, "not-admin-approved")
    token = {"status": 0, "result": {"accessToken": server.admin_access_token, "instanceUrl": server.url}}
    fake_sf(tmp_path, {"org list": ORG_LIST, "org auth show-access-token": token})
    monkeypatch.setenv("PATH", str(tmp_path) + os.pathsep + os.environ.get("PATH", ""))
    page = main_window.show_step("org")
    box = page.access_box
    box.source.setCurrentIndex(box.source.findData(Source.SF_CLI.value))
    qtbot.waitUntil(lambda: box.sf_org.count() == 2, timeout=20_000)
    box.sf_org.setCurrentIndex(box.sf_org.findData("admin"))
    box.sf_org.activated.emit(box.sf_org.currentIndex())
    access = main_window.state.org_access
    assert access is not None
    assert access.source is Source.SF_CLI
    assert access.connection is None  # only the alias is kept; sf gives the token when the inspection runs
    answers = _check_in_org(qtbot, main_window, page.bar)
    assert answers.inspection.check("app_user_access").status == "problem"
    assert page.view.status_of("check", "app_user_access") == "problem"
    practices = {p.id: str(p.status) for p in answers.inspection.practices}
    assert set(practices.values()) <= {"pass", "warn", "could_not_check"}
    assert page.view.status_of("practice", "least_privilege") in ("pass", "warn")


def test_cancel_stops_a_slow_inspection(qtbot: Any, main_window: MainWindow) -> None:
    server = start_practice(qtbot, main_window)
    page = main_window.show_step("org")
    server.faults.latency = 1.0  # every answer of the practice org takes a second
    qtbot.mouseClick(page.bar.run_button, Qt.MouseButton.LeftButton)
    assert page.bar.running
    assert page.bar.cancel_button.isVisible()
    assert not page.bar.run_button.isEnabled()
    qtbot.mouseClick(page.bar.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.bar.running, timeout=10_000)
    assert "cancelled" in page.bar.status.plain_text()
    assert main_window.state.org_inspection is None
    assert page.view.empty.isVisible()  # still the empty state
    assert page.bar.run_button.isEnabled()
    server.faults.latency = 0.0


def test_without_an_admin_connection_the_chooser_opens(qtbot: Any, main_window: MainWindow) -> None:
    s = main_window.state
    s.consumer_key, s.username = "3MVG9abc", "int@acme.com"
    page = main_window.show_step("diagnosis")
    assert "none chosen yet" in page.org_row.access.text()
    page.org_row.bar.run_button.click()
    dialog = page.org_row.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert "Choose an admin connection" in page.org_row.bar.status.plain_text()
    box = dialog.box
    assert not box.source.model().item(0).isEnabled()  # no practice org running
    assert not box.source.model().item(1).isEnabled()  # no token in this session yet
    assert box.current_source() is Source.PASTED
    shots = Path(os.environ.get("SFJWT_SHOTS_DIR") or os.environ["SFJWT_CONFIG_DIR"])
    Path(shots).mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(Path(shots) / "en-org-access-dialog.png"))  # for a human look
    dialog.reject()


def test_practices_see_the_windows_profiles(qtbot: Any, main_window: MainWindow) -> None:
    start_practice(qtbot, main_window)
    assert send_and_wait(qtbot, main_window).ok
    main_window.save_profile("nightly")  # two profiles signing with the same key: the checklist warns
    main_window.save_profile("ad-hoc")
    page = main_window.show_step("org")
    answers = _check_in_org(qtbot, main_window, page.bar)
    reuse = next(p for p in answers.inspection.practices if p.id == "key_reuse")
    assert str(reuse.status) == "warn"
    assert reuse.record["profiles"] == ["ad-hoc", "nightly"]
    assert page.view.status_of("practice", "key_reuse") == "warn"
    lifetime = next(p for p in answers.inspection.practices if p.id == "assertion_lifetime")
    assert str(lifetime.status) == "pass"  # the lifetime of the claims sent reached the checklist


def test_answers_from_an_earlier_practice_scenario_say_so(qtbot: Any, main_window: MainWindow) -> None:
    """The practice org answered in one scenario; after a switch its answers are history until inspected again."""
    start_practice(qtbot, main_window, "user-not-approved")
    inspector = main_window.show_step("org")
    _check_in_org(qtbot, main_window, inspector.bar)
    assert not inspector.stale.isVisible()
    main_window.set_scenario("healthy")
    qtbot.waitUntil(lambda: main_window.state.practice.scenario.name == "healthy", timeout=10_000)
    main_window.tick()  # the window's 1-second clock
    assert inspector.stale.isVisible()
    from sfjwt_gui.practice.scenarios import SCENARIOS

    then, now = SCENARIOS["user-not-approved"].title_in("en"), SCENARIOS["healthy"].title_in("en")
    assert f"“{then}”" in inspector.stale.message  # the titles the Practice menu shows, not internal names
    assert f"“{now}”" in inspector.stale.message
    assert "inspect again" in inspector.stale.message
    assert inspector.view.status_of("check", "app_permitted_users") == "problem"  # kept, but marked
    _check_in_org(qtbot, main_window, inspector.bar)
    assert not inspector.stale.isVisible()
    assert inspector.view.status_of("check", "app_permitted_users") == "ok"
