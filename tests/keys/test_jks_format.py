"""The JKS bytes match the published format, checked here by re-deriving every piece with hashlib and struct."""

from __future__ import annotations

import datetime as dt
import hashlib
import struct

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from sfjwt_gui.core import der
from sfjwt_gui.core.errors import PassphraseRequiredError, TruncatedKeyError, WrongPassphraseError
from sfjwt_gui.core.jks import is_jceks, is_jks, read_jks, write_jks

PASSWORD = "päss-wörd"  # non-ASCII: the password is hashed as UTF-16BE


@pytest.fixture(scope="module")
def pkcs8(rsa_key: rsa.RSAPrivateKey) -> bytes:
    return rsa_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def test_layout_digest_and_key_protector(pkcs8: bytes, rsa_cert: x509.Certificate) -> None:
    when = dt.datetime(2026, 3, 4, 5, 6, 7, 890000, tzinfo=dt.UTC)
    data = write_jks(pkcs8, [rsa_cert], PASSWORD, "sf", timestamp=when)
    pw = PASSWORD.encode("utf-16-be")

    magic, version, count, tag = struct.unpack(">IIII", data[:16])
    assert (magic, version, count, tag) == (0xFEEDFEED, 2, 1, 1)
    (alias_len,) = struct.unpack(">H", data[16:18])
    assert data[18 : 18 + alias_len] == b"sf"
    pos = 18 + alias_len
    (millis,) = struct.unpack(">q", data[pos : pos + 8])
    assert millis == 1772600767890
    (key_len,) = struct.unpack(">I", data[pos + 8 : pos + 12])
    protected_info = data[pos + 12 : pos + 12 + key_len]
    pos += 12 + key_len
    (chain_len,) = struct.unpack(">I", data[pos : pos + 4])
    assert chain_len == 1
    (type_len,) = struct.unpack(">H", data[pos + 4 : pos + 6])
    assert data[pos + 6 : pos + 6 + type_len] == b"X.509"
    pos += 6 + type_len
    (cert_len,) = struct.unpack(">I", data[pos : pos + 4])
    assert data[pos + 4 : pos + 4 + cert_len] == rsa_cert.public_bytes(serialization.Encoding.DER)
    pos += 4 + cert_len
    assert len(data) == pos + 20
    assert data[pos:] == hashlib.sha1(pw + b"Mighty Aphrodite" + data[:pos]).digest()

    # EncryptedPrivateKeyInfo { AlgorithmIdentifier { 1.3.6.1.4.1.42.2.17.1.1, NULL }, OCTET STRING }
    outer = der.read_tlv(protected_info)
    algorithm, octets = der.read_children(outer.content)
    oid, params = der.read_children(algorithm.content)
    assert der.decode_oid(oid.content) == "1.3.6.1.4.1.42.2.17.1.1"
    assert params.tag == der.NULL
    blob = octets.content
    salt, encrypted, check = blob[:20], blob[20:-20], blob[-20:]
    stream, digest = b"", salt
    while len(stream) < len(encrypted):
        digest = hashlib.sha1(pw + digest).digest()
        stream += digest
    plain = bytes(a ^ b for a, b in zip(encrypted, stream, strict=False))
    assert plain == pkcs8
    assert check == hashlib.sha1(pw + plain).digest()


def test_each_store_has_a_fresh_salt(pkcs8: bytes, rsa_cert: x509.Certificate) -> None:
    first = write_jks(pkcs8, [rsa_cert], PASSWORD, "a")
    second = write_jks(pkcs8, [rsa_cert], PASSWORD, "a")
    assert first != second


@pytest.mark.parametrize(
    ("alias", "encoded"),
    [
        ("nul\x00char", b"nul\xc0\x80char"),  # Java's modified UTF-8 writes NUL as two bytes
        ("鍵", "鍵".encode()),
        ("😀", b"\xed\xa0\xbd\xed\xb8\x80"),  # a supplementary character as two 3-byte surrogates (CESU-8)
    ],
)
def test_modified_utf8_aliases(pkcs8: bytes, rsa_cert: x509.Certificate, alias: str, encoded: bytes) -> None:
    data = write_jks(pkcs8, [rsa_cert], PASSWORD, alias)
    assert data[16:18] == struct.pack(">H", len(encoded))
    assert data[18 : 18 + len(encoded)] == encoded
    assert read_jks(data, PASSWORD).private_keys[0].alias == alias


def test_tampering_and_password_errors(pkcs8: bytes, rsa_cert: x509.Certificate) -> None:
    data = bytearray(write_jks(pkcs8, [rsa_cert], PASSWORD, "a"))
    with pytest.raises(PassphraseRequiredError, match=r"sf\.jks"):
        read_jks(bytes(data), None, source="sf.jks")
    with pytest.raises(WrongPassphraseError, match="integrity"):
        read_jks(bytes(data), "pass-word", source="sf.jks")
    data[200] ^= 0x01
    with pytest.raises(WrongPassphraseError, match="file was changed"):
        read_jks(bytes(data), PASSWORD, source="sf.jks")
    with pytest.raises(TruncatedKeyError, match="ends early"):
        read_jks(bytes(data[:50]), PASSWORD, source="sf.jks")


def test_magic_numbers() -> None:
    assert is_jks(b"\xfe\xed\xfe\xed\x00\x00\x00\x02")
    assert not is_jks(b"\x30\x82")
    assert is_jceks(b"\xce\xce\xce\xce")


@pytest.mark.parametrize("oid", ["1.2.840.113549.1.1.1", "1.3.6.1.4.1.42.2.17.1.1", "2.999.1234567", "0.9.2342"])
def test_oid_round_trip(oid: str) -> None:
    encoded = der.encode_oid(oid)
    tlv = der.read_tlv(encoded)
    assert tlv.tag == der.OID
    assert der.decode_oid(tlv.content) == oid


def test_der_lengths() -> None:
    for size in (0, 127, 128, 255, 256, 70000):
        encoded = der.encode_tlv(der.OCTET_STRING, b"x" * size)
        assert der.read_tlv(encoded).content == b"x" * size
    with pytest.raises(der.DerError) as info:
        der.read_tlv(der.encode_tlv(der.SEQUENCE, b"y" * 300)[:-1])
    assert info.value.truncated
