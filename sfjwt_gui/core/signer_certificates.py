"""Self-signed certificates and CSRs for keys that never leave a token or KMS.

cryptography's builders sign with a private key object, which a token or KMS key is not; so the to-be-signed
structures are written here in DER (RFC 5280 ``TBSCertificate``, RFC 2986 ``CertificationRequestInfo``) and the
signer signs them (sha256WithRSAEncryption). Names, extension values and the public key's SPKI still come from
cryptography; the result is parsed back by cryptography and its signature checked before it is returned.
The certificate has the same profile as ``key_generation.self_signed_certificate``: random positive serial,
notBefore 5 minutes back, BasicConstraints CA=false (critical), KeyUsage digitalSignature (critical), SKI.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.x509.oid import ExtensionOID

from sfjwt_gui.core.der import INTEGER, NULL, OCTET_STRING, SEQUENCE, encode_oid, encode_tlv
from sfjwt_gui.core.errors import CertificateError, ExportError, SignerBackendError
from sfjwt_gui.core.key_generation import (
    BACKDATE,
    DEFAULT_DAYS,
    KEY_USAGE_SIGNING_ONLY,
    Subject,
    check_validity_days,
)
from sfjwt_gui.core.key_texts import error
from sfjwt_gui.core.signer import Backend, Signer, with_certificate

SHA256_WITH_RSA = "1.2.840.113549.1.1.11"
_BOOLEAN = 0x01
_BIT_STRING = 0x03
_UTC_TIME = 0x17
_GENERALIZED_TIME = 0x18
_SET = 0x31
_KEY_USAGE_DIGITAL_SIGNATURE = KEY_USAGE_SIGNING_ONLY


def _integer(value: int) -> bytes:
    """A DER INTEGER (non-negative values only: serials and versions)."""
    return encode_tlv(INTEGER, value.to_bytes(value.bit_length() // 8 + 1, "big"))


def _time(moment: dt.datetime) -> bytes:
    """UTCTime for 1950-2049, GeneralizedTime otherwise (RFC 5280 4.1.2.5)."""
    moment = moment.astimezone(dt.UTC)
    if 1950 <= moment.year < 2050:
        return encode_tlv(_UTC_TIME, moment.strftime("%y%m%d%H%M%SZ").encode("ascii"))
    return encode_tlv(_GENERALIZED_TIME, moment.strftime("%Y%m%d%H%M%SZ").encode("ascii"))


def _algorithm() -> bytes:
    return encode_tlv(SEQUENCE, encode_oid(SHA256_WITH_RSA) + encode_tlv(NULL, b""))


def _extension(value: x509.ExtensionType, critical: bool) -> bytes:
    flag = encode_tlv(_BOOLEAN, b"\xff") if critical else b""
    body = encode_oid(value.oid.dotted_string) + flag + encode_tlv(OCTET_STRING, value.public_bytes())
    return encode_tlv(SEQUENCE, body)


def _spki(signer: Signer) -> bytes:
    return signer.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def _signed(signer: Signer, to_be_signed: bytes) -> bytes:
    """SEQUENCE { tbs, sha256WithRSAEncryption, BIT STRING signature }, the signature checked first."""
    signature = signer.sign(to_be_signed)
    try:
        signer.public_key().verify(signature, to_be_signed, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        raise error(
            SignerBackendError, "signer-bad-signature", reference=repr(signer.reference), action="certificate"
        ) from None
    return encode_tlv(SEQUENCE, to_be_signed + _algorithm() + encode_tlv(_BIT_STRING, b"\x00" + signature))


def tbs_certificate(
    signer: Signer, subject: Subject, days: int, *, serial: int, now: dt.datetime | None = None
) -> bytes:
    """The DER ``TBSCertificate`` of the self-signed certificate for ``signer``'s public key."""
    name = subject.to_name().public_bytes()
    start = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0) - BACKDATE
    end = start + BACKDATE + dt.timedelta(days=days)
    ski = x509.SubjectKeyIdentifier.from_public_key(signer.public_key())
    extensions = (
        _extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        + _extension(_KEY_USAGE_DIGITAL_SIGNATURE, critical=True)
        + _extension(ski, critical=False)
    )
    assert ski.oid == ExtensionOID.SUBJECT_KEY_IDENTIFIER
    return encode_tlv(
        SEQUENCE,
        encode_tlv(0xA0, _integer(2))  # version [0] EXPLICIT v3
        + _integer(serial)
        + _algorithm()
        + name
        + encode_tlv(SEQUENCE, _time(start) + _time(end))
        + name
        + _spki(signer)
        + encode_tlv(0xA3, encode_tlv(SEQUENCE, extensions)),  # extensions [3] EXPLICIT
    )


def self_signed_certificate_with(
    signer: Signer, subject: Subject, days: int = DEFAULT_DAYS, *, now: dt.datetime | None = None
) -> x509.Certificate:
    """A self-signed certificate whose signature the signer (token, KMS) computes."""
    check_validity_days(days)
    tbs = tbs_certificate(signer, subject, days, serial=x509.random_serial_number(), now=now)
    return x509.load_der_x509_certificate(_signed(signer, tbs))


def certificate_signing_request_with(signer: Signer, subject: Subject) -> x509.CertificateSigningRequest:
    """A PKCS#10 CSR for ``signer``'s public key, signed by the signer (no attributes, as a CA expects)."""
    info = encode_tlv(SEQUENCE, _integer(0) + subject.to_name().public_bytes() + _spki(signer) + encode_tlv(0xA0, b""))
    csr = x509.load_der_x509_csr(_signed(signer, info))
    assert csr.is_signature_valid
    return csr


@dataclass(frozen=True)
class Certified:
    """What ``certify`` made: the certificate, the CSR when asked, and whether the backend now keeps the certificate
    next to the key (a PKCS#11 certificate object; AWS KMS keeps none)."""

    certificate: x509.Certificate
    csr: x509.CertificateSigningRequest | None
    stored_with_key: bool
    signer: Signer  # the signer with this certificate attached (for inspection and signing)


def certify(signer: Signer, subject: Subject, days: int = DEFAULT_DAYS, *, csr: bool = False) -> Certified:
    """Self-sign a certificate (and a CSR) with ``signer``, and store the certificate with the key where the backend
    allows: the one sequence ``sfjwt keygen --in`` and the window's "generate inside" run."""
    certificate = self_signed_certificate_with(signer, subject, days)
    request = certificate_signing_request_with(signer, subject) if csr else None
    store = getattr(signer, "store_certificate", None)
    if callable(store):
        store(certificate)
    return Certified(certificate, request, callable(store), with_certificate(signer, certificate))


def refuse_key_export(reference: str, backend: Backend) -> ExportError:
    """The error for exporting the private key of a token or KMS key: impossible by design; the fix offers the
    certificate (``export_signer_certificate``)."""
    from sfjwt_gui.core.inspection import SIGNER_SOURCES

    where = SIGNER_SOURCES.get(str(backend), str(backend))
    return error(ExportError, "signer-not-exportable", reference=reference, where=where)


def export_signer_certificate(signer: Signer, fmt: str = "crt") -> bytes:
    """The certificate kept with a signer's key, PEM (``crt``) or DER (``cer``); a clear error when it has none."""
    from sfjwt_gui.core.inspection import SIGNER_SOURCES
    from sfjwt_gui.core.key_export import export_certificate

    if signer.certificate is None:
        where = SIGNER_SOURCES.get(str(signer.backend), str(signer.backend))
        raise error(CertificateError, "signer-no-certificate", where=where, reference=repr(signer.reference))
    return export_certificate(signer.certificate, fmt)
