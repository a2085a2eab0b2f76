"""Vault and keyring errors in Japanese: every error text of resources/keys/texts.json is raised by a real failure,
reads as Japanese, and the English message and fix (what the CLI prints) are unchanged by the translation."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from keyring.backends import fail, null
from memory_backend import MemoryKeyring, PlaintextKeyring

from sfjwt_gui.core.errors import SfjwtError
from sfjwt_gui.core.key_generation import Subject, self_signed_certificate
from sfjwt_gui.core.key_texts import describe_error, texts
from sfjwt_gui.core.keyring_access import platform_fixes, refusal_reason
from sfjwt_gui.core.vault import Vault
from sfjwt_gui.core.vault_chunks import chunk_username, manifest_username, new_generation, split_der
from sfjwt_gui.core.vault_index import VaultIndex

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
SERVICE = "sfjwt-gui"


class NoKeyringError(Exception):
    """Named like keyring.errors.NoKeyringError (the vault classifies backend errors by class name)."""


class KeyringLocked(Exception):
    """Named like keyring.errors.KeyringLocked."""


class RaisingKeyring(MemoryKeyring):
    """A backend whose reads fail with the given exception, as D-Bus or Security.framework failures arrive."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error


def _raised(action: Callable[[], object]) -> SfjwtError:
    with pytest.raises(SfjwtError) as info:
        action()
    return info.value


def _set(backend: MemoryKeyring, username: str, value: str) -> None:
    backend.set_password(SERVICE, username, value)


def _store(backend: MemoryKeyring, vault: Vault, name: str, der: bytes) -> None:
    """Put ``der`` in the keyring as the vault would (valid manifest and checksum) and list it in the index."""
    manifest, pieces = split_der(der, new_generation())
    for username, piece in zip(manifest.chunk_usernames(), pieces, strict=True):
        _set(backend, username, piece)
    _set(backend, manifest_username(name), manifest.to_text())
    index = json.loads(vault.index_path.read_text(encoding="utf-8"))
    index["keys"][name] = {**index["keys"]["k"], "name": name}
    vault.index_path.write_text(json.dumps(index), encoding="utf-8")


def _vault_errors(tmp_path: Path, rsa_key: Any, other_key: Any, monkeypatch: pytest.MonkeyPatch) -> list[SfjwtError]:
    memory = MemoryKeyring()
    vault = Vault(backend=memory, index_dir=tmp_path / "data")
    vault.save("k", rsa_key)
    ec_key = ec.generate_private_key(ec.SECP256R1())
    other_cert = self_signed_certificate(other_key, Subject("other"), 30)
    found = [
        _raised(lambda: vault.save("", rsa_key)),
        _raised(lambda: vault.save("x" * 65, rsa_key)),
        _raised(lambda: vault.save(" padded", rsa_key)),
        _raised(lambda: vault.save("ec", ec_key)),  # type: ignore[arg-type]
        _raised(lambda: vault.save("pair", rsa_key, other_cert)),
        _raised(lambda: vault.save("k", rsa_key)),
        _raised(lambda: vault.load("nope")),
        _raised(lambda: Vault(backend=MemoryKeyring(), index_dir=tmp_path / "empty").load("nope")),
    ]
    vault.save("b", other_key)
    found.append(_raised(lambda: vault.rename("k", "b")))
    manifest = memory.get_password(SERVICE, manifest_username("b"))
    assert manifest is not None
    memory.delete_password(SERVICE, manifest_username("b"))
    found.append(_raised(lambda: vault.load("b")))  # listed, gone from the keyring
    for text in ("not json", "[]", json.dumps({**json.loads(manifest), "version": 2}), '{"version": 1}'):
        _set(memory, manifest_username("b"), text)
        found.append(_raised(lambda: vault.load("b")))
    _set(memory, manifest_username("b"), manifest)
    first = chunk_username(json.loads(manifest)["generation"], 0)
    piece = memory.get_password(SERVICE, first)
    assert piece is not None
    memory.delete_password(SERVICE, first)
    found.append(_raised(lambda: vault.load("b")))  # a chunk missing
    _set(memory, first, "!!not base64!!")
    found.append(_raised(lambda: vault.load("b")))
    _set(memory, first, "A" * len(piece))
    found.append(_raised(lambda: vault.load("b")))  # checksum
    _store(memory, vault, "junk", b"\x30\x03\x02\x01\x00")
    found.append(_raised(lambda: vault.load("junk")))
    ec_der = ec_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    _store(memory, vault, "ec-stored", ec_der)
    found.append(_raised(lambda: vault.load("ec-stored")))
    other_der = other_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    _store(memory, vault, "swapped", other_der)  # a real key, but not the one its record (k's) describes
    found.append(_raised(lambda: vault.load("swapped")))
    index = json.loads(vault.index_path.read_text(encoding="utf-8"))
    index["keys"]["b"]["deleting"] = True  # a deletion killed midway
    vault.index_path.write_text(json.dumps(index), encoding="utf-8")
    found.append(_raised(lambda: vault.load("b")))
    found.append(_raised(lambda: vault.save("a\udcffb", rsa_key)))  # from the bytes a\xffb on a command line
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    found.append(_raised(lambda: Vault(backend=MemoryKeyring(), index_dir=blocker).save("k", rsa_key)))

    def disk_full(self: VaultIndex, data: Any) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(VaultIndex, "write", disk_full)
        found.append(_raised(lambda: vault.delete("k")))
    vault.index_path.write_text("{broken", encoding="utf-8")
    found.append(_raised(vault.list))
    for error in (NoKeyringError("no backend"), KeyringLocked("locked"), RuntimeError("D-Bus said no")):
        broken = Vault(backend=RaisingKeyring(error), index_dir=tmp_path / "raising")
        found.append(_raised(lambda broken=broken: broken.load("k")))  # type: ignore[misc]
    refused = Vault(backend=fail.Keyring(), index_dir=tmp_path / "refused")
    refused_status = refused.status()
    found.append(_raised(refused.check_available))
    found += [
        _raised(lambda: refused.save("k", rsa_key)),
        _raised(lambda: refused.load("k")),
        _raised(lambda: refused.delete("k")),
        _raised(lambda: refused.rename("k", "l")),
    ]
    assert refused_status.code == found[-5].code == "keyring-refused"
    return found


