"""Org checks: pure functions of the facts read from the org and the request, returning typed verdicts.

Each check answers one question a catalogue cause asks and returns an ``OrgCheck``: ``ok`` (the org rules the
problem out), ``problem`` (the org confirms it) or ``could_not_check`` (with ``needs``: the permission or API the
admin token lacked, or the input that was not given). ``record`` is the row or metadata that decided it.
Texts live in ``resources/errors/org.json`` (``evidence`` templates filled with ``params``). ``CHECKS`` is the table.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from sfjwt_gui.core.org.facts import AppFacts, OrgFacts, Read, as_dict

# metadata scope names that make an earlier approval survive (refresh_token, offline_access)
REFRESH_SCOPES = frozenset({"RefreshToken", "refresh_token", "offline_access"})
IP_RESTRICTED_WORDS = ("ip restricted", "restricted ip", "login hours")


class CheckStatus(StrEnum):
    """Verdict of an org check."""

    OK = "ok"
    PROBLEM = "problem"
    COULD_NOT_CHECK = "could_not_check"


@dataclass(frozen=True)
class OrgCheck:
    """One check's verdict, the template and values of its evidence, and the record that decided it."""

    id: str
    status: CheckStatus
    template: str
    params: dict[str, Any] = field(default_factory=dict)
    record: dict[str, Any] | None = None
    needs: str | None = None  # "insufficient_access:SetupEntityAccess", "input:cert", "skipped:no_user" …
    unconfirmed: bool = False  # a field or value no Salesforce source confirms


@dataclass(frozen=True)
class Request:
    """What the JWT asks for: the consumer key, the username, the audience and the signing certificate; without a
    certificate, ``signing_key`` (the public half of the signer: keyring, file, token or KMS key) is compared."""

    iss: str
    sub: str
    aud: str | None = None
    certificate: x509.Certificate | None = None
    signing_key: RSAPublicKey | None = None


Check = Callable[[OrgFacts, Request], OrgCheck]


def cannot(check_id: str, read: Read[Any]) -> OrgCheck:
    """``could_not_check`` for a fact that is missing: the refusal's need, or why it was skipped."""
    if read.refusal is not None:
        return OrgCheck(
            check_id,
            CheckStatus.COULD_NOT_CHECK,
            "refused",
            {"object": read.refusal.what, "code": read.refusal.code, "message": read.refusal.message},
            needs=read.refusal.needs,
        )
    return OrgCheck(
        check_id,
        CheckStatus.COULD_NOT_CHECK,
        f"skipped_{read.skipped or 'unknown'}",
        needs=f"skipped:{read.skipped or 'unknown'}",
    )


def _user_record(user: dict[str, Any]) -> dict[str, Any]:
    profile = as_dict(user.get("Profile"))
    return {
        "object": "User",
        "Id": user.get("Id"),
        "Username": user.get("Username"),
        "IsActive": user.get("IsActive"),
        "Profile.Name": profile.get("Name"),
    }


def check_user_exists(facts: OrgFacts, req: Request) -> OrgCheck:
    """Is there a user whose username is ``sub``?"""
    read = facts.user
    if not read.ok:
        return cannot("user_exists", read)
    if read.value is None:
        return OrgCheck(
            "user_exists",
            CheckStatus.PROBLEM,
            "user_missing",
            {"sub": req.sub},
            {"object": "User", "query": f"Username = '{req.sub}'", "totalSize": 0},
        )
    record = _user_record(read.value)
    exact = record["Username"] == req.sub
    return OrgCheck(
        "user_exists",
        CheckStatus.OK,
        "user_found" if exact else "user_found_case",
        {"sub": req.sub, "username": record["Username"]},
        record,
    )


def check_user_active(facts: OrgFacts, req: Request) -> OrgCheck:
    """Is the user active?"""
    if not facts.user.ok:
        return cannot("user_active", facts.user)
    if facts.user.value is None:
        return cannot("user_active", Read(skipped="no_user"))
    record = _user_record(facts.user.value)
    if record["IsActive"] is False:
        return OrgCheck("user_active", CheckStatus.PROBLEM, "user_inactive", {"username": record["Username"]}, record)
    return OrgCheck("user_active", CheckStatus.OK, "user_active", {"username": record["Username"]}, record)


