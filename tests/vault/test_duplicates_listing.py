"""The keyring's keys like a keystore tool: the same key is not stored twice by accident (typed error naming the
entry; ``keys import`` exits 1 unless ``--allow-duplicate``), and one listing function gives each key's subject, size,
expiry with days left and state, fingerprints and the profiles that use it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from memory_backend import MemoryKeyring
from vault_helpers import run

from sfjwt_gui.core import policy
from sfjwt_gui.core.errors import DuplicateKeyError
from sfjwt_gui.core.expiry import ExpiryState
from sfjwt_gui.core.key_generation import Subject, self_signed_certificate
from sfjwt_gui.core.key_listing import key_rows, list_keys
from sfjwt_gui.core.key_texts import describe_error

PASS = "correct horse battery"


def test_saving_the_same_key_under_another_name_names_the_stored_entry(vault: Any, rsa_key: Any) -> None:
    vault.save("server", rsa_key)
    with pytest.raises(DuplicateKeyError) as info:
        vault.save("server-pass", rsa_key)
    assert info.value.existing == "server"  # typed: the window offers "use the existing key"
    assert "'server'" in info.value.message
    assert [r.name for r in vault.list()] == ["server"]  # nothing stored
    message, fix = describe_error(info.value, "ja")
    assert "'server'" in message
    assert "'server-pass'" in fix
    vault.save("server", rsa_key, overwrite=True)  # re-saving under its own name is not a duplicate of itself
    vault.save("server-pass", rsa_key, allow_duplicate=True)  # "save anyway"
    assert vault.find_duplicate(rsa_key, besides="server").name == "server-pass"


def test_keys_import_of_the_same_key_exits_1_naming_it(
    backend: MemoryKeyring, capsys: pytest.CaptureFixture[str], tmp_path: Path, rsa_key: Any
) -> None:
    """The issue's case: server.key, then server.pass.key (the same key, encrypted by openssl)."""
    plain = tmp_path / "server.key"
    plain.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
        )
    )
    encrypted = tmp_path / "server.pass.key"
    subprocess.run(
        ["openssl", "pkey", "-in", str(plain), "-aes256", "-passout", f"pass:{PASS}", "-out", str(encrypted)],
        check=True,
        timeout=60,
    )
    (tmp_path / "pw").write_text(PASS)
    assert run(capsys, "keys", "import", str(plain), "--name", "server")[0] == 0
    args = ("keys", "import", str(encrypted), "--name", "server-pass", "--passphrase-file", str(tmp_path / "pw"))
    code, _, err = run(capsys, *args)
    assert code == 1
    assert "already stored as 'server'" in err
    assert "--allow-duplicate" in err
    code, out, err = run(capsys, *args, "--allow-duplicate", "--json")
    assert code == 0, err
    assert out["duplicate_of"] == "server"
    code, _, err = run(
        capsys, *args[:-2], "--passphrase-file", str(tmp_path / "pw"), "--overwrite", "--allow-duplicate"
    )
    assert code == 0
    assert "also stored as 'server'" in err  # a warning, still


NOW = dt.datetime(2027, 1, 1, 12, 0, tzinfo=dt.UTC)


def test_listing_rows_subject_size_expiry_fingerprints_profiles(vault: Any, rsa_key: Any, other_key: Any) -> None:
    cert = self_signed_certificate(rsa_key, Subject("acme", o="Acme KK"), 365, now=NOW)
    vault.save("acme", rsa_key, cert)
    vault.save("bare", other_key)
    profiles = [("Prod", "acme"), ("ci", "acme"), ("Sandbox", "bare"), ("Old", "gone")]
    rows = {row.name: row for row in list_keys(vault, profiles, now=NOW)}
    acme, bare = rows["acme"], rows["bare"]
    assert acme.subject == "CN=acme,O=Acme KK"
    assert acme.key_bits == 2048
    assert acme.days_left == 365
    assert acme.expiry is ExpiryState.OK
    assert acme.not_after == cert.not_valid_after_utc
    assert acme.sha256_fingerprint == vault.get("acme").sha256_fingerprint
    assert acme.short_fingerprint == acme.sha256_fingerprint[:11] + "…"
    assert acme.profiles == ("ci", "Prod")
    assert bare.subject is None
    assert bare.expiry is None
    assert bare.to_json()["expiry"] == "none"
    assert bare.days_left is None
    assert bare.profiles == ("Sandbox",)
    assert bare.short_fingerprint.startswith(bare.public_key_sha256[:11])
    older = dataclasses.replace(vault.get("acme"), subject=None)  # an index written before subjects were kept
    assert key_rows([older], now=NOW)[0].subject == "CN=acme,O=Acme KK"
    # near the end: the shared threshold decides, inclusive
    at = cert.not_valid_after_utc - dt.timedelta(days=policy.EXPIRY_WARNING_DAYS)
    assert key_rows([vault.get("acme")], now=at)[0].expiry is ExpiryState.EXPIRING
    after = cert.not_valid_after_utc + dt.timedelta(seconds=1)
    assert key_rows([vault.get("acme")], now=after)[0].to_json()["expiry"] == "expired"


def test_keys_list_cli_uses_the_same_rows(
    backend: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    rsa_key: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sfjwt_gui.core.profiles import Profile, ProfileStore
    from sfjwt_gui.core.vault import Vault

    monkeypatch.setenv("SFJWT_CONFIG_DIR", str(tmp_path / "config"))
    ProfileStore().save(Profile(name="Prod", endpoint="https://login.salesforce.com", key_name="acme"))

    Vault().save("acme", rsa_key, self_signed_certificate(rsa_key, Subject("acme-cn"), 365))
    code, out, _ = run(capsys, "keys", "list", "--json")
    assert code == 0
    assert out["keys"][0]["subject"] == "CN=acme-cn"
    assert out["keys"][0]["expiry"] == "ok"
    assert out["keys"][0]["days_left"] == 365
    assert out["keys"][0]["profiles"] == ["Prod"]
    code, text, _ = run(capsys, "keys", "list")
    assert "(365)" in text
    assert "CN=acme-cn" in text
    assert "used by profiles: Prod" in text
