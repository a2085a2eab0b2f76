"""core.flow end to end against the practice org over HTTPS: re-stamp, sign, send, diagnose in one call."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import jwt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from sfjwt_gui.core.claims import Claims
from sfjwt_gui.core.errors import CertificateError, KeyTooSmallError
from sfjwt_gui.core.exchange import ExchangeOptions
from sfjwt_gui.core.flow import SendSettings, sign_send_diagnose
from sfjwt_gui.core.outcome import Outcome
from sfjwt_gui.core.retry import CancelToken
from sfjwt_gui.practice.server import PracticeServer


def _stale_claims(org: PracticeServer) -> Claims:
    """Claims signed ten minutes ago with a 3-minute lifetime: exp is seven minutes in the past."""
    then = int(time.time()) - 600
    return Claims.new(org.consumer_key, org.username, org.audience, now=then, issued_at=True)


def test_restamped_claims_are_the_ones_sent_and_returned(
    org: PracticeServer, options: ExchangeOptions, rsa_key: RSAPrivateKey
) -> None:
    stale = _stale_claims(org)
    fixed_now = float(int(time.time()))
    flow = sign_send_diagnose(stale, rsa_key, SendSettings(org.token_url, options), now=lambda: fixed_now)
    assert flow.ok
    assert flow.exchange.outcome is Outcome.SUCCESS
    assert flow.restamped
    assert flow.claims.iat == int(fixed_now)
    assert flow.claims.exp == int(fixed_now) + 180
    assert stale.iat == int(fixed_now) - 600  # the input is not changed
    sent = jwt.decode(flow.assertion, rsa_key.public_key(), algorithms=["RS256"], audience=org.audience)
    assert sent == flow.claims.to_payload()
    assert flow.exchange.token is not None
    assert flow.exchange.token.instance_url
    assert flow.diagnosis("en").outcome == "success"
    assert flow.diagnosis("ja").outcome == "success"
    assert flow.diagnosis("en").title != flow.diagnosis("ja").title  # rendered in both languages up front
    assert flow.api is None


def test_without_restamp_the_stale_claims_are_refused_and_explained(
    org: PracticeServer, options: ExchangeOptions, rsa_key: RSAPrivateKey, rsa_cert: x509.Certificate
) -> None:
    stale = _stale_claims(org)
    settings = SendSettings(org.token_url, options, uploaded_certificate=rsa_cert)
    flow = sign_send_diagnose(stale, rsa_key, settings, restamp=False)
    assert not flow.ok
    assert flow.exchange.outcome is Outcome.OAUTH_ERROR
    assert flow.claims == stale
    assert not flow.restamped
    assert flow.exchange.error_description == "expired authorization code"
    diagnosis = flow.diagnosis("en")
    assert any(cause.status.value == "confirmed" for cause in diagnosis.causes), diagnosis.to_text()
    assert "exp" in diagnosis.to_text()


def test_check_api_runs_after_a_success(org: PracticeServer, options: ExchangeOptions, rsa_key: RSAPrivateKey) -> None:
    claims = Claims.new(org.consumer_key, org.username, org.audience)
    flow = sign_send_diagnose(claims, rsa_key, SendSettings(org.token_url, options, check_api=True), langs=("ja",))
    assert flow.api is not None
    assert flow.api.ok
    assert flow.api.username == org.username
    assert set(flow.diagnoses) == {"ja"}
    with pytest.raises(KeyError):
        flow.diagnosis("en")


def test_wrong_audience_is_confirmed_with_the_practice_org_kind(
    org: PracticeServer, options: ExchangeOptions, rsa_key: RSAPrivateKey
) -> None:
    org.set_scenario("wrong-audience")
    claims = Claims.new(org.consumer_key, org.username, "https://login.salesforce.com")
    settings = SendSettings.for_endpoint(org.token_url, options, org_kind=str(org.org.kind))
    assert settings.token_url == org.token_url
    flow = sign_send_diagnose(claims, rsa_key, settings)
    assert flow.diagnosis().id == "audience-invalid"
    assert next(c for c in flow.diagnosis().causes if c.id == "prod-vs-sandbox").status.value == "confirmed"


def test_problems_before_sending_raise_with_a_code_and_send_nothing(
    org: PracticeServer, options: ExchangeOptions, rsa_key: RSAPrivateKey, tmp_path: Path
) -> None:
    claims = Claims.new(org.consumer_key, org.username, org.audience)
    bad_bundle = tmp_path / "not-a-ca.pem"
    bad_bundle.write_text("no certificate here\n")
    settings = SendSettings(org.token_url, ExchangeOptions(**{**options.__dict__, "ca_bundle": bad_bundle}))
    with pytest.raises(CertificateError) as raised:
        sign_send_diagnose(claims, rsa_key, settings)
    assert raised.value.code == "trust-bundle-unusable"
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 - a too-small key on purpose
    with pytest.raises(KeyTooSmallError) as too_small:
        sign_send_diagnose(claims, small, SendSettings(org.token_url, options))
    assert too_small.value.code == "sign-key-too-small"
    assert too_small.value.params["bits"] == "1024"
    assert org.logins == 0


def test_cancel_stops_a_slow_send(org: PracticeServer, options: ExchangeOptions, rsa_key: RSAPrivateKey) -> None:
    org.faults.update(latency=5.0)
    slow = SendSettings(org.token_url, ExchangeOptions(**{**options.__dict__, "read_timeout": 10.0}), check_api=True)
    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    started = time.monotonic()
    flow = sign_send_diagnose(Claims.new(org.consumer_key, org.username, org.audience), rsa_key, slow, cancel=cancel)
    assert flow.exchange.outcome is Outcome.CANCELLED
    assert flow.api is None
    assert time.monotonic() - started < 2.0


def test_cli_token_says_a_core_problem_before_sending_in_its_language(
    org: PracticeServer,
    rsa_key: RSAPrivateKey,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`sfjwt token` runs the same flow; its coded error (a CA bundle that is not there) is shown in --lang ja."""
    from cryptography.hazmat.primitives import serialization

    from sfjwt_gui.cli import main

    key_file = tmp_path / "client.key"
    encryption = serialization.BestAvailableEncryption(b"s3cret")
    key_file.write_bytes(
        rsa_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    )
    monkeypatch.setenv("FLOW_TEST_PASS", "s3cret")
    missing = tmp_path / "missing-ca.pem"
    argv = ["token", "--iss", org.consumer_key, "--sub", org.username, "--endpoint", org.token_url, "--lang", "ja"]
    keys = ["--key-file", str(key_file), "--passphrase-env", "FLOW_TEST_PASS"]
    code = main([*argv, *keys, "--ca-bundle", str(missing)])
    out = capsys.readouterr().out
    assert code == 1
    assert org.logins == 0
    assert f"CA バンドル '{missing}' がありません。" in out
