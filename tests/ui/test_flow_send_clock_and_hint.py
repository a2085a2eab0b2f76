"""Send page: the server's clock offset comes with its uncertainty, and the "healthy org first" hint shows only while
the healthy scenario answers."""

from __future__ import annotations

import re
import time
from typing import Any

import jwt as pyjwt

from sfjwt_gui.practice.scenarios import SCENARIOS
from sfjwt_gui.ui.pages.send_page import SendPage
from sfjwt_gui.ui.state import Field
from sfjwt_gui.ui.worker import wait_for_all


def _page(qtbot: Any, session: Any) -> SendPage:
    page = SendPage(session)
    qtbot.addWidget(page)
    page.show()
    return page


def test_clock_offset_shows_its_uncertainty(qtbot: Any, session: Any, practice_server: Any, rsa_key: Any) -> None:
    practice_server.faults.clock_offset = 120.0  # the practice org's clock runs two minutes ahead
    page = _page(qtbot, session)
    page.restamp.setChecked(False)
    session.endpoint = practice_server.url
    session.trust = "bundle"
    session.ca_file = str(practice_server.ca_file)
    claims = {"iss": practice_server.consumer_key, "sub": practice_server.username, "aud": practice_server.url}
    session.token = pyjwt.encode({**claims, "exp": int(time.time()) + 180}, rsa_key, algorithm="RS256")
    with qtbot.waitSignal(page.exchange_finished, timeout=30_000) as blocker:
        assert page.send()
    result = blocker.args[0]
    wait_for_all()
    assert result.clock_offset is not None
    assert result.clock_uncertainty is not None
    match = re.search(r"clock offset ([+-][0-9.]+) ± ([0-9.]+) s", page.clock.text())
    assert match, page.clock.text()
    assert float(match.group(1)) == round(result.clock_offset, 1)
    assert abs(float(match.group(1)) - 120.0) <= float(match.group(2)) + 1.0
    assert float(match.group(2)) == round(result.clock_uncertainty, 1)
    assert 0 < float(match.group(2)) < 5


def test_healthy_hint_only_while_healthy(qtbot: Any, session: Any, practice_server: Any) -> None:
    page = _page(qtbot, session)
    session.practice = practice_server
    assert page.practice_box.isVisible()
    assert page.practice_hint.isVisible()
    assert "healthy" in page.practice_hint.text()

    practice_server.set_scenario("user-not-approved")
    session.touch(Field.PRACTICE)  # what the practice controller emits after a scenario switch
    assert page.scenario_story.text() == SCENARIOS["user-not-approved"].story_in("en")
    assert not page.practice_hint.isVisible()

    practice_server.set_scenario("healthy")
    session.touch(Field.PRACTICE)
    assert page.practice_hint.isVisible()


def test_started_in_a_failing_scenario_has_no_healthy_hint(qtbot: Any, session: Any) -> None:
    from sfjwt_gui.practice import PracticeServer

    page = _page(qtbot, session)
    with PracticeServer(scenario="user-not-approved") as server:
        session.practice = server
        assert page.practice_box.isVisible()
        assert page.scenario.currentData() == "user-not-approved"
        assert not page.practice_hint.isVisible()
        session.practice = None


def test_window_started_in_a_failing_scenario_hides_the_hint_until_healthy(qtbot: Any, main_window: Any) -> None:
    """`sfjwt-gui --practice --scenario user-not-approved`: no "healthy org first" advice for a scenario that fails."""
    main_window.start_practice("user-not-approved")
    qtbot.waitUntil(lambda: main_window.state.practice is not None, timeout=30_000)
    send = main_window.page("send")
    server = main_window.state.practice
    qtbot.waitUntil(lambda: server.scenario.name == "user-not-approved", timeout=10_000)
    main_window.show_step("send")
    assert send.practice_box.isVisible()
    assert send.scenario.currentData() == "user-not-approved"
    assert not send.practice_hint.isVisible()

    main_window.set_scenario("healthy")
    qtbot.waitUntil(lambda: server.scenario.name == "healthy" and send.practice_hint.isVisible(), timeout=10_000)
    assert send.scenario.currentData() == "healthy"


def test_window_started_healthy_shows_the_hint(qtbot: Any, main_window: Any) -> None:
    main_window.start_practice()
    qtbot.waitUntil(lambda: main_window.state.practice is not None, timeout=30_000)
    send = main_window.show_step("send")
    assert main_window.state.practice.scenario.name == "healthy"
    assert send.practice_hint.isVisible()
