"""Nothing is lost on failure: fail every keyring change in turn, and corrupt entries on purpose.

``FailingKeyring(fail_at=N)`` fails the N-th write or delete. Each test walks N = 1, 2, … until the operation
completes without reaching N, so every step of the protocol is failed once; with ``delete_then_add`` a replace is
two steps (as on macOS, where keyring deletes the old item before adding the new one).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from memory_backend import FailingKeyring, MemoryKeyring, WindowsLimitKeyring
from vault_helpers import live_usernames, same_key

from sfjwt_gui.core.errors import KeyNotFoundError, VaultCorruptError, VaultError
from sfjwt_gui.core.vault import Vault
from sfjwt_gui.core.vault_index import VaultIndex

REPLACE_MODES = [pytest.param(False, id="atomic-replace"), pytest.param(True, id="delete-then-add")]


def _walk_failures(
    tmp_path: Path,
    delete_then_add: bool,
    prepare: Callable[[Vault], None],
    operation: Callable[[Vault], None],
    check: Callable[[Vault, FailingKeyring, bool], None],
) -> int:
    """Fail change 1, 2, … of ``operation``, then ``check(vault, backend, succeeded)``; returns the step count."""
    for n in range(1, 100):
        backend = FailingKeyring(delete_then_add=delete_then_add)
        vault = Vault(backend=backend, index_dir=tmp_path / f"index-{int(delete_then_add)}-{n}")
        prepare(vault)
        backend.fail_at = backend.changes + n
        try:
            operation(vault)
            succeeded = True
        except VaultError:
            succeeded = False
        check(vault, backend, succeeded)
        # with the fault gone, leftovers are cleaned up: the keyring holds exactly what the listed keys need
        backend.fail_at = None
        vault.collect_garbage()
        leftovers = backend.usernames() - live_usernames(vault, backend) - {f"backup:{r.name}" for r in vault.list()}
        assert leftovers == set(), f"step {n}: entries left behind {leftovers}"
        if not backend.failed:
            return n - 1
    raise AssertionError("operation never completed")


@pytest.mark.parametrize("delete_then_add", REPLACE_MODES)
def test_overwrite_failing_at_any_step_keeps_the_previous_key(
    tmp_path: Path, delete_then_add: bool, rsa_key: Any, other_key: Any
) -> None:
    def check(vault: Vault, backend: FailingKeyring, succeeded: bool) -> None:
        assert same_key(vault.load("k"), other_key if succeeded else rsa_key)
        assert [r.name for r in vault.list()] == ["k"]

    steps = _walk_failures(
        tmp_path,
        delete_then_add,
        lambda v: v.save("k", rsa_key) and None,
        lambda v: v.save("k", other_key, overwrite=True) and None,
        check,
    )
    assert steps >= 6  # 2 chunks, backup, manifest, backup removal, 2 old chunks (+ replaces as two steps)


@pytest.mark.parametrize("delete_then_add", REPLACE_MODES)
def test_first_save_failing_at_any_step_leaves_no_half_key(tmp_path: Path, delete_then_add: bool, rsa_key: Any) -> None:
    def check(vault: Vault, backend: FailingKeyring, succeeded: bool) -> None:
        if succeeded:
            assert same_key(vault.load("k"), rsa_key)
        else:
            assert vault.list() == []
            with pytest.raises(KeyNotFoundError):
                vault.load("k")

    assert (
        _walk_failures(tmp_path, delete_then_add, lambda v: None, lambda v: v.save("k", rsa_key) and None, check) == 3
    )


@pytest.mark.parametrize("delete_then_add", REPLACE_MODES)
def test_rename_failing_at_any_step_keeps_the_key_under_one_of_its_names(
    tmp_path: Path, delete_then_add: bool, rsa_key: Any
) -> None:
    def check(vault: Vault, backend: FailingKeyring, succeeded: bool) -> None:
        names = [r.name for r in vault.list()]
        assert names == (["new"] if succeeded else ["old"])
        assert same_key(vault.load(names[0]), rsa_key)

    steps = _walk_failures(
        tmp_path, delete_then_add, lambda v: v.save("old", rsa_key) and None, lambda v: v.rename("old", "new"), check
    )
    assert steps >= 5  # 2 new chunks, new manifest, then 2 old chunks and the old manifest


@pytest.mark.parametrize("delete_then_add", REPLACE_MODES)
def test_delete_failing_at_any_step_can_be_retried_to_the_end(
    tmp_path: Path, delete_then_add: bool, rsa_key: Any, other_key: Any
) -> None:
    def prepare(vault: Vault) -> None:
        vault.save("gone", rsa_key)
        vault.save("kept", other_key)

    def check(vault: Vault, backend: FailingKeyring, succeeded: bool) -> None:
        assert same_key(vault.load("kept"), other_key)  # never touches another key
        if not succeeded:
            assert "gone" in [r.name for r in vault.list()]  # still listed, so the user can retry
            backend.fail_at = None
            vault.delete("gone")
        assert [r.name for r in vault.list()] == ["kept"]

    assert _walk_failures(tmp_path, delete_then_add, prepare, lambda v: v.delete("gone"), check) == 3


def test_index_write_failure_after_the_switch_rolls_back_to_the_previous_key(
    vault: Any, memory_keyring: MemoryKeyring, rsa_key: Any, other_key: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.save("k", rsa_key)
    before = set(memory_keyring.usernames())

    def disk_full(self: VaultIndex, data: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(VaultIndex, "write", disk_full)
    with pytest.raises(VaultError, match="No space left on device"):
        vault.save("k", other_key, overwrite=True)
    with pytest.raises(VaultError, match="No space left"):
        vault.rename("k", "k2")
    monkeypatch.undo()
    assert same_key(vault.load("k"), rsa_key)
    assert [r.name for r in vault.list()] == ["k"]
    assert memory_keyring.usernames() - {"backup:k"} == before


def test_leftovers_that_cannot_be_deleted_are_remembered_and_removed_later(
    data_dir: Path, rsa_key: Any, other_key: Any
) -> None:
    backend = FailingKeyring()
    vault = Vault(backend=backend, index_dir=data_dir)
    vault.save("k", rsa_key)
    old_chunks = {u for u in backend.usernames() if u.startswith("chunk:")}
    # fail the first delete after the switch: the old chunks stay, listed as garbage in the index
    backend.fail_at = backend.changes + 6  # 2 new chunks, backup, manifest, backup removal, then old chunk 1
    vault.save("k", other_key, overwrite=True)
    assert same_key(vault.load("k"), other_key)
    assert backend.failed
    garbage = json.loads(vault.index_path.read_text())["garbage"]
    assert set(garbage) & old_chunks
    backend.fail_at = None
    assert vault.collect_garbage() == []
    assert json.loads(vault.index_path.read_text())["garbage"] == []
    assert backend.usernames() == live_usernames(vault, backend)


def test_windows_size_limit_is_real_and_the_vault_fits_under_it(data_dir: Path, rsa_key: Any, rsa_4096: Any) -> None:
    from cryptography.hazmat.primitives import serialization

    backend = WindowsLimitKeyring()
    pem = rsa_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    with pytest.raises(Exception, match="CredWrite"):
        backend.set_password("sfjwt-gui", "whole-pem", pem)  # what a naive store would do
    vault = Vault(backend=backend, index_dir=data_dir)
    vault.save("rsa2048", rsa_key)
    vault.save("rsa4096", rsa_4096)
    assert same_key(vault.load("rsa2048"), rsa_key)
    assert same_key(vault.load("rsa4096"), rsa_4096)
    assert json.loads(backend.get_password("sfjwt-gui", "manifest:rsa4096"))["chunks"] == 4
    assert max(len(v.encode("utf-16-le")) for v in backend.store.values()) <= 2000


@pytest.fixture(scope="module")
def rsa_4096() -> Any:
    """The one RSA-4096 key of the vault tests (slow to make)."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=4096)


