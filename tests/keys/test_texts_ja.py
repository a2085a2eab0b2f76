"""Repair notes and inspection / key-generation warnings in Japanese: every text of resources/keys/texts.json is
reached from real inputs, the Japanese is complete, and the English attributes (CLI JSON) stay as they were."""

from __future__ import annotations

import base64
import datetime as dt
import re
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from sfjwt_gui.core.errors import InputError
from sfjwt_gui.core.inspection import inspect_material
from sfjwt_gui.core.key_generation import (
    Subject,
    check_validity_days,
    long_validity_warning,
    self_signed_certificate,
    validity_notes,
)
from sfjwt_gui.core.key_loading import load_material
from sfjwt_gui.core.key_texts import describe_error, texts
from sfjwt_gui.core.material import LoadedMaterial

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _pem(key: Any) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")


def _assert_japanese(lines: list[str]) -> None:
    for line in lines:
        assert JAPANESE.search(line), line
        assert not PLACEHOLDER.search(line), line


def test_every_text_has_english_and_japanese_with_the_same_placeholders() -> None:
    data = texts()
    for section in ("repairs", "warnings"):
        for code, entry in data[section].items():
            assert set(entry) == {"en", "ja"}, code
            assert sorted(PLACEHOLDER.findall(entry["en"])) == sorted(PLACEHOLDER.findall(entry["ja"])), code
            assert JAPANESE.search(entry["ja"]), code
    for code, entry in data["errors"].items():
        for part in ("message", "fix"):
            english, japanese = entry["en"][part], entry["ja"][part]
            assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(japanese)), (code, part)
            assert bool(english) == bool(japanese), (code, part)
            if japanese and not japanese.startswith("{"):
                assert JAPANESE.search(japanese), (code, part)
    for name, phrases in data["terms"].items():
        for value, phrase in phrases.items():
            assert sorted(PLACEHOLDER.findall(phrase["en"])) == sorted(PLACEHOLDER.findall(phrase["ja"])), (name, value)


@pytest.fixture(scope="module")
def mangled_inputs(rsa_key: Any, rsa_cert: x509.Certificate) -> list[LoadedMaterial]:
    """Key text as CI secrets, PowerShell and hand edits leave it: together they need every kind of repair."""
    pem = _pem(rsa_key)
    cert_pem = rsa_cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
    body = "".join(pem.splitlines()[1:-1])
    pkcs1 = rsa_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
    ).decode("ascii")
    der = rsa_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    inputs: list[str | bytes] = [
        '"' + pem.replace("\n", "\\n") + '"',  # a quoted env var with literal \n
        "\ufeff'" + pem.strip() + "'",  # BOM, single quotes, no final newline
        "`" + pem.replace("\n", "\r\n") + "`",  # backticks and CRLF
        "\n".join("    " + line for line in pem.splitlines()),  # YAML indentation
        f"-----BEGIN PRIVATE KEY----- {' '.join(body[i : i + 64] for i in range(0, len(body), 64))} "
        "-----END PRIVATE KEY-----\n",  # newlines turned into spaces
        f"-----BEGIN PRIVATE KEY-----{body}-----END PRIVATE KEY-----\n" + cert_pem,  # newlines removed
        pem.encode("utf-16"),  # PowerShell's `>`
        base64.b64encode(der).decode("ascii"),  # base64 without armour
        pkcs1.replace("RSA PRIVATE KEY", "PRIVATE KEY"),  # PKCS#1 under a PKCS#8 label
    ]
    return [load_material(item) for item in inputs]


def test_every_repair_is_reported_in_japanese(mangled_inputs: list[LoadedMaterial]) -> None:
    reached: set[str] = set()
    for material in mangled_inputs:
        assert material.repairs, material.source_format
        assert len(material.repair_codes) == len(material.repairs)
        assert [note.text("en") for note in material.repair_notes] == material.repairs  # English unchanged
        assert material.repairs_in("en") == material.repairs
        japanese = material.repairs_in("ja")
        assert len(japanese) == len(material.repairs)
        _assert_japanese(japanese)
        reached.update(material.repair_codes)
    assert reached == set(texts()["repairs"])  # every Japanese repair note is reachable


