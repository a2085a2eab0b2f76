"""The OS keyring behind the signer protocol: ``open_signer(NAME)`` on the real Secret Service gives the stored key
with its certificate, ``keyring:NAME`` names a key whose name looks like a reference, and the CLI signs with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from sfjwt_gui.cli import main
from sfjwt_gui.core.inspection import inspect_signer
from sfjwt_gui.core.jwt_codec import decode, verify
from sfjwt_gui.core.signer import Backend
from sfjwt_gui.core.signers import open_signer
from sfjwt_gui.core.vault import Vault


@pytest.mark.secret_service
def test_keyring_key_through_the_signer_protocol(
    secret_service_keyring: object,
    data_dir: Path,
    rsa_key: RSAPrivateKey,
    rsa_cert: x509.Certificate,
    capsys: pytest.CaptureFixture[str],
) -> None:
    vault = Vault(backend=secret_service_keyring)
    name = "pkcs11:looks-like-a-reference"
    vault.save(name, rsa_key, rsa_cert, overwrite=True)
    try:
        signer = open_signer(f"keyring:{name}", vault=vault)
        assert signer.backend is Backend.KEYRING
        assert signer.reference == f"keyring:{name}"
        assert signer.certificate == rsa_cert
        described = inspect_signer(signer)
        assert described.key_matches_certificate is True
        assert described.source_format == "OS keyring"
        code = main(["sign", "--key", f"keyring:{name}", "--iss", "3MVG9x", "--sub", "u@example.com",
                     "--preset", "production", "--json"])  # fmt: skip
        captured = capsys.readouterr()
        assert code == 0, captured.err
        assert verify(decode(json.loads(captured.out)["token"]), rsa_cert).verified
    finally:
        vault.delete(name)
