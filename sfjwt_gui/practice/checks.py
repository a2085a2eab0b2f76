"""The token endpoint's checks, in the order the practice server applies them (pure functions, no I/O).

Order (the first failing check answers; every refusal is HTTP 400 with the exact Salesforce body):

 1. method: not POST                          -> invalid_request / must use HTTP POST
 2. scheme: plain HTTP while ``require_https`` -> invalid_request / HTTPS required
    (off by default: plain HTTP is allowed on loopback so people can practise without certificates)
 3. a body that is not form-encoded, or ``grant_type`` not the JWT bearer URN
                                              -> unsupported_grant_type / grant type not supported
    (the parameters may also come in the query string of the POST, as public JWT examples send them with an
    empty body; a form body's value wins over the query string's)
 4. assertion missing or not a parseable JWS (three base64url parts, JSON header and payload object)
                                              -> invalid_grant / invalid assertion            [missing: UNCONFIRMED]
 5. org locked                                -> inactive_org / organization is locked, closed, or suspended
 6. ``iss``: no app with that consumer key    -> invalid_client_id / client identifier invalid
    external client app not installed, or without JWT enabled
                                              -> app_not_found / External client app is not installed in this org
    connected app without JWT (no "Use digital signatures")
                                              -> invalid_grant / invalid assertion            [UNCONFIRMED]
 7. ``aud``: an external client app given https://test.salesforce.com
                                              -> app_not_found / External client app is not installed in this org
    any other value the org does not accept  -> invalid_grant / audience is invalid
 8. signature: not RS256, or does not verify with the app's certificate
                                              -> invalid_grant / invalid assertion
 9. ``exp`` missing or not a number           -> invalid_grant / invalid assertion            [UNCONFIRMED]
    ``exp`` not after the server's clock      -> invalid_grant / expired authorization code
    (milliseconds, strings and long lifetimes are accepted, as real Salesforce does)
10. user: ``sub`` unknown                     -> invalid_grant / user hasn't approved this consumer [UNCONFIRMED]
    (the user is ``prn`` when present, else ``sub``: Salesforce KB 000204593 says prn wins when both are there)
    user inactive                             -> inactive_user / user is inactive
11. a connected app not installed in the org (since September 2025) and a user without "Approve Uninstalled
    Connected Apps" or "Use Any API Client"  -> invalid_client / app must be installed into org    [HTTP status and
    the JWT flow's answer: reported, KB 005132365 documents the block]
    approval: admin-approved policy without the user's profile or permission set
                                              -> invalid_app_access / user is not admin approved to access this app
    API Access Control on, the app not allow-listed and a user without "Use Any API Client" (even pre-authorized)
                                              -> invalid_app_access / user is not admin approved to access this app
                                                 [the description: UNCONFIRMED, reported as invalid_app_access]
    self-authorize policy without a prior approval that included refresh_token
                                              -> invalid_grant / user hasn't approved this consumer
12. ``scope`` claim naming a scope the app does not have
                                              -> invalid_scope / requested scope is invalid, unknown, or malformed
13. IP: app enforces IP restrictions and the client address is outside the user's login IP ranges
                                              -> invalid_grant / IP restricted or invalid login hours
14. login rate limit (stateful: done by the server with ``rate_limit_refusal``)
                                              -> rate_limit_exceeded / number of logins exceeded
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import ipaddress
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qs

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from sfjwt_gui.core import safe_json
from sfjwt_gui.practice.org import App, AppType, IpRelaxation, Org, OrgState, PermittedUsers, User

JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"


class Step(StrEnum):
    """Which check refused the request."""

    METHOD = "method"
    SCHEME = "scheme"
    GRANT = "grant"
    ASSERTION = "assertion"
    ORG = "org"
    ISSUER = "iss"
    AUDIENCE = "aud"
    SIGNATURE = "signature"
    EXPIRY = "exp"
    USER = "user"
    APPROVAL = "approval"
    SCOPE = "scope"
    IP = "ip"
    RATE_LIMIT = "rate_limit"


@dataclass(frozen=True)
class Refusal:
    """A token-endpoint error exactly as Salesforce sends it."""

    error: str
    description: str
    status: int = 400
    confirmed: bool = True

    def body(self) -> bytes:
        """The exact JSON body (compact, as Salesforce writes it)."""
        return json.dumps({"error": self.error, "error_description": self.description}, separators=(",", ":")).encode()


MUST_POST = Refusal("invalid_request", "must use HTTP POST")
HTTPS_REQUIRED = Refusal("invalid_request", "HTTPS required")
UNSUPPORTED_GRANT = Refusal("unsupported_grant_type", "grant type not supported")
INVALID_ASSERTION = Refusal("invalid_grant", "invalid assertion")
MISSING_ASSERTION = Refusal("invalid_grant", "invalid assertion", confirmed=False)
INACTIVE_ORG = Refusal("inactive_org", "organization is locked, closed, or suspended")
CLIENT_INVALID = Refusal("invalid_client_id", "client identifier invalid")
APP_NOT_FOUND = Refusal("app_not_found", "External client app is not installed in this org")
NO_JWT_ON_APP = Refusal("invalid_grant", "invalid assertion", confirmed=False)
AUDIENCE_INVALID = Refusal("invalid_grant", "audience is invalid")
BAD_EXP = Refusal("invalid_grant", "invalid assertion", confirmed=False)
EXPIRED = Refusal("invalid_grant", "expired authorization code")
UNKNOWN_USER = Refusal("invalid_grant", "user hasn't approved this consumer", confirmed=False)
INACTIVE_USER = Refusal("inactive_user", "user is inactive")
NOT_ADMIN_APPROVED = Refusal("invalid_app_access", "user is not admin approved to access this app")
APP_NOT_INSTALLED = Refusal("invalid_client", "app must be installed into org", confirmed=False)
API_ACCESS_CONTROLLED = dataclasses.replace(NOT_ADMIN_APPROVED, confirmed=False)  # forcedotcom/cli #3260, #3327
UNINSTALLED_APP_PERMISSIONS = frozenset({"ApproveUninstalledConnectedApps", "UseAnyApiClient"})
NOT_APPROVED = Refusal("invalid_grant", "user hasn't approved this consumer")
INVALID_SCOPE = Refusal("invalid_scope", "requested scope is invalid, unknown, or malformed")
IP_RESTRICTED = Refusal("invalid_grant", "IP restricted or invalid login hours")
RATE_LIMITED = Refusal("rate_limit_exceeded", "number of logins exceeded")


@dataclass(frozen=True)
class TokenRequest:
    """What arrived at the token endpoint, reduced to what the checks need."""

    method: str
    tls: bool
    content_type: str | None
    body: bytes
    client_ip: str
    now: float  # the server's clock (with its offset), seconds since the epoch
    extra_audiences: tuple[str, ...] = ()  # the server's own base URL(s) count as a My Domain host
    require_https: bool = False
    query: str = ""  # the query string of the request URL
    site: str | None = None  # the Experience Cloud site URL whose token endpoint was called


@dataclass(frozen=True)
class ParsedAssertion:
    """A JWS split and decoded, nothing verified yet."""

    header: dict[str, Any]
    payload: dict[str, Any]
    signing_input: bytes
    signature: bytes


@dataclass(frozen=True)
class Grant:
    """All checks passed (before the rate limit): who logs in, through which app, with which scopes."""

    app: App
    user: User
    scopes: tuple[str, ...]
    site: str | None = None  # the Experience Cloud site the token was asked through


@dataclass(frozen=True)
class Outcome:
    """The result of the checks: exactly one of ``refusal`` / ``grant`` is set."""

    step: Step | None
    refusal: Refusal | None = None
    grant: Grant | None = None


def _b64url(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def parse_assertion(text: str) -> ParsedAssertion | None:
    """Split and decode a compact JWS; None when it is not one."""
    parts = text.strip().split(".")
    if len(parts) != 3 or not all(parts[:2]):
        return None
    try:
        header = safe_json.loads(_b64url(parts[0]))
        payload = safe_json.loads(_b64url(parts[1]))
        signature = _b64url(parts[2])
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(header, dict) or not isinstance(payload, dict):
        return None
    return ParsedAssertion(header, payload, f"{parts[0]}.{parts[1]}".encode("ascii", "replace"), signature)


def load_app_certificate(app: App) -> x509.Certificate | None:
    """The app's uploaded certificate, or None when it has none (or it is unreadable)."""
    return _certificate_from_pem(app.certificate_pem) if app.certificate_pem else None


