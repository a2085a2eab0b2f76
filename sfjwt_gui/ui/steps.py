"""Each step's state (none / ok / warning / failed), derived from the application state by one pure function.

The step list never receives a state from a page: ``derive(step, state, now)`` computes it from the values in the
state, so a step cannot contradict the page it names (the claims step lints the claims that are signed and sent,
which Send's re-stamp writes back). ``RULES`` is the table: each step's function and the fields it reads, so the
window recomputes a step only when one of its fields changes, and ``TIME_DEPENDENT`` ones once a second.

Qt-free: it reads any object with the ``AppState`` attributes, and tests call it without a display.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sfjwt_gui.core.claims import Claims
    from sfjwt_gui.core.lint import Finding
    from sfjwt_gui.ui.state import AppState

NONE, OK, WARNING, FAILED = "none", "ok", "warning", "failed"


def key_step(state: AppState, now: float) -> str:
    """ok; warning (expiring, no certificate, key missing); failed (expired, key and certificate or Salesforce's
    certificate do not belong together); none without a key or certificate."""
    key, certificate, uploaded = state.private_key, state.certificate, state.uploaded_certificate
    if key is None and certificate is None:
        return NONE  # before any import: the window derives every step at start-up
    from sfjwt_gui.core.expiry import ExpiryState, expiry_state

    if certificate is not None:
        expiry = expiry_state(certificate.not_valid_after_utc, dt.datetime.fromtimestamp(now, dt.UTC))
        if expiry is ExpiryState.EXPIRED or (key is not None and not _matches(key, certificate, "own")):
            return FAILED
        if uploaded is not None and not _matches(key or certificate.public_key(), uploaded, "uploaded"):
            return FAILED
        if expiry is ExpiryState.EXPIRING:
            return WARNING
    if key is None or certificate is None:
        return WARNING
    return OK


_memo: dict[str, tuple[tuple[object, ...], Any]] = {}  # the last answer of each costly check and what it was for


def _remember(name: str, inputs: tuple[object, ...], compute: Callable[[], Any]) -> Any:
    """``compute()`` once per inputs (objects compared by identity, texts by value), so the 1-second refresh
    re-checks only what depends on the clock; the memo holds the inputs, so an identity is never reused."""
    cached = _memo.get(name)
    same = cached is not None and len(cached[0]) == len(inputs)
    if cached is not None and same and all(_same(a, b) for a, b in zip(cached[0], inputs, strict=True)):
        return cached[1]
    value = compute()
    _memo[name] = (inputs, value)
    return value


def _same(a: object, b: object) -> bool:
    return a is b or (isinstance(a, str) and a == b)


def _matches(key: Any, certificate: Any, role: str) -> bool:
    from sfjwt_gui.core.fingerprints import key_matches_certificate

    return bool(_remember(f"matches-{role}", (key, certificate), lambda: key_matches_certificate(key, certificate)))


def connection_step(state: AppState, now: float) -> str:
    """The worst of the four field checks (any empty field: none)."""
    values = (state.endpoint or "", state.audience or "", state.consumer_key or "", state.username or "")
    if not any(values):
        return NONE  # every field empty: "not started", without importing the URL rules at start-up
    from sfjwt_gui.ui.connection_checks import check_all, overall

    checks = check_all(*values)
    return overall({c.state for c in checks.values()})


def claims_step(state: AppState, now: float) -> str:
    """failed while the raw JSON does not parse; else the worst lint finding on the claims as they stand now (they
    are what is signed and sent)."""
    if state.claims_invalid:
        return FAILED
    if state.claims is None:
        return NONE
    findings = lint_claims(state.claims, state, now=now)
    severities = {str(f.severity) for f in findings}
    return FAILED if "error" in severities else WARNING if "warning" in severities else OK


def token_step(state: AppState, now: float) -> str:
    """ok once the claims are signed; failed when a key and claims exist but signing failed."""
    if state.private_key is None or state.claims is None:
        return NONE
    return OK if state.token else FAILED


def send_step(state: AppState, now: float) -> str:
    """The last send: failed when it stopped before sending; else the last exchange: ok, warning when cancelled,
    failed otherwise; none before any."""
    if state.send_error is not None:
        return FAILED
    result = state.result
    if result is None or state.result_stale:
        return NONE
    if result.ok:
        return OK
    return WARNING if str(result.outcome) == "cancelled" else FAILED


def diagnosis_step(state: AppState, now: float) -> str:
    """ok after a success, failed after a refusal (the page explains it); none before any or when cancelled."""
    result = state.result
    if result is None or state.result_stale or str(result.outcome) == "cancelled":
        return NONE
    return OK if result.ok else FAILED


@dataclass(frozen=True)
class Rule:
    """How one step's state is derived and which fields it reads."""

    derive: Callable[[AppState, float], str]
    reads: frozenset[str]
    time_dependent: bool = False


