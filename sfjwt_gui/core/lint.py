"""What Salesforce will say before you ask it: lint a JWT bearer assertion against the reference's facts.

Each ``Finding`` has a stable ``rule`` id (``RULE_IDS``), a ``severity`` (``error`` = Salesforce will reject it,
``warning`` = works today but against the docs or fragile, ``info``), the parameters of a message quoting the
offending value and of a fix, and ``confirmed`` (False where the fact is only reported or unconfirmed). Findings hold
codes and parameters, not text: ``Finding.text(lang)`` writes them from ``resources/lint/rules.json`` when shown, so
a front end switching language re-renders the findings it has instead of linting again. ``lint(lang=)`` only picks
the language of ``Finding.message``/``fix`` (the CLI's).
"""

from __future__ import annotations

import math
import time

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey

from sfjwt_gui.core.connection import endpoint_host
from sfjwt_gui.core.errors import InputError, UnsupportedKeyError
from sfjwt_gui.core.jwt_codec import DecodedToken, decode, load_verification_material
from sfjwt_gui.core.key_texts import error
from sfjwt_gui.core.lint_rules import CHECKS, RULE_IDS
from sfjwt_gui.core.lint_rules.base import Finding, LintContext, Severity
from sfjwt_gui.core.lint_rules.texts import check_language, finding
from sfjwt_gui.core.signer import Signer, SigningKey, signing_public_key

__all__ = ["RULE_IDS", "Finding", "Severity", "has_errors", "lint"]

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _certificate(value: object) -> x509.Certificate | RSAPublicKey | None:
    if value is None or isinstance(value, x509.Certificate | RSAPublicKey):
        return value
    if isinstance(value, bytes | str):
        return load_verification_material(value)
    raise error(InputError, "lint-certificate-type", type=type(value).__name__)


def lint(
    token: str | DecodedToken,
    *,
    endpoint: str | None = None,
    certificate: x509.Certificate | RSAPublicKey | bytes | str | None = None,
    private_key: SigningKey | None = None,
    clock_offset: float = 0.0,
    now: float | None = None,
    lang: str = "en",
    clock_uncertainty: float = 0.0,
    gov_cloud: bool = False,
) -> list[Finding]:
    """Findings for ``token``, errors first. ``endpoint`` is a login host or token URL; ``clock_offset`` is
    Salesforce's clock minus this computer's, in seconds, ``private_key`` the signing key (a ``Signer`` or an RSA
    private key: only its public half is used), and ``clock_uncertainty`` how far (±) that offset may be
    off: an offset estimated from a response's whole-second ``Date`` header (``ExchangeResult.clock_uncertainty``)
    is only good to about a second, and the time rules (``exp-in-past``, ``nbf-in-future``, ``iat-in-future``)
    widen their tolerance by it so that noise is not reported. ``gov_cloud``: the org is on Government Cloud, where
    the POST goes to My Domain while ``aud`` stays login/test (rule ``aud-gov-cloud``). Raises only ``SfjwtError``
    subclasses."""
    check_language(lang)
    decoded = token if isinstance(token, DecodedToken) else decode(token)
    if private_key is not None and not isinstance(private_key, RSAPrivateKey | Signer):
        raise error(UnsupportedKeyError, "lint-key-not-rsa", type=type(private_key).__name__)
    if isinstance(clock_offset, bool) or not isinstance(clock_offset, int | float) or not math.isfinite(clock_offset):
        raise error(InputError, "lint-clock-offset", value=repr(clock_offset))
    if (
        isinstance(clock_uncertainty, bool)
        or not isinstance(clock_uncertainty, int | float)
        or not math.isfinite(clock_uncertainty)
        or clock_uncertainty < 0
    ):
        raise error(InputError, "lint-clock-uncertainty", value=repr(clock_uncertainty))
    ctx = LintContext(
        decoded=decoded,
        endpoint=endpoint,
        endpoint_info=endpoint_host(endpoint) if endpoint else None,
        certificate=_certificate(certificate),
        signing_key=signing_public_key(private_key),
        clock_offset=float(clock_offset),
        now=time.time() if now is None else float(now),
        clock_uncertainty=float(clock_uncertainty),
        gov_cloud=bool(gov_cloud),
    )
    findings = [finding(hit, lang) for check in CHECKS for hit in check(ctx)]
    findings.sort(key=lambda found: _ORDER[found.severity])
    return findings


def has_errors(findings: list[Finding]) -> bool:
    """True when Salesforce is expected to reject the token."""
    return any(finding.severity is Severity.ERROR for finding in findings)
