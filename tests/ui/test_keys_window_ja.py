"""In a Japanese window, core's errors and keyring status read as Japanese on the keys tool, the decode tool and
the main window's status bar (real failures: a refusing keyring, a taken name, a broken certificate file, a profile
naming a key that is not stored)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QDialog

from sfjwt_gui.core.vault import Vault
from sfjwt_gui.ui.dialogs import confirm

TIMEOUT = 20_000


@pytest.fixture
def japanese(japanese_app: None, session: Any) -> Any:
    """The test session in Japanese, with the application's translators in Japanese too."""
    session.language = "ja"
    return session


def _keys_tool(qtbot: Any, session: Any) -> Any:
    from sfjwt_gui.ui.pages.keys_tool import KeysToolPage

    page = KeysToolPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.loaded_once, timeout=TIMEOUT)
    return page


def test_keys_tool_no_keyring_reason_is_japanese(qtbot: Any, japanese: Any, tmp_path: Path) -> None:
    japanese.vault = Vault(backend=fail.Keyring(), index_dir=tmp_path / "refused")
    page = _keys_tool(qtbot, japanese)
    qtbot.waitUntil(lambda: page.keyring_status.message != "", timeout=TIMEOUT)
    assert "OS のキーリングを秘密鍵の保管に使えません" in page.keyring_status.message
    assert "Cannot" not in page.keyring_status.message
    assert page.keyring_status.fix == page._vault_status.fix_in("ja")
    assert page.keyring_status.fix != page._vault_status.fix
    japanese.language = "en"  # follows a language switch
    assert page._vault_status.message in page.keyring_status.message
    assert page.keyring_status.fix == page._vault_status.fix


def test_keys_tool_rename_error_is_japanese(
    qtbot: Any, japanese: Any, vault: Any, rsa_key: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.save("acme-prod", rsa_key)
    vault.save("bare-key", rsa_key, allow_duplicate=True)  # same key, second name

    def rename_exec(dialog: confirm.RenameDialog) -> int:
        dialog.name_edit.setText("bare-key")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(confirm.RenameDialog, "exec", rename_exec)
    page = _keys_tool(qtbot, japanese)
    qtbot.waitUntil(lambda: len(page.records) == 2, timeout=TIMEOUT)
    page.select("acme-prod")
    page.rename_selected()
    qtbot.waitUntil(lambda: page.status.kind == "error", timeout=TIMEOUT)
    assert page.status.message == "'bare-key' という名前の鍵はすでにあります。"
    assert page.status.fix == "別の名前にするか、先にその鍵を削除してください。"
    japanese.language = "en"
    assert page.status.message == "A key named 'bare-key' already exists."


def test_decode_tool_certificate_error_is_japanese(qtbot: Any, japanese: Any, tmp_path: Path) -> None:
    from sfjwt_gui.ui.pages.decode_tool import DecodeToolPage

    page = DecodeToolPage(japanese)
    qtbot.addWidget(page)
    broken = tmp_path / "uploaded.crt"
    broken.write_bytes(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    page.load_certificate_file(broken)
    qtbot.waitUntil(lambda: page.status.kind == "error", timeout=TIMEOUT)
    assert "証明書を解析できません" in page.status.message
    assert "Cannot" not in page.status.message
    assert "もう一度エクスポートしてください" in page.status.fix


def test_profile_key_failure_in_status_bar_is_japanese(qtbot: Any, main_window: Any, japanese: Any) -> None:
    s = main_window.state
    s.endpoint = "https://acme.my.salesforce.com"
    s.key_name = "gone-key"  # the profile names a key the vault does not hold
    main_window.save_profile("acme")
    s.key_name = None
    main_window.load_profile("acme")
    bar = main_window.statusBar()
    qtbot.waitUntil(lambda: "gone-key" in bar.currentMessage(), timeout=TIMEOUT)
    text = bar.currentMessage()
    assert "'gone-key' という名前の鍵は保存されていません" in text
    assert "No key named" not in text


def test_unreadable_and_oversized_dropped_files_are_reported_in_japanese(
    qtbot: Any, japanese: Any, tmp_path: Path
) -> None:
    from sfjwt_gui.ui.pages.decode_tool import DecodeToolPage
    from sfjwt_gui.ui.pages.key_page import KeyPage
    from sfjwt_gui.ui.widgets.paste_box import MAX_DROPPED_BYTES

    page = KeyPage(japanese)
    qtbot.addWidget(page)
    page.compare_with_file(tmp_path / "missing.crt")
    qtbot.waitUntil(lambda: page.compare_result.kind == "error", timeout=TIMEOUT)
    assert f"'{tmp_path / 'missing.crt'}' を読み込めません" in page.compare_result.message
    assert page.compare_result.fix == "パスとアクセス権を確認してください。"

    huge = tmp_path / "huge.log"
    with huge.open("wb") as handle:
        handle.truncate(MAX_DROPPED_BYTES + 1)
    tool = DecodeToolPage(japanese)
    qtbot.addWidget(tool)
    tool.load_certificate_file(huge)
    qtbot.waitUntil(lambda: tool.status.kind == "error", timeout=TIMEOUT)
    assert (
        tool.status.message
        == f"huge.log は {MAX_DROPPED_BYTES + 1} バイトあり、トークンやレスポンスが入ったファイルとしては大きすぎます。"
    )
    assert "ドロップしてください" in tool.status.fix
