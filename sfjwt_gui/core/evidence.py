"""Cause checks: decide from the request actually sent whether a catalogue cause is confirmed, ruled out or unknown.

Each check is a function of an ``EvidenceContext`` returning an ``Evidence`` (status + a template id from
``resources/errors/evidence.json`` + the values to fill in). Checks never guess: without facts they say ``unknown``.
Lint findings count as evidence too (``LINT_RULES`` links checks to lint rule ids).
A value a check does not know is ``None``, never a stand-in such as "?": the diagnosis then uses the template's
``_bare`` variant, so no placeholder reaches the user.
"""

from __future__ import annotations

import json
import re
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from sfjwt_gui.core import policy, safe_json
from sfjwt_gui.core.connection import HostInfo, HostKind, classify_host
from sfjwt_gui.core.jwt_codec import DecodedToken, key_fingerprint, verify
from sfjwt_gui.core.lint import Finding, Severity
from sfjwt_gui.core.outcome import Detail
from sfjwt_gui.core.timefmt import MILLISECONDS_THRESHOLD, numeric_value

if TYPE_CHECKING:  # the exchange module pulls in httpx: `sfjwt explain` must not pay for it
    from sfjwt_gui.core.exchange import ExchangeOptions, ExchangeResult


class Status(StrEnum):
    """Result of a cause check."""

    CONFIRMED = "confirmed"
    RULED_OUT = "ruled_out"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Evidence:
    """A check's verdict: ``template`` names a sentence in evidence.json, ``params`` fill it. A param may also be
    a value written in the reader's language when shown (a lint ``Finding`` or a list of them, a network ``Detail``,
    a core error): the diagnosis renders it, so a verdict is reached once and shown in any language."""

    status: Status
    template: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class EvidenceContext:
    """Everything known about the request and its answer."""

    entry_id: str
    result: ExchangeResult | None = None
    decoded: DecodedToken | None = None
    decode_error: BaseException | None = None  # why the assertion did not decode (rendered when shown)
    token_url: str | None = None
    uploaded_certificate: x509.Certificate | None = None
    signing_key: RSAPublicKey | None = None  # the public half of the key that signed (signer or private key)
    findings: list[Finding] = field(default_factory=list)
    org_kind: str | None = None  # "production" / "sandbox" when the caller knows (practice org, preset)
    options: ExchangeOptions | None = None
    now: float = field(default_factory=time.time)
    detail: str | None = None  # a pasted line that named the failure (sfjwt explain), when there is no result
    page: str | None = None  # a pasted HTML page, when there is no result

    @property
    def payload(self) -> dict[str, Any]:
        """The assertion's claims ({} when there is none)."""
        return self.decoded.payload if self.decoded else {}

    def claim(self, name: str) -> Any:
        """One claim, or None."""
        return self.payload.get(name)

    @property
    def endpoint_info(self) -> HostInfo | None:
        """The POST host, classified."""
        host = urllib.parse.urlsplit(self.token_url or "").hostname
        return classify_host(host) if host else None

    @property
    def aud(self) -> str | None:
        """The first ``aud`` value as a string."""
        aud = self.claim("aud")
        if isinstance(aud, list):
            aud = aud[0] if aud else None
        return aud if isinstance(aud, str) and aud else None

    def org_environment(self) -> tuple[str | None, str]:
        """(production|sandbox|None, why) from what the caller knows, else from the POST host."""
        if self.org_kind in ("production", "sandbox"):
            return self.org_kind, f"org kind {self.org_kind}"
        info = self.endpoint_info
        if info and info.environment:
            return info.environment, f"POST host {info.host}"
        return None, ""


_SANDBOX_TLDS = {"com", "net", "org", "io", "co", "jp", "de", "uk", "fr", "edu", "gov", "info", "biz", "us", "ca"}
_SANDBOX_SUFFIX = re.compile(r"^[a-z0-9]{1,40}$")
_CONSUMER_KEY = re.compile(r"^3MVG[A-Za-z0-9._]{20,}$")


def sandbox_suffix(username: str) -> str | None:
    """The sandbox suffix of ``user@acme.com.uat`` (``uat``), or None."""
    if "@" not in username:
        return None
    labels = username.rsplit("@", 1)[1].lower().split(".")
    if len(labels) >= 3 and labels[-2] in _SANDBOX_TLDS and labels[-1] not in _SANDBOX_TLDS:
        return labels[-1] if _SANDBOX_SUFFIX.match(labels[-1]) else None
    return None


