"""Step 2, Connection: preset, endpoint (where the assertion is POSTed), ``aud``, consumer key and username.

Every field is checked as it is typed (core.connection does the URL work); the messages say what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.core.connection import HostKind, Preset, endpoint_host, preset_connection, token_url
from sfjwt_gui.core.errors import ConnectionSettingsError
from sfjwt_gui.ui import theme
from sfjwt_gui.ui.session import Session
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget, named, page_title

_FIELDS = ("endpoint", "audience", "consumer_key", "username")


@dataclass(frozen=True)
class Check:
    """The verdict on one field: state is "ok", "warning", "failed" or "none" (empty)."""

    state: str
    text: str


class ConnectionPage(TranslatedWidget):
    """Where to send and what to claim, with inline validation."""

    step_id = "connection"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._updating = False
        self.title = page_title(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)

        self.preset = named(QComboBox(self), "preset")
        for p in Preset:
            self.preset.addItem("", p.value)
        self.domain = named(QLineEdit(self), "mydomain_name")
        self.sandbox = named(QLineEdit(self), "sandbox_name")
        self.site_url = named(QLineEdit(self), "site_url")
        self.endpoint = named(QLineEdit(self), "endpoint")
        self.audience = named(QLineEdit(self), "audience")
        self.consumer_key = named(QLineEdit(self), "consumer_key")
        self.username = named(QLineEdit(self), "username")
        self.edits = {
            "endpoint": self.endpoint,
            "audience": self.audience,
            "consumer_key": self.consumer_key,
            "username": self.username,
        }
        self.messages: dict[str, QLabel] = {}
        for name in (*_FIELDS, "preset"):
            label = QLabel(self)
            label.setObjectName(f"{name}_message")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            self.messages[name] = label

        self.preset_box = QGroupBox(self)
        preset_form = QFormLayout(self.preset_box)
        self.preset_label = QLabel(self)
        self.domain_label = QLabel(self)
        self.sandbox_label = QLabel(self)
        self.site_label = QLabel(self)
        preset_form.addRow(self.preset_label, self.preset)
        preset_form.addRow(self.domain_label, self.domain)
        preset_form.addRow(self.sandbox_label, self.sandbox)
        preset_form.addRow(self.site_label, self.site_url)
        preset_form.addRow("", self.messages["preset"])

        self.fields_box = QGroupBox(self)
        form = QFormLayout(self.fields_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        for name in _FIELDS:
            self.labels[name] = QLabel(self)
            self.labels[name].setBuddy(self.edits[name])
            field = QWidget(self.fields_box)
            column = QVBoxLayout(field)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(self.edits[name])
            column.addWidget(self.messages[name])
            form.addRow(self.labels[name], field)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.preset_box)
        layout.addWidget(self.fields_box)
        layout.addStretch(1)

        self.preset.currentIndexChanged.connect(self._apply_preset)
        for edit in (self.domain, self.sandbox, self.site_url):
            edit.textEdited.connect(self._apply_preset)
        for name, edit in self.edits.items():
            edit.textEdited.connect(lambda text, n=name: self._edited(n, text))
        session.changed.connect(self._on_session_changed)
        self.retranslate_ui()
        self._load_from_session()

    # ------------------------------------------------------------------ session sync

    def _load_from_session(self) -> None:
        self._updating = True
        try:
            preset = self.session.get("preset") or Preset.PRODUCTION.value
            index = self.preset.findData(str(preset))
            self.preset.setCurrentIndex(max(index, 0))
            for name, edit in self.edits.items():
                value = self.session.get(name) or ""
                if edit.text() != value:
                    edit.setText(str(value))
        finally:
            self._updating = False
        if not self.session.get("endpoint") and not self.session.get("audience"):
            self._apply_preset()
        self._update_preset_fields()
        self.validate()

    def _on_session_changed(self, name: str) -> None:
        if name in (*_FIELDS, "preset") and not self._updating:
            self._load_from_session()

    def _edited(self, name: str, text: str) -> None:
        self._updating = True
        try:
            self.session.set(name, text.strip() or None)
            if name in ("endpoint", "audience") and self.preset.currentData() != Preset.CUSTOM.value:
                self.preset.setCurrentIndex(self.preset.findData(Preset.CUSTOM.value))
                self.session.set("preset", Preset.CUSTOM.value)
        finally:
            self._updating = False
        self.validate()

    def _update_preset_fields(self) -> None:
        preset = self.preset.currentData()
        for widget, label, visible in (
            (self.domain, self.domain_label, preset == Preset.MYDOMAIN.value),
            (self.sandbox, self.sandbox_label, preset == Preset.MYDOMAIN.value),
            (self.site_url, self.site_label, preset == Preset.SITE.value),
        ):
            widget.setVisible(visible)
            label.setVisible(visible)

    def _apply_preset(self) -> None:
        if self._updating:
            return
        preset = str(self.preset.currentData())
        self._update_preset_fields()
        self.session.set("preset", preset)
        self.messages["preset"].clear()
        self.messages["preset"].setVisible(False)
        if preset == Preset.CUSTOM.value:
            self.validate()
            return
        try:
            conn = preset_connection(
                preset,
                domain=self.domain.text().strip() or None,
                sandbox=self.sandbox.text().strip() or None,
                site_url=self.site_url.text().strip() or None,
            )
        except ConnectionSettingsError as exc:
            self._show("preset", Check("warning", str(exc)))
            self.validate()
            return
        self._updating = True
        try:
            self.endpoint.setText(conn.endpoint)
            self.audience.setText(conn.aud)
            self.session.set("endpoint", conn.endpoint)
            self.session.set("audience", conn.aud)
        finally:
            self._updating = False
        self.validate()

    # ------------------------------------------------------------------ validation

    def check_endpoint(self, text: str) -> Check:
        """Is this a URL the assertion can be POSTed to?"""
        if not text:
            return Check("none", self.tr("Where to POST the assertion, e.g. https://login.salesforce.com."))
        try:
            url = token_url(text)
            host = endpoint_host(text)
        except ConnectionSettingsError as exc:
            return Check("failed", str(exc))
        if url.startswith("http://") and host.kind is not HostKind.LOOPBACK:
            return Check("failed", self.tr("Salesforce answers only over https:// (HTTPS required)."))
        if host.kind is HostKind.LIGHTNING:
            return Check(
                "failed",
                self.tr(
                    "{host} is the Lightning UI, not a login host. Use the My Domain URL (….my.salesforce.com)."
                ).format(host=host.host),
            )
        return Check("ok", self.tr("Token URL: {url}").format(url=url))

    def check_audience(self, text: str) -> Check:
        """Is this an ``aud`` Salesforce accepts?"""
        if not text:
            return Check(
                "none",
                self.tr("The aud claim: https://login.salesforce.com, https://test.salesforce.com or My Domain."),
            )
        if not text.lower().startswith(("https://", "http://")):
            return Check(
                "failed",
                self.tr("aud {aud} must start with https:// (a bare host gives 'audience is invalid').").format(
                    aud=repr(text)
                ),
            )
        if text.rstrip("/").endswith("/services/oauth2/token"):
            return Check("failed", self.tr("aud is the login URL, not the token URL: drop /services/oauth2/token."))
        try:
            host = endpoint_host(text)
        except ConnectionSettingsError as exc:
            return Check("failed", str(exc))
        if host.kind is HostKind.LIGHTNING:
            return Check("failed", self.tr("A Lightning host is not accepted as aud: use the My Domain URL."))
        if host.kind in (HostKind.CUSTOM, HostKind.SALESFORCE_OTHER):
            return Check(
                "warning", self.tr("Salesforce accepts login, test, My Domain or site URLs as aud; check this one.")
            )
        try:
            endpoint_kind = endpoint_host(self.endpoint.text()).environment
        except ConnectionSettingsError:
            endpoint_kind = None
        if endpoint_kind and host.environment and endpoint_kind != host.environment:
            return Check(
                "warning",
                self.tr(
                    "The endpoint is a {a} host but aud names a {b} host: production and sandbox do not mix."
                ).format(a=endpoint_kind, b=host.environment),
            )
        return Check("ok", self.tr("Looks right."))

    def check_consumer_key(self, text: str) -> Check:
        """Does this look like a consumer key?"""
        if not text:
            return Check("none", self.tr("The Connected App's consumer key (iss); it starts with 3MVG."))
        if any(c.isspace() for c in text):
            return Check("failed", self.tr("The consumer key contains spaces or line breaks: copy it again."))
        if not text.startswith("3MVG"):
            return Check(
                "warning", self.tr("Consumer keys usually start with 3MVG; is this the consumer secret or an id?")
            )
        return Check("ok", self.tr("Looks right."))

    def check_username(self, text: str) -> Check:
        """Does this look like a Salesforce username (not an id or an e-mail of another user)?"""
        if not text:
            return Check("none", self.tr("The integration user's Salesforce username (sub)."))
        if text.startswith("005") and "@" not in text:
            return Check("failed", self.tr("This is a user id; sub takes the username (name@example.com)."))
        if "@" not in text or any(c.isspace() for c in text):
            return Check("failed", self.tr("A Salesforce username looks like an e-mail address: name@example.com."))
        aud = self.audience.text().lower()
        if ("test.salesforce.com" in aud or "sandbox" in aud) and text.rsplit(".", 1)[-1] in ("com", "org", "net"):
            return Check("warning", self.tr("Sandbox usernames usually end with the sandbox name (user@acme.com.uat)."))
        return Check("ok", self.tr("Looks right."))

    def validate(self) -> dict[str, Check]:
        """Check every field, show the messages and report the step state."""
        checks = {
            "endpoint": self.check_endpoint(self.endpoint.text().strip()),
            "audience": self.check_audience(self.audience.text().strip()),
            "consumer_key": self.check_consumer_key(self.consumer_key.text().strip()),
            "username": self.check_username(self.username.text().strip()),
        }
        for name, check in checks.items():
            self._show(name, check)
        states = {c.state for c in checks.values()}
        overall = (
            "failed"
            if "failed" in states
            else "none"
            if "none" in states
            else "warning"
            if "warning" in states
            else "ok"
        )
        self.session.set_step_state(self.step_id, overall)
        return checks

    def _show(self, name: str, check: Check) -> None:
        label = self.messages[name]
        label.setText(check.text)
        label.setVisible(bool(check.text))
        label.setEnabled(check.state != "none")
        theme.set_state_colour(label, check.state)
        label.setProperty("state", check.state)

    # ------------------------------------------------------------------ i18n

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.title.setText(self.tr("Connection"))
        self.intro.setText(
            self.tr(
                "Where the signed JWT is sent and who it speaks for. The endpoint and aud are independent: "
                "a preset fills both, and you can change either."
            )
        )
        names = {
            Preset.PRODUCTION.value: self.tr("Production (login.salesforce.com)"),
            Preset.SANDBOX.value: self.tr("Sandbox (test.salesforce.com)"),
            Preset.MYDOMAIN.value: self.tr("My Domain"),
            Preset.SITE.value: self.tr("Experience Cloud site"),
            Preset.CUSTOM.value: self.tr("Custom"),
        }
        for i in range(self.preset.count()):
            self.preset.setItemText(i, names[str(self.preset.itemData(i))])
        self.preset_box.setTitle(self.tr("Preset"))
        self.fields_box.setTitle(self.tr("Endpoint and claims"))
        self.preset_label.setText(self.tr("Org type:"))
        self.domain_label.setText(self.tr("My Domain name:"))
        self.sandbox_label.setText(self.tr("Sandbox name (optional):"))
        self.site_label.setText(self.tr("Site URL:"))
        self.domain.setPlaceholderText("acme")
        self.sandbox.setPlaceholderText("uat")
        self.site_url.setPlaceholderText("https://acme.my.site.com/customers")
        self.labels["endpoint"].setText(self.tr("&Endpoint (POST to):"))
        self.labels["audience"].setText(self.tr("&aud (audience):"))
        self.labels["consumer_key"].setText(self.tr("&Consumer key (iss):"))
        self.labels["username"].setText(self.tr("&Username (sub):"))
        self.endpoint.setPlaceholderText("https://login.salesforce.com")
        self.audience.setPlaceholderText("https://login.salesforce.com")
        self.consumer_key.setPlaceholderText("3MVG9…")
        self.username.setPlaceholderText("integration.user@acme.com")
        self.preset.setAccessibleName(self.tr("Connection preset"))
        self.domain.setAccessibleName(self.tr("My Domain name"))
        self.sandbox.setAccessibleName(self.tr("Sandbox name"))
        self.site_url.setAccessibleName(self.tr("Experience Cloud site URL"))
        self.endpoint.setAccessibleName(self.tr("Endpoint"))
        self.audience.setAccessibleName(self.tr("Audience (aud)"))
        self.consumer_key.setAccessibleName(self.tr("Consumer key"))
        self.username.setAccessibleName(self.tr("Username"))
        if not self._updating:
            self.validate()
