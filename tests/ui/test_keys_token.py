"""The window with a key that never leaves a real SoftHSM2 token (and a real moto KMS key on loopback): the Key page
opens it by reference with a PIN prompt, shows the same fingerprints, expiry and match as for other keys, refuses to
export the private key, signs and sends to the practice org through the token, and profiles keep the reference and
module path, never the PIN."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from prompts import answer_secret_prompts
from PySide6.QtWidgets import QDialog
from signer_backends import PIN
from ui_flow import send_and_wait, start_practice

from sfjwt_gui.core.fingerprints import sha1_fingerprint, sha256_fingerprint
from sfjwt_gui.core.inspection import inspect_signer
from sfjwt_gui.core.jwt_codec import decode, verify
from sfjwt_gui.core.key_generation import Subject
from sfjwt_gui.core.signer import Backend
from sfjwt_gui.core.signer_certificates import certify
from sfjwt_gui.core.signers import close_signer, generate_signer
from sfjwt_gui.ui.dialogs import export_dialog
from sfjwt_gui.ui.dialogs.pin import PinDialog
from sfjwt_gui.ui.layout_audit import faults
from sfjwt_gui.ui.main_window import MainWindow
from sfjwt_gui.ui.org_access import default_access, inspect_job, request_from
from sfjwt_gui.ui.worker import wait_for_all

pytestmark = pytest.mark.interop
TIMEOUT = 30_000


@pytest.fixture
def hsm_key(token: str, softhsm: str) -> tuple[str, Any]:
    """A fresh RSA key made inside the token, with its self-signed certificate stored next to it (signed inside)."""
    signer = generate_signer(f"pkcs11:token={token};object=acme", pin=PIN, pkcs11_module=softhsm)
    try:
        certificate = certify(signer, Subject("acme-hsm"), 365).certificate
        return signer.reference, certificate
    finally:
        close_signer(signer)


@pytest.fixture
def window(main_window: MainWindow) -> Iterator[MainWindow]:
    """The main window; afterwards every token session the Key page opened is closed (as at application exit)."""
    yield main_window
    wait_for_all()
    main_window.page("key").external.close_all()


def answer_pins(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> list[str]:
    """Answer the PIN prompts in order (cancel once the answers run out); returns each prompt's error text."""
    return answer_secret_prompts(monkeypatch, answers, PinDialog)


def open_key(qtbot: Any, window: MainWindow, reference: str, module: str = "", certificate: str = "") -> Any:
    """Type the reference (and module, certificate file) on the Key page and press "Use this key"; the page."""
    window.show_step("key")
    page = window.page("key")
    page.reference_edit.setText(reference)
    if module:
        page.module_edit.setText(module)
    page.cert_edit.setText(certificate)
    assert page.use_external_button.isEnabled()
    page.use_external_button.click()
    return page


def wait_idle(qtbot: Any, page: Any) -> None:
    qtbot.waitUntil(lambda: not page.external_progress.isVisible(), timeout=TIMEOUT)


def test_open_token_key_asks_the_pin_and_shows_fingerprints_and_match(
    qtbot: Any,
    window: MainWindow,
    hsm_key: tuple[str, Any],
    softhsm: str,
    monkeypatch: pytest.MonkeyPatch,
    rsa_cert: Any,
) -> None:
    reference, certificate = hsm_key
    prompts = answer_pins(monkeypatch, [PIN])
    page = open_key(qtbot, window, reference, softhsm)
    qtbot.waitUntil(lambda: window.state.private_key is not None, timeout=TIMEOUT)
    state = window.state
    signer = state.private_key
    assert prompts == [""]  # asked once, no error shown
    assert signer.backend is Backend.PKCS11
    assert state.key_name == reference
    assert state.pkcs11_module == softhsm
    assert state.certificate == certificate
    assert page.sha1_edit.text() == sha1_fingerprint(certificate)
    assert page.sha256_edit.text() == sha256_fingerprint(certificate)
    summary = page.summary_label.text()
    assert "2048-bit key in the PKCS#11 token (sfjwt-test-" in summary  # token / object labels, not the long id
    assert "/ acme)" in summary
    assert "does not belong" not in summary
    assert inspect_signer(signer).key_matches_certificate
    assert "Valid until" in page.expiry_label.text()
    assert window.page("key").step_state() == "ok"
    assert not page.save_button.isVisible()  # nothing to put in the keyring
    page.compare_with(certificate)  # Salesforce holds this key's certificate: Match
    assert page.last_compare[0] is True
    page.compare_with(rsa_cert)  # another key's certificate: Mismatch, and the Key step fails
    assert page.last_compare[0] is False
    assert window.page("key").step_state() == "failed"
    page.compare_with(certificate)
    # The Signed JWT page signed through the token; the signature verifies with the token's certificate.
    qtbot.waitUntil(lambda: state.token is not None, timeout=TIMEOUT)  # signed off the GUI thread
    assert verify(decode(state.token), certificate).verified
    assert "sign" in page.status.plain_text()
    assert page.status.kind == "ok"


