"""No access token or full assertion in any log line, transcript or report unless the user asked for it."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from sfjwt_gui.cli import main
from sfjwt_gui.core.diagnosis import diagnose
from sfjwt_gui.core.exchange import ExchangeOptions, check_api, request_token
from sfjwt_gui.core.redact import RedactingFilter, install_redaction, mask_token, redact, shorten_jwt
from sfjwt_gui.practice.server import PracticeServer

from .conftest import Signer

LIVE_TOKEN = re.compile(r"00D[A-Za-z0-9]{12,15}![A-Za-z0-9._-]{8,}")
FULL_JWT = re.compile(r"eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{20,}")
TOKEN = "00D5g000001SfJw!AR8AQJXg5.fake_secret-part_0123456789abcdefghijklmnopqrstuvwxyz"


def test_redact_masks_secrets_and_keeps_the_rest(rsa_key: RSAPrivateKey, make_assertion: Signer) -> None:
    jwt_text = make_assertion()
    pem = rsa_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    text = (
        f"assertion={jwt_text} token {TOKEN} Authorization: Bearer {TOKEN}\n{pem}"
        '{"access_token": "opaque-token-value-123456"} -----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'
    )
    out = redact(text)
    assert jwt_text not in out
    assert jwt_text.split(".")[2] not in out
    assert "fake_secret" not in out
    assert "opaque-token-value" not in out
    assert "BEGIN PRIVATE KEY" not in out
    assert "[redacted private key]" in out
    assert "00D5g000001SfJw!" in out  # the org id is not secret and helps
    assert "BEGIN CERTIFICATE" in out  # certificates are public
    assert redact(out) == out  # idempotent
    assert shorten_jwt(jwt_text).endswith(f"({len(jwt_text)} chars)")
    assert mask_token(TOKEN).startswith("00D5g000001SfJw!")


def test_redacting_filter_on_a_handler(make_assertion: Signer) -> None:
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(self.format(record))

    handler = install_redaction(Collect())
    install_redaction(handler)
    assert sum(isinstance(f, RedactingFilter) for f in handler.filters) == 1
    logger = logging.getLogger("sfjwt_gui.test.redaction")
    logger.addHandler(handler)
    try:
        secret = make_assertion()
        logger.warning("sending %s with %s", secret, TOKEN)
    finally:
        logger.removeHandler(handler)
    assert records
    assert secret not in records[0]
    assert "fake_secret" not in records[0]


def _secrets_absent(text: str, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in text


def test_no_secret_in_logs_or_transcripts(
    caplog: pytest.LogCaptureFixture, org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    caplog.set_level(logging.DEBUG)
    assertion = make_assertion()
    result = request_token(org.token_url, assertion, options)
    assert result.ok
    assert result.token is not None
    access = result.token.access_token
    api = check_api(result.token, options)
    assert api.ok
    org.set_scenario("user-not-approved")
    refused = request_token(org.token_url, assertion, options)
    outputs = [
        caplog.text,
        result.transcript.to_text(),
        json.dumps(result.transcript.to_json()),
        json.dumps(result.to_json()),
        repr(result),
        repr(result.token),
        str(result.token),
        api.transcript.to_text(),
        json.dumps(api.to_json()),
        repr(api),
        refused.transcript.to_text(),
        json.dumps(diagnose(result, assertion=assertion).to_json()),
        json.dumps(diagnose(refused, assertion=assertion).to_json()),
        diagnose(refused, assertion=assertion).to_text(),
    ]
    for text in outputs:
        _secrets_absent(text, access, access.split("!", 1)[1], assertion, assertion.split(".")[2])
    assert any("sfjwt_gui" in r.name for r in caplog.records)  # the exchange did log


def test_secrets_only_when_asked(org: PracticeServer, options: ExchangeOptions, make_assertion: Signer) -> None:
    assertion = make_assertion()
    revealing = ExchangeOptions(**{**options.__dict__, "reveal_assertion": True, "reveal_token": True})
    result = request_token(org.token_url, assertion, revealing)
    assert result.token is not None
    text = result.transcript.to_text()
    assert assertion in text
    assert result.token.access_token in text


def test_cli_output_hides_the_token_unless_show_token(
    capsys: pytest.CaptureFixture[str], org: PracticeServer, rsa_key: RSAPrivateKey, tmp_path: Path
) -> None:
    key_file = tmp_path / "key.pem"
    key_file.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    argv = [
        "token",
        "--key-file",
        str(key_file),
        "--iss",
        org.consumer_key,
        "--sub",
        org.username,
        "--endpoint",
        org.url,
        "--ca-bundle",
        str(org.ca_file),
        "--aud",
        "https://login.salesforce.com",
    ]
    assert main([*argv, "--json", "--check-api"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert "access_token" not in data["token"]
    assert data["api"]["ok"]
    assert not LIVE_TOKEN.search(out)
    assert not FULL_JWT.search(out)
    assert main([*argv, "--json", "--show-token"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert LIVE_TOKEN.fullmatch(shown["token"]["access_token"])  # the pattern does find a real token
    assert main([*argv, "-v"]) == 0  # text mode with the transcript
    text = capsys.readouterr().out
    assert "POST" in text
    assert not LIVE_TOKEN.search(text)
    assert not FULL_JWT.search(text)


def test_masking_is_idempotent_and_never_masks_a_mask(rsa_key: RSAPrivateKey, make_assertion: Signer) -> None:
    jwt_text = make_assertion()
    short = shorten_jwt(jwt_text)
    for value in (TOKEN, "opaque-token-value-123456", jwt_text):
        once = mask_token(value) if not value.startswith("eyJ") else short
        assert mask_token(once) == once
        assert shorten_jwt(once) == once
    # a JWT used as a Bearer credential (Salesforce can issue JWT access tokens): shortened once, not "…(12 chars)…"
    header = redact(f"Authorization: Bearer {jwt_text}")
    assert header == f"Authorization: Bearer {short}"
    assert header.count("chars)") == 1
    # an org id of unusual length with a short secret is still masked, and the result is stable
    odd = redact("Bearer 00DRiLMiRIIe7p2yis!jthdZW")
    assert "jthdZW" not in odd
    assert redact(odd) == odd
    for text in (
        f'{{"access_token": "{TOKEN}"}}',
        f"Bearer {TOKEN}",
        "access_token=opaque-token-value-123456",
        f"assertion={jwt_text}&x=1",
    ):
        out = redact(text)
        assert out.count("chars)") == 1, out
        assert redact(out) == out


def test_api_check_transcript_masks_a_jwt_access_token_once(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    from sfjwt_gui.core.exchange import TokenInfo

    jwt_token = make_assertion()  # stands in for a JWT-style access token; the practice org refuses it
    token = TokenInfo(
        access_token=jwt_token,
        instance_url=org.url,
        id_url=f"{org.url}/id/00D5g00000SfJwTEAV/0055g00000PrAcTAAV",
        org_id=None,
        user_id=None,
        scope=None,
        token_type="Bearer",
        issued_at=None,
    )
    api = check_api(token, options)
    assert not api.ok
    sent = dict(api.transcript.attempts[0].request_headers)
    assert sent["authorization"] == f"Bearer {shorten_jwt(jwt_token)}"
    text = api.transcript.to_text()
    assert jwt_token not in text
    assert "chars)…(" not in text
    assert "chars) chars)" not in text
