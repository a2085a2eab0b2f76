"""Read what the checks need from the org, in at most nine requests, into plain typed facts.

``read_facts(client, iss=…, sub=…)`` never raises for a refusal: each fact is a ``Read`` holding the value or
the ``Refusal`` (a fact that could not be read because an earlier one was missing holds ``skipped``).
``OrgUnreachableError`` from the client propagates: without an org there is nothing to inspect.

Order: Organization · User (by ``sub``) · its PermissionSetAssignments · ConnectedApplication · listMetadata of
ConnectedApp / ExtlClntAppGlobalOauthSettings / ExtlClntAppOauthConfigurablePolicies · readMetadata of the ones
needed to find the app whose consumer key is ``iss`` · SetupEntityAccess of that app · the user's LoginHistory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sfjwt_gui.core.org import queries as q
from sfjwt_gui.core.org.client import Answer, OrgClient, Refusal, iter_records

T = TypeVar("T")


@dataclass(frozen=True)
class Read(Generic[T]):
    """A fact: its value, or why it is missing (``refusal`` from the org, or ``skipped``: a text id)."""

    value: T | None = None
    refusal: Refusal | None = None
    skipped: str = ""
    source: str = ""  # the object or metadata type it came from

    @property
    def ok(self) -> bool:
        """True when the org answered."""
        return self.refusal is None and not self.skipped


@dataclass(frozen=True)
class AppFacts:
    """The app whose consumer key is the JWT's ``iss``, from its metadata (and ConnectedApplication)."""

    kind: str  # connected_app | external_client_app
    name: str  # API name (metadata fullName / externalClientApplication)
    label: str
    consumer_key: str
    certificate_pem: str | None
    admin_approved: bool | None
    scopes: tuple[str, ...] | None
    ip_relaxation: str | None
    app_id: str | None = None  # ConnectedApplication.Id (connected apps only)
    permitted_profiles: tuple[str, ...] = ()  # external client apps: commaSeparatedProfile
    permitted_permission_sets: tuple[str, ...] = ()  # external client apps: commaSeparatedPermissionSet
    record: dict[str, Any] = field(default_factory=dict)


@dataclass
class OrgFacts:
    """Everything read from the org for one (iss, sub)."""

    instance_url: str
    organization: Read[dict[str, Any]] = field(default_factory=Read)
    user: Read[dict[str, Any]] = field(default_factory=Read)  # value None + ok: no such user
    assignments: Read[list[dict[str, Any]]] = field(default_factory=Read)
    apps: Read[list[dict[str, Any]]] = field(default_factory=Read)
    app: Read[AppFacts] = field(default_factory=Read)  # value None + ok: no app has that consumer key
    app_access: Read[list[dict[str, Any]]] = field(default_factory=Read)
    logins: Read[list[dict[str, Any]]] = field(default_factory=Read)
    clock_offset: float | None = None  # server clock minus this machine's, from the answers' Date headers
    requests: int = 0


def _from(answer: Answer, source: str) -> Read[list[dict[str, Any]]]:
    if answer.refusal is not None:
        return Read(refusal=answer.refusal, source=source)
    return Read(value=list(iter_records(answer)), source=source)


def as_dict(value: Any) -> dict[str, Any]:
    """``value`` when it is a dict, else an empty one (records from the org are untrusted shapes)."""
    return value if isinstance(value, dict) else {}


def _first(read: Read[list[dict[str, Any]]]) -> dict[str, Any] | None:
    return read.value[0] if read.value else None


def _as_list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def _bool(value: Any) -> bool | None:
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def _split(value: Any) -> tuple[str, ...]:
    return tuple(part.strip() for part in str(value or "").split(",") if part.strip())


def connected_app_facts(record: dict[str, Any], app_id: str | None) -> AppFacts:
    """AppFacts from a ConnectedApp metadata record."""
    oauth, policy = as_dict(record.get("oauthConfig")), as_dict(record.get("oauthPolicy"))
    return AppFacts(
        kind="connected_app",
        name=str(record.get("fullName", "")),
        label=str(record.get("label") or record.get("fullName", "")),
        consumer_key=str(oauth.get("consumerKey", "")),
        certificate_pem=str(oauth["certificate"]) if oauth.get("certificate") else None,
        admin_approved=_bool(oauth.get("isAdminApproved")),
        scopes=tuple(str(s) for s in _as_list(oauth.get("scopes"))),
        ip_relaxation=str(policy["ipRelaxation"]) if policy.get("ipRelaxation") else None,
        app_id=app_id,
        record={
            "type": "ConnectedApp",
            "fullName": record.get("fullName"),
            "oauthConfig": _safe(oauth),
            "oauthPolicy": policy,
        },
    )


def external_app_facts(settings: dict[str, Any], policies: dict[str, Any] | None) -> AppFacts:
    """AppFacts from ExtlClntAppGlobalOauthSettings plus its ExtlClntAppOauthConfigurablePolicies."""
    name = str(settings.get("externalClientApplication") or settings.get("fullName", ""))
    pol = policies or {}
    permitted = pol.get("permittedUsersPolicyType")
    return AppFacts(
        kind="external_client_app",
        name=name,
        label=str(settings.get("label") or name),
        consumer_key=str(settings.get("consumerKey", "")),
        certificate_pem=str(settings["certificate"]) if settings.get("certificate") else None,
        admin_approved=None if permitted is None else permitted == "AdminApprovedPreAuthorized",
        scopes=None,  # in ExtlClntAppOauthSettings.commaSeparatedOauthScopes: not read (request budget)
        ip_relaxation=str(pol["ipRelaxationPolicyType"]) if pol.get("ipRelaxationPolicyType") else None,
        permitted_profiles=_split(pol.get("commaSeparatedProfile")),
        permitted_permission_sets=_split(pol.get("commaSeparatedPermissionSet")),
        record={
            "type": "ExtlClntAppGlobalOauthSettings",
            "settings": _safe(settings),
            "policies": {"type": "ExtlClntAppOauthConfigurablePolicies", **pol} if policies else None,
        },
    )


