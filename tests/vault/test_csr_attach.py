"""Certificate signing requests and CA-issued certificates for a key in the keyring, checked with real openssl:
``openssl req -verify`` accepts the CSR, a test CA made here with openssl issues the certificate, ``keys
attach-cert`` stores it, and a token signed with the key verifies against it. A certificate for another key is
refused with exit 1 naming both public-key fingerprints, and nothing changes."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from memory_backend import MemoryKeyring
from vault_helpers import run

from sfjwt_gui.core.csr import certificate_for_key, make_csr, request_subject
from sfjwt_gui.core.errors import CertificateError
from sfjwt_gui.core.fingerprints import colon_hex, public_key_der
from sfjwt_gui.core.jwt_codec import decode, sign, verify
from sfjwt_gui.core.key_generation import Subject, self_signed_certificate
from sfjwt_gui.core.key_texts import describe_error


def _openssl(*args: str, cwd: Path) -> str:
    done = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


def _test_ca(folder: Path) -> tuple[Path, Path]:
    """A throw-away CA: key and self-signed CA certificate, made by openssl itself."""
    key, cert = folder / "ca.key", folder / "ca.crt"
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
             "-days", "30", "-subj", "/CN=sfjwt test CA/O=Test CA", cwd=folder)  # fmt: skip
    return key, cert


def _issue(folder: Path, csr: Path, ca: tuple[Path, Path], out: str = "issued.crt") -> Path:
    issued = folder / out
    _openssl("x509", "-req", "-in", str(csr), "-CA", str(ca[1]), "-CAkey", str(ca[0]), "-CAcreateserial",
             "-days", "365", "-sha256", "-out", str(issued), cwd=folder)  # fmt: skip
    return issued


def _key_sha256(key: Any) -> str:
    return colon_hex(hashlib.sha256(public_key_der(key)).digest())


@pytest.fixture
def stored_key(backend: MemoryKeyring, capsys: pytest.CaptureFixture[str], rsa_key: Any) -> str:
    """Key 'acme' in the keyring with its self-signed certificate (subject O/OU/C/CN), as keygen leaves it."""
    from sfjwt_gui.core.vault import Vault

    cert = self_signed_certificate(rsa_key, Subject("acme-int", o="Acme KK", ou="IT", c="JP"), 365)
    Vault().save("acme", rsa_key, cert)
    return "acme"


def test_csr_ca_certificate_attach_and_verify_with_openssl(
    stored_key: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, rsa_key: Any
) -> None:
    csr = tmp_path / "acme.csr"
    code, out, err = run(capsys, "keys", "csr", stored_key, "--out", str(csr), "--org", "Acme Corp", "--json")
    assert code == 0, err
    assert out["subject"] == "CN=acme-int,OU=IT,O=Acme Corp,C=JP"  # --org wins, the rest from the current certificate
    assert out["public_key_sha256"] == _key_sha256(rsa_key)
    verified = _openssl("req", "-in", str(csr), "-noout", "-verify", "-subject", cwd=tmp_path)
    assert "verify OK" in verified  # "Certificate request self-signature verify OK" (openssl 3)
    assert "Acme Corp" in verified
    # the public key in the request is the stored key's
    request = x509.load_pem_x509_csr(csr.read_bytes())
    assert public_key_der(request.public_key()) == public_key_der(rsa_key)  # type: ignore[arg-type]

    ca = _test_ca(tmp_path)
    issued = _issue(tmp_path, csr, ca)
    code, out, err = run(capsys, "keys", "attach-cert", stored_key, str(issued), "--json")
    assert code == 0, err
    assert out["replaced"] is True
    assert out["self_signed"] is False
    assert "sfjwt test CA" in out["inspection"]["issuer"]
    assert out["inspection"]["days_left"] == 365

    # the stored certificate is now the CA's, and a token signed with the stored key verifies against it
    code, shown, err = run(capsys, "keys", "show", stored_key, "--json")
    assert code == 0, err
    assert shown["self_signed"] is False
    assert shown["key_matches_certificate"] is True
    token = sign({"iss": "c", "sub": "u", "aud": "https://login.salesforce.com", "exp": 2_000_000_000}, rsa_key)
    stored_pem = issued.read_bytes()
    assert verify(decode(token), stored_pem).verified
    # and openssl agrees the CA issued it
    assert "OK" in _openssl("verify", "-CAfile", str(ca[1]), str(issued), cwd=tmp_path)


def test_attach_takes_the_leaf_out_of_a_bundle_with_its_chain(
    stored_key: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    csr = tmp_path / "acme.csr"
    assert run(capsys, "keys", "csr", stored_key, "--out", str(csr))[0] == 0
    ca = _test_ca(tmp_path)
    issued = _issue(tmp_path, csr, ca)
    bundle = tmp_path / "chain.pem"
    bundle.write_bytes(ca[1].read_bytes() + issued.read_bytes())  # CA first: the leaf is not the first certificate
    code, out, err = run(capsys, "keys", "attach-cert", stored_key, str(bundle), "--json")
    assert code == 0, err
    assert out["inspection"]["subject"].startswith("CN=acme-int")


def test_a_certificate_for_another_key_is_refused_naming_both_fingerprints(
    stored_key: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, rsa_key: Any, other_key: Any
) -> None:
    other_csr = tmp_path / "other.csr"
    other_csr.write_bytes(make_csr(other_key, Subject("other")).public_bytes(serialization.Encoding.PEM))
    issued = _issue(tmp_path, other_csr, _test_ca(tmp_path))
    code, shown_before, _ = run(capsys, "keys", "show", stored_key, "--json")
    code, _out, err = run(capsys, "keys", "attach-cert", stored_key, str(issued))
    assert code == 1
    assert _key_sha256(rsa_key) in err
    assert _key_sha256(other_key) in err
    assert "not for key 'acme'" in err
    code, shown_after, _ = run(capsys, "keys", "show", stored_key, "--json")
    assert shown_after["sha256_fingerprint"] == shown_before["sha256_fingerprint"]  # nothing changed


def test_mismatch_text_in_japanese_and_typed(rsa_key: Any, other_key: Any) -> None:
    foreign = self_signed_certificate(other_key, Subject("other"), 30)
    with pytest.raises(CertificateError) as info:
        certificate_for_key(rsa_key, [foreign], name="acme")
    message, fix = describe_error(info.value, "ja")
    assert _key_sha256(rsa_key) in message
    assert _key_sha256(other_key) in message
    assert "CSR" in fix
    with pytest.raises(CertificateError) as empty:
        certificate_for_key(rsa_key, [], name="acme")
    assert empty.value.code == "cert-attach-none"


def test_csr_subject_options_and_checks(
    stored_key: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, rsa_key: Any
) -> None:
    code, out, err = run(capsys, "keys", "csr", stored_key, "--out", "-", "--cn", "new-cn", "--country", "de")
    assert code == 0, err
    request = x509.load_pem_x509_csr(out.encode("ascii"))
    assert request.subject.rfc4514_string() == "CN=new-cn,OU=IT,O=Acme KK,C=DE"
    assert request.is_signature_valid
    code, _, err = run(capsys, "keys", "csr", stored_key, "--out", str(tmp_path / "x.csr"), "--country", "Japan")
    assert code == 1
    assert "'Japan'" in err
    (tmp_path / "taken.csr").write_text("keep me")
    code, _, err = run(capsys, "keys", "csr", stored_key, "--out", str(tmp_path / "taken.csr"))
    assert code == 1
    assert "already exists" in err
    assert (tmp_path / "taken.csr").read_text() == "keep me"
    code, _, err = run(capsys, "keys", "csr", "nope", "--out", str(tmp_path / "n.csr"))
    assert code == 3
    assert "'nope'" in err
    # without a certificate the CN defaults to the key's name
    assert request_subject("acme", None) == Subject("acme")


def test_keys_import_of_a_certificate_attaches_the_same_way(
    stored_key: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, rsa_key: Any, other_key: Any
) -> None:
    foreign = tmp_path / "foreign.crt"
    foreign.write_bytes(self_signed_certificate(other_key, Subject("x"), 30).public_bytes(serialization.Encoding.PEM))
    code, _, err = run(capsys, "keys", "import", str(foreign), "--name", stored_key)
    assert code == 1
    assert _key_sha256(rsa_key) in err
    assert _key_sha256(other_key) in err


def test_csr_and_attach_on_the_real_secret_service(
    secret_service_keyring: Any, data_dir: Path, tmp_path: Path, rsa_key: Any
) -> None:
    """The same round trip through core on the real keyring (CI: gnome-keyring on a private D-Bus session)."""
    from sfjwt_gui.core.csr import attach_certificate, csr_pem
    from sfjwt_gui.core.vault import Vault

    vault = Vault(backend=secret_service_keyring, index_dir=data_dir, service="sfjwt-gui-test-csr")
    try:
        vault.save("real", rsa_key, self_signed_certificate(rsa_key, Subject("real-cn"), 365))
        csr = tmp_path / "real.csr"
        csr.write_bytes(csr_pem(make_csr(vault.load("real"), request_subject("real", vault.load_certificate("real")))))
        assert "verify OK" in _openssl("req", "-in", str(csr), "-noout", "-verify", cwd=tmp_path)
        issued = x509.load_pem_x509_certificate(_issue(tmp_path, csr, _test_ca(tmp_path)).read_bytes())
        result = attach_certificate(vault, "real", [issued])
        assert result.replaced
        assert not result.self_signed
        assert vault.load_certificate("real") == issued
    finally:
        vault.delete("real")