def _utc(epoch: float) -> str:
    try:
        return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    except (OverflowError, OSError, ValueError):  # exp -1e20: before year 1
        return "out of range"  # as timefmt.utc_text says it


def _exp(ctx: EvidenceContext) -> float | None:
    # the lint's reading of a NumericDate: "inf", NaN and absurd integers are no usable exp, not a crash
    return numeric_value(ctx.claim("exp"))


def _send_time(ctx: EvidenceContext) -> float:
    if ctx.result and ctx.result.sent_at:
        return ctx.result.sent_at
    return ctx.now


# ----------------------------------------------------------------------------------------------- checks


def check_server_setting(ctx: EvidenceContext) -> Evidence:
    return Evidence(Status.UNKNOWN, "server_setting")


def check_approval_setting(ctx: EvidenceContext) -> Evidence:
    if not ctx.decoded:
        return Evidence(Status.UNKNOWN, "server_setting")
    return Evidence(Status.UNKNOWN, "approval_setting", {"sub": ctx.claim("sub")})


def check_none(ctx: EvidenceContext) -> Evidence:
    return Evidence(Status.UNKNOWN, "nothing_visible")


def check_sub_username(ctx: EvidenceContext) -> Evidence:
    if not ctx.decoded:
        return Evidence(Status.UNKNOWN, "no_assertion")
    sub = ctx.claim("sub")
    if not isinstance(sub, str) or not sub:
        return Evidence(Status.CONFIRMED, "sub_missing")
    if re.fullmatch(r"005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?", sub):
        return Evidence(Status.CONFIRMED, "sub_user_id", {"sub": sub})
    suffix = sandbox_suffix(sub)
    env, why = ctx.org_environment()
    if suffix and env == "production":
        return Evidence(Status.CONFIRMED, "sandbox_user_to_production", {"sub": sub, "suffix": suffix, "why": why})
    return Evidence(Status.UNKNOWN, "sub_value", {"sub": sub})


def check_sandbox_refresh(ctx: EvidenceContext) -> Evidence:
    env, why = ctx.org_environment()
    if env == "production":
        return Evidence(Status.RULED_OUT, "production_target", {"why": why})
    if env == "sandbox":
        return Evidence(Status.UNKNOWN, "sandbox_target", {"why": why})
    host = ctx.endpoint_info.host if ctx.endpoint_info else None
    return Evidence(Status.UNKNOWN, "org_type_unknown", {"host": host})


def check_aud_org_type(ctx: EvidenceContext) -> Evidence:
    if not ctx.decoded:
        return Evidence(Status.UNKNOWN, "no_assertion")
    aud = ctx.aud
    if not aud:
        return Evidence(Status.CONFIRMED, "aud_missing")
    aud_host = urllib.parse.urlsplit(aud if "://" in aud else "https://" + aud).hostname or ""
    aud_info = classify_host(aud_host)
    endpoint = ctx.endpoint_info
    if (
        endpoint
        and aud_info.kind in (HostKind.MY_DOMAIN, HostKind.MY_DOMAIN_SANDBOX)
        and endpoint.kind in (HostKind.MY_DOMAIN, HostKind.MY_DOMAIN_SANDBOX)
        and aud_info.org != endpoint.org
    ):
        return Evidence(Status.CONFIRMED, "aud_mydomain_other", {"aud_org": aud_info.host, "host_org": endpoint.host})
    env, why = ctx.org_environment()
    aud_env = aud_info.environment
    if env and aud_env:
        params = {"aud": aud, "aud_env": aud_env, "org_env": env, "why": why}
        return Evidence(
            Status.CONFIRMED if aud_env != env else Status.RULED_OUT,
            "aud_org_mismatch" if aud_env != env else "aud_org_match",
            params,
        )
    return Evidence(Status.UNKNOWN, "org_type_unknown", {"host": endpoint.host if endpoint else None})


