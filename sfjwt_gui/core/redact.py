"""Mask secrets in any text before it reaches a log line, a transcript or a crash report.

Public API, reused by the window's log pane and the crash report:

- ``redact(text)`` masks JWTs (``eyJ…``), Salesforce access tokens (``00D…!…``), ``Bearer`` credentials,
  ``assertion=`` / ``access_token`` fields and PEM private keys. Certificates and public keys are left alone.
- ``mask_token(token)`` shows an access token as ``00Dxx0000001gPL!…(112 chars)`` (the org id is not secret).
- ``shorten_jwt(token)`` shows a JWT as its first characters plus its length.
- ``RedactingFilter`` is a ``logging.Filter`` that rewrites every record through ``redact``; attach it to handlers
  (``install_redaction(handler)``) so records from every ``sfjwt_gui.*`` logger are covered.
"""

from __future__ import annotations

import logging
import re

__all__ = ["RedactingFilter", "install_redaction", "mask_token", "redact", "shorten_jwt"]

_PEM_PRIVATE = re.compile(
    r"-----BEGIN ((?:RSA |EC |DSA |ENCRYPTED |OPENSSH )?PRIVATE KEY)-----.*?(?:-----END \1-----|\Z)",
    re.DOTALL,
)
# a JWT: base64url JSON header "eyJ", payload, signature (the signature may be empty for alg none)
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")
# a Salesforce session id / access token: 15 or 18 char org id, "!", then the secret part
_ACCESS_TOKEN = re.compile(r"\b(00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)!([A-Za-z0-9._\-]{8,})")
# possessive {8,}+ plus "(?!…)": a credential another pattern already shortened ("eyJhbGciOiJS…(612 chars)",
# "00D…!…(112 chars)") is left alone instead of being masked a second time
_BEARER = re.compile(r"(?i)\b(Bearer\s+)([A-Za-z0-9._~+/=!\-]{8,}+)(?!…)")
_MASKED = re.compile(r"(?:00D[A-Za-z0-9]*!|[A-Za-z0-9._~+/=!\-]{0,12})…\(\d+ (?:chars|文字)\)")
_UNIT = {"en": "chars", "ja": "文字"}  # shown to people in the window or terminal; logs always say "chars"
_FIELD = re.compile(r"""(?i)(["']?(?:access_token|refresh_token|assertion)["']?\s*[:=]\s*["']?)([^"'&\s,}]{8,})""")
_KEEP = 12
# every pattern above needs one of these (lower-cased) substrings; checking first keeps redact cheap on clean text
_MARKERS = ("eyj", "!", "private key", "bearer", "access_token", "refresh_token", "assertion")


def _already_masked(text: str) -> bool:
    return _MASKED.fullmatch(text) is not None


def shorten_jwt(token: str) -> str:
    """Return ``eyJhbGciOiJS…(612 chars)``: enough to recognise, not enough to replay (idempotent)."""
    if _already_masked(token):
        return token
    return f"{token[: min(_KEEP, len(token) // 2)]}…({len(token)} chars)"  # a short value never shows whole


def mask_token(token: str, lang: str = "en") -> str:
    """Return an access token with its secret part replaced: ``00D…!…(112 chars)`` (idempotent);
    ``lang="ja"`` says ``(112 文字)`` for Japanese screens."""
    if _already_masked(token):
        return token
    unit = _UNIT.get(lang, _UNIT["en"])
    org, bang, _secret = token.partition("!")
    if bang and org.startswith("00D"):
        return f"{org}!…({len(token)} {unit})"
    return f"…({len(token)} {unit})"


def _mask_field(match: re.Match[str]) -> str:
    value = match.group(2)
    if "…(" in value or value.startswith("[redacted"):
        return match.group(0)
    shown = shorten_jwt(value) if value.startswith("eyJ") else mask_token(value)
    return match.group(1) + shown


def redact(text: str) -> str:
    """Mask private keys, JWTs and access tokens in ``text`` (idempotent)."""
    if not text:
        return text
    lowered = text.lower()
    if not any(marker in lowered for marker in _MARKERS):
        return text
    text = _PEM_PRIVATE.sub(lambda m: f"[redacted {m.group(1).lower()}]", text)
    text = _JWT.sub(lambda m: shorten_jwt(m.group(0)), text)
    text = _ACCESS_TOKEN.sub(lambda m: f"{m.group(1)}!…({len(m.group(0))} chars)", text)
    text = _BEARER.sub(lambda m: m.group(1) + mask_token(m.group(2)), text)
    return _FIELD.sub(_mask_field, text)


class RedactingFilter(logging.Filter):
    """A logging filter that passes every record through ``redact`` (message and arguments merged)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not break logging
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def install_redaction(handler: logging.Handler) -> logging.Handler:
    """Attach a ``RedactingFilter`` to ``handler`` (once) and return it."""
    if not any(isinstance(f, RedactingFilter) for f in handler.filters):
        handler.addFilter(RedactingFilter())
    return handler
