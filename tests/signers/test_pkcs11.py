"""Keys inside a real PKCS#11 token (SoftHSM2): generate, certify, sign assertions, get tokens from the practice org,
export only the certificate, and clear errors for a wrong PIN, a missing token and a missing object."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from jwcrypto import jwk, jws

from sfjwt_gui.cli import main
from sfjwt_gui.core.errors import KeyExistsError, PinRequiredError, WrongPinError
from sfjwt_gui.core.inspection import inspect_material, inspect_signer
from sfjwt_gui.core.jwt_codec import decode, sign, verify
from sfjwt_gui.core.lint import lint
from sfjwt_gui.core.material import LoadedMaterial
from sfjwt_gui.core.signers import close_signer, generate_signer, open_signer
from sfjwt_gui.practice.server import PracticeServer

pytestmark = pytest.mark.interop


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any], str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    out = captured.out.strip()
    return code, (json.loads(out) if out.startswith("{") else {}), captured.err


def _keygen(capsys: pytest.CaptureFixture[str], token: str, tmp_path: Path, label: str = "acme") -> dict[str, Any]:
    code, out, err = _run(
        capsys,
        "keygen", "--in", f"pkcs11:token={token};object={label}", "--pin-env", "SFJWT_TEST_PIN",
        "--cn", "acme-integration", "--org", "Acme", "--org-unit", "IT", "--country", "JP",
        "--cert-out", str(tmp_path / f"{label}.crt"), "--csr-out", str(tmp_path / f"{label}.csr"), "--json",
    )  # fmt: skip
    assert code == 0, err
    return out


def test_keygen_in_token_makes_a_certificate_and_csr_that_openssl_verifies(
    capsys: pytest.CaptureFixture[str], token: str, tmp_path: Path
) -> None:
    out = _keygen(capsys, token, tmp_path)
    crt, csr = tmp_path / "acme.crt", tmp_path / "acme.csr"
    verified = subprocess.run(["openssl", "verify", "-CAfile", crt, crt], capture_output=True, text=True, check=False)
    assert verified.returncode == 0, verified.stderr
    assert f"{crt}: OK" in verified.stdout
    request = subprocess.run(["openssl", "req", "-in", csr, "-verify", "-noout", "-subject"], capture_output=True,
                             text=True, check=False)  # fmt: skip
    assert request.returncode == 0, request.stderr
    assert "verify OK" in request.stdout + request.stderr
    assert "CN = acme-integration" in request.stdout
    text = subprocess.run(["openssl", "x509", "-in", crt, "-noout", "-text"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "CA:FALSE" in text
    assert "Digital Signature" in text
    assert "Subject Key Identifier" in text
    assert "sha256WithRSAEncryption" in text
    assert "C = JP, O = Acme, OU = IT, CN = acme-integration" in text
    assert out["backend"] == "pkcs11"
    assert out["certificate_stored_with_key"] is True
    assert out["key_matches_certificate"] is True
    assert out["key_bits"] == 2048
    assert out["reference"].startswith(f"pkcs11:token={token};object=acme;id=%")
    cert = x509.load_pem_x509_certificate(crt.read_bytes())
    assert out["sha256_fingerprint"] == inspect_material(LoadedMaterial(None, cert)).sha256_fingerprint


def test_the_private_key_cannot_be_read_out_of_the_token(
    capsys: pytest.CaptureFixture[str], token: str, tmp_path: Path, softhsm: str
) -> None:
    import pkcs11

    _keygen(capsys, token, tmp_path)
    lib = pkcs11.lib(softhsm)
    with lib.get_token(token_label=token).open(user_pin="246810") as session:
        key = session.get_key(object_class=pkcs11.ObjectClass.PRIVATE_KEY, label="acme")
        assert key[pkcs11.Attribute.SENSITIVE] is True
        assert key[pkcs11.Attribute.EXTRACTABLE] is False
        with pytest.raises(pkcs11.exceptions.AttributeSensitive):
            key[pkcs11.Attribute.PRIVATE_EXPONENT]


def test_sign_and_token_against_the_practice_org(
    capsys: pytest.CaptureFixture[str], token: str, tmp_path: Path
) -> None:
    out = _keygen(capsys, token, tmp_path)
    ref = out["reference"]
    cert = x509.load_pem_x509_certificate((tmp_path / "acme.crt").read_bytes())
    with PracticeServer(certificate=cert, tls=True) as org:
        code, signed, err = _run(
            capsys, "sign", "--key", ref, "--pin-env", "SFJWT_TEST_PIN", "--iss", org.consumer_key,
            "--sub", org.username, "--preset", "production", "--json",
        )  # fmt: skip
        assert code == 0, err
        # an independent JOSE library verifies the token with the certificate's key
        spki = serialization.PublicFormat.SubjectPublicKeyInfo
        public = jwk.JWK.from_pem(cert.public_key().public_bytes(serialization.Encoding.PEM, spki))
        checked = jws.JWS()
        checked.deserialize(signed["token"])
        checked.verify(public, alg="RS256")
        code, got, err = _run(
            capsys, "token", "--key", ref, "--pin-env", "SFJWT_TEST_PIN", "--iss", org.consumer_key,
            "--sub", org.username, "--endpoint", org.token_url, "--ca-bundle", str(org.ca_file),
            "--cert", str(tmp_path / "acme.crt"), "--json",
        )  # fmt: skip
        assert code == 0, err
        assert got["outcome"] == "success"
        assert got["token"]["org_id"].startswith("00D")
        # the same reference, the token's certificate object: lint finds nothing wrong with key and certificate
        code, linted, err = _run(
            capsys, "lint", signed["token"], "--key", ref, "--pin-env", "SFJWT_TEST_PIN",
            "--cert", str(tmp_path / "acme.crt"), "--endpoint", org.token_url, "--json",
        )  # fmt: skip
        assert code == 0, err
        rules = {finding["rule"] for finding in linted["findings"]}
        assert not rules & {"signature-invalid", "key-certificate-mismatch", "key-too-small"}


def test_core_api_for_the_window(token: str, rsa_cert: x509.Certificate) -> None:
    """What the window calls: open needs the PIN (typed error), signs, describes, compares, and a mismatch shows."""
    reference = f"pkcs11:token={token};object=win"
    with pytest.raises(PinRequiredError) as asked:
        generate_signer(reference)
    assert asked.value.token == repr(token)
    assert asked.value.reference == reference
    made = generate_signer(reference, pin="246810")
    close_signer(made)
    with pytest.raises(KeyExistsError):
        generate_signer(reference, pin="246810")
    with pytest.raises(WrongPinError):
        open_signer(reference, pin="000000")
    signer = open_signer(made.reference, pin="246810")
    try:
        token_text = sign({"iss": "3MVG9x", "sub": "u@example.com", "aud": "https://login.salesforce.com"}, signer)
        assert verify(decode(token_text), signer.public_key()).verified
        assert not verify(decode(token_text), rsa_cert).verified
        described = inspect_signer(signer)
        assert described.kind == "private_key"
        assert described.source_format == "PKCS#11 token"
        assert described.key_bits == 2048
        assert described.public_key_sha256
        rules = {f.rule for f in lint(token_text, certificate=rsa_cert, private_key=signer)}
        assert {"key-certificate-mismatch", "signature-invalid"} <= rules
    finally:
        close_signer(signer)


def test_keys_export_offers_the_certificate_never_the_key(
    capsys: pytest.CaptureFixture[str], token: str, tmp_path: Path
) -> None:
    ref = _keygen(capsys, token, tmp_path)["reference"]
    code, _, err = _run(capsys, "keys", "export", ref, "--format", "crt", "--out", str(tmp_path / "again.crt"),
                        "--pin-env", "SFJWT_TEST_PIN")  # fmt: skip
    assert code == 0, err
    assert (tmp_path / "again.crt").read_bytes() == (tmp_path / "acme.crt").read_bytes()
    code, shown, err = _run(capsys, "keys", "show", ref, "--pin-env", "SFJWT_TEST_PIN", "--json")
    assert code == 0, err
    assert shown["backend"] == "pkcs11"
    assert shown["key_matches_certificate"] is True
    assert (
        shown["sha256_fingerprint"]
        == inspect_material(
            LoadedMaterial(None, x509.load_pem_x509_certificate((tmp_path / "acme.crt").read_bytes()))
        ).sha256_fingerprint
    )
    for fmt in ("pkcs8", "p12", "jks"):
        code, out, err = _run(capsys, "keys", "export", ref, "--format", fmt, "--out", str(tmp_path / f"k.{fmt}"),
                              "--json")  # fmt: skip
        assert code == 1
        assert out["error"]["type"] == "ExportError"
        assert "cannot be exported" in err
        assert "--format crt" in err
        assert not (tmp_path / f"k.{fmt}").exists()


def _sign_args(ref: str) -> list[str]:
    return ["sign", "--key", ref, "--iss", "3MVG9x", "--sub", "u@example.com", "--preset", "production", "--json"]


@pytest.mark.parametrize(
    ("reference", "pin_var", "code", "kind", "words"),
    [
        ("pkcs11:token={token};object=acme", "SFJWT_WRONG_PIN", 1, "WrongPinError", "refused the PIN"),
        ("pkcs11:token={token}-gone;object=acme", "SFJWT_TEST_PIN", 3, "TokenNotFoundError", "No PKCS#11 token"),
        ("pkcs11:token={token};object=missing", "SFJWT_TEST_PIN", 3, "KeyNotFoundError", "holds no RSA private key"),
        ("pkcs11:token={token};object=acme", None, 1, "PinRequiredError", "needs its user PIN"),
        ("pkcs11:token={token};object=acme?pin-value=246810", None, 1, "KeyReferenceError", "carries the PIN"),
        ("pkcs11:token={token};objekt=acme", None, 1, "KeyReferenceError", "unknown attribute 'objekt'"),
    ],
)
def test_clear_errors_with_exit_codes(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    token: str,
    tmp_path: Path,
    reference: str,
    pin_var: str | None,
    code: int,
    kind: str,
    words: str,
) -> None:
    _keygen(capsys, token, tmp_path)
    monkeypatch.setenv("SFJWT_WRONG_PIN", "999999")
    argv = _sign_args(reference.format(token=token)) + (["--pin-env", pin_var] if pin_var else [])
    got, out, err = _run(capsys, *argv)
    assert got == code, err
    assert out["error"]["type"] == kind
    assert words in err
    assert err.startswith("sfjwt: error: ")
    assert "Traceback" not in err
    assert "246810" not in err + json.dumps(out)  # the PIN never shows


def test_no_module_and_token_command_say_nothing_was_sent(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, token: str
) -> None:
    monkeypatch.delenv("SFJWT_PKCS11_MODULE")
    got, out, err = _run(capsys, *_sign_args(f"pkcs11:token={token};object=acme"))
    assert got == 1
    assert out["error"]["type"] == "KeyReferenceError"
    assert "SFJWT_PKCS11_MODULE" in err
    got, out, err = _run(
        capsys, "token", "--key", f"pkcs11:token={token};object=acme", "--pkcs11-module", "/nonexistent/p11.so",
        "--iss", "3MVG9x", "--sub", "u@example.com", "--endpoint", "https://127.0.0.1:9", "--json",
    )  # fmt: skip
    assert got == 3  # an unloadable module is a backend problem: exit 3, as `sign` says for the same module
    assert out["outcome"] == "local"
    assert out["diagnosis"]["id"] == "local-problem"
    assert "/nonexistent/p11.so" in json.dumps(out)


def test_looking_for_a_missing_token_never_breaks_an_open_signer(token: str) -> None:
    """The module is re-initialised to find newly plugged tokens only while no session of ours is open."""
    from sfjwt_gui.core.errors import TokenNotFoundError

    signer = generate_signer(f"pkcs11:token={token};object=busy", pin="246810")
    try:
        with pytest.raises(TokenNotFoundError):
            open_signer(f"pkcs11:token={token}-unplugged;object=busy", pin="246810")
        signature = signer.sign(b"still logged in")
        assert len(signature) == 256
    finally:
        close_signer(signer)
        close_signer(signer)  # twice: harmless


def test_sign_as_code_signs_with_the_token(capsys: pytest.CaptureFixture[str], token: str, tmp_path: Path) -> None:
    ref = _keygen(capsys, token, tmp_path)["reference"]
    base = ["sign", "--key", ref, "--pin-env", "SFJWT_TEST_PIN", "--iss", "3MVG9x", "--sub", "u@example.com",
            "--preset", "production"]  # fmt: skip
    code, _, err = _run(capsys, *base, "--as", "python")
    assert code == 0, err
    code = main([*base, "--as", "python"])
    text = capsys.readouterr().out
    assert "Mechanism.SHA256_RSA_PKCS" in text
    assert f'TOKEN_LABEL = "{token}"' in text
    code, out, err = _run(capsys, *base, "--as", "sf", "--json")
    assert code == 1
    assert out["error"]["type"] == "ExportError"
