"""The practice org: who and what the loopback token endpoint knows about.

An org is described by a JSON file (``sfjwt practice serve --org FILE``) or built in (``default_org()``).
Every field, with its default when left out::

    {
      "org_id": "00D5g00000SfJwTEAY",     15- or 18-character id starting 00D (stored as 18)
      "kind": "production",                "production" or "sandbox": decides the generic aud the org accepts
      "my_domain": "sfjwt-practice",       My Domain name: https://<name>.my.salesforce.com is an accepted aud
      "sandbox_name": "uat",               sandbox only: https://<name>--<sandbox>.sandbox.my.salesforce.com
      "state": "active",                   "active" or "locked" (locked refuses every login: inactive_org)
      "api_access_control": false,         Setup → API Access Control: only allow-listed apps serve API users
      "site_urls": [],                     Experience Cloud site URLs also accepted as aud
      "apps": [                            connected apps and external client apps; the FIRST is the default app
        {
          "name": "sfjwt practice app",
          "type": "connected_app",         "connected_app" or "external_client_app"
          "consumer_key": "3MVG9...",      the JWT's iss
          "consumer_secret": "...",        only used to sign the success response's "signature"
          "certificate_pem": null,         the uploaded certificate; null = the one the server is started with
          "jwt_enabled": true,             "Use digital signatures" / "Enable JWT Bearer Flow"
          "installed": true,               installed in this org (connected apps: Connected Apps OAuth Usage → Install)
          "api_access_allowed": false,     on API Access Control's allow-list (matters only when the org turns it on)
          "jwt_access_tokens": false,      "Issue JSON Web Token (JWT)-based access tokens": the token is a JWT
          "permitted_users": "admin_approved",   "admin_approved" (pre-authorized) or "all_users" (self-authorize)
          "profiles": ["System Administrator"],  pre-authorized profiles (admin_approved only)
          "permission_sets": [],                 pre-authorized permission sets (admin_approved only)
          "scopes": ["api", "refresh_token", "offline_access"],
          "ip_relaxation": "relax"         "enforce" (user's login IP ranges apply) or "relax"
        }
      ],
      "users": [
        {
          "username": "practice.user@example.com",   the JWT's sub (matched case-insensitively)
          "id": "0055g00000PrAcTAAV",                15- or 18-character id starting 005
          "active": true,
          "profile": "System Administrator",
          "permission_sets": [],
          "permissions": [],                         "ApproveUninstalledConnectedApps", "UseAnyApiClient" (the
                                                     second also passes API Access Control)
          "approvals": [                              prior approvals (self-authorize policy)
            {"consumer_key": "3MVG9...", "scopes": ["api", "refresh_token"]}
          ],
          "login_ip_ranges": [],                     profile Login IP Ranges as CIDR; empty = anywhere
          "email": "practice.user@example.com",
          "display_name": "Practice User"
        }
      ]
    }
"""

from __future__ import annotations

import dataclasses
import difflib
import ipaddress
import json
import secrets
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sfjwt_gui.core import safe_json
from sfjwt_gui.core.errors import OrgModelError
from sfjwt_gui.core.text_files import decode_text_file
from sfjwt_gui.core.user_files import ORG_FILE_LIMIT, read_bounded

DEFAULT_CONSUMER_KEY = "3MVG9PracticeOrgSfjwtGuiLoopbackTokenEndpoint.ConsumerKeyForTheJwtBearerFlowLearners0123456789"
DEFAULT_USERNAME = "practice.user@example.com"
DEFAULT_MY_DOMAIN = "sfjwt-practice"
LOGIN_URL = "https://login.salesforce.com"
TEST_URL = "https://test.salesforce.com"


class OrgKind(StrEnum):
    """Production orgs accept login.salesforce.com as aud, sandboxes test.salesforce.com."""

    PRODUCTION = "production"
    SANDBOX = "sandbox"


class OrgState(StrEnum):
    """Whether the org lets anyone log in."""

    ACTIVE = "active"
    LOCKED = "locked"


class AppType(StrEnum):
    """Connected App (classic) or External Client App (since Spring '26 the default)."""

    CONNECTED_APP = "connected_app"
    EXTERNAL_CLIENT_APP = "external_client_app"


class PermittedUsers(StrEnum):
    """The app's OAuth policy "Permitted Users"."""

    ADMIN_APPROVED = "admin_approved"
    ALL_USERS = "all_users"


class IpRelaxation(StrEnum):
    """The app's OAuth policy "IP Relaxation"."""

    ENFORCE = "enforce"
    RELAX = "relax"


@dataclass(frozen=True)
class Approval:
    """A user's earlier interactive approval of an app (what the self-authorize policy needs)."""

    consumer_key: str
    scopes: tuple[str, ...] = ("api", "refresh_token")