def check_aud_format(ctx: EvidenceContext) -> Evidence:
    if not ctx.decoded:
        return Evidence(Status.UNKNOWN, "no_assertion")
    aud = ctx.aud
    if not aud:
        return Evidence(Status.CONFIRMED, "aud_missing")
    parts = urllib.parse.urlsplit(aud)
    if parts.scheme.lower() != "https":
        return Evidence(Status.CONFIRMED, "aud_not_https", {"aud": aud})
    info = classify_host(parts.hostname or "")
    path = parts.path.rstrip("/")
    if info.kind is HostKind.LIGHTNING:
        return Evidence(Status.CONFIRMED, "aud_lightning", {"aud": aud})
    if path.endswith("/services/oauth2/token"):
        return Evidence(Status.CONFIRMED, "aud_token_url", {"aud": aud})
    if path and info.kind is not HostKind.SITE:
        return Evidence(Status.CONFIRMED, "aud_path", {"aud": aud})
    if info.kind is HostKind.SALESFORCE_OTHER:
        return Evidence(Status.CONFIRMED, "aud_not_login", {"aud": aud})
    if info.kind in (HostKind.CUSTOM, HostKind.LOOPBACK):
        return Evidence(Status.UNKNOWN, "aud_custom", {"aud": aud})
    return Evidence(Status.RULED_OUT, "aud_ok", {"aud": aud, "kind": str(info.kind)})


def check_aud_generic_host(ctx: EvidenceContext) -> Evidence:
    generic = []
    aud = ctx.aud
    if aud:
        host = urllib.parse.urlsplit(aud).hostname or ""
        if classify_host(host).kind in (HostKind.LOGIN, HostKind.TEST):
            generic.append(f"aud {aud}")
    endpoint = ctx.endpoint_info
    if endpoint and endpoint.kind in (HostKind.LOGIN, HostKind.TEST):
        generic.append(f"POST {endpoint.host}")
    if not generic:
        if not ctx.decoded:
            return Evidence(Status.UNKNOWN, "no_assertion")
        return Evidence(Status.RULED_OUT, "no_generic_host", {"aud": aud})
    hosts = ", ".join(generic)
    if ctx.entry_id == "app-not-found":
        return Evidence(Status.CONFIRMED, "generic_host_eca", {"hosts": hosts})
    return Evidence(Status.UNKNOWN, "generic_host_maybe", {"hosts": hosts})


def check_aud_generic_only(ctx: EvidenceContext) -> Evidence:
    if not ctx.decoded:
        return Evidence(Status.UNKNOWN, "no_assertion")
    aud = ctx.aud
    host = urllib.parse.urlsplit(aud).hostname if aud else None
    if host and classify_host(host).kind in (HostKind.LOGIN, HostKind.TEST):
        return Evidence(Status.UNKNOWN, "aud_generic_only", {"aud": aud})
    return Evidence(Status.RULED_OUT, "aud_not_generic", {"aud": aud})


def check_sub_sandbox_suffix(ctx: EvidenceContext) -> Evidence:
    if not ctx.decoded:
        return Evidence(Status.UNKNOWN, "no_assertion")
    sub = ctx.claim("sub")
    if not isinstance(sub, str) or not sub:
        return Evidence(Status.CONFIRMED, "sub_missing")
    env, why = ctx.org_environment()
    suffix = sandbox_suffix(sub)
    if env == "production" and suffix:
        return Evidence(Status.CONFIRMED, "sandbox_user_to_production", {"sub": sub, "suffix": suffix, "why": why})
    if env == "sandbox" and not suffix:
        return Evidence(Status.UNKNOWN, "plain_user_to_sandbox", {"sub": sub, "why": why})
    if env:
        return Evidence(Status.RULED_OUT, "sub_fits_org", {"sub": sub, "org_env": env, "why": why})
    return Evidence(Status.UNKNOWN, "sub_value", {"sub": sub})


def check_signature_vs_certificate(ctx: EvidenceContext) -> Evidence:
    if not ctx.decoded:
        return Evidence(Status.UNKNOWN, "no_assertion")
    key_fp = key_fingerprint(ctx.signing_key) if ctx.signing_key is not None else None
    if ctx.uploaded_certificate is not None:
        from sfjwt_gui.core.fingerprints import sha256_fingerprint

        cert_fp = sha256_fingerprint(ctx.uploaded_certificate)
        checked = verify(ctx.decoded, ctx.uploaded_certificate)
        if checked.verified:
            # Only the user's belief about what is uploaded; the app may hold another certificate (the usual cause)
            return Evidence(Status.UNKNOWN, "signature_matches", {"cert_fp": cert_fp})
        return Evidence(Status.CONFIRMED, "signature_mismatch", {"cert_fp": cert_fp, "key_fp": key_fp})
    if ctx.signing_key is not None and not verify(ctx.decoded, ctx.signing_key).verified:
        return Evidence(Status.CONFIRMED, "signature_not_this_key", {"key_fp": key_fp})
    return Evidence(Status.UNKNOWN, "signature_no_certificate", {"key_fp": key_fp})


