"""Certificate signing requests for a key, and the CA-issued certificate that comes back.

For organisations whose policy wants a CA-signed certificate instead of a self-signed one: ``make_csr`` writes a
PKCS#10 request (SHA-256, the subject the user chose, KeyUsage digitalSignature) signed with the key, and
``attach_certificate`` stores the certificate the CA issued with that key in the vault.

Contract: a certificate is attached only when its public key is the key's (else ``CertificateError`` code
``cert-attach-mismatch`` naming both public-key fingerprints); nothing here writes files. ``request_subject`` and
``csr_builder`` take no key, so signers that keep the key elsewhere (PKCS#11, cloud KMS) build the same request.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from cryptography.x509.oid import NameOID

from sfjwt_gui.core.errors import CertificateError
from sfjwt_gui.core.fingerprints import colon_hex, public_key_der, sha256_fingerprint
from sfjwt_gui.core.key_generation import KEY_USAGE_SIGNING_ONLY, Subject
from sfjwt_gui.core.key_texts import error

if TYPE_CHECKING:
    from sfjwt_gui.core.signer import SigningKey
    from sfjwt_gui.core.vault import KeyRecord, Vault

__all__ = [
    "AttachResult",
    "attach_certificate",
    "certificate_for_key",
    "csr_builder",
    "csr_for_stored_key",
    "csr_pem",
    "make_csr",
    "request_subject",
]


def _first(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    values = name.get_attributes_for_oid(oid)
    value = values[0].value if values else None
    return value if isinstance(value, str) else None


def request_subject(
    default_cn: str,
    current: x509.Certificate | None = None,
    *,
    cn: str | None = None,
    org: str | None = None,
    org_unit: str | None = None,
    country: str | None = None,
) -> Subject:
    """The subject for a request: each option given wins, else the key's current certificate's value, else
    ``default_cn`` for CN (usually the key's name) and nothing for the rest."""
    name = current.subject if current is not None else x509.Name([])
    return Subject(
        cn=cn if cn is not None else _first(name, NameOID.COMMON_NAME) or default_cn,
        o=org if org is not None else _first(name, NameOID.ORGANIZATION_NAME),
        ou=org_unit if org_unit is not None else _first(name, NameOID.ORGANIZATIONAL_UNIT_NAME),
        c=country if country is not None else _first(name, NameOID.COUNTRY_NAME),
    )


def csr_builder(subject: Subject) -> x509.CertificateSigningRequestBuilder:
    """The unsigned request: subject (checked by ``Subject.to_name``), CA=false, KeyUsage digitalSignature."""
    usage = KEY_USAGE_SIGNING_ONLY
    return (
        x509.CertificateSigningRequestBuilder()
        .subject_name(subject.to_name())
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
    )


def make_csr(key: SigningKey, subject: Subject) -> x509.CertificateSigningRequest:
    """A PKCS#10 request for ``key``'s public half, signed SHA-256 with ``key`` (a token or KMS key signs it
    inside: ``signer_certificates.certificate_signing_request_with``)."""
    if isinstance(key, RSAPrivateKey):
        return csr_builder(subject).sign(key, hashes.SHA256())
    from sfjwt_gui.core.signer_certificates import certificate_signing_request_with

    return certificate_signing_request_with(key, subject)


def csr_for_stored_key(
    vault: Vault,
    name: str,
    *,
    cn: str | None = None,
    org: str | None = None,
    org_unit: str | None = None,
    country: str | None = None,
) -> x509.CertificateSigningRequest:
    """The request for stored key ``name`` (the window's "Certificate signing request…" and ``sfjwt keys csr``):
    subject from ``request_subject`` (options, else the key's certificate, CN defaulting to ``name``), checked
    before the keyring is asked for the key."""
    vault.get(name)  # a clear "not found" first
    subject = request_subject(name, vault.load_certificate(name), cn=cn, org=org, org_unit=org_unit, country=country)
    subject.to_name()  # a bad CN / country is bad input: say so before any keyring prompt
    return make_csr(vault.load(name), subject)


def csr_pem(request: x509.CertificateSigningRequest) -> bytes:
    """The request as PEM (``-----BEGIN CERTIFICATE REQUEST-----``), what CAs take."""
    return request.public_bytes(serialization.Encoding.PEM)


def _key_sha256(key: RSAPrivateKey | RSAPublicKey | object) -> str:
    if isinstance(key, RSAPrivateKey | RSAPublicKey):
        return colon_hex(hashlib.sha256(public_key_der(key)).digest())
    return type(key).__name__  # not RSA: no fingerprint to compare, name what it is


def certificate_for_key(
    key: RSAPrivateKey | RSAPublicKey, certificates: Sequence[x509.Certificate], *, name: str
) -> x509.Certificate:
    """The certificate among ``certificates`` (a leaf and its chain, in any order) that carries ``key``.

    Raises ``CertificateError`` (``cert-attach-mismatch``) naming the key's and the first certificate's public-key
    SHA-256 when none does, or ``cert-attach-none`` when the list is empty.
    """
    if not certificates:
        raise error(CertificateError, "cert-attach-none", shown=repr(name))
    wanted = public_key_der(key)
    for cert in certificates:
        public = cert.public_key()
        if isinstance(public, RSAPublicKey) and public_key_der(public) == wanted:
            return cert
    first = certificates[0]
    raise error(
        CertificateError,
        "cert-attach-mismatch",
        shown=repr(name),
        key_fp=_key_sha256(key),
        cert_key_fp=_key_sha256(first.public_key()),
        subject=first.subject.rfc4514_string() or "(empty subject)",
        fingerprint=sha256_fingerprint(first),
    )


@dataclass(frozen=True)
class AttachResult:
    """What ``attach_certificate`` stored: the updated record, the certificate, and whether a CA issued it."""

    record: KeyRecord
    certificate: x509.Certificate
    replaced: bool  # the key had a certificate before (now replaced)

    @property
    def self_signed(self) -> bool:
        """True when issuer = subject (not from a CA)."""
        return self.certificate.issuer == self.certificate.subject


def attach_certificate(vault: Vault, name: str, certificates: Sequence[x509.Certificate]) -> AttachResult:
    """Store with key ``name`` the certificate among ``certificates`` that carries its public key.

    Loads the key from the keyring (its SHA-256 is checked) so the comparison is against the key itself.
    """
    record = vault.get(name)
    key = vault.load(name)
    chosen = certificate_for_key(key, certificates, name=name)
    updated = vault.set_certificate(name, chosen)
    return AttachResult(updated, chosen, replaced=record.certificate_pem is not None)
