"""The key page and the tools inside the real main window: menu actions reach them, Ctrl+Enter in a tool's text box
runs the tool (not Send), the step list shows the key step's state, and the Japanese translation is applied."""

from __future__ import annotations

import json
import time
from typing import Any

import jwt as pyjwt
from PySide6.QtCore import Qt

from sfjwt_gui.core.resources import resource_path

TIMEOUT = 30_000


def test_generate_action_reaches_the_key_page_and_marks_the_step(qtbot: Any, main_window: Any, session: Any) -> None:
    main_window.act_generate.trigger()
    assert main_window.current_step() == "key"
    qtbot.waitUntil(lambda: session.certificate is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: main_window.step_state("key") == "ok", timeout=TIMEOUT)


def test_ctrl_enter_in_the_decode_box_decodes_and_does_not_send(
    qtbot: Any, main_window: Any, session: Any, rsa_key: Any
) -> None:
    decode = main_window.show_step("decode")
    token = pyjwt.encode({"iss": "3MVG9x", "sub": "a@b.c", "exp": int(time.time()) + 60}, rsa_key, algorithm="RS256")
    decode.input_edit.setPlainText(token)
    decode._timer.stop()  # only the key press may decode
    decode.token_view.clear()
    decode.input_edit.setFocus()
    qtbot.keyClick(decode.input_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert decode.token_view.decoded is not None
    assert decode.token_view.decoded.token == token
    assert main_window.current_step() == "decode"  # Send (the window's Ctrl+Enter) did not run
    assert session.result is None


def test_ctrl_enter_in_the_explain_box_explains(qtbot: Any, main_window: Any) -> None:
    explain = main_window.show_step("explain")
    explain.input_edit.setPlainText('{"error":"invalid_grant","error_description":"audience is invalid"}')
    explain.input_edit.setFocus()
    qtbot.keyClick(explain.input_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert explain.diagnosis is not None
    assert main_window.current_step() == "explain"


def test_japanese_translation_reaches_the_key_page_and_tools(qtbot: Any, main_window: Any) -> None:
    key = main_window.show_step("key")
    keys = main_window.page("keys")
    decode = main_window.page("decode")
    english = (key.generate_button.text(), keys.load_button.text(), decode.decode_button.text())
    try:
        main_window.switch_language("ja")
        qtbot.waitUntil(lambda: key.generate_button.text() != english[0], timeout=5_000)
        table = json.loads(resource_path("translations", "ja", "ja.json").read_text(encoding="utf-8"))
        checklist = json.loads(resource_path("setup", "checklist.json").read_text(encoding="utf-8"))
        assert key.generate_button.text() == table["&Generate"]
        assert keys.load_button.text() == table["&Load into session"]
        assert decode.decode_button.text() == table["&Decode"]
        assert key.checklist_tabs.tabText(0) == checklist["apps"][0]["title"]["ja"]
        assert all(ord(ch) < 128 for ch in english[0])
        assert any(ord(ch) > 0x3000 for ch in key.generate_button.text())  # really Japanese
    finally:
        main_window.switch_language("en")
    qtbot.waitUntil(lambda: key.generate_button.text() == english[0], timeout=5_000)
    assert (key.generate_button.text(), keys.load_button.text(), decode.decode_button.text()) == english