def check_iss_format(ctx: EvidenceContext) -> Evidence:
    if not ctx.decoded:
        return Evidence(Status.UNKNOWN, "no_assertion")
    iss = ctx.claim("iss")
    if not isinstance(iss, str) or not iss:
        return Evidence(Status.CONFIRMED, "iss_missing")
    if not _CONSUMER_KEY.match(iss):
        return Evidence(Status.CONFIRMED, "iss_not_key", {"iss": iss})
    return Evidence(Status.UNKNOWN, "iss_looks_ok", {"iss": iss[:12] + "…", "length": len(iss)})


def check_jwt_structure(ctx: EvidenceContext) -> Evidence:
    if ctx.decode_error:
        return Evidence(Status.CONFIRMED, "jwt_malformed", {"detail": ctx.decode_error})
    if not ctx.decoded:
        return Evidence(Status.UNKNOWN, "no_assertion")
    alg = ctx.decoded.header.get("alg")
    if alg != "RS256":
        return Evidence(Status.CONFIRMED, "jwt_alg", {"alg": alg})
    return Evidence(Status.RULED_OUT, "jwt_ok")


def check_clock_skew(ctx: EvidenceContext) -> Evidence:
    result = ctx.result
    if result is None:  # a pasted body (sfjwt explain): the answer's headers are not known
        return Evidence(Status.UNKNOWN, "clock_not_sent")
    if result.clock_offset is None:
        return Evidence(Status.UNKNOWN, "clock_unknown")
    offset = result.clock_offset
    params = {
        "server_date": result.server_date,
        "offset": f"{abs(offset):.0f}",
        "direction": "ahead" if offset > 0 else "behind",  # a template id: direction_ahead / direction_behind
    }
    if policy.skew_is_warning(offset):
        return Evidence(Status.CONFIRMED, "clock_skew", params)
    if policy.skew_is_negligible(offset):
        return Evidence(Status.RULED_OUT, "clock_ok", {**params, "offset": f"{offset:+.1f}"})
    return Evidence(Status.UNKNOWN, "clock_small", {"offset": f"{offset:+.1f}"})


def check_exp_vs_server(ctx: EvidenceContext) -> Evidence:
    if not ctx.decoded:
        return Evidence(Status.UNKNOWN, "no_assertion")
    exp = _exp(ctx)
    if exp is None:
        return Evidence(Status.CONFIRMED, "exp_missing")
    if exp > MILLISECONDS_THRESHOLD:
        return Evidence(Status.RULED_OUT, "exp_millis", {"exp": int(exp)})
    server = ctx.result.server_epoch if ctx.result else None
    if server is None:
        delta = exp - _send_time(ctx)
        status = Status.CONFIRMED if delta <= 0 else Status.UNKNOWN
        return Evidence(status, "exp_local_only", {"exp_utc": _utc(exp), "seconds": f"{delta:+.0f}"})
    params = {"exp_utc": _utc(exp), "server_date": ctx.result.server_date if ctx.result else "", "seconds": ""}
    if exp <= server:
        return Evidence(Status.CONFIRMED, "exp_past_server", {**params, "seconds": f"{server - exp:.0f}"})
    return Evidence(Status.RULED_OUT, "exp_future_server", {**params, "seconds": f"{exp - server:.0f}"})


def check_exp_timezone(ctx: EvidenceContext) -> Evidence:
    if not ctx.decoded:
        return Evidence(Status.UNKNOWN, "no_assertion")
    exp = _exp(ctx)
    if exp is None or exp > MILLISECONDS_THRESHOLD:
        return (
            Evidence(Status.UNKNOWN, "exp_missing")
            if exp is None
            else Evidence(Status.RULED_OUT, "exp_millis", {"exp": int(exp)})
        )
    delta = exp - _send_time(ctx)
    hours = round(delta / 3600 * 2) / 2
    if abs(delta) >= 3000 and abs(delta - hours * 3600) <= 600:
        return Evidence(Status.CONFIRMED, "exp_timezone", {"hours": f"{hours:+g}"})
    return Evidence(Status.RULED_OUT, "exp_timezone_ok", {"seconds": f"{delta:+.0f}"})