_SECRET_FIELDS = ("consumerSecret",)


def _safe(record: dict[str, Any]) -> dict[str, Any]:
    """A metadata record without secrets (a consumer secret is never kept) and with the certificate shortened."""
    out = {k: v for k, v in record.items() if k not in _SECRET_FIELDS}
    if isinstance(out.get("certificate"), str) and len(out["certificate"]) > 80:
        out["certificate"] = out["certificate"][:40] + f"…({len(record['certificate'])} chars)"
    return out


def read_facts(client: OrgClient, *, iss: str, sub: str) -> OrgFacts:
    """Read the facts for the app ``iss`` and the user ``sub`` (refusals kept; OrgUnreachableError raised)."""
    facts = OrgFacts(instance_url=client.connection.base)
    org = _from(client.query(q.ORGANIZATION, "Organization"), "Organization")
    facts.organization = Read(value=_first(org), refusal=org.refusal, source="Organization")
    try:
        user_query = q.build(q.USER, username=q.soql_string(sub))
    except ValueError:
        user_query = ""
    users = _from(client.query(user_query, "User"), "User") if user_query else Read(skipped="bad_sub")
    user = _first(users) if users.ok else None
    facts.user = Read(value=user, refusal=users.refusal, skipped=users.skipped, source="User")
    if user and isinstance(user.get("Id"), str):
        facts.assignments = _from(
            client.query(q.build(q.ASSIGNMENTS, user_id=q.salesforce_id(user["Id"])), "PermissionSetAssignment"),
            "PermissionSetAssignment",
        )
    else:
        facts.assignments = Read(
            refusal=users.refusal, skipped="" if users.refusal else "no_user", source="PermissionSetAssignment"
        )
    facts.apps = _from(client.query(q.APPS, "ConnectedApplication"), "ConnectedApplication")
    facts.app = _find_app(client, iss, facts.apps)
    app = facts.app.value
    if app is not None and app.app_id:
        facts.app_access = _from(
            client.query(q.build(q.APP_ACCESS, app_id=q.salesforce_id(app.app_id)), "SetupEntityAccess"),
            "SetupEntityAccess",
        )
    else:
        facts.app_access = Read(
            skipped="no_app_id" if app is None or app.kind == "connected_app" else "eca", source="SetupEntityAccess"
        )
    if user and isinstance(user.get("Id"), str):
        facts.logins = _from(
            client.query(q.build(q.LOGINS, user_id=q.salesforce_id(user["Id"])), "LoginHistory"), "LoginHistory"
        )
    else:
        facts.logins = Read(refusal=users.refusal, skipped="" if users.refusal else "no_user", source="LoginHistory")
    facts.clock_offset = _clock_offset(client.server_dates)
    facts.requests = len(client.sent)
    return facts


def _clock_offset(dates: list[tuple[float, float]]) -> float | None:
    if not dates:
        return None
    offsets = sorted(server - local for local, server in dates)
    return offsets[len(offsets) // 2]


def _find_app(client: OrgClient, iss: str, apps: Read[list[dict[str, Any]]]) -> Read[AppFacts]:
    listed, refusal = client.list_metadata(q.LISTED_TYPES)
    if refusal is not None:
        return Read(refusal=refusal, source="Metadata API")
    names: dict[str, list[str]] = {t: [] for t in q.LISTED_TYPES}
    for item in listed:
        kind, full_name = str(item.get("type", "")), str(item.get("fullName", ""))
        if kind in names and full_name:
            names[kind].append(full_name)
    ids = {str(r.get("Name", "")).casefold(): str(r.get("Id", "")) for r in apps.value or []}
    if names[q.CONNECTED_APP]:
        records, refusal = client.read_metadata(q.CONNECTED_APP, names[q.CONNECTED_APP])
        if refusal is not None:
            return Read(refusal=refusal, source=q.CONNECTED_APP)
        for record in records:
            oauth = record.get("oauthConfig")
            if isinstance(oauth, dict) and oauth.get("consumerKey") == iss:
                key = str(record.get("fullName", "")).casefold()
                label = str(record.get("label", "")).casefold()
                return Read(value=connected_app_facts(record, ids.get(key) or ids.get(label)), source=q.CONNECTED_APP)
    if names[q.ECA_GLOBAL_OAUTH]:
        settings, refusal = client.read_metadata(q.ECA_GLOBAL_OAUTH, names[q.ECA_GLOBAL_OAUTH])
        if refusal is not None:
            return Read(refusal=refusal, source=q.ECA_GLOBAL_OAUTH)
        found = next((s for s in settings if s.get("consumerKey") == iss), None)
        if found is not None:
            policies: dict[str, Any] | None = None
            if names[q.ECA_OAUTH_POLICIES]:
                records, refusal = client.read_metadata(q.ECA_OAUTH_POLICIES, names[q.ECA_OAUTH_POLICIES])
                if refusal is None:
                    wanted = found.get("externalClientApplication")
                    policies = next((p for p in records if p.get("externalClientApplication") == wanted), None)
            return Read(value=external_app_facts(found, policies), source=q.ECA_GLOBAL_OAUTH)
    return Read(value=None, source="Metadata API")
