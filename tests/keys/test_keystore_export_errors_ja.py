"""Java keystore reading and key/certificate export errors in Japanese: every ``jks-*`` and ``export-*`` text of
resources/keys/texts.json is raised by a real bad input, reads as Japanese, and the English message and fix (what
the CLI prints) are exactly what the error carries. Also the source label inside not-RSA / too-small errors."""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from sfjwt_gui.core import der
from sfjwt_gui.core.errors import SfjwtError
from sfjwt_gui.core.jks import (
    JKS_MAGIC,
    JKS_VERSION,
    KEY_PROTECTOR_OID,
    _password_bytes,
    _protect,
    _store_digest,
    read_jks,
    write_jks,
)
from sfjwt_gui.core.key_export import export_certificate, export_jks, export_pkcs12, export_private_key_pkcs8
from sfjwt_gui.core.key_loading import load_material
from sfjwt_gui.core.key_texts import describe_error, texts

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
PASSWORD = "changeit"
PW = _password_bytes(PASSWORD)


def _utf(raw: bytes) -> bytes:
    return struct.pack(">H", len(raw)) + raw


def _key_entry(protected_info: bytes, alias: bytes = b"sf") -> bytes:
    """A private-key entry (tag 1) with no certificate chain."""
    return struct.pack(">I", 1) + _utf(alias) + struct.pack(">q", 0) + _utf32(protected_info) + struct.pack(">I", 0)


def _utf32(raw: bytes) -> bytes:
    return struct.pack(">I", len(raw)) + raw


def _store(entries: list[bytes], version: int = JKS_VERSION) -> bytes:
    body = struct.pack(">III", JKS_MAGIC, version, len(entries)) + b"".join(entries)
    return body + _store_digest(PW, body)


def _info(oid: str, protected: bytes) -> bytes:
    algorithm = der.encode_tlv(der.SEQUENCE, der.encode_oid(oid) + der.encode_tlv(der.NULL, b""))
    return der.encode_tlv(der.SEQUENCE, algorithm + der.encode_tlv(der.OCTET_STRING, protected))


def _keystore_failures(rsa_key: Any, rsa_cert: x509.Certificate) -> list[Callable[[], object]]:
    pkcs8 = rsa_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    good = write_jks(pkcs8, [rsa_cert], PASSWORD, "sf")
    cert_der = rsa_cert.public_bytes(serialization.Encoding.DER)
    return [
        lambda: read_jks(good[:100], PASSWORD),
        lambda: read_jks(good.replace(_utf(b"X.509"), _utf(b"X.500")), PASSWORD),
        lambda: read_jks(good.replace(cert_der, b"\x00" * len(cert_der)), PASSWORD),
        lambda: read_jks(b"not a keystore", PASSWORD),
        lambda: read_jks(good, None),
        lambda: read_jks(_store([], version=1), PASSWORD),
        lambda: read_jks(struct.pack(">IIII", JKS_MAGIC, JKS_VERSION, 1, 7) + _utf(b"odd") + b"\x00" * 8, PASSWORD),
        lambda: read_jks(good, "wrong-password"),
        lambda: read_jks(_store([_key_entry(b"\x04\x01\x00")]), PASSWORD),
        lambda: read_jks(_store([_key_entry(_info("1.2.840.113549.1.5.13", b"\x00" * 64))]), PASSWORD),
        lambda: read_jks(_store([_key_entry(_info(KEY_PROTECTOR_OID, b"\x00" * 8))]), PASSWORD),
        lambda: read_jks(good, PASSWORD, key_password="another-password"),
        lambda: read_jks(_store([_key_entry(_info(KEY_PROTECTOR_OID, _protect(b"not pkcs8", PW)))]), PASSWORD),
        lambda: read_jks(_store([_key_entry(b"", alias=b"\xff")]), PASSWORD),
    ]