def check_exp_lifetime(ctx: EvidenceContext) -> Evidence:
    if not ctx.decoded:
        return Evidence(Status.UNKNOWN, "no_assertion")
    exp = _exp(ctx)
    if exp is None:
        return Evidence(Status.CONFIRMED, "exp_missing")
    iat = ctx.claim("iat")
    iat = numeric_value(iat) if isinstance(iat, int | float) else None  # not a string; not -10**400 (overflows)
    if iat is not None and iat < MILLISECONDS_THRESHOLD and exp < MILLISECONDS_THRESHOLD:
        lifetime, basis = exp - iat, "basis_iat"
    else:
        lifetime, basis = exp - _send_time(ctx), "basis_send"
    if abs(lifetime) >= 3000:  # a whole-hours shift is the timezone check's business
        return Evidence(Status.UNKNOWN, "exp_long_enough", {"seconds": f"{lifetime:.0f}", "basis": basis})
    if policy.lifetime_too_short(lifetime):
        return Evidence(Status.CONFIRMED, "exp_short", {"seconds": f"{lifetime:.0f}", "basis": basis})
    return Evidence(Status.RULED_OUT, "exp_long_enough", {"seconds": f"{lifetime:.0f}", "basis": basis})


def check_host_org_type(ctx: EvidenceContext) -> Evidence:
    info = ctx.endpoint_info
    if info is None:
        return Evidence(Status.UNKNOWN, "nothing_visible")
    if ctx.org_kind in ("production", "sandbox") and info.environment:
        params = {"host": info.host, "host_env": info.environment, "org_env": ctx.org_kind}
        if info.environment != ctx.org_kind:
            return Evidence(Status.CONFIRMED, "host_org_mismatch", params)
        return Evidence(Status.RULED_OUT, "host_org_match", params)
    return Evidence(Status.UNKNOWN, "host_posted", {"host": info.host, "kind": str(info.kind)})


def check_propagation(ctx: EvidenceContext) -> Evidence:
    return Evidence(Status.UNKNOWN, "propagation")


def check_form_encoding(ctx: EvidenceContext) -> Evidence:
    if ctx.result is not None and ctx.result.transcript.attempts:
        from sfjwt_gui.core.exchange import GRANT_TYPE

        return Evidence(Status.RULED_OUT, "form_ok", {"grant": GRANT_TYPE})
    return Evidence(Status.UNKNOWN, "form_unknown")


def check_https_scheme(ctx: EvidenceContext) -> Evidence:
    if not ctx.token_url:
        return Evidence(Status.UNKNOWN, "nothing_visible")
    if urllib.parse.urlsplit(ctx.token_url).scheme.lower() == "http":
        return Evidence(Status.CONFIRMED, "http_scheme", {"url": ctx.token_url})
    return Evidence(Status.RULED_OUT, "https_ok", {"url": ctx.token_url})


def check_login_count(ctx: EvidenceContext) -> Evidence:
    attempts = len(ctx.result.transcript.attempts) if ctx.result else 0
    return Evidence(Status.UNKNOWN, "login_count", {"attempts": attempts})


def check_scope_claim(ctx: EvidenceContext) -> Evidence:
    if not ctx.decoded:
        return Evidence(Status.UNKNOWN, "no_assertion")
    scope = ctx.claim("scope")
    if scope:
        return Evidence(Status.CONFIRMED, "scope_claim", {"scope": json.dumps(scope, ensure_ascii=False)})
    return Evidence(Status.RULED_OUT, "no_scope_claim")


def _detail(ctx: EvidenceContext) -> Detail | str | None:
    """The network detail of the result (a ``Detail``, rendered in the reader's language), else the pasted line."""
    if ctx.result is not None and ctx.result.detail is not None:
        return ctx.result.detail
    return (ctx.result.network_detail if ctx.result else None) or ctx.detail


def check_dns_name(ctx: EvidenceContext) -> Evidence:
    # A failed lookup alone does not prove a typo: the network, its DNS server or a missing proxy fail the same way.
    info = ctx.endpoint_info
    if ctx.result and info is not None and info.kind in (HostKind.LOGIN, HostKind.TEST):
        return Evidence(Status.RULED_OUT, "dns_failed_generic_host", {"host": info.host, "detail": _detail(ctx)})
    return Evidence(Status.UNKNOWN, "dns_failed", {"detail": _detail(ctx)})


