"""Export the current key and/or certificate (format dialog, file dialog, background write). The private key of a
token or KMS key is refused by design (core's reason is shown) and only its certificate is offered.

One workflow of the Key & certificate page (``key_page``).

It owns its widgets, slots and texts; the page places its box and wires it to the shared status line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QPushButton,
)

from sfjwt_gui.ui.dialogs.export_dialog import start_export
from sfjwt_gui.ui.pages.key_external import external_signer, short_label
from sfjwt_gui.ui.widgets.status_line import Kind

if TYPE_CHECKING:
    from sfjwt_gui.core.signer import Signer
    from sfjwt_gui.ui.pages.key_page import KeyPage


class ExportFlow(QObject):
    """Export the current key and/or certificate (format dialog, file dialog, background write)."""

    def __init__(self, page: KeyPage) -> None:
        super().__init__(page)
        self.page = page
        self.state = page.state
        self.export_button = QPushButton(self.page)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)

    def retranslate(self) -> None:
        """Set this workflow's texts in the current language."""
        self.export_button.setText(self.tr("E&xport…"))
        self.export_button.setAccessibleName(self.tr("Export the key or certificate to a file"))
        self.export_button.setToolTip(self.tr("Certificate (.crt/.cer), PKCS#8, PKCS#12 or JKS (Ctrl+E)."))

    def export(self) -> None:
        """Export the current key and/or certificate (format dialog, file dialog, background write)."""
        key, certificate = self.state.private_key, self.state.certificate
        if key is None and certificate is None:
            self.page._set_status(
                lambda: (
                    Kind.ERROR,
                    self.tr("There is nothing to export yet."),
                    self.tr("Generate or import a key first."),
                )
            )
            return
        outside = external_signer(key)
        if outside is not None:  # refused by design: only its certificate can leave
            self._refuse_key_export(outside)
            if certificate is None:
                return
            key = None
        base = self.state.key_name or self.page.current.name_edit.text().strip() or "sfjwt"
        if outside is not None:  # the object's label or the KMS key id, as a file name
            base = re.sub(r"[^A-Za-z0-9._-]+", "-", short_label(outside).split(" / ")[-1]).strip("-.") or "sfjwt"
        job = start_export(
            self.page,
            key=key,
            certificate=certificate,
            base_name=base,
            on_done=self._exported,
            on_error=self._export_failed,
        )
        if job is not None:
            self.page._set_busy("export", True)

    def _refuse_key_export(self, signer: Signer) -> None:
        """Say why the private key cannot be exported (core's reason) and that the certificate is offered."""
        from sfjwt_gui.core.signer_certificates import refuse_key_export

        refusal = refuse_key_export(signer.reference, signer.backend)
        has_cert = signer.certificate is not None or self.state.certificate is not None
        self.page._set_status(
            lambda: (
                Kind.INFO,
                self.page._error_parts(refusal)[0],
                self.tr("Export offers its certificate instead: that is what Salesforce needs.")
                if has_cert
                else self.tr("Make or choose its certificate first, then export the certificate."),
            )
        )

    def _exported(self, path: Path) -> None:
        self.page._set_busy("export", False)
        self.page._set_status(lambda: (Kind.OK, self.tr("Exported to {path}.").format(path=path), ""))

    def _export_failed(self, error: BaseException) -> None:
        self.page._set_busy("export", False)
        self.page._show_error(error)
