"""The practice org's admin reads: exactly the org inspector's queries and Metadata API reads, and a Login History.

What it serves (``PracticeServer`` routes here):

- ``GET /services/data/vNN.0/query?q=…`` for exactly the SOQL of ``sfjwt_gui.core.org.queries`` (matched with
  ``QUERY_PATTERNS``), answered as Salesforce does: ``{"totalSize", "done", "records": [{"attributes": …}]}``.
  Any other query gets HTTP 400 ``[{"message": …, "errorCode": "MALFORMED_QUERY"}]``.
- ``POST /services/Soap/m/NN.0`` with ``listMetadata`` (ConnectedApp, ExtlClntAppGlobalOauthSettings,
  ExtlClntAppOauthConfigurablePolicies) and ``readMetadata`` of those types. Other operations get a SOAP fault.
- Only the admin token (``PracticeServer.admin_access_token``) may read setup: a token from the JWT exchange (the
  integration user has no "View Setup and Configuration") gets ``INVALID_TYPE`` for setup objects,
  ``INSUFFICIENT_ACCESS`` for the others and an ``INSUFFICIENT_ACCESS`` SOAP fault from the Metadata API.
- Login History: every token request whose ``sub`` names a user is recorded (time, status, application, login type
  "Remote Access 2.0", source IP); the status is "Success" or the refusal's description quoted as sent.

Everything answered follows the current scenario's org, so each scenario's broken setting shows in the reads.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import threading
import urllib.parse
import xml.etree.ElementTree as ET
from collections import deque
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from sfjwt_gui.core import safe_json
from sfjwt_gui.core.org import queries as q
from sfjwt_gui.practice.org import App, AppType, IpRelaxation, Org, OrgKind, PermittedUsers, User

JSON_TYPE = "application/json;charset=UTF-8"
XML_TYPE = "text/xml;charset=UTF-8"
MAX_HISTORY = 1000
ADMIN_USERNAME = "practice.admin@example.com"
_SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
_MD = "http://soap.sforce.com/2006/04/metadata"
_SETUP_OBJECTS = {"ConnectedApplication", "SetupEntityAccess", "LoginHistory"}
_SCOPE_NAMES = {
    "api": "Api",
    "refresh_token": "RefreshToken",
    "offline_access": "RefreshToken",
    "full": "Full",
    "web": "Web",
    "openid": "OpenID",
    "id": "Basic",
}


@dataclass(frozen=True)
class LoginEvent:
    """One Login History row."""

    user_id: str
    time: float
    status: str
    application: str
    source_ip: str
    login_url: str


class LoginHistory:
    """A bounded, thread-safe list of login attempts (newest last)."""

    def __init__(self) -> None:
        self._events: deque[LoginEvent] = deque(maxlen=MAX_HISTORY)
        self._lock = threading.Lock()

    def record(self, event: LoginEvent) -> None:
        """Add one attempt."""
        with self._lock:
            self._events.append(event)

    def for_user(self, user_id: str, limit: int = 20) -> list[LoginEvent]:
        """The user's attempts, newest first."""
        with self._lock:
            events = [e for e in self._events if e.user_id[:15] == user_id[:15]]
        return list(reversed(events))[:limit]


def _claims(body: bytes) -> dict[str, Any]:
    form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
    parts = (form.get("assertion") or [""])[0].split(".")
    if len(parts) != 3:
        return {}
    try:
        payload = safe_json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}


def record_login(
    history: LoginHistory, org: Org, body: bytes, status: int, note: str, client_ip: str, now: float, url: str
) -> None:
    """Record a token request in the Login History when its ``sub`` names a user of the org."""
    claims = _claims(body)
    sub, iss = claims.get("sub"), claims.get("iss")
    user = org.find_user(sub) if isinstance(sub, str) else None
    if user is None:
        return
    app = org.find_app(iss) if isinstance(iss, str) else None
    history.record(
        LoginEvent(
            user_id=user.id,
            time=now,
            status="Success" if status == 200 else note,
            application=app.name if app else "N/A",
            source_ip=client_ip,
            login_url=url,
        )
    )


# ---------------------------------------------------------------- ids and records


def _id(prefix: str, name: str) -> str:
    digest = hashlib.sha256(name.encode()).hexdigest().upper()
    return (prefix + re.sub(r"[^A-Z0-9]", "", digest))[:18]


