"""A language switch re-renders what every page and tool already holds; it never runs the work again.

The real window against the practice org: a refused send (Diagnosis with the org's answers), the Claims findings,
the Signed JWT, a decoded and verified token with findings, an explained error, the Keys list, an org inspection,
the Key page's keyring check and the Connection page's field checks. Then the language switches to Japanese and back
while spies count every call of the functions that lint, decode, verify, sign, diagnose, explain, inspect the org,
list the keys, read the keyring or check the connection fields. The spies call the real functions (nothing is
replaced); they only count. The visible texts must change language all the same.
"""

from __future__ import annotations

import html
import importlib
import re
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)
from ui_flow import send_and_wait, start_practice

from sfjwt_gui.core.jwt_codec import sign
from sfjwt_gui.core.vault import Vault
from sfjwt_gui.ui.main_window import MainWindow
from sfjwt_gui.ui.pages.registry import STEP_IDS

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

# The work a language switch must not repeat: (module, function) — patched where defined and wherever imported.
COUNTED = [
    ("sfjwt_gui.core.lint", "lint"),
    ("sfjwt_gui.core.jwt_codec", "decode"),
    ("sfjwt_gui.core.jwt_codec", "verify"),
    ("sfjwt_gui.core.jwt_codec", "sign"),
    ("sfjwt_gui.core.diagnosis", "diagnose"),
    ("sfjwt_gui.core.diagnosis", "explain_text"),
    ("sfjwt_gui.core.diagnosis", "explain_error"),
    ("sfjwt_gui.core.flow", "send_and_diagnose"),
    ("sfjwt_gui.core.org.inspect", "inspect_org"),
    ("sfjwt_gui.core.key_listing", "list_keys"),
    ("sfjwt_gui.ui.connection_checks", "check_all"),  # the Connection page's field checks (codes, rendered there)
]


def _spy(monkeypatch: pytest.MonkeyPatch, counts: Counter[str], module_name: str, name: str) -> None:
    """Count calls of ``module.name`` (it still runs), wherever a loaded sfjwt_gui module holds it."""
    module = importlib.import_module(module_name)
    real: Callable[..., Any] = getattr(module, name)
    label = f"{module_name}.{name}"

    def counting(*args: Any, **kwargs: Any) -> Any:
        counts[label] += 1
        return real(*args, **kwargs)

    for loaded_name, loaded in list(sys.modules.items()):
        if loaded_name.startswith("sfjwt_gui") and getattr(loaded, name, None) is real:
            monkeypatch.setattr(loaded, name, counting)


def _spy_method(monkeypatch: pytest.MonkeyPatch, counts: Counter[str], cls: type, name: str) -> None:
    real = getattr(cls, name)
    label = f"{cls.__name__}.{name}"

    def counting(self: Any, *args: Any, **kwargs: Any) -> Any:
        counts[label] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, counting)


def visible_text(widget: QWidget) -> str:
    """Every text a user sees on ``widget``: labels, buttons, group titles, text boxes and tree rows."""
    parts: list[str] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        if isinstance(child, QLabel | QAbstractButton):
            parts.append(child.text())
        elif isinstance(child, QGroupBox):
            parts.append(child.title())
        elif isinstance(child, QTextEdit | QPlainTextEdit):
            parts.append(child.toPlainText())
        elif isinstance(child, QLineEdit):
            parts.append(child.text())
        elif isinstance(child, QTreeWidget):
            items = QTreeWidgetItemIterator(child)
            while items.value() is not None:
                item = items.value()
                parts.extend(item.text(column) for column in range(child.columnCount()))
                items += 1
    return "\n".join(part for part in parts if part)