def test_literal_newline_repair_reads_naturally_in_japanese(rsa_key: Any) -> None:
    material = load_material('"' + _pem(rsa_key).replace("\n", "\\n") + '"')
    assert material.repairs[:2] == ["removed wrapping double quotes", "turned literal \\n sequences into line breaks"]
    assert material.repairs_in("ja")[:2] == [
        "全体を囲んでいたダブルクォートを取り除きました",
        "文字どおりの \\n を改行に戻しました",
    ]


def test_repairs_in_keeps_lines_added_without_a_note(rsa_key: Any) -> None:
    material = load_material("'" + _pem(rsa_key) + "'")
    material.repairs.append("a line another module added")
    assert material.repairs_in("ja")[-1] == "a line another module added"
    _assert_japanese(material.repairs_in("ja")[:-1])
    with pytest.raises(InputError, match="'de'"):
        material.repairs_in("de")


def _certificate(key: Any, start: dt.datetime, days: int, signer: Any = None) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ja-test")])
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=days))
        .sign(signer or key, hashes.SHA256())
    )


def test_every_inspection_warning_is_reported_in_japanese(rsa_key: Any) -> None:
    now = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 - weak on purpose
    ec_key = ec.generate_private_key(ec.SECP256R1())
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cases = [
        LoadedMaterial(None, _certificate(rsa_key, now - dt.timedelta(days=400), 365)),  # expired
        LoadedMaterial(None, _certificate(rsa_key, now - dt.timedelta(days=355), 365)),  # expiring in 10 days
        LoadedMaterial(None, _certificate(rsa_key, now + dt.timedelta(days=2), 365)),  # not valid yet
        LoadedMaterial(None, _certificate(rsa_key, now - dt.timedelta(days=1), 4000)),  # more than 10 years
        LoadedMaterial(None, _certificate(small, now - dt.timedelta(days=1), 365)),  # 1024 bits
        LoadedMaterial(None, _certificate(ec_key, now - dt.timedelta(days=1), 365)),  # not RSA
        LoadedMaterial(rsa_key, _certificate(other, now - dt.timedelta(days=1), 365)),  # mismatch
    ]
    reached: set[str] = set()
    for material in cases:
        inspection = inspect_material(material, now=now)
        assert inspection.warnings
        assert inspection.warnings_in("en") == inspection.warnings
        japanese = inspection.warnings_in("ja")
        assert len(japanese) == len(inspection.warnings)
        _assert_japanese(japanese)
        assert "warning_notes" not in inspection.to_json()  # the --json object keeps its documented keys
        assert inspection.to_json()["warnings"] == inspection.warnings
        reached.update(inspection.warning_codes)
    assert reached == set(texts()["warnings"])
    expired = inspect_material(cases[0], now=now)
    assert expired.warnings[0].startswith("The certificate expired on 2026-")  # English as before
    assert expired.warnings_in("ja")[0].startswith("証明書は 2026-")


def test_keygen_long_validity_warning_in_japanese(rsa_key: Any) -> None:
    assert validity_notes(365) == []
    english = check_validity_days(4000)
    assert english == [long_validity_warning(4000)]
    assert english[0].startswith("Validity of 4000 days is more than 10 years")
    japanese = check_validity_days(4000, "ja")
    assert japanese == [validity_notes(4000)[0].text("ja")]
    _assert_japanese(japanese)
    assert "4000" in japanese[0]
    assert "10 年" in japanese[0]
    with pytest.raises(InputError) as info:
        check_validity_days(0, "ja")
    assert info.value.code == "keygen-validity"
    assert info.value.message == "Validity of 0 days is out of range."  # English unchanged
    assert describe_error(info.value, "ja") == (
        "有効期間 0 日は範囲外です。",
        "1 日から 36500 日の間で指定してください。",
    )
    cert = self_signed_certificate(rsa_key, Subject("ja-keygen"), 4000)
    inspection = inspect_material(LoadedMaterial(rsa_key, cert))
    assert inspection.warnings_in("ja") == japanese
