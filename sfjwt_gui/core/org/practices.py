"""The seed article's best practices, checked against what the org showed: ``pass`` / ``warn`` with the record.

Minimal API-only set-up Salesforce offers (Salesforce Help "Give Integration Users API Only Access"): the
"Salesforce Integration" user license with the "Minimum Access - API Only Integrations" profile and the
"Salesforce API Integration" permission set license. ``PRACTICES`` is the table; texts in resources/errors/org.json.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from sfjwt_gui.core.org.checks import _admin_approved, uploaded_certificate, user_grants
from sfjwt_gui.core.org.facts import OrgFacts

ADMIN_PROFILE = "System Administrator"
MINIMAL_PROFILE = "Minimum Access - API Only Integrations"
MINIMAL_PERMISSION_SET_LICENSE = "Salesforce API Integration"


class PracticeStatus(StrEnum):
    """Verdict of a practice."""

    PASS = "pass"  # noqa: S105 - a verdict, not a password
    WARN = "warn"
    COULD_NOT_CHECK = "could_not_check"


@dataclass(frozen=True)
class Practice:
    """One practice's verdict, evidence template and values, and the record."""

    id: str
    status: PracticeStatus
    template: str
    params: dict[str, Any] = field(default_factory=dict)
    record: dict[str, Any] | None = None


@dataclass(frozen=True)
class PracticeInput:
    """What the practices need besides the org: other profiles' certificate fingerprints, the JWT lifetime."""

    profile_fingerprints: Sequence[tuple[str, str]] = ()  # (profile name, uploaded-certificate SHA-256)
    lifetime: int | None = None
    now: dt.datetime | None = None


def least_privilege(facts: OrgFacts, extra: PracticeInput) -> Practice:
    """A dedicated user without System Administrator, Modify All Data or View All Data."""
    if not facts.assignments.ok or facts.user.value is None:
        return Practice("least_privilege", PracticeStatus.COULD_NOT_CHECK, "practice_no_user")
    grants = user_grants(facts)
    profile = next((g["profile"] for g in grants if g["profile"]), "")
    if not profile and isinstance(facts.user.value.get("Profile"), dict):
        profile = str(facts.user.value["Profile"].get("Name", ""))
    wide = [g["label"] or g["profile"] or g["name"] for g in grants if g["modify_all"] or g["view_all"]]
    record = {"object": "PermissionSetAssignment", "profile": profile, "modify_or_view_all": wide}
    params = {
        "profile": profile,
        "wide": ", ".join(wide) or "—",
        "minimal": MINIMAL_PROFILE,
        "psl": MINIMAL_PERMISSION_SET_LICENSE,
    }
    if profile == ADMIN_PROFILE or wide:
        return Practice("least_privilege", PracticeStatus.WARN, "practice_privilege_wide", params, record)
    return Practice("least_privilege", PracticeStatus.PASS, "practice_privilege_ok", params, record)


def admin_approved(facts: OrgFacts, extra: PracticeInput) -> Practice:
    """Permitted Users: "Admin approved users are pre-authorized"."""
    app = facts.app.value
    if app is None:
        return Practice("admin_approved", PracticeStatus.COULD_NOT_CHECK, "practice_no_app")
    approved = _admin_approved(facts, app)
    if approved is None:
        return Practice("admin_approved", PracticeStatus.COULD_NOT_CHECK, "practice_no_app")
    status = PracticeStatus.PASS if approved else PracticeStatus.WARN
    return Practice(
        "admin_approved",
        status,
        "practice_admin_approved" if approved else "practice_self_authorize",
        {"app": app.label},
        {"object": app.record.get("type"), "admin_approved": approved},
    )


def narrow_scopes(facts: OrgFacts, extra: PracticeInput) -> Practice:
    """No ``full`` scope."""
    app = facts.app.value
    if app is None or app.scopes is None:
        return Practice("narrow_scopes", PracticeStatus.COULD_NOT_CHECK, "practice_no_app")
    full = any(s.lower() == "full" for s in app.scopes)
    params = {"app": app.label, "scopes": ", ".join(app.scopes)}
    return Practice(
        "narrow_scopes",
        PracticeStatus.WARN if full else PracticeStatus.PASS,
        "practice_scope_full" if full else "practice_scope_ok",
        params,
        {"object": app.record.get("type"), "scopes": list(app.scopes)},
    )


def ip_restrictions(facts: OrgFacts, extra: PracticeInput) -> Practice:
    """IP restrictions enforced rather than relaxed."""
    app = facts.app.value
    if app is None or app.ip_relaxation is None:
        return Practice("ip_restrictions", PracticeStatus.COULD_NOT_CHECK, "practice_no_app")
    relaxed = not app.ip_relaxation.upper().startswith("ENFORCE")
    return Practice(
        "ip_restrictions",
        PracticeStatus.WARN if relaxed else PracticeStatus.PASS,
        "practice_ip_relaxed" if relaxed else "practice_ip_enforced",
        {"app": app.label, "policy": app.ip_relaxation},
        {"object": app.record.get("type"), "ipRelaxation": app.ip_relaxation},
    )