def _export_failures(rsa_key: Any, rsa_cert: x509.Certificate) -> list[Callable[[], object]]:
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 - too small on purpose
    return [
        lambda: export_certificate(rsa_cert, "pem"),
        lambda: export_private_key_pkcs8(rsa_key, None),
        lambda: export_pkcs12(other, rsa_cert, b"secret", "sf"),
        lambda: export_pkcs12(rsa_key, rsa_cert, b"", "sf"),
        lambda: export_jks(rsa_key, rsa_cert, PASSWORD, "   "),
        lambda: export_jks(rsa_key, rsa_cert, "short", "sf"),
        lambda: export_jks(small, rsa_cert, PASSWORD, "sf"),
        lambda: export_jks(rsa_key, rsa_cert, PASSWORD, "a" * 70_000),  # JKS stops at 65535 bytes: bounded before
        lambda: export_pkcs12(rsa_key, rsa_cert, b"secret", "n" * 257),
    ]


@pytest.mark.parametrize("prefix", ["jks-", "export-"])
def test_every_keystore_and_export_error_is_reachable_in_japanese(
    prefix: str, rsa_key: Any, rsa_cert: x509.Certificate
) -> None:
    failures = _keystore_failures if prefix == "jks-" else _export_failures
    reached: set[str] = set()
    for attempt in failures(rsa_key, rsa_cert):
        with pytest.raises(SfjwtError) as info:
            attempt()
        error = info.value
        assert error.code.startswith(prefix), error.message
        assert describe_error(error, "en") == (error.message, error.fix)
        message, fix = describe_error(error, "ja")
        assert JAPANESE.search(message), message
        assert JAPANESE.search(fix), fix
        assert not re.search(r"\{\w+\}", message + fix), message + fix
        reached.add(error.code)
    assert reached == {code for code in texts()["errors"] if code.startswith(prefix)}


def test_english_messages_are_unchanged(rsa_key: Any, rsa_cert: x509.Certificate) -> None:
    with pytest.raises(SfjwtError) as info:
        export_jks(rsa_key, rsa_cert, "short", "sf")
    assert info.value.message == "The keystore password has 5 characters; keytool and Salesforce need at least 6."
    assert info.value.fix == "Choose a password of 6 or more characters."
    with pytest.raises(SfjwtError) as info:
        read_jks(b"not a keystore", PASSWORD)
    assert info.value.message == "(keystore) is not a JKS keystore (no 0xFEEDFEED magic)."
    assert (
        describe_error(info.value, "ja")[0]
        == "キーストア は JKS キーストアではありません（先頭に 0xFEEDFEED がありません）。"
    )


def test_source_and_format_inside_not_rsa_and_too_small_errors_in_japanese() -> None:
    ec_pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with pytest.raises(SfjwtError) as info:
        load_material(ec_pem)
    assert info.value.message == "The key in (pasted text) (PEM PKCS#8) is an EC key (secp256r1), not RSA."
    assert (
        describe_error(info.value, "ja")[0]
        == "貼り付けたテキスト（PEM PKCS#8） の鍵は EC 鍵（secp256r1）で、RSA ではありません。"
    )
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 - too small on purpose
    small_der = small.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
    )
    with pytest.raises(SfjwtError) as info:
        load_material(small_der)
    assert info.value.message == "The RSA key in (pasted text) (DER PKCS#1) has 1024 bits; at least 2048 are required."
    message = describe_error(info.value, "ja")[0]
    assert message == "貼り付けたテキスト（DER PKCS#1） の RSA 鍵は 1024 ビットです。2048 ビット以上が必要です。"
    assert "pasted" not in message


def test_jks_alias_errors_name_the_aliases_in_japanese(rsa_key: Any, rsa_cert: x509.Certificate) -> None:
    pkcs8 = rsa_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    store = write_jks(pkcs8, [rsa_cert], PASSWORD, "salesforce")
    with pytest.raises(SfjwtError) as info:
        load_material(store, PASSWORD.encode(), alias="other")
    assert info.value.message == "The Java keystore (pasted text) has no private key with alias 'other'."
    assert info.value.fix == "Private-key aliases in it: salesforce."
    assert describe_error(info.value, "ja") == (
        "Java キーストア 貼り付けたテキスト には別名 'other' の秘密鍵がありません。",
        "このキーストアにある秘密鍵の別名: salesforce。",
    )
