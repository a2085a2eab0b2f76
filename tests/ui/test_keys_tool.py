"""Keys tool: list, load into the session, rename and delete (with confirmation), export, empty state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from PySide6.QtWidgets import QDialog

from sfjwt_gui.ui.dialogs import confirm, export_dialog
from sfjwt_gui.ui.pages.keys_tool import KeysToolPage
from sfjwt_gui.ui.worker import wait_for_all

TIMEOUT = 20_000


@pytest.fixture
def tool(qtbot: Any, session: Any, vault: Any, rsa_key: Any, rsa_cert: Any) -> Any:
    vault.save("acme-prod", rsa_key, rsa_cert)
    vault.save("bare-key", rsa_key, allow_duplicate=True)  # same key, second name
    page = KeysToolPage(session)
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()  # showing the page reads the list
    qtbot.waitUntil(lambda: len(page.records) == 2, timeout=TIMEOUT)
    yield page
    wait_for_all()


def names(page: Any) -> list[str]:
    return [r.name for r in page.records]


def test_lists_keys_with_bits_fingerprint_and_expiry(tool: Any, rsa_cert: Any) -> None:
    from sfjwt_gui.core.expiry import whole_days_left

    assert names(tool) == ["acme-prod", "bare-key"]
    assert tool.stack.currentWidget() is tool.table
    assert tool.table.columnCount() == 6
    row = [tool.table.name_at(i) for i in range(2)].index("acme-prod")
    full = ":".join(f"{b:02X}" for b in rsa_cert.fingerprint(hashes.SHA256()))
    assert tool.table.item(row, 1).text() == rsa_cert.subject.rfc4514_string()
    assert tool.table.item(row, 2).text() == "2048"
    left = whole_days_left(rsa_cert.not_valid_after_utc)
    assert tool.table.item(row, 3).text() == f"{rsa_cert.not_valid_after_utc:%Y-%m-%d} ({left} days left)"
    assert tool.table.item(row, 4).text() == full[:11] + "…"  # short, the full one in the tooltip
    assert full in tool.table.item(row, 4).toolTip()
    assert tool.table.item(row, 5).text() == "—"
    bare = 1 - row
    assert tool.table.item(bare, 1).text() == "(no certificate)"
    assert tool.table.item(bare, 3).text() == "—"


def test_table_sorts_by_values_and_names_profiles(
    qtbot: Any, session: Any, vault: Any, rsa_key: Any, tmp_path: Path, ui_settings: Path, monkeypatch: Any
) -> None:
    """Sorting by size and expiry uses numbers; the profiles that use a key are listed."""
    from PySide6.QtCore import Qt

    from sfjwt_gui.core.key_generation import Subject, generate_private_key, self_signed_certificate
    from sfjwt_gui.core.profiles import Profile as CliProfile
    from sfjwt_gui.core.profiles import ProfileStore

    monkeypatch.setenv("SFJWT_CONFIG_DIR", str(tmp_path / "config"))
    small = rsa_key
    big = generate_private_key(3072)
    vault.save("zeta-long", small, self_signed_certificate(small, Subject("zeta"), days=700))
    vault.save("alpha-soon", big, self_signed_certificate(big, Subject("alpha"), days=10))
    ProfileStore().save(CliProfile(name="cli-prod", key_name="alpha-soon"))
    ProfileStore().save(CliProfile(name="window-dev", key_name="alpha-soon"))
    page = KeysToolPage(session)
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    qtbot.waitUntil(lambda: len(page.records) == 2, timeout=TIMEOUT)
    table = page.table
    table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # bits: 3072 before 2048
    assert [table.name_at(i) for i in range(2)] == ["alpha-soon", "zeta-long"]
    table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # days left: 10 before 700
    assert [table.name_at(i) for i in range(2)] == ["alpha-soon", "zeta-long"]
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [table.name_at(i) for i in range(2)] == ["zeta-long", "alpha-soon"]
    alpha = [table.name_at(i) for i in range(2)].index("alpha-soon")
    assert table.item(alpha, 5).text() == "cli-prod, window-dev"
    soon = table.item(alpha, 3)
    assert "days left" in soon.text()
    assert soon.foreground().color().name() != "#000000"
    wait_for_all()


def test_load_into_session(qtbot: Any, tool: Any, session: Any, rsa_key: Any, rsa_cert: Any) -> None:
    tool.select("acme-prod")
    tool.load_button.click()
    qtbot.waitUntil(lambda: session.key_name == "acme-prod", timeout=TIMEOUT)
    assert session.private_key.private_numbers() == rsa_key.private_numbers()
    assert session.certificate == rsa_cert


def test_rename_then_delete_with_confirmation(
    qtbot: Any, tool: Any, vault: Any, session: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.key_name = "acme-prod"

    def rename_exec(dialog: confirm.RenameDialog) -> int:
        dialog.name_edit.setText("acme-production")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(confirm.RenameDialog, "exec", rename_exec)
    tool.select("acme-prod")
    tool.rename_button.click()
    qtbot.waitUntil(lambda: "acme-production" in names(tool), timeout=TIMEOUT)
    assert [r.name for r in vault.list()] == ["acme-production", "bare-key"]
    assert session.key_name == "acme-production"  # the session follows the rename
    assert tool.selected_name() == "acme-production"

    answers = [QDialog.DialogCode.Rejected, QDialog.DialogCode.Accepted]
    questions: list[str] = []

    def confirm_exec(dialog: confirm.ConfirmDialog) -> int:
        questions.append(dialog.question_label.text())
        return answers.pop(0)

    monkeypatch.setattr(confirm.ConfirmDialog, "exec", confirm_exec)
    tool.delete_button.click()  # answered Cancel: nothing happens
    wait_for_all()
    assert len(vault.list()) == 2
    tool.delete_button.click()
    qtbot.waitUntil(lambda: names(tool) == ["bare-key"], timeout=TIMEOUT)
    assert "acme-production" in questions[0]
    assert [r.name for r in vault.list()] == ["bare-key"]
    assert session.key_name is None

    tool.select("bare-key")
    monkeypatch.setattr(confirm.ConfirmDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    tool.delete_button.click()
    qtbot.waitUntil(lambda: names(tool) == [], timeout=TIMEOUT)
    assert tool.stack.currentWidget() is tool.empty_label
    assert tool.empty_label.text()
    assert not tool.delete_button.isEnabled()


def test_rename_to_a_taken_name_shows_the_core_error(qtbot: Any, tool: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def rename_exec(dialog: confirm.RenameDialog) -> int:
        dialog.name_edit.setText("bare-key")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(confirm.RenameDialog, "exec", rename_exec)
    tool.select("acme-prod")
    tool.rename_selected()
    qtbot.waitUntil(lambda: tool.status.kind == "error", timeout=TIMEOUT)
    assert "bare-key" in tool.status.message
    assert tool.status.fix
    assert names(tool) == ["acme-prod", "bare-key"]


def test_export_from_the_list(
    qtbot: Any, tool: Any, rsa_key: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sfjwt_gui.core.keys import read_jks

    target = tmp_path / "acme.jks"

    def fake_exec(dialog: export_dialog.ExportDialog) -> int:
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(export_dialog.ExportFormat.JKS))
        dialog.alias_edit.setText("acme")
        dialog.passphrase_edit.setText("store-pass")
        dialog.confirm_edit.setText("store-pass")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fake_exec)
    monkeypatch.setattr(export_dialog, "choose_save_path", lambda *a: target)
    tool.select("acme-prod")
    tool.export_button.click()
    qtbot.waitUntil(lambda: tool.status.kind == "ok", timeout=TIMEOUT)
    store = read_jks(target.read_bytes(), "store-pass")
    (entry,) = store.private_keys
    assert entry.alias == "acme"
    assert entry.private_key.private_numbers() == rsa_key.private_numbers()
    assert str(target) in tool.status.message


def test_a_certificate_export_never_reads_the_private_key(
    qtbot: Any, tool: Any, rsa_cert: Any, memory_keyring: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "acme.crt"
    read: list[str] = []
    real_get = memory_keyring.get_password

    def counting_get(service: str, username: str) -> str | None:
        read.append(username)
        return real_get(service, username)

    def crt_exec(dialog: export_dialog.ExportDialog) -> int:
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(export_dialog.ExportFormat.CRT))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(memory_keyring, "get_password", counting_get)
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", crt_exec)
    monkeypatch.setattr(export_dialog, "choose_save_path", lambda *a: target)
    tool.select("acme-prod")
    tool.export_button.click()
    qtbot.waitUntil(lambda: tool.status.kind == "ok", timeout=TIMEOUT)
    assert target.read_bytes() == rsa_cert.public_bytes(serialization.Encoding.PEM)
    assert read == []  # the certificate comes from the index: no keyring read, no unlock prompt


def test_empty_state_without_keys(qtbot: Any, session: Any) -> None:
    page = KeysToolPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.loaded_once, timeout=TIMEOUT)
    assert page.stack.currentWidget() is page.empty_label
    assert "Save to keyring" in page.empty_label.text()
    for button in (page.load_button, page.rename_button, page.export_button, page.delete_button, page.csr_button):
        assert not button.isEnabled()
        assert button.toolTip()  # says why it cannot work


def test_csr_and_attach_from_the_keys_tool(
    qtbot: Any, tool: Any, vault: Any, rsa_key: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The selected key's request is a real PKCS#10 signed by it; a certificate of another key is refused naming both
    fingerprints (rendered by the window's one error renderer) and the stored certificate stays."""
    from cryptography import x509

    from sfjwt_gui.core.fingerprints import key_matches_certificate
    from sfjwt_gui.core.key_generation import Subject, generate_private_key, self_signed_certificate
    from sfjwt_gui.ui.pages import key_csr

    target = tmp_path / "bare.csr"
    monkeypatch.setattr(key_csr.CsrDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(key_csr, "choose_save_path", lambda *a: target)
    tool.select("bare-key")
    assert tool.csr_button.isEnabled()
    tool.csr_button.click()
    qtbot.waitUntil(target.exists, timeout=TIMEOUT)
    wait_for_all()
    request = x509.load_pem_x509_csr(target.read_bytes())
    assert request.is_signature_valid
    assert request.subject.rfc4514_string() == "CN=bare-key"  # no certificate: CN defaults to the key's name
    assert request.public_key().public_numbers() == rsa_key.public_key().public_numbers()

    other = generate_private_key(2048)
    foreign = tmp_path / "foreign.crt"
    foreign.write_bytes(
        self_signed_certificate(other, Subject("someone-else")).public_bytes(serialization.Encoding.PEM)
    )
    monkeypatch.setattr(key_csr, "choose_open_path", lambda *a: foreign)
    tool.attach_button.click()
    qtbot.waitUntil(lambda: tool.status.kind == "error", timeout=TIMEOUT)
    import hashlib

    from sfjwt_gui.core.fingerprints import colon_hex, public_key_der

    shown = tool.status.plain_text()
    for key in (rsa_key, other):  # both public-key fingerprints are named
        assert colon_hex(hashlib.sha256(public_key_der(key)).digest()) in shown.replace("\u200b", "")
    assert vault.load_certificate("bare-key") is None
    wait_for_all()
    assert key_matches_certificate(rsa_key, vault.load_certificate("acme-prod"))


def test_an_interrupted_deletion_is_listed_as_such_and_finished_by_delete(
    qtbot: Any, tool: Any, vault: Any, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sfjwt_gui.core.errors import VaultError

    real_delete = memory_keyring.delete_password
    deleted: list[str] = []

    def delete_once(service: str, username: str) -> None:  # the keyring goes away after the first entry
        if deleted:
            raise OSError("keyring went away")
        deleted.append(username)
        real_delete(service, username)

    monkeypatch.setattr(memory_keyring, "delete_password", delete_once)
    with pytest.raises(VaultError):
        vault.delete("acme-prod")
    monkeypatch.setattr(memory_keyring, "delete_password", real_delete)
    assert [r.deleting for r in vault.list()] == [True, False]

    tool.refresh()
    qtbot.waitUntil(lambda: any(r.deleting for r in tool.records), timeout=TIMEOUT)
    row = [tool.table.name_at(i) for i in range(2)].index("acme-prod")
    assert tool.table.item(row, 3).text() == "Deletion incomplete: delete it again"
    tool.select("acme-prod")
    assert not tool.load_button.isEnabled()
    assert not tool.export_button.isEnabled()
    assert "interrupted" in tool.load_button.toolTip()
    assert tool.delete_button.isEnabled()

    monkeypatch.setattr(confirm.ConfirmDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    tool.delete_button.click()
    qtbot.waitUntil(lambda: names(tool) == ["bare-key"], timeout=TIMEOUT)
    assert [r.name for r in vault.list()] == ["bare-key"]
