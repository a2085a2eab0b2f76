"""Certificate fingerprints in the colon-separated upper-case hex that ``openssl x509 -fingerprint`` prints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey

if TYPE_CHECKING:
    from sfjwt_gui.core.signer import Signer


def colon_hex(data: bytes) -> str:
    """Format bytes as ``AB:CD:…``."""
    return ":".join(f"{b:02X}" for b in data)


def sha1_fingerprint(cert: x509.Certificate) -> str:
    """SHA-1 fingerprint of the DER certificate."""
    return colon_hex(cert.fingerprint(hashes.SHA1()))  # noqa: S303 - display only, as openssl shows it


def sha256_fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 fingerprint of the DER certificate."""
    return colon_hex(cert.fingerprint(hashes.SHA256()))


def public_key_der(key: RSAPrivateKey | RSAPublicKey) -> bytes:
    """SubjectPublicKeyInfo DER of a key (private keys give their public half)."""
    public = key.public_key() if isinstance(key, RSAPrivateKey) else key
    return public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def key_matches_certificate(key: RSAPrivateKey | RSAPublicKey | Signer, cert: x509.Certificate) -> bool:
    """True when the certificate carries this key's public half (a ``Signer``: its public key, e.g. a token's)."""
    cert_key = cert.public_key()
    if not isinstance(cert_key, RSAPublicKey):
        return False
    if not isinstance(key, RSAPrivateKey | RSAPublicKey):
        key = key.public_key()
    return public_key_der(cert_key) == public_key_der(key)