@dataclass(frozen=True)
class App:
    """A connected app or an external client app."""

    name: str
    consumer_key: str
    type: AppType = AppType.CONNECTED_APP
    consumer_secret: str = ""
    certificate_pem: str | None = None
    jwt_enabled: bool = True
    installed: bool = True
    api_access_allowed: bool = False  # on API Access Control's allow-list
    permitted_users: PermittedUsers = PermittedUsers.ADMIN_APPROVED
    profiles: tuple[str, ...] = ("System Administrator",)
    permission_sets: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ("api", "refresh_token", "offline_access")
    ip_relaxation: IpRelaxation = IpRelaxation.RELAX
    jwt_access_tokens: bool = False  # "Issue JSON Web Token (JWT)-based access tokens for named users"


@dataclass(frozen=True)
class User:
    """A Salesforce user the JWT's ``sub`` can name."""

    username: str
    id: str
    active: bool = True
    profile: str = "System Administrator"
    permission_sets: tuple[str, ...] = ()
    permissions: tuple[str, ...] = ()  # user permissions: ApproveUninstalledConnectedApps, UseAnyApiClient
    approvals: tuple[Approval, ...] = ()
    login_ip_ranges: tuple[str, ...] = ()
    email: str = ""
    display_name: str = ""


@dataclass(frozen=True)
class Org:
    """A whole practice org; immutable (scenarios derive changed copies with ``dataclasses.replace``)."""

    org_id: str
    kind: OrgKind = OrgKind.PRODUCTION
    my_domain: str = DEFAULT_MY_DOMAIN
    sandbox_name: str = "uat"
    state: OrgState = OrgState.ACTIVE
    api_access_control: bool = False  # Setup → API Access Control is on
    site_urls: tuple[str, ...] = ()
    apps: tuple[App, ...] = ()
    users: tuple[User, ...] = field(default=())

    @property
    def org_id15(self) -> str:
        """The 15-character id (the prefix of access tokens)."""
        return self.org_id[:15]

    @property
    def my_domain_url(self) -> str:
        """The org's My Domain login URL."""
        if self.kind is OrgKind.SANDBOX:
            return f"https://{self.my_domain}--{self.sandbox_name}.sandbox.my.salesforce.com"
        return f"https://{self.my_domain}.my.salesforce.com"

    @property
    def generic_login_url(self) -> str:
        """login.salesforce.com for production, test.salesforce.com for a sandbox."""
        return TEST_URL if self.kind is OrgKind.SANDBOX else LOGIN_URL

    def audiences(self) -> tuple[str, ...]:
        """Every aud value the org accepts (the server adds its own base URL)."""
        return (self.generic_login_url, self.my_domain_url, *self.site_urls)

    def site_for_path(self, path: str) -> str | None:
        """The Experience Cloud site whose token endpoint ``path`` is (``/customers/services/oauth2/token``)."""
        from urllib.parse import urlsplit

        prefix = path.rstrip("/").removesuffix("/services/oauth2/token")
        if not prefix or prefix == path.rstrip("/"):
            return None
        return next((url for url in self.site_urls if urlsplit(url).path.rstrip("/") == prefix), None)

    @property
    def community_id(self) -> str:
        """The id Salesforce sends as sfdc_community_id for this org's site (0DB…, made up from the org id)."""
        return "0DB" + self.org_id[3:15]

    def find_app(self, consumer_key: str) -> App | None:
        """The app whose consumer key is exactly ``consumer_key``."""
        return next((app for app in self.apps if app.consumer_key == consumer_key), None)

    def find_user(self, username: str) -> User | None:
        """The user with this username (Salesforce usernames are case-insensitive)."""
        wanted = username.casefold()
        return next((user for user in self.users if user.username.casefold() == wanted), None)

    def find_user_by_id(self, user_id: str) -> User | None:
        """The user with this 15- or 18-character id."""
        return next((user for user in self.users if user.id[:15] == user_id[:15]), None)

    def replace_app(self, index: int, **changes: Any) -> Org:
        """A copy with app ``index`` changed."""
        apps = list(self.apps)
        apps[index] = dataclasses.replace(apps[index], **changes)
        return dataclasses.replace(self, apps=tuple(apps))

    def replace_user(self, index: int, **changes: Any) -> Org:
        """A copy with user ``index`` changed."""
        users = list(self.users)
        users[index] = dataclasses.replace(users[index], **changes)
        return dataclasses.replace(self, users=tuple(users))


_ID_SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"


