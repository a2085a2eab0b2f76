"""The whole flow through the real window against the practice org over TLS: key → upload → connection → sign →
send → success card → Test API access."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit
from ui_flow import send_and_wait, start_practice

from sfjwt_gui.core.fingerprints import key_matches_certificate
from sfjwt_gui.ui.main_window import MainWindow


def test_happy_path_gets_a_token_and_calls_the_api(qtbot: Any, main_window: MainWindow) -> None:
    session = main_window.state
    assert session.private_key is None
    server = start_practice(qtbot, main_window)

    # a key was generated in the background, saved in the vault, and its certificate uploaded to the practice org
    key = session.private_key
    cert = session.certificate
    assert key is not None
    assert key_matches_certificate(key, cert)
    assert server.org.apps[0].certificate_pem is not None
    assert session.key_name in [r.name for r in session.vault.list()]

    # the connection page shows what practice mode filled
    connection = main_window.page("connection")
    assert connection.findChild(QLineEdit, "endpoint").text() == server.token_url
    assert connection.findChild(QLineEdit, "consumer_key").text() == server.consumer_key
    assert connection.findChild(QLineEdit, "username").text() == server.username
    assert main_window.step_state("connection") in ("ok", "warning")

    # the claims and the signed token follow
    claims = session.claims
    assert claims.iss == server.consumer_key
    assert claims.sub == server.username
    token = session.token
    assert token
    assert token.count(".") == 2
    assert main_window.step_state("token") == "ok"

    # "Copy as" carries the user's values for every kind
    signed = main_window.page("token")
    for index in range(signed.snippet_kind.count()):
        signed.snippet_kind.setCurrentIndex(index)
        text = signed.snippet.toPlainText()
        assert server.token_url.rsplit("/services", 1)[0] in text
        assert str(server.ca_file) in text or "Apex" in signed.snippet_kind.currentText()

    result = send_and_wait(qtbot, main_window)
    assert result.ok, result.transcript.to_text()
    send = main_window.page("send")
    assert main_window.current_step() == "send"
    qtbot.waitUntil(send.card.isVisible)
    assert send.findChild(QLabel, "instance_url").text() == result.token.instance_url
    assert send.findChild(QLabel, "org_id").text() == server.org.org_id
    shown = send.findChild(QLineEdit, "access_token").text()
    assert result.token.access_token not in shown  # masked until revealed
    send.reveal.click()
    assert send.findChild(QLineEdit, "access_token").text() == result.token.access_token
    send.reveal.click()
    assert main_window.step_state("send") == "ok"
    assert (
        "access_token" not in send.transcript.toPlainText()
        or result.token.access_token not in send.transcript.toPlainText()
    )

    with qtbot.waitSignal(send.api_checked, timeout=30_000) as blocker:
        send.test_api.click()
    check = blocker.args[0]
    assert check.ok, check.error
    text = send.findChild(QLabel, "api_result").text()
    assert server.username in text
    assert check.api_versions[-1] in text
