"""Connection page: the Government Cloud preset (issue 12) fills My Domain + login/test aud, keeps Government Cloud
when a URL is edited, and the window's lint and its sign→send→diagnose path check the split as ``sfjwt token
--preset govcloud:…`` does. Every preset has a name in both languages; one without a name would show its value."""

from __future__ import annotations

from typing import Any

import pytest
from ui_flow import send_and_wait, start_practice

from sfjwt_gui.core.connection import Preset
from sfjwt_gui.ui.main_window import MainWindow
from sfjwt_gui.ui.steps import lint_claims


def _choose(qtbot: Any, window: MainWindow, preset: Preset) -> Any:
    page = window.show_step("connection")
    page.preset.setCurrentIndex(page.preset.findData(preset.value))
    return page


def test_gov_cloud_preset_fills_my_domain_and_login_aud(qtbot: Any, main_window: MainWindow) -> None:
    page = _choose(qtbot, main_window, Preset.GOVCLOUD)
    state = main_window.state
    assert state.preset == "govcloud"
    assert page.domain.isVisible()
    assert page.sandbox.isVisible()
    note = page.preset_note
    assert note.isVisible()
    assert "Government Cloud" in note.text()
    qtbot.keyClicks(page.domain, "acme")
    assert (state.endpoint, state.audience) == ("https://acme.my.salesforce.com", "https://login.salesforce.com")
    qtbot.keyClicks(page.sandbox, "uat")
    assert state.endpoint == "https://acme--uat.sandbox.my.salesforce.com"
    assert state.audience == "https://test.salesforce.com"
    assert page.validate()["audience"].state == "ok"
    page.domain.clear()
    qtbot.keyClicks(page.domain, "bad name!")
    assert page.messages["preset"].isVisible()
    assert "bad name!" in page.messages["preset"].text()  # the error names the bad value; the note stays
    assert note.isVisible()
    page.preset.setCurrentIndex(page.preset.findData(Preset.PRODUCTION.value))
    assert not note.isVisible()


def test_an_edited_aud_keeps_gov_cloud_and_the_lint_flags_it(qtbot: Any, main_window: MainWindow) -> None:
    page = _choose(qtbot, main_window, Preset.GOVCLOUD)
    qtbot.keyClicks(page.domain, "acme")
    page.audience.clear()
    qtbot.keyClicks(page.audience, "https://acme.my.salesforce.com")  # the Government Cloud mix-up
    state = main_window.state
    assert state.preset == "govcloud"
    assert page.preset.currentData() == "govcloud"
    qtbot.keyClicks(page.consumer_key, "3MVG9example")
    qtbot.keyClicks(page.username, "integration@acme.com")
    qtbot.waitUntil(lambda: state.claims is not None and state.claims.aud == "https://acme.my.salesforce.com")
    rules = {f.rule for f in lint_claims(state.claims, state)}
    assert "aud-gov-cloud" in rules
    page.preset.setCurrentIndex(page.preset.findData(Preset.MYDOMAIN.value))
    assert "aud-gov-cloud" not in {f.rule for f in lint_claims(state.claims, state)}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_preset_has_a_name(qtbot: Any, main_window: MainWindow, lang: str) -> None:
    main_window.switch_language(lang)
    try:
        page = main_window.show_step("connection")
        qtbot.waitUntil(lambda: page.title.text() == ("接続" if lang == "ja" else "Connection"))
        names = page.preset_names()
        assert set(names) == {p.value for p in Preset}
        shown = [page.preset.itemText(i) for i in range(page.preset.count())]
        assert [page.preset.itemData(i) for i in range(page.preset.count())] == [p.value for p in Preset]
        assert all(text and text not in {p.value for p in Preset} for text in shown), shown
        if lang == "ja":
            assert "Government Cloud(私のドメイン、aud は login/test)" in shown
    finally:
        main_window.switch_language("en")


def test_window_send_passes_gov_cloud_like_the_cli(qtbot: Any, main_window: MainWindow) -> None:
    """Practice mode with the org marked Government Cloud and a My Domain aud: the window's flow carries
    ``gov_cloud`` and the diagnosis of the real refusal lists rule aud-gov-cloud (what ``sfjwt token --gov-cloud``
    lists for the same request, tests/exchange/test_gov_cloud_send.py)."""
    start_practice(qtbot, main_window)
    state = main_window.state
    state.preset = Preset.GOVCLOUD.value
    state.audience = "https://acme.my.salesforce.com"
    qtbot.waitUntil(lambda: state.claims is not None and state.claims.aud == "https://acme.my.salesforce.com")
    result = send_and_wait(qtbot, main_window)
    assert not result.ok
    flow = state.flow
    assert flow is not None
    assert flow.settings.gov_cloud
    for lang in ("en", "ja"):
        assert "aud-gov-cloud" in {f.rule for f in flow.diagnosis(lang).findings}
    view = main_window.page("diagnosis").view
    qtbot.waitUntil(lambda: view.diagnosis is flow.diagnosis("en"))
    assert any(card.finding.rule == "aud-gov-cloud" for card in view.findings.cards())


def test_a_long_consumer_key_filled_in_shows_its_beginning(qtbot: Any, main_window: MainWindow) -> None:
    """A consumer key is ~85 characters: filled by practice mode or a profile, the box shows "3MVG9…", not its tail."""
    page = main_window.show_step("connection")
    key = "3MVG9" + "x" * 80 + "END"
    main_window.state.consumer_key = key
    assert page.consumer_key.text() == key
    assert page.consumer_key.cursorPosition() == 0
    page.consumer_key.setFocus()
    qtbot.keyClicks(page.consumer_key, "Z")  # while the user types, the cursor stays where they type
    assert main_window.state.consumer_key == "Z" + key
    assert page.consumer_key.cursorPosition() == 1
    claims = main_window.show_step("claims")  # the Claims form's iss shows the beginning as well
    assert claims.iss.text() == "Z" + key
    assert claims.iss.cursorPosition() == 0