def test_every_vault_error_is_reachable_in_japanese(
    tmp_path: Path, rsa_key: Any, other_key: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = _vault_errors(tmp_path, rsa_key, other_key, monkeypatch)
    for error in found:
        assert error.code, error.message
        assert describe_error(error, "en") == (error.message, error.fix)  # English exactly as raised
        message, fix = describe_error(error, "ja")
        assert JAPANESE.search(message), message
        assert JAPANESE.search(fix), fix
        assert not re.search(r"\{\w+\}", message + fix), message + fix
    reached = {error.code for error in found} | {"vault-available"}
    assert reached == {code for code in texts()["errors"] if code.startswith(("vault-", "keyring-"))}


def test_refused_keyring_names_the_operation_not_always_saving(tmp_path: Path, rsa_key: Any) -> None:
    vault = Vault(backend=fail.Keyring(), index_dir=tmp_path)
    load = _raised(lambda: vault.load("acme"))
    assert load.message.startswith("Cannot load the private key 'acme' from the OS keyring: no keyring was found")
    assert "store" not in load.message
    assert "save" not in load.message
    assert describe_error(load, "ja")[0].startswith("秘密鍵 'acme' を OS のキーリングから読み込めません")
    assert _raised(lambda: vault.save("acme", rsa_key)).message.startswith("Cannot save the private key 'acme'")
    assert _raised(lambda: vault.delete("acme")).message.startswith("Cannot delete the private key 'acme'")
    status = vault.status()
    assert status.message.startswith("The OS keyring cannot be used for private keys: ")  # no action: neutral
    assert status.message_in("ja").startswith("OS のキーリングを秘密鍵の保管に使えません")


def test_no_keyring_status_reason_and_fix_in_japanese_for_every_platform(tmp_path: Path, rsa_key: Any) -> None:
    for platform in ("linux", "darwin", "win32", "sunos5"):
        status = Vault(backend=null.Keyring(), index_dir=tmp_path, platform=platform).status()
        assert not status.available
        assert status.fix == platform_fixes(platform).unavailable  # English unchanged
        assert status.message_in("en") == status.message
        assert status.fix_in("en") == status.fix
        assert "無効" in status.message_in("ja")  # the null backend, in plain words
        assert JAPANESE.search(status.message_in("ja"))
        assert JAPANESE.search(status.fix_in("ja"))
        assert platform_fixes(platform).locked_in("ja") != platform_fixes(platform).locked
        assert JAPANESE.search(platform_fixes(platform).locked_in("ja"))
    available = Vault(backend=MemoryKeyring(), index_dir=tmp_path).status()
    assert available.available
    assert available.message == f"Private keys are kept in {available.backend_name}."
    assert available.message_in("ja") == f"秘密鍵は {available.backend_name} に保管されます。"


def test_refusal_reasons_in_japanese() -> None:
    from keyring.backends import chainer

    plain = PlaintextKeyring()
    english = refusal_reason(plain)
    assert english is not None
    assert english.endswith("which sfjwt-gui never uses for private keys")
    japanese = refusal_reason(plain, "ja")
    assert japanese is not None
    assert "平文" in japanese
    assert "keyrings.alt" in japanese
    assert "PlaintextKeyring" not in japanese  # no class names reach the user

    class OnlyPlainChain(chainer.ChainerBackend):
        backends = [plain]  # noqa: RUF012 - keyring reads the chain from the class

    chained = refusal_reason(OnlyPlainChain(), "ja")
    assert chained is not None
    assert chained.startswith("このコンピューターに設定されたキーリングの一つは")
    assert "平文" in chained
    assert refusal_reason(null.Keyring(), "ja") == "キーリングが無効になっています（何も保存しない設定です）"
