"""Decode tool: a pasted curl command, verification against a certificate, lint findings, dropped files."""

from __future__ import annotations

import html
import time
from pathlib import Path
from typing import Any

import jwt as pyjwt
import pytest
from cryptography.hazmat.primitives import serialization
from PySide6.QtWidgets import QApplication

from sfjwt_gui.ui.pages.decode_tool import DecodeToolPage
from sfjwt_gui.ui.worker import wait_for_all

TIMEOUT = 20_000
CONSUMER_KEY = "3MVG9" + "A" * 80


@pytest.fixture
def tool(qtbot: Any, session: Any) -> Any:
    page = DecodeToolPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    yield page
    wait_for_all()


def signed(rsa_key: Any, **claims: Any) -> tuple[str, dict[str, Any]]:
    """A token signed by PyJWT directly (independent of the app's signing code)."""
    payload = {
        "iss": CONSUMER_KEY,
        "sub": "integration@acme.com",
        "aud": "https://login.salesforce.com",
        "exp": int(time.time()) + 180,
        **claims,
    }
    return pyjwt.encode(payload, rsa_key, algorithm="RS256"), payload


def rules(tool: Any) -> set[str]:
    return {f.rule for f in tool.findings_view.findings}


def test_pasted_curl_command_is_decoded_with_repairs_and_verified(tool: Any, rsa_key: Any, rsa_cert: Any) -> None:
    token, payload = signed(rsa_key)
    curl = (
        "curl -X POST https://login.salesforce.com/services/oauth2/token \\\n"
        "  -H 'Content-Type: application/x-www-form-urlencoded' \\\n"
        "  -d 'grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer' \\\n"
        f"  -d 'assertion={token}'"
    )
    tool.set_text(curl)
    view = tool.token_view
    assert view.decoded is not None
    assert view.decoded.token == token
    assert view.decoded.payload == payload
    assert view.repairs_line.isVisibleTo(tool)
    assert view.repairs_line.message
    assert '"iss"' in view.payload_edit.toPlainText()
    assert "exp" in view.times_label.text()
    assert tool.findings_view.count("error") == 0
    assert "signature" in view.signature_line.message.lower() or "certificate" in view.signature_line.message.lower()
    assert view.verification is None  # no certificate chosen yet

    tool.set_certificate(rsa_cert, "app.crt")
    assert view.verification.verified
    assert view.signature_line.kind == "ok"
    view.copy_token.click()
    assert QApplication.clipboard().text() == token


def test_tampered_token_does_not_verify_and_lint_says_so(tool: Any, rsa_key: Any, rsa_cert: Any) -> None:
    token, _ = signed(rsa_key)
    header, _payload, signature = token.split(".")
    other, _ = signed(rsa_key, sub="someone-else@acme.com")
    tampered = f"{header}.{other.split('.')[1]}.{signature}"
    tool.set_certificate(rsa_cert, "app.crt")
    tool.set_text(f"Authorization: Bearer {tampered}")
    assert tool.token_view.verification is not None
    assert not tool.token_view.verification.verified
    assert tool.token_view.signature_line.kind == "error"
    assert "signature-invalid" in rules(tool)


def test_lint_findings_for_a_bad_token(tool: Any, rsa_key: Any) -> None:
    token, _ = signed(rsa_key, exp=int(time.time()) - 600, aud="login.salesforce.com")
    tool.set_text(token)
    found = rules(tool)
    assert {"exp-in-past", "aud-not-https"} <= found
    assert tool.findings_view.count("error") >= 2
    cards = tool.findings_view.cards()
    assert cards[0].finding.severity == "error"  # errors first
    assert "exp-in-past" in tool.findings_view.as_text()


def test_endpoint_mismatch_is_linted(tool: Any, rsa_key: Any) -> None:
    token, _ = signed(rsa_key, aud="https://test.salesforce.com")
    tool.set_text(token)
    assert "aud-endpoint-mismatch" not in rules(tool)
    tool.endpoint_edit.setText("https://login.salesforce.com")
    tool.decode_now()
    assert "aud-endpoint-mismatch" in rules(tool)


def test_garbage_names_the_broken_part(tool: Any) -> None:
    tool.set_text("eyJhbGciOiJSUzI1NiJ9.%%%notbase64%%%.c2ln")
    assert tool.token_view.decoded is None
    assert tool.token_view.error_line.kind == "error"
    assert "payload" in tool.token_view.error_line.message.lower()
    assert tool.findings_view.findings == []


def test_drop_a_token_file_then_a_certificate(
    qtbot: Any, tool: Any, rsa_key: Any, rsa_cert: Any, tmp_path: Path, drop_file: Any
) -> None:
    token, payload = signed(rsa_key)
    token_file = tmp_path / "assertion.txt"
    token_file.write_text(f"assertion={token}\n")
    drop_file(tool, token_file)
    qtbot.waitUntil(lambda: tool.token_view.decoded is not None, timeout=TIMEOUT)
    assert tool.token_view.decoded.payload == payload

    cert_file = tmp_path / "server.crt"
    cert_file.write_bytes(rsa_cert.public_bytes(serialization.Encoding.PEM))
    drop_file(tool, cert_file)
    qtbot.waitUntil(lambda: tool.certificate is not None, timeout=TIMEOUT)
    assert tool.token_view.verification.verified
    assert "server.crt" in tool.cert_label.text()


def test_session_certificate_button(tool: Any, session: Any, rsa_key: Any, rsa_cert: Any) -> None:
    assert not tool.session_cert_button.isEnabled()
    session.certificate = rsa_cert
    assert tool.session_cert_button.isEnabled()
    token, _ = signed(rsa_key)
    tool.set_text(token)
    tool.session_cert_button.click()
    assert tool.token_view.verification.verified


def test_lint_texts_follow_the_language(qtbot: Any, tool: Any, session: Any, rsa_key: Any) -> None:
    """The findings are linted once; a language switch writes the same findings in Japanese on the cards."""
    from sfjwt_gui.ui.i18n import set_language

    token, _ = signed(rsa_key, exp=int(time.time()) - 600)
    tool.set_text(token)
    findings = tool.findings_view.findings
    card = next(c for c in tool.findings_view.cards() if c.finding.rule == "exp-in-past")
    english = card.finding.message_in("en")
    assert english in html.unescape(card.label.text())
    set_language("ja")
    try:
        session.language = "ja"
        assert tool.findings_view.findings is findings  # the same findings: not linted again
        japanese = card.finding.message_in("ja")
        assert japanese != english
        assert "前に期限切れ" in japanese
        qtbot.waitUntil(lambda: japanese in html.unescape(card.label.text()), timeout=2_000)  # Qt's LanguageChange
    finally:
        set_language("en")
        session.language = "en"
    qtbot.waitUntil(lambda: english in html.unescape(card.label.text()), timeout=2_000)
