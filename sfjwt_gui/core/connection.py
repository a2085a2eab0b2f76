"""Where the assertion is POSTed (endpoint) and what it names as audience (``aud``): presets and host kinds.

The two are independent choices (reference §2); a preset only fills both in.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from sfjwt_gui.core.errors import ConnectionSettingsError
from sfjwt_gui.core.key_texts import error

TOKEN_PATH = "/services/oauth2/token"  # noqa: S105 - a URL path, not a secret
PRODUCTION_URL = "https://login.salesforce.com"
SANDBOX_URL = "https://test.salesforce.com"

# Enhanced My Domain partitions: sandboxes and scratch orgs log in like sandboxes (test.salesforce.com).
_SANDBOX_PARTITIONS = frozenset({"sandbox", "scratch"})
_PRODUCTION_PARTITIONS = frozenset({"develop", "demo", "patch", "trailblaze", "free"})
_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?$")
_SANDBOX_NAME = re.compile(r"^[A-Za-z0-9]{1,40}$")


class Preset(StrEnum):
    """Connection presets; ``mydomain`` and ``govcloud`` with a sandbox name give the sandbox My Domain."""

    PRODUCTION = "production"
    SANDBOX = "sandbox"
    MYDOMAIN = "mydomain"
    GOVCLOUD = "govcloud"  # Government Cloud: POST to My Domain, aud stays login/test (``government_cloud_connection``)
    SITE = "site"
    CUSTOM = "custom"


def is_gov_cloud(preset: Preset | str | None) -> bool:
    """True when a preset value (the window's and a profile's ``preset``) names Government Cloud, whose token
    requests the lint and the diagnosis check with ``gov_cloud`` (rule ``aud-gov-cloud``)."""
    return preset == Preset.GOVCLOUD


class HostKind(StrEnum):
    """What a host is, as far as the JWT bearer flow is concerned."""

    LOGIN = "login"  # login.salesforce.com
    TEST = "test"  # test.salesforce.com
    MY_DOMAIN = "my-domain"  # NAME.my.salesforce.com, NAME.develop.my.salesforce.com
    MY_DOMAIN_SANDBOX = "my-domain-sandbox"  # NAME--SBX.sandbox.my.salesforce.com, scratch orgs, legacy NAME--SBX.my…
    SITE = "site"  # Experience Cloud / Salesforce Sites: *.my.site.com, *.force.com, *.salesforce-sites.com
    LIGHTNING = "lightning"  # *.lightning.force.com (the UI, not a login host)
    SALESFORCE_OTHER = "salesforce-other"  # any other *.salesforce.com / *.force.com host (instances, setup, vf …)
    LOOPBACK = "loopback"  # 127.0.0.1, localhost: the practice server
    CUSTOM = "custom"  # anything else (possibly a site's custom domain)


@dataclass(frozen=True)
class HostInfo:
    """A classified host: ``org`` is the My Domain name (``acme`` or ``acme--uat``) when there is one."""

    host: str
    kind: HostKind
    org: str | None = None
    partition: str | None = None  # enhanced-domain word: develop, sandbox, scratch, demo, patch …

    @property
    def environment(self) -> str | None:
        """``production``/``sandbox`` for hosts that tie the request to one, else None."""
        if self.kind is HostKind.LOGIN:
            return "production"
        if self.kind is HostKind.MY_DOMAIN:
            return "production" if self.partition is None or self.partition in _PRODUCTION_PARTITIONS else None
        if self.kind in (HostKind.TEST, HostKind.MY_DOMAIN_SANDBOX):
            return "sandbox"
        return None


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def classify_host(host: str) -> HostInfo:
    """Classify a bare host name (no scheme, no port)."""
    name = host.strip().rstrip(".").lower()
    if _is_loopback(name):
        return HostInfo(name, HostKind.LOOPBACK)
    if name == "login.salesforce.com":
        return HostInfo(name, HostKind.LOGIN)
    if name == "test.salesforce.com":
        return HostInfo(name, HostKind.TEST)
    if name.endswith(".lightning.force.com"):
        return HostInfo(name, HostKind.LIGHTNING, name.split(".", 1)[0])
    if name.endswith(".my.salesforce.com"):
        labels = name.removesuffix(".my.salesforce.com").split(".")
        if len(labels) in (1, 2) and all(labels):
            org = labels[0]
            partition = labels[1] if len(labels) == 2 else None
            # Before enhanced domains a sandbox My Domain was NAME--SANDBOX.my.salesforce.com.
            sandbox = partition in _SANDBOX_PARTITIONS or (partition is None and "--" in org)
            return HostInfo(name, HostKind.MY_DOMAIN_SANDBOX if sandbox else HostKind.MY_DOMAIN, org, partition)
    if name.endswith((".my.site.com", ".force.com", ".salesforce-sites.com")):
        kind = HostKind.SALESFORCE_OTHER if name.endswith((".vf.force.com", ".file.force.com")) else HostKind.SITE
        return HostInfo(name, kind, name.split(".", 1)[0])
    if name.endswith((".salesforce.com", ".salesforce-setup.com", ".visualforce.com")) or name == "salesforce.com":
        return HostInfo(name, HostKind.SALESFORCE_OTHER)
    return HostInfo(name, HostKind.CUSTOM)


def _split(url: str, what: str) -> tuple[str, str, str]:
    """(scheme, host, path) of a URL; a bare host gets https://."""
    text = url.strip()
    if not text:
        raise error(ConnectionSettingsError, "connection-empty", what=what)
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise error(ConnectionSettingsError, "connection-not-url", what=what, url=repr(url), detail=str(exc)) from exc
    if parts.scheme not in ("http", "https") or not host:
        raise error(ConnectionSettingsError, "connection-not-http", what=what, url=repr(url))
    if parts.query or parts.fragment:
        raise error(ConnectionSettingsError, "connection-query", what=what, url=repr(url))
    return parts.scheme, parts.netloc, parts.path