RULES: dict[str, Rule] = {
    "key": Rule(key_step, frozenset({"private_key", "certificate", "uploaded_certificate"}), time_dependent=True),
    "connection": Rule(connection_step, frozenset({"endpoint", "audience", "consumer_key", "username"})),
    "claims": Rule(
        claims_step,
        # the preset says Government Cloud, which the lint checks (rule aud-gov-cloud)
        frozenset({"claims", "claims_invalid", "endpoint", "preset", "private_key", "certificate"}),
        time_dependent=True,
    ),
    "token": Rule(token_step, frozenset({"private_key", "claims", "token"})),
    "send": Rule(send_step, frozenset({"result", "result_stale", "send_error"})),
    "diagnosis": Rule(diagnosis_step, frozenset({"result", "result_stale"})),
}
TIME_DEPENDENT = frozenset(step for step, rule in RULES.items() if rule.time_dependent)


def derive(step: str, state: AppState, now: float) -> str:
    """The state of ``step`` (tools have none: "none")."""
    rule = RULES.get(step)
    return rule.derive(state, now) if rule is not None else NONE


def _claims_text(claims: Claims) -> str:
    return json.dumps(claims.to_payload(), sort_keys=True, default=str)


def signed_token(claims: Claims, key: Any) -> str:
    """The RS256 JWT of ``claims`` signed with ``key``, signed once per key and claims: the Signed JWT page, the
    claims step and the Claims page's lint all ask here (raises what ``jwt_codec.sign`` raises)."""
    from sfjwt_gui.core.jwt_codec import sign

    payload = claims.to_payload()
    return str(_remember("signed-token", (key, _claims_text(claims)), lambda: sign(payload, key)))


def remember_signed(claims: Claims, key: Any, token: str) -> None:
    """Record ``token`` as ``claims`` signed with ``key``: Send's flow signed them in the background, so writing
    the sent claims to the state signs nothing again on the GUI thread."""
    _memo["signed-token"] = ((key, _claims_text(claims)), token)


def lint_claims(claims: Claims, state: AppState, *, now: float | None = None) -> list[Finding]:
    """Lint the claims: the real signed token when there is a key in this process, else the unsigned payload
    (signature rules skip; a token or KMS key still has its certificate compared).
    The Claims page and the claims step both call this, so they cannot disagree. The findings hold no text: they
    are written in the window's language when shown (a language switch does not lint again)."""
    from sfjwt_gui.core.connection import is_gov_cloud
    from sfjwt_gui.core.jwt_codec import DecodedToken, decode
    from sfjwt_gui.core.lint import lint

    payload = claims.to_payload()
    token: Any = None
    from sfjwt_gui.core.signer import private_key_of

    key = private_key_of(state.private_key)  # a token or KMS key is not asked to sign on the GUI thread for a lint
    if key is not None:

        def signed() -> Any:
            try:
                return decode(signed_token(claims, key))
            except Exception:  # a key that cannot sign is reported by the key page and the token step
                return None

        token = _remember("signed-claims", (key, _claims_text(claims)), signed)  # once per claims, not per tick
    if token is None:
        import base64

        def b64(data: dict[str, Any]) -> str:
            raw = json.dumps(data, separators=(",", ":")).encode()
            return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

        header = {"alg": "RS256", "typ": "JWT"}
        signing_input = f"{b64(header)}.{b64(payload)}"
        token = DecodedToken(signing_input + ".", header, dict(payload), b"", signing_input.encode(), [])
    return list(
        lint(
            token,
            endpoint=state.endpoint or None,
            certificate=state.certificate,
            private_key=state.private_key,
            now=now,
            gov_cloud=is_gov_cloud(state.preset),
        )
    )
