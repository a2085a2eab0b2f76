"""Cause checks against assertions built here: each verdict follows from the request, in both directions."""

from __future__ import annotations

import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from sfjwt_gui.core.diagnosis import explain_error, explain_text
from sfjwt_gui.core.errors import InputError
from sfjwt_gui.core.evidence import Status, sandbox_suffix
from sfjwt_gui.core.redact import redact

KEY = "3MVG9" + "AbCdEfGhIj" * 8


def _jwt(key: RSAPrivateKey, **claims: object) -> str:
    base: dict[str, object] = {
        "iss": KEY,
        "sub": "ops@acme.com",
        "aud": "https://login.salesforce.com",
        "exp": int(time.time()) + 180,
    }
    base.update(claims)
    return jwt.encode({k: v for k, v in base.items() if v is not None}, key, algorithm="RS256")


def _status(diagnosis_causes: list, cause_id: str) -> Status:  # type: ignore[type-arg]
    return next(c for c in diagnosis_causes if c.id == cause_id).status


@pytest.mark.parametrize(
    ("username", "suffix"),
    [
        ("ops@acme.com.uat", "uat"),
        ("ops@acme.co.jp.dev1", "dev1"),
        ("ops@acme.com", None),
        ("ops@acme.co.jp", None),
        ("005xx000001SwiUAAS", None),
    ],
)
def test_sandbox_suffix(username: str, suffix: str | None) -> None:
    assert sandbox_suffix(username) == suffix


@pytest.mark.parametrize(
    ("aud", "endpoint", "cause", "expected"),
    [
        ("https://test.salesforce.com", "https://login.salesforce.com", "prod-vs-sandbox", Status.CONFIRMED),
        (
            "https://login.salesforce.com",
            "https://acme--uat.sandbox.my.salesforce.com",
            "prod-vs-sandbox",
            Status.CONFIRMED,
        ),
        ("https://login.salesforce.com", "https://login.salesforce.com", "prod-vs-sandbox", Status.RULED_OUT),
        ("https://acme.my.salesforce.com", "https://other.my.salesforce.com", "prod-vs-sandbox", Status.CONFIRMED),
        ("https://login.salesforce.com", "http://127.0.0.1:8443", "prod-vs-sandbox", Status.UNKNOWN),
        ("login.salesforce.com", "https://login.salesforce.com", "aud-format", Status.CONFIRMED),
        ("https://acme.lightning.force.com", "https://login.salesforce.com", "aud-format", Status.CONFIRMED),
        (
            "https://login.salesforce.com/services/oauth2/token",
            "https://login.salesforce.com",
            "aud-format",
            Status.CONFIRMED,
        ),
        ("https://acme.my.salesforce.com", "https://acme.my.salesforce.com", "aud-format", Status.RULED_OUT),
    ],
)
def test_audience_checks(rsa_key: RSAPrivateKey, aud: str, endpoint: str, cause: str, expected: Status) -> None:
    diagnosis = explain_error(
        "invalid_grant", "audience is invalid", assertion=_jwt(rsa_key, aud=aud), endpoint=endpoint
    )
    assert _status(diagnosis.causes, cause) is expected, diagnosis.causes


def test_local_time_instead_of_utc(rsa_key: RSAPrivateKey) -> None:
    jst_mistake = _jwt(rsa_key, exp=int(time.time()) + 9 * 3600 + 180)  # "now" taken as JST wall clock
    diagnosis = explain_error("invalid_grant", "expired authorization code", assertion=jst_mistake)
    assert _status(diagnosis.causes, "local-time") is Status.CONFIRMED
    behind = _jwt(rsa_key, exp=int(time.time()) - 5 * 3600)
    diagnosis = explain_error("invalid_grant", "expired authorization code", assertion=behind, endpoint=None)
    assert _status(diagnosis.causes, "local-time") is Status.CONFIRMED
    assert _status(diagnosis.causes, "exp-past") is Status.CONFIRMED  # no server Date: this machine's clock
    ok = explain_error("invalid_grant", "expired authorization code", assertion=_jwt(rsa_key))
    assert _status(ok.causes, "local-time") is Status.RULED_OUT
    short = explain_error(
        "invalid_grant", "expired authorization code", assertion=_jwt(rsa_key, exp=int(time.time()) + 5)
    )
    assert _status(short.causes, "short-lifetime") is Status.CONFIRMED
    millis = explain_error("expired_assertion", None, assertion=_jwt(rsa_key, exp=int(time.time() * 1000) + 300_000))
    assert _status(millis.causes, "exp-past") is Status.RULED_OUT


