"""Issue 10 on the Key page, as a user tries it: Generate then save the .crt in three clicks without scrolling at
1280x720 (dialog in Documents or the last folder, never the working directory), status lines that do not move the
buttons, duplicates, CSR and attaching the CA's certificate (openssl as the CA)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from sfjwt_gui.ui.pages import key_duplicates
from sfjwt_gui.ui.worker import wait_for_all

TIMEOUT = 30_000


def _visible_in_window(window: Any, widget: Any) -> bool:
    """The widget is on screen in the window without scrolling (its whole rectangle inside the page's viewport)."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    return (
        widget.isVisible()
        and top_left.y() >= 0
        and top_left.y() + widget.height() <= window.height() - window.statusBar().height()
    )


def test_generate_and_save_certificate_in_three_clicks(
    qtbot: Any, main_window: Any, session: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main_window.resize(1280, 720)
    page = main_window.show_step("key")
    asked: list[str] = []
    target = tmp_path / "out" / "picked.crt"
    target.parent.mkdir()

    def save_dialog(parent: Any, caption: str, suggested: str, file_filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    before = page.generate_button.mapTo(main_window, QPoint(0, 0))
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)  # click 1
    qtbot.waitUntil(lambda: session.certificate is not None, timeout=TIMEOUT)
    assert page.status.message  # a status line appeared …
    assert page.generate_button.mapTo(main_window, QPoint(0, 0)) == before  # … and nothing moved under the pointer
    assert _visible_in_window(main_window, page.save_cert_button)  # no scrolling at 1280x720
    qtbot.mouseClick(page.save_cert_button, Qt.MouseButton.LeftButton)  # click 2 (click 3 is the dialog's Save)
    qtbot.waitUntil(lambda: page.cert_out.saved_path is not None, timeout=TIMEOUT)
    from sfjwt_gui.core.save_location import start_folder

    first = Path(asked[0])
    assert first.parent == start_folder(None)  # Documents (or home): never the working directory
    assert first.parent != Path.cwd()
    assert first.suffix == ".crt"
    written = x509.load_pem_x509_certificate(target.read_bytes())
    assert written == session.certificate
    assert str(target.resolve()) in page.cert_out.path_label.text()
    assert page.open_folder_button.isEnabled()
    page.copy_path_button.click()
    assert QApplication.clipboard().text() == str(target.resolve())
    page.save_cert_button.click()  # the next dialog starts in the folder used last
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=TIMEOUT)
    assert Path(asked[1]).parent == target.parent
    wait_for_all()


def test_saving_a_key_already_stored_offers_the_existing_entry(
    qtbot: Any, main_window: Any, session: Any, vault: Any, rsa_key: Any, rsa_cert: Any, monkeypatch: Any
) -> None:
    vault.save("server", rsa_key, rsa_cert)
    page = main_window.show_step("key")
    page.current._adopt(rsa_key, rsa_cert, suggested_name="server-pass")  # e.g. server.pass.key imported
    qtbot.waitUntil(lambda: page.duplicates.existing == "server", timeout=TIMEOUT)
    assert "“server”" in page.status.message  # warned, naming the stored entry
    choices = [key_duplicates.DuplicateChoice.USE_EXISTING]
    questions: list[str] = []

    def answer(dialog: key_duplicates.DuplicateDialog) -> int:
        questions.append(dialog.question_label.text())
        dialog.choice = choices.pop(0)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(key_duplicates.DuplicateDialog, "exec", answer)
    page.name_edit.setText("server-pass")
    page.save_button.click()
    qtbot.waitUntil(lambda: session.key_name == "server", timeout=TIMEOUT)
    assert "“server”" in questions[0]
    assert [r.name for r in vault.list()] == ["server"]  # no second entry

    session.key_name = None  # unsaved again; this time save anyway
    choices.append(key_duplicates.DuplicateChoice.SAVE_ANYWAY)
    page.name_edit.setText("server-copy")
    page.save_button.click()
    qtbot.waitUntil(lambda: session.key_name == "server-copy", timeout=TIMEOUT)
    assert [r.name for r in vault.list()] == ["server", "server-copy"]
    wait_for_all()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl as the test CA")
