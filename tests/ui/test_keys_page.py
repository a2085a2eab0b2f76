"""Key & certificate page: real key generation, import with a passphrase prompt, drag and drop, keyring save,
compare with the uploaded certificate, export in every format read back with core, and the Setup checklist."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from drops import drop_files
from prompts import answer_secret_prompts
from PySide6.QtWidgets import QApplication, QDialog

from sfjwt_gui.ui.dialogs import confirm, export_dialog
from sfjwt_gui.ui.pages.key_page import KeyPage
from sfjwt_gui.ui.worker import wait_for_all

TIMEOUT = 30_000


def colon_sha256(cert: x509.Certificate) -> str:
    """Fingerprint computed here, independently of the app's helpers."""
    return ":".join(f"{b:02X}" for b in cert.fingerprint(hashes.SHA256()))


def make_cert(key: rsa.RSAPrivateKey, days: float, cn: str = "other") -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=2))
        .not_valid_after(now + dt.timedelta(days=days))
        .sign(key, hashes.SHA256())
    )


@pytest.fixture(scope="module")
def other_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def page(qtbot: Any, session: Any, ui_settings: Path) -> Any:
    widget = KeyPage(session)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.vault_status is not None, timeout=TIMEOUT)
    yield widget
    wait_for_all()


def same_key(a: Any, b: Any) -> bool:
    return bool(a.public_key().public_numbers() == b.public_key().public_numbers())


def answer_passphrases(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> list[str]:
    """Answer passphrase prompts in order; returns the error texts each prompt showed."""
    return answer_secret_prompts(monkeypatch, answers)


def test_keyring_status_names_the_backend(page: Any) -> None:
    assert page.vault_status.available
    assert page.vault_status.backend_name in page.keyring_status.plain_text()


def test_generate_real_key_shows_fingerprints_and_sets_step(qtbot: Any, page: Any, session: Any) -> None:
    page.cn_edit.setText("acme-integration")
    page.days_spin.setValue(200)
    page.generate()
    assert page.progress.isVisible()
    assert page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: session.certificate is not None, timeout=TIMEOUT)
    key, cert = session.private_key, session.certificate
    assert key.key_size == 2048
    assert cert.public_key().public_numbers() == key.public_key().public_numbers()
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "acme-integration"
    assert page.sha256_edit.text() == colon_sha256(cert)
    sha1 = ":".join(f"{b:02X}" for b in cert.fingerprint(hashes.SHA1()))  # noqa: S303 - display fingerprint
    assert page.sha1_edit.text() == sha1
    assert not page.progress.isVisible()
    assert page.step_state() == "ok"
    assert page.expiry_label.property("expiryState") == "ok"
    page.copy_sha256.click()
    assert QApplication.clipboard().text() == colon_sha256(cert)


def test_very_long_validity_is_generated_with_core_warning(qtbot: Any, page: Any, session: Any) -> None:
    page.days_spin.setValue(20 * 365)
    page.generate()
    qtbot.waitUntil(lambda: session.certificate is not None, timeout=TIMEOUT)
    assert page.status.kind == "warning"
    assert str(20 * 365) in page.status.fix  # core's warning names the validity chosen


def test_cancel_abandons_generation_and_discards_the_result(qtbot: Any, page: Any, session: Any) -> None:
    page.generate()
    page.cancel_button.click()
    assert not page.generating
    assert page.generate_button.isEnabled()
    assert "discarded" in page.status.plain_text()
    assert "cannot be interrupted" in page.cancel_button.toolTip()
    wait_for_all()
    qtbot.wait(50)  # let the queued result arrive: it must be dropped
    assert session.private_key is None


def test_import_encrypted_pem_asks_for_the_passphrase_and_retries(
    qtbot: Any, page: Any, session: Any, rsa_key: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "server.key"
    path.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"right horse"),
        )
    )
    shown = answer_passphrases(monkeypatch, ["wrong", "right horse"])
    page.import_file(path)
    qtbot.waitUntil(lambda: session.private_key is not None, timeout=TIMEOUT)
    assert same_key(session.private_key, rsa_key)
    assert len(shown) == 2
    assert shown[0] == ""  # first prompt: no error yet
    assert shown[1]  # second prompt says the first passphrase was wrong
    assert page.name_edit.text() == "server"
    assert "server.key" in page.status.plain_text()