def token_url(endpoint: str) -> str:
    """The token URL for a login host (``https://login.salesforce.com``) or an already complete token URL."""
    scheme, netloc, path = _split(endpoint, "endpoint")
    path = path.rstrip("/")
    if not path.endswith(TOKEN_PATH):
        path += TOKEN_PATH
    return f"{scheme}://{netloc}{path}"


def login_url(endpoint: str) -> str:
    """The login host URL (site path kept) for a login host or a token URL: the inverse of ``token_url``."""
    scheme, netloc, path = _split(endpoint, "endpoint")
    path = path.rstrip("/")
    path = path.removesuffix(TOKEN_PATH)
    return f"{scheme}://{netloc}{path}"


def endpoint_host(endpoint: str) -> HostInfo:
    """Classify the host of an endpoint given as login host or token URL."""
    _, netloc, _ = _split(endpoint, "endpoint")
    host = netloc.rsplit("@", 1)[-1]
    host = host[1:].split("]", 1)[0] if host.startswith("[") else host.split(":", 1)[0]
    return classify_host(host)


@dataclass(frozen=True)
class Connection:
    """Endpoint (login host or token URL) and ``aud``; independent values."""

    endpoint: str
    aud: str
    gov_cloud: bool = False  # Government Cloud: POST to My Domain while aud stays login/test (lint aud-gov-cloud)

    @property
    def token_url(self) -> str:
        """The URL to POST the assertion to."""
        return token_url(self.endpoint)


def _my_domain_name(domain: str) -> str:
    name = domain.strip().lower().removeprefix("https://").removeprefix("http://").split("/", 1)[0]
    name = name.removesuffix(".my.salesforce.com")
    if not _NAME.match(name) or "--" in name:
        raise error(ConnectionSettingsError, "connection-my-domain", domain=repr(domain))
    return name


