"""The whole chain for one saved profile, for cron and CI: ``check_profile(profile)`` returns one ``Step`` per link.

Steps, in order (a failed step skips the ones that need it): ``key`` present and loadable from the OS keyring ·
``key_certificate`` the key matches the profile's certificate (its SHA-256 fingerprint) · ``certificate_days`` days
left (within ``warn_days``: a problem) · ``lint`` of a freshly signed assertion · ``exchange`` the token request
(skipped with ``send=False``) · ``api`` the identity URL and ``/services/data/``.

Each step's ``code`` is its exit code contribution: 0 ok · 1 bad profile · 2 refused / lint error / certificate
within the warning days / key not matching · 3 keyring or network. ``worst(steps)`` is the profile's exit code.
Texts (en, ja) are ``nightly.<template>`` in resources/errors/org.json. Safe in a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sfjwt_gui.core.errors import KeyNotFoundError, SfjwtError, VaultError
from sfjwt_gui.core.profiles import Profile


@dataclass(frozen=True)
class Step:
    """One link of the chain: its verdict (``ok`` / ``problem`` / ``skipped``), exit code, and text values."""

    name: str
    status: str
    code: int
    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The step's sentence in ``lang`` (an error among the values is written in ``lang`` too)."""
        from sfjwt_gui.core.key_texts import describe_error
        from sfjwt_gui.core.org.texts import text

        values = {
            name: describe_error(value, lang)[0] if isinstance(value, SfjwtError) else value
            for name, value in self.params.items()
        }
        return text(f"nightly.{self.template}", lang, **values)

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """Plain JSON: ``detail`` in ``lang``, and the ``template`` and ``params`` it was written from (an error as
        its code, parameters and English message)."""
        params = {
            name: {"code": value.code, "params": dict(value.params), "message": value.message}
            if isinstance(value, SfjwtError)
            else value
            for name, value in self.params.items()
        }
        return {
            "step": self.name,
            "status": self.status,
            "code": self.code,
            "detail": self.text(lang),
            "template": self.template,
            "params": params,
        }


def worst(steps: list[Step]) -> int:
    """The exit code of a profile: the worst step (3 > 2 > 1 > 0)."""
    return max((s.code for s in steps), default=0)


def _fail(name: str, code: int, template: str, **params: Any) -> Step:
    return Step(name, "problem", code, template, params)


def _ok(name: str, template: str, **params: Any) -> Step:
    return Step(name, "ok", 0, template, params)


def check_profile(
    profile: Profile,
    *,
    send: bool = True,
    warn_days: int | None = None,
    options: Any = None,
    vault: Any = None,
) -> list[Step]:
    """Run the chain for ``profile`` (``vault``/``options`` are seams: a ``Vault`` and ``ExchangeOptions``)."""
    from sfjwt_gui.core import policy
    from sfjwt_gui.core.claims import Claims
    from sfjwt_gui.core.connection import token_url
    from sfjwt_gui.core.expiry import ExpiryState, expiry_state, whole_days_left
    from sfjwt_gui.core.fingerprints import key_matches_certificate, sha256_fingerprint
    from sfjwt_gui.core.jwt_codec import sign
    from sfjwt_gui.core.lint import Severity, lint
    from sfjwt_gui.core.vault import Vault

    steps: list[Step] = []
    missing = [f for f in ("key_name", "consumer_key", "username", "endpoint") if not getattr(profile, f)]
    if missing:
        return [_fail("profile", 1, "profile_incomplete", fields=", ".join(missing))]
    vault = vault or Vault()
    try:
        key = vault.load(profile.key_name)
        certificate = vault.load_certificate(profile.key_name)
    except KeyNotFoundError:
        return [_fail("key", 1, "key_missing", key=profile.key_name)]
    except VaultError as exc:
        return [_fail("key", 3, "keyring", key=profile.key_name, error=exc)]
    steps.append(_ok("key", "key_ok", key=profile.key_name, bits=key.key_size))
    if certificate is None:
        steps.append(Step("key_certificate", "skipped", 0, "no_certificate", {"key": profile.key_name}))
    else:
        fingerprint = sha256_fingerprint(certificate)
        same = key_matches_certificate(key, certificate) and (
            not profile.certificate_sha256 or profile.certificate_sha256.upper() == fingerprint.upper()
        )
        steps.append(
            _ok("key_certificate", "cert_match", fingerprint=fingerprint)
            if same
            else _fail("key_certificate", 2, "cert_mismatch", profile=profile.certificate_sha256, key=fingerprint)
        )
        days = whole_days_left(certificate.not_valid_after_utc)
        limit = policy.EXPIRY_WARNING_DAYS if warn_days is None else warn_days
        state = expiry_state(certificate.not_valid_after_utc)
        # --warn-days replaces the policy's days; "reaching the threshold counts", as policy's own rule
        within = state is ExpiryState.EXPIRED or (
            days <= limit if warn_days is not None else state is not ExpiryState.OK
        )
        steps.append(
            _fail("certificate_days", 2, "cert_expiring", days=days, limit=limit)
            if within
            else _ok("certificate_days", "cert_days", days=days)
        )
    try:
        url = token_url(profile.endpoint)
        claims = Claims.new(profile.consumer_key, profile.username, profile.aud or profile.endpoint)
        assertion = sign(claims.to_payload(), key)
    except SfjwtError as exc:
        return [*steps, _fail("lint", 1, "cannot_sign", error=exc)]
    errors = [
        f
        for f in lint(assertion, endpoint=url, certificate=certificate, private_key=key)
        if f.severity is Severity.ERROR
    ]
    steps.append(
        _fail("lint", 2, "lint_errors", rules=", ".join(f.rule for f in errors)) if errors else _ok("lint", "lint_ok")
    )
    if not send:
        return [*steps, Step("exchange", "skipped", 0, "not_sent"), Step("api", "skipped", 0, "not_sent")]
    steps += _send(url, assertion, options)
    return steps


def _send(url: str, assertion: str, options: Any) -> list[Step]:
    from sfjwt_gui.core.exchange import ExchangeOptions, check_api, request_token
    from sfjwt_gui.core.outcome import Outcome, exit_code

    options = options or ExchangeOptions()
    result = request_token(url, assertion, options)
    if result.token is None:
        code = exit_code(result.outcome) or 3
        answer = " ".join(p for p in (result.error, result.error_description) if p) or str(result.outcome)
        template = "refused" if result.outcome is Outcome.OAUTH_ERROR else "exchange_failed"
        return [_fail("exchange", code, template, answer=answer)]
    api = check_api(result.token, options)
    steps = [_ok("exchange", "token_ok", user=result.token.user_id)]
    if api.ok:
        steps.append(_ok("api", "api_ok", user=api.username))
    else:
        steps.append(_fail("api", 3, "api_failed", error=api.error_in("en") or ""))
    return steps
