"""Every interactive widget of the key page, the tools, their widgets and dialogs has an accessible name, and the
key page can be driven from the keyboard (Tab reaches the main actions, mnemonics are set)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from sfjwt_gui.ui.dialogs.confirm import AliasDialog, ConfirmDialog, RenameDialog
from sfjwt_gui.ui.dialogs.export_dialog import ExportDialog
from sfjwt_gui.ui.dialogs.passphrase import PassphraseDialog
from sfjwt_gui.ui.pages.decode_tool import DecodeToolPage
from sfjwt_gui.ui.pages.explain_tool import ExplainToolPage
from sfjwt_gui.ui.pages.key_page import KeyPage
from sfjwt_gui.ui.pages.keys_tool import KeysToolPage
from sfjwt_gui.ui.worker import wait_for_all

INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QAbstractItemView)


def unnamed(root: QWidget) -> list[str]:
    """Visible interactive widgets without an accessibleName (inner parts of composite widgets excluded)."""
    composite = (QAbstractSpinBox, QComboBox, QTabBar, QAbstractItemView)
    return [
        f"{type(w).__name__}:{w.objectName()}"
        for w in root.findChildren(QWidget)
        if isinstance(w, INTERACTIVE)
        and not isinstance(w.parentWidget(), composite)
        and not isinstance(w.parentWidget() and w.parentWidget().parentWidget(), QAbstractItemView)
        and w.isVisibleTo(root)
        and not w.accessibleName()
    ]


@pytest.fixture
def loaded_session(session: Any, rsa_key: Any, rsa_cert: Any, vault: Any, ui_settings: Any) -> Any:
    vault.save("acme", rsa_key, rsa_cert)
    session.private_key = rsa_key
    session.certificate = rsa_cert
    session.uploaded_certificate = rsa_cert
    return session


@pytest.mark.parametrize("page_class", [KeyPage, KeysToolPage, DecodeToolPage, ExplainToolPage])
def test_pages_name_every_interactive_widget(qtbot: Any, loaded_session: Any, page_class: type, rsa_key: Any) -> None:
    page = page_class(loaded_session)
    qtbot.addWidget(page)
    page.show()
    if isinstance(page, DecodeToolPage):
        import jwt

        page.set_text(jwt.encode({"iss": "x", "exp": 1}, rsa_key, algorithm="RS256"))
    if isinstance(page, ExplainToolPage):
        page.set_text('{"error":"invalid_grant","error_description":"audience is invalid"}')
    if isinstance(page, KeysToolPage):
        qtbot.waitUntil(lambda: bool(page.records), timeout=10_000)
    assert unnamed(page) == []
    wait_for_all()


@pytest.mark.parametrize(
    "make",
    [
        lambda: PassphraseDialog("Passphrase for x.key:", confirm=True),
        lambda: ExportDialog(has_key=True, has_certificate=True),
        lambda: RenameDialog("acme"),
        lambda: ConfirmDialog("Delete key", "Delete acme?", "Delete"),
        lambda: AliasDialog("org.jks", ["one", "two"]),
    ],
)
def test_dialogs_name_every_interactive_widget(qtbot: Any, make: Any) -> None:
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed(dialog) == []


def test_key_page_is_keyboard_friendly(qtbot: Any, session: Any, ui_settings: Any) -> None:
    page = KeyPage(session)
    qtbot.addWidget(page)
    page.show()
    chain: list[QWidget] = []
    widget = page.nextInFocusChain()
    while widget is not page and len(chain) < 500:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    reachable = [w for w in chain if w.isVisibleTo(page) and w.focusPolicy() != 0]
    for action in (page.generate_button, page.open_button, page.paste_edit, page.compare_button, page.cn_edit):
        assert action in reachable
    for button in (page.generate_button, page.open_button, page.save_button, page.export_button):
        assert "&" in button.text()  # Alt+letter mnemonic
    assert page.paste_edit.tabChangesFocus()  # Tab leaves the paste box instead of typing a tab
    wait_for_all()
