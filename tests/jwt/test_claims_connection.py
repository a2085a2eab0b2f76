"""Claims, presets, token URLs and host kinds."""

from __future__ import annotations

import time

import pytest

from sfjwt_gui.core.claims import Claims, parse_claim_assignment
from sfjwt_gui.core.connection import (
    Connection,
    HostKind,
    Preset,
    classify_host,
    endpoint_host,
    login_url,
    parse_preset,
    preset_connection,
    token_url,
)
from sfjwt_gui.core.errors import ClaimsError, ConnectionSettingsError


def test_new_claims_expire_in_180_seconds_utc_epoch() -> None:
    before = int(time.time())
    claims = Claims.new("3MVGx", "u@acme.com", "https://login.salesforce.com")
    after = int(time.time())
    assert claims.exp is not None
    assert before + 180 <= claims.exp <= after + 180
    assert claims.iat is None


def test_lifetime_and_now_are_configurable_and_payload_is_ordered() -> None:
    claims = Claims.new(" 3MVGx ", "u@acme.com", "https://test.salesforce.com", lifetime=60, now=1000.9, issued_at=True)
    claims.scope = "api"
    claims.extra["custom"] = [1]
    assert claims.to_payload() == {
        "iss": "3MVGx", "sub": "u@acme.com", "aud": "https://test.salesforce.com", "exp": 1060, "iat": 1000,
        "scope": "api", "custom": [1],
    }  # fmt: skip
    assert list(claims.to_payload())[:4] == ["iss", "sub", "aud", "exp"]


@pytest.mark.parametrize(
    ("iss", "sub", "aud", "lifetime"),
    [("", "u", "https://x", 180), ("i", " ", "https://x", 180), ("i", "u", "", 180), ("i", "u", "a", 0),
     ("i", "u", "a", -5), ("i", "u", "a", True)],
)  # fmt: skip
def test_bad_claims_are_refused(iss: str, sub: str, aud: str, lifetime: int) -> None:
    with pytest.raises(ClaimsError) as info:
        Claims.new(iss, sub, aud, lifetime=lifetime)
    assert info.value.fix


def test_from_payload_round_trips_and_keeps_odd_types_in_extra() -> None:
    payload = {"iss": "3MVGx", "sub": "u", "aud": "https://a", "exp": "1700000000", "nbf": 5, "prn": "legacy"}
    claims = Claims.from_payload(payload)
    assert claims.exp is None
    assert claims.nbf == 5
    assert claims.extra == {"exp": "1700000000", "prn": "legacy"}
    assert claims.to_payload() == payload


@pytest.mark.parametrize(
    ("text", "expected"),
    [("scope=api", ("scope", "api")), ("n=5", ("n", 5)), ("a=[1, 2]", ("a", [1, 2])), ("flag=true", ("flag", True)),
     ("eq=a=b", ("eq", "a=b")), ("empty=", ("empty", ""))],
)  # fmt: skip
def test_claim_assignments(text: str, expected: tuple[str, object]) -> None:
    assert parse_claim_assignment(text) == expected


@pytest.mark.parametrize("text", ["noequals", "=value", "  =x"])
def test_bad_claim_assignments(text: str) -> None:
    with pytest.raises(ClaimsError):
        parse_claim_assignment(text)


@pytest.mark.parametrize(
    ("preset", "url"),
    [
        ("production", "https://login.salesforce.com"),
        ("sandbox", "https://test.salesforce.com"),
        ("mydomain:acme", "https://acme.my.salesforce.com"),
        ("mydomain:ACME.my.salesforce.com", "https://acme.my.salesforce.com"),
        ("mydomain-sandbox:acme:uat", "https://acme--uat.sandbox.my.salesforce.com"),
        ("site:https://acme.my.site.com/customers/", "https://acme.my.site.com/customers"),
        ("custom:http://127.0.0.1:8080/services/oauth2/token", "http://127.0.0.1:8080"),
    ],
)
def test_presets_set_endpoint_and_aud(preset: str, url: str) -> None:
    connection = parse_preset(preset)
    assert connection == Connection(endpoint=url, aud=url)
    assert connection.token_url == url + "/services/oauth2/token"


def test_endpoint_and_aud_stay_independent() -> None:
    connection = preset_connection(Preset.MYDOMAIN, domain="acme", aud="https://login.salesforce.com")
    assert connection.endpoint == "https://acme.my.salesforce.com"
    assert connection.aud == "https://login.salesforce.com"
    other = preset_connection("sandbox", endpoint="https://acme--uat.sandbox.my.salesforce.com")
    assert (other.endpoint, other.aud) == ("https://acme--uat.sandbox.my.salesforce.com", "https://test.salesforce.com")


