"""The key page's background work, as plain core functions (the window runs them with ``ui.worker.start``).

Each may take seconds (RSA generation, keystore decryption) and raises only ``SfjwtError`` subclasses with codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sfjwt_gui.core.errors import KeystoreAliasError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from cryptography.x509 import Certificate

    from sfjwt_gui.core.key_loading import LoadedMaterial
    from sfjwt_gui.core.key_texts import Note
    from sfjwt_gui.core.signer import SigningKey


def generate_pair(bits: int, cn: str, days: int) -> tuple[RSAPrivateKey, Certificate, list[Note]]:
    """A new key, its self-signed certificate, and core's notes on the validity chosen (shown in the window's
    language). A bad CN or validity fails before the seconds spent on the key."""
    from sfjwt_gui.core.key_generation import Subject, generate_private_key, self_signed_certificate, validity_notes

    Subject(cn).to_name()
    notes = validity_notes(days)
    key = generate_private_key(bits)
    return key, self_signed_certificate(key, Subject(cn), days), notes


def make_certificate(key: SigningKey, cn: str, days: int) -> Certificate:
    """A self-signed certificate for an imported key that came without one; a token or KMS key signs it inside
    (``signer_certificates``: nothing is stored in the backend)."""
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

    from sfjwt_gui.core.key_generation import Subject, self_signed_certificate

    if isinstance(key, RSAPrivateKey):
        return self_signed_certificate(key, Subject(cn), days)
    from sfjwt_gui.core.signer_certificates import self_signed_certificate_with

    return self_signed_certificate_with(key, Subject(cn), days)


@dataclass(frozen=True)
class AliasChoice:
    """A Java keystore holding several private keys (Salesforce's keystore export holds all of the org's)."""

    aliases: list[str]


def load_source(source: Path | str, passphrase: bytes | None, alias: str | None = None) -> LoadedMaterial | AliasChoice:
    """Key material from a file path or pasted text (decryption can be slow); ``AliasChoice`` when a keystore holds
    several keys and no alias was given (the aliases come from the error core raises, nothing is read twice)."""
    from sfjwt_gui.core.key_loading import load_file, load_material

    try:
        if isinstance(source, Path):
            return load_file(source, passphrase, alias=alias)
        return load_material(source, passphrase, alias=alias)
    except KeystoreAliasError as exc:
        if alias is None and len(exc.aliases) > 1:
            return AliasChoice(list(exc.aliases))
        raise