def check_app_exists(facts: OrgFacts, req: Request) -> OrgCheck:
    """Does an app of this org have ``iss`` as its consumer key?"""
    read = facts.app
    if not read.ok:
        return cannot("app_exists", read)
    if read.value is None:
        count = len(facts.apps.value or [])
        return OrgCheck(
            "app_exists",
            CheckStatus.PROBLEM,
            "app_missing",
            {"iss": _short(req.iss), "count": count},
            {"object": "ConnectedApp/ExtlClntAppGlobalOauthSettings", "consumerKey": _short(req.iss), "found": 0},
        )
    app = read.value
    return OrgCheck(
        "app_exists", CheckStatus.OK, f"app_found_{app.kind}", {"app": app.label, "name": app.name}, app.record
    )


def _app(facts: OrgFacts, check_id: str) -> AppFacts | OrgCheck:
    if not facts.app.ok:
        return cannot(check_id, facts.app)
    if facts.app.value is None:
        return cannot(check_id, Read(skipped="no_app"))
    return facts.app.value


def check_app_jwt_enabled(facts: OrgFacts, req: Request) -> OrgCheck:
    """Does the app hold a certificate ("Use digital signatures" / JWT bearer flow)?"""
    app = _app(facts, "app_jwt_enabled")
    if isinstance(app, OrgCheck):
        return app
    if not app.certificate_pem:
        return OrgCheck(
            "app_jwt_enabled",
            CheckStatus.PROBLEM,
            "app_no_certificate",
            {"app": app.label},
            app.record,
            unconfirmed=app.kind == "external_client_app",
        )
    return OrgCheck(
        "app_jwt_enabled",
        CheckStatus.OK,
        "app_has_certificate",
        {"app": app.label},
        app.record,
        unconfirmed=app.kind == "external_client_app",
    )


def uploaded_certificate(app: AppFacts) -> x509.Certificate | None:
    """The app's certificate as metadata returns it (PEM, or bare base64 DER)."""
    if not app.certificate_pem:
        return None
    text = app.certificate_pem.strip()
    try:
        if "BEGIN CERTIFICATE" in text:
            return x509.load_pem_x509_certificate(text.encode() + b"\n")
        import base64

        return x509.load_der_x509_certificate(base64.b64decode("".join(text.split())))
    except ValueError:
        return None


def check_app_certificate(facts: OrgFacts, req: Request) -> OrgCheck:
    """Is the app's certificate the one the signing key belongs to?"""
    from sfjwt_gui.core.fingerprints import sha256_fingerprint

    app = _app(facts, "app_certificate")
    if isinstance(app, OrgCheck):
        return app
    uploaded = uploaded_certificate(app)
    if uploaded is None:
        return OrgCheck("app_certificate", CheckStatus.PROBLEM, "app_no_certificate", {"app": app.label}, app.record)
    if req.certificate is None and req.signing_key is not None:
        return _app_certificate_vs_key(app, uploaded, req.signing_key)
    if req.certificate is None:
        return OrgCheck(
            "app_certificate",
            CheckStatus.COULD_NOT_CHECK,
            "needs_cert",
            {"app": app.label, "uploaded": sha256_fingerprint(uploaded)},
            needs="input:cert",
        )
    ours, theirs = sha256_fingerprint(req.certificate), sha256_fingerprint(uploaded)
    same = req.certificate.public_key().public_numbers() == uploaded.public_key().public_numbers()  # type: ignore[union-attr]
    record = {"object": app.record.get("type"), "app": app.name, "uploaded_sha256": theirs, "yours_sha256": ours}
    if not same:
        return OrgCheck(
            "app_certificate",
            CheckStatus.PROBLEM,
            "cert_mismatch",
            {"app": app.label, "uploaded": theirs, "yours": ours},
            record,
        )
    return OrgCheck("app_certificate", CheckStatus.OK, "cert_match", {"app": app.label, "uploaded": theirs}, record)


