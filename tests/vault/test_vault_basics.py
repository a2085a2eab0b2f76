"""The vault's everyday behaviour on an in-memory keyring: save, load, list, rename, delete, certificates, index."""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from memory_backend import MemoryKeyring
from vault_helpers import der, live_usernames, same_key

from sfjwt_gui.core.errors import CertificateError, InputError, KeyExistsError, KeyNotFoundError, VaultCorruptError
from sfjwt_gui.core.vault import Vault, default_index_dir


def test_save_then_load_gives_the_same_key_back(vault: Any, rsa_key: Any) -> None:
    vault.save("acme-prod", rsa_key)
    assert same_key(vault.load("acme-prod"), rsa_key)


def test_a_second_vault_on_the_same_keyring_and_index_sees_the_key(
    memory_keyring: MemoryKeyring, data_dir: Path, rsa_key: Any
) -> None:
    Vault(backend=memory_keyring, index_dir=data_dir).save("shared", rsa_key)
    fresh = Vault(backend=memory_keyring, index_dir=data_dir)
    assert [r.name for r in fresh.list()] == ["shared"]
    assert same_key(fresh.load("shared"), rsa_key)


def test_key_is_stored_as_pkcs8_der_base64_chunks_under_a_checked_manifest(
    vault: Any, memory_keyring: MemoryKeyring, rsa_key: Any
) -> None:
    vault.save("k", rsa_key)
    manifest = json.loads(memory_keyring.get_password("sfjwt-gui", "manifest:k"))
    assert manifest["version"] == 1
    assert manifest["format"] == "pkcs8-der-base64"
    chunks = [memory_keyring.get_password("sfjwt-gui", f"chunk:{manifest['generation']}:{i}") for i in range(2)]
    assert manifest["chunks"] == 2  # RSA-2048 PKCS#8 DER is ~1,218 bytes = ~1,624 base64 characters
    assert all(c is not None and len(c) <= 1000 for c in chunks)
    joined = base64.b64decode("".join(c for c in chunks if c))
    assert joined == der(rsa_key)
    digest = hashes.Hash(hashes.SHA256())
    digest.update(joined)
    assert manifest["sha256"] == digest.finalize().hex()
    assert memory_keyring.usernames() == {"manifest:k", *(f"chunk:{manifest['generation']}:{i}" for i in range(2))}


def test_record_carries_certificate_metadata_and_no_key_material(
    vault: Any, rsa_key: Any, rsa_cert: x509.Certificate
) -> None:
    record = vault.save("with-cert", rsa_key, rsa_cert)
    assert record.key_bits == 2048
    assert record.sha256_fingerprint == ":".join(f"{b:02X}" for b in rsa_cert.fingerprint(hashes.SHA256()))
    assert record.sha1_fingerprint is not None
    assert len(record.sha1_fingerprint.split(":")) == 20
    assert record.not_after == rsa_cert.not_valid_after_utc.isoformat()
    loaded = vault.load_certificate("with-cert")
    assert loaded == rsa_cert
    assert vault.get("with-cert") == record

    text = vault.index_path.read_text(encoding="utf-8")
    flat = text.replace("\\n", "").replace("\n", "")
    assert "PRIVATE KEY" not in text
    numbers = rsa_key.private_numbers()
    private_tail = der(rsa_key)[-500:]  # d, p, q, dp, dq, qinv: the part of the DER a certificate never shows
    for shift in range(3):  # base64 of the private part at every byte alignment
        encoded = base64.b64encode(private_tail[shift:]).decode()
        for start in range(4, len(encoded) - 40, 32):
            assert encoded[start : start + 32] not in flat
    for secret in (numbers.d, numbers.p, numbers.q):
        assert str(secret) not in text
        assert f"{secret:x}" not in text.lower()


def test_index_file_is_private_and_written_atomically(vault: Any, rsa_key: Any, data_dir: Path) -> None:
    vault.save("a", rsa_key)
    vault.save("b", rsa_key, allow_duplicate=True)
    mode = stat.S_IMODE(os.stat(vault.index_path).st_mode)
    assert mode == 0o600
    assert sorted(p.name for p in data_dir.iterdir()) == ["vault-index.json", "vault-index.lock"]  # no temp file
    assert set(json.loads(vault.index_path.read_text())["keys"]) == {"a", "b"}


def test_list_is_sorted_and_reads_only_the_index(data_dir: Path, rsa_key: Any) -> None:
    keyring = MemoryKeyring()
    vault = Vault(backend=keyring, index_dir=data_dir)
    for name in ("beta", "Alpha", "gamma"):
        vault.save(name, rsa_key, allow_duplicate=True)
    keyring.store.clear()  # list must not need the keyring (no unlock prompt just to show names)
    assert [r.name for r in vault.list()] == ["Alpha", "beta", "gamma"]


def test_existing_name_is_refused_unless_overwrite(vault: Any, rsa_key: Any, other_key: Any) -> None:
    vault.save("k", rsa_key)
    with pytest.raises(KeyExistsError, match="'k'"):
        vault.save("k", other_key)
    assert same_key(vault.load("k"), rsa_key)
    vault.save("k", other_key, overwrite=True)
    assert same_key(vault.load("k"), other_key)


def test_overwrite_removes_the_old_chunks(
    vault: Any, memory_keyring: MemoryKeyring, rsa_key: Any, other_key: Any
) -> None:
    vault.save("k", rsa_key)
    vault.save("k", other_key, overwrite=True)
    assert memory_keyring.usernames() == live_usernames(vault, memory_keyring)
    assert len(memory_keyring.usernames()) == 3


