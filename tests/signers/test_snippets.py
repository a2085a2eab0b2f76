""" "Copy as" for keys that stay in a token or KMS: the Python snippets sign with the same backend and get a real
token from the practice org when run as scripts; the Apex text says what Apex cannot do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from cryptography import x509

from sfjwt_gui.core.key_generation import Subject
from sfjwt_gui.core.signer_certificates import self_signed_certificate_with
from sfjwt_gui.core.signers import close_signer, generate_signer, open_signer
from sfjwt_gui.core.snippets import SnippetInput, render_for_signer
from sfjwt_gui.practice.server import PracticeServer

pytestmark = pytest.mark.interop


def _run_script(code: str, tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "snippet.py"
    script.write_text(code)
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120,
                          check=False)  # fmt: skip


def _values(org: PracticeServer) -> SnippetInput:
    return SnippetInput(
        token_url=org.token_url,
        consumer_key=org.consumer_key,
        username=org.username,
        audience="https://login.salesforce.com",
        ca_file=str(org.ca_file),
    )


def test_pkcs11_snippet_signs_in_the_token_and_gets_a_token(token: str, softhsm: str, tmp_path: Path) -> None:
    signer = generate_signer(f"pkcs11:token={token};object=snippet", pin="246810")
    cert: x509.Certificate = self_signed_certificate_with(signer, Subject(cn="snippet"), 30)
    reference = signer.reference
    close_signer(signer)
    with PracticeServer(certificate=cert, tls=True) as org:
        snippets = render_for_signer(_values(org), reference)
        env = {**os.environ, "PKCS11_PIN": "246810"}
        done = _run_script(snippets["python"], tmp_path, env)
    assert done.returncode == 0, done.stderr
    assert "instance_url: https://127.0.0.1:" in done.stdout
    assert "246810" not in snippets["python"]
    assert "Apex cannot sign with it" in snippets["apex"]
    assert "Certificate and Key Management" in snippets["apex"]


def test_awskms_snippet_signs_in_kms_and_gets_a_token(aws: str, tmp_path: Path) -> None:
    key_id = boto3.client("kms").create_key(KeySpec="RSA_2048", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["KeyId"]
    signer = open_signer(f"awskms:{key_id}")
    cert = self_signed_certificate_with(signer, Subject(cn="snippet-kms"), 30)
    with PracticeServer(certificate=cert, tls=True) as org:
        snippets = render_for_signer(_values(org), f"awskms:{key_id}")
        done = _run_script(snippets["python"], tmp_path, dict(os.environ))  # the standard AWS chain: env vars
    assert done.returncode == 0, done.stderr
    assert "instance_url: https://127.0.0.1:" in done.stdout
    assert 'boto3.client("kms")' in snippets["python"]
    assert "AWS Signature Version 4" in snippets["apex"]