def test_wrong_pin_asks_again_with_a_clear_message(
    qtbot: Any, window: MainWindow, hsm_key: tuple[str, Any], softhsm: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = answer_pins(monkeypatch, ["000000", PIN])
    open_key(qtbot, window, hsm_key[0], softhsm)
    qtbot.waitUntil(lambda: window.state.private_key is not None, timeout=TIMEOUT)
    assert prompts == ["", "The token refused that PIN. Check it and try again."]


def test_no_pin_given_opens_nothing(
    qtbot: Any, window: MainWindow, hsm_key: tuple[str, Any], softhsm: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = answer_pins(monkeypatch, [])
    page = open_key(qtbot, window, hsm_key[0], softhsm)
    qtbot.waitUntil(lambda: "no PIN given" in page.status.plain_text(), timeout=TIMEOUT)
    assert prompts == [""]
    assert window.state.private_key is None


def test_missing_object_and_bad_reference_say_what_to_fix(
    qtbot: Any, window: MainWindow, hsm_key: tuple[str, Any], token: str, softhsm: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_pins(monkeypatch, [PIN])
    page = open_key(qtbot, window, f"pkcs11:token={token};object=nothere", softhsm)
    qtbot.waitUntil(lambda: page.status.kind == "error", timeout=TIMEOUT)
    shown = page.status.plain_text()
    assert "holds no RSA private key matching" in shown
    assert "object=nothere" in shown
    assert window.state.private_key is None
    # Text that is no reference: the message names it and the fix, and the button waits for a good one.
    page.reference_edit.setText("pkcs11:object=acme;token")
    assert page.reference_hint.isVisible()
    assert "pkcs11:object=acme;token" in page.reference_hint.text()
    assert "pkcs11:token=" in page.reference_hint.text()
    assert not page.use_external_button.isEnabled()
    page.reference_edit.setText(hsm_key[0])
    assert not page.reference_hint.isVisible()
    assert page.use_external_button.isEnabled()


@pytest.mark.parametrize(
    ("library", "reference", "extra"),
    [("pkcs11", "pkcs11:token=any;object=acme", "hsm"), ("boto3", "awskms:alias/acme", "kms")],
)
def test_missing_library_names_the_extra_to_install(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, library: str, reference: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, library, None)  # as if python-pkcs11 / boto3 were not installed
    page = open_key(qtbot, window, reference, "/usr/lib/softhsm/libsofthsm2.so")
    qtbot.waitUntil(lambda: page.status.kind == "error", timeout=TIMEOUT)
    assert f"pip install 'sfjwt-gui[{extra}]'" in page.status.plain_text()
    assert window.state.private_key is None


def test_module_path_prefilled_chosen_by_drop_and_cancel_closes_a_late_key(
    qtbot: Any, hsm_key: tuple[str, Any], softhsm: str, window: MainWindow, drop_file: Any, tmp_path: Path
) -> None:
    from sfjwt_gui.core.signers import pkcs11 as core_pkcs11

    window.show_step("key")
    page = window.page("key")
    assert page.module_edit.text() == softhsm  # from SFJWT_PKCS11_MODULE
    other = tmp_path / "vendor-pkcs11.so"
    other.write_bytes(b"\x7fELF")
    drop_file(page.module_edit, other)  # a dropped module is a path, not a key to import
    assert page.module_edit.text() == str(other)
    assert window.state.private_key is None
    drop_file(page.module_edit, Path(softhsm))
    page.reference_edit.setText(hsm_key[0])
    before = core_pkcs11._open_sessions
    page.external.open_external(PIN)
    assert page.external_progress.isVisible()
    assert page.cancel_external_button.isEnabled()
    page.cancel_external()
    assert not page.external_progress.isVisible()
    assert "Stopped waiting" in page.status.plain_text()
    wait_for_all()
    qtbot.wait(50)  # the late result is delivered, and closed instead of used
    assert window.state.private_key is None
    assert core_pkcs11._open_sessions == before
    assert page.use_external_button.isEnabled()


def test_export_refuses_the_private_key_and_offers_the_certificate(
    qtbot: Any,
    window: MainWindow,
    hsm_key: tuple[str, Any],
    softhsm: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    answer_pins(monkeypatch, [PIN])
    page = open_key(qtbot, window, hsm_key[0], softhsm)
    qtbot.waitUntil(lambda: window.state.private_key is not None, timeout=TIMEOUT)
    offered: list[tuple[bool, bool]] = []
    target = tmp_path / "acme.crt"

    def fake_exec(dialog: export_dialog.ExportDialog) -> int:
        formats = {str(dialog.format_combo.itemData(i)) for i in range(dialog.format_combo.count())}
        offered.append(("p12" in formats or "pkcs8" in formats or "jks" in formats, "crt" in formats))
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(export_dialog.ExportFormat("crt")))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fake_exec)
    monkeypatch.setattr(export_dialog, "choose_save_path", lambda *a: target)
    refusals: list[str] = []
    page.status.show_message = _recording(page.status.show_message, refusals)  # type: ignore[method-assign]
    page.export()
    qtbot.waitUntil(lambda: target.exists(), timeout=TIMEOUT)
    assert offered == [(False, True)]  # no private-key format at all; the certificate is
    assert any("cannot be exported" in text and "certificate instead" in text for text in refusals)
    assert target.read_bytes() == hsm_key[1].public_bytes(serialization.Encoding.PEM)


def _recording(show: Any, seen: list[str]) -> Any:
    def record(kind: Any, message: str, fix: str = "") -> None:
        seen.append(f"{message} {fix}")
        show(kind, message, fix)

    return record


def test_send_to_the_practice_org_with_the_token_key(
    qtbot: Any, window: MainWindow, hsm_key: tuple[str, Any], softhsm: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference, certificate = hsm_key
    answer_pins(monkeypatch, [PIN])
    open_key(qtbot, window, reference, softhsm)
    qtbot.waitUntil(lambda: window.state.private_key is not None, timeout=TIMEOUT)
    start_practice(qtbot, window)  # the practice org holds the token key's certificate
    assert window.state.uploaded_certificate == certificate
    result = send_and_wait(qtbot, window)
    assert result.ok, result
    sent = window.state.flow
    assert sent is not None
    assert sent.ok
    assert window.state.private_key.reference == reference  # still the token's key, nothing copied out
    assert window.page("diagnosis").state.uploaded_certificate == certificate


def test_profile_keeps_the_reference_and_module_never_the_pin(
    qtbot: Any,
    window: MainWindow,
    hsm_key: tuple[str, Any],
    softhsm: str,
    monkeypatch: pytest.MonkeyPatch,
    ui_settings: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    reference = hsm_key[0]
    prompts = answer_pins(monkeypatch, [PIN, PIN])
    open_key(qtbot, window, reference, softhsm)
    state = window.state
    qtbot.waitUntil(lambda: state.private_key is not None, timeout=TIMEOUT)
    saved = window.profiles_menu.save("hsm")
    assert saved.key_name == reference
    assert saved.pkcs11_module == softhsm
    window.profiles.settings.sync()
    written = [p for folder in (ui_settings, tmp_path / "config") for p in folder.rglob("*") if p.is_file()]
    assert any(reference in p.read_text(encoding="utf-8") for p in written)
    for path in written:
        assert PIN not in path.read_text(encoding="utf-8", errors="replace"), path
    first = state.private_key
    state.private_key, state.key_name, state.certificate = None, None, None
    window.profiles_menu.load("hsm")  # opens the token again: the PIN is asked, it was never kept
    qtbot.waitUntil(lambda: state.private_key is not None, timeout=TIMEOUT)
    assert len(prompts) == 2
    assert state.key_name == reference
    assert state.private_key is not first
    assert state.private_key.public_key().public_numbers() == first.public_key().public_numbers()
    assert PIN not in caplog.text  # nor in any log line
    assert state.key_name == reference  # what the profile loaded, without the PIN


def test_kms_key_with_a_certificate_file(qtbot: Any, window: MainWindow, aws: str, tmp_path: Path) -> None:
    made = generate_signer("awskms:new")
    certificate = certify(made, Subject("acme-kms"), 200).certificate
    cert_file = tmp_path / "kms.crt"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    page = open_key(qtbot, window, made.reference, certificate=str(cert_file))
    qtbot.waitUntil(lambda: window.state.private_key is not None, timeout=TIMEOUT)
    assert not page.module_edit.isEnabled()  # a PKCS#11 module means nothing to KMS
    assert window.state.private_key.backend is Backend.AWS_KMS
    assert window.state.certificate == certificate
    assert page.sha256_edit.text() == sha256_fingerprint(certificate)
    assert "AWS KMS" in page.summary_label.text()
    snippets = window.page("token")
    snippets.snippet_kind.setCurrentIndex(snippets.snippet_kind.findData("python"))
    text = snippets.snippet.toPlainText()
    assert "boto3" in text
    assert made.reference.removeprefix("awskms:") in text


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_key_page_with_a_token_key_fits(
    qtbot: Any,
    window: MainWindow,
    hsm_key: tuple[str, Any],
    softhsm: str,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
) -> None:
    answer_pins(monkeypatch, [PIN])
    page = open_key(qtbot, window, hsm_key[0], softhsm)
    qtbot.waitUntil(lambda: window.state.private_key is not None, timeout=TIMEOUT)
    window.switch_language(lang)
    try:
        for width, height in [(1024, 700), (1280, 720)]:
            window.resize(width, height)
            qtbot.wait(50)
            assert (window.width(), window.height()) == (width, height)
            assert not window.stack.currentWidget().horizontalScrollBar().isVisible()
            assert faults(page) == [], (lang, width)
            assert page.external.external_box.isVisible()
            page.reference_edit.setText("pkcs11:token=acme-hsm;object")  # the longest state: core's message
            qtbot.wait(30)
            assert page.reference_hint.isVisible()
            assert faults(page) == [], (lang, width, "with the reference message")
            page.reference_edit.setText(hsm_key[0])
    finally:
        window.switch_language("en")
        wait_for_all()


def test_diagnosis_and_org_inspector_compare_the_token_key_with_the_apps_certificate(
    qtbot: Any, window: MainWindow, hsm_key: tuple[str, Any], softhsm: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_pins(monkeypatch, [PIN])
    open_key(qtbot, window, hsm_key[0], softhsm)
    state = window.state
    qtbot.waitUntil(lambda: state.private_key is not None, timeout=TIMEOUT)
    start_practice(qtbot, window, "certificate-mismatch")  # the app holds another key's certificate
    assert not send_and_wait(qtbot, window).ok
    diagnosis = window.page("diagnosis")
    assert "key-cert-mismatch" in {c.id for c in diagnosis.view.diagnosis.causes}
    with qtbot.waitSignal(diagnosis.org_row.bar.finished, timeout=TIMEOUT) as blocker:
        diagnosis.org_row.bar.run_button.click()
    check = blocker.args[0].inspection.check("app_certificate")
    assert (check.status, check.template) == ("problem", "cert_mismatch")
    # Without a certificate at hand (a KMS key may come without one) the token's public key itself is compared.
    state.certificate = None
    request = request_from(state)
    assert request is not None
    assert request.signing_key is not None
    assert request.signing_key.public_numbers() == state.private_key.public_key().public_numbers()
    access = default_access(state)
    assert access is not None
    check = inspect_job(access, request).check("app_certificate")
    assert (check.status, check.template) == ("problem", "cert_mismatch_key")
