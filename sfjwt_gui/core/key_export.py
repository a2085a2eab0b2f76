"""Export certificates and keys in the forms Salesforce and other tools take.

Certificate: PEM ``.crt`` (Connected App / External Client App upload) or DER ``.cer``. Private key: PKCS#8 encrypted
with a passphrase (unencrypted only with ``insecure_unencrypted=True``). PKCS#12 with a password. JKS for
Salesforce's Certificate and Key Management import (key password = store password).
"""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from sfjwt_gui.core import policy
from sfjwt_gui.core.errors import ExportError
from sfjwt_gui.core.fingerprints import key_matches_certificate
from sfjwt_gui.core.key_texts import error

SALESFORCE_JKS_BITS = (2048, 3072, 4096)
MIN_KEYSTORE_PASSWORD = 6  # keytool refuses shorter store passwords
_PKCS12_KDF_ROUNDS = 100_000


def export_certificate(cert: x509.Certificate, fmt: str = "crt") -> bytes:
    """The certificate as PEM (``crt``) or DER (``cer``)."""
    if fmt == "crt":
        return cert.public_bytes(serialization.Encoding.PEM)
    if fmt == "cer":
        return cert.public_bytes(serialization.Encoding.DER)
    raise error(ExportError, "export-certificate-format", shown=repr(fmt))


def export_private_key_pkcs8(
    key: rsa.RSAPrivateKey, passphrase: bytes | None, *, insecure_unencrypted: bool = False
) -> bytes:
    """PEM PKCS#8, encrypted with the passphrase (AES-256-CBC, PBKDF2); unencrypted only if explicitly asked."""
    if passphrase:
        return key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(passphrase),
        )
    if insecure_unencrypted:
        return key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    raise error(ExportError, "export-pkcs8-no-passphrase")


def _check_pair(key: rsa.RSAPrivateKey, cert: x509.Certificate, what: str) -> None:
    if not key_matches_certificate(key, cert):
        raise error(ExportError, "export-pair-mismatch", subject=repr(cert.subject.rfc4514_string()), what=what)


def export_pkcs12(key: rsa.RSAPrivateKey, cert: x509.Certificate, password: bytes, friendly_name: str) -> bytes:
    """PKCS#12 (.p12) with AES-256-CBC/PBKDF2 and an HMAC-SHA256 MAC (read by OpenSSL 3 and Java 11+ keytool)."""
    if not password:
        raise error(ExportError, "export-pkcs12-no-password")
    _check_pair(key, cert, "PKCS#12")
    if len(friendly_name) > policy.MAX_ALIAS_CHARS:
        length, limit = str(len(friendly_name)), str(policy.MAX_ALIAS_CHARS)
        raise error(ExportError, "export-alias-too-long", length=length, max=limit)
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(_PKCS12_KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(password)
    )
    return pkcs12.serialize_key_and_certificates(friendly_name.encode("utf-8") or None, key, cert, None, encryption)


def normalise_alias(alias: str) -> str:
    """The alias as keytool stores it (lower case, trimmed); raises ExportError when empty or too long."""
    cleaned = alias.strip().lower()
    if not cleaned:
        raise error(ExportError, "export-alias-empty")
    if len(cleaned) > policy.MAX_ALIAS_CHARS:
        raise error(ExportError, "export-alias-too-long", length=str(len(cleaned)), max=str(policy.MAX_ALIAS_CHARS))
    return cleaned


def export_jks(key: rsa.RSAPrivateKey, cert: x509.Certificate, password: str, alias: str) -> bytes:
    """A JKS keystore for Salesforce's Certificate and Key Management import (key password = store password)."""
    from sfjwt_gui.core.jks import write_jks

    if len(password) < MIN_KEYSTORE_PASSWORD:
        raise error(
            ExportError, "export-jks-password-short", length=str(len(password)), min_length=str(MIN_KEYSTORE_PASSWORD)
        )
    if key.key_size not in SALESFORCE_JKS_BITS:
        raise error(ExportError, "export-jks-bits", bits=str(key.key_size))
    _check_pair(key, cert, "JKS")
    pkcs8 = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return write_jks(pkcs8, [cert], password, normalise_alias(alias))
