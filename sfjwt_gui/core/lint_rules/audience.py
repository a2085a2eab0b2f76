"""``aud`` rules, and ``aud-endpoint-mismatch`` against the host the token is POSTed to."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from sfjwt_gui.core.connection import PRODUCTION_URL, TOKEN_PATH, HostInfo, HostKind, classify_host
from sfjwt_gui.core.lint_rules.base import Hit, LintContext, quote

_LOGIN_KINDS = (HostKind.LOGIN, HostKind.TEST, HostKind.MY_DOMAIN, HostKind.MY_DOMAIN_SANDBOX)


def _parts(aud: str) -> tuple[str, str, str, str] | None:
    """(scheme, host, netloc, path+query+fragment) with https:// assumed for a bare host; None if not a URL."""
    text = aud.strip()
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return None
    if not host or any(ch.isspace() for ch in text):
        return None
    rest = parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return parts.scheme.lower(), host, parts.netloc, rest


def _check_one(aud: str) -> Iterator[Hit]:
    value = quote(aud)
    parts = _parts(aud)
    if parts is None:
        if not aud.lower().startswith("https://"):
            yield Hit("aud-not-https", {"value": value, "suggestion": PRODUCTION_URL})
        else:
            yield Hit("aud-unknown-host", {"value": value})
        return
    _, host, netloc, rest = parts
    info = classify_host(host)
    if info.kind is HostKind.LOOPBACK:
        return  # the practice server: Salesforce is never on loopback, so nothing to predict
    origin = f"https://{netloc}"
    path = rest.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    my_domain = "https://" + host.removesuffix(".lightning.force.com") + ".my.salesforce.com"
    if not aud.strip().lower().startswith("https://"):
        if info.kind is HostKind.LIGHTNING:
            corrected = my_domain
        elif info.kind is HostKind.SITE:
            corrected = origin + path.removesuffix(TOKEN_PATH)
        else:
            corrected = origin
        yield Hit("aud-not-https", {"value": value, "suggestion": corrected})
    if info.kind is HostKind.LIGHTNING:
        yield Hit("aud-lightning-domain", {"value": value, "suggestion": my_domain})
        return
    if info.kind is HostKind.SALESFORCE_OTHER:
        yield Hit("aud-unknown-host", {"value": value})
        return
    if info.kind is HostKind.CUSTOM:
        yield Hit("aud-unknown-host", {"value": value}, "custom")
        return
    if path.endswith(TOKEN_PATH):
        yield Hit("aud-token-url", {"value": value, "suggestion": origin + path.removesuffix(TOKEN_PATH)})
    elif info.kind in _LOGIN_KINDS and rest:
        yield Hit("aud-trailing-path", {"value": value, "extra": quote(rest), "suggestion": origin})


def check_aud(ctx: LintContext) -> Iterator[Hit]:
    """``aud``: https, a login host (not Lightning, not the token URL, no extra path)."""
    payload = ctx.payload
    if "aud" not in payload:
        yield Hit("aud-missing")
        return
    aud = payload["aud"]
    urls = ctx.aud_urls
    if not urls or (isinstance(aud, str) and not aud.strip()) or (isinstance(aud, list) and len(urls) != len(aud)):
        yield Hit("aud-missing", {"value": quote(aud)}, "invalid")
        return
    for url in urls:
        yield from _check_one(url)


def _host_info(aud: str) -> HostInfo | None:
    parts = _parts(aud)
    return classify_host(parts[1]) if parts else None


def check_gov_cloud(ctx: LintContext) -> Iterator[Hit]:
    """Government Cloud splits the pair: POST to My Domain, ``aud`` stays login/test (simple-salesforce PR #711)."""
    if not ctx.gov_cloud:
        return
    target = ctx.endpoint_info
    if target is not None and target.kind in (HostKind.LOGIN, HostKind.TEST):
        yield Hit("aud-gov-cloud", {"endpoint": quote(ctx.endpoint)}, "generic-endpoint")
    for aud in ctx.aud_urls:
        info = _host_info(aud)
        if info is not None and info.kind not in (HostKind.LOGIN, HostKind.TEST):
            yield Hit("aud-gov-cloud", {"value": quote(aud)})


def check_endpoint(ctx: LintContext) -> Iterator[Hit]:
    """Only clear contradictions between known Salesforce login hosts: production vs sandbox, or two orgs."""
    target = ctx.endpoint_info
    if target is None or target.environment is None:
        return
    for aud in ctx.aud_urls:
        info = _host_info(aud)
        if info is None or info.environment is None:
            continue
        values = {"value": quote(aud), "endpoint": quote(ctx.endpoint), "suggestion": f"https://{target.host}"}
        if info.environment != target.environment:
            yield Hit(
                "aud-endpoint-mismatch",
                values,
                terms={"aud_env": info.environment, "endpoint_env": target.environment},
            )
        elif info.org and target.org and info.org != target.org:
            yield Hit("aud-endpoint-mismatch", {**values, "aud_org": info.org, "endpoint_org": target.org}, "other-org")