def test_rename_moves_key_and_metadata(
    vault: Any, memory_keyring: MemoryKeyring, rsa_key: Any, rsa_cert: x509.Certificate
) -> None:
    before = vault.save("old", rsa_key, rsa_cert)
    after = vault.rename("old", "new name")
    assert after.name == "new name"
    assert after.sha256_fingerprint == before.sha256_fingerprint
    assert after.created == before.created
    assert same_key(vault.load("new name"), rsa_key)
    with pytest.raises(KeyNotFoundError):
        vault.load("old")
    assert [r.name for r in vault.list()] == ["new name"]
    assert memory_keyring.usernames() == live_usernames(vault, memory_keyring)


def test_rename_to_a_taken_name_or_from_a_missing_one_fails(vault: Any, rsa_key: Any, other_key: Any) -> None:
    vault.save("a", rsa_key)
    vault.save("b", other_key)
    with pytest.raises(KeyExistsError, match="'b'"):
        vault.rename("a", "b")
    with pytest.raises(KeyNotFoundError, match="'nope'"):
        vault.rename("nope", "c")
    assert same_key(vault.load("a"), rsa_key)
    assert same_key(vault.load("b"), other_key)


def test_delete_removes_every_entry_and_the_record(vault: Any, memory_keyring: MemoryKeyring, rsa_key: Any) -> None:
    vault.save("gone", rsa_key)
    vault.save("kept", rsa_key, allow_duplicate=True)
    vault.delete("gone")
    assert [r.name for r in vault.list()] == ["kept"]
    assert not any("gone" in u for u in memory_keyring.usernames())
    assert memory_keyring.usernames() == live_usernames(vault, memory_keyring)
    with pytest.raises(KeyNotFoundError, match=r"'gone'.*kept"):
        vault.delete("gone")


def test_set_certificate_checks_that_it_belongs_to_the_key(
    vault: Any, rsa_key: Any, other_key: Any, rsa_cert: x509.Certificate
) -> None:
    vault.save("mine", rsa_key)
    vault.save("other", other_key)
    assert vault.load_certificate("mine") is None
    with pytest.raises(CertificateError, match="does not belong to key 'other'"):
        vault.set_certificate("other", rsa_cert)
    with pytest.raises(CertificateError):
        vault.save("mismatch", other_key, rsa_cert)
    record = vault.set_certificate("mine", rsa_cert)
    assert record.sha256_fingerprint is not None
    assert vault.load_certificate("mine") == rsa_cert


@pytest.mark.parametrize("name", ["", " padded", "tab\tname", "x" * 65, "new\nline"])
def test_bad_names_are_input_errors(vault: Any, rsa_key: Any, name: str) -> None:
    with pytest.raises(InputError):
        vault.save(name, rsa_key)


@pytest.mark.parametrize("name", ["acme prod", "本番キー", "a:b", "manifest:x", "chunk:1:2", "x" * 64])
def test_names_that_look_like_entry_prefixes_do_not_collide(
    vault: Any, memory_keyring: MemoryKeyring, rsa_key: Any, other_key: Any, name: str
) -> None:
    vault.save("x", other_key)
    vault.save(name, rsa_key)
    assert same_key(vault.load(name), rsa_key)
    assert same_key(vault.load("x"), other_key)
    assert memory_keyring.usernames() == live_usernames(vault, memory_keyring)


def test_listed_key_missing_from_the_keyring_is_reported_as_corrupt(
    vault: Any, memory_keyring: MemoryKeyring, rsa_key: Any
) -> None:
    vault.save("k", rsa_key)
    memory_keyring.store.clear()
    with pytest.raises(VaultCorruptError, match="listed but has no entry"):
        vault.load("k")
    vault.delete("k")  # still removable, so the user can start over
    assert vault.list() == []


def test_default_index_dir_honours_sfjwt_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SFJWT_DATA_DIR", str(tmp_path / "here"))
    assert default_index_dir() == tmp_path / "here"
    monkeypatch.delenv("SFJWT_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    import platformdirs

    assert default_index_dir() == Path(platformdirs.user_data_dir("sfjwt-gui", appauthor=False))
    assert default_index_dir().name == "sfjwt-gui"


def test_vault_without_index_dir_uses_the_default(memory_keyring: MemoryKeyring, data_dir: Path, rsa_key: Any) -> None:
    vault = Vault(backend=memory_keyring)
    vault.save("k", rsa_key)
    assert (data_dir / "vault-index.json").is_file()


def test_two_vaults_changing_the_same_index_at_once_lose_nothing(
    memory_keyring: MemoryKeyring, data_dir: Path, rsa_key: Any
) -> None:
    """Two Vault objects (as the window and a sfjwt process) save at once; the index lock keeps every record."""
    import threading

    vaults = [Vault(backend=memory_keyring, index_dir=data_dir) for _ in range(2)]
    errors: list[BaseException] = []

    def save_many(vault: Vault, prefix: str) -> None:
        try:
            for i in range(15):
                vault.save(f"{prefix}-{i}", rsa_key, allow_duplicate=True)  # one key, many names
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=save_many, args=(v, p)) for v, p in zip(vaults, "ab", strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(vaults[0].list()) == 30
    assert memory_keyring.usernames() == live_usernames(vaults[0], memory_keyring)
