"""The keyring banner and the disabled-button reasons in plain words, en and ja, for real backends: keyring's own
'fail' and 'null' backends, a plain-text store, a locked keyring and a working one. No module path, class name,
exception name or backtick reaches these texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from keyring.backends import fail, null
from memory_backend import MemoryKeyring, PlaintextKeyring

from sfjwt_gui.core.key_texts import texts
from sfjwt_gui.core.keyring_status import (
    KeyringState,
    VaultAction,
    disabled_reason,
    keyring_banner,
    keyring_state,
)
from sfjwt_gui.core.vault import Vault, VaultStatus

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
INTERNAL = re.compile(r"`|keyring\.backends|Keyring\b|Error\b|\{\w+\}|memory_backend")


def _clean(text: str) -> None:
    assert not INTERNAL.search(text), text


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), PlaintextKeyring()], ids=["fail", "null", "plain"])
@pytest.mark.parametrize("platform", ["linux", "darwin", "win32", "sunos5"])
def test_without_a_keyring_keys_stay_in_memory_in_plain_words(backend: object, platform: str, tmp_path: Path) -> None:
    status = Vault(backend=backend, index_dir=tmp_path, platform=platform).status()
    assert keyring_state(status) is KeyringState.MEMORY_ONLY
    english = keyring_banner(status, "en", platform=platform)
    assert "keys stay in memory for this session only" in english.headline
    assert english.why.startswith("Why: ")
    assert english.how.startswith("To keep keys between sessions")
    japanese = keyring_banner(status, "ja", platform=platform)
    assert "このセッションの間だけメモリー" in japanese.headline
    for banner in (english, japanese):
        _clean(banner.text)
    assert JAPANESE.search(japanese.why)
    assert JAPANESE.search(japanese.how)
    assert status.backend_name in ("none", "PlaintextKeyring")  # the class name at most, never its module path
    _clean(status.message_in("en"))
    _clean(status.fix_in("ja"))


def test_linux_how_to_names_the_package_and_headless_way(tmp_path: Path) -> None:
    status = Vault(backend=fail.Keyring(), index_dir=tmp_path, platform="linux").status()
    how = keyring_banner(status, "en", platform="linux").how
    assert '"sudo apt install gnome-keyring"' in how
    assert "dbus-run-session" in how
    assert "「sudo apt install gnome-keyring」" in keyring_banner(status, "ja", platform="linux").how


def test_working_and_locked_keyrings(tmp_path: Path) -> None:
    status = Vault(backend=MemoryKeyring(), index_dir=tmp_path).status()
    banner = keyring_banner(status, "ja")
    assert banner.state is KeyringState.OK
    assert banner.why == ""
    assert banner.how == ""
    assert disabled_reason(status, VaultAction.SAVE) is None
    locked = VaultStatus(False, "Secret Service", "locked", "fix", "keyring-locked", {})
    assert keyring_banner(locked, "en", platform="linux").headline.startswith("The keyring is locked")
    assert "Unlock your keyring" in keyring_banner(locked, "en", platform="linux").how
    assert "unlock it, then check again" in (disabled_reason(locked, VaultAction.DELETE) or "")
    failed = VaultStatus(False, "Secret Service", "failed", "fix", "keyring-failed", {})
    assert keyring_state(failed) is KeyringState.FAILED
    assert keyring_state(None) is KeyringState.MEMORY_ONLY  # no vault configured at all


def test_every_button_says_why_it_cannot_work(tmp_path: Path) -> None:
    refused = Vault(backend=fail.Keyring(), index_dir=tmp_path).status()
    working = Vault(backend=MemoryKeyring(), index_dir=tmp_path).status()
    for action in VaultAction:
        for lang in ("en", "ja"):
            reason = disabled_reason(refused, action, lang)
            if action is VaultAction.EXPORT_CERTIFICATE:
                assert reason is None  # the certificate is in the index: no keyring needed
                continue
            assert reason is not None
            _clean(reason)
            assert "keyring" in reason if lang == "en" else "キーリング" in reason
    assert "Saving to the keyring needs a keyring" in (disabled_reason(refused, VaultAction.SAVE) or "")
    assert "generate or import one first" in (disabled_reason(working, VaultAction.CSR, has_key=False) or "")
    no_cert = disabled_reason(working, VaultAction.EXPORT_CERTIFICATE, "ja", has_certificate=False)
    assert no_cert is not None
    assert "証明書" in no_cert


def test_no_backticks_or_class_paths_in_any_keys_text() -> None:
    def strings(node: object) -> list[str]:
        if isinstance(node, dict):
            return [s for value in node.values() for s in strings(value)]
        return [node] if isinstance(node, str) else []

    for text in strings(texts()):
        assert "`" not in text, text
        assert "keyring.backends" not in text, text