def certificate_health(facts: OrgFacts, extra: PracticeInput) -> Practice:
    """The app's certificate: days left and key size."""
    from sfjwt_gui.core import policy
    from sfjwt_gui.core.expiry import ExpiryState, expiry_state, whole_days_left

    app = facts.app.value
    cert = uploaded_certificate(app) if app else None
    if app is None or cert is None:
        return Practice("certificate_health", PracticeStatus.COULD_NOT_CHECK, "practice_no_cert")
    public = cert.public_key()
    bits = public.key_size if isinstance(public, RSAPublicKey) else 0
    days = whole_days_left(cert.not_valid_after_utc, extra.now)
    params = {"app": app.label, "days": days, "bits": bits, "warn_days": policy.EXPIRY_WARNING_DAYS}
    record = {"object": app.record.get("type"), "not_after": cert.not_valid_after_utc.isoformat(), "key_bits": bits}
    bad = expiry_state(cert.not_valid_after_utc, extra.now) is not ExpiryState.OK or policy.key_size_too_small(bits)
    return Practice(
        "certificate_health",
        PracticeStatus.WARN if bad else PracticeStatus.PASS,
        "practice_cert_warn" if bad else "practice_cert_ok",
        params,
        record,
    )


def key_reuse(facts: OrgFacts, extra: PracticeInput) -> Practice:
    """The app's certificate (hence its key) is used by one profile only."""
    from sfjwt_gui.core.fingerprints import sha256_fingerprint

    app = facts.app.value
    cert = uploaded_certificate(app) if app else None
    if cert is None:
        return Practice("key_reuse", PracticeStatus.COULD_NOT_CHECK, "practice_no_cert")
    fingerprint = sha256_fingerprint(cert)
    users = sorted({name for name, fp in extra.profile_fingerprints if fp.upper() == fingerprint.upper()})
    params = {"profiles": ", ".join(users) or "—", "count": len(users)}
    status = PracticeStatus.WARN if len(users) > 1 else PracticeStatus.PASS
    return Practice(
        "key_reuse",
        status,
        "practice_key_shared" if len(users) > 1 else "practice_key_single",
        params,
        {"object": "profiles", "certificate_sha256": fingerprint, "profiles": users},
    )


def assertion_lifetime(facts: OrgFacts, extra: PracticeInput) -> Practice:
    """The assertion's lifetime within Salesforce's documented three minutes (the lint's limit)."""
    from sfjwt_gui.core.lint_rules.times import DOCUMENTED_LIFETIME

    if extra.lifetime is None:
        return Practice("assertion_lifetime", PracticeStatus.COULD_NOT_CHECK, "practice_no_lifetime")
    ok = 0 < extra.lifetime <= DOCUMENTED_LIFETIME
    return Practice(
        "assertion_lifetime",
        PracticeStatus.PASS if ok else PracticeStatus.WARN,
        "practice_lifetime_ok" if ok else "practice_lifetime_long",
        {"lifetime": extra.lifetime, "limit": int(DOCUMENTED_LIFETIME)},
    )


def recent_use(facts: OrgFacts, extra: PracticeInput) -> Practice:
    """The last successful and failed logins (Login History)."""
    if not facts.logins.ok:
        return Practice("recent_use", PracticeStatus.COULD_NOT_CHECK, "practice_no_logins")
    rows = facts.logins.value or []
    success = next((r for r in rows if str(r.get("Status", "")).lower() == "success"), None)
    failure = next((r for r in rows if str(r.get("Status", "")).lower() != "success"), None)
    params = {
        "success": success.get("LoginTime") if success else "—",
        "failure": failure.get("LoginTime") if failure else "—",
        "status": failure.get("Status") if failure else "—",
    }
    newest_failed = bool(rows) and rows[0] is failure
    return Practice(
        "recent_use",
        PracticeStatus.WARN if newest_failed else PracticeStatus.PASS,
        "practice_use_failing" if newest_failed else "practice_use_ok",
        params,
        {"object": "LoginHistory", "last_success": success, "last_failure": failure},
    )


PRACTICES: dict[str, Callable[[OrgFacts, PracticeInput], Practice]] = {
    "least_privilege": least_privilege,
    "admin_approved": admin_approved,
    "narrow_scopes": narrow_scopes,
    "ip_restrictions": ip_restrictions,
    "certificate_health": certificate_health,
    "key_reuse": key_reuse,
    "assertion_lifetime": assertion_lifetime,
    "recent_use": recent_use,
}


def run_practices(facts: OrgFacts, extra: PracticeInput) -> list[Practice]:
    """Every practice in table order."""
    return [practice(facts, extra) for practice in PRACTICES.values()]
