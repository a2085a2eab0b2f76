"""Java KeyStore (JKS) reader and writer on ``cryptography`` primitives.

Salesforce's Certificate and Key Management imports and exports only JKS, and no maintained Python library writes it.
The format (Sun's ``JavaKeyStore``)::

    magic 0xFEEDFEED, version 2, entry count            (big-endian int32 each)
    per entry: tag (1 private key, 2 trusted certificate), alias (Java modified UTF-8), timestamp (int64 ms)
      tag 1: int32 length + EncryptedPrivateKeyInfo (algorithm 1.3.6.1.4.1.42.2.17.1.1, Sun's key protector),
             int32 chain length, per certificate: type "X.509" (UTF) + int32 length + DER
      tag 2: type "X.509" (UTF) + int32 length + DER
    SHA-1(password as UTF-16BE + "Mighty Aphrodite" + everything above)

Sun's key protector: ``salt(20) + (PKCS#8 XOR keystream) + SHA-1(password + PKCS#8)`` where the keystream is
``d1 = SHA-1(password + salt)``, ``d2 = SHA-1(password + d1)``, … and the password is UTF-16BE.
It is weak by design (that is the format); the keystore file must be treated as a secret.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import struct
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from sfjwt_gui.core import der
from sfjwt_gui.core.errors import KeyFormatError, PassphraseRequiredError, TruncatedKeyError, WrongPassphraseError
from sfjwt_gui.core.key_texts import error

JKS_MAGIC = 0xFEEDFEED
JCEKS_MAGIC = 0xCECECECE
JKS_VERSION = 2
KEY_PROTECTOR_OID = "1.3.6.1.4.1.42.2.17.1.1"
_WHITENER = b"Mighty Aphrodite"
_SALT_LEN = 20
_DIGEST_LEN = 20
_TAG_PRIVATE_KEY = 1
_TAG_TRUSTED_CERT = 2


@dataclass(frozen=True)
class JksPrivateKeyEntry:
    """A private key with its certificate chain (leaf first)."""

    alias: str
    timestamp: dt.datetime
    private_key: PrivateKeyTypes
    certificate_chain: list[x509.Certificate]


@dataclass(frozen=True)
class JksTrustedCertificate:
    """A trusted certificate entry (no key)."""

    alias: str
    timestamp: dt.datetime
    certificate: x509.Certificate


@dataclass(frozen=True)
class JksKeyStore:
    """What a JKS file holds."""

    private_keys: list[JksPrivateKeyEntry] = field(default_factory=list)
    trusted_certificates: list[JksTrustedCertificate] = field(default_factory=list)


def is_jks(data: bytes) -> bool:
    """True when the bytes start with the JKS magic number."""
    return len(data) >= 4 and struct.unpack(">I", data[:4])[0] == JKS_MAGIC


def is_jceks(data: bytes) -> bool:
    """True for Sun's JCEKS keystore (a different, unsupported format)."""
    return len(data) >= 4 and struct.unpack(">I", data[:4])[0] == JCEKS_MAGIC


# --- writing -------------------------------------------------------------------------------------------------------


def write_jks(
    private_key_pkcs8: bytes,
    certificate_chain: list[x509.Certificate],
    password: str,
    alias: str,
    *,
    timestamp: dt.datetime | None = None,
) -> bytes:
    """A JKS keystore with one private-key entry; the key password equals the store password (as Salesforce wants)."""
    when = timestamp or dt.datetime.now(dt.UTC)
    pw = _password_bytes(password)
    body = bytearray(struct.pack(">III", JKS_MAGIC, JKS_VERSION, 1))
    body += struct.pack(">I", _TAG_PRIVATE_KEY)
    body += _write_utf(alias)
    body += struct.pack(">q", int(when.timestamp() * 1000))
    protected = _encrypted_private_key_info(_protect(private_key_pkcs8, pw))
    body += struct.pack(">I", len(protected)) + protected
    body += struct.pack(">I", len(certificate_chain))
    for cert in certificate_chain:
        encoded = cert.public_bytes(serialization.Encoding.DER)
        body += _write_utf("X.509") + struct.pack(">I", len(encoded)) + encoded
    body += _store_digest(pw, bytes(body))
    return bytes(body)


