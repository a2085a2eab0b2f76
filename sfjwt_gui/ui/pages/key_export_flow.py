"""Export the current key and/or certificate (format dialog, file dialog, background write).

One workflow of the Key & certificate page (``key_page``).

It owns its widgets, slots and texts; the page places its box and wires it to the shared status line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QPushButton,
)

from sfjwt_gui.ui.dialogs.export_dialog import start_export
from sfjwt_gui.ui.widgets.status_line import Kind

if TYPE_CHECKING:
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
        base = self.state.key_name or self.page.current.name_edit.text().strip() or "sfjwt"
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

    def _exported(self, path: Path) -> None:
        self.page._set_busy("export", False)
        self.page._set_status(lambda: (Kind.OK, self.tr("Exported to {path}.").format(path=path), ""))

    def _export_failed(self, error: BaseException) -> None:
        self.page._set_busy("export", False)
        self.page._show_error(error)
