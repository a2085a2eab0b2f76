"""Who is asking for whom: ``iss-*``, ``sub-*``, ``prn-instead-of-sub``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sfjwt_gui.core.connection import classify_host
from sfjwt_gui.core.lint_rules.base import Hit, LintContext, quote

_USER_ID = re.compile(r"^005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$")
_EMAIL = re.compile(r"^[^@\s]+@([^@\s]+\.[^@\s]+)$")
_MAX_EMAIL = 320  # longer values are not addresses; the limit also keeps the regex linear
_SECRET = re.compile(r"^(?:[0-9A-Fa-f]{64}|[0-9]{19})$")
# Public mailbox providers: a username there is usually someone's email, not an org username.
_FREE_MAIL = {
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.jp", "outlook.com", "outlook.jp", "hotmail.com",
    "hotmail.co.jp", "live.com", "live.jp", "msn.com", "icloud.com", "me.com", "aol.com", "protonmail.com",
    "proton.me", "gmx.com", "gmx.de", "mail.ru", "qq.com", "163.com", "docomo.ne.jp", "ezweb.ne.jp",
    "softbank.ne.jp", "i.softbank.jp", "au.com",
}  # fmt: skip
# Labels that end real email domains; a sandbox username ends in the sandbox name instead (user@acme.com.uat).
_COMMON_TLDS = {
    "com", "net", "org", "edu", "gov", "mil", "int", "io", "co", "biz", "info", "jp", "uk", "de", "fr", "es", "it",
    "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "pt", "ie", "us", "ca", "mx", "br", "ar", "au", "nz",
    "in", "cn", "hk", "tw", "kr", "sg", "my", "th", "id", "ph", "vn", "za", "ru", "tr", "il", "ae",
}  # fmt: skip


def check_iss(ctx: LintContext) -> Iterator[Hit]:
    """``iss`` must be the Connected App's consumer key (3MVG… in the field)."""
    payload = ctx.payload
    if "iss" not in payload:
        yield Hit("iss-missing")
        return
    iss = payload["iss"]
    if not isinstance(iss, str) or not iss.strip():
        yield Hit("iss-missing", {"value": quote(iss)}, "invalid")
        return
    value = quote(iss)
    if iss != iss.strip() or any(ch.isspace() for ch in iss):
        yield Hit("iss-not-consumer-key", {"value": value}, "whitespace")
    elif len(iss) <= _MAX_EMAIL and _EMAIL.match(iss):
        yield Hit("iss-not-consumer-key", {"value": value}, "username")
    elif _SECRET.match(iss):
        yield Hit("iss-not-consumer-key", {"value": value}, "secret")
    elif not iss.startswith("3MVG"):
        yield Hit("iss-not-consumer-key", {"value": value})


def _sandbox_target(ctx: LintContext) -> tuple[str, str] | None:
    """(host, sandbox name or '') when aud or the endpoint points at a sandbox."""
    infos = [classify_host(_host_of(url)) for url in ctx.aud_urls]
    if ctx.endpoint_info is not None:
        infos.append(ctx.endpoint_info)
    for info in infos:
        if info.environment == "sandbox":
            sandbox = info.org.split("--", 1)[1] if info.org and "--" in info.org else ""
            return info.host, sandbox
    return None


def _host_of(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0].split("?", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0]


def check_sub(ctx: LintContext) -> Iterator[Hit]:
    """``sub`` is the Salesforce username; ``prn`` is the legacy name of the claim."""
    payload = ctx.payload
    has_prn = "prn" in payload
    if has_prn:
        if "sub" not in payload:
            yield Hit("prn-instead-of-sub", {"value": quote(payload["prn"])})
        elif payload["prn"] != payload["sub"]:  # Salesforce logs in as prn when both are present (KB 000204593)
            yield Hit("prn-instead-of-sub", {"value": quote(payload["prn"]), "sub": quote(payload["sub"])}, "differs")
        else:
            yield Hit("prn-instead-of-sub", {"value": quote(payload["prn"])}, "alongside")
    if "sub" not in payload:
        if not has_prn:
            yield Hit("sub-missing")
        return
    sub = payload["sub"]
    if not isinstance(sub, str) or not sub.strip():
        yield Hit("sub-missing", {"value": quote(sub)}, "invalid")
        return
    value = quote(sub)
    if _USER_ID.match(sub.strip()):
        yield Hit("sub-looks-like-user-id", {"value": value})
        return
    email = _EMAIL.match(sub.strip()) if len(sub) <= _MAX_EMAIL else None
    if not email:
        return
    domain = email.group(1).lower()
    target = _sandbox_target(ctx)
    if target is not None and domain.rsplit(".", 1)[-1] in _COMMON_TLDS:
        host, sandbox = target
        example = quote(f"{sub.strip()}.{sandbox or 'uat'}")
        yield Hit("sub-looks-like-email-not-username", {"value": value, "target": host, "example": example},
                  "sandbox-suffix")  # fmt: skip
    elif domain in _FREE_MAIL:
        yield Hit("sub-looks-like-email-not-username", {"value": value})