def _protect(plain: bytes, pw: bytes) -> bytes:
    salt = os.urandom(_SALT_LEN)
    stream = _keystream(pw, salt, len(plain))
    encrypted = bytes(a ^ b for a, b in zip(plain, stream, strict=True))
    check = hashlib.sha1(pw + plain).digest()  # noqa: S324 - the JKS format fixes SHA-1
    return salt + encrypted + check


def _keystream(pw: bytes, salt: bytes, length: int) -> bytes:
    out = bytearray()
    digest = salt
    while len(out) < length:
        digest = hashlib.sha1(pw + digest).digest()  # noqa: S324 - the JKS format fixes SHA-1
        out += digest
    return bytes(out[:length])


def _encrypted_private_key_info(protected: bytes) -> bytes:
    algorithm = der.encode_tlv(der.SEQUENCE, der.encode_oid(KEY_PROTECTOR_OID) + der.encode_tlv(der.NULL, b""))
    return der.encode_tlv(der.SEQUENCE, algorithm + der.encode_tlv(der.OCTET_STRING, protected))


def _store_digest(pw: bytes, body: bytes) -> bytes:
    return hashlib.sha1(pw + _WHITENER + body).digest()  # noqa: S324 - the JKS format fixes SHA-1


def _password_bytes(password: str) -> bytes:
    return password.encode("utf-16-be", "surrogatepass")


def _write_utf(text: str) -> bytes:
    """Java ``DataOutput.writeUTF``: modified UTF-8 over UTF-16 code units, with a 2-byte length."""
    units = text.encode("utf-16-be", "surrogatepass")
    out = bytearray()
    for i in range(0, len(units), 2):
        unit = (units[i] << 8) | units[i + 1]
        if 0 < unit < 0x80:
            out.append(unit)
        elif unit < 0x800:
            out += bytes([0xC0 | (unit >> 6), 0x80 | (unit & 0x3F)])
        else:
            out += bytes([0xE0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3F), 0x80 | (unit & 0x3F)])
    if len(out) > 0xFFFF:
        raise ValueError("alias too long for a Java keystore")
    return struct.pack(">H", len(out)) + bytes(out)


# --- reading -------------------------------------------------------------------------------------------------------


class _Reader:
    def __init__(self, data: bytes, source: str) -> None:
        self.data = data
        self.pos = 0
        self.source = source

    def take(self, count: int) -> bytes:
        if self.pos + count > len(self.data):
            raise error(
                TruncatedKeyError,
                "jks-truncated",
                source=self.source,
                size=str(len(self.data)),
                missing=str(self.pos + count - len(self.data)),
            )
        chunk = self.data[self.pos : self.pos + count]
        self.pos += count
        return chunk

    def int32(self) -> int:
        value: int = struct.unpack(">I", self.take(4))[0]
        return value

    def int64(self) -> int:
        value: int = struct.unpack(">q", self.take(8))[0]
        return value

    def utf(self) -> str:
        (length,) = struct.unpack(">H", self.take(2))
        return _decode_modified_utf8(self.take(length))

    def certificate(self) -> x509.Certificate:
        kind = self.utf()
        encoded = self.take(self.int32())
        if kind != "X.509":
            raise error(KeyFormatError, "jks-certificate-type", source=self.source, kind=repr(kind))
        try:
            return x509.load_der_x509_certificate(encoded)
        except ValueError as exc:
            raise error(KeyFormatError, "jks-certificate-unreadable", source=self.source) from exc