def test_import_cancelled_prompt_keeps_state(
    qtbot: Any, page: Any, session: Any, rsa_key: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "enc.pem"
    path.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.BestAvailableEncryption(b"x")
        )
    )
    shown = answer_passphrases(monkeypatch, [])
    page.import_file(path)
    qtbot.waitUntil(lambda: bool(shown) and page.status.isVisible(), timeout=TIMEOUT)
    assert session.private_key is None
    assert page.status.kind == "info"


def test_paste_broken_text_shows_core_error_and_keeps_text(qtbot: Any, page: Any, session: Any) -> None:
    page.paste_edit.setPlainText("-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n")
    page.import_pasted()
    qtbot.waitUntil(lambda: page.status.kind == "error", timeout=TIMEOUT)
    assert page.status.fix  # core errors say what to do
    assert "not base64" in page.paste_edit.toPlainText()  # nothing lost
    assert session.private_key is None


def test_drop_a_key_and_certificate_file(
    qtbot: Any, page: Any, session: Any, rsa_key: Any, rsa_cert: Any, tmp_path: Path
) -> None:
    path = tmp_path / "bundle.pem"
    path.write_bytes(
        rsa_cert.public_bytes(serialization.Encoding.PEM)
        + rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
        )
    )
    drop_files(page, [path])
    qtbot.waitUntil(lambda: session.certificate is not None, timeout=TIMEOUT)
    assert same_key(session.private_key, rsa_key)
    assert page.sha256_edit.text() == colon_sha256(rsa_cert)


def test_compare_match_and_mismatch(
    qtbot: Any, page: Any, session: Any, rsa_key: Any, rsa_cert: Any, other_key: Any, tmp_path: Path
) -> None:
    session.private_key = rsa_key
    session.certificate = rsa_cert
    good = tmp_path / "downloaded.crt"
    good.write_bytes(rsa_cert.public_bytes(serialization.Encoding.PEM))
    drop_files(page.compare_frame, [good])
    qtbot.waitUntil(lambda: page.last_compare is not None, timeout=TIMEOUT)
    assert page.last_compare[0] is True
    assert session.uploaded_certificate == rsa_cert
    assert page.compare_result.kind == "ok"
    assert colon_sha256(rsa_cert) in page.compare_result.plain_text()

    wrong_cert = make_cert(other_key, 365)
    bad = tmp_path / "other.cer"
    bad.write_bytes(wrong_cert.public_bytes(serialization.Encoding.DER))
    page.compare_with_file(bad)
    qtbot.waitUntil(lambda: page.last_compare is not None and page.last_compare[0] is False, timeout=TIMEOUT)
    text = page.compare_result.plain_text()
    assert colon_sha256(wrong_cert) in text
    assert colon_sha256(rsa_cert) in text
    assert page.compare_result.kind == "error"
    assert page.step_state() == "failed"


def test_expiring_certificate_is_a_warning(page: Any, session: Any, other_key: Any) -> None:
    session.private_key = other_key
    session.certificate = make_cert(other_key, 10)
    assert page.expiry_label.property("expiryState") == "expiring"
    assert page.step_state() == "warning"
    session.certificate = make_cert(other_key, -1)
    assert page.expiry_label.property("expiryState") == "expired"
    assert page.step_state() == "failed"


