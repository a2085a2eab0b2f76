"""`sfjwt token --key NAME`: the signing key comes out of the real OS keyring (Secret Service), the token out of
the practice org. Runs in CI under `.ci/with-keyring`; skips locally without a Secret Service."""

from __future__ import annotations

import json
from collections.abc import Iterator
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


@pytest.fixture
def failing_keyring(data_dir: Path) -> Iterator[object]:
    """keyring's own 'fail' backend, as on a headless box without a Secret Service (a real backend, not a mock)."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield keyring.get_keyring()
    keyring.set_keyring(previous)


def _token_argv(org: PracticeServer, *extra: str) -> list[str]:
    return [
        "token",
        "--key",
        "build-server",
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
        *extra,
    ]


def test_token_without_a_usable_keyring_is_a_local_problem_about_loading(
    failing_keyring: object, org: PracticeServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(_token_argv(org, "--json"))
    data = json.loads(capsys.readouterr().out)
    assert code == 3  # a keyring problem is exit 3 everywhere (README), though nothing was sent
    assert data["outcome"] == "local"
    assert data["diagnosis"]["id"] == "local-problem"
    detail = data["diagnosis"]["detail"]
    assert "Cannot load the private key 'build-server' from the OS keyring" in detail
    assert "store" not in detail.split(":")[0]  # the action named is loading, not storing
    assert "--key-file FILE" in detail  # the way out that needs no keyring
    assert data["transcript"]["attempts"] == []  # nothing was sent
    assert main(_token_argv(org)) == 3  # text mode: same exit code, no traceback
    out = capsys.readouterr()
    assert "Cannot load the private key 'build-server'" in out.out
    assert "Traceback" not in out.err


def test_sign_without_a_usable_keyring_says_load(failing_keyring: object, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["sign", "--key", "build-server", "--iss", "3MVG9abc", "--sub", "a@b.example", "--preset", "production"]
    )
    err = capsys.readouterr().err
    assert code != 0
    assert "Cannot load the private key 'build-server' from the OS keyring" in err
    assert "Cannot store" not in err
