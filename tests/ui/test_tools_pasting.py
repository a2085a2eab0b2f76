"""Issue 10 in the Decode and Explain tools: verify against a pasted PEM certificate, a pasted Salesforce access
token recognised as opaque (not a broken JWT), "POSTed to" filled from a pasted curl command, the note on JWT-based
access tokens, and Explain working on paste."""

from __future__ import annotations

import time
from typing import Any

import jwt as pyjwt
import pytest
from cryptography.hazmat.primitives import serialization

from sfjwt_gui.ui.pages.decode_tool import DecodeToolPage
from sfjwt_gui.ui.pages.explain_tool import ExplainToolPage
from sfjwt_gui.ui.worker import wait_for_all

TIMEOUT = 10_000


@pytest.fixture
def decode(qtbot: Any, session: Any) -> Any:
    page = DecodeToolPage(session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    yield page
    wait_for_all()


def _token(rsa_key: Any, **extra: Any) -> str:
    claims = {"iss": "3MVG9x", "sub": "a@b.c", "aud": "https://login.salesforce.com", "exp": int(time.time()) + 120}
    return pyjwt.encode({**claims, **extra}, rsa_key, algorithm="RS256")


def test_verifies_against_a_pasted_pem_certificate(qtbot: Any, decode: Any, rsa_key: Any, rsa_cert: Any) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa

    decode.set_text(_token(rsa_key))
    pem = rsa_cert.public_bytes(serialization.Encoding.PEM).decode()
    decode.pem_edit.setPlainText(pem)  # jwt.io habit: paste, no file
    qtbot.waitUntil(lambda: decode.certificate is not None, timeout=TIMEOUT)
    assert decode.certificate == rsa_cert
    assert decode.token_view.verification.verified
    assert "pasted certificate" in decode.cert_label.text()
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    decode.set_text(_token(other))  # signed by another key: the pasted certificate says no
    assert not decode.token_view.verification.verified
    decode.pem_edit.setPlainText("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----")
    qtbot.waitUntil(lambda: decode.status.kind == "error", timeout=TIMEOUT)  # a bad paste says what is wrong
    decode.clear_cert_button.click()
    assert decode.certificate is None
    assert decode.pem_edit.toPlainText() == ""


def test_pasted_access_token_is_recognised_as_opaque(decode: Any) -> None:
    decode.set_text("Authorization: Bearer 00D5g000004SXXX!AQ0AQHc1234567890abcdefghijklmnopqrstuvwxyz.ABCDEFGH")
    view = decode.token_view
    assert view.opaque_access_token
    assert view.error_line.kind == "info"  # not an error: there is nothing to decode
    assert "access token" in view.error_line.message
    assert "00D5g000004SXXX" in view.error_line.message
    assert "copy the whole" not in view.error_line.plain_text().lower()


def test_posted_to_fills_from_a_pasted_curl_command(decode: Any, rsa_key: Any) -> None:
    url = "https://acme.my.salesforce.com/services/oauth2/token"
    decode.set_text(
        f"curl -X POST {url} -d grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer -d assertion={_token(rsa_key)}"
    )
    assert decode.endpoint_edit.text() == url
    assert decode.token_view.decoded.posted_to == url
    decode.endpoint_edit.setText("https://test.salesforce.com")  # the user's own value is never overwritten
    decode.set_text(f"curl {url} -d assertion={_token(rsa_key)}")
    assert decode.endpoint_edit.text() == "https://test.salesforce.com"


def test_jwt_based_access_token_gets_its_note(decode: Any, rsa_key: Any) -> None:
    token = pyjwt.encode(
        {"sub": "005x", "exp": int(time.time()) + 60}, rsa_key, algorithm="RS256", headers={"tty": "sfdc-core-token"}
    )
    decode.set_text(token)
    note = decode.token_view.decoded.kind_note("en")
    assert note
    assert decode.status.message == note


def test_explain_works_on_paste_and_keeps_its_button(qtbot: Any, session: Any) -> None:
    page = ExplainToolPage(session)
    qtbot.addWidget(page)
    page.show()
    page.input_edit.setPlainText('{"error":"invalid_grant","error_description":"user hasn\'t approved this consumer"}')
    qtbot.waitUntil(lambda: page.diagnosis is not None, timeout=TIMEOUT)  # no click
    assert page.view.isVisible()
    assert page.explain_button.isVisible()
    assert page.explain_button.isEnabled()
    page.input_edit.clear()
    qtbot.waitUntil(lambda: page.diagnosis is None, timeout=TIMEOUT)
    assert page.status.message == ""  # an emptied box is not an error
    page.input_edit.setPlainText('{"error":"invalid_client_id"}')
    page.explain_button.click()  # the button still explains at once
    assert page.diagnosis is not None
