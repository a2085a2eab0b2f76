"""The current key: summary, expiry, fingerprints, and saving it to the keyring under a name (a key that stays in a
token or KMS is described through ``core.inspection.inspect_signer`` and is never saved).

One workflow of the Key & certificate page (``key_page``).

It owns its widgets, slots and texts; the page places its box and wires it to the shared status line.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from sfjwt_gui.core.errors import DuplicateKeyError, KeyExistsError
from sfjwt_gui.core.expiry import whole_days_left
from sfjwt_gui.core.fingerprints import key_matches_certificate, sha1_fingerprint, sha256_fingerprint
from sfjwt_gui.core.policy import expiry_is_warning
from sfjwt_gui.ui.dialogs.confirm import confirm_overwrite
from sfjwt_gui.ui.pages.key_external import external_signer, short_label
from sfjwt_gui.ui.widgets.fingerprint_view import FingerprintView
from sfjwt_gui.ui.widgets.page_parts import text_label
from sfjwt_gui.ui.widgets.status_line import Kind, copy_to_clipboard, kind_colour
from sfjwt_gui.ui.worker import start

if TYPE_CHECKING:
    from sfjwt_gui.ui.pages.key_page import KeyPage


def days_left(certificate: Any, now: dt.datetime | None = None) -> int:
    """Whole days until the certificate expires (negative once expired)."""
    return whole_days_left(certificate.not_valid_after_utc, now)


class CurrentKeyFlow(QObject):
    """The current key: summary, expiry, fingerprints, and saving it to the keyring under a name (a key that stays in a
    token or KMS is described through ``core.inspection.inspect_signer`` and is never saved)."""

    def __init__(self, page: KeyPage) -> None:
        super().__init__(page)
        self.page = page
        self.state = page.state
        # Current key
        self.current_box = QGroupBox(self.page)
        self.summary_label = text_label(self.page, "keySummary", selectable=True)
        self.expiry_label = text_label(self.page, "expiryLabel")
        self.sha1_edit = FingerprintView(self.page)
        self.sha1_edit.setObjectName("sha1Fingerprint")
        self.sha256_edit = FingerprintView(self.page)
        self.sha256_edit.setObjectName("sha256Fingerprint")
        self.copy_sha1 = QPushButton(self.page)
        self.copy_sha1.setObjectName("copySha1")
        self.copy_sha1.clicked.connect(lambda: copy_to_clipboard(self.sha1_edit.text()))
        self.copy_sha256 = QPushButton(self.page)
        self.copy_sha256.setObjectName("copySha256")
        self.copy_sha256.clicked.connect(lambda: copy_to_clipboard(self.sha256_edit.text()))
        self.make_cert_button = QPushButton(self.page)
        self.make_cert_button.setObjectName("makeCertificateButton")
        self.make_cert_button.clicked.connect(self.page.generator.make_certificate)
        self.name_edit = QLineEdit(self.page)
        self.name_edit.setObjectName("keyNameEdit")
        self.save_button = QPushButton(self.page)
        self.save_button.setObjectName("saveKeyButton")
        self.save_button.clicked.connect(self.save_to_keyring)
        self._sha1_label, self._sha256_label, self._name_label = QLabel(self.page), QLabel(self.page), QLabel(self.page)
        current = QVBoxLayout(self.current_box)
        current.addWidget(self.summary_label)
        current.addWidget(self.expiry_label)
        for label, view, button in (
            (self._sha1_label, self.sha1_edit, self.copy_sha1),
            (self._sha256_label, self.sha256_edit, self.copy_sha256),
        ):
            heading = QHBoxLayout()
            heading.addWidget(label)
            heading.addStretch(1)
            heading.addWidget(button)
            current.addLayout(heading)
            current.addWidget(view)
            label.setBuddy(view)
        current.addWidget(self.make_cert_button, 0, Qt.AlignmentFlag.AlignLeft)
        name_row = QHBoxLayout()
        name_row.addWidget(self._name_label)
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.save_button)
        name_row.addStretch(0)  # takes the room only when the name row is hidden (a token key): Export keeps its size
        name_row.addWidget(self.page.exporter.export_button)  # in the same row: Export is never below the fold
        current.addLayout(name_row)

    def retranslate(self) -> None:
        """Set this workflow's texts in the current language."""
        self.current_box.setTitle(self.tr("Current key"))
        self._sha1_label.setText(self.tr("SHA-1:"))
        self._sha256_label.setText(self.tr("SHA-256:"))
        self.sha1_edit.setAccessibleName(self.tr("Certificate SHA-1 fingerprint"))
        self.sha256_edit.setAccessibleName(self.tr("Certificate SHA-256 fingerprint"))
        for button, name in (
            (self.copy_sha1, self.tr("Copy the SHA-1 fingerprint")),
            (self.copy_sha256, self.tr("Copy the SHA-256 fingerprint")),
        ):
            button.setText(self.tr("Copy"))
            button.setAccessibleName(name)
            button.setToolTip(name)
        self.make_cert_button.setText(self.tr("Make a self-signed certificate for this key"))
        self.make_cert_button.setAccessibleName(self.tr("Make a self-signed certificate for this key"))
        self.make_cert_button.setToolTip(self.tr("Uses the common name and validity from “Create a new key”."))
        self._name_label.setText(self.tr("Na&me:"))
        self._name_label.setBuddy(self.name_edit)
        self.name_edit.setAccessibleName(self.tr("Name of the key in the keyring"))
        self.name_edit.setPlaceholderText(self.tr("e.g. acme-prod"))
        self.save_button.setText(self.tr("&Save to keyring"))
        self.save_button.setAccessibleName(self.tr("Save the key to the OS keyring"))
        self.save_button.setToolTip(self.tr("Stores the private key in the OS keyring under this name."))

    def save_to_keyring(self, *, overwrite: bool = False, allow_duplicate: bool = False) -> None:
        """Store the current key (and certificate) in the keyring under the name typed."""
        key = self.state.private_key
        name = self.name_edit.text().strip()
        if external_signer(key) is not None:
            self.page._set_status(
                lambda: (
                    Kind.INFO,
                    self.tr("This key stays in its token or KMS: there is nothing to save in the keyring."),
                    self.tr("Save a profile to remember its reference (never the PIN)."),
                )
            )
            return
        if key is None:
            self.page._set_status(
                lambda: (Kind.ERROR, self.tr("There is no key to save."), self.tr("Generate or import one first."))
            )
            return
        if not name:
            self.page._set_status(
                lambda: (Kind.ERROR, self.tr("The key needs a name."), self.tr("Type a name, e.g. acme-prod."))
            )
            self.name_edit.setFocus()
            return
        vault = self.state.vault
        if vault is None or not self.page._keyring_available():
            self.page._set_status(
                lambda: (Kind.ERROR, self.tr("The key cannot be saved: no usable keyring."), self.page._vault_fix())
            )
            return
        self.page._set_busy("save", True)
        start(
            self,
            partial(vault.save, overwrite=overwrite, allow_duplicate=allow_duplicate),
            name,
            key,
            self.state.certificate,
            on_done=self._saved,
            on_error=lambda error: self._save_failed(error, name),
        )

    def _saved(self, record: Any) -> None:
        self.page._set_busy("save", False)
        self.state.key_name = record.name
        name = record.name
        self.page._set_status(lambda: (Kind.OK, self.tr("Saved “{name}” in the keyring.").format(name=name), ""))
        self._render_material()

    def _save_failed(self, error: BaseException, name: str) -> None:
        self.page._set_busy("save", False)
        if isinstance(error, KeyExistsError) and confirm_overwrite(self.page, name):
            self.save_to_keyring(overwrite=True)
            return
        if isinstance(error, DuplicateKeyError):
            if not self.page.duplicates.resolve(error, name):
                self.page._set_status(lambda: (Kind.INFO, self.tr("Not saved: the key is already stored."), ""))
            return
        self.page._show_error(error)

    def _render_material(self) -> None:
        key, certificate = self.state.private_key, self.state.certificate
        has_cert = certificate is not None
        self.sha1_edit.setText(sha1_fingerprint(certificate) if certificate is not None else "")
        self.sha256_edit.setText(sha256_fingerprint(certificate) if certificate is not None else "")
        for button in (self.copy_sha1, self.copy_sha256):
            button.setEnabled(has_cert)
        self.make_cert_button.setVisible(key is not None and not has_cert)
        self.page._set_busy("", False)
        saved_name = self.state.key_name
        outside = external_signer(key)
        for widget in (self._name_label, self.name_edit, self.save_button):  # a keyring name: not for a token key
            widget.setVisible(outside is None)
        if saved_name and not self.name_edit.text().strip() and outside is None:
            self.name_edit.setText(saved_name)
        if key is None and not has_cert:
            self.summary_label.setText(
                self.tr("No key yet. Generate a new one, import a file, or load one from the Keys tool.")
            )
            self.expiry_label.setText("")
            return
        lines = []
        if outside is not None:
            from sfjwt_gui.core.inspection import inspect_signer

            inspection = inspect_signer(outside)
            lines.append(
                self.tr("RSA {bits}-bit key in {where}: it never leaves it.").format(
                    bits=inspection.key_bits, where=self.where_text(outside)
                )
            )
            if certificate is not None:
                lines.append(self.tr("Certificate: {subject}").format(subject=certificate.subject.rfc4514_string()))
                if not inspection.key_matches_certificate:
                    lines.append(self._mismatch_line())
            else:
                lines.append(self.tr("No certificate: make one to upload to Salesforce."))
            self.summary_label.setText("<br>".join(lines))
            self._render_expiry(certificate)
            return
        if key is not None:
            name = self.state.key_name
            where = (
                self.tr("saved in the keyring as “{name}”").format(name=name)
                if name
                else self.tr("not saved: in memory only")
            )
            from sfjwt_gui.core.signer import signing_public_key

            bits = signing_public_key(key).key_size  # type: ignore[union-attr]  # a key gives its public half
            lines.append(self.tr("RSA {bits}-bit private key, {where}.").format(bits=bits, where=where))
        if certificate is not None:
            lines.append(self.tr("Certificate: {subject}").format(subject=certificate.subject.rfc4514_string()))
            if key is not None and not key_matches_certificate(key, certificate):
                lines.append(self._mismatch_line())
        else:
            lines.append(self.tr("No certificate: make one to upload to Salesforce."))
        self.summary_label.setText("<br>".join(lines))
        self._render_expiry(certificate)

    def _mismatch_line(self) -> str:
        return "<span style='color:{c}'>{t}</span>".format(
            c=kind_colour(Kind.ERROR), t=self.tr("The certificate does not belong to this key.")
        )

    def where_text(self, signer: Any) -> str:
        """Where a token or KMS key lives, for the summary: "the PKCS#11 token (acme-hsm / sfjwt)"."""
        from sfjwt_gui.core.signer import Backend

        label = short_label(signer)
        if signer.backend is Backend.PKCS11:
            return self.tr("the PKCS#11 token ({label})").format(label=label)
        if signer.backend is Backend.AWS_KMS:
            return self.tr("AWS KMS (key {label})").format(label=label)
        return label

    def _render_expiry(self, certificate: Any) -> None:
        if certificate is None:
            self.expiry_label.setText("")
            return
        left = days_left(certificate)
        date = certificate.not_valid_after_utc.strftime("%Y-%m-%d %H:%M UTC")
        if left < 0:
            colour, text = (
                kind_colour(Kind.ERROR),
                self.tr("Expired on {date}: Salesforce rejects it.").format(date=date),
            )
        elif expiry_is_warning(left):
            colour, text = (
                kind_colour(Kind.WARNING),
                self.tr("Expires on {date}, in {days} days: make a new key and upload its certificate soon.").format(
                    date=date, days=left
                ),
            )
        else:
            colour, text = "", self.tr("Valid until {date} ({days} days left).").format(date=date, days=left)
        self.expiry_label.setText(f"<span style='color:{colour}'>{text}</span>" if colour else text)
        self.expiry_label.setProperty(
            "expiryState", "expired" if left < 0 else "expiring" if expiry_is_warning(left) else "ok"
        )

    def _adopt(self, key: Any, certificate: Any, *, suggested_name: str = "") -> None:
        """Make a new key the session's key (unsaved until Save)."""
        typed = self.name_edit.text().strip()
        previous = self.state.key_name
        self.state.private_key = key
        self.state.certificate = certificate
        self.state.key_name = None
        if suggested_name and (not typed or typed == previous):  # never offer the old key's name for a new key
            self.name_edit.setText(suggested_name)
        self._render_material()
        self.page.duplicates.check()  # warns when this key is already stored under another name