@lru_cache(maxsize=64)
def _certificate_from_pem(pem: str) -> x509.Certificate | None:
    try:
        return x509.load_pem_x509_certificate(pem.encode())
    except ValueError:
        return None


def signature_valid(assertion: ParsedAssertion, certificate: x509.Certificate | None) -> bool:
    """RS256 (RSASSA-PKCS1-v1_5 with SHA-256) over ``header.payload``, checked with cryptography directly."""
    if certificate is None or assertion.header.get("alg") != "RS256":
        return False
    public_key = certificate.public_key()
    if not isinstance(public_key, RSAPublicKey):
        return False
    try:
        public_key.verify(assertion.signature, assertion.signing_input, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        return False
    return True


def numeric_exp(value: Any) -> float | None:
    """``exp`` as a number: ints, floats and numeric strings count (Salesforce's own sample sends a string)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:  # 10**400: no more a time than the string "1e400" (which float() makes inf)
            return None
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _audiences(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def audience_accepted(aud: Iterable[str], accepted: Iterable[str]) -> bool:
    """True when one ``aud`` value equals an accepted URL (scheme and host compared case-insensitively)."""
    wanted = {a.casefold() for a in accepted}
    return any(value.casefold() in wanted for value in aud)


def ip_allowed(client_ip: str, ranges: Iterable[str]) -> bool:
    """True when ``client_ip`` is inside one of the CIDR ``ranges`` (no ranges = anywhere)."""
    networks = [ipaddress.ip_network(r, strict=False) for r in ranges]
    if not networks:
        return True
    try:
        address = ipaddress.ip_address(client_ip)
    except ValueError:
        return False
    return any(address in network for network in networks if network.version == address.version)


def approved_scopes(app: App, user: User) -> tuple[str, ...] | Refusal:
    """The scopes the user may get through ``app``, or why not."""
    if app.permitted_users is PermittedUsers.ADMIN_APPROVED:
        if user.profile in app.profiles or set(user.permission_sets) & set(app.permission_sets):
            return app.scopes
        return NOT_ADMIN_APPROVED
    for approval in user.approvals:
        if approval.consumer_key == app.consumer_key and "refresh_token" in approval.scopes:
            return approval.scopes
    return NOT_APPROVED


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def request_parameters(request: TokenRequest) -> dict[str, list[str]] | None:
    """The token request's parameters: the query string's, overridden by a form body's; None for any other body."""
    try:
        query = parse_qs(request.query, keep_blank_values=True)
        if not request.body:
            return query
        if _media_type(request.content_type) != FORM_CONTENT_TYPE:
            return None
        return query | parse_qs(request.body.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        return None


def login_name(claims: dict[str, Any]) -> str | None:
    """Who logs in: ``prn`` when it is there (the legacy claim wins, KB 000204593), else ``sub``."""
    for name in ("prn", "sub"):
        value = claims.get(name)
        if isinstance(value, str) and value:
            return value
    return None


def check_token_request(request: TokenRequest, org: Org) -> Outcome:
    """Run checks 1–13 (see the module docstring) and return the first refusal or the grant."""
    if request.method != "POST":
        return Outcome(Step.METHOD, MUST_POST)
    if request.require_https and not request.tls:
        return Outcome(Step.SCHEME, HTTPS_REQUIRED)
    form = request_parameters(request)
    if form is None or form.get("grant_type", [""])[0] != JWT_BEARER_GRANT:
        return Outcome(Step.GRANT, UNSUPPORTED_GRANT)

    raw = form.get("assertion", [""])[0]
    if not raw:
        return Outcome(Step.ASSERTION, MISSING_ASSERTION)
    assertion = parse_assertion(raw)
    if assertion is None:
        return Outcome(Step.ASSERTION, INVALID_ASSERTION)
    claims = assertion.payload

    if org.state is OrgState.LOCKED:
        return Outcome(Step.ORG, INACTIVE_ORG)

    iss = claims.get("iss")
    app = org.find_app(iss) if isinstance(iss, str) else None
    if app is None:
        return Outcome(Step.ISSUER, CLIENT_INVALID)
    is_eca = app.type is AppType.EXTERNAL_CLIENT_APP
    if is_eca and (not app.installed or not app.jwt_enabled):
        return Outcome(Step.ISSUER, APP_NOT_FOUND)
    if not app.jwt_enabled:
        return Outcome(Step.ISSUER, NO_JWT_ON_APP)

    aud = _audiences(claims.get("aud"))
    if is_eca and audience_accepted(aud, ["https://test.salesforce.com"]):
        return Outcome(Step.AUDIENCE, APP_NOT_FOUND)
    if not audience_accepted(aud, (*org.audiences(), *request.extra_audiences)):
        return Outcome(Step.AUDIENCE, AUDIENCE_INVALID)

    if not signature_valid(assertion, load_app_certificate(app)):
        return Outcome(Step.SIGNATURE, INVALID_ASSERTION)

    exp = numeric_exp(claims.get("exp"))
    if exp is None:
        return Outcome(Step.EXPIRY, BAD_EXP)
    if exp <= request.now:
        return Outcome(Step.EXPIRY, EXPIRED)

    sub = login_name(claims)
    user = org.find_user(sub) if sub is not None else None
    if user is None:
        return Outcome(Step.USER, UNKNOWN_USER)
    if not user.active:
        return Outcome(Step.USER, INACTIVE_USER)

    if not is_eca and not app.installed and not UNINSTALLED_APP_PERMISSIONS & set(user.permissions):
        return Outcome(Step.APPROVAL, APP_NOT_INSTALLED)
    scopes = approved_scopes(app, user)
    if isinstance(scopes, Refusal):
        return Outcome(Step.APPROVAL, scopes)
    if org.api_access_control and not app.api_access_allowed and "UseAnyApiClient" not in user.permissions:
        return Outcome(Step.APPROVAL, API_ACCESS_CONTROLLED)

    requested = claims.get("scope")
    if requested is not None:
        names = requested.split() if isinstance(requested, str) else None
        if not names or not set(names) <= set(app.scopes) | {"id", "openid", "web"}:
            return Outcome(Step.SCOPE, INVALID_SCOPE)
        scopes = tuple(names)

    if app.ip_relaxation is IpRelaxation.ENFORCE and not ip_allowed(request.client_ip, user.login_ip_ranges):
        return Outcome(Step.IP, IP_RESTRICTED)

    return Outcome(None, grant=Grant(app=app, user=user, scopes=scopes, site=request.site))


def rate_limit_refusal(logins_so_far: int, limit: int | None) -> Refusal | None:
    """Check 14: ``rate_limit_exceeded`` once ``limit`` logins have been granted."""
    if limit is not None and logins_so_far >= limit:
        return RATE_LIMITED
    return None
