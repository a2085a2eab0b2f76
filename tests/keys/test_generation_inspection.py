"""Key and certificate generation, and what inspection reports about them (checked against openssl's reading)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtensionOID, NameOID

from sfjwt_gui.core.errors import InputError
from sfjwt_gui.core.keys import (
    LoadedMaterial,
    Subject,
    check_validity_days,
    generate_private_key,
    inspect_material,
    load_material,
    self_signed_certificate,
)

NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def generated(rsa_key: rsa.RSAPrivateKey) -> x509.Certificate:
    return self_signed_certificate(rsa_key, Subject("my-integration", o="Example KK", ou="IT", c="jp"), 365, now=NOW)


def test_generate_sizes() -> None:
    key = generate_private_key(3072)
    assert key.key_size == 3072
    assert key.public_key().public_numbers().e == 65537
    for bad in (1024, 2047, 8192):
        with pytest.raises(InputError, match=f"{bad} bits") as info:
            generate_private_key(bad)
        assert "2048, 3072 or 4096" in info.value.fix


def test_certificate_fields(rsa_key: rsa.RSAPrivateKey, generated: x509.Certificate) -> None:
    cert = generated
    assert cert.subject == cert.issuer
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "my-integration"
    assert cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "Example KK"
    assert cert.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)[0].value == "IT"
    assert cert.subject.get_attributes_for_oid(NameOID.COUNTRY_NAME)[0].value == "JP"
    assert isinstance(cert.signature_hash_algorithm, hashes.SHA256)
    assert cert.serial_number > 0
    assert cert.not_valid_after_utc - NOW == dt.timedelta(days=365)
    assert cert.not_valid_before_utc <= NOW
    basic = cert.extensions.get_extension_for_oid(ExtensionOID.BASIC_CONSTRAINTS)
    assert basic.critical
    assert basic.value.ca is False
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature
    assert not usage.key_cert_sign
    ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert ski == x509.SubjectKeyIdentifier.from_public_key(rsa_key.public_key())
    cert.verify_directly_issued_by(cert)


def test_serials_are_random(rsa_key: rsa.RSAPrivateKey) -> None:
    serials = {self_signed_certificate(rsa_key, Subject("x")).serial_number for _ in range(5)}
    assert len(serials) == 5


def test_validity_rules(rsa_key: rsa.RSAPrivateKey) -> None:
    assert check_validity_days(365) == []
    assert check_validity_days(3650) == []
    assert "more than 10 years" in check_validity_days(3651)[0]
    for bad in (0, -5, 40000):
        with pytest.raises(InputError, match=f"{bad} days"):
            self_signed_certificate(rsa_key, Subject("x"), bad)


@pytest.mark.parametrize(
    ("subject", "match"),
    [(Subject(""), "common name"), (Subject("x", c="JPN"), "two-letter"), (Subject("x" * 65), "64 at most")],
)
def test_bad_subjects(rsa_key: rsa.RSAPrivateKey, subject: Subject, match: str) -> None:
    with pytest.raises(InputError) as info:
        self_signed_certificate(rsa_key, subject)
    assert match in str(info.value)


@pytest.mark.interop
def test_openssl_reads_our_certificate(generated: x509.Certificate, tmp_path: Path) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    path = tmp_path / "c.crt"
    path.write_bytes(generated.public_bytes(serialization.Encoding.PEM))
    text = subprocess.run(["openssl", "x509", "-in", str(path), "-noout", "-text", "-fingerprint", "-sha256"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "Basic Constraints: critical" in text
    assert "CA:FALSE" in text
    assert "Digital Signature" in text
    assert "Subject Key Identifier" in text
    assert "sha256WithRSAEncryption" in text
    assert "C = JP, O = Example KK, OU = IT, CN = my-integration" in text
    inspection = inspect_material(LoadedMaterial(None, generated), now=NOW)
    assert f"sha256 Fingerprint={inspection.sha256_fingerprint}" in text


def test_inspection_of_key_and_certificate(rsa_key: rsa.RSAPrivateKey, generated: x509.Certificate) -> None:
    inspection = inspect_material(LoadedMaterial(rsa_key, generated, source_format="test"), now=NOW)
    data = inspection.to_json()
    for required in ("kind", "key_type", "key_bits", "subject", "issuer", "serial", "not_before", "not_after",
                     "days_left", "sha1_fingerprint", "sha256_fingerprint", "key_matches_certificate", "repairs",
                     "warnings"):  # fmt: skip
        assert required in data
    assert data["kind"] == "private_key_and_certificate"
    assert (data["key_type"], data["key_bits"]) == ("RSA", 2048)
    assert data["subject"] == "CN=my-integration,OU=IT,O=Example KK,C=JP"
    assert data["serial"] == f"{generated.serial_number:X}"
    assert data["not_after"] == "2027-06-01T12:00:00Z"
    assert data["days_left"] == 365
    assert data["key_matches_certificate"] is True
    assert data["self_signed"] is True
    assert data["warnings"] == []
    fingerprint = generated.fingerprint(hashes.SHA256()).hex().upper()
    assert data["sha256_fingerprint"].replace(":", "") == fingerprint
    assert len(data["sha1_fingerprint"].split(":")) == 20


def test_mismatch_is_reported(generated: x509.Certificate) -> None:
    other = generate_private_key(2048)
    inspection = inspect_material(LoadedMaterial(other, generated), now=NOW)
    assert inspection.key_matches_certificate is False
    assert any("does not belong" in w for w in inspection.warnings)


@pytest.mark.parametrize(
    ("moment", "days_left", "warning"),
    [
        (dt.datetime(2027, 5, 22, 12, 0, tzinfo=dt.UTC), 10, "expires in 10 days"),
        (dt.datetime(2027, 5, 2, 11, 0, tzinfo=dt.UTC), 31, None),  # 30 days 1 hour: 31 started days
        (dt.datetime(2027, 5, 2, 13, 0, tzinfo=dt.UTC), 30, "expires in 30 days"),  # 29 d 23 h; reaching 30 warns
        (dt.datetime(2027, 5, 3, 13, 0, tzinfo=dt.UTC), 29, "expires in 29 days"),  # 28 days 23 hours
        (dt.datetime(2027, 7, 1, 12, 0, tzinfo=dt.UTC), -30, "expired on 2027-06-01T12:00:00Z"),
        (dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.UTC), 396, "not valid yet"),
    ],
)
def test_expiry_warnings(generated: x509.Certificate, moment: dt.datetime, days_left: int, warning: str | None) -> None:
    inspection = inspect_material(LoadedMaterial(None, generated), now=moment)
    assert inspection.kind == "certificate"
    assert inspection.days_left == days_left
    if warning is None:
        assert inspection.warnings == []
    else:
        assert any(warning in w for w in inspection.warnings), inspection.warnings


def test_long_validity_is_flagged(rsa_key: rsa.RSAPrivateKey) -> None:
    cert = self_signed_certificate(rsa_key, Subject("long"), 4000, now=NOW)
    inspection = inspect_material(load_material(cert.public_bytes(serialization.Encoding.PEM)), now=NOW)
    assert any("more than 10 years" in w for w in inspection.warnings)


def test_key_only_inspection(rsa_key: rsa.RSAPrivateKey) -> None:
    inspection = inspect_material(LoadedMaterial(rsa_key, None))
    assert inspection.kind == "private_key"
    assert inspection.subject is None
    assert inspection.key_matches_certificate is None
    assert inspection.public_key_sha256 is not None


def test_non_rsa_certificate_is_inspected_with_a_warning() -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "tls")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(NOW)
        .not_valid_after(NOW + dt.timedelta(days=90))
        .sign(key, hashes.SHA256())
    )
    inspection = inspect_material(load_material(cert.public_bytes(serialization.Encoding.PEM)), now=NOW)
    assert inspection.key_type == "EC (secp256r1)"
    assert inspection.key_bits == 256
    assert any("not RSA" in w for w in inspection.warnings)
