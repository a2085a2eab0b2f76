"""Certificate signing requests and CA-issued certificates, for the Key page and the Keys tool.

For organisations whose policy wants a CA-signed certificate: "Certificate signing request…" asks for the subject
(filled from the key's current certificate by core's ``csr.request_subject``), then where to save the ``.csr``, and
writes it in the background (``csr.csr_for_stored_key`` for a stored key, ``csr.make_csr`` for the session's unsaved
key). "Attach CA certificate…" reads the certificate file the CA sent back (``key_loading.load_file``) and stores the
one that carries the key's public key (``csr.attach_certificate``); any other certificate is refused with core's
error naming both fingerprints. Nothing here decides anything: core does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from sfjwt_gui.core.key_generation import Subject
from sfjwt_gui.ui.dialogs.files import certificate_file_filter, choose_open_path, choose_save_path
from sfjwt_gui.ui.dialogs.modal import run_modal
from sfjwt_gui.ui.widgets.status_line import name_dialog_buttons
from sfjwt_gui.ui.worker import Job, start


class CsrDialog(QDialog):
    """The request's subject: CN, organisation, unit and two-letter country (empty fields are left out)."""

    def __init__(self, subject: Subject, key_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csrDialog")
        self.setWindowTitle(QCoreApplication.translate("CsrDialog", "Certificate signing request"))
        intro = QLabel(
            QCoreApplication.translate(
                "CsrDialog",
                "A request for a CA-signed certificate for {key}. Send the saved .csr file to your certificate "
                "authority, then attach the certificate it returns with “Attach CA certificate…”.",
            ).format(key=key_label),
            self,
        )
        intro.setWordWrap(True)
        self.cn_edit = QLineEdit(subject.cn, self)
        self.cn_edit.setObjectName("csrCn")
        self.org_edit = QLineEdit(subject.o or "", self)
        self.org_edit.setObjectName("csrOrg")
        self.unit_edit = QLineEdit(subject.ou or "", self)
        self.unit_edit.setObjectName("csrOrgUnit")
        self.country_edit = QLineEdit(subject.c or "", self)
        self.country_edit.setObjectName("csrCountry")
        self.country_edit.setMaxLength(2)
        self.country_edit.setPlaceholderText(QCoreApplication.translate("CsrDialog", "e.g. JP"))
        form = QFormLayout()
        for label, edit in (
            (QCoreApplication.translate("CsrDialog", "Common name (CN):"), self.cn_edit),
            (QCoreApplication.translate("CsrDialog", "Organisation (O):"), self.org_edit),
            (QCoreApplication.translate("CsrDialog", "Organisational unit (OU):"), self.unit_edit),
            (QCoreApplication.translate("CsrDialog", "Country (C):"), self.country_edit),
        ):
            form.addRow(label, edit)
            edit.setAccessibleName(label.rstrip(":"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.addButton(
            QCoreApplication.translate("CsrDialog", "Save request…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("csrSave")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        name_dialog_buttons(buttons)
        self.cn_edit.textChanged.connect(lambda text: self.save_button.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def subject(self) -> Subject:
        """The subject typed (empty optional fields are None)."""
        return Subject(
            cn=self.cn_edit.text().strip(),
            o=self.org_edit.text().strip() or None,
            ou=self.unit_edit.text().strip() or None,
            c=self.country_edit.text().strip().upper() or None,
        )


@dataclass(frozen=True)
class CsrTarget:
    """Whose request: a stored key (``vault`` and ``name``) or the session's unsaved ``key``."""

    name: str  # the stored key's name, or "" for an unsaved key
    vault: Any = None
    key: Any = None
    certificate: Any = None  # the key's current certificate (fills the form)


def write_stored_csr(vault: Any, name: str, subject: Subject, path: Path) -> Path:
    """Background job: the request for stored key ``name``, written as PEM to ``path``."""
    from sfjwt_gui.core.csr import csr_for_stored_key, csr_pem
    from sfjwt_gui.ui.dialogs.files import write_file

    request = csr_for_stored_key(vault, name, cn=subject.cn, org=subject.o, org_unit=subject.ou, country=subject.c)
    return write_file(path, csr_pem(request), private=False)


def write_session_csr(key: Any, subject: Subject, path: Path) -> Path:
    """Background job: the request for an unsaved key, written as PEM to ``path``."""
    from sfjwt_gui.core.csr import csr_pem, make_csr
    from sfjwt_gui.ui.dialogs.files import write_file

    return write_file(path, csr_pem(make_csr(key, subject)), private=False)


def start_csr(
    parent: QWidget,
    target: CsrTarget,
    *,
    default_cn: str,
    start_dir: Path,
    on_done: Callable[[Path], None],
    on_error: Callable[[BaseException], None],
) -> Job[Path] | None:
    """The whole interaction: subject dialog, save dialog, background write. None when the user cancels."""
    from sfjwt_gui.core.csr import request_subject
    from sfjwt_gui.core.save_location import safe_file_stem

    subject = request_subject(target.name or default_cn, target.certificate)
    label = f"“{target.name}”" if target.name else QCoreApplication.translate("CsrDialog", "the session's key")
    chosen = run_modal(CsrDialog(subject, label, parent), CsrDialog.subject)
    if chosen is None:
        return None
    suggested = start_dir / f"{safe_file_stem(target.name or chosen.cn, 'request')}.csr"
    path = choose_save_path(
        parent,
        QCoreApplication.translate("CsrDialog", "Save the certificate signing request"),
        str(suggested),
        QCoreApplication.translate("CsrDialog", "Certificate signing request (*.csr *.pem)")
        + ";;"
        + QCoreApplication.translate("CsrDialog", "All files (*)"),
    )
    if path is None:
        return None
    if target.name and target.vault is not None:
        return start(
            parent, write_stored_csr, target.vault, target.name, chosen, path, on_done=on_done, on_error=on_error
        )
    return start(parent, write_session_csr, target.key, chosen, path, on_done=on_done, on_error=on_error)


def attach_stored(vault: Any, name: str, path: Path) -> Any:
    """Background job: read a certificate file and attach the certificate for stored key ``name`` (AttachResult)."""
    from sfjwt_gui.core.csr import attach_certificate
    from sfjwt_gui.core.key_loading import load_file

    material = load_file(path)
    found = [c for c in (material.certificate, *material.extra_certificates) if c is not None]
    return attach_certificate(vault, name, found)


def match_session(key: Any, path: Path) -> Any:
    """Background job: the certificate in a file that carries the unsaved session key's public key."""
    from sfjwt_gui.core.csr import certificate_for_key
    from sfjwt_gui.core.key_loading import load_file

    material = load_file(path)
    found = [c for c in (material.certificate, *material.extra_certificates) if c is not None]
    from sfjwt_gui.core.signer import as_signer

    public = as_signer(key).public_key()  # a token or KMS key: its public half
    return certificate_for_key(public, found, name=QCoreApplication.translate("CsrDialog", "the session's key"))


def start_attach(
    parent: QWidget,
    target: CsrTarget,
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> Job[Any] | None:
    """Pick the CA's certificate file and attach it (stored key) or match it (unsaved key). None when cancelled.

    ``on_done`` gets a ``csr.AttachResult`` for a stored key, an ``x509.Certificate`` for an unsaved one."""
    path = choose_open_path(
        parent, QCoreApplication.translate("CsrDialog", "The certificate your CA issued"), certificate_file_filter()
    )
    if path is None:
        return None
    if target.name and target.vault is not None:
        return start(parent, attach_stored, target.vault, target.name, path, on_done=on_done, on_error=on_error)
    return start(parent, match_session, target.key, path, on_done=on_done, on_error=on_error)
