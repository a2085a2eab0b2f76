"""Helpers for the JWT tests that do not go through our code: base64url, hand-built tokens, openssl signing."""

from __future__ import annotations

import base64
import datetime as dt
import json
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

# One fixed "now" per run so time rules are exact; real time because certificates use the real clock.
NOW = float(int(time.time()))


def b64url(data: bytes) -> str:
    """base64url without padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def segment(obj: Any) -> str:
    """A JSON object as a base64url token segment."""
    return b64url(json.dumps(obj, separators=(",", ":")).encode())


def hand_token(header: dict[str, Any], payload: dict[str, Any], key: rsa.RSAPrivateKey | None) -> str:
    """A JWT signed with cryptography directly (PKCS#1 v1.5, SHA-256), or unsigned when key is None."""
    signing_input = f"{segment(header)}.{segment(payload)}"
    if key is None:
        return signing_input + "."
    signature = key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
    return f"{signing_input}.{b64url(signature)}"


def openssl_token(header: dict[str, Any], payload: dict[str, Any], key_pem: Path, workdir: Path) -> str:
    """A JWT whose signature comes from ``openssl dgst -sha256 -sign`` over the hand-built header.payload."""
    signing_input = f"{segment(header)}.{segment(payload)}"
    data = workdir / "signing-input.txt"
    data.write_bytes(signing_input.encode())
    signature = subprocess.run(
        ["openssl", "dgst", "-sha256", "-sign", str(key_pem), str(data)], check=True, capture_output=True
    ).stdout
    return f"{signing_input}.{b64url(signature)}"


def certificate_for(key: rsa.RSAPrivateKey, *, days_left: float, cn: str = "jwt-test") -> x509.Certificate:
    """A self-signed certificate that expires ``days_left`` days from now (negative: already expired)."""
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    now = dt.datetime.now(dt.UTC)
    not_after = now + dt.timedelta(days=days_left)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(min(now, not_after) - dt.timedelta(days=30))
        .not_valid_after(not_after)
        .sign(key, hashes.SHA256())
    )


@dataclass(frozen=True)
class KeyFiles:
    """Paths of the session key material."""

    key_pem: Path
    cert_pem: Path
    cert_der: Path
    public_pem: Path
    public_der: Path


def write_key_files(directory: Path, key: rsa.RSAPrivateKey, cert: x509.Certificate) -> KeyFiles:
    """Write the key and certificate in the formats the tests use."""
    files = KeyFiles(
        key_pem=directory / "server.key",
        cert_pem=directory / "server.crt",
        cert_der=directory / "server.cer",
        public_pem=directory / "public.pem",
        public_der=directory / "public.der",
    )
    files.key_pem.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    files.cert_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files.cert_der.write_bytes(cert.public_bytes(serialization.Encoding.DER))
    public = key.public_key()
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    files.public_pem.write_bytes(public.public_bytes(serialization.Encoding.PEM, spki))
    files.public_der.write_bytes(public.public_bytes(serialization.Encoding.DER, spki))
    return files