def profile_id(name: str) -> str:
    """A stable Profile id for a profile name."""
    return _id("00e5g0000", name)


def permission_set_id(name: str, *, profile: bool = False) -> str:
    """A stable PermissionSet id (a profile's own permission set when ``profile``)."""
    return _id("0PS5g0000", ("profile:" if profile else "") + name)


def app_id(app: App) -> str:
    """A stable ConnectedApplication id."""
    return _id("0H45g0000", app.consumer_key)


def api_name(app: App) -> str:
    """The app's API name (metadata fullName)."""
    return re.sub(r"\W+", "_", app.name).strip("_") or "App"


def _attributes(kind: str, record_id: str, version: str) -> dict[str, str]:
    return {"type": kind, "url": f"/services/data/v{version}/sobjects/{kind}/{record_id}"}


def _profile_ps(name: str, version: str) -> dict[str, Any]:
    pid = permission_set_id(name, profile=True)
    admin = name == "System Administrator"
    return {
        "attributes": _attributes("PermissionSet", pid, version),
        "Name": "X" + profile_id(name),
        "Label": name,
        "IsOwnedByProfile": True,
        "Profile": {"attributes": _attributes("Profile", profile_id(name), version), "Name": name},
        "PermissionsModifyAllData": admin,
        "PermissionsViewAllData": admin,
    }


def _permission_set(name: str, version: str) -> dict[str, Any]:
    pid = permission_set_id(name)
    return {
        "attributes": _attributes("PermissionSet", pid, version),
        "Name": re.sub(r"\W+", "_", name),
        "Label": name,
        "IsOwnedByProfile": False,
        "Profile": None,
        "PermissionsModifyAllData": False,
        "PermissionsViewAllData": False,
    }


def _user_record(user: User, version: str) -> dict[str, Any]:
    return {
        "attributes": _attributes("User", user.id, version),
        "Id": user.id,
        "Username": user.username,
        "IsActive": user.active,
        "UserType": "Standard",
        "ProfileId": profile_id(user.profile),
        "Profile": {"attributes": _attributes("Profile", profile_id(user.profile), version), "Name": user.profile},
    }


