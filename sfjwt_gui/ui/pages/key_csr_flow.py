"""The Key page's "Signing request…" and "Attach CA certificate…" for the session's key.

One workflow of the Key & certificate page (``key_page``); the dialogs and background jobs are ``key_csr``'s, shared
with the Keys tool. A stored key (the session's key has a name in the keyring) gets core's ``csr_for_stored_key`` and
``attach_certificate``; an unsaved key gets ``make_csr`` and a certificate that must carry its public key.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton

from sfjwt_gui.core.keyring_status import VaultAction
from sfjwt_gui.ui.pages.key_cert_save import last_folder, remember_folder
from sfjwt_gui.ui.pages.key_csr import CsrTarget, start_attach, start_csr
from sfjwt_gui.ui.pages.key_external import external_signer
from sfjwt_gui.ui.widgets.status_line import Kind

if TYPE_CHECKING:
    from sfjwt_gui.ui.pages.key_page import KeyPage


class KeyCsrFlow(QObject):
    """CSR and CA certificate for the session's key."""

    def __init__(self, page: KeyPage) -> None:
        super().__init__(page)
        self.page = page
        self.state = page.state
        self.csr_button = QPushButton(self.page)
        self.csr_button.setObjectName("keyCsrButton")
        self.csr_button.clicked.connect(self.make_request)
        self.attach_button = QPushButton(self.page)
        self.attach_button.setObjectName("keyAttachButton")
        self.attach_button.clicked.connect(self.attach)
        row = QHBoxLayout()
        row.addWidget(self.csr_button)
        row.addWidget(self.attach_button)
        row.addStretch(1)
        layout = self.page.current.current_box.layout()
        if isinstance(layout, QBoxLayout):
            layout.addLayout(row)

    def retranslate(self) -> None:
        """Set this workflow's texts in the current language."""
        self.csr_button.setText(self.tr("Signing re&quest (.csr)…"))
        self.csr_button.setAccessibleName(self.tr("Make a certificate signing request for this key"))
        self.attach_button.setText(self.tr("A&ttach CA certificate…"))
        self.attach_button.setAccessibleName(self.tr("Attach the certificate your CA issued for this key"))
        self.render()

    def _stored(self) -> bool:
        """True for a key stored in the keyring (a token or KMS key's name is its reference, not a keyring entry)."""
        return bool(self.state.key_name) and external_signer(self.state.private_key) is None

    def _target(self) -> CsrTarget:
        name = (self.state.key_name or "") if self._stored() else ""
        return CsrTarget(
            name=name,
            vault=self.state.vault if name else None,
            key=self.state.private_key,
            certificate=self.state.certificate,
        )

    def render(self) -> None:
        """Enable the buttons when there is a key (a stored key also needs a usable keyring), with the reason."""
        from sfjwt_gui.core.keyring_status import disabled_reason

        has_key = self.state.private_key is not None
        stored = self._stored()
        for button, action, tip in (
            (
                self.csr_button,
                VaultAction.CSR,
                self.tr("For a CA-signed certificate: save a .csr file to send to your certificate authority."),
            ),
            (
                self.attach_button,
                VaultAction.ATTACH,
                self.tr("Read the certificate file your CA returned and use it with this key."),
            ),
        ):
            if stored:
                reason = disabled_reason(self.page._gate_status(), action, self.state.lang(), has_key=has_key)
            elif has_key:
                reason = None  # an unsaved key needs no keyring: the request is made from the key in memory
            else:
                reason = self.tr("There is no key yet: generate or import one first.")
            button.setEnabled(reason is None)
            button.setToolTip(tip if reason is None else reason)

    def make_request(self) -> None:
        """Subject dialog, save dialog, then the request written in the background."""
        if self.state.private_key is None:
            return
        start_csr(
            self.page,
            self._target(),
            default_cn=self.page.generator.cn_edit.text().strip() or "sfjwt-integration",
            start_dir=last_folder(),
            on_done=self._saved,
            on_error=self.page._show_error,
        )

    def _saved(self, path: Path) -> None:
        remember_folder(path)
        self.page._set_status(
            lambda: (
                Kind.OK,
                self.tr("Saved the certificate signing request to {path}.").format(path=path),
                self.tr("Send it to your certificate authority, then attach the certificate it returns."),
            )
        )

    def attach(self) -> None:
        """Pick the CA's certificate and attach it to the key (refused when it belongs to another key)."""
        if self.state.private_key is None:
            return
        start_attach(self.page, self._target(), on_done=self._attached, on_error=self.page._show_error)

    def _attached(self, result: Any) -> None:
        certificate = getattr(result, "certificate", result)  # an AttachResult (stored key) or the certificate
        self.state.certificate = certificate
        subject = certificate.subject.rfc4514_string()
        self.page._set_status(
            lambda: (
                Kind.OK,
                self.tr("Attached the certificate “{subject}” to this key.").format(subject=subject),
                self.tr("Save the certificate for Salesforce and upload it to the app."),
            )
        )