def _prepare(qtbot: Any, window: MainWindow) -> None:
    """Something to show on every page, each computed once the normal way."""
    start_practice(qtbot, window, "user-not-approved")
    assert not send_and_wait(qtbot, window).ok  # a refusal: the Diagnosis page explains it
    diagnosis = window.page("diagnosis")
    with qtbot.waitSignal(diagnosis.org_row.bar.finished, timeout=30_000):
        diagnosis.org_row.bar.run()  # "Check in the org": the org's answers join the diagnosis
    inspector = window.page("org")
    with qtbot.waitSignal(inspector.bar.finished, timeout=30_000):
        inspector.inspect()
    claims = window.page("claims")
    claims.lifetime.setValue(3600)  # exp an hour ahead: a lint warning on the Claims page (and in Decode)
    qtbot.waitUntil(lambda: bool(claims.findings.cards()), timeout=5_000)
    key = window.state.private_key
    assert key is not None
    long_lived = sign({**window.state.claims.to_payload(), "sub": "005000000000001AAA"}, key)  # type: ignore[union-attr]
    decode = window.page("decode")
    decode.set_text(f"curl -d 'assertion={long_lived}' https://login.salesforce.com/services/oauth2/token")
    decode.use_session_certificate()
    assert decode.findings_view.cards()
    window.page("explain").set_text('{"error":"invalid_grant","error_description":"audience is invalid"}')
    keys = window.page("keys")
    for step_id in STEP_IDS:  # every page built, shown once, its background reads done
        window.show_step(step_id)
        qtbot.wait(30)
    qtbot.waitUntil(lambda: keys.loaded_once and keys.records != [], timeout=10_000)
    key_page = window.page("key")
    qtbot.waitUntil(lambda: key_page.vault_status is not None, timeout=10_000)
    window.show_step("diagnosis")
    qtbot.wait(100)


def test_a_language_switch_re_renders_and_never_recomputes(
    qtbot: Any, main_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = main_window
    _prepare(qtbot, window)
    window._clock.stop()  # the 1-second refresh ages findings on purpose; this test counts the switch alone
    before = {step_id: visible_text(window.page(step_id)) for step_id in STEP_IDS}
    cards_before = [c.label.text() for c in window.page("claims").findings.cards()]
    decode_cards_before = [c.label.text() for c in window.page("decode").findings_view.cards()]

    counts: Counter[str] = Counter()
    for module_name, name in COUNTED:
        _spy(monkeypatch, counts, module_name, name)
    _spy_method(monkeypatch, counts, Vault, "status")
    _spy_method(monkeypatch, counts, Vault, "list")

    window.switch_language("ja")
    qtbot.wait(300)
    japanese = {step_id: visible_text(window.page(step_id)) for step_id in STEP_IDS}
    window.switch_language("en")
    qtbot.wait(300)
    english = {step_id: visible_text(window.page(step_id)) for step_id in STEP_IDS}

    assert counts == Counter(), f"a language switch ran core work again: {dict(counts)}"
    for step_id in STEP_IDS:
        assert japanese[step_id] != before[step_id], f"{step_id}: nothing changed language"
        assert JAPANESE.search(japanese[step_id]), f"{step_id}: no Japanese after the switch"
        # Japanese that was not there before the round trip (the Language menu, a Japanese source's title were)
        shown_before = set(before[step_id].splitlines())
        left = [line for line in english[step_id].splitlines() if JAPANESE.search(line) and line not in shown_before]
        assert left == [], f"{step_id}: Japanese left after the switch back"
    # the findings themselves (core's texts), not only the page's own labels, follow the language
    claims_cards = window.page("claims").findings.cards()
    assert [c.label.text() for c in claims_cards] == cards_before
    assert [c.label.text() for c in window.page("decode").findings_view.cards()] == decode_cards_before
    window.switch_language("ja")
    qtbot.wait(100)
    for card in [*claims_cards, *window.page("decode").findings_view.cards()]:
        message = card.finding.message_in("ja")
        assert JAPANESE.search(message)
        assert message in html.unescape(card.label.text())
    assert "組織で確認済み" in window.page("diagnosis").view.body.toPlainText()  # the org's answers, re-rendered
    # where the certificate came from is named in the language shown, not in the one it was chosen in
    assert not re.search(r"\bthe (certificate|current key)", window.page("decode").cert_label.text())
    assert JAPANESE.search(window.page("explain").view.body.toPlainText())
    window.switch_language("en")
    assert counts == Counter(), f"a language switch ran core work again: {dict(counts)}"