def _iso(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000+0000")


class OrgApi:
    """Answers the inspector's reads for one server (the org and session come with each request)."""

    def __init__(self, history: LoginHistory) -> None:
        self.history = history

    # ------------------------------------------------------------ REST query

    def query(self, org: Org, soql: str, version: str, admin: bool) -> tuple[int, bytes]:
        """Answer ``GET …/query?q=soql``: (status, JSON body)."""
        for template, pattern in q.QUERY_PATTERNS.items():
            match = pattern.fullmatch(soql)
            if match is None:
                continue
            what = q.OBJECTS[template]
            if not admin:
                return _refuse(what)
            values = {k: q.unquote(v) for k, v in match.groupdict().items()}
            records = self._records(template, values, org, version)
            return 200, _dump({"totalSize": len(records), "done": True, "records": records})
        return 400, _dump([{"message": _malformed(soql), "errorCode": "MALFORMED_QUERY"}])

    def _records(self, template: str, values: dict[str, str], org: Org, version: str) -> list[dict[str, Any]]:
        if template == q.ORGANIZATION:
            return [
                {
                    "attributes": _attributes("Organization", org.org_id, version),
                    "Id": org.org_id,
                    "Name": "sfjwt practice org",
                    "IsSandbox": org.kind is OrgKind.SANDBOX,
                    "InstanceName": "PRACTICE1",
                    "OrganizationType": "Developer Edition",
                }
            ]
        if template == q.USER:
            user = org.find_user(values["username"])
            return [_user_record(user, version)] if user else []
        if template == q.ASSIGNMENTS:
            user = org.find_user_by_id(values["user_id"])
            if user is None:
                return []
            sets = [_profile_ps(user.profile, version)] + [_permission_set(n, version) for n in user.permission_sets]
            return [
                {
                    "attributes": _attributes(
                        "PermissionSetAssignment", _id("0Pa5g0000", user.id + s["Label"]), version
                    ),
                    "PermissionSetId": s["attributes"]["url"].rsplit("/", 1)[1],
                    "PermissionSet": s,
                }
                for s in sets
            ]
        if template == q.APPS:
            apps = [a for a in org.apps if a.type is AppType.CONNECTED_APP]
            return [
                {
                    "attributes": _attributes("ConnectedApplication", app_id(a), version),
                    "Id": app_id(a),
                    "Name": api_name(a),
                    "OptionsAllowAdminApprovedUsersOnly": a.permitted_users is PermittedUsers.ADMIN_APPROVED,
                }
                for a in sorted(apps, key=api_name)
            ]
        if template == q.APP_ACCESS:
            app = next((a for a in org.apps if app_id(a)[:15] == values["app_id"][:15]), None)
            if app is None:
                return []
            parents = [_profile_ps(p, version) for p in app.profiles] + [
                _permission_set(p, version) for p in app.permission_sets
            ]
            return [
                {
                    "attributes": _attributes("SetupEntityAccess", _id("0J05g0000", p["Label"] + app.name), version),
                    "ParentId": p["attributes"]["url"].rsplit("/", 1)[1],
                    "Parent": p,
                }
                for p in parents
            ]
        if template == q.LOGINS:
            return [
                {
                    "attributes": _attributes("LoginHistory", _id("0Ya5g0000", f"{e.user_id}{e.time}"), version),
                    "LoginTime": _iso(e.time),
                    "Status": e.status,
                    "Application": e.application,
                    "LoginType": "Remote Access 2.0",
                    "SourceIp": e.source_ip,
                    "LoginUrl": e.login_url,
                }
                for e in self.history.for_user(values["user_id"])
            ]
        return []  # pragma: no cover - every template is handled above

    # ------------------------------------------------------------ Metadata API

    def metadata(self, org: Org, body: bytes, admin: bool) -> tuple[int, bytes]:
        """Answer a Metadata API SOAP request: (status, XML body)."""
        try:
            root = ET.fromstring(body)  # noqa: S314 - bounded by the server's MAX_BODY; expat refuses bombs
        except ET.ParseError:
            return 500, soap_fault("soapenv:Client", "Unable to parse the request body")
        soap_body = root.find(f"{{{_SOAP}}}Body")
        operation = soap_body[0] if soap_body is not None and len(soap_body) else None
        name = operation.tag.rpartition("}")[2] if operation is not None else ""
        if not admin:
            return 500, soap_fault(
                "sf:INSUFFICIENT_ACCESS", "INSUFFICIENT_ACCESS: insufficient access rights on object id"
            )
        if operation is None or name not in ("listMetadata", "readMetadata"):
            return 500, soap_fault(
                "sf:INVALID_OPERATION",
                f"The practice org only answers readMetadata and listMetadata, not {name or 'this request'}",
            )
        if name == "listMetadata":
            types = [t.text or "" for t in operation.iter(f"{{{_MD}}}type")]
            items = "".join(self._listed(org, t) for t in types)
            return 200, _envelope("listMetadataResponse", items)
        type_name = operation.findtext(f"{{{_MD}}}type") or ""
        names = [n.text or "" for n in operation.findall(f"{{{_MD}}}fullNames")]
        records = "".join(self._read(org, type_name, n) for n in names)
        return 200, _envelope("readMetadataResponse", f"<result>{records}</result>")

    def _components(self, org: Org, type_name: str) -> dict[str, App]:
        if type_name == q.CONNECTED_APP:
            return {api_name(a): a for a in org.apps if a.type is AppType.CONNECTED_APP}
        ecas = [a for a in org.apps if a.type is AppType.EXTERNAL_CLIENT_APP and a.installed]
        if type_name == q.ECA_GLOBAL_OAUTH:
            return {f"{api_name(a)}_glbloauth": a for a in ecas}
        if type_name == q.ECA_OAUTH_POLICIES:
            return {f"{api_name(a)}_oauthPlcy": a for a in ecas}
        return {}

    def _listed(self, org: Org, type_name: str) -> str:
        return "".join(
            f"<result><fullName>{escape(name)}</fullName><type>{escape(type_name)}</type></result>"
            for name in self._components(org, type_name)
        )

    def _read(self, org: Org, type_name: str, name: str) -> str:
        app = self._components(org, type_name).get(name)
        if app is None:
            return '<records xsi:nil="true"/>'
        cert = _bare_certificate(app.certificate_pem)
        if type_name == q.CONNECTED_APP:
            scopes = "".join(f"<scopes>{s}</scopes>" for s in dict.fromkeys(_SCOPE_NAMES.get(x, x) for x in app.scopes))
            approved = "true" if app.permitted_users is PermittedUsers.ADMIN_APPROVED else "false"
            relax = "ENFORCE" if app.ip_relaxation is IpRelaxation.ENFORCE else "BYPASS"
            return (
                f'<records xsi:type="ConnectedApp"><fullName>{escape(name)}</fullName>'
                f"<contactEmail>admin@example.com</contactEmail><label>{escape(app.name)}</label>"
                f"<oauthConfig><callbackUrl>http://localhost:1717/OauthRedirect</callbackUrl>"
                + (f"<certificate>{cert}</certificate>" if cert and app.jwt_enabled else "")
                + f"<consumerKey>{escape(app.consumer_key)}</consumerKey><isAdminApproved>{approved}</isAdminApproved>"
                f"{scopes}</oauthConfig><oauthPolicy><ipRelaxation>{relax}</ipRelaxation>"
                "<refreshTokenPolicy>infinite</refreshTokenPolicy></oauthPolicy></records>"
            )
        if type_name == q.ECA_GLOBAL_OAUTH:
            return (
                f'<records xsi:type="ExtlClntAppGlobalOauthSettings"><fullName>{escape(name)}</fullName>'
                f"<callbackUrl>http://localhost:1717/OauthRedirect</callbackUrl>"
                + (f"<certificate>{cert}</certificate>" if cert and app.jwt_enabled else "")
                + f"<consumerKey>{escape(app.consumer_key)}</consumerKey>"
                f"<externalClientApplication>{escape(api_name(app))}</externalClientApplication>"
                f"<label>{escape(app.name)}</label></records>"
            )
        permitted = (
            "AdminApprovedPreAuthorized"
            if app.permitted_users is PermittedUsers.ADMIN_APPROVED
            else "AllSelfAuthorized"
        )
        relax = "Enforce" if app.ip_relaxation is IpRelaxation.ENFORCE else "Bypass"
        return (
            f'<records xsi:type="ExtlClntAppOauthConfigurablePolicies"><fullName>{escape(name)}</fullName>'
            f"<commaSeparatedPermissionSet>{escape(','.join(app.permission_sets))}</commaSeparatedPermissionSet>"
            f"<commaSeparatedProfile>{escape(','.join(app.profiles))}</commaSeparatedProfile>"
            f"<externalClientApplication>{escape(api_name(app))}</externalClientApplication>"
            f"<ipRelaxationPolicyType>{relax}</ipRelaxationPolicyType><label>{escape(app.name)}</label>"
            f"<permittedUsersPolicyType>{permitted}</permittedUsersPolicyType></records>"
        )


def _bare_certificate(pem: str | None) -> str:
    if not pem:
        return ""
    return "".join(line for line in pem.strip().splitlines() if "-----" not in line)


def _dump(data: Any) -> bytes:
    return json.dumps(data, separators=(",", ":")).encode()


def _malformed(soql: str) -> str:
    shown = soql[:200]
    return f"\n{shown}\n^\nERROR at Row:1:Column:1\nThe practice org answers only the org inspector's queries"


def _refuse(what: str) -> tuple[int, bytes]:
    if what in _SETUP_OBJECTS:
        message = (
            f"\nFROM {what}\n     ^\nERROR at Row:1:Column:1\nsObject type '{what}' is not supported. If you are "
            "attempting to use a custom object, be sure to append the '__c' after the entity name."
        )
        return 400, _dump([{"message": message, "errorCode": "INVALID_TYPE"}])
    return 403, _dump(
        [{"message": "Insufficient access rights on cross-reference id", "errorCode": "INSUFFICIENT_ACCESS"}]
    )


def _envelope(response: str, inner: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<soapenv:Envelope xmlns:soapenv="{_SOAP}" xmlns="{_MD}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<soapenv:Body><{response}>{inner}</{response}></soapenv:Body></soapenv:Envelope>"
    ).encode()


def soap_fault(code: str, message: str) -> bytes:
    """A SOAP fault envelope as the Metadata API sends it (with HTTP 500)."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<soapenv:Envelope xmlns:soapenv="{_SOAP}" xmlns:sf="{_MD}"><soapenv:Body><soapenv:Fault>'
        f"<faultcode>{escape(code)}</faultcode><faultstring>{escape(message)}</faultstring>"
        "</soapenv:Fault></soapenv:Body></soapenv:Envelope>"
    ).encode()