def _app_certificate_vs_key(app: AppFacts, uploaded: x509.Certificate, key: RSAPublicKey) -> OrgCheck:
    """The app's certificate against the signing key itself (a token or KMS key may come without a certificate)."""
    from sfjwt_gui.core.fingerprints import public_key_der, sha256_fingerprint
    from sfjwt_gui.core.jwt_codec import key_fingerprint

    theirs = sha256_fingerprint(uploaded)
    mine = key_fingerprint(key)
    record = {"object": app.record.get("type"), "app": app.name, "uploaded_sha256": theirs, "key_sha256": mine}
    uploaded_key = uploaded.public_key()
    if isinstance(uploaded_key, RSAPublicKey) and public_key_der(uploaded_key) == public_key_der(key):
        return OrgCheck(
            "app_certificate", CheckStatus.OK, "cert_match_key", {"app": app.label, "uploaded": theirs}, record
        )
    params = {"app": app.label, "uploaded": theirs, "key": mine}
    return OrgCheck("app_certificate", CheckStatus.PROBLEM, "cert_mismatch_key", params, record)


def _admin_approved(facts: OrgFacts, app: AppFacts) -> bool | None:
    for row in facts.apps.value or []:
        if (
            app.app_id
            and row.get("Id") == app.app_id
            and isinstance(row.get("OptionsAllowAdminApprovedUsersOnly"), bool)
        ):
            return bool(row["OptionsAllowAdminApprovedUsersOnly"])
    return app.admin_approved


def check_app_permitted_users(facts: OrgFacts, req: Request) -> OrgCheck:
    """Is the app's Permitted Users policy "Admin approved users are pre-authorized"?"""
    app = _app(facts, "app_permitted_users")
    if isinstance(app, OrgCheck):
        return app
    approved = _admin_approved(facts, app)
    record = {
        "object": "ConnectedApplication" if app.app_id else app.record.get("type"),
        "app": app.name,
        "OptionsAllowAdminApprovedUsersOnly": approved,
    }
    if approved is None:
        return OrgCheck(
            "app_permitted_users",
            CheckStatus.COULD_NOT_CHECK,
            "policy_unknown",
            {"app": app.label},
            needs="insufficient_access:ExtlClntAppOauthConfigurablePolicies",
        )
    if not approved:
        return OrgCheck("app_permitted_users", CheckStatus.PROBLEM, "self_authorize", {"app": app.label}, record)
    return OrgCheck("app_permitted_users", CheckStatus.OK, "admin_approved", {"app": app.label}, record)


def user_grants(facts: OrgFacts) -> list[dict[str, Any]]:
    """The user's permission sets (profile ones included) as ``{id, name, label, profile}``."""
    grants = []
    for row in facts.assignments.value or []:
        ps = as_dict(row.get("PermissionSet"))
        grants.append(
            {
                **_grant(row.get("PermissionSetId"), ps),
                "modify_all": ps.get("PermissionsModifyAllData") is True,
                "view_all": ps.get("PermissionsViewAllData") is True,
            }
        )
    return grants


def _grant(record_id: Any, permission_set: dict[str, Any]) -> dict[str, Any]:
    """A permission set record (a profile's own one names the profile) as ``{id, name, label, profile}``."""
    profile = permission_set.get("Profile")
    return {
        "id": str(record_id or ""),
        "name": str(permission_set.get("Name", "")),
        "label": str(permission_set.get("Label", "")),
        "profile": str(profile.get("Name", ""))
        if isinstance(profile, dict) and permission_set.get("IsOwnedByProfile")
        else "",
    }


def _display(grant: dict[str, Any]) -> str:
    return (
        f"profile {grant['profile']}" if grant.get("profile") else f"permission set {grant['label'] or grant['name']}"
    )