def _manifest(backend: MemoryKeyring, name: str) -> dict[str, Any]:
    return dict(json.loads(backend.get_password("sfjwt-gui", f"manifest:{name}") or "{}"))


def _set(backend: MemoryKeyring, username: str, value: str) -> None:
    backend.store[("sfjwt-gui", username)] = value


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda b, m: b.store.pop(("sfjwt-gui", f"chunk:{m['generation']}:1")), "chunk 2 of 2 is missing"),
        (lambda b, m: _set(b, f"chunk:{m['generation']}:0", "A" * 1000), "fails its SHA-256 check"),
        (lambda b, m: _set(b, f"chunk:{m['generation']}:0", "not base64!"), "not valid base64"),
        (lambda b, m: _set(b, "manifest:k", "{not json"), "not valid JSON"),
        (lambda b, m: _set(b, "manifest:k", json.dumps({**m, "chunks": 0})), "invalid fields"),
        (lambda b, m: _set(b, "manifest:k", json.dumps({**m, "sha256": "00" * 32})), "SHA-256"),
        (lambda b, m: _set(b, "manifest:k", json.dumps({**m, "version": 99})), "version 99"),
        (lambda b, m: _set(b, "manifest:k", "[]"), "not a JSON object"),
    ],
    ids=[
        "missing-chunk",
        "changed-chunk",
        "bad-base64",
        "manifest-json",
        "zero-chunks",
        "checksum",
        "version",
        "array",
    ],
)
def test_corrupted_entries_raise_vault_corrupt_error(
    vault: Any, memory_keyring: MemoryKeyring, rsa_key: Any, damage: Callable[..., Any], message: str
) -> None:
    vault.save("k", rsa_key)
    damage(memory_keyring, _manifest(memory_keyring, "k"))
    with pytest.raises(VaultCorruptError, match=message) as info:
        vault.load("k")
    assert "sfjwt keys delete" in info.value.fix or "import it again" in info.value.fix
    assert info.value.exit_code == 3
    vault.delete("k")  # a corrupt key can always be removed
    assert vault.list() == []


