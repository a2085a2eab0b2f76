"""Every scenario over real HTTP and HTTPS: the learner's default request meets exactly the scenario's failure."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable
from email.utils import parsedate_to_datetime

import httpx
import pytest

from sfjwt_gui.practice import SCENARIOS, PracticeServer

Refused = Callable[[httpx.Response, str, str], None]

EXPECTED = {
    "user-not-approved": ("invalid_grant", "user hasn't approved this consumer"),
    "not-admin-approved": ("invalid_app_access", "user is not admin approved to access this app"),
    "wrong-audience": ("invalid_grant", "audience is invalid"),
    "certificate-mismatch": ("invalid_grant", "invalid assertion"),
    "expired-assertion": ("invalid_grant", "expired authorization code"),
    "unknown-client": ("invalid_client_id", "client identifier invalid"),
    "eca-not-installed": ("app_not_found", "External client app is not installed in this org"),
    "inactive-user": ("inactive_user", "user is inactive"),
    "ip-restricted": ("invalid_grant", "IP restricted or invalid login hours"),
    "rate-limited": ("rate_limit_exceeded", "number of logins exceeded"),
    "connected-app-not-installed": ("invalid_client", "app must be installed into org"),  # issue 12
    "api-access-control": ("invalid_app_access", "user is not admin approved to access this app"),
}


def test_the_issue_lists_every_scenario() -> None:
    assert set(SCENARIOS) == {"healthy", "maintenance", "jwt-access-token", *EXPECTED}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_scenario_has_a_story_in_english_and_japanese(name: str) -> None:
    scenario = SCENARIOS[name]
    assert scenario.title
    assert len(scenario.story) > 150
    assert scenario.title_in("ja") != scenario.title
    assert any("\u3040" <= ch <= "\u30ff" for ch in scenario.story_in("ja"))  # kana: really Japanese
    if scenario.expected_error:
        assert scenario.expected_error in scenario.story  # the story names the error the learner will see


def test_healthy_gives_a_token(
    server: PracticeServer, post_token: Callable[[str], httpx.Response], assertion: Callable[..., str]
) -> None:
    response = post_token(assertion())
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json;charset=UTF-8"
    assert response.headers["cache-control"] == "no-cache,must-revalidate,max-age=0,no-store,private"
    body = response.json()
    assert list(body) == ["access_token", "scope", "instance_url", "id", "token_type", "issued_at", "signature"]
    org = server.org
    assert body["access_token"].startswith(org.org_id[:15] + "!")
    assert body["token_type"] == "Bearer"
    assert body["instance_url"] == server.url
    assert body["id"] == f"{server.url}/id/{org.org_id}/{org.users[0].id}"
    assert body["scope"] == "api refresh_token offline_access"
    assert "refresh_token" not in body
    assert "expires_in" not in body
    issued = int(body["issued_at"])
    server_date = parsedate_to_datetime(response.headers["date"]).timestamp()
    assert abs(issued / 1000 - server_date) < 5
    secret = org.apps[0].consumer_secret.encode()
    expected = hmac.new(secret, (body["id"] + body["issued_at"]).encode(), hashlib.sha256).digest()
    assert base64.b64decode(body["signature"]) == expected


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_scenario_refuses_the_default_request(
    name: str,
    server: PracticeServer,
    post_token: Callable[[str], httpx.Response],
    assertion: Callable[..., str],
    refused: Refused,
) -> None:
    scenario = server.set_scenario(name)
    response = post_token(assertion())
    error, description = EXPECTED[name]
    refused(response, error, description)
    assert (scenario.expected_status, scenario.expected_error, scenario.expected_description) == (
        400,
        error,
        description,
    )


def test_maintenance_returns_the_html_page_with_503(
    server: PracticeServer, post_token: Callable[[str], httpx.Response], assertion: Callable[..., str]
) -> None:
    server.set_scenario("maintenance")
    response = post_token(assertion())
    assert response.status_code == 503
    assert response.headers["content-type"] == "text/html;charset=UTF-8"
    assert response.text.startswith("<!DOCTYPE html>")
    assert "Maintenance" in response.text
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.text)


@pytest.mark.parametrize(
    ("name", "fix"),
    [
        ("wrong-audience", {"aud": "https://test.salesforce.com"}),
        ("wrong-audience", {"aud": "https://sfjwt-practice--uat.sandbox.my.salesforce.com"}),
        ("expired-assertion", {"exp_ahead": 3600 + 180}),
    ],
)
def test_the_documented_fix_works(
    name: str,
    fix: dict[str, object],
    server: PracticeServer,
    post_token: Callable[[str], httpx.Response],
    assertion: Callable[..., str],
) -> None:
    import time

    server.set_scenario(name)
    changes = dict(fix)
    if "exp_ahead" in changes:
        changes = {"exp": int(time.time()) + int(str(changes.pop("exp_ahead")))}
    assert post_token(assertion(**changes)).status_code == 200


def test_expired_assertion_shows_the_skew_in_the_date_header(server: PracticeServer, client: httpx.Client) -> None:
    import time

    server.set_scenario("expired-assertion")
    response = client.get(server.url + "/services/data/")
    skew = parsedate_to_datetime(response.headers["date"]).timestamp() - time.time()
    assert 3590 < skew < 3610


def test_switching_scenarios_at_runtime_resets_faults_and_logins(
    server: PracticeServer, post_token: Callable[[str], httpx.Response], assertion: Callable[..., str]
) -> None:
    server.set_scenario("maintenance")
    assert server.faults.maintenance
    server.set_scenario("healthy")
    assert not server.faults.maintenance
    assert post_token(assertion()).status_code == 200
    assert server.logins == 1
    server.set_scenario("rate-limited")
    assert server.logins == 0
    assert server.faults.rate_limit_after == 0
    assert server.scenario.name == "rate-limited"


def test_api_access_control_lets_allow_listed_apps_and_any_api_client_users_through(
    server: PracticeServer,
    post_token: Callable[[str], httpx.Response],
    assertion: Callable[..., str],
    refused: Refused,
) -> None:
    """The reference's rule (forcedotcom/cli #3260, #3327): with API Access Control on, a pre-authorized user is
    refused unless the app is on the allow-list or the user has "Use Any API Client" (the permission that only
    lets users use uninstalled apps does not pass it)."""
    import dataclasses

    base = dataclasses.replace(server.base_org, api_access_control=True)
    for org, passes in (
        (base, False),
        (base.replace_app(0, api_access_allowed=True), True),
        (base.replace_user(0, permissions=("UseAnyApiClient",)), True),
        (base.replace_user(0, permissions=("ApproveUninstalledConnectedApps",)), False),
        (dataclasses.replace(base, api_access_control=False), True),
    ):
        server.set_org(org)
        response = post_token(assertion())
        if passes:
            assert response.status_code == 200, response.text
        else:
            refused(response, "invalid_app_access", "user is not admin approved to access this app")
