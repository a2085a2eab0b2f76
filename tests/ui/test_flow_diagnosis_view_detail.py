"""DiagnosisView shows what core says beyond the catalogue entry: the network detail of a real failed request, in the
diagnosis language, under a translated label."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from sfjwt_gui.core.diagnosis import diagnose
from sfjwt_gui.core.exchange import ExchangeOptions, request_token
from sfjwt_gui.ui.widgets.diagnosis_view import DiagnosisView


@pytest.fixture(scope="module")
def refused() -> Any:
    """A real request to a loopback port nobody listens on."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    options = ExchangeOptions(max_retries=0, connect_timeout=2.0)
    return request_token(f"http://127.0.0.1:{port}/services/oauth2/token", "a.b.c", options)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_network_detail_is_shown(qtbot: Any, refused: Any, lang: str) -> None:
    view = DiagnosisView()
    qtbot.addWidget(view)
    diagnosis = diagnose(refused, lang=lang)
    assert diagnosis.detail
    view.show_diagnosis(diagnosis)
    body = view.body.toPlainText()
    assert diagnosis.detail in body
    assert "What happened:" in body  # no translator installed in this test: the English label
    assert not view.note.message  # a network failure is not an approximate OAuth match


def test_labels_are_translated_in_the_window(qtbot: Any, main_window: Any) -> None:
    """In Japanese the labels come from the .qm, the closest entry's title from the catalogue."""
    main_window.switch_language("ja")
    try:
        page = main_window.show_step("explain")
        page.set_text('{"error":"invalid_grant","error_description":"user not approved for this app"}')
        body = page.view.body.toPlainText()
        assert page.diagnosis.closest_title in body
        assert "最も近い既知のエラー:" in body
        assert "Closest known error" not in body
        page.set_text('{"error":"invalid_grant","error_description":"invalid signature"}')  # a closest match
        assert page.view.note.message == page.diagnosis.approximate_note
        assert page.view.note.accessibleName() == "一致の確かさ"
    finally:
        main_window.switch_language("en")
