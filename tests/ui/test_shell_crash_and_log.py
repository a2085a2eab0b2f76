"""The crash dialog and the log pane never let a private key or a token through."""

from __future__ import annotations

import logging
import sys
import threading
from typing import Any

from cryptography.hazmat.primitives import serialization
from PySide6.QtGui import QGuiApplication

from sfjwt_gui.ui.crash import CrashDialog, CrashHandler, format_report, versions_text
from sfjwt_gui.ui.log_pane import LogDock

JWT = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIzTVZHOWFiYyIsInN1YiI6InVzZXJAYWNtZS5jb20ifQ.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl"
ACCESS = "00D5g00000SfJwT!AQ4AQExampleSecretPartOfTheAccessTokenThatMustNeverLeak0123456789"


def _pem(rsa_key: Any) -> str:
    return rsa_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def _raise_with_secrets(pem: str) -> BaseException:
    try:
        raise ValueError(f"could not use key {pem} with assertion={JWT} and Bearer {ACCESS}")
    except ValueError as exc:
        return exc


def _assert_clean(text: str, pem: str) -> None:
    body = "".join(pem.splitlines()[1:-1])
    assert "BEGIN PRIVATE KEY" not in text
    assert pem.splitlines()[1] not in text
    assert body[:40] not in text
    assert JWT not in text
    assert "c2lnbmF0dXJlc2lnbmF0dXJl" not in text
    assert "ExampleSecretPartOfTheAccessToken" not in text


def test_crash_report_redacts_private_key_and_tokens(qtbot: Any, rsa_key: Any) -> None:
    pem = _pem(rsa_key)
    exc = _raise_with_secrets(pem)
    report = format_report(type(exc), exc, exc.__traceback__)
    _assert_clean(report, pem)
    assert "ValueError" in report
    assert "_raise_with_secrets" in report  # the traceback itself is kept
    assert "00D5g00000SfJwT" in report  # the org id is not secret and helps support

    dialog = CrashDialog(report, versions_text())
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    _assert_clean(copied, pem)
    assert "PySide6" in copied
    assert "Python" in copied
    assert copied == dialog.details.toPlainText()


def test_excepthooks_show_one_dialog_for_gui_and_thread_errors(qtbot: Any, rsa_key: Any) -> None:
    pem = _pem(rsa_key)
    handler = CrashHandler()
    handler.install()
    try:
        assert sys.excepthook == handler.handle
        exc = _raise_with_secrets(pem)
        handler.handle(type(exc), exc, exc.__traceback__)
        qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
        dialog = handler.dialog
        assert dialog is not None

        def boom() -> None:
            raise RuntimeError(f"thread failed with {JWT}")

        thread = threading.Thread(target=boom, name="worker-x")
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: "worker-x" in dialog.details.toPlainText())
        text = dialog.details.toPlainText()
        _assert_clean(text, pem)
        assert "RuntimeError" in text
        assert len(handler.reports) == 2
    finally:
        handler.uninstall()
        if handler.dialog is not None:
            handler.dialog.close()
    assert sys.excepthook is not handler.handle


def test_log_pane_masks_secrets_from_any_thread(qtbot: Any, rsa_key: Any) -> None:
    pem = _pem(rsa_key)
    dock = LogDock(logger_name="sfjwt_gui.test_log_pane")
    qtbot.addWidget(dock)
    logger = logging.getLogger("sfjwt_gui.test_log_pane.child")
    logger.info("signed %s for %s", JWT, "user@acme.com")
    worker = threading.Thread(target=lambda: logger.warning("token %s key %s", ACCESS, pem))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "token" in dock.text())
    text = dock.text()
    _assert_clean(text, pem)
    assert "user@acme.com" in text
    dock.detach()
    logger.info("after detach")
    assert "after detach" not in dock.text()
