"""Step 2, Connection: preset, endpoint (where the assertion is POSTed), ``aud``, consumer key and username.

Every field is checked as it is typed (core.connection does the URL work); the messages say what to fix.
"""

from __future__ import annotations

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

from sfjwt_gui.core.connection import Preset, is_gov_cloud, preset_connection
from sfjwt_gui.core.errors import ConnectionSettingsError
from sfjwt_gui.ui import theme
from sfjwt_gui.ui.connection_checks import Check, check_all
from sfjwt_gui.ui.errors import render_error
from sfjwt_gui.ui.state import AppState, Field, listens
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget, fill_line, named, page_title, text_label

_FIELDS = ("endpoint", "audience", "consumer_key", "username")
_NAMED = (Preset.MYDOMAIN.value, Preset.GOVCLOUD.value)  # presets built from a My Domain name (+ sandbox name)


class ConnectionPage(TranslatedWidget):
    """Where to send and what to claim, with inline validation."""

    step_id = "connection"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
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
        self.preset_note = text_label(self, "preset_note")  # what a preset does beyond the URLs (Government Cloud)
        self.preset_note.setVisible(False)
        preset_messages = QWidget(self.preset_box)
        column = QVBoxLayout(preset_messages)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.messages["preset"])
        column.addWidget(self.preset_note)
        preset_form.addRow(preset_messages)

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
        state.changed.connect(self._on_state_changed)
        self.retranslate_ui()
        self._load_from_session()

    # ------------------------------------------------------------------ session sync

    def _load_from_session(self) -> None:
        self._updating = True
        try:
            preset = self.state.preset or Preset.PRODUCTION.value
            index = self.preset.findData(str(preset))
            self.preset.setCurrentIndex(max(index, 0))
            for name, edit in self.edits.items():
                fill_line(edit, str(getattr(self.state, name) or ""))
        finally:
            self._updating = False
        if not self.state.endpoint and not self.state.audience:
            self._apply_preset()
        self._update_preset_fields()
        self._show_preset_note()
        self.validate()

    @listens(Field.ENDPOINT, Field.AUDIENCE, Field.CONSUMER_KEY, Field.USERNAME, Field.PRESET)
    def _on_state_changed(self, name: str) -> None:
        if name in (*_FIELDS, "preset") and not self._updating:
            self._load_from_session()

    def _edited(self, name: str, text: str) -> None:
        self._updating = True
        try:
            setattr(self.state, name, text.strip() or None)
            # Government Cloud is the org's, not the URLs': an edited URL keeps it (the lint checks the split)
            current = self.preset.currentData()
            keeps = current == Preset.CUSTOM.value or is_gov_cloud(current)
            if name in ("endpoint", "audience") and not keeps:
                self.preset.setCurrentIndex(self.preset.findData(Preset.CUSTOM.value))
                self.state.preset = Preset.CUSTOM.value
        finally:
            self._updating = False
        self.validate()

    def _update_preset_fields(self) -> None:
        preset = self.preset.currentData()
        for widget, label, visible in (
            (self.domain, self.domain_label, preset in _NAMED),
            (self.sandbox, self.sandbox_label, preset in _NAMED),
            (self.site_url, self.site_label, preset == Preset.SITE.value),
        ):
            widget.setVisible(visible)
            label.setVisible(visible)

    def _apply_preset(self) -> None:
        if self._updating:
            return
        preset = str(self.preset.currentData())
        self._update_preset_fields()
        self.state.preset = preset
        self._show_preset_note()
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
            self._show("preset", Check("warning", "error", error=exc))
            self.validate()
            return
        self._updating = True
        try:
            fill_line(self.endpoint, conn.endpoint)
            fill_line(self.audience, conn.aud)
            self.state.endpoint = conn.endpoint
            self.state.audience = conn.aud
        finally:
            self._updating = False
        self.validate()

    def _show_preset_note(self) -> None:
        """What the preset does beyond filling the two URLs (Government Cloud's split); hidden for the others."""
        note = self.preset_notes().get(str(self.preset.currentData()), "")
        self.preset_note.setText(note)
        self.preset_note.setVisible(bool(note))

    def preset_notes(self) -> dict[str, str]:
        """What a preset does beyond filling the two URLs, by preset value."""
        return {
            Preset.GOVCLOUD.value: self.tr(
                "Government Cloud: the assertion is POSTed to your My Domain while aud stays "
                "https://login.salesforce.com (https://test.salesforce.com for a sandbox). The checks and the "
                "diagnosis then look for a mix-up of the two (rule aud-gov-cloud)."
            )
        }

    # ------------------------------------------------------------------ validation

    def check_texts(self) -> dict[str, str]:
        """The text of every check code, in the current language (``ui.connection_checks`` returns codes)."""
        return {
            "endpoint-empty": self.tr("Where to POST the assertion, e.g. https://login.salesforce.com."),
            "endpoint-http": self.tr("Salesforce answers only over https:// (HTTPS required)."),
            "endpoint-lightning": self.tr(
                "{host} is the Lightning UI, not a login host. Use the My Domain URL (….my.salesforce.com)."
            ),
            "endpoint-ok": self.tr("Token URL: {url}"),
            "aud-empty": self.tr(
                "The aud claim: https://login.salesforce.com, https://test.salesforce.com or My Domain."
            ),
            "aud-scheme": self.tr("aud {aud} must start with https:// (a bare host gives 'audience is invalid')."),
            "aud-token-url": self.tr("aud is the login URL, not the token URL: drop /services/oauth2/token."),
            "aud-lightning": self.tr("A Lightning host is not accepted as aud: use the My Domain URL."),
            "aud-unusual": self.tr("Salesforce accepts login, test, My Domain or site URLs as aud; check this one."),
            "aud-mixed": self.tr(
                "The endpoint is a {a} host but aud names a {b} host: production and sandbox do not mix."
            ),
            "iss-empty": self.tr("The Connected App's consumer key (iss); it starts with 3MVG."),
            "iss-space": self.tr("The consumer key contains spaces or line breaks: copy it again."),
            "iss-prefix": self.tr("Consumer keys usually start with 3MVG; is this the consumer secret or an id?"),
            "sub-empty": self.tr("The integration user's Salesforce username (sub)."),
            "sub-user-id": self.tr("This is a user id; sub takes the username (name@example.com)."),
            "sub-not-email": self.tr("A Salesforce username looks like an e-mail address: name@example.com."),
            "sub-sandbox": self.tr("Sandbox usernames usually end with the sandbox name (user@acme.com.uat)."),
            "looks-right": self.tr("Looks right."),
        }

    def check_text(self, check: Check) -> str:
        """What a check says, in the current language."""
        if check.error is not None:
            return render_error(check.error, self.state.lang())
        return self.check_texts()[check.code].format(**check.params)

    def validate(self) -> dict[str, Check]:
        """Check every field and show the messages (the step list derives its state from the same checks)."""
        checks = check_all(self.endpoint.text(), self.audience.text(), self.consumer_key.text(), self.username.text())
        for name, check in checks.items():
            self._show(name, check)
        return checks

    def _show(self, name: str, check: Check) -> None:
        label = self.messages[name]
        text = self.check_text(check)
        label.setText(text)
        label.setVisible(bool(text))
        label.setEnabled(check.state != "none")
        theme.set_state_colour(label, check.state)
        label.setProperty("state", check.state)

    # ------------------------------------------------------------------ i18n

    def preset_names(self) -> dict[str, str]:
        """The translated name of each preset, by value."""
        return {
            Preset.PRODUCTION.value: self.tr("Production (login.salesforce.com)"),
            Preset.SANDBOX.value: self.tr("Sandbox (test.salesforce.com)"),
            Preset.MYDOMAIN.value: self.tr("My Domain"),
            Preset.GOVCLOUD.value: self.tr("Government Cloud (My Domain, aud login/test)"),
            Preset.SITE.value: self.tr("Experience Cloud site"),
            Preset.CUSTOM.value: self.tr("Custom"),
        }

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.title.setText(self.tr("Connection"))
        self.intro.setText(
            self.tr(
                "Where the signed JWT is sent and who it speaks for. The endpoint and aud are independent: "
                "a preset fills both, and you can change either."
            )
        )
        names = self.preset_names()
        for i in range(self.preset.count()):
            value = str(self.preset.itemData(i))
            self.preset.setItemText(i, names.get(value, value))  # a preset without a name yet shows its value
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
        self._show_preset_note()
        if not self._updating:
            self.validate()
