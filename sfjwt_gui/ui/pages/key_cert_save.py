"""The certificate out, in one obvious action: "Save certificate for Salesforce (.crt)…" right in the key's result.

One workflow of the Key & certificate page (``key_page``). The save dialog starts in the last folder used, else the
user's Documents folder (core ``save_location.suggested_path``), never the process's working directory. Afterwards the
box shows the full path with "Open folder" and "Copy path". The box keeps its size whatever it shows (the path line
is always there), so nothing moves under the pointer.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout

from sfjwt_gui.ui.dialogs.files import choose_save_path
from sfjwt_gui.ui.widgets.page_parts import text_label
from sfjwt_gui.ui.widgets.status_line import copy_to_clipboard
from sfjwt_gui.ui.worker import start

if TYPE_CHECKING:
    from sfjwt_gui.ui.pages.key_page import KeyPage

_SETTING = "paths/last_save_folder"


def last_folder() -> Path:
    """Where save dialogs start: the last folder the user saved to, else Documents, else home (core's rule)."""
    from sfjwt_gui.core.save_location import start_folder
    from sfjwt_gui.ui.profiles import app_settings

    return start_folder(str(app_settings().value(_SETTING, "") or "") or None)


def remember_folder(path: Path) -> None:
    """Remember the folder of a file the user just saved, for the next save dialog."""
    from sfjwt_gui.ui.profiles import app_settings

    settings = app_settings()
    settings.setValue(_SETTING, str(Path(path).parent))
    settings.sync()


def write_certificate(certificate: Any, path: Path) -> Path:
    """Background job: the certificate as PEM (what Salesforce's "Use digital signatures" takes)."""
    from sfjwt_gui.core.key_export import export_certificate
    from sfjwt_gui.ui.dialogs.files import write_file

    return write_file(path, export_certificate(certificate, "crt"), private=False).resolve()


class CertificateSaveFlow(QObject):
    """Save the session's certificate for Salesforce, then show where it went."""

    def __init__(self, page: KeyPage) -> None:
        super().__init__(page)
        self.page = page
        self.state = page.state
        self.saved_path: Path | None = None
        self.cert_box = QGroupBox(self.page)
        self.cert_box.setObjectName("certificateOutBox")
        self.save_cert_button = QPushButton(self.page)
        self.save_cert_button.setObjectName("saveCertificateButton")
        self.save_cert_button.setDefault(True)
        font = QFont(self.save_cert_button.font())
        font.setBold(True)
        self.save_cert_button.setFont(font)
        self.save_cert_button.setMinimumHeight(self.save_cert_button.sizeHint().height() + 8)
        self.save_cert_button.clicked.connect(self.save_certificate)
        self.path_label = text_label(self.page, "savedCertificatePath", selectable=True)
        lines = self.path_label.fontMetrics().lineSpacing()
        self.path_label.setFixedHeight(lines * 2 + 4)  # room for a long path on two lines: the box never grows
        self.open_folder_button = QPushButton(self.page)
        self.open_folder_button.setObjectName("openCertificateFolder")
        self.open_folder_button.clicked.connect(self.open_folder)
        self.copy_path_button = QPushButton(self.page)
        self.copy_path_button.setObjectName("copyCertificatePath")
        self.copy_path_button.clicked.connect(lambda: copy_to_clipboard(str(self.saved_path or "")))
        row = QHBoxLayout()
        row.addWidget(self.open_folder_button)
        row.addWidget(self.copy_path_button)
        row.addStretch(1)
        layout = QVBoxLayout(self.cert_box)
        layout.addWidget(self.save_cert_button)
        layout.addWidget(self.path_label)
        layout.addLayout(row)

    def retranslate(self) -> None:
        """Set this workflow's texts in the current language."""
        self.cert_box.setTitle(self.tr("Certificate for Salesforce"))
        self.save_cert_button.setText(self.tr("Save certificate for Salesforce (.crt)…"))
        self.save_cert_button.setAccessibleName(self.tr("Save the certificate for Salesforce as a .crt file"))
        self.open_folder_button.setText(self.tr("Open folder"))
        self.open_folder_button.setAccessibleName(self.tr("Open the folder of the saved certificate"))
        self.copy_path_button.setText(self.tr("Copy path"))
        self.copy_path_button.setAccessibleName(self.tr("Copy the saved certificate's path"))
        self.render()

    def render(self) -> None:
        """Enable what can work now and say where the certificate went (or where it goes)."""
        has_cert = self.state.certificate is not None
        self.save_cert_button.setEnabled(has_cert)
        self.save_cert_button.setToolTip(
            self.tr("Upload it in Salesforce: the app's “Use digital signatures” setting.")
            if has_cert
            else self.tr("No certificate yet: generate a key, or import a key with its certificate.")
        )
        saved = self.saved_path is not None
        for button in (self.open_folder_button, self.copy_path_button):
            button.setEnabled(saved)
        if saved:
            self.path_label.setText(self.tr("Saved to {path}").format(path=self.saved_path))
        else:
            self.path_label.setText(
                self.tr("Then upload the .crt in Salesforce: the app's “Use digital signatures” setting.")
            )

    def save_certificate(self) -> None:
        """Ask where (starting in the last folder or Documents) and write the certificate as .crt in the background."""
        from sfjwt_gui.core.save_location import suggested_path

        certificate = self.state.certificate
        if certificate is None:
            return
        name = self.state.key_name or self.page.current.name_edit.text().strip() or "salesforce-jwt"
        suggested = suggested_path(name, ".crt", last_folder())
        path = choose_save_path(
            self.page,
            self.tr("Save certificate for Salesforce"),
            str(suggested),
            self.tr("Certificate for Salesforce (*.crt)"),
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".crt")
        start(self, write_certificate, certificate, path, on_done=self._saved, on_error=self.page._show_error)

    def _saved(self, path: Path) -> None:
        remember_folder(path)
        self.saved_path = path
        self.render()

    def certificate_changed(self) -> None:
        """A new certificate: the saved file no longer is this certificate."""
        self.saved_path = None
        self.render()

    def open_folder(self) -> None:
        """Show the saved certificate's folder in the file manager."""
        if self.saved_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path.parent)))