def test_save_to_keyring_and_overwrite_after_confirmation(
    qtbot: Any, page: Any, session: Any, vault: Any, rsa_key: Any, rsa_cert: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.private_key = rsa_key
    session.certificate = rsa_cert
    page.name_edit.setText("acme-prod")
    page.save_to_keyring()
    qtbot.waitUntil(lambda: session.key_name == "acme-prod", timeout=TIMEOUT)
    assert same_key(vault.load("acme-prod"), rsa_key)
    assert vault.get("acme-prod").sha256_fingerprint == colon_sha256(rsa_cert)
    assert "keyring" in page.summary_label.text()

    asked: list[str] = []
    monkeypatch.setattr(
        confirm.ConfirmDialog, "exec", lambda d: asked.append(d.windowTitle()) or QDialog.DialogCode.Accepted
    )
    session.key_name = None
    page.save_to_keyring()
    qtbot.waitUntil(lambda: session.key_name == "acme-prod", timeout=TIMEOUT)
    assert len(asked) == 1
    assert [r.name for r in vault.list()] == ["acme-prod"]


def test_without_a_keyring_the_page_says_what_to_do(
    qtbot: Any, session: Any, data_dir: Path, rsa_key: Any, ui_settings: Path, memory_keyring: Any
) -> None:
    from keyring.backends import fail

    from sfjwt_gui.core.vault import Vault

    session.vault = Vault(backend=fail.Keyring(), index_dir=data_dir)
    widget = KeyPage(session)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.vault_status is not None, timeout=TIMEOUT)
    assert not widget.vault_status.available
    assert widget.keyring_status.kind == "warning"
    from sfjwt_gui.core.keyring_status import VaultAction, disabled_reason, keyring_banner

    banner = keyring_banner(widget.vault_status, "en")
    shown = widget.keyring_status.plain_text()
    assert banner.headline in shown
    assert banner.why in shown
    assert banner.how in shown
    assert "memory for this session only" in shown
    assert "keyring.backends" not in shown
    assert "`" not in shown
    assert "Keyring)" not in shown
    session.private_key = rsa_key
    assert not widget.save_button.isEnabled()  # nothing can be saved; the key stays in memory
    assert widget.save_button.toolTip() == disabled_reason(widget.vault_status, VaultAction.SAVE, "en")
    assert widget.recheck_button.isVisibleTo(widget)

    session.vault = Vault(backend=memory_keyring, index_dir=data_dir)  # e.g. the user unlocked or installed one
    widget.recheck_button.click()
    qtbot.waitUntil(lambda: widget.vault_status.available, timeout=TIMEOUT)
    assert widget.save_button.isEnabled()
    assert not widget.recheck_button.isVisibleTo(widget)


EXPORT_CASES = [
    ("crt", None),
    ("cer", None),
    ("pkcs8", "pkcs8 secret"),
    ("p12", "p12 secret"),
    ("jks", "changeit-jks"),
]


@pytest.mark.parametrize(("fmt", "passphrase"), EXPORT_CASES)
def test_export_every_format_reads_back_with_core(
    qtbot: Any,
    page: Any,
    session: Any,
    rsa_key: Any,
    rsa_cert: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    passphrase: str | None,
) -> None:
    from sfjwt_gui.core.keys import load_certificate, load_file

    session.private_key = rsa_key
    session.certificate = rsa_cert
    target = tmp_path / f"out.{fmt}"

    def fake_exec(dialog: export_dialog.ExportDialog) -> int:
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(export_dialog.ExportFormat(fmt)))
        dialog.alias_edit.setText("acme")
        if passphrase:
            dialog.passphrase_edit.setText(passphrase)
            dialog.confirm_edit.setText(passphrase)
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fake_exec)
    monkeypatch.setattr(export_dialog, "choose_save_path", lambda *a: target)
    page.export()
    qtbot.waitUntil(lambda: page.status.kind == "ok" and "Exported" in page.status.plain_text(), timeout=TIMEOUT)
    data = target.read_bytes()
    if fmt in ("crt", "cer"):
        assert load_certificate(data) == rsa_cert
        assert data.startswith(b"-----BEGIN CERTIFICATE-----") == (fmt == "crt")
        return
    assert target.stat().st_mode & 0o077 == 0  # private files are owner-only
    material = load_file(target, passphrase.encode() if passphrase else None)
    assert same_key(material.private_key, rsa_key)
    if fmt != "pkcs8":
        assert material.certificate == rsa_cert
    assert b"BEGIN PRIVATE KEY" not in data  # never unencrypted


