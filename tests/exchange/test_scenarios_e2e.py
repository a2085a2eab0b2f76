"""End to end over HTTPS: every practice scenario gets the right diagnosis, with evidence where the request has it."""

from __future__ import annotations

import re

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from sfjwt_gui.core.diagnosis import diagnose
from sfjwt_gui.core.evidence import Status
from sfjwt_gui.core.exchange import ExchangeOptions, check_api, request_token
from sfjwt_gui.core.outcome import Outcome
from sfjwt_gui.practice.scenarios import SCENARIOS
from sfjwt_gui.practice.server import PracticeServer

from .conftest import Signer

# scenario -> (diagnosis id, cause ids of which at least one must be confirmed by the request's own evidence)
EXPECTED: dict[str, tuple[str, set[str]]] = {
    "healthy": ("success", set()),
    "user-not-approved": ("user-not-approved", set()),
    "not-admin-approved": ("not-admin-approved", set()),
    "wrong-audience": ("audience-invalid", {"prod-vs-sandbox"}),
    "certificate-mismatch": ("invalid-assertion", {"key-cert-mismatch"}),
    "expired-assertion": ("assertion-expired", {"clock-skew", "exp-past"}),
    "unknown-client": ("client-id-invalid", set()),
    "eca-not-installed": ("app-not-found", {"generic-host"}),
    "inactive-user": ("inactive-user", set()),
    "ip-restricted": ("ip-restricted", set()),
    "rate-limited": ("rate-limited", set()),
    "maintenance": ("maintenance-page", {"maintenance"}),
    "connected-app-not-installed": ("app-not-installed", set()),
    "api-access-control": ("not-admin-approved", set()),
    "jwt-access-token": ("success", set()),
}
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_every_scenario_has_an_expectation() -> None:
    assert set(EXPECTED) == set(SCENARIOS)


def _uploaded(practice: PracticeServer) -> x509.Certificate:
    pem = practice.org.apps[0].certificate_pem
    assert pem
    return x509.load_pem_x509_certificate(pem.encode())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_scenario_diagnosis(
    name: str, org: PracticeServer, options: ExchangeOptions, make_assertion: Signer, rsa_key: RSAPrivateKey
) -> None:
    org.set_scenario(name)
    assertion = make_assertion()
    result = request_token(org.token_url, assertion, options)
    expected_id, evidence_causes = EXPECTED[name]
    for lang in ("en", "ja"):
        diagnosis = diagnose(
            result,
            assertion=assertion,
            uploaded_certificate=_uploaded(org),
            private_key=rsa_key,
            org_kind=str(org.org.kind),
            options=options,
            lang=lang,
        )
        assert diagnosis.id == expected_id, (lang, result.outcome, result.error, result.error_description)
        confirmed = {c.id for c in diagnosis.confirmed}
        if evidence_causes:
            assert confirmed & evidence_causes, [c.to_json() for c in diagnosis.causes]
        for cause in diagnosis.causes:
            assert cause.evidence, cause
            assert "{" not in cause.evidence, cause
        if lang == "ja":
            assert JAPANESE.search(diagnosis.title)
            assert JAPANESE.search(diagnosis.meaning)
            assert all(JAPANESE.search(c.evidence) for c in diagnosis.causes), diagnosis.causes
    if name in ("healthy", "jwt-access-token"):
        assert result.outcome is Outcome.SUCCESS
    elif name == "maintenance":
        assert result.outcome is Outcome.SERVER_ERROR
        assert result.status == 503
    else:
        assert result.outcome is Outcome.OAUTH_ERROR
        assert result.status == 400
        assert (result.error, result.error_description) == (
            SCENARIOS[name].expected_error,
            SCENARIOS[name].expected_description,
        )
        assert len(result.transcript.attempts) == 1  # a refusal is never retried