def check_app_user_access(facts: OrgFacts, req: Request) -> OrgCheck:
    """With admin-approved users only: is one of the user's profile or permission sets assigned to the app?"""
    app = _app(facts, "app_user_access")
    if isinstance(app, OrgCheck):
        return app
    approved = _admin_approved(facts, app)
    if approved is False:
        return OrgCheck("app_user_access", CheckStatus.OK, "access_not_needed", {"app": app.label})
    if not facts.assignments.ok:
        return cannot("app_user_access", facts.assignments)
    mine = user_grants(facts)
    if app.kind == "connected_app":
        if not facts.app_access.ok:
            return cannot("app_user_access", facts.app_access)
        granted = [_grant(row.get("ParentId"), as_dict(row.get("Parent"))) for row in facts.app_access.value or []]
        shared = [g for g in granted if any(g["id"][:15] == m["id"][:15] for m in mine)]
        source = "SetupEntityAccess"
        unconfirmed = False
    else:
        granted = [{"id": p, "name": p, "label": p, "profile": p} for p in app.permitted_profiles]
        granted += [{"id": p, "name": p, "label": p, "profile": ""} for p in app.permitted_permission_sets]
        keys = {m["id"][:15] for m in mine} | {m["name"] for m in mine} | {m["profile"] for m in mine if m["profile"]}
        shared = [g for g in granted if g["id"][:15] in keys or g["name"] in keys]
        source = "ExtlClntAppOauthConfigurablePolicies"
        unconfirmed = True  # whether commaSeparatedProfile holds names or ids: no source says
    record = {
        "object": source,
        "app": app.name,
        "granted_to_app": [_display(g) for g in granted],
        "user_has": [_display(m) for m in mine],
    }
    params = {
        "app": app.label,
        "granted": ", ".join(record["granted_to_app"]) or "—",
        "user_has": ", ".join(record["user_has"]) or "—",
        "username": req.sub,
    }
    if not shared:
        return OrgCheck(
            "app_user_access", CheckStatus.PROBLEM, "access_missing", params, record, unconfirmed=unconfirmed
        )
    params["shared"] = ", ".join(_display(g) for g in shared)
    return OrgCheck("app_user_access", CheckStatus.OK, "access_ok", params, record, unconfirmed=unconfirmed)


def check_app_scopes(facts: OrgFacts, req: Request) -> OrgCheck:
    """Do the app's OAuth scopes include refresh_token, offline_access (so an approval is kept)?"""
    app = _app(facts, "app_scopes")
    if isinstance(app, OrgCheck):
        return app
    if app.scopes is None:
        return OrgCheck(
            "app_scopes", CheckStatus.COULD_NOT_CHECK, "scopes_not_read", {"app": app.label}, needs="skipped:eca_scopes"
        )
    record = {"object": app.record.get("type"), "app": app.name, "scopes": list(app.scopes)}
    params = {"app": app.label, "scopes": ", ".join(app.scopes) or "—"}
    if not REFRESH_SCOPES & set(app.scopes):
        return OrgCheck("app_scopes", CheckStatus.PROBLEM, "scopes_no_refresh", params, record)
    return OrgCheck("app_scopes", CheckStatus.OK, "scopes_refresh", params, record)


def _last_failure(facts: OrgFacts) -> dict[str, Any] | None:
    rows = facts.logins.value or []
    return rows[0] if rows and str(rows[0].get("Status", "")).lower() != "success" else None


def check_app_ip_relaxation(facts: OrgFacts, req: Request) -> OrgCheck:
    """Does the app enforce the profile's Login IP Ranges, and did the last login fail on them?"""
    app = _app(facts, "app_ip_relaxation")
    if isinstance(app, OrgCheck):
        return app
    if app.ip_relaxation is None:
        return OrgCheck(
            "app_ip_relaxation",
            CheckStatus.COULD_NOT_CHECK,
            "ip_policy_unknown",
            {"app": app.label},
            needs=f"insufficient_access:{app.record.get('type')}",
        )
    policy = app.ip_relaxation.upper()
    record: dict[str, Any] = {"object": app.record.get("type"), "app": app.name, "ipRelaxation": app.ip_relaxation}
    params: dict[str, Any] = {"app": app.label, "policy": app.ip_relaxation}
    if not policy.startswith("ENFORCE"):
        return OrgCheck("app_ip_relaxation", CheckStatus.OK, "ip_relaxed", params, record)
    failure = _last_failure(facts)
    if failure is not None and any(w in str(failure.get("Status", "")).lower() for w in IP_RESTRICTED_WORDS):
        record["LoginHistory"] = failure
        params |= {"status": failure.get("Status"), "ip": failure.get("SourceIp")}
        return OrgCheck("app_ip_relaxation", CheckStatus.PROBLEM, "ip_enforced_refused", params, record)
    return OrgCheck("app_ip_relaxation", CheckStatus.OK, "ip_enforced", params, record)


