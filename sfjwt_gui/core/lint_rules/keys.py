"""Key and certificate rules: size, signature, key/certificate pair, certificate validity."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from sfjwt_gui.core import policy
from sfjwt_gui.core.expiry import ExpiryState, expiry_state
from sfjwt_gui.core.fingerprints import public_key_der
from sfjwt_gui.core.jwt_codec import key_fingerprint, verify
from sfjwt_gui.core.lint_rules.base import Hit, LintContext, Reason, Span, quote

_RSA_ALGS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512")


def _subject(certificate: x509.Certificate | RSAPublicKey) -> str:
    if isinstance(certificate, x509.Certificate):
        return quote(certificate.subject.rfc4514_string())
    return quote("(public key)")


def _certificate_key(certificate: x509.Certificate | RSAPublicKey) -> object:
    return certificate.public_key() if isinstance(certificate, x509.Certificate) else certificate


def check_key_size(ctx: LintContext) -> Iterator[Hit]:
    """RSA under 2048 bits: from the private key, else the certificate, else the signature's length."""
    if ctx.signing_key is not None and policy.key_size_too_small(ctx.signing_key.key_size):
        yield Hit("key-too-small", {"bits": str(ctx.signing_key.key_size)})
        return
    if ctx.certificate is not None:
        public = _certificate_key(ctx.certificate)
        if isinstance(public, RSAPublicKey) and policy.key_size_too_small(public.key_size):
            yield Hit("key-too-small", {"bits": str(public.key_size), "subject": _subject(ctx.certificate)},
                      "certificate")  # fmt: skip
        return
    signature = ctx.decoded.signature
    if ctx.decoded.algorithm in _RSA_ALGS and signature and policy.key_size_too_small(len(signature) * 8):
        yield Hit("key-too-small", {"bits": str(len(signature) * 8)}, "signature")


def check_signature(ctx: LintContext) -> Iterator[Hit]:
    """The signature against the uploaded certificate (else the private key's public half)."""
    alg = ctx.decoded.algorithm
    if alg not in _RSA_ALGS:
        return  # alg-none / alg-not-rs256 already say why
    if not ctx.decoded.signature:
        yield Hit("signature-invalid", {"alg": alg}, "empty")
        return
    material = ctx.certificate if ctx.certificate is not None else ctx.signing_key
    if material is None:
        return
    against = "certificate" if ctx.certificate is not None else "private-key"
    result = verify(ctx.decoded, material)
    if result.verified:
        return
    if result.key_sha256 is None:
        yield Hit("signature-invalid", {"alg": alg, "reason": Reason(result)}, "not-rsa", {"against": against})
    else:
        yield Hit("signature-invalid", {"alg": alg, "fingerprint": result.key_sha256}, terms={"against": against})


def check_key_certificate(ctx: LintContext) -> Iterator[Hit]:
    """The private key must be the one the uploaded certificate was made from."""
    if ctx.signing_key is None or ctx.certificate is None:
        return
    public = _certificate_key(ctx.certificate)
    if isinstance(public, RSAPublicKey) and public_key_der(public) == public_key_der(ctx.signing_key):
        return
    cert_key_fp = key_fingerprint(public) if isinstance(public, RSAPublicKey) else type(public).__name__
    yield Hit(
        "key-certificate-mismatch",
        {"key_fp": key_fingerprint(ctx.signing_key), "cert_key_fp": cert_key_fp, "subject": _subject(ctx.certificate)},
    )


def check_certificate_validity(ctx: LintContext) -> Iterator[Hit]:
    """Expired, or expiring (``expiry.expiry_state``: the same rule as the inspection)."""
    certificate = ctx.certificate
    if not isinstance(certificate, x509.Certificate):
        return
    not_after = certificate.not_valid_after_utc
    now = dt.datetime.fromtimestamp(ctx.now, dt.UTC)
    left = (not_after - now).total_seconds()
    values = {"subject": _subject(certificate), "date": not_after.strftime("%Y-%m-%d %H:%M UTC")}
    state = expiry_state(not_after, now)
    if state is ExpiryState.EXPIRED:
        yield Hit("certificate-expired", {**values, "span": Span(-left)})
    elif state is ExpiryState.EXPIRING:
        yield Hit("certificate-expiring", {**values, "span": Span(left)})
