"""Truncated, unrecognised and otherwise unusable input: each a distinct error naming the input and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from sfjwt_gui.core.errors import (
    CertificateError,
    InputError,
    KeyFormatError,
    TruncatedKeyError,
    UnsupportedKeyError,
)
from sfjwt_gui.core.keys import export_jks, load_certificate, load_file, load_material, load_public_key


def _pkcs8(key: rsa.RSAPrivateKey, encoding: serialization.Encoding) -> bytes:
    return key.private_bytes(encoding, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def test_der_cut_short_is_truncated(rsa_key: rsa.RSAPrivateKey, tmp_path: Path) -> None:
    path = tmp_path / "key.der"
    path.write_bytes(_pkcs8(rsa_key, serialization.Encoding.DER)[:700])
    with pytest.raises(TruncatedKeyError, match=r"key\.der") as info:
        load_file(path)
    assert "cut off" in info.value.fix


def test_pem_without_end_line_is_truncated(rsa_key: rsa.RSAPrivateKey) -> None:
    text = _pkcs8(rsa_key, serialization.Encoding.PEM).decode()
    with pytest.raises(TruncatedKeyError, match="no matching -----END PRIVATE KEY"):
        load_material(text[:900], source_name="KEY_SECRET")


def test_pem_with_lines_missing_in_the_middle_is_truncated(rsa_key: rsa.RSAPrivateKey) -> None:
    lines = _pkcs8(rsa_key, serialization.Encoding.PEM).decode().splitlines()
    damaged = "\n".join(lines[:10] + lines[-1:]) + "\n"
    with pytest.raises(TruncatedKeyError, match="KEY_SECRET"):
        load_material(damaged, source_name="KEY_SECRET")


def test_certificate_cut_short_is_truncated(rsa_cert: x509.Certificate) -> None:
    der = rsa_cert.public_bytes(serialization.Encoding.DER)
    with pytest.raises(TruncatedKeyError):
        load_material(der[:-40])
    with pytest.raises(TruncatedKeyError):
        load_certificate(der[:-40])


def test_jks_cut_short_is_truncated(rsa_key: rsa.RSAPrivateKey, rsa_cert: x509.Certificate) -> None:
    store = export_jks(rsa_key, rsa_cert, "changeit", "k")
    with pytest.raises(TruncatedKeyError, match="Java keystore"):
        load_material(store[:-100], b"changeit", source_name="export.jks")


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"", "is empty"),
        (b"   \n", "is empty"),
        (b"hello world, this is not a key", "not a key or certificate"),
        (b"\x01\x02" + bytes(range(0x80, 0x100)), "binary data"),
        (b"\xce\xce\xce\xce\x00\x00\x00\x02", "JCEKS"),
        (b"PuTTY-User-Key-File-3: ssh-rsa\n", "PuTTY"),
        (b"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ user@host\n", "OpenSSH public key"),
        (b"-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n", "PEM blocks: FOO"),
    ],
)
def test_unrecognised_input(data: bytes, match: str) -> None:
    with pytest.raises(KeyFormatError, match=match) as info:
        load_material(data, source_name="upload.bin")
    assert not isinstance(info.value, TruncatedKeyError)
    assert "upload.bin" in info.value.message
    assert info.value.fix


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.pem"):
        load_file(tmp_path / "nope.pem")


def test_two_private_keys_in_one_file(rsa_key: rsa.RSAPrivateKey) -> None:
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    text = _pkcs8(rsa_key, serialization.Encoding.PEM) + _pkcs8(other, serialization.Encoding.PEM)
    with pytest.raises(KeyFormatError, match="more than one private key"):
        load_material(text)


def test_ec_public_key_and_certificate_are_refused_for_signing() -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    spki = ec_key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    with pytest.raises(UnsupportedKeyError, match="secp256r1"):
        load_public_key(spki)


def test_load_certificate_without_certificate(rsa_key: rsa.RSAPrivateKey) -> None:
    with pytest.raises(CertificateError, match="PRIVATE KEY"):
        load_certificate(_pkcs8(rsa_key, serialization.Encoding.PEM))


def test_load_public_key_from_private_key(rsa_key: rsa.RSAPrivateKey) -> None:
    public = load_public_key(_pkcs8(rsa_key, serialization.Encoding.PEM))
    assert public.public_numbers() == rsa_key.public_key().public_numbers()


@pytest.mark.parametrize(
    ("encoding", "fmt"),
    [
        (serialization.Encoding.PEM, serialization.PublicFormat.PKCS1),
        (serialization.Encoding.DER, serialization.PublicFormat.PKCS1),
        (serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
        (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo),
    ],
)
def test_load_public_key_formats(
    rsa_key: rsa.RSAPrivateKey, encoding: serialization.Encoding, fmt: serialization.PublicFormat
) -> None:
    data = rsa_key.public_key().public_bytes(encoding, fmt)
    assert load_public_key(data).public_numbers() == rsa_key.public_key().public_numbers()


def test_cut_off_binary_files_are_told_to_be_copied_as_binary(rsa_key: rsa.RSAPrivateKey, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.serialization import pkcs12

    p12 = pkcs12.serialize_key_and_certificates(b"k", rsa_key, None, None, serialization.BestAvailableEncryption(b"pw"))
    path = tmp_path / "cut.p12"
    path.write_bytes(p12[: len(p12) // 2])
    with pytest.raises(TruncatedKeyError, match=r"cut\.p12") as info:
        load_file(path, b"pw")
    assert "binary" in info.value.fix
    assert "END line" not in info.value.fix  # a .p12 has no END line
    text = _pkcs8(rsa_key, serialization.Encoding.PEM).decode().splitlines()
    with pytest.raises(TruncatedKeyError) as info:
        load_material("\n".join(text[:5] + text[6:]) + "\n", source_name="KEY_SECRET")
    assert "every line from BEGIN to END" in info.value.fix


@pytest.mark.parametrize(
    ("label", "fmt", "actual"),
    [
        ("RSA PRIVATE KEY", serialization.PrivateFormat.PKCS8, "PKCS#8"),
        ("PRIVATE KEY", serialization.PrivateFormat.TraditionalOpenSSL, "PKCS#1"),
    ],
)
def test_pem_under_the_wrong_label_is_read_as_what_it_holds(
    rsa_key: rsa.RSAPrivateKey, label: str, fmt: serialization.PrivateFormat, actual: str
) -> None:
    """Hand-edited BEGIN/END lines: a PKCS#8 body under RSA PRIVATE KEY, or PKCS#1 under PRIVATE KEY."""
    pem = rsa_key.private_bytes(serialization.Encoding.PEM, fmt, serialization.NoEncryption()).decode()
    body = pem.strip().splitlines()[1:-1]
    text = "\n".join([f"-----BEGIN {label}-----", *body, f"-----END {label}-----"]) + "\n"
    material = load_material(text, source_name="KEY_SECRET")
    assert material.private_key is not None
    assert material.private_key.private_numbers() == rsa_key.private_numbers()
    assert material.source_format == f"PEM {actual} (mislabelled {label})"
    assert material.repairs == [
        f"read the block labelled {label} as the {actual} key it holds (its BEGIN/END lines were wrong)"
    ]
