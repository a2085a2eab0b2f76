"""``sfjwt check`` against the HTTPS practice org with the key in the real OS keyring (Secret Service)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID

from sfjwt_gui.cli import main
from sfjwt_gui.core.fingerprints import sha256_fingerprint
from sfjwt_gui.core.profiles import Profile, ProfileStore
from sfjwt_gui.core.vault import Vault
from sfjwt_gui.practice.server import PracticeServer

NAME = "sfjwt-org-check-test"


def _short_cert(key: Any, days: int) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "short")])
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=days))
        .sign(key, hashes.SHA256())
    )


@pytest.fixture
def keyring_vault(
    secret_service_keyring: object, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Any:
    monkeypatch.setenv("SFJWT_CONFIG_DIR", str(tmp_path / "config"))
    vault = Vault(backend=secret_service_keyring)
    yield vault
    with contextlib.suppress(Exception):
        vault.delete(NAME)


@pytest.mark.secret_service
def test_check_all_steps_and_exit_codes(
    keyring_vault: Vault, practice: PracticeServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert practice.demo_private_key is not None
    assert practice.demo_certificate is not None
    keyring_vault.save(NAME, practice.demo_private_key, practice.demo_certificate, overwrite=True)
    store = ProfileStore()
    store.save(
        Profile(
            "practice",
            endpoint=practice.url,
            aud=practice.audience,
            consumer_key=practice.consumer_key,
            username=practice.username,
            key_name=NAME,
            certificate_sha256=sha256_fingerprint(practice.demo_certificate),
        )
    )
    base = ["check", "--profile", "practice", "--ca-bundle", str(practice.ca_file)]
    assert main([*base, "--json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert [s["step"] for s in result["steps"]] == [
        "key",
        "key_certificate",
        "certificate_days",
        "lint",
        "exchange",
        "api",
    ]
    assert {s["status"] for s in result["steps"]} == {"ok"}
    assert main([*base, "--warn-days", "400"]) == 2  # the demo certificate has 365 days
    assert "certificate_days\tproblem" in capsys.readouterr().out
    practice.set_scenario("inactive-user")
    assert main(base) == 2
    practice.set_scenario("healthy")
    assert main([*base, "--no-send"]) == 0
    store.save(
        Profile("broken", endpoint=practice.url, consumer_key="3MVG9x", username="u@x.com", key_name="no-such-key-here")
    )
    assert main(["check", "--all", "--no-send", "--json"]) == 1
    practice.set_scenario("maintenance")
    assert main(base) == 3


def test_check_needs_a_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SFJWT_CONFIG_DIR", str(tmp_path))
    assert main(["check"]) == 1
    assert main(["check", "--all"]) == 1
    assert main(["check", "--profile", "missing"]) == 1
