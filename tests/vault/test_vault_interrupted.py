"""A change stopped dead at every keyring call and every index write, exhaustively (the random SIGKILLs of real
processes are in test_vault_kill.py): the process "dies" by a BaseException no handler of the vault catches, so
whatever the vault had done until then stays, exactly as after a kill.

After each stop: every listed key loads and is the old or the new key, consistently described; a cut deletion is
listed as incomplete; the next change leaves no pending generation, no half-deleted key and no unreferenced chunk.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from memory_backend import MemoryKeyring

from sfjwt_gui.core.errors import VaultCorruptError
from sfjwt_gui.core.vault import Vault, _public_key_sha256
from sfjwt_gui.core.vault_chunks import Manifest
from sfjwt_gui.core.vault_index import VaultIndex


class Killed(BaseException):
    """The process died here."""


class DyingKeyring(MemoryKeyring):
    """Dies at its N-th call (read, write or delete)."""

    def __init__(self) -> None:
        super().__init__()
        self.die_at: int | None = None
        self.calls = 0

    def _tick(self) -> None:
        self.calls += 1
        if self.die_at is not None and self.calls >= self.die_at:
            raise Killed

    def get_password(self, service: str, username: str) -> str | None:
        self._tick()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._tick()
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._tick()
        super().delete_password(service, username)


def _referenced(backend: MemoryKeyring, keys: dict[str, Any]) -> set[str]:
    used: set[str] = set()
    for username in backend.usernames():
        kind, _, name = username.partition(":")
        if kind in ("manifest", "backup") and name in keys:
            text = backend.get_password("sfjwt-gui", username)
            assert text is not None
            used.update(Manifest.from_text(text, name=name).chunk_usernames())
    return used


def _check(backend: DyingKeyring, index_dir: Path, allowed: dict[str, set[str | None]]) -> None:
    backend.die_at = None
    vault = Vault(backend=backend, index_dir=index_dir)
    listed = {record.name: record for record in vault.list()}
    for name, options in allowed.items():
        record = listed.get(name)
        if record is None:
            assert None in options, f"{name} lost"
        elif record.deleting:
            assert None in options
            with pytest.raises(VaultCorruptError, match="deletion was interrupted"):
                vault.load(name)
        else:
            sha = _public_key_sha256(vault.load(name))
            assert sha == record.public_key_sha256
            assert sha in options
    vault.collect_garbage()  # the next change
    data = json.loads(vault.index_path.read_text(encoding="utf-8"))
    assert not data.get("pending")
    assert not any(r.get("deleting") for r in data["keys"].values())
    chunks = {u for u in backend.usernames() if u.startswith("chunk:")}
    assert chunks == _referenced(backend, data["keys"])
    for name in data["keys"]:
        assert _public_key_sha256(vault.load(name)) in allowed[name]


def _dying_write(step: int) -> Callable[[VaultIndex, Any], None]:
    """``VaultIndex.write`` that dies at its ``step``-th call."""
    original = VaultIndex.write
    writes = [0]

    def write(self: VaultIndex, data: Any) -> None:
        writes[0] += 1
        if writes[0] == step:
            raise Killed
        original(self, data)

    return write


def _walk(
    tmp_path: Path,
    prepare: Callable[[Vault], None],
    change: Callable[[Vault], object],
    allowed: dict[str, set[str | None]],
    monkeypatch: pytest.MonkeyPatch,
) -> int:
    """Run ``change`` dying at its 1st, 2nd, … keyring call and index write until it completes; returns the stops."""
    stops = 0
    for kind in ("keyring", "index"):
        for step in range(1, 200):
            backend = DyingKeyring()
            index_dir = tmp_path / f"{kind}-{step}"
            prepare(Vault(backend=backend, index_dir=index_dir))
            with monkeypatch.context() as patch:
                if kind == "keyring":
                    backend.die_at = backend.calls + step
                else:
                    patch.setattr(VaultIndex, "write", _dying_write(step))
                try:
                    change(Vault(backend=backend, index_dir=index_dir))
                except Killed:
                    stops += 1
                    _check(backend, index_dir, allowed)
                    continue
            _check(backend, index_dir, allowed)
            break
    return stops


def test_overwrite_stopped_anywhere(
    tmp_path: Path, rsa_key: Any, other_key: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = _public_key_sha256(rsa_key), _public_key_sha256(other_key)

    def prepare(vault: Vault) -> None:
        vault.save("k", rsa_key)
        vault.save("other", other_key)

    stops = _walk(
        tmp_path,
        prepare,
        lambda v: v.save("k", other_key, overwrite=True, allow_duplicate=True),
        {"k": {old, new}, "other": {new}},
        monkeypatch,
    )
    assert stops >= 10


def test_new_key_rename_and_delete_stopped_anywhere(
    tmp_path: Path, rsa_key: Any, other_key: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, other = _public_key_sha256(rsa_key), _public_key_sha256(other_key)

    def prepare(vault: Vault) -> None:
        vault.save("k", rsa_key)

    assert _walk(
        tmp_path / "new", prepare, lambda v: v.save("n", other_key), {"k": {old}, "n": {None, other}}, monkeypatch
    )
    rename = {"k": {old, None}, "r": {old, None}}
    assert _walk(tmp_path / "rename", prepare, lambda v: v.rename("k", "r"), rename, monkeypatch)
    assert _walk(tmp_path / "delete", prepare, lambda v: v.delete("k"), {"k": {old, None}}, monkeypatch)
