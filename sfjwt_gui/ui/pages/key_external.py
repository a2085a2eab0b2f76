"""Use a key that stays in a hardware token (PKCS#11) or AWS KMS: its reference, the PKCS#11 module, the PIN.

One workflow of the Key & certificate page (``key_page``). What it guarantees:

- The reference is checked as it is typed (``core.key_refs.parse_reference``; bad text shows core's message naming
  the bad value and the fix). Opening (``core.signers.open_signer``) runs off the GUI thread with a progress bar and
  Cancel; a result that arrives after Cancel is closed, never used.
- The PIN is asked for only when the token says it needs one (``PinRequiredError``), again after ``WrongPinError``,
  and lives only in the call that opens the token: never in the state, the settings, a profile or a log line.
- Once opened, the ``Signer`` becomes the session's key (``state.private_key``) and its reference the key's name
  (``state.key_name``), so every page signs through it and profiles remember the reference.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
)

from sfjwt_gui.core.errors import PinRequiredError, SfjwtError, WrongPinError
from sfjwt_gui.ui.dialogs.files import certificate_file_filter, choose_open_path
from sfjwt_gui.ui.dialogs.pin import ask_pin
from sfjwt_gui.ui.widgets.page_parts import text_label
from sfjwt_gui.ui.widgets.status_line import Kind, kind_colour, local_files
from sfjwt_gui.ui.worker import start

if TYPE_CHECKING:
    from cryptography.x509 import Certificate

    from sfjwt_gui.core.signer import Signer, SigningKey
    from sfjwt_gui.core.snippets import SnippetInput
    from sfjwt_gui.core.vault import Vault
    from sfjwt_gui.ui.pages.key_page import KeyPage

MODULE_ENV = "SFJWT_PKCS11_MODULE"  # same variable as core.signers.pkcs11 (not imported: it loads at first use)


def external_signer(key: SigningKey | None) -> Signer | None:
    """``key`` when it is a signer whose private key stays outside this process (token, KMS); else None."""
    from sfjwt_gui.core.signer import private_key_of  # not at import: the Key page is built at start-up

    if key is None or private_key_of(key) is not None:
        return None
    return key  # type: ignore[return-value]  # not an RSAPrivateKey nor a LocalSigner: a Signer


def short_label(signer: Signer) -> str:
    """A short name for a token or KMS key (the whole reference is in the Reference box): the PKCS#11 token and
    object labels, or the KMS key id / alias without its ARN prefix."""
    from sfjwt_gui.core.key_refs import AwsKmsRef, Pkcs11Ref, parse_reference

    ref = parse_reference(signer.reference)
    if isinstance(ref, Pkcs11Ref):
        return " / ".join(part for part in (ref.token, ref.object) if part) or ref.uri
    if isinstance(ref, AwsKmsRef):
        return ref.key_id.split(":key/", 1)[-1].split(":alias/", 1)[-1]
    return signer.reference


def signer_snippet(key: SigningKey | None, kind: str, values: SnippetInput, module: str | None) -> str | None:
    """The "Copy as" text for a token or KMS key: Python signing with the same backend and Apex's note
    (``snippets.render_for_signer``); None for other keys and for curl / sf (they post a signed assertion)."""
    outside = external_signer(key)
    if outside is None or kind not in ("python", "apex"):
        return None
    from sfjwt_gui.core.snippets import render_for_signer

    return render_for_signer(values, outside.reference, pkcs11_module=module)[kind]


def open_external_key(
    reference: str, pin: str | None, module: str | None, certificate_path: Path | None, vault: Vault | None
) -> Signer:
    """Background: read the optional certificate file, then open the signer ``reference`` names."""
    from sfjwt_gui.core.signers import open_signer

    certificate: Certificate | None = None
    if certificate_path is not None:
        from sfjwt_gui.ui.pages.key_compare import read_certificate_file

        certificate = read_certificate_file(certificate_path)
    return open_signer(reference, pin=pin, pkcs11_module=module, certificate=certificate, vault=vault)


class PathEdit(QLineEdit):
    """A path box that takes a dropped local file (its path), so a module or certificate can be dragged in."""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a drag carrying a local file."""
        if local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Keep accepting a drag carrying a local file."""
        if local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """A dropped file replaces the text with its path."""
        paths = local_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.setText(str(paths[0]))
        else:
            super().dropEvent(event)


class ExternalKeyFlow(QObject):
    """Use a key in a hardware token or cloud KMS: reference, module, optional certificate; PIN when asked."""

    def __init__(self, page: KeyPage) -> None:
        super().__init__(page)
        self.page = page
        self.state = page.state
        self._serial = 0  # the open the page waits for; an older (cancelled) one is closed when it arrives
        self._job: Any = None
        self.opened: list[Signer] = []  # every signer opened here: token sessions are closed at exit (close_all)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close_all)
        self.external_box = QGroupBox(self.page)
        self.external_box.setObjectName("externalKeyBox")
        self.reference_edit = QLineEdit(self.page)
        self.reference_edit.setObjectName("externalReferenceEdit")
        self.reference_edit.textChanged.connect(self._check_reference)
        self.reference_edit.returnPressed.connect(self.open_external)
        self.reference_hint = text_label(self.page, "externalReferenceHint")
        self.module_edit = PathEdit(self.page)
        self.module_edit.setObjectName("pkcs11ModuleEdit")
        self.module_edit.setText(os.environ.get(MODULE_ENV, ""))
        self.module_button = QPushButton(self.page)
        self.module_button.setObjectName("pkcs11ModuleButton")
        self.module_button.clicked.connect(self.choose_module)
        self.cert_edit = PathEdit(self.page)
        self.cert_edit.setObjectName("externalCertificateEdit")
        self.cert_button = QPushButton(self.page)
        self.cert_button.setObjectName("externalCertificateButton")
        self.cert_button.clicked.connect(self.choose_certificate)
        self.use_external_button = QPushButton(self.page)
        self.use_external_button.setObjectName("useExternalKeyButton")
        self.use_external_button.clicked.connect(self.open_external)
        self.external_progress = QProgressBar(self.page)
        self.external_progress.setObjectName("externalKeyProgress")
        self.external_progress.setRange(0, 0)  # busy: a token or KMS does not say how long it takes
        self.external_progress.setMaximumHeight(12)
        self.external_progress.setTextVisible(False)
        self.external_progress.hide()
        self.cancel_external_button = QPushButton(self.page)
        self.cancel_external_button.setObjectName("cancelExternalKeyButton")
        self.cancel_external_button.clicked.connect(self.cancel_external)
        self.cancel_external_button.setEnabled(False)
        self._labels = {name: QLabel(self.page) for name in ("reference", "module", "certificate")}
        grid = QGridLayout(self.external_box)
        grid.addWidget(self._labels["reference"], 0, 0)
        grid.addWidget(self.reference_edit, 0, 1, 1, 2)
        grid.addWidget(self.reference_hint, 1, 1, 1, 2)
        for row, (name, edit, button) in (
            (2, ("module", self.module_edit, self.module_button)),
            (3, ("certificate", self.cert_edit, self.cert_button)),
        ):
            grid.addWidget(self._labels[name], row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(button, row, 2)
        self._labels["reference"].setBuddy(self.reference_edit)
        self._labels["module"].setBuddy(self.module_edit)
        self._labels["certificate"].setBuddy(self.cert_edit)
        actions = QHBoxLayout()
        actions.addWidget(self.external_progress, 1)
        actions.addWidget(self.cancel_external_button)
        actions.addWidget(self.use_external_button)
        grid.addLayout(actions, 4, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self._check_reference()

    def retranslate(self) -> None:
        """Set this workflow's texts in the current language."""
        self.external_box.setTitle(self.tr("Use a key in a hardware token or cloud KMS"))
        self._labels["reference"].setText(self.tr("&Reference:"))
        self.reference_edit.setPlaceholderText(self.tr("pkcs11:token=…;object=…  or  awskms:KEY_ID_OR_ARN"))
        self.reference_edit.setAccessibleName(self.tr("Reference of the key in a token or KMS"))
        self.reference_edit.setToolTip(
            self.tr("Paste a PKCS#11 URI (pkcs11:token=LABEL;object=KEY) or an AWS KMS key (awskms:ID, alias or ARN).")
        )
        self._labels["module"].setText(self.tr("PKCS#11 &module:"))
        self.module_edit.setPlaceholderText("/usr/lib/softhsm/libsofthsm2.so")
        self.module_edit.setAccessibleName(self.tr("Path of the PKCS#11 module"))
        self.module_edit.setToolTip(
            self.tr("The token's PKCS#11 library (.so/.dll/.dylib); drop it here or choose it.")
        )
        self._labels["certificate"].setText(self.tr("Certi&ficate:"))
        self.cert_edit.setPlaceholderText(self.tr("optional"))
        self.cert_edit.setToolTip(self.tr("A certificate file for the key, when the token or KMS holds none."))
        self.cert_edit.setAccessibleName(self.tr("Certificate file for the key (optional)"))
        for button, name in (
            (self.module_button, self.tr("Choose the PKCS#11 module")),
            (self.cert_button, self.tr("Choose the certificate file")),
        ):
            button.setText(self.tr("Choose…"))
            button.setAccessibleName(name)
            button.setToolTip(name)
        self.use_external_button.setText(self.tr("&Use this key"))
        self.use_external_button.setAccessibleName(self.tr("Open the key in the token or KMS and sign with it"))
        self.use_external_button.setToolTip(self.tr("The private key stays there: every signature is made inside it."))
        self.cancel_external_button.setText(self.tr("Cancel"))
        self.cancel_external_button.setAccessibleName(self.tr("Stop waiting for the token or KMS"))
        self.external_progress.setAccessibleName(self.tr("Opening the key"))
        self._check_reference()

    # ------------------------------------------------------------------ reference

    def _parsed(self) -> Any:
        """The reference typed (a core ``KeyReference``), or the ``KeyReferenceError`` saying what is wrong."""
        from sfjwt_gui.core.errors import KeyReferenceError
        from sfjwt_gui.core.key_refs import parse_reference

        text = self.reference_edit.text().strip()
        try:
            return parse_reference(text)
        except KeyReferenceError as exc:
            return exc

    def _check_reference(self) -> None:
        """Show what is wrong with the reference as it is typed; the module row matters only for pkcs11:."""
        text = self.reference_edit.text().strip()
        parsed = self._parsed() if text else None
        if isinstance(parsed, SfjwtError):
            message, fix = self.page._error_parts(parsed)
            shown = f"{message} {fix}".strip()
            self.reference_hint.setText(f"<span style='color:{kind_colour(Kind.ERROR)}'>{_html(shown)}</span>")
        else:
            self.reference_hint.setText("")
        self.reference_hint.setVisible(bool(self.reference_hint.text()))
        pkcs11 = not text or text.lower().startswith("pkcs11:")
        for widget in (self._labels["module"], self.module_edit, self.module_button):
            widget.setEnabled(pkcs11)
        self.use_external_button.setEnabled(bool(text) and not isinstance(parsed, SfjwtError) and self._job is None)

    def choose_module(self) -> None:
        """Pick the PKCS#11 module file."""
        caption = self.tr("Choose the PKCS#11 module")
        path = choose_open_path(self.page, caption, self.tr("PKCS#11 modules (*.so *.dll *.dylib);;All files (*)"))
        if path is not None:
            self.module_edit.setText(str(path))

    def choose_certificate(self) -> None:
        """Pick the certificate file that goes with the key."""
        path = choose_open_path(self.page, self.tr("Choose the certificate file"), certificate_file_filter())
        if path is not None:
            self.cert_edit.setText(str(path))

    # ------------------------------------------------------------------ opening

    def open_external(self, pin: str | None = None) -> None:
        """Open the key the reference names, in the background (asks for the PIN when the token needs one)."""
        if self._job is not None:
            return
        pin = pin if isinstance(pin, str) else None  # clicked() passes a bool
        parsed = self._parsed()
        if isinstance(parsed, SfjwtError):
            self.page._show_error(parsed)
            self.reference_edit.setFocus()
            return
        reference = parsed.text()
        module = self.module_edit.text().strip() or None
        cert_text = self.cert_edit.text().strip()
        certificate = Path(cert_text) if cert_text else None
        self._serial += 1
        serial = self._serial
        self._set_busy(True)
        self._job = start(
            self,
            open_external_key,
            reference,
            pin,
            module,
            certificate,
            self.state.vault,
            on_done=lambda signer: self._opened(serial, signer, module),
            on_error=lambda error: self._open_failed(serial, error),
        )

    def cancel_external(self) -> None:
        """Stop waiting: the page is free again; a key that opens later is closed, not used."""
        if self._job is None:
            return
        self._serial += 1
        self._set_busy(False)
        self.page._set_status(lambda: (Kind.INFO, self.tr("Stopped waiting for the token or KMS."), ""))

    def _set_busy(self, busy: bool) -> None:
        if not busy:
            self._job = None
        self.external_progress.setVisible(busy)
        self.cancel_external_button.setEnabled(busy)
        self._check_reference()
        if busy:
            self.use_external_button.setEnabled(False)

    def _open_failed(self, serial: int, error: BaseException) -> None:
        if serial != self._serial:
            return
        self._set_busy(False)
        if isinstance(error, PinRequiredError | WrongPinError):
            token = getattr(error, "token", "") or self.reference_edit.text().strip()
            wrong = isinstance(error, WrongPinError)
            pin = ask_pin(
                self.page,
                self.tr("The token {token} needs its user PIN to sign. Type the PIN:").format(token=token),
                error=self.tr("The token refused that PIN. Check it and try again.") if wrong else "",
            )
            if pin is None:
                self.page._set_status(lambda: (Kind.INFO, self.tr("Not opened: no PIN given."), ""))
                return
            self.open_external(pin)
            return
        self.page._show_error(error)

    def _opened(self, serial: int, signer: Signer, module: str | None) -> None:
        from sfjwt_gui.core.signer import Backend, private_key_of
        from sfjwt_gui.core.signers import close_signer

        if serial != self._serial:
            close_signer(signer)  # cancelled meanwhile: never used, never left open
            return
        self._set_busy(False)
        if signer.backend is Backend.KEYRING:  # a keyring name: the key itself, as the Keys tool loads it
            local = private_key_of(signer)
            self.page.current._adopt(local, signer.certificate)
            self.state.key_name = signer.reference.removeprefix("keyring:")
            return
        self.adopt(signer, module)
        has_cert = signer.certificate is not None
        self.page._set_status(
            lambda: (
                Kind.OK if has_cert else Kind.WARNING,
                self.tr("Using the key in {where}: it never leaves it; every signature is made there.").format(
                    where=self.page.current.where_text(signer)  # in the language shown, re-run on a switch
                ),
                ""
                if has_cert
                else self.tr(
                    "It holds no certificate: choose the certificate file, or make a self-signed one (signed inside)."
                ),
            )
        )

    def adopt(self, signer: Signer, module: str | None) -> None:
        """Make ``signer`` the session's key; its reference is the key's name (what profiles remember)."""
        from sfjwt_gui.core.signer import Backend

        previous = external_signer(self.state.private_key)
        self.opened.append(signer)
        self.page.current._adopt(signer, signer.certificate)
        self.state.pkcs11_module = module if signer.backend is Backend.PKCS11 else None
        self.state.key_name = signer.reference
        self.reference_edit.setText(signer.reference)
        self.reference_edit.setCursorPosition(0)  # the token and object, not the end of a long id
        # A token logs in once per process: closing another session of the same token would log this one out.
        if previous is not None and previous is not signer and previous.backend is not Backend.PKCS11:
            from sfjwt_gui.core.signers import close_signer

            close_signer(previous)
            self.opened = [opened for opened in self.opened if opened is not previous]

    def close_all(self) -> None:
        """Close every token session and KMS client opened here (at exit; the keys stay in their token/KMS)."""
        from sfjwt_gui.core.signers import close_signer

        opened, self.opened = self.opened, []
        for signer in opened:
            try:
                close_signer(signer)
            except SfjwtError:  # a token pulled out meanwhile: nothing left to close
                continue

    def open_reference(self, reference: str, module: str | None) -> None:
        """Open a key a profile names (the PIN is asked for when the token needs it)."""
        self.reference_edit.setText(reference)
        if module:
            self.module_edit.setText(module)
        self.cert_edit.clear()
        self.open_external()


def _html(text: str) -> str:
    from html import escape

    return escape(text).replace("\n", "<br>")