def my_domain_url(domain: str, sandbox: str | None = None) -> str:
    """``https://NAME.my.salesforce.com`` or ``https://NAME--SANDBOX.sandbox.my.salesforce.com``."""
    name = _my_domain_name(domain)
    if sandbox is None:
        return f"https://{name}.my.salesforce.com"
    if not _SANDBOX_NAME.match(sandbox.strip()):
        raise error(ConnectionSettingsError, "connection-sandbox-name", sandbox=repr(sandbox))
    return f"https://{name}--{sandbox.strip().lower()}.sandbox.my.salesforce.com"


def preset_connection(
    preset: Preset | str,
    *,
    domain: str | None = None,
    sandbox: str | None = None,
    site_url: str | None = None,
    endpoint: str | None = None,
    aud: str | None = None,
) -> Connection:
    """Endpoint and ``aud`` for a preset; ``endpoint``/``aud`` override either one (they are independent)."""
    try:
        kind = Preset(preset)
    except ValueError as exc:
        raise error(ConnectionSettingsError, "connection-preset-unknown", preset=repr(preset)) from exc
    if kind is Preset.PRODUCTION:
        url = PRODUCTION_URL
    elif kind is Preset.SANDBOX:
        url = SANDBOX_URL
    elif kind is Preset.MYDOMAIN:
        if not domain:
            raise error(ConnectionSettingsError, "connection-mydomain-needs-name")
        url = my_domain_url(domain, sandbox)
    elif kind is Preset.GOVCLOUD:
        if not domain:
            raise error(ConnectionSettingsError, "connection-mydomain-needs-name")
        split = government_cloud_connection(domain, sandbox)
        return Connection(endpoint=(endpoint or split.endpoint).strip(), aud=(aud or split.aud).strip(), gov_cloud=True)
    elif kind is Preset.SITE:
        if not site_url:
            raise error(ConnectionSettingsError, "connection-site-needs-url")
        url = login_url(site_url)
    else:
        url = (endpoint or aud or "").strip()
        if not url:
            raise error(ConnectionSettingsError, "connection-custom-needs-url")
        url = login_url(url)
        endpoint = login_url(endpoint) if endpoint else None
    return Connection(endpoint=(endpoint or url).strip(), aud=(aud or url).strip())


def government_cloud_connection(domain: str, sandbox: str | None = None) -> Connection:
    """Government Cloud: POST to the org's My Domain, ``aud`` stays the generic login (test for a sandbox) host.

    Source: simple-salesforce PR #711 (citing Salesforce knowledge article 000386092), restforce PR #886.
    """
    return Connection(
        endpoint=my_domain_url(domain, sandbox), aud=SANDBOX_URL if sandbox else PRODUCTION_URL, gov_cloud=True
    )


def parse_preset(text: str) -> Connection:
    """Parse ``production``, ``sandbox``, ``mydomain:NAME``, ``mydomain-sandbox:NAME:SANDBOX``, ``site:URL``,
    ``custom:URL``, ``govcloud:NAME`` and ``govcloud-sandbox:NAME:SANDBOX``."""
    kind, _, rest = text.strip().partition(":")
    kind = kind.lower()
    if kind in ("production", "sandbox") and not rest:
        return preset_connection(kind)
    if kind == "mydomain" and rest:
        return preset_connection(Preset.MYDOMAIN, domain=rest)
    if kind == "mydomain-sandbox":
        name, _, sandbox = rest.partition(":")
        if name and sandbox:
            return preset_connection(Preset.MYDOMAIN, domain=name, sandbox=sandbox)
    if kind == "govcloud" and rest:
        return government_cloud_connection(rest)
    if kind == "govcloud-sandbox":
        name, _, sandbox = rest.partition(":")
        if name and sandbox:
            return government_cloud_connection(name, sandbox)
    if kind == "site" and rest:
        return preset_connection(Preset.SITE, site_url=rest)
    if kind == "custom" and rest:
        return preset_connection(Preset.CUSTOM, endpoint=rest)
    raise error(ConnectionSettingsError, "connection-preset-syntax", preset=repr(text))