def test_valid_checksum_over_a_non_key_is_corrupt(vault: Any, memory_keyring: MemoryKeyring, rsa_key: Any) -> None:
    import base64
    import hashlib

    vault.save("k", rsa_key)
    manifest = _manifest(memory_keyring, "k")
    junk = b"\x30\x03\x02\x01\x00"
    _set(memory_keyring, f"chunk:{manifest['generation']}:0", base64.b64encode(junk).decode())
    _set(
        memory_keyring, "manifest:k", json.dumps({**manifest, "chunks": 1, "sha256": hashlib.sha256(junk).hexdigest()})
    )
    with pytest.raises(VaultCorruptError, match="not a readable private key"):
        vault.load("k")


def test_corrupt_index_file_is_reported_with_its_path(vault: Any, rsa_key: Any) -> None:
    vault.save("k", rsa_key)
    vault.index_path.write_text("{broken", encoding="utf-8")
    with pytest.raises(VaultCorruptError, match=r"vault-index\.json") as info:
        vault.list()
    assert "line 1" in info.value.message  # where the JSON breaks
    assert "do not simply delete it" in info.value.fix  # the keys are found only through the index


def test_load_racing_another_process_overwrite_returns_the_new_key(
    data_dir: Path, rsa_key: Any, other_key: Any
) -> None:
    """Another process replaces the key between our manifest read and our chunk reads: load follows the switch."""

    class RacingKeyring(MemoryKeyring):
        race: Callable[[], Any] | None = None

        def get_password(self, service: str, username: str) -> str | None:
            if username.startswith("chunk:") and self.race is not None:
                race, self.race = self.race, None
                race()  # the other process's overwrite runs now, deleting the chunks we were about to read
            return super().get_password(service, username)

    backend = RacingKeyring()
    ours, theirs = Vault(backend=backend, index_dir=data_dir), Vault(backend=backend, index_dir=data_dir)
    ours.save("k", rsa_key)
    backend.race = lambda: theirs.save("k", other_key, overwrite=True)
    assert same_key(ours.load("k"), other_key)
    assert backend.race is None  # the race really happened
