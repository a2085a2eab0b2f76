"""Keys inside AWS KMS, against the moto emulator on loopback (a real AWS account was not tested): keygen --in
awskms:new, the certificate openssl verifies, assertions signed in KMS accepted by the practice org, and the errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import boto3
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from sfjwt_gui.cli import main
from sfjwt_gui.core.errors import KeyReferenceError, SignerBackendError
from sfjwt_gui.core.jwt_codec import decode, sign, verify
from sfjwt_gui.core.signers import open_signer
from sfjwt_gui.core.signers.awskms import AwsKmsSigner
from sfjwt_gui.practice.server import PracticeServer

pytestmark = pytest.mark.interop


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any], str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    out = captured.out.strip()
    return code, (json.loads(out) if out.startswith("{") else {}), captured.err


def _keygen(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> dict[str, Any]:
    code, out, err = _run(
        capsys, "keygen", "--in", "awskms:new", "--cn", "acme-kms", "--org", "Acme",
        "--cert-out", str(tmp_path / "kms.crt"), "--csr-out", str(tmp_path / "kms.csr"), "--json",
    )  # fmt: skip
    assert code == 0, err
    return out


def test_keygen_in_kms_and_a_token_from_the_practice_org(
    capsys: pytest.CaptureFixture[str], aws: str, tmp_path: Path
) -> None:
    out = _keygen(capsys, tmp_path)
    crt = tmp_path / "kms.crt"
    assert out["backend"] == "awskms"
    assert out["certificate_stored_with_key"] is False
    assert out["reference"].startswith("awskms:arn:aws:kms:eu-west-1:")
    assert out["key_matches_certificate"] is True
    verified = subprocess.run(["openssl", "verify", "-CAfile", crt, crt], capture_output=True, text=True, check=False)
    assert verified.returncode == 0, verified.stderr
    request = subprocess.run(["openssl", "req", "-in", tmp_path / "kms.csr", "-verify", "-noout"], capture_output=True,
                             text=True, check=False)  # fmt: skip
    assert "verify OK" in request.stdout + request.stderr
    # the key exists in KMS as a SIGN_VERIFY RSA key
    meta = boto3.client("kms").describe_key(KeyId=out["reference"].removeprefix("awskms:"))["KeyMetadata"]
    assert (meta["KeySpec"], meta["KeyUsage"]) == ("RSA_2048", "SIGN_VERIFY")
    code, shown, err = _run(capsys, "keys", "show", out["reference"], "--cert", str(crt), "--json")
    assert code == 0, err
    assert shown["key_matches_certificate"] is True
    assert shown["sha256_fingerprint"] == out["sha256_fingerprint"]
    assert shown["days_left"] == out["days_left"]
    cert = x509.load_pem_x509_certificate(crt.read_bytes())
    with PracticeServer(certificate=cert, tls=True) as org:
        code, got, err = _run(
            capsys, "token", "--key", out["reference"], "--iss", org.consumer_key, "--sub", org.username,
            "--endpoint", org.token_url, "--ca-bundle", str(org.ca_file), "--cert", str(crt), "--json",
        )  # fmt: skip
    assert code == 0, err
    assert got["outcome"] == "success"


def test_kms_key_by_alias_signs_and_exports_no_key(
    capsys: pytest.CaptureFixture[str], aws: str, tmp_path: Path
) -> None:
    client = boto3.client("kms")
    key_id = client.create_key(KeySpec="RSA_3072", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["KeyId"]
    client.create_alias(AliasName="alias/sfjwt-test", TargetKeyId=key_id)
    signer = open_signer("awskms:alias/sfjwt-test")
    token = sign({"iss": "3MVG9x", "sub": "u@example.com", "aud": "https://login.salesforce.com"}, signer)
    assert verify(decode(token), signer.public_key()).verified
    assert signer.public_key().key_size == 3072
    code, out, err = _run(capsys, "keys", "export", "awskms:alias/sfjwt-test", "--format", "p12", "--out",
                          str(tmp_path / "k.p12"), "--json")  # fmt: skip
    assert code == 1
    assert out["error"]["type"] == "ExportError"
    assert "AWS KMS" in err
    code, out, err = _run(capsys, "keys", "export", "awskms:alias/sfjwt-test", "--format", "crt", "--out",
                          str(tmp_path / "k.crt"), "--json")  # fmt: skip
    assert code == 1
    assert out["error"]["type"] == "CertificateError"
    assert "keygen --in" in err


@pytest.mark.parametrize(
    ("reference", "code", "kind"),
    [
        ("awskms:11111111-2222-3333-4444-555555555555", 3, "KeyNotFoundError"),
        ("awskms:not a key", 1, "KeyReferenceError"),
        ("awskms:new", 1, "KeyReferenceError"),
        ("azurekv:https://acme.vault.azure.net/keys/sfjwt", 1, "KeyReferenceError"),
        ("gcpkms:projects/p/locations/global/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1", 1, "KeyReferenceError"),
    ],
)
def test_kms_errors(capsys: pytest.CaptureFixture[str], aws: str, reference: str, code: int, kind: str) -> None:
    got, out, err = _run(capsys, "sign", "--key", reference, "--iss", "3MVG9x", "--sub", "u@example.com",
                         "--preset", "production", "--json")  # fmt: skip
    assert got == code, err
    assert out["error"]["type"] == kind
    assert "Traceback" not in err


def test_an_encryption_key_is_refused(aws: str) -> None:
    key_id = boto3.client("kms").create_key(KeySpec="RSA_2048", KeyUsage="ENCRYPT_DECRYPT")["KeyMetadata"]["KeyId"]
    with pytest.raises(Exception, match="not an RSA SIGN_VERIFY key") as info:
        open_signer(f"awskms:{key_id}")
    assert info.value.exit_code == 1  # type: ignore[attr-defined]


def test_no_credentials_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], aws: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    got, out, err = _run(capsys, "sign", "--key", "awskms:alias/anything", "--iss", "3MVG9x", "--sub",
                         "u@example.com", "--preset", "production", "--json")  # fmt: skip
    assert got == 3
    assert out["error"]["type"] == "SignerBackendError"
    assert "No AWS credentials" in err


def test_no_region_is_a_clear_error(aws: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_REGION")
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    with pytest.raises(KeyReferenceError, match="No AWS region"):
        open_signer("awskms:alias/anything")


def test_a_signature_that_does_not_verify_is_never_used(aws: str) -> None:
    """A KMS answer checked against the wrong public key (as a misbehaving endpoint would look) is refused."""
    real = open_signer(
        f"awskms:{boto3.client('kms').create_key(KeySpec='RSA_2048', KeyUsage='SIGN_VERIFY')['KeyMetadata']['KeyId']}"
    )
    assert isinstance(real, AwsKmsSigner)
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    confused = AwsKmsSigner(real.ref, real.client, other)
    with pytest.raises(SignerBackendError, match="does not verify"):
        confused.sign(b"header.payload")
