"""End to end over HTTPS: for every practice scenario the inspector confirms the broken setting from the org and
rules out at least one other; a non-admin or expired token degrades every check to could_not_check; nothing but
GET and Metadata reads is ever sent."""

from __future__ import annotations

import ssl

import pytest

from sfjwt_gui.core.diagnosis import diagnose
from sfjwt_gui.core.evidence import Status
from sfjwt_gui.core.exchange import ExchangeOptions, request_token
from sfjwt_gui.core.org.attach import add_org_answers
from sfjwt_gui.core.org.checks import CheckStatus
from sfjwt_gui.core.org.client import OrgConnection
from sfjwt_gui.core.org.inspect import Inspection, inspect_org
from sfjwt_gui.core.trust import Trust
from sfjwt_gui.practice.scenarios import SCENARIOS
from sfjwt_gui.practice.server import PracticeServer

from .conftest import try_token

# scenario -> (the org check that shows its broken setting, the diagnosis cause it confirms from the org)
BROKEN = {
    "user-not-approved": ("app_permitted_users", "self-authorize-policy"),
    "not-admin-approved": ("app_user_access", "profile-not-assigned"),
    "wrong-audience": ("org_audience", "prod-vs-sandbox"),
    "certificate-mismatch": ("app_certificate", "key-cert-mismatch"),
    "expired-assertion": ("org_clock", "clock-skew"),
    "unknown-client": ("app_exists", "typo"),
    "eca-not-installed": ("app_exists", "not-installed"),
    "inactive-user": ("user_active", "deactivated"),
    "ip-restricted": ("app_ip_relaxation", "login-ip-ranges"),
    "rate-limited": ("login_history", None),
}


def _inspect(server: PracticeServer, connection: OrgConnection, verify: ssl.SSLContext) -> Inspection:
    return inspect_org(
        connection,
        iss=server.consumer_key,
        sub=server.username,
        aud=server.audience,
        certificate=server.demo_certificate,
        verify=verify,
    )


def _only_reads(server: PracticeServer) -> None:
    for line in server.request_log:  # type: ignore[attr-defined]
        method, path = line.split()[:2]
        assert method == "GET" or (method == "POST" and path.startswith(("/services/Soap/m/", "/services/oauth2"))), (
            line
        )


def test_every_scenario_is_covered() -> None:
    # issue 12 added jwt-access-token (succeeds) and connected-app-not-installed; no org check reads a connected
    # app's installed state or the org's API Access Control yet (the Diagnosis names both as settings to look at)
    assert set(SCENARIOS) == set(BROKEN) | {
        "healthy",
        "maintenance",
        "jwt-access-token",
        "connected-app-not-installed",
        "api-access-control",
    }


@pytest.mark.parametrize("scenario", sorted(BROKEN))
def test_scenario_broken_setting_confirmed_and_another_ruled_out(
    practice: PracticeServer, admin: OrgConnection, verify: ssl.SSLContext, scenario: str
) -> None:
    practice.set_scenario(scenario)
    refused = try_token(practice, verify)
    assert refused.status_code == 400
    inspection = _inspect(practice, admin, verify)
    check_id, cause_id = BROKEN[scenario]
    check = inspection.check(check_id)
    assert check is not None
    assert check.status is CheckStatus.PROBLEM, inspection.to_text()
    assert check.record, "the record that decided it"
    assert any(c.status is CheckStatus.OK and c.id != check_id for c in inspection.checks)
    assert inspection.exit_code == 2
    assert len(inspection.sent) <= 10
    _only_reads(practice)
    if cause_id is None:
        return
    options = ExchangeOptions(trust=Trust.BUNDLE, ca_bundle=practice.ca_file, max_retries=0)
    from sfjwt_gui.core.claims import Claims
    from sfjwt_gui.core.jwt_codec import sign

    assert practice.demo_private_key is not None
    assertion = sign(
        Claims.new(practice.consumer_key, practice.username, practice.audience, lifetime=180).to_payload(),
        practice.demo_private_key,
    )
    result = request_token(practice.token_url, assertion, options)
    diagnosis = add_org_answers(diagnose(result, assertion=assertion), _inspect(practice, admin, verify))
    confirmed = [c for c in diagnosis.causes if c.id == cause_id]
    assert confirmed
    assert confirmed[0].status is Status.CONFIRMED
    assert confirmed[0].checked_in == "org"
    assert confirmed[0].record
    payload = diagnosis.to_json()
    assert {c["checked_in"] for c in payload["causes"]} <= {"request", "org"}