@pytest.mark.parametrize("exp", ["inf", "-inf", "nan", 10**400, "1e400"])
def test_exp_that_is_no_finite_number_counts_as_missing(rsa_key: RSAPrivateKey, exp: object) -> None:
    # these once crashed the diagnosis (OverflowError/ValueError); the lint already calls them unreadable
    diagnosis = explain_error("invalid_grant", "expired authorization code", assertion=_jwt(rsa_key, exp=exp))
    assert _status(diagnosis.causes, "exp-past") is Status.CONFIRMED
    assert _status(diagnosis.causes, "short-lifetime") is Status.CONFIRMED
    assert _status(diagnosis.causes, "local-time") is Status.UNKNOWN
    exp_past = next(c for c in diagnosis.causes if c.id == "exp-past")
    assert "no usable 'exp'" in exp_past.evidence


@pytest.mark.parametrize("exp", [-(10**20), -1e308])
def test_exp_before_year_one_is_past_and_shown_out_of_range(rsa_key: RSAPrivateKey, exp: object) -> None:
    # these once crashed the diagnosis (OverflowError/ValueError formatting the date)
    diagnosis = explain_error("invalid_grant", "expired authorization code", assertion=_jwt(rsa_key, exp=exp))
    assert _status(diagnosis.causes, "exp-past") is Status.CONFIRMED
    exp_past = next(c for c in diagnosis.causes if c.id == "exp-past")
    assert "'exp' out of range" in exp_past.evidence, exp_past.evidence


@pytest.mark.parametrize("iat", [-(10**400), -(10**300)])
def test_absurd_iat_leaves_the_lifetime_to_the_send_time(rsa_key: RSAPrivateKey, iat: object) -> None:
    # iat -10**400 once crashed the diagnosis (OverflowError in exp - iat)
    diagnosis = explain_error("invalid_grant", "expired authorization code", assertion=_jwt(rsa_key, iat=iat))
    assert _status(diagnosis.causes, "short-lifetime") is Status.RULED_OUT
    lifetime = next(c for c in diagnosis.causes if c.id == "short-lifetime")
    assert "(exp - time of sending)" in lifetime.evidence, lifetime.evidence


def test_consumer_key_and_user_checks(rsa_key: RSAPrivateKey) -> None:
    bad_iss = explain_error("invalid_client_id", "client identifier invalid", assertion=_jwt(rsa_key, iss="my-app"))
    assert _status(bad_iss.causes, "typo") is Status.CONFIRMED
    good_iss = explain_error("invalid_client_id", "client identifier invalid", assertion=_jwt(rsa_key))
    assert _status(good_iss.causes, "typo") is Status.UNKNOWN  # looks fine; a typo cannot be seen
    user_id = explain_error("inactive_user", "user is inactive", assertion=_jwt(rsa_key, sub="005xx000001SwiUAAS"))
    assert _status(user_id.causes, "wrong-user") is Status.CONFIRMED
    sandbox_user = explain_error(
        "invalid_grant",
        "user hasn't approved this consumer",
        assertion=_jwt(rsa_key, sub="ops@acme.com.uat"),
        endpoint="https://login.salesforce.com",
    )
    assert _status(sandbox_user.causes, "wrong-user") is Status.CONFIRMED
    assert _status(sandbox_user.causes, "sandbox-refresh") is Status.RULED_OUT  # production host


def test_scope_https_and_signature(rsa_key: RSAPrivateKey, rsa_cert: object) -> None:
    scoped = explain_error("invalid_scope", None, assertion=_jwt(rsa_key, scope="api web full"))
    assert _status(scoped.causes, "scope-claim") is Status.CONFIRMED
    assert _status(explain_error("invalid_scope", None, assertion=_jwt(rsa_key)).causes, "scope-claim") is (
        Status.RULED_OUT
    )
    plain = explain_error("invalid_request", "HTTPS required", endpoint="http://login.salesforce.com")
    assert _status(plain.causes, "plain-http") is Status.CONFIRMED
    none_alg = jwt.encode(
        {"iss": KEY, "sub": "a@b.com", "aud": "https://login.salesforce.com", "exp": int(time.time()) + 60},
        key=None,
        algorithm="none",
    )
    malformed = explain_error("invalid_grant", "invalid assertion", assertion=none_alg)
    assert _status(malformed.causes, "malformed") is Status.CONFIRMED


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_explain_never_raises_anything_but_input_error(text: str) -> None:
    try:
        diagnosis = explain_text(text, lang="ja")
    except InputError:
        return
    assert diagnosis.id
    assert diagnosis.title


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_redact_is_idempotent(text: str) -> None:
    once = redact(text)
    assert redact(once) == once
