"""Sign → send → diagnose: the one flow ``sfjwt token`` and the window's Send page both run.

Contract:
- ``sign_send_diagnose`` raises only *before* anything is sent (an ``SfjwtError`` with a code: a key that cannot sign,
  claims that are not JSON, an unusable CA bundle). Once the assertion is signed it never raises for network or server
  trouble: the ``FlowResult`` says what happened, like ``exchange.request_token``.
- The claims in the result are the claims actually sent (re-stamped to ``now`` when asked); callers write them back.
- The arguments of ``diagnosis.diagnose`` are assembled here only (``_diagnose``).
- The signing key is used in one place, ``_sign``: a ``Signer`` (keyring, file, PKCS#11 token, KMS) or an RSA
  private key (wrapped as a ``LocalSigner``).
- Safe to call from a worker thread: no shared state; ``cancel`` aborts a request in flight, ``sleep`` and ``now``
  are seams for tests.
- The diagnosis is rendered for every language in ``langs`` up front, so a language switch picks the other one and
  re-runs nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from cryptography import x509

from sfjwt_gui.core.claims import Claims
from sfjwt_gui.core.connection import token_url as token_url_for
from sfjwt_gui.core.diagnosis import Diagnosis, diagnose
from sfjwt_gui.core.exchange import ApiCheck, ExchangeOptions, ExchangeResult, check_api, request_token
from sfjwt_gui.core.jwt_codec import sign
from sfjwt_gui.core.retry import CancelToken
from sfjwt_gui.core.signer import SigningKey
from sfjwt_gui.core.text_data import LANGUAGES, check_language
from sfjwt_gui.core.trust import ssl_context

__all__ = ["FlowResult", "SendSettings", "prepare", "send_and_diagnose", "sign_send_diagnose"]


@dataclass(frozen=True)
class SendSettings:
    """Where and how to send, and what the diagnosis may use besides the answer.

    ``uploaded_certificate`` is the certificate the user says the app holds; ``org_kind`` is ``"production"`` or
    ``"sandbox"`` when known (the practice org's kind); ``check_api`` calls the identity URL and ``/services/data/``
    after a success; ``gov_cloud``: the org is on Government Cloud (the lint in the diagnosis checks its split of
    POST host and ``aud``, rule ``aud-gov-cloud``; ``connection.is_gov_cloud`` tells it from a preset).
    """

    token_url: str
    options: ExchangeOptions = field(default_factory=ExchangeOptions)
    uploaded_certificate: x509.Certificate | None = None
    org_kind: str | None = None
    check_api: bool = False
    gov_cloud: bool = False

    @classmethod
    def for_endpoint(
        cls,
        endpoint: str,
        options: ExchangeOptions | None = None,
        *,
        uploaded_certificate: x509.Certificate | None = None,
        org_kind: str | None = None,
        check_api: bool = False,
        gov_cloud: bool = False,
    ) -> SendSettings:
        """Settings for a login host or full token URL (``connection.token_url`` rules; raises its errors)."""
        options = options or ExchangeOptions()
        return cls(token_url_for(endpoint), options, uploaded_certificate, org_kind, check_api, gov_cloud)


@dataclass(frozen=True)
class FlowResult:
    """Everything one send produced: what was sent, what came back, and the explanation."""

    claims: Claims  # the claims actually sent (re-stamped when asked)
    assertion: str = field(repr=False)  # the signed JWT that was sent
    restamped: bool  # True when iat/exp were moved to now before signing
    exchange: ExchangeResult
    settings: SendSettings
    diagnoses: Mapping[str, Diagnosis] = field(repr=False)  # by language: "en", "ja"
    api: ApiCheck | None = None  # only with ``settings.check_api`` and a successful exchange

    @property
    def ok(self) -> bool:
        """True when Salesforce issued a token."""
        return self.exchange.ok

    def diagnosis(self, lang: str = "en") -> Diagnosis:
        """The diagnosis in ``lang`` (computed when the flow ran; raises KeyError for a language not asked for)."""
        return self.diagnoses[check_language(lang)]


def _sign(claims: Claims, key: SigningKey) -> str:
    """The one place the flow signs."""
    return sign(claims.to_payload(), key)


def prepare(
    claims: Claims,
    key: SigningKey,
    settings: SendSettings,
    *,
    restamp: bool = True,
    now: Callable[[], float] = time.time,
) -> tuple[Claims, str]:
    """The claims to send and their signed JWT; raises (with a code) for anything that stops a send before it starts.

    With ``restamp`` the claims move to ``now()`` first (``Claims.restamped``). A CA bundle that cannot be read is
    reported here, not as a failed exchange.
    """
    to_send = claims.restamped(now()) if restamp else claims
    assertion = _sign(to_send, key)
    ssl_context(settings.options.trust, settings.options.ca_bundle)
    return to_send, assertion


def _diagnose(
    result: ExchangeResult,
    assertion: str,
    settings: SendSettings,
    key: SigningKey | None,
    lang: str,
) -> Diagnosis:
    """The one call of ``diagnose`` for a sent assertion."""
    return diagnose(
        result,
        assertion=assertion,
        endpoint=settings.token_url,
        uploaded_certificate=settings.uploaded_certificate,
        private_key=key,
        lang=lang,
        org_kind=settings.org_kind,
        options=settings.options,
        gov_cloud=settings.gov_cloud,
    )


def _diagnoses(
    result: ExchangeResult, assertion: str, settings: SendSettings, key: SigningKey | None, langs: Iterable[str]
) -> dict[str, Diagnosis]:
    """The diagnosis in each of ``langs``: diagnosed (decoded, linted, checked) once, then written in each."""
    wanted = [check_language(lang) for lang in langs]
    if not wanted:
        return {}
    first = _diagnose(result, assertion, settings, key, wanted[0])
    return {lang: first.in_language(lang) for lang in wanted}


def send_and_diagnose(
    assertion: str,
    settings: SendSettings,
    *,
    claims: Claims,
    key: SigningKey | None = None,
    restamped: bool = False,
    cancel: CancelToken | None = None,
    sleep: Callable[[float], None] | None = None,
    langs: Iterable[str] = LANGUAGES,
) -> FlowResult:
    """Send an already signed ``assertion`` (made from ``claims``) and explain the answer; never raises for trouble
    on the way. ``key`` is the signing key, when known, for the key-vs-certificate checks."""
    cancel = cancel or CancelToken()
    result = request_token(settings.token_url, assertion, settings.options, cancel, sleep=sleep)
    diagnoses = _diagnoses(result, assertion, settings, key, langs)
    api = None
    if settings.check_api and result.token is not None and not cancel.is_cancelled():
        api = check_api(result.token, settings.options, cancel)
    return FlowResult(
        claims=claims,
        assertion=assertion,
        restamped=restamped,
        exchange=result,
        settings=settings,
        diagnoses=diagnoses,
        api=api,
    )


def sign_send_diagnose(
    claims: Claims,
    key: SigningKey,
    settings: SendSettings,
    *,
    restamp: bool = True,
    cancel: CancelToken | None = None,
    sleep: Callable[[float], None] | None = None,
    now: Callable[[], float] = time.time,
    langs: Iterable[str] = LANGUAGES,
) -> FlowResult:
    """Re-stamp (optional), sign, send and diagnose. Raises only before sending (see the module contract)."""
    to_send, assertion = prepare(claims, key, settings, restamp=restamp, now=now)
    return send_and_diagnose(
        assertion,
        settings,
        claims=to_send,
        key=key,
        restamped=restamp,
        cancel=cancel,
        sleep=sleep,
        langs=langs,
    )
