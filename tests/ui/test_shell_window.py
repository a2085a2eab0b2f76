"""The main window: steps, lazy pages, shortcuts, language switch, profiles and remembered geometry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from sfjwt_gui.ui.main_window import MainWindow
from sfjwt_gui.ui.pages.registry import ENTRIES, STEP_IDS


def test_every_page_is_built_and_has_its_step_id(qtbot: Any, main_window: MainWindow) -> None:
    qtbot.waitUntil(main_window.pages_ready, timeout=10_000)
    for entry in ENTRIES:
        page = main_window.page(entry.step_id)
        assert page.step_id == entry.step_id
        assert callable(page.retranslate_ui)


def test_ctrl_number_shortcuts_switch_steps(qtbot: Any, main_window: MainWindow) -> None:
    for number, step_id in enumerate(STEP_IDS, start=1):
        qtbot.keyClick(main_window, Qt.Key(Qt.Key.Key_0 + number % 10), Qt.KeyboardModifier.ControlModifier)
        assert main_window.current_step() == step_id
        assert main_window.stack.currentWidget().widget() is main_window.page(step_id)


def test_main_actions_have_the_documented_shortcuts(main_window: MainWindow) -> None:
    shortcuts = {a.objectName(): [s.toString() for s in a.shortcuts()] for a in main_window.findChildren(QAction)}
    assert "Ctrl+Return" in shortcuts["act_send"]
    assert shortcuts["act_generate"] == ["Ctrl+G"]
    assert shortcuts["act_import"] == ["Ctrl+O"]
    assert shortcuts["act_copy_token"] == ["Ctrl+Shift+C"]
    assert shortcuts["act_help"] == ["F1"]
    assert shortcuts["act_quit"] == ["Ctrl+Q"]
    assert [shortcuts[f"act_step_{s}"][0] for s in STEP_IDS] == [f"Ctrl+{n % 10}" for n in range(1, 11)]


def test_step_state_changes_the_icon_and_tooltip(main_window: MainWindow, practice_server: Any) -> None:
    from sfjwt_gui.core.exchange import ExchangeOptions, Trust, request_token

    item = main_window._items["send"]
    before = item.icon().pixmap(16, 16).toImage()
    assert main_window.step_state("send") == "none"
    options = ExchangeOptions(trust=Trust.BUNDLE, ca_bundle=practice_server.ca_file)
    refused = request_token(practice_server.token_url, "not-a-jwt", options)
    assert not refused.ok
    main_window.state.result = refused  # the step's state is derived from the state, never set by hand
    assert main_window.step_state("send") == "failed"
    assert item.icon().pixmap(16, 16).toImage() != before
    assert "failed" in item.toolTip()


def test_every_interactive_widget_of_my_pages_has_an_accessible_name(qtbot: Any, main_window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTableWidget

    kinds = (QAbstractButton, QLineEdit, QComboBox, QPlainTextEdit, QAbstractSpinBox, QTableWidget)
    missing = []
    for step_id in ("connection", "claims", "token", "send", "diagnosis"):
        page: QWidget = main_window.page(step_id)
        for widget in page.findChildren(QWidget):
            if isinstance(widget, kinds) and not isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
                if widget.objectName().startswith("qt_") or widget.parent().objectName().startswith("qt_"):
                    continue
                if not widget.accessibleName():
                    missing.append(f"{step_id}: {type(widget).__name__} {widget.objectName()!r}")
    assert missing == []


def test_language_switch_retranslates_live(qtbot: Any, main_window: MainWindow) -> None:
    page = main_window.page("connection")
    title: QLabel = page.findChild(QLabel, "page_title")
    assert title.text() == "Connection"
    main_window.switch_language("ja")
    try:
        qtbot.waitUntil(lambda: title.text() == "接続", timeout=3000)
        assert main_window.file_menu.title() == "ファイル(&F)"
        assert main_window._items["send"].text() == "5. 送信"
        assert main_window.state.language == "ja"
    finally:
        main_window.switch_language("en")
    qtbot.waitUntil(lambda: title.text() == "Connection", timeout=3000)
    assert main_window._items["send"].text() == "5. Send"


def test_profiles_keep_connection_fields_and_never_secrets(
    qtbot: Any, main_window: MainWindow, ui_settings: Path, rsa_key: Any
) -> None:
    s = main_window.state
    s.endpoint = "https://acme.my.salesforce.com"
    s.audience = "https://acme.my.salesforce.com"
    s.consumer_key = "3MVG9abc"
    s.username = "int@acme.com"
    s.private_key = rsa_key
    s.token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"
    main_window.save_profile("acme")
    files = list((ui_settings.parent / "config" / "profiles").glob("*.json"))  # core.profiles: shared with the CLI
    assert len(files) == 1
    text = files[0].read_text() + (ui_settings / "sfjwt-gui.ini").read_text()
    assert "acme.my.salesforce.com" in text
    assert "PRIVATE KEY" not in text
    assert "eyJ" not in text
    s.endpoint = "https://other.example"
    main_window.load_profile("acme")
    assert s.endpoint == "https://acme.my.salesforce.com"
    assert main_window.profiles.last == "acme"


def test_loading_a_profile_loads_its_key_from_the_vault(
    qtbot: Any, main_window: MainWindow, rsa_key: Any, rsa_cert: Any
) -> None:
    s = main_window.state
    s.vault.save("acme-key", rsa_key, rsa_cert)
    s.endpoint = "https://acme.my.salesforce.com"
    s.key_name = "acme-key"
    main_window.save_profile("acme")
    s.key_name = None
    s.private_key = None
    main_window.load_profile("acme")
    qtbot.waitUntil(lambda: s.key_name == "acme-key", timeout=10_000)
    assert s.private_key.private_numbers() == rsa_key.private_numbers()
    assert s.certificate == rsa_cert


def test_geometry_and_last_profile_are_remembered(qtbot: Any, session: Any, ui_settings: Path) -> None:
    first = MainWindow(session)
    qtbot.addWidget(first)
    first.resize(701, 501)
    first.show()
    qtbot.waitExposed(first)
    session.endpoint = "https://remembered.my.salesforce.com"
    first.save_profile("remembered")
    first.close()
    session.endpoint = None
    second = MainWindow(session)
    qtbot.addWidget(second)
    assert second.size().width() == 701
    assert second.size().height() == 501
    assert session.endpoint == "https://remembered.my.salesforce.com"
    second.close()


def test_copy_token_shortcut_copies_the_signed_jwt(qtbot: Any, main_window: MainWindow) -> None:
    from PySide6.QtGui import QGuiApplication

    main_window.state.token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"
    qtbot.keyClick(main_window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QGuiApplication.clipboard().text() == "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"


@pytest.mark.parametrize("url_index", [0, 1, 2])
def test_help_menu_links_to_salesforce_docs(qtbot: Any, main_window: MainWindow, url_index: int) -> None:
    from PySide6.QtCore import QObject, QUrl, Slot
    from PySide6.QtGui import QDesktopServices

    class Catcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[str] = []

        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            self.urls.append(url.toString())

    catcher = Catcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        main_window.help_actions[url_index].trigger()
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert len(catcher.urls) == 1
    assert "salesforce.com" in catcher.urls[0]


def test_f1_opens_help_with_shortcuts_and_salesforce_links(qtbot: Any, main_window: MainWindow) -> None:
    from PySide6.QtWidgets import QDialog, QTextBrowser

    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    box = main_window.findChild(QDialog, "help_box")
    assert box is not None
    qtbot.waitExposed(box)
    html = box.findChild(QTextBrowser, "help_text").toHtml()
    assert "Ctrl+Enter" in html
    assert "remoteaccess_oauth_jwt_flow" in html
    box.close()
