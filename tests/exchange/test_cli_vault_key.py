"""`sfjwt token --key NAME`: the signing key comes out of the real OS keyring (Secret Service), the token out of
the practice org. Runs in CI under `.ci/with-keyring`; skips locally without a Secret Service."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from sfjwt_gui.cli import main
from sfjwt_gui.core.vault import Vault
from sfjwt_gui.practice.server import PracticeServer


@pytest.mark.secret_service
def test_token_with_a_key_from_the_keyring(
    secret_service_keyring: object,
    data_dir: Path,
    org: PracticeServer,
    rsa_key: RSAPrivateKey,
    rsa_cert: x509.Certificate,
    capsys: pytest.CaptureFixture[str],
) -> None:
    vault = Vault(backend=secret_service_keyring)
    name = "sfjwt-exchange-test"
    vault.save(name, rsa_key, rsa_cert, overwrite=True)
    try:
        code = main(
            [
                "token",
                "--key",
                name,
                "--iss",
                org.consumer_key,
                "--sub",
                org.username,
                "--endpoint",
                org.url,
                "--aud",
                "https://login.salesforce.com",
                "--ca-bundle",
                str(org.ca_file),
                "--json",
            ]
        )
        data = json.loads(capsys.readouterr().out)
        assert code == 0, data
        assert data["outcome"] == "success"
    finally:
        vault.delete(name)
