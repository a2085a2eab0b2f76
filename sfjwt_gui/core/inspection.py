"""Inspect loaded key material: what it is, who it names, how long it lasts, its fingerprints, and what to watch."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from sfjwt_gui.core import policy
from sfjwt_gui.core.expiry import ExpiryState, expiry_state, whole_days_left
from sfjwt_gui.core.fingerprints import (
    colon_hex,
    key_matches_certificate,
    public_key_der,
    sha1_fingerprint,
    sha256_fingerprint,
)
from sfjwt_gui.core.key_generation import MIN_RSA_BITS, long_validity_note
from sfjwt_gui.core.key_texts import Note, note, notes_in
from sfjwt_gui.core.material import LoadedMaterial
from sfjwt_gui.core.signer import Signer


class Kind:
    """Values of ``Inspection.kind``."""

    PRIVATE_KEY = "private_key"
    CERTIFICATE = "certificate"
    PRIVATE_KEY_AND_CERTIFICATE = "private_key_and_certificate"


@dataclass
class Inspection:
    """What ``sfjwt inspect`` shows; ``to_json()`` is the stable ``--json`` object."""

    kind: str
    source_format: str
    key_type: str | None
    key_bits: int | None
    subject: str | None = None
    issuer: str | None = None
    serial: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    days_left: int | None = None
    sha1_fingerprint: str | None = None
    sha256_fingerprint: str | None = None
    public_key_sha256: str | None = None
    key_matches_certificate: bool | None = None
    self_signed: bool | None = None
    extra_certificates: int = 0
    repairs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # the same texts as codes + params (resources/keys/texts.json), for other languages; not in to_json()
    repair_notes: list[Note] = field(default_factory=list, repr=False)
    warning_notes: list[Note] = field(default_factory=list, repr=False)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON-ready dict (fingerprints as colon-separated upper-case hex, times as ISO 8601 UTC)."""
        data = asdict(self)
        del data["repair_notes"], data["warning_notes"]
        return data

    @property
    def warning_codes(self) -> list[str]:
        """Stable code of each warning (``warnings`` stays the English text)."""
        return [item.code for item in self.warning_notes]

    def warnings_in(self, lang: str = "en") -> list[str]:
        """``warnings`` in ``lang`` (``en`` or ``ja``)."""
        return notes_in(self.warning_notes, self.warnings, lang)

    def repairs_in(self, lang: str = "en") -> list[str]:
        """``repairs`` in ``lang`` (``en`` or ``ja``)."""
        return notes_in(self.repair_notes, self.repairs, lang)

    def warn(self, code: str, **params: str) -> None:
        """Add one warning (``code`` in section ``warnings`` of resources/keys/texts.json)."""
        self.add_warning(note("warnings", code, **params))

    def add_warning(self, warning: Note) -> None:
        """Add one warning note and its English text."""
        self.warning_notes.append(warning)
        self.warnings.append(warning.text("en"))


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _key_description(public: object) -> tuple[str, int | None]:
    if isinstance(public, rsa.RSAPublicKey):
        return "RSA", public.key_size
    if isinstance(public, ec.EllipticCurvePublicKey):
        return f"EC ({public.curve.name})", public.key_size
    return type(public).__name__.lstrip("_").replace("PublicKey", "") or "unknown", None


def inspect_material(material: LoadedMaterial, now: dt.datetime | None = None) -> Inspection:
    """Describe a key and/or certificate, with warnings for expiry, mismatch and weak settings."""
    moment = now or dt.datetime.now(dt.UTC)
    key, cert = material.private_key, material.certificate
    if key is not None and cert is not None:
        kind = Kind.PRIVATE_KEY_AND_CERTIFICATE
    elif key is not None:
        kind = Kind.PRIVATE_KEY
    else:
        kind = Kind.CERTIFICATE
    public = key.public_key() if key is not None else cert.public_key() if cert is not None else None
    key_type, key_bits = _key_description(public)
    result = Inspection(
        kind=kind,
        source_format=material.source_format,
        key_type=key_type,
        key_bits=key_bits,
        extra_certificates=len(material.extra_certificates),
        repairs=list(material.repairs),
        repair_notes=list(material.repair_notes),
    )
    if isinstance(public, rsa.RSAPublicKey):
        result.public_key_sha256 = colon_hex(hashlib.sha256(public_key_der(public)).digest())
    if cert is not None:
        _describe_certificate(result, cert, moment)
        if key is not None:
            result.key_matches_certificate = key_matches_certificate(key, cert)
            if not result.key_matches_certificate:
                result.warn("mismatch")
    return result


SIGNER_SOURCES = {
    "memory": "generated",
    "keyring": "OS keyring",
    "file": "key file",
    "pkcs11": "PKCS#11 token",
    "awskms": "AWS KMS",
    "azurekv": "Azure Key Vault",
    "gcpkms": "Google Cloud KMS",
}


def inspect_signer(signer: Signer, now: dt.datetime | None = None) -> Inspection:
    """The same description as ``inspect_material`` for a signer (a token or KMS key has no private key object):
    key size and SHA-256 from its public key, its certificate (if any), and whether the two match."""
    public = signer.public_key()
    cert = signer.certificate
    result = inspect_material(
        LoadedMaterial(None, cert, source_format=SIGNER_SOURCES.get(str(signer.backend), str(signer.backend))), now
    )
    result.kind = Kind.PRIVATE_KEY_AND_CERTIFICATE if cert is not None else Kind.PRIVATE_KEY
    result.key_type, result.key_bits = _key_description(public)
    result.public_key_sha256 = colon_hex(hashlib.sha256(public_key_der(public)).digest())
    if cert is not None:
        result.key_matches_certificate = key_matches_certificate(public, cert)
        if not result.key_matches_certificate:
            result.warn("mismatch")
    return result


def _describe_certificate(result: Inspection, cert: x509.Certificate, moment: dt.datetime) -> None:
    not_before, not_after = cert.not_valid_before_utc, cert.not_valid_after_utc
    result.subject = cert.subject.rfc4514_string()
    result.issuer = cert.issuer.rfc4514_string()
    result.serial = f"{cert.serial_number:X}"
    result.not_before = _iso(not_before)
    result.not_after = _iso(not_after)
    result.days_left = whole_days_left(not_after, moment)
    result.sha1_fingerprint = sha1_fingerprint(cert)
    result.sha256_fingerprint = sha256_fingerprint(cert)
    result.self_signed = cert.subject == cert.issuer
    state = expiry_state(not_after, moment)
    if state is ExpiryState.EXPIRED:
        result.warn("expired", date=_iso(not_after))
    elif state is ExpiryState.EXPIRING:
        result.warn("expiring", days=str(result.days_left), date=_iso(not_after))
    if moment < not_before:
        result.warn("not-yet-valid", date=_iso(not_before))
    long_validity = long_validity_note((not_after - not_before).days)
    if long_validity:
        result.add_warning(long_validity)
    public = cert.public_key()
    if not isinstance(public, rsa.RSAPublicKey):
        result.warn("not-rsa")
    elif policy.key_size_too_small(public.key_size):
        result.warn("weak-rsa", bits=str(public.key_size), min_bits=str(MIN_RSA_BITS))