def test_healthy_org_finds_nothing_wrong(
    practice: PracticeServer, admin: OrgConnection, verify: ssl.SSLContext
) -> None:
    assert try_token(practice, verify).status_code == 200
    inspection = _inspect(practice, admin, verify)
    assert inspection.exit_code == 0, inspection.to_text()
    assert all(c.status is CheckStatus.OK for c in inspection.checks)
    practices = {p.id: str(p.status) for p in inspection.practices}
    assert practices["least_privilege"] == "warn"  # the practice user has System Administrator
    assert practices["admin_approved"] == "pass"
    assert "Minimum Access - API Only Integrations" in inspection.to_text()


def test_ruled_out_from_the_org_in_diagnosis(practice: PracticeServer, admin: OrgConnection, verify) -> None:
    practice.set_scenario("user-not-approved")
    options = ExchangeOptions(trust=Trust.BUNDLE, ca_bundle=practice.ca_file, max_retries=0)
    from sfjwt_gui.core.claims import Claims
    from sfjwt_gui.core.jwt_codec import sign

    assert practice.demo_private_key is not None
    assertion = sign(
        Claims.new(practice.consumer_key, practice.username, practice.audience).to_payload(), practice.demo_private_key
    )
    diagnosis = diagnose(request_token(practice.token_url, assertion, options), assertion=assertion, lang="ja")
    add_org_answers(diagnosis, _inspect(practice, admin, verify))
    scopes = next(c for c in diagnosis.causes if c.id == "missing-scopes")
    assert scopes.status is Status.RULED_OUT
    assert scopes.checked_in == "org"
    assert "組織で否定" in diagnosis.to_text()


def test_maintenance_is_unreachable(practice: PracticeServer, admin: OrgConnection, verify: ssl.SSLContext) -> None:
    practice.set_scenario("maintenance")
    inspection = _inspect(practice, admin, verify)
    assert inspection.exit_code == 3
    assert inspection.unreachable == "maintenance"
    assert inspection.to_json()["reachable"] is False


@pytest.mark.parametrize("scenario", ["healthy", "not-admin-approved"])
def test_non_admin_token_degrades_every_check(practice: PracticeServer, verify: ssl.SSLContext, scenario: str) -> None:
    ok = try_token(practice, verify)
    token = ok.json()["access_token"]
    practice.set_scenario(scenario)
    inspection = _inspect(practice, OrgConnection(practice.url, token), verify)
    assert inspection.exit_code == 0
    for check in inspection.checks:
        assert check.status is CheckStatus.COULD_NOT_CHECK, check
        assert check.needs
    needs = {c.needs for c in inspection.checks}
    assert any(n.startswith(("insufficient_access:", "invalid_type:")) for n in needs if n)
    assert token not in inspection.to_text()
    assert token not in str(inspection.to_json())


def test_expired_session_degrades_and_diagnosis_survives(practice: PracticeServer, verify: ssl.SSLContext) -> None:
    practice.set_scenario("inactive-user")
    inspection = _inspect(practice, OrgConnection(practice.url, "00D5g00000SfJwT!expired.token.value"), verify)
    assert {c.status for c in inspection.checks} == {CheckStatus.COULD_NOT_CHECK}
    assert any((c.needs or "").startswith("session_expired:") for c in inspection.checks)
    from sfjwt_gui.core.diagnosis import explain_error

    diagnosis = add_org_answers(explain_error("inactive_user", "user is inactive"), inspection)
    deactivated = next(c for c in diagnosis.causes if c.id == "deactivated")
    assert deactivated.checked_in == "request"
    assert "valid session" in deactivated.org_note


def test_a_cause_the_org_can_only_confirm_is_not_ruled_out_nor_called_unchecked(
    practice: PracticeServer, admin: OrgConnection, verify: ssl.SSLContext
) -> None:
    # 'sub names another user': the org finds the user, which cannot rule out that a different one was approved
    practice.set_scenario("user-not-approved")
    options = ExchangeOptions(trust=Trust.BUNDLE, ca_bundle=practice.ca_file, max_retries=0)
    from sfjwt_gui.core.claims import Claims
    from sfjwt_gui.core.jwt_codec import sign

    assert practice.demo_private_key is not None
    assertion = sign(
        Claims.new(practice.consumer_key, practice.username, practice.audience).to_payload(), practice.demo_private_key
    )
    diagnosis = diagnose(request_token(practice.token_url, assertion, options), assertion=assertion, lang="en")
    add_org_answers(diagnosis, _inspect(practice, admin, verify))
    wrong_user = next(c for c in diagnosis.causes if c.id == "wrong-user")
    assert wrong_user.status is not Status.RULED_OUT
    assert wrong_user.org_note_label == "not_ruled_out_org"
    assert wrong_user.org_note
    text = diagnosis.to_text()
    assert f"the org cannot rule this out: {wrong_user.org_note}" in text
    assert f"could not check in the org: {wrong_user.org_note}" not in text
