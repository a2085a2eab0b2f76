"""Every import format, made at test time by openssl, ssh-keygen and keytool, loads to the same key and certificate."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from sfjwt_gui.core.errors import (
    KeyFormatError,
    KeystoreAliasError,
    KeyTooSmallError,
    PassphraseRequiredError,
    UnsupportedKeyError,
    WrongPassphraseError,
)
from sfjwt_gui.core.fingerprints import key_matches_certificate, sha1_fingerprint, sha256_fingerprint
from sfjwt_gui.core.keys import inspect_material, load_certificate, load_file, load_material, load_public_key

from .conftest import PASS, ToolFiles

pytestmark = pytest.mark.interop

OPENSSL_KEYS = [
    ("pkcs8.pem", None, "PEM PKCS#8"),
    ("pkcs1.pem", None, "PEM PKCS#1"),
    ("pkcs1.der", None, "DER PKCS#1"),
    ("pkcs8.der", None, "DER PKCS#8"),
    ("enc-pkcs8.pem", PASS, "PEM encrypted PKCS#8"),
    ("enc-pkcs8.der", PASS, "DER encrypted PKCS#8"),
    ("traditional-aes.pem", PASS, "PEM PKCS#1 traditional encrypted (AES-256-CBC)"),
    ("traditional-des3.pem", PASS, "PEM PKCS#1 traditional encrypted (DES-EDE3-CBC)"),
]


@pytest.mark.parametrize(("name", "passphrase", "fmt"), OPENSSL_KEYS)
def test_openssl_private_keys_load_to_the_same_key(
    openssl_files: ToolFiles, name: str, passphrase: str | None, fmt: str
) -> None:
    material = load_file(openssl_files[name], passphrase.encode() if passphrase else None)
    assert material.private_key is not None
    assert material.private_key.public_key().public_numbers().n == openssl_files.modulus
    assert material.source_format == fmt
    assert material.certificate is None
    assert material.source_name == name
    inspection = inspect_material(material)
    assert (inspection.kind, inspection.key_type, inspection.key_bits) == ("private_key", "RSA", 2048)
    assert inspection.source_format == fmt


@pytest.mark.parametrize("name", ["cert.pem", "cert.der"])
def test_openssl_certificates_have_openssls_fingerprints(openssl_files: ToolFiles, name: str) -> None:
    material = load_file(openssl_files[name])
    assert material.private_key is None
    assert material.certificate is not None
    assert sha1_fingerprint(material.certificate) == openssl_files.sha1
    assert sha256_fingerprint(material.certificate) == openssl_files.sha256
    assert load_certificate(openssl_files[name].read_bytes()).serial_number == material.certificate.serial_number
    assert load_public_key(openssl_files[name].read_bytes()).public_numbers().n == openssl_files.modulus
    inspection = inspect_material(material)
    assert inspection.kind == "certificate"
    assert inspection.sha1_fingerprint == openssl_files.sha1
    assert inspection.sha256_fingerprint == openssl_files.sha256
    assert inspection.subject == "CN=openssl-made,O=Example KK,C=JP"
    assert inspection.days_left in (364, 365)


@pytest.mark.parametrize(("name", "passphrase"), [("modern.p12", PASS), ("legacy.p12", PASS), ("nopass.p12", None)])
def test_pkcs12_modern_legacy_and_passwordless(openssl_files: ToolFiles, name: str, passphrase: str | None) -> None:
    material = load_file(openssl_files[name], passphrase.encode() if passphrase else None)
    assert material.source_format == "PKCS#12"
    assert material.private_key is not None
    assert material.certificate is not None
    assert material.private_key.public_key().public_numbers().n == openssl_files.modulus
    assert sha256_fingerprint(material.certificate) == openssl_files.sha256
    inspection = inspect_material(material)
    assert inspection.key_matches_certificate is True
    assert inspection.kind == "private_key_and_certificate"


def test_pem_with_certificate_and_key_together(openssl_files: ToolFiles) -> None:
    material = load_file(openssl_files["combined.pem"])
    assert material.source_format == "PEM certificate + PEM PKCS#1"
    assert material.private_key is not None
    assert material.certificate is not None
    assert key_matches_certificate(material.private_key, material.certificate)


def test_openssl_pkcs12_text_dump_with_bag_attributes(openssl_files: ToolFiles, tmp_path: Path) -> None:
    """``openssl pkcs12 -nodes`` output: indented "Bag Attributes" around the PEM blocks, which is not damage."""
    from .conftest import run

    dump = tmp_path / "dump.pem"
    run(["openssl", "pkcs12", "-in", str(openssl_files["modern.p12"]), "-passin", f"pass:{PASS}", "-nodes",
         "-out", str(dump)])  # fmt: skip
    assert "Bag Attributes" in dump.read_text()
    material = load_file(dump)
    assert material.repairs == []
    assert material.private_key is not None
    assert material.certificate is not None
    assert sha256_fingerprint(material.certificate) == openssl_files.sha256


def test_public_key_from_spki_pem(openssl_files: ToolFiles) -> None:
    public = load_public_key(openssl_files["public.pem"].read_text())
    assert public.public_numbers().n == openssl_files.modulus


def _ssh_public_modulus(private: Path) -> int:
    """The modulus as ssh-keygen + openssl see it (independent of our loader)."""
    spki = subprocess.run(["ssh-keygen", "-e", "-m", "PKCS8", "-f", f"{private}.pub"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    out = subprocess.run(["openssl", "rsa", "-pubin", "-noout", "-modulus"], input=spki,
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    return int(out.strip().split("=", 1)[1], 16)


@pytest.mark.parametrize(
    ("name", "passphrase", "fmt"),
    [("plain", None, "OpenSSH"), ("encrypted", PASS, "OpenSSH (encrypted)"), ("pem", None, "PEM PKCS#1")],
)
def test_openssh_private_keys(ssh_files: ToolFiles, name: str, passphrase: str | None, fmt: str) -> None:
    material = load_file(ssh_files[name], passphrase.encode() if passphrase else None)
    assert material.source_format == fmt
    assert material.private_key is not None
    assert material.private_key.public_key().public_numbers().n == _ssh_public_modulus(ssh_files[name])
    assert inspect_material(material).key_bits == 2048


def test_openssh_encrypted_errors(ssh_files: ToolFiles) -> None:
    with pytest.raises(PassphraseRequiredError, match="encrypted"):
        load_file(ssh_files["encrypted"])
    with pytest.raises(WrongPassphraseError, match="OpenSSH"):
        load_file(ssh_files["encrypted"], b"wrong")


def test_keytool_jks_imports_with_keytools_fingerprints(keytool_files: ToolFiles) -> None:
    material = load_file(keytool_files["jks"], PASS.encode())
    assert material.source_format == "JKS"
    assert material.private_key is not None
    assert material.certificate is not None
    assert sha1_fingerprint(material.certificate) == keytool_files.sha1
    assert sha256_fingerprint(material.certificate) == keytool_files.sha256
    exported = x509.load_pem_x509_certificate(keytool_files["exported.crt"].read_bytes())
    assert key_matches_certificate(material.private_key, exported)
    assert material.certificate.subject.rfc4514_string() == "CN=keytool-made,O=Example"
    inspection = inspect_material(material)
    assert inspection.key_matches_certificate is True
    assert inspection.sha256_fingerprint == keytool_files.sha256
    assert inspection.days_left in (199, 200)


def test_keytool_jks_alias_selection(keytool_files: ToolFiles) -> None:
    assert load_file(keytool_files["jks"], PASS.encode(), alias="SALESFORCECERT").private_key is not None
    with pytest.raises(KeystoreAliasError, match="no private key with alias 'other'") as info:
        load_file(keytool_files["jks"], PASS.encode(), alias="other")
    assert "salesforcecert" in info.value.fix
    assert info.value.aliases == ["salesforcecert"]  # typed: the window offers these without reading the file again
    assert info.value.requested == "other"


def test_keytool_jks_password_errors(keytool_files: ToolFiles) -> None:
    with pytest.raises(PassphraseRequiredError, match=r"store\.jks"):
        load_file(keytool_files["jks"])
    with pytest.raises(WrongPassphraseError, match=r"integrity check failed") as info:
        load_file(keytool_files["jks"], b"not-the-password")
    assert "store.jks" in info.value.message
    assert info.value.fix


def test_keystore_with_several_keys_and_a_trusted_certificate(keytool_files: ToolFiles, tmp_path: Path) -> None:
    """Like Salesforce's "Export to Keystore": every key of the org plus trusted certificates in one JKS."""
    from .conftest import run

    store = tmp_path / "org-export.jks"
    shutil.copy(keytool_files["jks"], store)
    run(["keytool", "-genkeypair", "-storetype", "JKS", "-keystore", str(store), "-storepass", PASS, "-keypass", PASS,
         "-alias", "second_cert", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=second"])  # fmt: skip
    run(["keytool", "-importcert", "-noprompt", "-storetype", "JKS", "-keystore", str(store), "-storepass", PASS,
         "-alias", "trusted", "-file", str(keytool_files["exported.crt"])])  # fmt: skip
    with pytest.raises(KeystoreAliasError, match="holds 2 private keys") as info:
        load_file(store, PASS.encode())
    assert isinstance(info.value, KeyFormatError)  # callers catching the broader class still do
    assert "salesforcecert" in info.value.message
    assert "second_cert" in info.value.message
    assert info.value.aliases == ["salesforcecert", "second_cert"]
    assert info.value.requested is None
    assert info.value.code == "load-jks-several-keys"
    material = load_file(store, PASS.encode(), alias="second_cert")
    assert material.certificate is not None
    assert material.private_key is not None
    assert material.certificate.subject.rfc4514_string() == "CN=second"
    assert key_matches_certificate(material.private_key, material.certificate)
    assert len(material.extra_certificates) == 1  # the trusted entry
    assert sha256_fingerprint(material.extra_certificates[0]) == keytool_files.sha256


def test_keytool_pkcs12(keytool_files: ToolFiles) -> None:
    material = load_file(keytool_files["p12"], PASS.encode())
    assert material.certificate is not None
    assert material.private_key is not None
    assert sha256_fingerprint(material.certificate) == keytool_files.sha256


# --- distinct errors --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["enc-pkcs8.pem", "enc-pkcs8.der", "traditional-aes.pem", "modern.p12", "legacy.p12"])
def test_missing_and_wrong_passphrase(openssl_files: ToolFiles, name: str) -> None:
    with pytest.raises(PassphraseRequiredError) as required:
        load_file(openssl_files[name])
    assert name in required.value.message
    assert "--passphrase" in required.value.fix
    with pytest.raises(WrongPassphraseError) as wrong:
        load_file(openssl_files[name], b"wrong-passphrase")
    assert name in wrong.value.message
    assert wrong.value.fix


@pytest.mark.parametrize(
    ("name", "what"), [("ec-sec1.pem", "EC"), ("ec-pkcs8.pem", "EC key"), ("ed25519.pem", "Ed25519")]
)
def test_non_rsa_keys_are_refused(openssl_files: ToolFiles, name: str, what: str) -> None:
    with pytest.raises(UnsupportedKeyError, match=what) as info:
        load_file(openssl_files[name])
    assert name in info.value.message
    assert "RSA" in info.value.fix


def test_rsa_1024_is_too_small(openssl_files: ToolFiles) -> None:
    with pytest.raises(KeyTooSmallError, match="1024 bits") as info:
        load_file(openssl_files["rsa1024.pem"])
    assert "rsa1024.pem" in info.value.message
    assert "2048" in info.value.fix


def test_csr_and_public_key_alone_are_explained(openssl_files: ToolFiles) -> None:
    with pytest.raises(KeyFormatError, match="signing request"):
        load_file(openssl_files["request.csr"])
    with pytest.raises(KeyFormatError, match="only a public key"):
        load_file(openssl_files["public.pem"])


def test_loaded_keys_are_rsa(openssl_files: ToolFiles) -> None:
    material = load_material(openssl_files["pkcs1.pem"].read_text())
    assert isinstance(material.private_key, rsa.RSAPrivateKey)
    assert material.source_name == "(pasted text)"


def test_der_pkcs7_csr_and_unknown_der_from_openssl(openssl_files: ToolFiles, tmp_path: Path) -> None:
    """DER files that are not keys: a .p7b bundle loads its certificates, a CSR and other DER get their own error."""
    p7b, csr = tmp_path / "bundle.p7b", tmp_path / "request.der"
    subprocess.run(["openssl", "crl2pkcs7", "-nocrl", "-certfile", str(openssl_files["cert.pem"]), "-outform", "DER",
                    "-out", str(p7b)], check=True, capture_output=True)  # fmt: skip
    subprocess.run(["openssl", "req", "-in", str(openssl_files["request.csr"]), "-outform", "DER", "-out", str(csr)],
                   check=True, capture_output=True)  # fmt: skip
    material = load_file(p7b)
    assert material.source_format == "DER PKCS#7 certificates"
    assert material.certificate is not None
    assert sha256_fingerprint(material.certificate) == openssl_files.sha256
    with pytest.raises(KeyFormatError, match="certificate signing request"):
        load_file(csr)
    # a DER SEQUENCE of two small integers: neither a key nor anything else sfjwt reads
    with pytest.raises(KeyFormatError, match="is DER data but not a key"):
        load_material(bytes.fromhex("3006020100020105"), source_name="tiny.der")
    assert load_file(openssl_files["pkcs1.der"]).source_format == "DER PKCS#1"  # still recognised