def test_success_parses_the_token_and_the_api_check_works(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    result = request_token(org.token_url, make_assertion(), options)
    assert result.ok
    assert result.token is not None
    token = result.token
    assert token.org_id == org.org.org_id
    assert token.user_id == org.org.users[0].id
    assert token.id_url.endswith(f"/id/{token.org_id}/{token.user_id}")
    assert token.token_type == "Bearer"
    assert token.scope
    assert token.instance_url.startswith("https://")
    assert isinstance(token.issued_at, int)
    assert token.access_token not in repr(token)
    assert token.access_token not in str(token)
    assert "access_token" not in token.to_json()
    assert token.to_json(reveal=True)["access_token"] == token.access_token
    assert result.clock_offset is not None
    assert abs(result.clock_offset) < 3
    api = check_api(token, options)
    assert api.ok, api.error
    assert api.username == org.username
    assert api.org_id == token.org_id
    assert api.api_versions
    assert all(re.fullmatch(r"\d+\.\d", v) for v in api.api_versions)
    assert token.access_token not in api.transcript.to_text()


def test_wrong_audience_evidence_names_the_values(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    org.set_scenario("wrong-audience")
    assertion = make_assertion(aud="https://login.salesforce.com")
    result = request_token(org.token_url, assertion, options)
    diagnosis = diagnose(result, assertion=assertion, org_kind="sandbox")
    cause = next(c for c in diagnosis.causes if c.id == "prod-vs-sandbox")
    assert cause.status is Status.CONFIRMED
    assert "https://login.salesforce.com" in cause.evidence
    assert "sandbox" in cause.evidence


def test_certificate_mismatch_shows_both_fingerprints(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer, rsa_key: RSAPrivateKey
) -> None:
    from sfjwt_gui.core.fingerprints import sha256_fingerprint
    from sfjwt_gui.core.jwt_codec import key_fingerprint

    org.set_scenario("certificate-mismatch")
    assertion = make_assertion()
    result = request_token(org.token_url, assertion, options)
    uploaded = _uploaded(org)
    diagnosis = diagnose(result, assertion=assertion, uploaded_certificate=uploaded, private_key=rsa_key)
    cause = next(c for c in diagnosis.causes if c.id == "key-cert-mismatch")
    assert cause.status is Status.CONFIRMED
    assert sha256_fingerprint(uploaded) in cause.evidence
    assert key_fingerprint(rsa_key) in cause.evidence


def test_matching_certificate_rules_the_mismatch_out(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer, rsa_cert: x509.Certificate
) -> None:
    org.set_scenario("user-not-approved")
    assertion = make_assertion()
    result = request_token(org.token_url, assertion, options)
    diagnosis = diagnose(result, assertion=assertion, uploaded_certificate=rsa_cert)
    assert diagnosis.id == "user-not-approved"
    # the org-side approval cannot be seen from the request: never claimed either way
    assert all(
        c.status is Status.UNKNOWN
        for c in diagnosis.causes
        if c.id in ("self-authorize-policy", "profile-not-assigned")
    )


def test_expired_assertion_is_judged_by_the_servers_date(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    org.set_scenario("expired-assertion")  # the server's clock runs an hour ahead
    assertion = make_assertion()
    result = request_token(org.token_url, assertion, options)
    assert result.clock_offset is not None
    assert 3590 <= result.clock_offset <= 3610
    diagnosis = diagnose(result, assertion=assertion)
    statuses = {c.id: c.status for c in diagnosis.causes}
    assert statuses["clock-skew"] is Status.CONFIRMED
    assert statuses["exp-past"] is Status.CONFIRMED
    assert statuses["local-time"] is Status.RULED_OUT  # this machine computed exp in UTC
    skew = next(c for c in diagnosis.causes if c.id == "clock-skew")
    assert "ahead" in skew.evidence
    assert result.server_date
    assert result.server_date in skew.evidence


def test_api_check_with_a_bad_token_says_so(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    import dataclasses

    result = request_token(org.token_url, make_assertion(), options)
    assert result.token is not None
    forged = dataclasses.replace(result.token, access_token=result.token.access_token[:-4] + "XXXX")
    api = check_api(forged, options)
    assert not api.ok
    assert api.error is not None
    assert "401" in api.error
    assert "INVALID_SESSION_ID" in api.error
    assert forged.access_token not in api.transcript.to_text()
