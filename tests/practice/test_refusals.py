"""Every refusal of the token endpoint over real HTTP and HTTPS: exact status, headers and body, in check order."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from sfjwt_gui.practice import PracticeServer
from sfjwt_gui.practice.org import App, Approval, AppType, OrgKind, OrgState, PermittedUsers

GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
Refused = Callable[[httpx.Response, str, str], None]
Post = Callable[[str], httpx.Response]
Sign = Callable[..., str]


@pytest.fixture(scope="module")
def other_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


# ---------------------------------------------------------------- request format


def test_get_must_use_post(server: PracticeServer, client: httpx.Client, refused: Refused) -> None:
    refused(client.get(server.token_url), "invalid_request", "must use HTTP POST")


def test_put_must_use_post(server: PracticeServer, client: httpx.Client, refused: Refused, assertion: Sign) -> None:
    response = client.put(server.token_url, data={"grant_type": GRANT, "assertion": assertion()})
    refused(response, "invalid_request", "must use HTTP POST")


def test_plain_http_allowed_unless_https_is_demanded(
    server: PracticeServer, post_token: Post, assertion: Sign, refused: Refused
) -> None:
    server.faults.require_https = True
    response = post_token(assertion())
    if server.tls:
        assert response.status_code == 200
    else:
        refused(response, "invalid_request", "HTTPS required")
    server.faults.require_https = False
    assert post_token(assertion()).status_code == 200


def test_json_body_is_unsupported_grant_type(
    server: PracticeServer, client: httpx.Client, assertion: Sign, refused: Refused
) -> None:
    response = client.post(server.token_url, json={"grant_type": GRANT, "assertion": assertion()})
    refused(response, "unsupported_grant_type", "grant type not supported")


@pytest.mark.parametrize("grant", ["jwt-bearer", "urn:ietf:params:oauth:grant-type:jwt_bearer", "", "password"])
def test_wrong_grant_type(
    server: PracticeServer, client: httpx.Client, assertion: Sign, refused: Refused, grant: str
) -> None:
    response = client.post(server.token_url, data={"grant_type": grant, "assertion": assertion()})
    refused(response, "unsupported_grant_type", "grant type not supported")


def test_form_body_with_charset_is_accepted(server: PracticeServer, client: httpx.Client, assertion: Sign) -> None:
    body = f"grant_type={GRANT}&assertion={assertion()}"
    headers = {"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"}
    assert client.post(server.token_url, content=body, headers=headers).status_code == 200


def test_missing_assertion(server: PracticeServer, client: httpx.Client, refused: Refused) -> None:
    refused(client.post(server.token_url, data={"grant_type": GRANT}), "invalid_grant", "invalid assertion")


@pytest.mark.parametrize("text", ["not-a-jwt", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", "x.y"])
def test_unparseable_assertion(post_token: Post, refused: Refused, text: str) -> None:
    refused(post_token(text), "invalid_grant", "invalid assertion")


# ---------------------------------------------------------------- iss


def test_unknown_consumer_key(post_token: Post, assertion: Sign, refused: Refused) -> None:
    refused(post_token(assertion(iss="3MVG9typo")), "invalid_client_id", "client identifier invalid")


def test_missing_iss(post_token: Post, assertion: Sign, refused: Refused) -> None:
    refused(post_token(assertion(iss=None)), "invalid_client_id", "client identifier invalid")


def test_locked_org(server: PracticeServer, post_token: Post, assertion: Sign, refused: Refused) -> None:
    server.set_org(dataclasses.replace(server.base_org, state=OrgState.LOCKED))
    refused(post_token(assertion()), "inactive_org", "organization is locked, closed, or suspended")


def test_connected_app_without_jwt(server: PracticeServer, post_token: Post, assertion: Sign, refused: Refused) -> None:
    server.set_org(server.base_org.replace_app(0, jwt_enabled=False))
    refused(post_token(assertion()), "invalid_grant", "invalid assertion")


def _eca(server: PracticeServer, **changes: Any) -> None:
    server.set_org(server.base_org.replace_app(0, type=AppType.EXTERNAL_CLIENT_APP, **changes))


def test_eca_not_installed(server: PracticeServer, post_token: Post, assertion: Sign, refused: Refused) -> None:
    _eca(server, installed=False)
    refused(post_token(assertion()), "app_not_found", "External client app is not installed in this org")


def test_eca_without_jwt_flow(server: PracticeServer, post_token: Post, assertion: Sign, refused: Refused) -> None:
    _eca(server, jwt_enabled=False)
    refused(post_token(assertion()), "app_not_found", "External client app is not installed in this org")


def test_eca_refuses_test_salesforce_com_even_in_a_sandbox(
    server: PracticeServer, post_token: Post, assertion: Sign, refused: Refused
) -> None:
    sandbox = dataclasses.replace(server.base_org, kind=OrgKind.SANDBOX)
    server.set_org(sandbox.replace_app(0, type=AppType.EXTERNAL_CLIENT_APP))
    refused(
        post_token(assertion(aud="https://test.salesforce.com")),
        "app_not_found",
        "External client app is not installed in this org",
    )
    assert post_token(assertion(aud=sandbox.my_domain_url)).status_code == 200


def test_installed_eca_works_with_my_domain(server: PracticeServer, post_token: Post, assertion: Sign) -> None:
    _eca(server)
    assert post_token(assertion(aud="https://sfjwt-practice.my.salesforce.com")).status_code == 200


# ---------------------------------------------------------------- aud


@pytest.mark.parametrize(
    "aud",
    [
        "https://test.salesforce.com",
        "login.salesforce.com",
        "http://login.salesforce.com",
        "https://login.salesforce.com/services/oauth2/token",
        "https://sfjwt-practice.lightning.force.com",
        "https://other.my.salesforce.com",
        "",
        None,
    ],
)
def test_production_org_refuses_audience(post_token: Post, assertion: Sign, refused: Refused, aud: str | None) -> None:
    refused(post_token(assertion(aud=aud)), "invalid_grant", "audience is invalid")


def test_production_org_accepts_login_my_domain_and_itself(
    server: PracticeServer, post_token: Post, assertion: Sign
) -> None:
    for aud in (
        "https://login.salesforce.com",
        server.my_domain_url,
        server.url,
        ["x", "https://login.salesforce.com"],
    ):
        assert post_token(assertion(aud=aud)).status_code == 200, aud


def test_sandbox_org_is_the_other_way_round(
    server: PracticeServer, post_token: Post, assertion: Sign, refused: Refused
) -> None:
    server.set_org(dataclasses.replace(server.base_org, kind=OrgKind.SANDBOX, sandbox_name="uat"))
    refused(post_token(assertion(aud="https://login.salesforce.com")), "invalid_grant", "audience is invalid")
    assert post_token(assertion(aud="https://test.salesforce.com")).status_code == 200
    assert post_token(assertion(aud="https://sfjwt-practice--uat.sandbox.my.salesforce.com")).status_code == 200


# ---------------------------------------------------------------- signature


def test_signed_by_another_key(
    post_token: Post, claims: Callable[..., dict[str, Any]], other_key: rsa.RSAPrivateKey, refused: Refused
) -> None:
    from cryptography.hazmat.primitives import serialization
    from jwcrypto import jwk, jws

    pem = other_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    token = jws.JWS(json.dumps(claims()).encode())
    token.add_signature(jwk.JWK.from_pem(pem), None, json.dumps({"alg": "RS256"}))
    refused(post_token(token.serialize(compact=True)), "invalid_grant", "invalid assertion")


def test_tampered_payload(
    post_token: Post, assertion: Sign, claims: Callable[..., dict[str, Any]], refused: Refused
) -> None:
    import base64

    header, _payload, signature = assertion().split(".")
    forged = base64.urlsafe_b64encode(json.dumps(claims(sub="admin@example.com")).encode()).rstrip(b"=").decode()
    refused(post_token(f"{header}.{forged}.{signature}"), "invalid_grant", "invalid assertion")


def test_hs256_is_refused(
    server: PracticeServer, post_token: Post, claims: Callable[..., dict[str, Any]], refused: Refused
) -> None:
    import jwt

    token = jwt.encode(claims(), "x" * 32, algorithm="HS256")
    refused(post_token(token), "invalid_grant", "invalid assertion")


def test_typ_jwt_header_is_accepted(post_token: Post, rsa_key: Any, claims: Callable[..., dict[str, Any]]) -> None:
    from cryptography.hazmat.primitives import serialization
    from jwcrypto import jwk, jws

    pem = rsa_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    token = jws.JWS(json.dumps(claims()).encode())
    token.add_signature(jwk.JWK.from_pem(pem), None, json.dumps({"alg": "RS256", "typ": "JWT"}))
    assert post_token(token.serialize(compact=True)).status_code == 200


# ---------------------------------------------------------------- exp


def test_exp_in_the_past(post_token: Post, assertion: Sign, refused: Refused) -> None:
    refused(post_token(assertion(exp=int(time.time()) - 5)), "invalid_grant", "expired authorization code")


def test_missing_exp(post_token: Post, assertion: Sign, refused: Refused) -> None:
    refused(post_token(assertion(exp=None)), "invalid_grant", "invalid assertion")


@pytest.mark.parametrize("exp", ["soon", True, {"a": 1}])
def test_non_numeric_exp(post_token: Post, assertion: Sign, refused: Refused, exp: object) -> None:
    refused(post_token(assertion(exp=exp)), "invalid_grant", "invalid assertion")


@pytest.mark.parametrize("exp", [10**400, -(10**400), "1e400"])
def test_exp_beyond_float_range(post_token: Post, assertion: Sign, refused: Refused, exp: object) -> None:
    # 10**400 once raised OverflowError in the handler, so the client saw the connection drop without an answer
    refused(post_token(assertion(exp=exp)), "invalid_grant", "invalid assertion")


@pytest.mark.parametrize(
    "make_exp",
    [
        lambda now: int(now * 1000) + 300,  # Salesforce CLI: Date.now() + 300 (milliseconds)
        lambda now: str(int(now) + 180),  # Salesforce docs sample: a string
        lambda now: int(now) + 86400,  # far more than 3 minutes ahead
        lambda now: now + 180.5,  # fractional
    ],
)
def test_real_salesforce_also_accepts_these_exp(
    post_token: Post, assertion: Sign, make_exp: Callable[[float], object]
) -> None:
    assert post_token(assertion(exp=make_exp(time.time()))).status_code == 200


def test_exp_is_judged_by_the_server_clock(
    server: PracticeServer, post_token: Post, assertion: Sign, refused: Refused
) -> None:
    server.faults.clock_offset = -600  # server behind: an assertion that expired 5 minutes ago still works
    assert post_token(assertion(exp=int(time.time()) - 300)).status_code == 200
    server.faults.clock_offset = 240  # server ahead by more than the lifetime
    refused(post_token(assertion()), "invalid_grant", "expired authorization code")


# ---------------------------------------------------------------- user and approval


def test_unknown_username(post_token: Post, assertion: Sign, refused: Refused) -> None:
    refused(
        post_token(assertion(sub="practice.user@example.com.uat")),
        "invalid_grant",
        "user hasn't approved this consumer",
    )


def test_username_is_case_insensitive(post_token: Post, assertion: Sign) -> None:
    assert post_token(assertion(sub="Practice.User@Example.com")).status_code == 200


def test_user_id_instead_of_username(
    server: PracticeServer, post_token: Post, assertion: Sign, refused: Refused
) -> None:
    refused(post_token(assertion(sub=server.org.users[0].id)), "invalid_grant", "user hasn't approved this consumer")


def test_inactive_user(server: PracticeServer, post_token: Post, assertion: Sign, refused: Refused) -> None:
    server.set_org(server.base_org.replace_user(0, active=False))
    refused(post_token(assertion()), "inactive_user", "user is inactive")


def test_admin_approved_via_permission_set(
    server: PracticeServer, post_token: Post, assertion: Sign, refused: Refused
) -> None:
    org = server.base_org.replace_app(0, profiles=(), permission_sets=("JWT Integration",))
    server.set_org(org)
    refused(post_token(assertion()), "invalid_app_access", "user is not admin approved to access this app")
    server.set_org(org.replace_user(0, permission_sets=("JWT Integration",)))
    assert post_token(assertion()).status_code == 200


def test_self_authorize_needs_a_prior_approval_with_refresh_token(
    server: PracticeServer, post_token: Post, assertion: Sign, refused: Refused
) -> None:
    org = server.base_org.replace_app(0, permitted_users=PermittedUsers.ALL_USERS)
    key = org.apps[0].consumer_key
    server.set_org(org.replace_user(0, approvals=(Approval(key, ("api",)),)))
    refused(post_token(assertion()), "invalid_grant", "user hasn't approved this consumer")
    server.set_org(org.replace_user(0, approvals=(Approval(key, ("api", "refresh_token")),)))
    response = post_token(assertion())
    assert response.status_code == 200
    assert response.json()["scope"] == "api refresh_token"


def test_approval_of_another_app_does_not_count(
    server: PracticeServer, post_token: Post, assertion: Sign, refused: Refused
) -> None:
    org = server.base_org.replace_app(0, permitted_users=PermittedUsers.ALL_USERS)
    other = App(name="other", consumer_key="3MVG9other", certificate_pem=org.apps[0].certificate_pem)
    org = dataclasses.replace(org, apps=(*org.apps, other))
    server.set_org(org.replace_user(0, approvals=(Approval("3MVG9other", ("api", "refresh_token")),)))
    refused(post_token(assertion()), "invalid_grant", "user hasn't approved this consumer")
    assert post_token(assertion(iss="3MVG9other")).status_code == 200


# ---------------------------------------------------------------- scope, IP, rate limit


def test_unknown_scope_claim(post_token: Post, assertion: Sign, refused: Refused) -> None:
    refused(
        post_token(assertion(scope="api full_admin")),
        "invalid_scope",
        "requested scope is invalid, unknown, or malformed",
    )


def test_scope_claim_narrows_the_grant(post_token: Post, assertion: Sign) -> None:
    response = post_token(assertion(scope="api"))
    assert response.status_code == 200
    assert response.json()["scope"] == "api"


def test_ip_restrictions(server: PracticeServer, post_token: Post, assertion: Sign, refused: Refused) -> None:
    from sfjwt_gui.practice.org import IpRelaxation

    org = server.base_org.replace_app(0, ip_relaxation=IpRelaxation.ENFORCE)
    server.set_org(org.replace_user(0, login_ip_ranges=("10.0.0.0/8",)))
    refused(post_token(assertion()), "invalid_grant", "IP restricted or invalid login hours")
    server.set_org(org.replace_user(0, login_ip_ranges=("10.0.0.0/8", "127.0.0.0/8")))
    assert post_token(assertion()).status_code == 200
    relaxed = org.replace_app(0, ip_relaxation=IpRelaxation.RELAX)
    server.set_org(relaxed.replace_user(0, login_ip_ranges=("10.0.0.0/8",)))
    assert post_token(assertion()).status_code == 200


def test_rate_limit_after_n_logins(server: PracticeServer, post_token: Post, assertion: Sign, refused: Refused) -> None:
    server.faults.rate_limit_after = 2
    assert [post_token(assertion()).status_code for _ in range(2)] == [200, 200]
    refused(post_token(assertion()), "rate_limit_exceeded", "number of logins exceeded")
    server.reset_logins()
    assert post_token(assertion()).status_code == 200


def test_refused_requests_are_not_logins(server: PracticeServer, post_token: Post, assertion: Sign) -> None:
    server.faults.rate_limit_after = 1
    assert post_token(assertion(aud="https://test.salesforce.com")).status_code == 400
    assert post_token(assertion()).status_code == 200


def test_first_failing_check_answers(post_token: Post, assertion: Sign, refused: Refused) -> None:
    # unknown iss AND bad aud AND past exp AND unknown sub: iss is checked first
    text = assertion(iss="nope", aud="x", exp=1, sub="nobody")
    refused(post_token(text), "invalid_client_id", "client identifier invalid")
    refused(post_token(assertion(aud="x", exp=1, sub="nobody")), "invalid_grant", "audience is invalid")
    refused(post_token(assertion(exp=1, sub="nobody")), "invalid_grant", "expired authorization code")