def read_jks(
    data: bytes, password: str | None, *, key_password: str | None = None, source: str = "(keystore)"
) -> JksKeyStore:
    """Read a JKS keystore, checking its integrity hash and decrypting its private keys.

    ``key_password`` defaults to the store password (keytool's and Salesforce's convention).
    """
    if not is_jks(data):
        raise error(KeyFormatError, "jks-not-jks", source=source)
    if password is None:
        raise error(PassphraseRequiredError, "jks-password-required", source=source)
    pw = _password_bytes(password)
    reader = _Reader(data, source)
    reader.take(4)
    version = reader.int32()
    if version != JKS_VERSION:
        raise error(KeyFormatError, "jks-version", source=source, version=str(version))
    count = reader.int32()
    raw_keys: list[tuple[str, dt.datetime, bytes, list[x509.Certificate]]] = []
    trusted: list[JksTrustedCertificate] = []
    for _ in range(count):
        tag = reader.int32()
        alias = reader.utf()
        when = dt.datetime.fromtimestamp(reader.int64() / 1000, dt.UTC)
        if tag == _TAG_PRIVATE_KEY:
            protected = reader.take(reader.int32())
            chain = [reader.certificate() for _ in range(reader.int32())]
            raw_keys.append((alias, when, protected, chain))
        elif tag == _TAG_TRUSTED_CERT:
            trusted.append(JksTrustedCertificate(alias, when, reader.certificate()))
        else:
            raise error(KeyFormatError, "jks-entry-type", source=source, tag=str(tag), alias=repr(alias))
    stored = reader.take(_DIGEST_LEN)
    if not hmac.compare_digest(stored, _store_digest(pw, data[: reader.pos - _DIGEST_LEN])):
        raise error(WrongPassphraseError, "jks-integrity", source=source)
    key_pw = pw if key_password is None else _password_bytes(key_password)
    keys = [
        JksPrivateKeyEntry(alias, when, _recover_key(protected, key_pw, alias, source), chain)
        for alias, when, protected, chain in raw_keys
    ]
    return JksKeyStore(keys, trusted)


def _recover_key(encrypted_info: bytes, pw: bytes, alias: str, source: str) -> PrivateKeyTypes:
    try:
        outer = der.read_tlv(encrypted_info)
        algorithm, octets = der.read_children(outer.content)[:2]
        oid = der.decode_oid(der.read_children(algorithm.content)[0].content)
    except (der.DerError, ValueError) as exc:
        raise error(KeyFormatError, "jks-key-not-encrypted-info", alias=repr(alias), source=source) from exc
    if oid != KEY_PROTECTOR_OID:
        raise error(KeyFormatError, "jks-key-protector", alias=repr(alias), source=source, oid=oid)
    protected = octets.content
    if len(protected) < _SALT_LEN + _DIGEST_LEN:
        raise error(TruncatedKeyError, "jks-key-too-short", alias=repr(alias), source=source)
    salt, encrypted, check = protected[:_SALT_LEN], protected[_SALT_LEN:-_DIGEST_LEN], protected[-_DIGEST_LEN:]
    stream = _keystream(pw, salt, len(encrypted))
    plain = bytes(a ^ b for a, b in zip(encrypted, stream, strict=True))
    if not hmac.compare_digest(hashlib.sha1(pw + plain).digest(), check):  # noqa: S324 - fixed by the format
        raise error(WrongPassphraseError, "jks-key-password", alias=repr(alias), source=source)
    try:
        return serialization.load_der_private_key(plain, password=None)
    except (ValueError, TypeError) as exc:
        raise error(KeyFormatError, "jks-key-unreadable", alias=repr(alias), source=source) from exc


def _decode_modified_utf8(raw: bytes) -> str:
    units = bytearray()
    i = 0
    while i < len(raw):
        byte = raw[i]
        if byte < 0x80:
            unit, i = byte, i + 1
        elif byte >> 5 == 0b110 and i + 1 < len(raw):
            unit, i = ((byte & 0x1F) << 6) | (raw[i + 1] & 0x3F), i + 2
        elif byte >> 4 == 0b1110 and i + 2 < len(raw):
            unit, i = ((byte & 0x0F) << 12) | ((raw[i + 1] & 0x3F) << 6) | (raw[i + 2] & 0x3F), i + 3
        else:
            raise error(KeyFormatError, "jks-alias-utf8")
        units += struct.pack(">H", unit)
    return bytes(units).decode("utf-16-be", "surrogatepass")
