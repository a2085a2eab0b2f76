"""Key-import errors in Japanese: every ``load-*`` text of resources/keys/texts.json is raised by a real bad input,
reads as Japanese, and the English message and fix (what the CLI prints) are exactly what the error carries."""

from __future__ import annotations

import base64
import re
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

from sfjwt_gui.core.errors import SfjwtError
from sfjwt_gui.core.jks import JKS_MAGIC, JKS_VERSION, _password_bytes, _store_digest, write_jks
from sfjwt_gui.core.key_loading import MAX_INPUT_BYTES, load_certificate, load_file, load_material, load_public_key
from sfjwt_gui.core.key_texts import describe_error, texts

# cryptography 50 reports the ciphers it cannot open (ARIA, Camellia, RC2, DES in PBES2, an unknown PRF, in PKCS#8
# and PKCS#12) as ValueError, never UnsupportedAlgorithm, so no real input reaches these two texts; they are checked
# for both languages in test_texts_ja (placeholders) only.
UNREACHABLE = {"load-key-algorithm", "load-pkcs12-algorithm"}
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
NO_ENCRYPTION = serialization.NoEncryption()


def _pem_block(label: str, body: bytes) -> str:
    return f"-----BEGIN {label}-----\n{base64.b64encode(body).decode('ascii')}\n-----END {label}-----\n"


def _bad_inputs(tmp_path: Path, rsa_key: Any) -> list[bytes | str | Path]:
    pkcs8 = serialization.PrivateFormat.PKCS8
    der = rsa_key.private_bytes(serialization.Encoding.DER, pkcs8, NO_ENCRYPTION)
    pem = rsa_key.private_bytes(serialization.Encoding.PEM, pkcs8, NO_ENCRYPTION).decode("ascii")
    ec_key = ec.generate_private_key(ec.SECP256R1())
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 - too small on purpose
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "csr")]))
        .sign(rsa_key, hashes.SHA256())
    )
    huge = tmp_path / "huge.p12"
    with huge.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)
    return [
        huge,
        b"   ",
        "   ",
        b"\xce\xce\xce\xce\x00\x00\x00\x02",
        b"\x80\x81\x82 not text",
        "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\n",
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC user@host",
        "hello, this is not a key",
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n",
        ec_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, NO_ENCRYPTION
        ).decode("ascii"),
        rsa_key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii"),
        csr.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        "-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n",
        "-----BEGIN PRIVATE KEY-----\nMIIBV\n-----END PRIVATE KEY-----\n",
        "-----BEGIN PRIVATE KEY-----\nMII*\n-----END PRIVATE KEY-----\n",
        der[:300],
        _pem_block("PRIVATE KEY", der[:300]),
        _pem_block("PRIVATE KEY", b"\x30\x85\x01\x01\x01\x01\x01"),
        ec_key.private_bytes(serialization.Encoding.PEM, pkcs8, NO_ENCRYPTION).decode("ascii"),
        small.private_bytes(serialization.Encoding.PEM, pkcs8, NO_ENCRYPTION).decode("ascii"),
        pem + pem,
    ]


def _tlv(tag: int, content: bytes) -> bytes:
    assert len(content) < 128
    return bytes([tag, len(content)]) + content