def salesforce_id18(id15: str) -> str:
    """Extend a 15-character Salesforce id with its case-checksum suffix (18 characters)."""
    if len(id15) == 18:
        return id15
    if len(id15) != 15 or not id15.isalnum():
        raise OrgModelError(
            f"{id15!r} is not a 15- or 18-character Salesforce id.", fix="Use an id like 00D5g00000SfJwT."
        )
    suffix = ""
    for start in range(0, 15, 5):
        bits = sum(1 << i for i, ch in enumerate(id15[start : start + 5]) if ch.isupper())
        suffix += _ID_SUFFIX_ALPHABET[bits]
    return id15 + suffix


def default_org() -> Org:
    """The built-in org: production, one JWT-enabled connected app, one pre-authorized active user."""
    return Org(
        org_id=salesforce_id18("00D5g00000SfJwT"),
        kind=OrgKind.PRODUCTION,
        my_domain=DEFAULT_MY_DOMAIN,
        apps=(
            App(
                name="sfjwt practice app",
                consumer_key=DEFAULT_CONSUMER_KEY,
                consumer_secret="PRACTICE0SECRET0FOR0RESPONSE0SIGNATURES0ONLY",  # noqa: S106 - public practice value
            ),
        ),
        users=(
            User(
                username=DEFAULT_USERNAME,
                id=salesforce_id18("0055g00000PrAcT"),
                email=DEFAULT_USERNAME,
                display_name="Practice User",
            ),
        ),
    )


# ---------------------------------------------------------------- JSON loading


def _enum(cls: type[Any], value: Any, where: str) -> Any:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in cls)
        raise OrgModelError(f"{where} is {value!r}.", fix=f"Use one of {allowed}.") from None


def _check_fields(data: dict[str, Any], cls: type[Any], where: str) -> None:
    """Refuse unknown fields (a typo would otherwise be ignored silently); keys starting with _ or $ are comments."""
    known = [f.name for f in dataclasses.fields(cls)]
    for key in data:
        if key in known or key.startswith(("_", "$")):
            continue
        close = difflib.get_close_matches(key, known, n=1)
        hint = f"Did you mean {close[0]!r}? " if close else ""
        raise OrgModelError(
            f"{where} has an unknown field {key!r}.",
            fix=f"{hint}Fields here: {', '.join(known)} (see resources/practice/README.md).",
        )


