"""Create a new key and certificate (in the background; Cancel abandons it).

One workflow of the Key & certificate page (``key_page``).

It owns its widgets, slots and texts; the page places its box and wires it to the shared status line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from sfjwt_gui.core.key_jobs import generate_pair, make_certificate
from sfjwt_gui.core.policy import ALLOWED_KEY_BITS, MAX_VALIDITY_DAYS
from sfjwt_gui.ui.widgets.status_line import Kind
from sfjwt_gui.ui.worker import start

if TYPE_CHECKING:
    from sfjwt_gui.ui.pages.key_page import KeyPage


BITS_CHOICES = ALLOWED_KEY_BITS


class GenerateFlow(QObject):
    """Create a new key and certificate (in the background; Cancel abandons it)."""

    def __init__(self, page: KeyPage) -> None:
        super().__init__(page)
        self.page = page
        self.state = page.state
        self._keygen_serial = 0  # id of the generation the UI waits for; results of abandoned ones are dropped
        # Generate
        self.generate_box = QGroupBox(self.page)
        self.bits_combo = QComboBox(self.page)
        self.bits_combo.setObjectName("bitsCombo")
        for bits in BITS_CHOICES:
            self.bits_combo.addItem(str(bits), bits)
        self.cn_edit = QLineEdit("sfjwt-integration", self.page)
        self.cn_edit.setObjectName("cnEdit")
        self.days_spin = QSpinBox(self.page)
        self.days_spin.setObjectName("validityDays")
        self.days_spin.setRange(1, MAX_VALIDITY_DAYS)
        self.days_spin.setValue(365)
        self.generate_button = QPushButton(self.page)
        self.generate_button.setObjectName("generateButton")
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton(self.page)
        self.cancel_button.setObjectName("cancelGenerateButton")
        self.cancel_button.clicked.connect(self.cancel_generation)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self.page)
        self.progress.setObjectName("generateProgress")
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress.setTextVisible(False)
        self._bits_label, self._cn_label, self._days_label = QLabel(self.page), QLabel(self.page), QLabel(self.page)
        form = QFormLayout()
        form.addRow(self._bits_label, self.bits_combo)
        form.addRow(self._cn_label, self.cn_edit)
        form.addRow(self._days_label, self.days_spin)
        gen_buttons = QHBoxLayout()
        gen_buttons.addWidget(self.generate_button)
        gen_buttons.addWidget(self.cancel_button)
        gen_buttons.addWidget(self.progress, 1)
        gen_layout = QVBoxLayout(self.generate_box)
        gen_layout.addLayout(form)
        gen_layout.addLayout(gen_buttons)

    def retranslate(self) -> None:
        """Set this workflow's texts in the current language."""
        self.generate_box.setTitle(self.tr("Create a new key and certificate"))
        self._bits_label.setText(self.tr("Key &size (bits):"))
        self._bits_label.setBuddy(self.bits_combo)
        self.bits_combo.setAccessibleName(self.tr("Key size in bits"))
        self.bits_combo.setToolTip(self.tr("2048 bits is the usual choice; Salesforce accepts 2048, 3072 and 4096."))
        self._cn_label.setText(self.tr("Common &name (CN):"))
        self._cn_label.setBuddy(self.cn_edit)
        self.cn_edit.setAccessibleName(self.tr("Certificate common name"))
        self.cn_edit.setToolTip(self.tr("Any label that tells you later what this certificate is for."))
        self._days_label.setText(self.tr("&Validity (days):"))
        self._days_label.setBuddy(self.days_spin)
        self.days_spin.setAccessibleName(self.tr("Certificate validity in days"))
        self.days_spin.setToolTip(self.tr("365 days with a calendar reminder to rotate is a good default."))
        self.generate_button.setText(self.tr("&Generate"))
        self.generate_button.setAccessibleName(self.tr("Generate a new key and certificate"))
        self.generate_button.setToolTip(self.tr("Generate a new RSA key and a self-signed certificate (Ctrl+G)."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel key generation"))
        self.cancel_button.setToolTip(
            self.tr(
                "Key generation cannot be interrupted: Cancel abandons it. The computation finishes in the "
                "background and its result is thrown away."
            )
        )
        self.progress.setAccessibleName(self.tr("Key generation in progress"))

    def generate(self) -> None:
        """Generate a key and certificate in the background (the window stays responsive)."""
        if "generate" in self.page._busy:
            return
        bits = int(self.bits_combo.currentData())
        cn = self.cn_edit.text().strip()
        days = self.days_spin.value()
        if not cn:
            self.page._set_status(
                lambda: (
                    Kind.ERROR,
                    self.tr("The common name (CN) is empty."),
                    self.tr("Type a CN, e.g. acme-integration."),
                )
            )
            self.cn_edit.setFocus()
            return
        self._keygen_serial += 1
        serial = self._keygen_serial
        self.page._set_busy("generate", True)
        self.page._set_status(lambda: (Kind.INFO, self.tr("Generating a {bits}-bit RSA key…").format(bits=bits), ""))
        start(
            self,
            generate_pair,
            bits,
            cn,
            days,
            on_done=lambda pair: self._generated(serial, pair, cn),
            on_error=lambda error: self._generate_failed(serial, error),
        )

    def cancel_generation(self) -> None:
        """Abandon the running generation: its result will be discarded when it arrives."""
        if "generate" not in self.page._busy:
            return
        self._keygen_serial += 1
        self.page._set_busy("generate", False)
        self.page._set_status(
            lambda: (
                Kind.INFO,
                self.tr("Key generation cancelled. It finishes in the background; its result is discarded."),
                "",
            )
        )

    @property
    def generating(self) -> bool:
        """True while a generation the page waits for is running."""
        return "generate" in self.page._busy

    def _generated(self, serial: int, result: tuple[Any, Any, list[Any]], cn: str) -> None:
        if serial != self._keygen_serial:
            return  # abandoned by Cancel
        self.page._set_busy("generate", False)
        key, certificate, warnings = result
        self.page.current._adopt(key, certificate, suggested_name=cn)
        bits = key.key_size
        self.page._set_status(
            lambda: (
                Kind.WARNING if warnings else Kind.OK,
                self.tr("Generated a {bits}-bit key and a self-signed certificate.").format(bits=bits),
                "\n".join(
                    [
                        *(warning.text(self.state.lang()) for warning in warnings),
                        self.tr("Save it to the keyring, then export the .crt and upload it to Salesforce."),
                    ]
                ),
            )
        )

    def _generate_failed(self, serial: int, error: BaseException) -> None:
        if serial != self._keygen_serial:
            return
        self.page._set_busy("generate", False)
        self.page._show_error(error)

    def make_certificate(self) -> None:
        """Make a self-signed certificate for a key that has none (CN and validity from the generate form)."""
        key = self.state.private_key
        if key is None:
            return
        cn = self.cn_edit.text().strip() or "sfjwt-integration"
        start(
            self,
            make_certificate,
            key,
            cn,
            self.days_spin.value(),
            on_done=self._certificate_made,
            on_error=self.page._show_error,
        )

    def _certificate_made(self, certificate: Any) -> None:
        self.state.certificate = certificate
        self.page._set_status(lambda: (Kind.OK, self.tr("Made a self-signed certificate for the key."), ""))
        self.page.current._render_material()