@pytest.mark.parametrize(
    "text", ["", "staging", "mydomain:", "mydomain:bad_name", "mydomain:a--b", "mydomain-sandbox:acme", "site:",
             "mydomain-sandbox:acme:u-a-t", "production:x"],
)  # fmt: skip
def test_bad_presets_say_what_to_write(text: str) -> None:
    with pytest.raises(ConnectionSettingsError) as info:
        parse_preset(text)
    assert info.value.fix


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [
        ("https://login.salesforce.com", "https://login.salesforce.com/services/oauth2/token"),
        ("https://login.salesforce.com/", "https://login.salesforce.com/services/oauth2/token"),
        ("login.salesforce.com", "https://login.salesforce.com/services/oauth2/token"),
        ("https://login.salesforce.com/services/oauth2/token", "https://login.salesforce.com/services/oauth2/token"),
        ("https://login.salesforce.com/services/oauth2/token/", "https://login.salesforce.com/services/oauth2/token"),
        ("http://127.0.0.1:5000", "http://127.0.0.1:5000/services/oauth2/token"),
        ("https://acme.my.site.com/customers", "https://acme.my.site.com/customers/services/oauth2/token"),
    ],
)
def test_token_url_accepts_a_login_host_or_the_full_url(endpoint: str, expected: str) -> None:
    assert token_url(endpoint) == expected
    assert token_url(login_url(endpoint)) == expected


@pytest.mark.parametrize(
    "endpoint", ["", "ftp://login.salesforce.com", "https://", "https://x:99999", "https://a/?q=1"]
)
def test_bad_endpoints(endpoint: str) -> None:
    with pytest.raises(ConnectionSettingsError):
        token_url(endpoint)


@pytest.mark.parametrize(
    ("host", "kind", "org", "environment"),
    [
        ("login.salesforce.com", HostKind.LOGIN, None, "production"),
        ("TEST.salesforce.com.", HostKind.TEST, None, "sandbox"),
        ("acme.my.salesforce.com", HostKind.MY_DOMAIN, "acme", "production"),
        ("acme-dev-ed.develop.my.salesforce.com", HostKind.MY_DOMAIN, "acme-dev-ed", "production"),
        ("acme--uat.sandbox.my.salesforce.com", HostKind.MY_DOMAIN_SANDBOX, "acme--uat", "sandbox"),
        ("acme--uat.my.salesforce.com", HostKind.MY_DOMAIN_SANDBOX, "acme--uat", "sandbox"),
        ("power-page-1234.scratch.my.salesforce.com", HostKind.MY_DOMAIN_SANDBOX, "power-page-1234", "sandbox"),
        ("acme.trailblaze.my.salesforce.com", HostKind.MY_DOMAIN, "acme", "production"),
        ("acme.future.my.salesforce.com", HostKind.MY_DOMAIN, "acme", None),
        ("a.b.c.my.salesforce.com", HostKind.SALESFORCE_OTHER, None, None),
        ("acme.lightning.force.com", HostKind.LIGHTNING, "acme", None),
        ("acme.my.site.com", HostKind.SITE, "acme", None),
        ("acme.force.com", HostKind.SITE, "acme", None),
        ("na1.salesforce.com", HostKind.SALESFORCE_OTHER, None, None),
        ("127.0.0.1", HostKind.LOOPBACK, None, None),
        ("::1", HostKind.LOOPBACK, None, None),
        ("localhost", HostKind.LOOPBACK, None, None),
        ("auth.acme.com", HostKind.CUSTOM, None, None),
        ("evil.my.salesforce.com.attacker.io", HostKind.CUSTOM, None, None),
    ],
)
def test_host_kinds(host: str, kind: HostKind, org: str | None, environment: str | None) -> None:
    info = classify_host(host)
    assert (info.kind, info.org, info.environment) == (kind, org, environment)


def test_endpoint_host_reads_ports_and_ipv6() -> None:
    assert endpoint_host("http://127.0.0.1:8080/services/oauth2/token").kind is HostKind.LOOPBACK
    assert endpoint_host("https://[::1]:8443").kind is HostKind.LOOPBACK
    assert endpoint_host("acme.my.salesforce.com").org == "acme"


def test_restamped_keeps_the_lifetime_and_returns_new_claims() -> None:
    from sfjwt_gui.core.claims import Claims

    old = Claims("3MVGx", "u@example.com", "https://login.salesforce.com", exp=1_000_300, iat=1_000_000, nbf=999_990)
    old.extra["scope_hint"] = ["api"]
    new = old.restamped(2_000_000.9)
    assert (new.iat, new.exp, new.nbf) == (2_000_000, 2_000_300, 1_999_990)
    assert (old.iat, old.exp, old.nbf) == (1_000_000, 1_000_300, 999_990)  # unchanged
    assert new.extra == old.extra
    assert new.extra is not old.extra
    assert (new.iss, new.sub, new.aud) == (old.iss, old.sub, old.aud)


def test_restamped_without_iat_uses_the_lifetime_and_adds_no_iat() -> None:
    from sfjwt_gui.core.claims import Claims

    old = Claims("3MVGx", "u@example.com", "https://login.salesforce.com", exp=5)
    new = old.restamped(1_000, lifetime=120)
    assert (new.iat, new.exp) == (None, 1_120)
    assert Claims("i", "s", "a", exp=None, iat=1).restamped(50) == Claims("i", "s", "a", exp=None, iat=50)