def _str(data: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    if key not in data and default is None:
        raise OrgModelError(f"{where}.{key} is missing.", fix=f"Set {where}.{key} (a non-empty string).")
    value = data.get(key, default)
    if not isinstance(value, str) or (default is None and not value):
        raise OrgModelError(f"{where}.{key} is {value!r}; a non-empty string is needed.", fix=f"Set {where}.{key}.")
    return value


def _bool(data: dict[str, Any], key: str, where: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise OrgModelError(f"{where}.{key} is {value!r}; true or false is needed.", fix=f"Set {where}.{key}.")
    return value


def _strings(data: dict[str, Any], key: str, where: str, default: tuple[str, ...]) -> tuple[str, ...]:
    value = data.get(key, list(default))
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise OrgModelError(f"{where}.{key} is {value!r}; a list of strings is needed.", fix=f"Fix {where}.{key}.")
    return tuple(value)


def _objects(data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise OrgModelError(
            f"{where}.{key} is not a list of objects.", fix=f"Make {where}.{key} a JSON array of objects."
        )
    return value


def _id(data: dict[str, Any], key: str, where: str, prefix: str, default: str | None = None) -> str:
    value = _str(data, key, where, default)
    if not value.startswith(prefix):
        raise OrgModelError(
            f"{where}.{key} is {value!r}; it must start with {prefix}.", fix=f"Use an id like {prefix}…"
        )
    return salesforce_id18(value)


def _app(data: dict[str, Any], where: str) -> App:
    _check_fields(data, App, where)
    pem = data.get("certificate_pem")
    if pem is not None and not isinstance(pem, str):
        raise OrgModelError(f"{where}.certificate_pem is not a string.", fix="Paste the PEM text or use null.")
    if pem is not None:
        from cryptography import x509

        try:
            x509.load_pem_x509_certificate(pem.strip().encode() + b"\n")
        except ValueError:
            raise OrgModelError(
                f"{where}.certificate_pem is not a PEM certificate ({pem[:30]!r}…).",
                fix="Paste the whole -----BEGIN CERTIFICATE----- … -----END CERTIFICATE----- text with \\n line "
                "breaks, or use null for the server's certificate.",
            ) from None
    return App(
        name=_str(data, "name", where, "app"),
        consumer_key=_str(data, "consumer_key", where),
        type=_enum(AppType, data.get("type", "connected_app"), f"{where}.type"),
        consumer_secret=_str(data, "consumer_secret", where, secrets.token_hex(32)),
        certificate_pem=pem,
        jwt_enabled=_bool(data, "jwt_enabled", where, True),
        installed=_bool(data, "installed", where, True),
        api_access_allowed=_bool(data, "api_access_allowed", where, False),
        permitted_users=_enum(
            PermittedUsers, data.get("permitted_users", "admin_approved"), f"{where}.permitted_users"
        ),
        profiles=_strings(data, "profiles", where, ("System Administrator",)),
        permission_sets=_strings(data, "permission_sets", where, ()),
        scopes=_strings(data, "scopes", where, ("api", "refresh_token", "offline_access")),
        ip_relaxation=_enum(IpRelaxation, data.get("ip_relaxation", "relax"), f"{where}.ip_relaxation"),
        jwt_access_tokens=_bool(data, "jwt_access_tokens", where, False),
    )


def _user(data: dict[str, Any], where: str, index: int) -> User:
    _check_fields(data, User, where)
    ranges = _strings(data, "login_ip_ranges", where, ())
    for cidr in ranges:
        try:
            ipaddress.ip_network(cidr, strict=False)
        except ValueError:
            raise OrgModelError(f"{where}.login_ip_ranges has {cidr!r}.", fix="Use CIDR like 203.0.113.0/24.") from None
    approvals = tuple(_approval(a, f"{where}.approvals[{i}]") for i, a in enumerate(_objects(data, "approvals", where)))
    username = _str(data, "username", where)
    return User(
        username=username,
        id=_id(data, "id", where, "005", f"0055g00000U{index:04d}"),
        active=_bool(data, "active", where, True),
        profile=_str(data, "profile", where, "System Administrator"),
        permission_sets=_strings(data, "permission_sets", where, ()),
        permissions=_strings(data, "permissions", where, ()),
        approvals=approvals,
        login_ip_ranges=ranges,
        email=_str(data, "email", where, username),
        display_name=_str(data, "display_name", where, username.split("@")[0]),
    )


def _approval(data: dict[str, Any], where: str) -> Approval:
    _check_fields(data, Approval, where)
    return Approval(
        consumer_key=_str(data, "consumer_key", where),
        scopes=_strings(data, "scopes", where, ("api", "refresh_token")),
    )


def org_from_dict(data: Any) -> Org:
    """Build an ``Org`` from parsed JSON; raises ``OrgModelError`` naming the bad field."""
    if not isinstance(data, dict):
        raise OrgModelError("The org file is not a JSON object.", fix="Start the file with { and describe the org.")
    where = "org"
    _check_fields(data, Org, where)
    apps = tuple(_app(a, f"apps[{i}]") for i, a in enumerate(_objects(data, "apps", where)))
    users = tuple(_user(u, f"users[{i}]", i) for i, u in enumerate(_objects(data, "users", where)))
    if not apps:
        raise OrgModelError("The org has no apps.", fix='Add at least one connected app under "apps".')
    keys = [a.consumer_key for a in apps]
    if len(set(keys)) != len(keys):
        raise OrgModelError("Two apps share a consumer_key.", fix="Give every app its own consumer key.")
    org = Org(
        org_id=_id(data, "org_id", where, "00D", "00D5g00000SfJwT"),
        kind=_enum(OrgKind, data.get("kind", "production"), "org.kind"),
        my_domain=_str(data, "my_domain", where, DEFAULT_MY_DOMAIN),
        sandbox_name=_str(data, "sandbox_name", where, "uat"),
        state=_enum(OrgState, data.get("state", "active"), "org.state"),
        api_access_control=_bool(data, "api_access_control", where, False),
        site_urls=_strings(data, "site_urls", where, ()),
        apps=apps,
        users=users,
    )
    if not users:
        raise OrgModelError("The org has no users.", fix='Add at least one user under "users" (the JWT\'s sub).')
    return org


def load_org(path: str | Path) -> Org:
    """Read an org description from a JSON file."""
    raw = read_bounded(path, limit=ORG_FILE_LIMIT, cls=OrgModelError)
    try:
        text = decode_text_file(raw)
    except UnicodeDecodeError as exc:
        raise OrgModelError(
            f"Org file {str(path)!r} is not UTF-8 text ({exc.reason} at byte {exc.start}).",
            fix="Save it as UTF-8 (JSON text).",
        ) from exc
    try:
        data = safe_json.loads(text)
    except json.JSONDecodeError as exc:
        raise OrgModelError(
            f"Org file {str(path)!r} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).",
            fix="Fix the JSON syntax; see resources/practice/README.md for the fields.",
        ) from exc
    return org_from_dict(data)


def org_to_dict(org: Org) -> dict[str, Any]:
    """The JSON form of an org (what ``load_org`` reads back)."""

    def plain(value: Any) -> Any:
        if isinstance(value, tuple | list):
            return [plain(v) for v in value]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return value.value if isinstance(value, StrEnum) else value

    result: dict[str, Any] = plain(org)
    return result
