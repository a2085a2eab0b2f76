"""Compare the current key with the certificate Salesforce holds (dropped or chosen .crt).

One workflow of the Key & certificate page (``key_page``).

It owns its widgets, slots and texts; the page places its box and wires it to the shared status line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QPushButton,
    QVBoxLayout,
)

from sfjwt_gui.core.fingerprints import key_matches_certificate, sha256_fingerprint
from sfjwt_gui.ui.dialogs.files import certificate_file_filter, choose_open_path
from sfjwt_gui.ui.widgets.drop_frame import DropFrame
from sfjwt_gui.ui.widgets.page_parts import text_label
from sfjwt_gui.ui.widgets.paste_box import read_dropped_bytes
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine
from sfjwt_gui.ui.worker import start

if TYPE_CHECKING:
    from sfjwt_gui.ui.pages.key_page import KeyPage


def read_certificate_file(path: Path) -> Any:
    """Background job: one certificate from a .crt/.cer/.pem file."""
    from sfjwt_gui.core.key_loading import load_certificate

    return load_certificate(read_dropped_bytes(path), source_name=path.name)


class CompareFlow(QObject):
    """Compare the current key with the certificate Salesforce holds (dropped or chosen .crt)."""

    def __init__(self, page: KeyPage) -> None:
        super().__init__(page)
        self.page = page
        self.state = page.state
        self.last_compare: tuple[bool, str, str] | None = None  # (matches, uploaded sha256, ours)
        # Compare
        self.compare_box = QGroupBox(self.page)
        self.compare_frame = DropFrame(self.page)
        self.compare_frame.setObjectName("compareDropFrame")
        self.compare_frame.files_dropped.connect(lambda paths: self.compare_with_file(paths[0]))
        self.compare_button = QPushButton(self.page)
        self.compare_button.setObjectName("compareButton")
        self.compare_button.clicked.connect(self.choose_compare_file)
        self._compare_hint = text_label(self.page, "compareHint")
        self.compare_result = StatusLine(self.page)
        self.compare_result.setObjectName("compareResult")
        frame_layout = QVBoxLayout(self.compare_frame)
        frame_layout.addWidget(self._compare_hint)
        frame_layout.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignLeft)
        compare_layout = QVBoxLayout(self.compare_box)
        compare_layout.addWidget(self.compare_frame)
        compare_layout.addWidget(self.compare_result)

    def retranslate(self) -> None:
        """Set this workflow's texts in the current language."""
        self.compare_box.setTitle(self.tr("Compare with the certificate in Salesforce"))
        self._compare_hint.setText(
            self.tr(
                "Download the certificate from the Connected App or External Client App and drop the .crt here, "
                "or choose it. The key signs; Salesforce checks with that certificate: they must belong together."
            )
        )
        self.compare_button.setText(self.tr("&Choose certificate…"))
        self.compare_button.setAccessibleName(self.tr("Choose the certificate downloaded from Salesforce"))
        self.compare_frame.setAccessibleName(self.tr("Drop area for the certificate downloaded from Salesforce"))

    def choose_compare_file(self) -> None:
        """Pick the certificate downloaded from Salesforce."""
        path = choose_open_path(self.page, self.tr("Certificate downloaded from Salesforce"), certificate_file_filter())
        if path is not None:
            self.compare_with_file(path)

    def compare_with_file(self, path: Path) -> None:
        """Read a certificate file (background) and compare it with the current key."""
        start(self, read_certificate_file, Path(path), on_done=self.compare_with, on_error=self._compare_failed)

    def _compare_failed(self, error: BaseException) -> None:
        self.last_compare = None
        self.compare_result.show_message(Kind.ERROR, *self.page._error_parts(error))

    def compare_with(self, uploaded: Any) -> None:
        """Compare a certificate (the one in Salesforce) with the current key; stores it as uploaded_certificate."""
        self.state.uploaded_certificate = uploaded
        self._render_compare()

    def _render_compare(self) -> None:
        uploaded = self.state.uploaded_certificate
        if uploaded is None:
            self.last_compare = None
            self.compare_result.show_message(Kind.INFO, "")
            return
        key, ours = self.state.private_key, self.state.certificate
        theirs_fp = sha256_fingerprint(uploaded)
        ours_fp = sha256_fingerprint(ours) if ours is not None else ""
        if key is None and ours is None:
            self.last_compare = None
            self.compare_result.show_message(
                Kind.INFO,
                self.tr("Salesforce's certificate: SHA-256 {theirs}. Load your key to compare.").format(
                    theirs=theirs_fp
                ),
            )
            return
        from sfjwt_gui.core.signer import Signer  # a token or KMS key compares by its public key

        public = key if key is not None else ours.public_key() if ours is not None else None
        matches = isinstance(public, RSAPrivateKey | RSAPublicKey | Signer) and key_matches_certificate(
            public, uploaded
        )
        self.last_compare = (matches, theirs_fp, ours_fp)
        if matches:
            self.compare_result.show_message(
                Kind.OK,
                self.tr("Match: the certificate in Salesforce belongs to this key."),
                self.tr("Salesforce: SHA-256 {theirs}\nYours: SHA-256 {ours}").format(
                    theirs=theirs_fp, ours=ours_fp or "-"
                ),
            )
        else:
            self.compare_result.show_message(
                Kind.ERROR,
                self.tr(
                    "Mismatch: the certificate in Salesforce does not belong to this key. Salesforce will answer "
                    "“invalid assertion”."
                ),
                self.tr(
                    "Salesforce: SHA-256 {theirs}\nYours: SHA-256 {ours}\nUpload this key's certificate (.crt)."
                ).format(theirs=theirs_fp, ours=ours_fp or "-"),
            )