def test_export_dialog_requires_matching_passphrases(qtbot: Any) -> None:
    dialog = export_dialog.ExportDialog(has_key=True, has_certificate=True)
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(export_dialog.ExportFormat.P12))
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.passphrase_edit.setText("one passphrase")
    dialog.confirm_edit.setText("another")
    assert not ok.isEnabled()
    assert dialog.note.kind == "error"
    dialog.confirm_edit.setText("one passphrase")
    assert ok.isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(export_dialog.ExportFormat.PKCS8))
    dialog.passphrase_edit.clear()
    assert not ok.isEnabled()
    dialog.insecure_check.setChecked(True)
    assert ok.isEnabled()
    assert dialog.request().insecure_unencrypted
    assert dialog.request().passphrase is None


def test_checklist_follows_the_language(page: Any, session: Any) -> None:
    from sfjwt_gui.core.resources import resource_path

    data = json.loads(resource_path("setup", "checklist.json").read_text(encoding="utf-8"))
    eca = next(app for app in data["apps"] if app["id"] == "external_client_app")
    jwt_item = next(item for item in eca["items"] if item["id"] == "eca-jwt")
    assert "Enable JWT Bearer Flow" in jwt_item["text"]["en"]
    assert page.checklist_items["eca-jwt"].accessibleName() == jwt_item["text"]["en"]
    page.checklist_items["eca-jwt"].setChecked(True)
    session.language = "ja"
    page.retranslate_ui()
    assert page.checklist_items["eca-jwt"].accessibleName() == jwt_item["text"]["ja"]
    assert page.checklist_items["eca-jwt"].isChecked()  # ticks survive a language switch
    assert page.checklist_tabs.tabText(1) == eca["title"]["ja"]

    again = KeyPage(session)  # ticks are remembered (in the test's settings dir) for the next session
    assert again.checklist_items["eca-jwt"].isChecked()
    assert not again.checklist_items["eca-new"].isChecked()
    again.deleteLater()


@pytest.mark.interop
def test_keystore_with_several_keys_asks_which_one(
    qtbot: Any, page: Any, session: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Salesforce's "Export to Keystore" writes every key of the org into one JKS: the page asks which to use."""
    import shutil
    import subprocess

    if shutil.which("keytool") is None:
        pytest.skip("keytool not installed")
    store = tmp_path / "org-export.jks"
    for alias in ("integration_one", "integration_two"):
        subprocess.run(
            [
                "keytool",
                "-genkeypair",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-storetype",
                "JKS",
                "-keystore",
                str(store),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit",
                "-alias",
                alias,
                "-dname",
                f"CN={alias}",
                "-validity",
                "30",
            ],
            check=True,
            capture_output=True,
        )
    answer_passphrases(monkeypatch, ["changeit"])
    offered: list[list[str]] = []

    def pick_second(dialog: confirm.AliasDialog) -> int:
        offered.append([dialog.alias_combo.itemText(i) for i in range(dialog.alias_combo.count())])
        dialog.alias_combo.setCurrentIndex(1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(confirm.AliasDialog, "exec", pick_second)
    page.import_file(store)
    qtbot.waitUntil(lambda: session.private_key is not None, timeout=TIMEOUT)
    assert offered == [["integration_one", "integration_two"]]
    cert = session.certificate
    assert cert.subject.rfc4514_string() == "CN=integration_two"
    assert cert.public_key().public_numbers() == session.private_key.public_key().public_numbers()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the translated fix names the Linux Secret Service")
def test_without_a_keyring_the_fix_is_in_japanese_too(
    qtbot: Any, session: Any, data_dir: Path, ui_settings: Path
) -> None:
    from keyring.backends import fail

    from sfjwt_gui.core.vault import Vault
    from sfjwt_gui.ui.i18n import set_language

    session.vault = Vault(backend=fail.Keyring(), index_dir=data_dir)
    widget = KeyPage(session)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.vault_status is not None, timeout=TIMEOUT)
    set_language("ja")
    try:
        session.language = "ja"
        qtbot.waitUntil(lambda: "理由" in widget.keyring_status.fix, timeout=TIMEOUT)
        assert "dbus-run-session" in widget.keyring_status.fix
        assert "メモリー" in widget.keyring_status.message
        assert "keyring.backends" not in widget.keyring_status.plain_text()
    finally:
        set_language("en")
        session.language = "en"
    qtbot.waitUntil(lambda: "memory for this session only" in widget.keyring_status.message, timeout=TIMEOUT)
