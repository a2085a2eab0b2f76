"""Our exports are read by the real openssl and keytool with the same fingerprints, and read back by our importer."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from sfjwt_gui.core import jks
from sfjwt_gui.core.errors import ExportError, WrongPassphraseError
from sfjwt_gui.core.fingerprints import sha1_fingerprint, sha256_fingerprint
from sfjwt_gui.core.keys import (
    export_certificate,
    export_jks,
    export_pkcs12,
    export_private_key_pkcs8,
    generate_private_key,
    load_material,
    read_jks,
)

from .conftest import keytool_fingerprints, keytool_list, need, openssl_fingerprint, openssl_modulus, run

PASSWORD = "store-pass-123"


@pytest.fixture
def pair(rsa_key: rsa.RSAPrivateKey, rsa_cert: x509.Certificate) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    return rsa_key, rsa_cert


# --- certificate --------------------------------------------------------------------------------------------------


@pytest.mark.interop
@pytest.mark.parametrize(("fmt", "der"), [("crt", False), ("cer", True)])
def test_certificate_exports_read_by_openssl(pair: tuple, tmp_path: Path, fmt: str, der: bool) -> None:
    need("openssl")
    _, cert = pair
    path = tmp_path / f"cert.{fmt}"
    path.write_bytes(export_certificate(cert, fmt))
    assert openssl_fingerprint(path, "sha1", der=der) == sha1_fingerprint(cert)
    assert openssl_fingerprint(path, "sha256", der=der) == sha256_fingerprint(cert)
    assert load_material(path.read_bytes()).certificate == cert


def test_certificate_format_must_be_known(pair: tuple) -> None:
    with pytest.raises(ExportError, match="'pem'"):
        export_certificate(pair[1], "pem")


# --- PKCS#8 -------------------------------------------------------------------------------------------------------


@pytest.mark.interop
def test_encrypted_pkcs8_read_by_openssl(pair: tuple, tmp_path: Path) -> None:
    need("openssl")
    key, _ = pair
    data = export_private_key_pkcs8(key, b"pkcs8-pass")
    assert data.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    path = tmp_path / "key.pem"
    path.write_bytes(data)
    assert openssl_modulus(path, passin="pkcs8-pass") == key.public_key().public_numbers().n
    info = run(["openssl", "asn1parse", "-in", str(path)])
    assert "PBES2" in info
    assert "aes-256-cbc" in info.lower()
    with pytest.raises(WrongPassphraseError):
        load_material(data, b"other")


def test_unencrypted_pkcs8_only_when_asked(pair: tuple) -> None:
    key, _ = pair
    with pytest.raises(ExportError, match="No passphrase") as info:
        export_private_key_pkcs8(key, None)
    assert "--insecure-unencrypted" in info.value.fix
    with pytest.raises(ExportError):
        export_private_key_pkcs8(key, b"")
    plain = export_private_key_pkcs8(key, None, insecure_unencrypted=True)
    assert plain.startswith(b"-----BEGIN PRIVATE KEY-----")
    loaded = load_material(plain).private_key
    assert loaded is not None
    assert loaded.private_numbers() == key.private_numbers()


# --- PKCS#12 ------------------------------------------------------------------------------------------------------


@pytest.mark.interop
def test_pkcs12_read_by_openssl_and_keytool(pair: tuple, tmp_path: Path) -> None:
    need("openssl")
    need("keytool")
    key, cert = pair
    path = tmp_path / "bundle.p12"
    path.write_bytes(export_pkcs12(key, cert, PASSWORD.encode(), "My Integration"))
    certs = run(["openssl", "pkcs12", "-in", str(path), "-passin", f"pass:{PASSWORD}", "-nokeys", "-out",
                 str(tmp_path / "from-p12.crt")])  # fmt: skip
    assert "error" not in certs.lower()
    assert openssl_fingerprint(tmp_path / "from-p12.crt", "sha256") == sha256_fingerprint(cert)
    run(["openssl", "pkcs12", "-in", str(path), "-passin", f"pass:{PASSWORD}", "-nocerts", "-nodes", "-out",
         str(tmp_path / "from-p12.key")])  # fmt: skip
    assert openssl_modulus(tmp_path / "from-p12.key") == key.public_key().public_numbers().n
    listing = keytool_list(path, PASSWORD, "PKCS12")
    assert "Alias name: my integration" in listing
    assert "PrivateKeyEntry" in listing
    assert keytool_fingerprints(listing) == {"sha1": sha1_fingerprint(cert), "sha256": sha256_fingerprint(cert)}
    loaded = load_material(path.read_bytes(), PASSWORD.encode())
    assert loaded.certificate == cert
    assert loaded.private_key is not None


def test_pkcs12_needs_password_and_matching_pair(pair: tuple) -> None:
    key, cert = pair
    with pytest.raises(ExportError, match="No password"):
        export_pkcs12(key, cert, b"", "x")
    with pytest.raises(ExportError, match="does not belong"):
        export_pkcs12(generate_private_key(2048), cert, b"pw", "x")


# --- JKS ----------------------------------------------------------------------------------------------------------


@pytest.mark.interop
def test_jks_read_by_keytool(pair: tuple, tmp_path: Path) -> None:
    need("keytool")
    need("openssl")
    key, cert = pair
    path = tmp_path / "salesforce.jks"
    path.write_bytes(export_jks(key, cert, PASSWORD, "My_Cert"))
    listing = keytool_list(path, PASSWORD, "JKS")
    assert "Keystore type: JKS" in listing
    assert "Your keystore contains 1 entry" in listing
    assert "Alias name: my_cert" in listing  # lower case, as keytool stores aliases
    assert "Entry type: PrivateKeyEntry" in listing
    assert keytool_fingerprints(listing) == {"sha1": sha1_fingerprint(cert), "sha256": sha256_fingerprint(cert)}
    # keytool can also recover the key with key password = store password (what Salesforce's import does)
    run(["keytool", "-importkeystore", "-srckeystore", str(path), "-srcstoretype", "JKS", "-srcstorepass", PASSWORD,
         "-srcalias", "my_cert", "-srckeypass", PASSWORD, "-destkeystore", str(tmp_path / "out.p12"),
         "-deststoretype", "PKCS12", "-deststorepass", PASSWORD])  # fmt: skip
    run(["openssl", "pkcs12", "-in", str(tmp_path / "out.p12"), "-passin", f"pass:{PASSWORD}", "-nocerts", "-nodes",
         "-out", str(tmp_path / "out.key")])  # fmt: skip
    assert openssl_modulus(tmp_path / "out.key") == key.public_key().public_numbers().n


@pytest.mark.interop
def test_jks_wrong_password_rejected_by_keytool(pair: tuple, tmp_path: Path) -> None:
    need("keytool")
    key, cert = pair
    path = tmp_path / "k.jks"
    path.write_bytes(export_jks(key, cert, PASSWORD, "k"))
    import subprocess

    proc = subprocess.run(["keytool", "-list", "-keystore", str(path), "-storepass", "wrong-password"],
                          capture_output=True, text=True)  # fmt: skip
    assert proc.returncode != 0
    assert "password was incorrect" in (proc.stdout + proc.stderr)


@pytest.mark.interop
def test_jks_non_ascii_alias_round_trip_with_keytool(pair: tuple, tmp_path: Path) -> None:
    need("keytool")
    key, cert = pair
    path = tmp_path / "u.jks"
    path.write_bytes(export_jks(key, cert, PASSWORD, "Clé-証明書"))
    listing = keytool_list(path, PASSWORD, "JKS")
    assert re.search(r"Alias name: clé-証明書", listing), listing[:400]
    assert read_jks(path.read_bytes(), PASSWORD).private_keys[0].alias == "clé-証明書"


def test_jks_round_trip_and_key_password(pair: tuple) -> None:
    key, cert = pair
    when = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    pkcs8 = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    data = jks.write_jks(pkcs8, [cert], PASSWORD, "alias", timestamp=when)
    assert data[:8] == b"\xfe\xed\xfe\xed\x00\x00\x00\x02"
    assert pkcs8 not in data  # the key is protected, not stored in the clear
    store = read_jks(data, PASSWORD)
    entry = store.private_keys[0]
    assert entry.alias == "alias"
    assert entry.timestamp == when
    assert isinstance(entry.private_key, rsa.RSAPrivateKey)
    assert entry.private_key.private_numbers() == key.private_numbers()
    assert entry.certificate_chain == [cert]
    with pytest.raises(WrongPassphraseError, match="key password"):
        read_jks(data, PASSWORD, key_password="another-one")


def test_jks_export_rules(pair: tuple) -> None:
    key, cert = pair
    with pytest.raises(ExportError, match="5 characters"):
        export_jks(key, cert, "short", "a")
    with pytest.raises(ExportError, match="alias is empty"):
        export_jks(key, cert, PASSWORD, "  ")
    with pytest.raises(ExportError, match="does not belong"):
        export_jks(generate_private_key(2048), cert, PASSWORD, "a")
