"""Export a key or certificate: pick format, alias and passphrase, then the file; written in the background."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.core.errors import ExportError
from sfjwt_gui.core.key_export import MIN_KEYSTORE_PASSWORD
from sfjwt_gui.ui.dialogs.files import choose_save_path, write_file
from sfjwt_gui.ui.dialogs.modal import run_modal
from sfjwt_gui.ui.dialogs.passphrase import PassphraseFields
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine, name_dialog_buttons
from sfjwt_gui.ui.worker import Job, start


class ExportFormat(StrEnum):
    """The formats of core key export."""

    CRT = "crt"
    CER = "cer"
    PKCS8 = "pkcs8"
    P12 = "p12"
    JKS = "jks"

    @property
    def needs_key(self) -> bool:
        """Whether the private key goes into the file."""
        return self in (ExportFormat.PKCS8, ExportFormat.P12, ExportFormat.JKS)

    @property
    def needs_certificate(self) -> bool:
        """Whether the certificate goes into the file."""
        return self is not ExportFormat.PKCS8

    @property
    def has_alias(self) -> bool:
        """Whether the file names its entry (PKCS#12 friendly name, JKS alias)."""
        return self in (ExportFormat.P12, ExportFormat.JKS)

    @property
    def extension(self) -> str:
        """The file name extension."""
        return {"crt": "crt", "cer": "cer", "pkcs8": "key", "p12": "p12", "jks": "jks"}[self.value]


@dataclass(frozen=True)
class ExportRequest:
    """What the user chose in the export dialog."""

    fmt: ExportFormat
    alias: str
    passphrase: bytes | None
    insecure_unencrypted: bool = False


def format_label(fmt: ExportFormat) -> str:
    """A translated, explanatory name for a format."""
    labels = {
        ExportFormat.CRT: QCoreApplication.translate(
            "ExportDialog", "Certificate, PEM (.crt) — upload this to the Connected App / External Client App"
        ),
        ExportFormat.CER: QCoreApplication.translate("ExportDialog", "Certificate, DER (.cer)"),
        ExportFormat.PKCS8: QCoreApplication.translate("ExportDialog", "Private key, PKCS#8 PEM (.key)"),
        ExportFormat.P12: QCoreApplication.translate("ExportDialog", "Key and certificate, PKCS#12 (.p12)"),
        ExportFormat.JKS: QCoreApplication.translate(
            "ExportDialog", "Java keystore (.jks) — for Salesforce Certificate and Key Management import"
        ),
    }
    return labels[fmt]


class ExportDialog(QDialog):
    """Choose a format, an alias (PKCS#12/JKS) and a passphrase typed twice (key formats)."""

    def __init__(
        self,
        *,
        has_key: bool,
        has_certificate: bool,
        default_alias: str = "sfjwt",
        initial: ExportFormat | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setModal(True)
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("exportFormat")
        for fmt in ExportFormat:
            usable = (has_key or not fmt.needs_key) and (has_certificate or not fmt.needs_certificate)
            if usable:
                self.format_combo.addItem(format_label(fmt), fmt)
        if initial is not None and (index := self.format_combo.findData(initial)) >= 0:
            self.format_combo.setCurrentIndex(index)
        self.alias_edit = QLineEdit(default_alias, self)
        self.alias_edit.setObjectName("exportAlias")
        self.fields = PassphraseFields(self, "exportPassphrase", "exportPassphraseConfirm")
        self.passphrase_edit = self.fields.passphrase_edit
        self.confirm_edit = self.fields.confirm_edit
        self.insecure_check = QCheckBox(self)
        self.insecure_check.setObjectName("exportInsecure")
        self.insecure_check.setStyleSheet("color:#d03030")
        self.note = StatusLine(self)
        self.note.setObjectName("exportNote")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self._format_label = QLabel(self)
        self._alias_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self._format_label, self.format_combo)
        form.addRow(self._alias_label, self.alias_edit)
        self.fields.add_rows(form)
        form.addRow("", self.insecure_check)
        self._form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        for signal in (
            self.format_combo.currentIndexChanged,
            self.alias_edit.textChanged,
            self.passphrase_edit.textChanged,
            self.confirm_edit.textChanged,
            self.insecure_check.toggled,
        ):
            signal.connect(self._update)
        self.retranslate_ui()
        self.setMinimumWidth(720)
        self.format_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.setWindowTitle(self.tr("Export"))
        self._format_label.setText(self.tr("&Format:"))
        self._format_label.setBuddy(self.format_combo)
        self._alias_label.setText(self.tr("&Alias:"))
        self._alias_label.setBuddy(self.alias_edit)
        self.format_combo.setAccessibleName(self.tr("Export format"))
        self.alias_edit.setAccessibleName(self.tr("Alias of the entry in the keystore"))
        self.alias_edit.setToolTip(self.tr("The name of the key entry (PKCS#12 friendly name, JKS alias)."))
        self.fields.retranslate(self.tr("Export passphrase"), self.tr("Repeat the export passphrase"))
        self.insecure_check.setText(self.tr("Write the private key UNENCRYPTED (anyone who reads the file can sign)"))
        self.insecure_check.setAccessibleName(self.tr("Write the private key unencrypted"))
        name_dialog_buttons(self.buttons)
        for index in range(self.format_combo.count()):
            self.format_combo.setItemText(index, format_label(self.format_combo.itemData(index)))
        self._update()

    def current_format(self) -> ExportFormat:
        """The selected format."""
        return ExportFormat(self.format_combo.currentData())

    def _update(self) -> None:
        fmt = self.current_format() if self.format_combo.count() else ExportFormat.CRT
        has_alias = fmt.has_alias
        needs_passphrase = fmt.needs_key
        insecure_allowed = fmt is ExportFormat.PKCS8
        self.insecure_check.setVisible(insecure_allowed)
        if not insecure_allowed:
            self.insecure_check.setChecked(False)
        insecure = self.insecure_check.isChecked()
        asks_passphrase = needs_passphrase and not insecure
        for widget in (self._alias_label, self.alias_edit):
            widget.setVisible(has_alias)
        for widget in (
            self.fields.passphrase_label,
            self.passphrase_edit,
            self.fields.confirm_label,
            self.confirm_edit,
        ):
            widget.setVisible(asks_passphrase)
        passphrase = self.fields.text()
        ok = self.format_combo.count() > 0
        if has_alias and not self.alias_edit.text().strip():
            ok = False
        note_kind, note = Kind.INFO, ""
        if fmt is ExportFormat.JKS:
            note = self.tr("The key password is the keystore password, as Salesforce's import requires.")
        elif fmt in (ExportFormat.CRT, ExportFormat.CER):
            note = self.tr("A certificate holds no secret; no passphrase is needed.")
        if asks_passphrase:
            if not passphrase:
                ok = False
            elif fmt is ExportFormat.JKS and len(passphrase) < MIN_KEYSTORE_PASSWORD:
                ok = False
                note_kind, note = (
                    Kind.WARNING,
                    self.tr("Keytool and Salesforce need a keystore password of at least {n} characters.").format(
                        n=MIN_KEYSTORE_PASSWORD
                    ),
                )
            elif not self.fields.matches():
                ok = False
                if self.fields.mismatch():
                    note_kind, note = Kind.ERROR, self.tr("The two passphrases differ.")
        if insecure:
            note_kind, note = Kind.WARNING, self.tr("The key will be readable by anyone who can read the file.")
        self.note.show_message(note_kind, note)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def request(self) -> ExportRequest:
        """The choices made."""
        fmt = self.current_format()
        insecure = fmt is ExportFormat.PKCS8 and self.insecure_check.isChecked()
        passphrase = self.passphrase_edit.text().encode("utf-8") if fmt.needs_key and not insecure else None
        return ExportRequest(fmt, self.alias_edit.text().strip(), passphrase, insecure)


def export_bytes(request: ExportRequest, key: Any, certificate: Any) -> bytes:
    """Produce the file content with core's exporters (slow for key formats: run it in the background)."""
    from sfjwt_gui.core import key_export

    fmt = request.fmt
    if fmt.needs_key and key is None:
        raise ExportError(
            f"The {fmt.value} format holds the private key, and no private key is loaded.",
            fix="Load or generate the key first, or export the certificate (crt/cer).",
        )
    if fmt.needs_certificate and certificate is None:
        raise ExportError(
            f"The {fmt.value} format holds the certificate, and this key has none.",
            fix="Create a self-signed certificate for the key on the Key & certificate page first.",
        )
    if fmt in (ExportFormat.CRT, ExportFormat.CER):
        return key_export.export_certificate(certificate, fmt.value)
    if fmt is ExportFormat.PKCS8:
        return key_export.export_private_key_pkcs8(
            key, request.passphrase, insecure_unencrypted=request.insecure_unencrypted
        )
    password = request.passphrase or b""
    if fmt is ExportFormat.P12:
        return key_export.export_pkcs12(key, certificate, password, request.alias)
    return key_export.export_jks(key, certificate, password.decode("utf-8"), request.alias)


def write_export(request: ExportRequest, key: Any, certificate: Any, path: Path) -> Path:
    """Export and write the file (key formats owner-only); returns the path."""
    data = export_bytes(request, key, certificate)
    return write_file(path, data, private=request.fmt.needs_key)


def _load_then_write(
    request: ExportRequest, key: Any, load_key: Callable[[], Any] | None, certificate: Any, path: Path
) -> Path:
    """Background: read the private key only when the chosen format holds it, then export and write."""
    if key is None and load_key is not None and request.fmt.needs_key:
        key = load_key()
    return write_export(request, key, certificate, path)


def start_export(
    parent: QWidget,
    *,
    key: Any,
    certificate: Any,
    base_name: str,
    on_done: Callable[[Path], None],
    on_error: Callable[[BaseException], None],
    load_key: Callable[[], Any] | None = None,
) -> Job[Path] | None:
    """Run the whole export interaction: dialog, file picker, background write. None when the user cancels.
    ``load_key`` (instead of ``key``) reads the private key in the background, only for a format that holds it: a
    certificate export never touches the keyring."""
    dialog = ExportDialog(
        has_key=key is not None or load_key is not None,
        has_certificate=certificate is not None,
        default_alias=base_name or "sfjwt",
        parent=parent,
    )
    request = run_modal(dialog, ExportDialog.request)
    if request is None:
        return None
    suggested = f"{base_name or 'sfjwt'}.{request.fmt.extension}"
    path = choose_save_path(
        parent, QCoreApplication.translate("ExportDialog", "Export to"), suggested, _file_filter(request.fmt)
    )
    if path is None:
        return None
    return start(
        parent, _load_then_write, request, key, load_key, certificate, path, on_done=on_done, on_error=on_error
    )


def _file_filter(fmt: ExportFormat) -> str:
    names = {
        ExportFormat.CRT: QCoreApplication.translate("ExportDialog", "PEM certificate (*.crt *.pem)"),
        ExportFormat.CER: QCoreApplication.translate("ExportDialog", "DER certificate (*.cer *.der)"),
        ExportFormat.PKCS8: QCoreApplication.translate("ExportDialog", "PKCS#8 private key (*.key *.pem)"),
        ExportFormat.P12: QCoreApplication.translate("ExportDialog", "PKCS#12 (*.p12 *.pfx)"),
        ExportFormat.JKS: QCoreApplication.translate("ExportDialog", "Java keystore (*.jks)"),
    }
    return names[fmt] + ";;" + QCoreApplication.translate("ExportDialog", "All files (*)")
