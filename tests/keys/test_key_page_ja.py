"""The Key & certificate page in a Japanese window shows core's repair notes, validity warnings and keyring reasons
in Japanese (pytest-qt, real import in the background, real vault on an in-memory keyring)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from keyring.backends import fail
from memory_backend import MemoryKeyring

from sfjwt_gui.core.vault import Vault

TIMEOUT = 20_000


@pytest.fixture
def japanese(japanese_app: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A Session in Japanese (Qt translators installed too) with a vault on an in-memory keyring."""
    from sfjwt_gui.ui.state import AppState

    monkeypatch.setenv("SFJWT_SETTINGS_DIR", str(tmp_path / "qsettings"))
    session = AppState()
    session.vault = Vault(backend=MemoryKeyring(), index_dir=tmp_path / "data")
    session.language = "ja"
    return session


def _page(qtbot: Any, session: Any) -> Any:
    from sfjwt_gui.ui.pages.key_page import KeyPage

    page = KeyPage(session)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.vault_status is not None, timeout=TIMEOUT)
    return page


def test_mangled_pem_import_shows_japanese_repair_notes(qtbot: Any, japanese: Any, rsa_key: Any) -> None:
    page = _page(qtbot, japanese)
    pem = rsa_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")
    page.paste_edit.setPlainText('"' + pem.replace("\n", "\\n") + '"')  # as a CI secret holds it
    page.import_pasted()
    qtbot.waitUntil(lambda: japanese.private_key is not None, timeout=TIMEOUT)
    assert page.status.kind == "ok"
    assert "修復した内容" in page.status.fix
    assert "全体を囲んでいたダブルクォートを取り除きました" in page.status.fix
    assert "文字どおりの \\n を改行に戻しました" in page.status.fix
    assert "removed" not in page.status.fix
    assert "literal" not in page.status.fix

    japanese.language = "en"  # the note follows a language switch
    assert "removed wrapping double quotes; turned literal \\n sequences into line breaks" in page.status.fix


def test_long_validity_warning_and_vault_error_in_japanese(qtbot: Any, japanese: Any, rsa_key: Any) -> None:
    page = _page(qtbot, japanese)
    page.cn_edit.setText("acme-integration")
    page.days_spin.setValue(4000)
    page.generate()
    qtbot.waitUntil(lambda: not page.generating and page.status.kind == "warning", timeout=TIMEOUT)
    assert "有効期間 4000 日は 10 年を超えています" in page.status.fix

    page.name_edit.setText("acme\tprod")  # a name the vault refuses (a tab pasted with it)
    page.save_to_keyring()
    qtbot.waitUntil(lambda: page.status.kind == "error", timeout=TIMEOUT)
    assert page.status.message.startswith("鍵の名前 'acme\\tprod' に制御文字")
    assert "'-'、'_'、'.'" in page.status.fix


def test_no_keyring_reason_is_japanese(qtbot: Any, japanese: Any, tmp_path: Path) -> None:
    japanese.vault = Vault(backend=fail.Keyring(), index_dir=tmp_path / "refused")
    page = _page(qtbot, japanese)
    assert not page.vault_status.available
    message = page.keyring_status.message
    assert "OS のキーリングを秘密鍵の保管に使えません" in message
    assert "このコンピューターにキーリングが見つかりません" in message
    assert "Cannot" not in message
    assert "no keyring backend" not in message
    assert "「再確認」" in page.keyring_status.fix
    japanese.language = "en"
    assert page.vault_status.message in page.keyring_status.message
    assert page.keyring_status.fix == page.vault_status.fix


def test_cut_off_paste_error_is_japanese_and_keeps_the_text(qtbot: Any, japanese: Any) -> None:
    page = _page(qtbot, japanese)
    page.paste_edit.setPlainText("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n")
    page.import_pasted()
    qtbot.waitUntil(lambda: page.status.kind == "error", timeout=TIMEOUT)
    assert page.status.message.startswith("貼り付けたテキスト の PRIVATE KEY には BEGIN 行がありますが")
    assert "END 行まで含めて" in page.status.fix
    assert "BEGIN PRIVATE KEY" in page.paste_edit.toPlainText()  # nothing lost