def check_proxy_env(ctx: EvidenceContext) -> Evidence:
    if ctx.result is None:  # a pasted text: this machine's HTTPS_PROXY says nothing about the client that failed
        return Evidence(Status.UNKNOWN, "proxy_not_known")
    proxy = ctx.result.transcript.proxy
    if proxy:
        return Evidence(Status.UNKNOWN, "proxy_set", {"proxy": proxy})
    return Evidence(Status.UNKNOWN, "proxy_unset")


def check_refused_target(ctx: EvidenceContext) -> Evidence:
    confirmed = ctx.result is not None or ctx.detail is not None
    return Evidence(Status.CONFIRMED if confirmed else Status.UNKNOWN, "refused", {"detail": _detail(ctx)})


def check_timeout_phase(ctx: EvidenceContext) -> Evidence:
    transcript = ctx.result.transcript if ctx.result else None
    connect = transcript.connect_timeout if transcript and transcript.connect_timeout else None
    read = transcript.read_timeout if transcript and transcript.read_timeout else None
    if ctx.options is not None:
        connect, read = connect or ctx.options.connect_timeout, read or ctx.options.read_timeout
    if ctx.result is None:
        status = Status.CONFIRMED if ctx.detail else Status.UNKNOWN
        return Evidence(status, "timeout_pasted", {"detail": ctx.detail})
    params = {"detail": _detail(ctx), "connect": connect, "read": read}
    return Evidence(Status.CONFIRMED, "timeout_phase", params)


def check_tls_issuer(ctx: EvidenceContext) -> Evidence:
    result = ctx.result
    if result is None:
        return Evidence(Status.CONFIRMED if ctx.detail else Status.UNKNOWN, "tls_detail", {"detail": ctx.detail})
    if result.tls_issuer:
        host = urllib.parse.urlsplit(result.token_url).hostname
        params = {"host": host, "issuer": result.tls_issuer, "trust": result.transcript.trust}
        return Evidence(Status.CONFIRMED, "tls_issuer", params)
    return Evidence(Status.CONFIRMED, "tls_detail", {"detail": _detail(ctx)})


def check_tls_inspection(ctx: EvidenceContext) -> Evidence:
    result = ctx.result
    if result is None or not result.tls_issuer:
        return check_proxy_env(ctx)
    info = ctx.endpoint_info
    salesforce = info is not None and info.kind not in (HostKind.CUSTOM, HostKind.LOOPBACK)
    if salesforce and "digicert" not in result.tls_issuer.lower():
        return Evidence(Status.CONFIRMED, "tls_not_salesforce_ca", {"issuer": result.tls_issuer})
    return Evidence(Status.UNKNOWN, "tls_issuer_only", {"issuer": result.tls_issuer})


def check_trust_source(ctx: EvidenceContext) -> Evidence:
    if ctx.result is None:
        return Evidence(Status.UNKNOWN, "nothing_visible")
    if ctx.result.transcript.trust == "OS store":
        return Evidence(Status.RULED_OUT, "trust_os_used")
    return Evidence(Status.UNKNOWN, "trust_used", {"trust": ctx.result.transcript.trust})


def check_proxy_scheme(ctx: EvidenceContext) -> Evidence:
    proxy = ctx.result.transcript.proxy if ctx.result else None
    if not proxy:
        return Evidence(Status.RULED_OUT, "no_proxy")
    if proxy.lower().startswith("https://"):
        return Evidence(Status.CONFIRMED, "proxy_https", {"proxy": proxy})
    return Evidence(Status.RULED_OUT, "proxy_http", {"proxy": proxy})


def _is_html(ctx: EvidenceContext) -> bool:
    result = ctx.result
    if result is None:
        return ctx.page is not None
    return "html" in (result.content_type or "").lower() or result.body.lstrip().lower().startswith(
        ("<!doctype", "<html")
    )


def check_server_status(ctx: EvidenceContext) -> Evidence:
    result = ctx.result
    if result is None or result.status is None:
        return Evidence(Status.UNKNOWN, "nothing_visible")
    status = Status.CONFIRMED if result.status >= 500 else Status.RULED_OUT
    return Evidence(status, "server_status", {"status": result.status, "content_type": result.content_type or "-"})


MAINTENANCE_WORDS = ("maintenance", "メンテナンス", "unavailable", "down for")
LOGIN_WORDS = ("login", "password", "username")


