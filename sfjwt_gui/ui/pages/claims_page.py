"""Step 3, Claims: a form for the standard claims, a table of extra claims and the raw JSON, kept in sync.

The form and the JSON edit the same payload: typing in either updates the other. ``iat`` is on by default, so the
Send page can move ``iat``/``exp`` to "now" before sending while keeping the lifetime. Lint findings update live.
"""

from __future__ import annotations

import json
import time
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.core import safe_json
from sfjwt_gui.core.claims import DEFAULT_LIFETIME, Claims
from sfjwt_gui.core.timefmt import describe_time
from sfjwt_gui.ui import theme
from sfjwt_gui.ui.state import AppState, Field, listens
from sfjwt_gui.ui.steps import lint_claims
from sfjwt_gui.ui.widgets.findings_view import FindingsView
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget, fill_line, named, page_title, text_label

_LINKED = {"iss": "consumer_key", "sub": "username", "aud": "audience"}


def _json_value(text: str) -> Any:
    """A table cell: JSON when it parses (5, true, ["a"]), else the text itself."""
    try:
        return safe_json.loads(text)
    except ValueError:
        return text


class ClaimsPage(TranslatedWidget):
    """The payload of the assertion."""

    step_id = "claims"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._syncing = False
        self.title = page_title(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)

        self.iss = named(QLineEdit(self), "claim_iss")
        self.sub = named(QLineEdit(self), "claim_sub")
        self.aud = named(QLineEdit(self), "claim_aud")
        self.lifetime = named(QSpinBox(self), "lifetime")
        self.lifetime.setRange(1, 24 * 3600)
        self.lifetime.setValue(DEFAULT_LIFETIME)
        self.lifetime.setSingleStep(30)
        self.include_iat = named(QCheckBox(self), "include_iat")
        self.include_iat.setChecked(True)
        self.jti = named(QLineEdit(self), "claim_jti")
        self.scope = named(QLineEdit(self), "claim_scope")
        self.restamp = named(QPushButton(self), "restamp")
        self.exp_time = text_label(self, "exp_time")
        self.exp_time.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.iat_time = text_label(self, "iat_time")
        self.iat_time.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form_box = QGroupBox(self)
        form = QFormLayout(self.form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form_labels = {
            name: QLabel(self) for name in ("iss", "sub", "aud", "lifetime", "jti", "scope", "exp", "iat")
        }
        lifetime_row = QHBoxLayout()
        lifetime_row.addWidget(self.lifetime)
        lifetime_row.addWidget(self.include_iat)
        lifetime_row.addWidget(self.restamp)
        lifetime_row.addStretch(1)
        form.addRow(self.form_labels["iss"], self.iss)
        form.addRow(self.form_labels["sub"], self.sub)
        form.addRow(self.form_labels["aud"], self.aud)
        form.addRow(self.form_labels["lifetime"], lifetime_row)
        form.addRow(self.form_labels["exp"], self.exp_time)
        form.addRow(self.form_labels["iat"], self.iat_time)
        form.addRow(self.form_labels["scope"], self.scope)
        form.addRow(self.form_labels["jti"], self.jti)

        self.extra_box = QGroupBox(self)
        self.extra = QTableWidget(0, 2, self)
        self.extra.setObjectName("extra_claims")
        self.extra.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.extra.verticalHeader().setVisible(False)
        self.extra.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_claim = named(QPushButton(self), "add_claim")
        self.remove_claim = named(QPushButton(self), "remove_claim")
        extra_buttons = QHBoxLayout()
        extra_buttons.addWidget(self.add_claim)
        extra_buttons.addWidget(self.remove_claim)
        extra_buttons.addStretch(1)
        extra_layout = QVBoxLayout(self.extra_box)
        extra_layout.addWidget(self.extra)
        extra_layout.addLayout(extra_buttons)

        self.json_box = QGroupBox(self)
        self.raw = named(QPlainTextEdit(self), "raw_json")
        self.raw.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.raw_status = text_label(self, "raw_status")
        json_layout = QVBoxLayout(self.json_box)
        json_layout.addWidget(self.raw)
        json_layout.addWidget(self.raw_status)

        self.findings_box = QGroupBox(self)
        self.findings = named(FindingsView(self), "claims_findings")
        QVBoxLayout(self.findings_box).addWidget(self.findings)

        left = QVBoxLayout()
        left.addWidget(self.form_box)
        left.addWidget(self.extra_box, 1)
        right = QVBoxLayout()
        right.addWidget(self.json_box, 1)
        right.addWidget(self.findings_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(columns, 1)

        self._raw_timer = QTimer(self)
        self._raw_timer.setSingleShot(True)
        self._raw_timer.setInterval(250)
        self._raw_timer.timeout.connect(self._raw_edited)
        self.raw.textChanged.connect(self._on_raw_text_changed)
        for edit in (self.iss, self.sub, self.aud, self.jti, self.scope):
            edit.textEdited.connect(self._form_edited)
        self.lifetime.valueChanged.connect(self._form_edited)
        self.include_iat.toggled.connect(self._form_edited)
        self.restamp.clicked.connect(self._form_edited)
        self.extra.itemChanged.connect(self._form_edited)
        self.add_claim.clicked.connect(self._add_row)
        self.remove_claim.clicked.connect(self._remove_rows)
        state.changed.connect(self._on_state_changed)
        self.retranslate_ui()
        self._load_linked()
        self._form_edited()

    # ------------------------------------------------------------------ form -> payload

    def form_claims(self, now: float | None = None) -> Claims:
        """The claims the form describes, ``exp`` = now + lifetime."""
        current = int(time.time() if now is None else now)
        extra: dict[str, Any] = {}
        for row in range(self.extra.rowCount()):
            name_item, value_item = self.extra.item(row, 0), self.extra.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            if name:
                extra[name] = _json_value(value_item.text() if value_item else "")
        return Claims(
            iss=self.iss.text().strip(),
            sub=self.sub.text().strip(),
            aud=self.aud.text().strip(),
            exp=current + self.lifetime.value(),
            iat=current if self.include_iat.isChecked() else None,
            jti=self.jti.text().strip() or None,
            scope=self.scope.text().strip() or None,
            extra=extra,
        )

    def _form_edited(self, *_args: Any) -> None:
        if self._syncing:
            return
        claims = self.form_claims()
        self._syncing = True
        try:
            self.raw.setPlainText(json.dumps(claims.to_payload(), indent=2, ensure_ascii=False))
            self._raw_timer.stop()
            for claim, field in _LINKED.items():
                setattr(self.state, field, getattr(claims, claim) or None)
        finally:
            self._syncing = False
        self._set_raw_status("ok", "sync")
        self._publish(claims)

    # ------------------------------------------------------------------ JSON -> form

    def _on_raw_text_changed(self) -> None:
        if not self._syncing:
            self._raw_timer.start()

    def _raw_edited(self) -> None:
        text = self.raw.toPlainText()
        try:
            payload = safe_json.loads(text)  # pasted: too deep is not valid JSON
        except json.JSONDecodeError as exc:
            self._set_raw_status(
                "failed", self.tr("Not valid JSON: {error}").format(error=f"{exc.msg} ({exc.lineno}:{exc.colno})")
            )
            self.state.claims_invalid = True
            return
        if not isinstance(payload, dict):
            self._set_raw_status("failed", self.tr("The payload must be a JSON object {…}."))
            self.state.claims_invalid = True
            return
        claims = Claims.from_payload(payload)
        self._fill_form(claims)
        self._set_raw_status("ok", "from_json")
        self._publish(claims)

    def _fill_form(self, claims: Claims) -> None:
        """Show a Claims value in the form (and the linked connection fields), without re-deriving it."""
        self._syncing = True
        try:
            for edit, text in (
                (self.iss, claims.iss),
                (self.sub, claims.sub),
                (self.aud, claims.aud),
                (self.jti, claims.jti or ""),
                (self.scope, claims.scope or ""),
            ):
                fill_line(edit, text)
            self.include_iat.setChecked(claims.iat is not None)
            if (
                claims.exp is not None
                and claims.iat is not None
                and 0 < claims.exp - claims.iat <= self.lifetime.maximum()
            ):
                self.lifetime.setValue(claims.exp - claims.iat)
            self._fill_extra(claims.extra)
            for claim, field in _LINKED.items():
                setattr(self.state, field, getattr(claims, claim) or None)
        finally:
            self._syncing = False

    def _fill_extra(self, extra: dict[str, Any]) -> None:
        self.extra.setRowCount(0)
        for name, value in extra.items():
            row = self.extra.rowCount()
            self.extra.insertRow(row)
            self.extra.setItem(row, 0, QTableWidgetItem(name))
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            self.extra.setItem(row, 1, QTableWidgetItem(shown))

    def _add_row(self) -> None:
        row = self.extra.rowCount()
        self._syncing = True
        self.extra.insertRow(row)
        self.extra.setItem(row, 0, QTableWidgetItem(""))
        self.extra.setItem(row, 1, QTableWidgetItem(""))
        self._syncing = False
        item = self.extra.item(row, 0)
        if item is not None:
            self.extra.editItem(item)

    def _remove_rows(self) -> None:
        rows = sorted({i.row() for i in self.extra.selectedIndexes()}, reverse=True)
        for row in rows:
            self.extra.removeRow(row)
        self._form_edited()

    # ------------------------------------------------------------------ output

    def _publish(self, claims: Claims) -> None:
        self._syncing = True
        try:
            self.state.claims_invalid = False
            self.state.claims = claims
        finally:
            self._syncing = False
        self._show_times(claims)
        self.update_findings()

    def _claims_replaced(self, claims: Claims) -> None:
        """Someone else set the claims (Send's re-stamp): the form, the JSON, the times and the lint follow."""
        self._fill_form(claims)
        self._syncing = True
        try:
            self.raw.setPlainText(json.dumps(claims.to_payload(), indent=2, ensure_ascii=False))
            self._raw_timer.stop()
        finally:
            self._syncing = False
        self._set_raw_status("ok", "sync")
        self._show_times(claims)
        self.update_findings()

    def _show_times(self, claims: Claims, now: float | None = None) -> None:
        now = time.time() if now is None else now
        for label, claim, value in ((self.exp_time, "exp", claims.exp), (self.iat_time, "iat", claims.iat)):
            info = describe_time(claim, value, now=now, lang=self.state.lang()) if value is not None else None
            if info is None:
                label.setText(self.tr("(not set)"))
            else:
                label.setText(
                    self.tr("{utc} UTC · {local} local · {relative}").format(
                        utc=info.utc, local=info.local, relative=self._relative(info.epoch, now)
                    )
                )

    def _relative(self, epoch: float, now: float) -> str:
        """ "in 3 min" / "5 s ago", in the window's language (the claim times move to now on Send)."""
        delta = round(epoch - now)
        amount = abs(delta)
        if amount < 120:
            text = self.tr("{n} s").format(n=amount)
        elif amount < 7200:
            text = self.tr("{n} min").format(n=amount // 60)
        else:
            text = self.tr("{n} h").format(n=amount // 3600)
        if delta == 0:
            return self.tr("now")
        return self.tr("in {time}").format(time=text) if delta > 0 else self.tr("{time} ago").format(time=text)

    def update_findings(self, now: float | None = None) -> list[Any]:
        """Lint the current claims (signed with the state's key when there is one) and show the findings; the claims
        step derives its state from the same function."""
        claims = self.state.claims
        if claims is None:
            return []
        findings = lint_claims(claims, self.state, now=now)
        self.findings.show_findings(findings)
        return findings

    def _raw_status_text(self, key: str) -> str:
        return {
            "sync": self.tr("In sync with the form."),
            "from_json": self.tr("Form updated from the JSON."),
        }.get(key, key)

    def _set_raw_status(self, state: str, text: str) -> None:
        self._raw_status = (state, text)
        self.raw_status.setText(self._raw_status_text(text))
        theme.set_state_colour(self.raw_status, state)
        self.raw_status.setProperty("state", state)

    # ------------------------------------------------------------------ session

    def _load_linked(self) -> None:
        self._syncing = True
        try:
            for claim, field in _LINKED.items():
                edit: QLineEdit = getattr(self, claim)
                fill_line(edit, str(getattr(self.state, field) or ""))
        finally:
            self._syncing = False

    @listens(
        Field.CONSUMER_KEY,
        Field.USERNAME,
        Field.AUDIENCE,
        Field.CLAIMS,
        Field.PRIVATE_KEY,
        Field.CERTIFICATE,
        Field.ENDPOINT,
        Field.LANGUAGE,
    )
    def _on_state_changed(self, field: str) -> None:
        if self._syncing:
            return
        if field in _LINKED.values():
            self._load_linked()
            self._form_edited()
        elif field == Field.CLAIMS:
            if self.state.claims is not None:
                self._claims_replaced(self.state.claims)
        elif field == Field.LANGUAGE:
            if self.state.claims is not None:  # re-render only: the findings view writes its own texts again
                self._show_times(self.state.claims)
        else:
            self.update_findings()

    def refresh_times(self, now: float) -> None:
        """Once a second while shown: relative times and time-dependent findings age with the clock."""
        claims = self.state.claims
        if claims is not None:
            self._show_times(claims, now)
            self.update_findings(now)

    # ------------------------------------------------------------------ i18n

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.title.setText(self.tr("Claims"))
        self.intro.setText(
            self.tr(
                "The payload Salesforce checks: iss = consumer key, sub = username, aud = login URL, exp = a few "
                "minutes from now (seconds since 1970, UTC). Edit the form or the JSON; both stay in sync."
            )
        )
        self.form_box.setTitle(self.tr("Standard claims"))
        self.extra_box.setTitle(self.tr("Extra claims"))
        self.json_box.setTitle(self.tr("Raw JSON"))
        self.findings_box.setTitle(self.tr("Findings"))
        labels = {
            "iss": self.tr("iss (consumer key):"),
            "sub": self.tr("sub (username):"),
            "aud": self.tr("aud (audience):"),
            "lifetime": self.tr("Lifetime:"),
            "exp": self.tr("exp:"),
            "iat": self.tr("iat:"),
            "scope": self.tr("scope (optional):"),
            "jti": self.tr("jti (optional):"),
        }
        for name, text in labels.items():
            self.form_labels[name].setText(text)
        self.lifetime.setSuffix(self.tr(" s"))
        self.include_iat.setText(self.tr("Include iat"))
        self.restamp.setText(self.tr("Now"))
        self.restamp.setToolTip(self.tr("Set iat and exp from the current time"))
        self.extra.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Value (JSON or text)")])
        self.add_claim.setText(self.tr("Add claim"))
        self.remove_claim.setText(self.tr("Remove selected"))
        for widget, name in (
            (self.iss, self.tr("Issuer claim (consumer key)")),
            (self.sub, self.tr("Subject claim (username)")),
            (self.aud, self.tr("Audience claim")),
            (self.lifetime, self.tr("Lifetime in seconds")),
            (self.include_iat, self.tr("Include the issued-at claim")),
            (self.restamp, self.tr("Set times from now")),
            (self.jti, self.tr("JWT id claim")),
            (self.scope, self.tr("Scope claim")),
            (self.extra, self.tr("Extra claims table")),
            (self.add_claim, self.tr("Add an extra claim")),
            (self.remove_claim, self.tr("Remove the selected extra claims")),
            (self.raw, self.tr("Raw JSON payload")),
            (self.findings, self.tr("Lint findings")),
        ):
            widget.setAccessibleName(name)
        claims = self.state.claims
        if claims is not None:
            self._show_times(claims)
        status = getattr(self, "_raw_status", None)
        if status is not None:
            self._set_raw_status(*status)
