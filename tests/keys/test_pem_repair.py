"""PEM mangled the way CI secrets and env vars mangle it is repaired, loads, and each repair is reported."""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from sfjwt_gui.core.errors import TruncatedKeyError
from sfjwt_gui.core.keys import load_certificate, load_material, repair_pem


@pytest.fixture(scope="module")
def pem(rsa_key: rsa.RSAPrivateKey) -> str:
    return rsa_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
    ).decode()


def _numbers(key: rsa.RSAPrivateKey | None) -> int:
    assert key is not None
    return key.private_numbers().d


MANGLES: list[tuple[str, Callable[[str], str], str]] = [
    ("newlines to spaces", lambda t: t.replace("\n", " "), "turned into spaces"),
    ("newlines removed", lambda t: t.replace("\n", ""), "they had been removed"),
    ("literal backslash-n", lambda t: t.replace("\n", "\\n"), "literal \\n"),
    ("CRLF", lambda t: t.replace("\n", "\r\n"), "CRLF"),
    ("doubly escaped backslash-n", lambda t: t.replace("\n", "\\\\n"), "literal \\n"),
    ("double quotes", lambda t: f'"{t}"', "double quotes"),
    ("single quotes", lambda t: f"'{t}'", "single quotes"),
    ("indentation", lambda t: "".join("    " + line for line in t.splitlines(keepends=True)), "indentation"),
    ("missing final newline", lambda t: t.rstrip("\n"), "final newline"),
    ("byte-order mark", lambda t: "\ufeff" + t, "byte-order mark"),
]


@pytest.mark.parametrize(("label", "mangle", "reported"), MANGLES, ids=[m[0] for m in MANGLES])
def test_each_repair_is_made_and_reported(
    rsa_key: rsa.RSAPrivateKey, pem: str, label: str, mangle: Callable[[str], str], reported: str
) -> None:
    mangled = mangle(pem)
    assert mangled != pem, label
    material = load_material(mangled)
    assert _numbers(material.private_key) == rsa_key.private_numbers().d
    assert any(reported in repair for repair in material.repairs), material.repairs


def test_github_secret_style_combination(rsa_key: rsa.RSAPrivateKey, pem: str) -> None:
    """A quoted one-line value with literal \\n and no final newline, as often pasted into a CI variable."""
    mangled = '"' + pem.rstrip("\n").replace("\n", "\\n") + '"'
    material = load_material(mangled.encode())
    assert _numbers(material.private_key) == rsa_key.private_numbers().d
    assert material.repairs == [
        "removed wrapping double quotes",
        "turned literal \\n sequences into line breaks",
        "added the missing final newline",
    ]


def test_clean_pem_reports_no_repair(pem: str) -> None:
    assert load_material(pem).repairs == []
    assert repair_pem(pem).text == pem


def test_encrypted_traditional_pem_with_spaces_keeps_its_headers(rsa_key: rsa.RSAPrivateKey) -> None:
    encrypted = rsa_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.BestAvailableEncryption(b"pass-phrase"),
    ).decode()
    assert "DEK-Info:" in encrypted
    material = load_material(encrypted.replace("\n", " "), b"pass-phrase")
    assert _numbers(material.private_key) == rsa_key.private_numbers().d
    assert material.source_format.startswith("PEM PKCS#1 traditional encrypted")
    assert any("turned into spaces" in r for r in material.repairs)


def test_certificate_and_key_on_one_line(rsa_key: rsa.RSAPrivateKey, rsa_cert: object, pem: str) -> None:
    from cryptography import x509

    assert isinstance(rsa_cert, x509.Certificate)
    cert_pem = rsa_cert.public_bytes(serialization.Encoding.PEM).decode()
    material = load_material((cert_pem + pem).replace("\n", " "))
    assert material.certificate == rsa_cert
    assert _numbers(material.private_key) == rsa_key.private_numbers().d
    assert sum("turned into spaces" in r for r in material.repairs) == 2
    assert load_certificate(cert_pem.replace("\n", "\\n")) == rsa_cert


def test_base64_without_armour_is_decoded(rsa_key: rsa.RSAPrivateKey) -> None:
    """A CI secret holding base64 of a DER/PKCS#12 file (``base64 -w0 key.der``)."""
    der = rsa_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    material = load_material(base64.b64encode(der).decode())
    assert _numbers(material.private_key) == rsa_key.private_numbers().d
    assert material.source_format == "DER PKCS#8"
    assert material.repairs == ["decoded base64 text that had no PEM armour (BEGIN/END lines)"]


def test_repair_does_not_hide_truncation(pem: str) -> None:
    cut = pem[: len(pem) // 2].replace("\n", " ")
    with pytest.raises(TruncatedKeyError, match="no matching -----END RSA PRIVATE KEY"):
        load_material(cut)


def test_utf16_text_from_powershell(rsa_key: rsa.RSAPrivateKey, pem: str) -> None:
    data = pem.replace("\n", "\r\n").encode("utf-16")  # with BOM, as `Get-Content key.pem > copy.pem` writes
    material = load_material(data)
    assert _numbers(material.private_key) == rsa_key.private_numbers().d
    assert material.repairs[0] == "converted UTF-16 text (as Windows PowerShell writes it) to UTF-8"
    assert "converted Windows CRLF line endings to LF" in material.repairs
