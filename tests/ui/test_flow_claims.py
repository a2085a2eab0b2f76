"""Connection and Claims pages: inline validation, the form and the raw JSON kept in sync both ways, live lint."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QTableWidget

from sfjwt_gui.ui.main_window import MainWindow


def _fill_connection(window: MainWindow, endpoint: str, aud: str, key: str, user: str) -> Any:
    page = window.show_step("connection")
    for name, value in (("endpoint", endpoint), ("audience", aud), ("consumer_key", key), ("username", user)):
        edit = page.findChild(QLineEdit, name)
        edit.setText(value)
        edit.textEdited.emit(value)
    return page


def test_presets_fill_endpoint_and_aud_and_fields_are_checked_inline(qtbot: Any, main_window: MainWindow) -> None:
    page = main_window.page("connection")
    preset: QComboBox = page.findChild(QComboBox, "preset")
    preset.setCurrentIndex(preset.findData("sandbox"))
    assert page.findChild(QLineEdit, "endpoint").text() == "https://test.salesforce.com"
    assert page.findChild(QLineEdit, "audience").text() == "https://test.salesforce.com"
    preset.setCurrentIndex(preset.findData("mydomain"))
    domain = page.findChild(QLineEdit, "mydomain_name")
    domain.setText("acme")
    domain.textEdited.emit("acme")
    assert main_window.state.endpoint == "https://acme.my.salesforce.com"

    _fill_connection(
        main_window, "https://acme.lightning.force.com", "login.salesforce.com", "abc def", "005000000000001"
    )
    messages = {n: page.findChild(QLabel, f"{n}_message") for n in ("endpoint", "audience", "consumer_key", "username")}
    assert all(label.property("state") == "failed" for label in messages.values()), [
        label.text() for label in messages.values()
    ]
    assert "Lightning" in messages["endpoint"].text()
    assert "https://" in messages["audience"].text()
    assert main_window.step_state("connection") == "failed"

    _fill_connection(
        main_window, "https://login.salesforce.com", "https://login.salesforce.com", "3MVG9abcdef", "int@acme.com"
    )
    assert all(label.property("state") == "ok" for label in messages.values())
    assert main_window.step_state("connection") == "ok"


def test_claims_form_and_raw_json_stay_in_sync(qtbot: Any, main_window: MainWindow) -> None:
    _fill_connection(
        main_window, "https://login.salesforce.com", "https://login.salesforce.com", "3MVG9abcdef", "int@acme.com"
    )
    page = main_window.show_step("claims")
    raw: QPlainTextEdit = page.findChild(QPlainTextEdit, "raw_json")
    payload = json.loads(raw.toPlainText())
    assert payload["iss"] == "3MVG9abcdef"
    assert payload["sub"] == "int@acme.com"
    assert payload["exp"] - payload["iat"] == 180

    page.findChild(QSpinBox, "lifetime").setValue(300)
    payload = json.loads(raw.toPlainText())
    assert payload["exp"] - payload["iat"] == 300

    # JSON -> form: a scope, an extra claim and a new username flow back into the form and the connection
    payload.update(scope="api", sub="other@acme.com", custom=[1, 2])
    raw.setPlainText(json.dumps(payload))
    qtbot.waitUntil(lambda: page.findChild(QLineEdit, "claim_scope").text() == "api", timeout=3000)
    table: QTableWidget = page.findChild(QTableWidget, "extra_claims")
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "custom"
    assert json.loads(table.item(0, 1).text()) == [1, 2]
    assert main_window.state.username == "other@acme.com"
    assert main_window.page("connection").findChild(QLineEdit, "username").text() == "other@acme.com"
    assert main_window.state.claims.extra == {"custom": [1, 2]}

    raw.setPlainText("{not json")
    status: QLabel = page.findChild(QLabel, "raw_status")
    qtbot.waitUntil(lambda: status.property("state") == "failed", timeout=3000)
    assert main_window.step_state("claims") == "failed"


def test_claims_lint_updates_live(qtbot: Any, main_window: MainWindow, rsa_key: Any, rsa_cert: Any) -> None:
    main_window.state.private_key = rsa_key
    main_window.state.certificate = rsa_cert
    _fill_connection(
        main_window, "https://login.salesforce.com", "https://login.salesforce.com", "3MVG9abcdef", "int@acme.com"
    )
    page = main_window.show_step("claims")
    assert not [f for f in page.findings.findings if str(f.severity) == "error"]
    aud = page.findChild(QLineEdit, "claim_aud")
    aud.setText("login.salesforce.com")
    aud.textEdited.emit("login.salesforce.com")
    errors = [f for f in page.findings.findings if str(f.severity) == "error"]
    assert any(f.rule.startswith("aud") for f in errors), [f.rule for f in page.findings.findings]
    assert main_window.step_state("claims") == "failed"
    # the signed JWT page re-signs with the new aud at once
    assert main_window.page("token") is not None
    from sfjwt_gui.core.jwt_codec import decode

    assert decode(main_window.state.token).payload["aud"] == "login.salesforce.com"