def check_html_body(ctx: EvidenceContext) -> Evidence:
    result = ctx.result
    if result is None and ctx.page is not None:
        params: dict[str, Any] = {"status": None, "content_type": None}
        body = ctx.page.lower()
    elif result is None or result.status is None:
        return Evidence(Status.UNKNOWN, "nothing_visible")
    else:
        params = {"status": result.status, "content_type": result.content_type or "-"}
        if not _is_html(ctx):
            return Evidence(Status.RULED_OUT, "not_html", params)
        body = result.body.lower()
    if any(w in body for w in MAINTENANCE_WORDS):
        status = Status.CONFIRMED if ctx.entry_id == "maintenance-page" else Status.UNKNOWN
        return Evidence(status, "html_maintenance", params)
    if any(w in body for w in LOGIN_WORDS):
        status = Status.CONFIRMED if ctx.entry_id == "not-json" else Status.UNKNOWN
        return Evidence(status, "html_login", params)
    # Salesforce's own 5xx pages are HTML too: an HTML body alone does not prove another server answered
    return Evidence(Status.UNKNOWN, "html_other", params)


PROXY_PAGE_WORDS = ("access denied", "blocked", "web filter", "zscaler", "netskope", "proxy", "bluecoat", "forcepoint")


def check_html_proxy(ctx: EvidenceContext) -> Evidence:
    body = ctx.result.body if ctx.result is not None and ctx.result.status is not None else ctx.page
    if body is None:
        return Evidence(Status.UNKNOWN, "nothing_visible")
    if not _is_html(ctx):
        return Evidence(Status.RULED_OUT, "proxy_page_not_html")
    lowered = body.lower()
    if any(word in lowered for word in PROXY_PAGE_WORDS) and not any(w in lowered for w in MAINTENANCE_WORDS):
        return Evidence(Status.CONFIRMED, "proxy_page")
    return Evidence(Status.RULED_OUT, "proxy_page_absent")


def check_api_access_control(ctx: EvidenceContext) -> Evidence:
    return Evidence(Status.UNKNOWN, "api_access_control", {"sub": ctx.claim("sub") if ctx.decoded else None})


def check_app_installed(ctx: EvidenceContext) -> Evidence:
    return Evidence(Status.UNKNOWN, "app_installed")


def check_user_permission(ctx: EvidenceContext) -> Evidence:
    return Evidence(Status.UNKNOWN, "user_permission", {"sub": ctx.claim("sub") if ctx.decoded else None})


def check_gov_cloud_aud(ctx: EvidenceContext) -> Evidence:
    if not ctx.decoded:
        return Evidence(Status.UNKNOWN, "gov_cloud_no_assertion")
    aud, endpoint = ctx.aud, ctx.endpoint_info
    aud_kind = classify_host(urllib.parse.urlsplit(aud).hostname or "").kind if aud and "://" in aud else None
    if endpoint is None:
        return Evidence(Status.UNKNOWN, "gov_cloud_aud_only", {"aud": aud})
    mydomain = (HostKind.MY_DOMAIN, HostKind.MY_DOMAIN_SANDBOX)
    if endpoint.kind in mydomain and aud_kind in (HostKind.LOGIN, HostKind.TEST):
        return Evidence(Status.RULED_OUT, "gov_cloud_split_ok", {"aud": aud, "host": endpoint.host})
    if endpoint.kind in mydomain and aud_kind in mydomain:
        return Evidence(Status.UNKNOWN, "gov_cloud_mydomain_aud", {"aud": aud, "host": endpoint.host})
    return Evidence(Status.RULED_OUT, "gov_cloud_not_mydomain", {"host": endpoint.host})


def check_other_flow(ctx: EvidenceContext) -> Evidence:
    if ctx.result is not None and ctx.result.transcript.attempts:
        return Evidence(Status.RULED_OUT, "other_flow_sent_jwt")
    return Evidence(Status.UNKNOWN, "other_flow")


def check_json_body(ctx: EvidenceContext) -> Evidence:
    result = ctx.result
    if result is None or result.status is None:
        return Evidence(Status.UNKNOWN, "nothing_visible")
    text = result.body.strip()
    if text.startswith(("{", "[")):
        try:
            safe_json.loads(text)
        except ValueError as exc:
            return Evidence(Status.CONFIRMED, "json_broken", {"detail": str(exc)})
    return Evidence(Status.RULED_OUT, "json_not_broken")


def check_token_path(ctx: EvidenceContext) -> Evidence:
    if not ctx.token_url:
        return Evidence(Status.UNKNOWN, "nothing_visible")
    path = urllib.parse.urlsplit(ctx.token_url).path
    if path.rstrip("/").endswith("/services/oauth2/token"):
        return Evidence(Status.RULED_OUT, "token_path_ok", {"path": path})
    status = ctx.result.status if ctx.result and ctx.result.status is not None else "-"
    return Evidence(Status.CONFIRMED, "token_path_wrong", {"url": ctx.token_url, "path": path or "/", "status": status})


