"""The Connection page's field checks as pure functions returning codes (Qt-free: the step list and tests use them).

Each check returns a ``Check``: its state ("ok", "warning", "failed", "none" for an empty field), a code naming the
text the page shows (rendered there, in the current language), the text's parameters and, for a core error, the
error itself (rendered through ``ui.errors.render_error``). No check raises.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sfjwt_gui.core.connection import HostKind, endpoint_host, token_url
from sfjwt_gui.core.errors import ConnectionSettingsError, SfjwtError


@dataclass(frozen=True)
class Check:
    """The verdict on one field."""

    state: str
    code: str
    params: dict[str, str] = field(default_factory=dict)
    error: SfjwtError | None = None


def check_endpoint(text: str) -> Check:
    """Is this a URL the assertion can be POSTed to?"""
    if not text:
        return Check("none", "endpoint-empty")
    try:
        url = token_url(text)
        host = endpoint_host(text)
    except ConnectionSettingsError as exc:
        return Check("failed", "error", error=exc)
    if url.startswith("http://") and host.kind is not HostKind.LOOPBACK:
        return Check("failed", "endpoint-http")
    if host.kind is HostKind.LIGHTNING:
        return Check("failed", "endpoint-lightning", {"host": host.host})
    return Check("ok", "endpoint-ok", {"url": url})


def check_audience(text: str, endpoint: str) -> Check:
    """Is this an ``aud`` Salesforce accepts (and of the same environment as the endpoint)?"""
    if not text:
        return Check("none", "aud-empty")
    if not text.lower().startswith(("https://", "http://")):
        return Check("failed", "aud-scheme", {"aud": repr(text)})
    if text.rstrip("/").endswith("/services/oauth2/token"):
        return Check("failed", "aud-token-url")
    try:
        host = endpoint_host(text)
    except ConnectionSettingsError as exc:
        return Check("failed", "error", error=exc)
    if host.kind is HostKind.LIGHTNING:
        return Check("failed", "aud-lightning")
    if host.kind in (HostKind.CUSTOM, HostKind.SALESFORCE_OTHER):
        return Check("warning", "aud-unusual")
    try:
        endpoint_kind = endpoint_host(endpoint).environment
    except ConnectionSettingsError:
        endpoint_kind = None
    if endpoint_kind and host.environment and endpoint_kind != host.environment:
        return Check("warning", "aud-mixed", {"a": str(endpoint_kind), "b": str(host.environment)})
    return Check("ok", "looks-right")


def check_consumer_key(text: str) -> Check:
    """Does this look like a consumer key?"""
    if not text:
        return Check("none", "iss-empty")
    if any(c.isspace() for c in text):
        return Check("failed", "iss-space")
    if not text.startswith("3MVG"):
        return Check("warning", "iss-prefix")
    return Check("ok", "looks-right")


def check_username(text: str, audience: str) -> Check:
    """Does this look like a Salesforce username (not an id or an e-mail of another user)?"""
    if not text:
        return Check("none", "sub-empty")
    if text.startswith("005") and "@" not in text:
        return Check("failed", "sub-user-id")
    if "@" not in text or any(c.isspace() for c in text):
        return Check("failed", "sub-not-email")
    aud = audience.lower()
    if ("test.salesforce.com" in aud or "sandbox" in aud) and text.rsplit(".", 1)[-1] in ("com", "org", "net"):
        return Check("warning", "sub-sandbox")
    return Check("ok", "looks-right")


def check_all(endpoint: str, audience: str, consumer_key: str, username: str) -> dict[str, Check]:
    """Every field's check, keyed by field name (stripped values)."""
    endpoint, audience = endpoint.strip(), audience.strip()
    return {
        "endpoint": check_endpoint(endpoint),
        "audience": check_audience(audience, endpoint),
        "consumer_key": check_consumer_key(consumer_key.strip()),
        "username": check_username(username.strip(), audience),
    }


def overall(states: set[str]) -> str:
    """The step's state from its fields' states: any failed → failed, any empty → none, any warning → warning."""
    for state in ("failed", "none", "warning"):
        if state in states:
            return state
    return "ok"