def test_csr_for_a_stored_key_then_attach_the_ca_certificate(
    qtbot: Any,
    main_window: Any,
    session: Any,
    vault: Any,
    rsa_key: Any,
    rsa_cert: Any,
    tmp_path: Path,
    monkeypatch: Any,
) -> None:
    from sfjwt_gui.ui.pages import key_csr

    vault.save("acme-prod", rsa_key, rsa_cert)
    session.private_key, session.certificate, session.key_name = rsa_key, rsa_cert, "acme-prod"
    page = main_window.show_step("key")
    assert page.csr_button.isEnabled()
    assert page.attach_button.isEnabled()
    request_path = tmp_path / "acme.csr"

    def fill(dialog: key_csr.CsrDialog) -> int:
        assert dialog.cn_edit.text() == "sfjwt-test"  # filled from the key's current certificate
        dialog.org_edit.setText("Acme KK")
        dialog.country_edit.setText("jp")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(key_csr.CsrDialog, "exec", fill)
    monkeypatch.setattr(key_csr, "choose_save_path", lambda *a: request_path)
    page.csr_button.click()
    qtbot.waitUntil(request_path.exists, timeout=TIMEOUT)
    wait_for_all()
    verify = subprocess.run(
        ["openssl", "req", "-in", str(request_path), "-noout", "-verify", "-subject"], capture_output=True, text=True
    )
    assert verify.returncode == 0, verify.stderr
    assert "Acme KK" in verify.stdout
    assert "JP" in verify.stdout
    ca_key, ca_cert, issued = tmp_path / "ca.key", tmp_path / "ca.crt", tmp_path / "issued.crt"
    env = {**os.environ, "OPENSSL_CONF": "/dev/null"}
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(ca_key), "-out", str(ca_cert),
         "-subj", "/CN=Test CA", "-days", "30"],
        check=True, capture_output=True, env=env,
    )  # fmt: skip
    subprocess.run(
        ["openssl", "x509", "-req", "-in", str(request_path), "-CA", str(ca_cert), "-CAkey", str(ca_key),
         "-CAcreateserial", "-out", str(issued), "-days", "30"],
        check=True, capture_output=True, env=env,
    )  # fmt: skip
    monkeypatch.setattr(key_csr, "choose_open_path", lambda *a: issued)
    page.attach_button.click()
    qtbot.waitUntil(lambda: session.certificate.issuer.rfc4514_string() == "CN=Test CA", timeout=TIMEOUT)
    assert vault.load_certificate("acme-prod").issuer.rfc4514_string() == "CN=Test CA"
    import jwt as pyjwt

    token = pyjwt.encode({"sub": "a"}, rsa_key, algorithm="RS256")
    assert pyjwt.decode(token, session.certificate.public_key(), algorithms=["RS256"]) == {"sub": "a"}

    monkeypatch.setattr(key_csr, "choose_open_path", lambda *a: ca_cert)  # the CA's own certificate: not this key's
    page.attach_button.click()
    qtbot.waitUntil(lambda: page.status.kind == "error", timeout=TIMEOUT)
    from sfjwt_gui.core.csr import certificate_for_key
    from sfjwt_gui.core.errors import CertificateError

    with pytest.raises(CertificateError) as refused:
        certificate_for_key(rsa_key, [x509.load_pem_x509_certificate(ca_cert.read_bytes())], name="acme-prod")
    from sfjwt_gui.ui.errors import error_parts

    assert page.status.message == error_parts(refused.value, "en")[0]  # the window's one error renderer
    assert vault.load_certificate("acme-prod").issuer.rfc4514_string() == "CN=Test CA"  # unchanged
    wait_for_all()


def test_no_internal_names_anywhere_in_the_window_without_a_keyring(
    qtbot: Any, session: Any, data_dir: Path, ui_settings: Path
) -> None:
    """Without a keyring, every page in English and Japanese: no module/class path, no raw backticks, in any text
    or tooltip; the Key page's Save and the Keys tool's actions say why they cannot work."""
    from keyring.backends import fail
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    from sfjwt_gui.core.vault import Vault
    from sfjwt_gui.ui.main_window import MainWindow
    from sfjwt_gui.ui.pages.registry import ENTRIES

    session.vault = Vault(backend=fail.Keyring(), index_dir=data_dir)
    window = MainWindow(session, build_pages_eagerly=True)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    key = window.page("key")
    qtbot.waitUntil(lambda: key.vault_status is not None, timeout=TIMEOUT)
    keys = window.page("keys")
    window.show_step("keys")
    qtbot.waitUntil(lambda: keys.loaded_once and keys._vault_status is not None, timeout=TIMEOUT)
    try:
        for lang in ("en", "ja"):
            window.switch_language(lang)
            for entry in ENTRIES:
                page = window.show_step(entry.step_id)
                for widget in page.findChildren(QWidget):
                    texts = [widget.toolTip(), widget.accessibleDescription()]
                    if isinstance(widget, QLabel | QAbstractButton):
                        texts.append(widget.text())
                    for text in texts:
                        assert "keyring.backends" not in text, (lang, entry.step_id, text)
                        assert "`" not in text, (lang, entry.step_id, text)
            assert not key.save_button.isEnabled()
            assert "keyring" in key.save_button.toolTip().lower() or "キーリング" in key.save_button.toolTip()
    finally:
        window.switch_language("en")
        window.close()
        wait_for_all()


def test_csr_and_attach_for_an_unsaved_session_key(
    qtbot: Any, main_window: Any, session: Any, vault: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """A key not saved to the keyring: the request is made from the key in memory, and only a certificate carrying
    its public key is taken (nothing is written to the keyring)."""
    from cryptography.hazmat.primitives import serialization

    from sfjwt_gui.core.key_generation import Subject, generate_private_key, self_signed_certificate
    from sfjwt_gui.ui.pages import key_csr

    key = generate_private_key(2048)
    session.private_key, session.certificate, session.key_name = key, None, None
    page = main_window.show_step("key")
    assert page.csr_button.isEnabled()
    request_path = tmp_path / "session.csr"
    monkeypatch.setattr(key_csr.CsrDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(key_csr, "choose_save_path", lambda *a: request_path)
    page.csr_button.click()
    qtbot.waitUntil(request_path.exists, timeout=TIMEOUT)
    wait_for_all()
    request = x509.load_pem_x509_csr(request_path.read_bytes())
    assert request.is_signature_valid
    assert request.public_key().public_numbers() == key.public_key().public_numbers()

    issued = tmp_path / "chain.pem"  # a chain file: another certificate first, this key's second
    other = generate_private_key(2048)
    mine = self_signed_certificate(key, Subject("issued-for-session"))
    issued.write_bytes(
        self_signed_certificate(other, Subject("ca")).public_bytes(serialization.Encoding.PEM)
        + mine.public_bytes(serialization.Encoding.PEM)
    )
    monkeypatch.setattr(key_csr, "choose_open_path", lambda *a: issued)
    page.attach_button.click()
    qtbot.waitUntil(lambda: session.certificate is not None, timeout=TIMEOUT)
    assert session.certificate == mine
    assert vault.list() == []
    wait_for_all()
