"""The one signing protocol: everything that signs an assertion or a certificate goes through a ``Signer``.

A ``Signer`` has a public key, maybe a certificate, and ``sign(data)`` returning an RS256 signature
(RSASSA-PKCS1-v1_5 with SHA-256 over ``data``). Backends:

- ``LocalSigner``: a key in this process: from the OS keyring, a key file, or just generated (``Backend.KEYRING`` /
  ``FILE`` / ``MEMORY``). The only signer whose private key can be exported.
- ``signers.pkcs11.Pkcs11Signer``: a key inside a PKCS#11 token (HSM, smart card, SoftHSM2); never leaves it.
- ``signers.awskms.AwsKmsSigner``: an AWS KMS ``SIGN_VERIFY`` RSA key; never leaves AWS.

``as_signer`` turns a private key object into a ``LocalSigner``, so callers that still hold an ``RSAPrivateKey``
(the window, older code) pass it wherever a signer is taken. This module imports no backend library.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey

from sfjwt_gui.core import policy
from sfjwt_gui.core.errors import UnsupportedKeyError
from sfjwt_gui.core.key_texts import error


class Backend(enum.StrEnum):
    """Where a signer's private key lives."""

    MEMORY = "memory"
    KEYRING = "keyring"
    FILE = "file"
    PKCS11 = "pkcs11"
    AWS_KMS = "awskms"
    AZURE_KEY_VAULT = "azurekv"
    GCP_KMS = "gcpkms"

    @property
    def exportable(self) -> bool:
        """True when the private key exists as bytes in this process (so it can be exported at all)."""
        return self in (Backend.MEMORY, Backend.KEYRING, Backend.FILE)


@runtime_checkable
class Signer(Protocol):
    """Signs RS256 with a private key it never hands out."""

    @property
    def backend(self) -> Backend:
        """Where the private key lives."""
        ...

    @property
    def reference(self) -> str:
        """Text naming the key as a user pastes it (``pkcs11:…``, ``awskms:…``, a keyring name, a file path)."""
        ...

    @property
    def certificate(self) -> x509.Certificate | None:
        """The certificate kept with the key, if any."""
        ...

    def public_key(self) -> RSAPublicKey:
        """The RSA public key."""
        ...

    def sign(self, data: bytes) -> bytes:
        """RSASSA-PKCS1-v1_5 SHA-256 signature of ``data`` (RS256, and sha256WithRSAEncryption)."""
        ...


@dataclass(frozen=True)
class LocalSigner:
    """A private key held in this process (from the OS keyring, a file, or just generated)."""

    private_key: RSAPrivateKey
    certificate: x509.Certificate | None = None
    backend: Backend = Backend.MEMORY
    reference: str = ""

    def public_key(self) -> RSAPublicKey:
        """The RSA public key."""
        return self.private_key.public_key()

    def sign(self, data: bytes) -> bytes:
        """RSASSA-PKCS1-v1_5 SHA-256 signature of ``data``."""
        return self.private_key.sign(data, padding.PKCS1v15(), hashes.SHA256())


SigningKey = RSAPrivateKey | Signer


def as_signer(key: SigningKey) -> Signer:
    """``key`` as a signer: a signer is returned as is, an RSA private key wrapped in a ``LocalSigner``."""
    if isinstance(key, RSAPrivateKey):
        return LocalSigner(key)
    if isinstance(key, Signer):
        return key
    raise error(UnsupportedKeyError, "sign-not-rsa", type=type(key).__name__, min_bits=str(policy.MIN_RSA_BITS))


def signing_public_key(key: SigningKey | RSAPublicKey | None) -> RSAPublicKey | None:
    """The public half of a signing key (a public key is returned as is; None stays None)."""
    if key is None or isinstance(key, RSAPublicKey):
        return key
    return as_signer(key).public_key()


def private_key_of(key: SigningKey | None) -> RSAPrivateKey | None:
    """The in-process private key behind ``key`` (None for a token or KMS key, which has none here)."""
    if isinstance(key, RSAPrivateKey):
        return key
    if isinstance(key, LocalSigner):
        return key.private_key
    return None


@dataclass(frozen=True)
class _WithCertificate:
    """A signer seen with another certificate (a KMS key and the certificate file written for it)."""

    inner: Signer
    certificate: x509.Certificate | None

    @property
    def backend(self) -> Backend:
        """The inner signer's backend."""
        return self.inner.backend

    @property
    def reference(self) -> str:
        """The inner signer's reference."""
        return self.inner.reference

    def public_key(self) -> RSAPublicKey:
        """The inner signer's public key."""
        return self.inner.public_key()

    def sign(self, data: bytes) -> bytes:
        """Signed by the inner signer."""
        return self.inner.sign(data)

    def close(self) -> None:
        """Close the inner signer (a token session)."""
        close = getattr(self.inner, "close", None)
        if callable(close):
            close()


def with_certificate(signer: Signer, certificate: x509.Certificate | None) -> Signer:
    """``signer`` with ``certificate`` attached (KMS keeps none: the window and keygen attach the file's)."""
    return _WithCertificate(signer, certificate)
