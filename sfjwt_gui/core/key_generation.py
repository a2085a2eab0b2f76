"""Generate an RSA key and the self-signed certificate Salesforce takes for "Use digital signatures"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from sfjwt_gui.core import policy
from sfjwt_gui.core.errors import InputError
from sfjwt_gui.core.key_texts import Note, error, note

# The limits live in core.policy; these names stay for existing callers.
ALLOWED_BITS = policy.ALLOWED_KEY_BITS
MIN_RSA_BITS = policy.MIN_RSA_BITS
DEFAULT_DAYS = policy.DEFAULT_VALIDITY_DAYS
LONG_VALIDITY_DAYS = policy.LONG_VALIDITY_DAYS
MAX_DAYS = policy.MAX_VALIDITY_DAYS
# Backdate a little so a client whose clock runs slightly behind does not see a "not yet valid" certificate.
BACKDATE = dt.timedelta(minutes=5)

# a JWT signing certificate only signs: KeyUsage digitalSignature (critical), shared by self-signed certificates,
# CSRs and certificates certified inside a token or KMS
KEY_USAGE_SIGNING_ONLY = x509.KeyUsage(
    digital_signature=True,
    content_commitment=False,
    key_encipherment=False,
    data_encipherment=False,
    key_agreement=False,
    key_cert_sign=False,
    crl_sign=False,
    encipher_only=False,
    decipher_only=False,
)


@dataclass(frozen=True)
class Subject:
    """Certificate subject: CN and optional O, OU and two-letter country C."""

    cn: str
    o: str | None = None
    ou: str | None = None
    c: str | None = None

    def to_name(self) -> x509.Name:
        """The X.509 name (C, O, OU, CN order, as openssl prints it)."""
        if not self.cn.strip():
            raise error(InputError, "keygen-cn-empty")
        if self.c is not None and (len(self.c) != 2 or not self.c.isascii() or not self.c.isalpha()):
            raise error(InputError, "keygen-country", value=repr(self.c))
        attributes = []
        if self.c:
            attributes.append(x509.NameAttribute(NameOID.COUNTRY_NAME, self.c.upper()))
        if self.o:
            attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, self.o))
        if self.ou:
            attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, self.ou))
        for label, value in (("CN", self.cn), ("O", self.o), ("OU", self.ou)):
            if value is not None and not _encodable(value):
                raise error(InputError, "keygen-name-not-text", label=label, value=repr(value[:20]))
            if value is not None and len(value) > 64:
                raise error(
                    InputError,
                    "keygen-name-too-long",
                    label=label,
                    value=repr(value[:20]),
                    length=str(len(value)),
                    max="64",
                )
        attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, self.cn))
        return x509.Name(attributes)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: undecodable bytes of a command-line argument
        return False
    return True


def generate_private_key(bits: int = 2048) -> rsa.RSAPrivateKey:
    """A new RSA private key (2048, 3072 or 4096 bits; public exponent 65537)."""
    if not policy.key_size_allowed(bits):
        *others, last = (str(size) for size in policy.ALLOWED_KEY_BITS)
        raise error(
            InputError,
            "keygen-bits",
            bits=str(bits),
            choices=", ".join(others),
            last=last,
            default=str(policy.DEFAULT_KEY_BITS),
        )
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def long_validity_note(days: int) -> Note | None:
    """The warning for a certificate valid more than 10 years (``note.text(lang)``), or None."""
    if not policy.validity_is_long(days):
        return None
    return note("warnings", "long-validity", days=str(days))


def long_validity_warning(days: int) -> str | None:
    """The warning for a certificate valid more than 10 years, in English, or None."""
    warning = long_validity_note(days)
    return warning.text("en") if warning else None


def validity_notes(days: int) -> list[Note]:
    """Validate a validity period; returns its warnings as notes (``note.text("ja")`` for Japanese)."""
    if not policy.validity_allowed(days):
        raise error(
            InputError,
            "keygen-validity",
            days=str(days),
            min=str(policy.MIN_VALIDITY_DAYS),
            max=str(policy.MAX_VALIDITY_DAYS),
        )
    warning = long_validity_note(days)
    return [warning] if warning else []


def check_validity_days(days: int, lang: str = "en") -> list[str]:
    """Validate a validity period; returns warnings in ``lang`` (empty when unremarkable)."""
    return [warning.text(lang) for warning in validity_notes(days)]


def self_signed_certificate(
    key: rsa.RSAPrivateKey, subject: Subject, days: int = DEFAULT_DAYS, *, now: dt.datetime | None = None
) -> x509.Certificate:
    """A self-signed SHA-256 certificate: random positive serial, CA=false (critical), digitalSignature, SKI."""
    check_validity_days(days)
    name = subject.to_name()
    start = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0) - BACKDATE
    public = key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + BACKDATE + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            KEY_USAGE_SIGNING_ONLY,
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
    )
    return builder.sign(key, hashes.SHA256())