def check_org_audience(facts: OrgFacts, req: Request) -> OrgCheck:
    """Does ``aud`` fit the org: login.salesforce.com for production, test.salesforce.com for a sandbox?"""
    if not facts.organization.ok or facts.organization.value is None:
        return cannot("org_audience", facts.organization if not facts.organization.ok else Read(skipped="no_org"))
    org = facts.organization.value
    sandbox = org.get("IsSandbox") is True
    record = {
        "object": "Organization",
        "Id": org.get("Id"),
        "IsSandbox": org.get("IsSandbox"),
        "InstanceName": org.get("InstanceName"),
        "OrganizationType": org.get("OrganizationType"),
        "instance_url": facts.instance_url,
    }
    kind = "sandbox" if sandbox else "production"
    if not req.aud:
        return OrgCheck(
            "org_audience", CheckStatus.COULD_NOT_CHECK, "needs_aud", {"kind": kind}, record, needs="input:aud"
        )
    host = (urllib.parse.urlsplit(req.aud).hostname or "").lower()
    params = {"aud": req.aud, "kind": kind}
    wrong = (host == "login.salesforce.com" and sandbox) or (host == "test.salesforce.com" and not sandbox)
    instance_host = (urllib.parse.urlsplit(facts.instance_url).hostname or "").lower()
    other_domain = (
        host.endswith(".my.salesforce.com") and instance_host.endswith(".my.salesforce.com") and (host != instance_host)
    )
    if wrong or other_domain:
        return OrgCheck(
            "org_audience",
            CheckStatus.PROBLEM,
            "aud_other_kind" if wrong else "aud_other_domain",
            params | {"instance": instance_host},
            record,
        )
    return OrgCheck("org_audience", CheckStatus.OK, "aud_fits", params, record)


def check_org_clock(facts: OrgFacts, req: Request) -> OrgCheck:
    """Is this machine's clock off from the org's (its answers' Date headers) by ``policy.skew_is_warning``?"""
    from sfjwt_gui.core import policy

    if facts.clock_offset is None:
        return OrgCheck("org_clock", CheckStatus.COULD_NOT_CHECK, "no_date", needs="skipped:no_date")
    offset = round(facts.clock_offset)
    record = {"object": "HTTP Date header", "offset_seconds": offset}
    if policy.skew_is_warning(facts.clock_offset):
        return OrgCheck(
            "org_clock",
            CheckStatus.PROBLEM,
            "clock_off",
            {"offset": offset, "limit": int(policy.SKEW_WARNING_SECONDS)},
            record,
        )
    return OrgCheck("org_clock", CheckStatus.OK, "clock_ok", {"offset": offset}, record)


def check_login_history(facts: OrgFacts, req: Request) -> OrgCheck:
    """What did Salesforce record for the user's latest login?"""
    read = facts.logins
    if not read.ok:
        return cannot("login_history", read)
    rows = read.value or []
    if not rows:
        return OrgCheck(
            "login_history",
            CheckStatus.OK,
            "no_logins",
            {"username": req.sub},
            {"object": "LoginHistory", "totalSize": 0},
        )
    latest = rows[0]
    record = {"object": "LoginHistory", **latest}
    params = {
        "status": latest.get("Status"),
        "time": latest.get("LoginTime"),
        "app": latest.get("Application"),
        "ip": latest.get("SourceIp"),
    }
    if str(latest.get("Status", "")).lower() != "success":
        return OrgCheck("login_history", CheckStatus.PROBLEM, "login_failed", params, record)
    return OrgCheck("login_history", CheckStatus.OK, "login_succeeded", params, record)


def _short(value: str) -> str:
    return value if len(value) <= 24 else f"{value[:12]}…{value[-6:]}"


CHECKS: dict[str, Check] = {
    "user_exists": check_user_exists,
    "user_active": check_user_active,
    "app_exists": check_app_exists,
    "app_jwt_enabled": check_app_jwt_enabled,
    "app_certificate": check_app_certificate,
    "app_permitted_users": check_app_permitted_users,
    "app_user_access": check_app_user_access,
    "app_scopes": check_app_scopes,
    "app_ip_relaxation": check_app_ip_relaxation,
    "org_audience": check_org_audience,
    "org_clock": check_org_clock,
    "login_history": check_login_history,
}


def run_checks(facts: OrgFacts, request: Request) -> list[OrgCheck]:
    """Every check in table order."""
    return [check(facts, request) for check in CHECKS.values()]