def _more_bad_inputs(tmp_path: Path, rsa_key: Any, rsa_cert: x509.Certificate) -> list[Callable[[], object]]:
    """Certificates, public keys, DER, OpenSSH and passphrase failures (load_certificate / load_public_key too)."""
    pkcs8 = serialization.PrivateFormat.PKCS8
    der = rsa_key.private_bytes(serialization.Encoding.DER, pkcs8, NO_ENCRYPTION)
    pem = rsa_key.private_bytes(serialization.Encoding.PEM, pkcs8, NO_ENCRYPTION).decode("ascii")
    spki = rsa_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    ec_public = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    bundle = pkcs7.serialize_certificates([rsa_cert], serialization.Encoding.PEM)
    fake_tbs = _tlv(0x30, _tlv(0x02, b"\x00") * 6)
    fake_cert = _tlv(0x30, fake_tbs + _tlv(0x30, b"") + _tlv(0x03, b"\x00"))
    rsa_oid = _tlv(0x06, bytes.fromhex("2a864886f70d010101")) + _tlv(0x05, b"")
    fake_pkcs8 = _tlv(0x30, _tlv(0x02, b"\x00") + _tlv(0x30, rsa_oid) + _tlv(0x04, b"\x01\x02\x03"))
    magic = b"openssh-key-v1\x00"
    entries = [write_jks(der, [rsa_cert], "changeit", alias)[12:-20] for alias in ("one", "two")]
    body = struct.pack(">III", JKS_MAGIC, JKS_VERSION, 2) + b"".join(entries)
    two_keys = body + _store_digest(_password_bytes("changeit"), body)
    openssh = rsa_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, serialization.BestAvailableEncryption(b"pw")
    ).decode("ascii")
    blob = base64.b64decode("".join(openssh.strip().splitlines()[1:-1]))
    assert b"aes256-ctr" in blob
    cbc = _pem_block("OPENSSH PRIVATE KEY", blob.replace(b"aes256-ctr", b"aes128-cbc", 1))  # a cipher it lacks
    encrypted = rsa_key.private_bytes(
        serialization.Encoding.PEM, pkcs8, serialization.BestAvailableEncryption(b"right-passphrase")
    )
    return [
        lambda: load_file(tmp_path / "missing.pem"),
        lambda: load_certificate(der),
        lambda: load_certificate(pem),
        lambda: load_certificate(_pem_block("CERTIFICATE", b"\x30\x03\x02\x01\x00")),
        lambda: load_public_key(bundle),
        lambda: load_public_key(ec_public),
        lambda: load_material(spki),
        lambda: load_material(b"\x30\x03\x02\x01\x00"),
        lambda: load_material(fake_cert),
        lambda: load_material("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl*\n-----END OPENSSH PRIVATE KEY-----\n"),
        lambda: load_material(_pem_block("OPENSSH PRIVATE KEY", b"not an openssh key at all")),
        lambda: load_material(_pem_block("OPENSSH PRIVATE KEY", magic + b"\x00\x00\x00\x04none" + b"\x00" * 8)),
        lambda: load_material(_pem_block("PRIVATE KEY", fake_pkcs8)),
        lambda: load_material(encrypted),
        lambda: load_material(encrypted, b"wrong-passphrase"),
        lambda: load_material(_pem_block("PKCS7", b"\x30\x03\x02\x01\x00")),
        lambda: load_material(two_keys, b"changeit"),
        lambda: load_material(two_keys, b"changeit", alias="three"),
        lambda: load_material(cbc, b"pw"),
    ]


def test_every_key_import_error_is_reachable_in_japanese(
    tmp_path: Path, rsa_key: Any, rsa_cert: x509.Certificate
) -> None:
    reached: set[str] = set()
    attempts: list[Callable[[], object]] = [
        (lambda item=item: load_file(item) if isinstance(item, Path) else load_material(item))  # type: ignore[misc]
        for item in _bad_inputs(tmp_path, rsa_key)
    ]
    for attempt in [*attempts, *_more_bad_inputs(tmp_path, rsa_key, rsa_cert)]:
        with pytest.raises(SfjwtError) as info:
            attempt()
        error = info.value
        assert error.code.startswith(("load-", "file-")), error.message
        assert describe_error(error, "en") == (error.message, error.fix)
        message, fix = describe_error(error, "ja")
        assert JAPANESE.search(message), message
        assert JAPANESE.search(fix), fix
        assert not re.search(r"\{\w+\}", message + fix), message + fix
        if error.code.startswith("load-"):
            reached.add(error.code)
    assert reached == {code for code in texts()["errors"] if code.startswith("load-")} - UNREACHABLE


def test_pasted_text_and_key_types_are_named_in_japanese() -> None:
    with pytest.raises(SfjwtError) as info:
        load_material("hello, this is not a key")
    assert info.value.message.startswith("(pasted text) is not a key or certificate sfjwt can read")
    assert describe_error(info.value, "ja")[0].startswith(
        "貼り付けたテキスト は sfjwt が読める鍵や証明書ではありません"
    )
    ec_pem = (
        ec.generate_private_key(ec.SECP256R1())
        .private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, NO_ENCRYPTION)
        .decode("ascii")
    )
    with pytest.raises(SfjwtError) as info:
        load_material(ec_pem)
    assert "is an EC key (secp256r1), not RSA." in info.value.message
    assert "の鍵は EC 鍵（secp256r1）で、RSA ではありません。" in describe_error(info.value, "ja")[0]