def check_lint_errors(ctx: EvidenceContext) -> Evidence:
    if not ctx.decoded:
        if ctx.decode_error:
            return Evidence(Status.CONFIRMED, "jwt_malformed", {"detail": ctx.decode_error})
        return Evidence(Status.UNKNOWN, "no_assertion")
    errors = [f for f in ctx.findings if f.severity is Severity.ERROR]
    if errors:
        return Evidence(Status.CONFIRMED, "lint_errors", {"messages": errors})
    return Evidence(Status.RULED_OUT, "lint_clean")


def check_local_detail(ctx: EvidenceContext) -> Evidence:
    return Evidence(Status.CONFIRMED, "local_detail", {"detail": _detail(ctx)})


CHECKS: dict[str, Callable[[EvidenceContext], Evidence]] = {
    "server_setting": check_server_setting,
    "approval_setting": check_approval_setting,
    "none": check_none,
    "sub_username": check_sub_username,
    "sandbox_refresh": check_sandbox_refresh,
    "aud_org_type": check_aud_org_type,
    "aud_format": check_aud_format,
    "aud_generic_host": check_aud_generic_host,
    "aud_generic_only": check_aud_generic_only,
    "sub_sandbox_suffix": check_sub_sandbox_suffix,
    "signature_vs_certificate": check_signature_vs_certificate,
    "iss_format": check_iss_format,
    "jwt_structure": check_jwt_structure,
    "clock_skew": check_clock_skew,
    "exp_vs_server": check_exp_vs_server,
    "exp_timezone": check_exp_timezone,
    "exp_lifetime": check_exp_lifetime,
    "host_org_type": check_host_org_type,
    "propagation": check_propagation,
    "form_encoding": check_form_encoding,
    "https_scheme": check_https_scheme,
    "login_count": check_login_count,
    "scope_claim": check_scope_claim,
    "dns_name": check_dns_name,
    "proxy_env": check_proxy_env,
    "refused_target": check_refused_target,
    "timeout_phase": check_timeout_phase,
    "tls_issuer": check_tls_issuer,
    "tls_inspection": check_tls_inspection,
    "trust_source": check_trust_source,
    "proxy_scheme": check_proxy_scheme,
    "server_status": check_server_status,
    "html_body": check_html_body,
    "json_body": check_json_body,
    "token_path": check_token_path,
    "lint_errors": check_lint_errors,
    "local_detail": check_local_detail,
    "html_proxy": check_html_proxy,
    "api_access_control": check_api_access_control,
    "app_installed": check_app_installed,
    "user_permission": check_user_permission,
    "gov_cloud_aud": check_gov_cloud_aud,
    "other_flow": check_other_flow,
}

# lint rules whose error findings confirm a cause the check itself could not decide
LINT_RULES: dict[str, tuple[str, ...]] = {
    "aud_format": (
        "aud-missing",
        "aud-not-https",
        "aud-unknown-host",
        "aud-lightning-domain",
        "aud-token-url",
        "aud-trailing-path",
    ),
    "aud_org_type": ("aud-endpoint-mismatch",),
    "iss_format": ("iss-missing", "iss-not-consumer-key"),
    "jwt_structure": ("alg-not-rs256", "alg-none"),
    "signature_vs_certificate": ("signature-invalid", "key-certificate-mismatch"),
    "exp_vs_server": ("exp-in-past", "exp-missing"),
    "exp_lifetime": ("exp-too-short",),
    "sub_username": ("sub-missing", "sub-looks-like-user-id"),
    "sub_sandbox_suffix": ("sub-missing",),
}


def run_check(check: str, ctx: EvidenceContext) -> tuple[Evidence, Finding | None]:
    """Run one check; a matching lint error upgrades an ``unknown`` verdict to ``confirmed``."""
    evidence = CHECKS.get(check, check_none)(ctx)
    if evidence.status is Status.UNKNOWN:
        for finding in ctx.findings:
            if finding.rule in LINT_RULES.get(check, ()) and finding.severity is Severity.ERROR:
                return Evidence(Status.CONFIRMED, "lint_finding", {"rule": finding.rule, "message": finding}), finding
    return evidence, None
