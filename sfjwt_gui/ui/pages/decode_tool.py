"""Decode tool: paste anything holding a JWT (curl, Bearer header, assertion=…) → decoded, linted, verified."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.core.errors import SfjwtError
from sfjwt_gui.core.fingerprints import sha256_fingerprint
from sfjwt_gui.ui.dialogs.files import certificate_file_filter, choose_open_path
from sfjwt_gui.ui.errors import error_parts
from sfjwt_gui.ui.state import AppState, Field, listens
from sfjwt_gui.ui.widgets.findings_view import FindingsView
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget
from sfjwt_gui.ui.widgets.paste_box import DropTarget, PasteBox, read_dropped_bytes
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine, breakable
from sfjwt_gui.ui.widgets.token_view import TokenView
from sfjwt_gui.ui.widgets.wrap_label import WrapLabel
from sfjwt_gui.ui.worker import start


def read_dropped_file(path: Path) -> tuple[str, Any]:
    """Background job: a dropped file is either text holding a token, or a certificate/public key.

    Returns ("token", text) or ("certificate", certificate-or-public-key)."""
    from sfjwt_gui.core.jwt_codec import decode, load_verification_material

    data = read_dropped_bytes(path)
    text = data.decode("utf-8", "replace")
    try:
        decode(text)
    except SfjwtError as token_error:
        try:
            return "certificate", load_verification_material(data)
        except SfjwtError:
            raise token_error from None
    return "token", text


def read_certificate(path: Path) -> Any:
    """Background job: a certificate (or RSA public key) file for verification."""
    from sfjwt_gui.core.jwt_codec import load_verification_material

    return load_verification_material(read_dropped_bytes(path))


# where the certificate came from when it is not a file (its name): named in the current language when shown
IN_SALESFORCE, SESSION, PASTED = "\x00in-salesforce", "\x00session", "\x00pasted"


class DecodeToolPage(TranslatedWidget):
    """Decode a JWT (tool "decode")."""

    step_id = "decode"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("decodeToolPage")
        self.certificate: Any = None
        self.certificate_source = ""
        self.findings: list[Any] | None = None
        self.decoded: Any = None  # the token decoded last (its note is re-rendered on a language switch)
        self._status_error: BaseException | None = None  # the error the status line shows, rendered when shown

        self._title = QLabel(self)
        paste = PasteBox(self, "decode", self.decode_now, self.clear, max_height=110)
        self.input_edit = paste.input_edit
        self.decode_button = paste.action_button
        self.clear_button = paste.clear_button
        self.endpoint_edit = QLineEdit(self)
        self.endpoint_edit.setObjectName("decodeEndpoint")
        self.endpoint_edit.textChanged.connect(self._schedule)
        self._endpoint_label = QLabel(self)
        self._endpoint_label.setBuddy(self.endpoint_edit)

        self.cert_box = QGroupBox(self)
        self.cert_label = WrapLabel(self)  # a certificate's subject and fingerprint wrap over several lines
        self.cert_label.setObjectName("decodeCertificate")
        self.cert_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_cert_button = QPushButton(self)
        self.choose_cert_button.setObjectName("decodeChooseCertificate")
        self.choose_cert_button.clicked.connect(self.choose_certificate)
        self.session_cert_button = QPushButton(self)
        self.session_cert_button.setObjectName("decodeSessionCertificate")
        self.session_cert_button.clicked.connect(self.use_session_certificate)
        self.clear_cert_button = QPushButton(self)
        self.clear_cert_button.setObjectName("decodeClearCertificate")
        self.clear_cert_button.clicked.connect(self.clear_certificate)
        self.pem_edit = QPlainTextEdit(self)  # jwt.io habit: paste the certificate instead of choosing a file
        self.pem_edit.setObjectName("decodePastedCertificate")
        self.pem_edit.setTabChangesFocus(True)
        self.pem_edit.setFixedHeight(self.pem_edit.fontMetrics().lineSpacing() * 2 + 12)
        self.pem_edit.textChanged.connect(self._pem_timer_start)
        cert_layout = QVBoxLayout(self.cert_box)  # the label wraps on its own line; the buttons never push it
        cert_layout.addWidget(self.cert_label)
        cert_layout.addWidget(self.pem_edit)
        cert_row = QGridLayout()  # two rows: the column beside the token is narrow at laptop sizes
        cert_row.addWidget(self.choose_cert_button, 0, 0)
        cert_row.addWidget(self.clear_cert_button, 0, 1)
        cert_row.addWidget(self.session_cert_button, 1, 0, 1, 2)
        cert_row.setColumnStretch(2, 1)
        cert_layout.addLayout(cert_row)

        self.status = StatusLine(self)
        self.status.setObjectName("decodeStatus")
        self.token_view = TokenView(self)
        self.token_view.setObjectName("decodeTokenView")
        self.findings_box = QGroupBox(self)
        self.findings_view = FindingsView(self)
        self.findings_view.setObjectName("decodeFindings")
        QVBoxLayout(self.findings_box).addWidget(self.findings_view)
        # the decoded token (encoded, header, payload) fills the left column from just below the paste box; the
        # certificate it is verified against sits above the findings on the right, so at 1024x700 the payload is on
        # screen without scrolling
        self.side = QWidget(self)
        side_layout = QVBoxLayout(self.side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.cert_box)
        side_layout.addWidget(self.findings_box, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.token_view)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.side.setMinimumWidth(240)
        self.splitter.setSizes([620, 480])
        self.splitter.setChildrenCollapsible(False)

        endpoint_row = QHBoxLayout()
        endpoint_row.addWidget(self._endpoint_label)
        endpoint_row.addWidget(self.endpoint_edit, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addLayout(paste.row)
        layout.addLayout(endpoint_row)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)

        # Decoding and linting take well under a millisecond: update as the user types, debounced.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.decode_now)
        self.input_edit.textChanged.connect(self._schedule)
        self._pem_timer = QTimer(self)
        self._pem_timer.setSingleShot(True)
        self._pem_timer.setInterval(250)
        self._pem_timer.timeout.connect(self.use_pasted_certificate)
        self._auto_endpoint = ""  # the "POSTed to" value taken from the pasted text (replaced when the paste changes)
        DropTarget(self, self.open_dropped_file, self.set_text)
        state.changed.connect(self._on_state_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self._title.setText("<h2>{}</h2>".format(self.tr("Decode a JWT")))
        self.input_edit.setPlaceholderText(
            self.tr(
                "Paste a JWT, an “Authorization: Bearer …” header, an assertion=… form body or a whole curl "
                "command — or drop a file holding one."
            )
        )
        self.input_edit.setAccessibleName(self.tr("Text holding the JWT"))
        self.decode_button.setText(self.tr("&Decode"))
        self.decode_button.setAccessibleName(self.tr("Decode and lint the token"))
        self.decode_button.setToolTip(
            self.tr("Decode, lint and verify (Ctrl+Enter in the text box). It also happens as you type.")
        )
        self.clear_button.setText(self.tr("C&lear"))
        self.clear_button.setAccessibleName(self.tr("Clear the pasted text"))
        self._endpoint_label.setText(self.tr("POSTed &to (optional):"))
        self.endpoint_edit.setPlaceholderText(self.tr("https://login.salesforce.com — checks aud against it"))
        self.endpoint_edit.setAccessibleName(self.tr("Endpoint the token is posted to (optional)"))
        self.cert_box.setTitle(self.tr("Verify against a certificate"))
        self.choose_cert_button.setText(self.tr("C&hoose certificate…"))
        self.choose_cert_button.setAccessibleName(self.tr("Choose a certificate to verify the signature"))
        self.choose_cert_button.setToolTip(
            self.tr("The certificate uploaded to the app (.crt/.cer/.pem), or drop it here.")
        )
        self.session_cert_button.setText(self.tr("Use the session's certificate"))
        self.session_cert_button.setAccessibleName(self.tr("Verify with the certificate of the current key"))
        self.pem_edit.setPlaceholderText(self.tr("…or paste the certificate (-----BEGIN CERTIFICATE-----) here"))
        self.pem_edit.setAccessibleName(self.tr("Pasted certificate to verify the signature"))
        self.clear_cert_button.setText(self.tr("Clear"))
        self.clear_cert_button.setAccessibleName(self.tr("Stop verifying against a certificate"))
        self.findings_box.setTitle(self.tr("What Salesforce will say"))
        self._render_certificate()
        self._update_session_button()
        self._render_status()  # a language switch re-renders what is stored: nothing is decoded or linted again

    @listens(Field.CERTIFICATE, Field.UPLOADED_CERTIFICATE)
    def _on_state_changed(self, field: str) -> None:
        if field in ("certificate", "uploaded_certificate"):
            self._update_session_button()

    def _update_session_button(self) -> None:
        self.session_cert_button.setEnabled(
            self.state.uploaded_certificate is not None or self.state.certificate is not None
        )
        self.clear_cert_button.setEnabled(self.certificate is not None)

    # ----------------------------------------------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Put text in the input box and decode it now."""
        self.input_edit.setPlainText(text)
        self.decode_now()

    def clear(self) -> None:
        """Empty the input and the results."""
        self.input_edit.clear()
        self.decode_now()

    def _schedule(self) -> None:
        self._timer.start()

    def decode_now(self) -> None:
        """Decode, verify (when a certificate is chosen) and lint the input."""
        self._timer.stop()
        text = self.input_edit.toPlainText()
        decoded = self.token_view.show_token(text, self.certificate)
        self.decoded, self._status_error = decoded, None
        self._render_status()
        if decoded is None:
            self.findings = None
            self.findings_view.show_findings(None)
            return
        self._fill_endpoint(decoded.posted_to)
        from sfjwt_gui.core.lint import lint

        try:
            self.findings = lint(
                decoded,
                endpoint=self.endpoint_edit.text().strip() or None,
                certificate=self.certificate,
                clock_offset=0.0,
            )
        except SfjwtError as exc:  # e.g. an endpoint that is not a URL: say so, keep the decoded token
            self.findings = None
            self.findings_view.show_findings(None)
            self._show_error(exc)
            return
        self.findings_view.show_findings(self.findings)

    def _fill_endpoint(self, url: str | None) -> None:
        """Fill "POSTed to" from a pasted curl command / POST line, unless the user typed their own."""
        typed = self.endpoint_edit.text().strip()
        if not url or (typed and typed != self._auto_endpoint) or typed == url:
            return
        self._auto_endpoint = url
        self.endpoint_edit.blockSignals(True)  # decoding now: no second, scheduled decode
        self.endpoint_edit.setText(url)
        self.endpoint_edit.blockSignals(False)

    def clear_certificate(self) -> None:
        """Stop verifying (the pasted certificate goes too)."""
        self.pem_edit.blockSignals(True)
        self.pem_edit.clear()
        self.pem_edit.blockSignals(False)
        self.set_certificate(None, "")

    def _pem_timer_start(self) -> None:
        self._pem_timer.start()

    def use_pasted_certificate(self) -> None:
        """Verify against the certificate (or public key) pasted in the certificate box."""
        from sfjwt_gui.core.jwt_codec import load_verification_material

        self._pem_timer.stop()
        text = self.pem_edit.toPlainText().strip()
        pasted = self.tr("the pasted certificate")
        if not text:
            if self.certificate is not None and self.certificate_source == PASTED:
                self.set_certificate(None, "")
            return
        try:
            material = load_verification_material(text, source_name=pasted)
        except SfjwtError as exc:
            self._show_error(exc)
            return
        self.set_certificate(material, PASTED)

    # ----------------------------------------------------------------------------------------------------------------

    def set_certificate(self, certificate: Any, source: str) -> None:
        """Verify against this certificate (or public key) from now on; None stops verifying."""
        self.certificate = certificate
        self.certificate_source = source
        self._render_certificate()
        self._update_session_button()
        self.decode_now()

    def _render_certificate(self) -> None:
        if self.certificate is None:
            self.cert_label.setText(self.tr("No certificate chosen: the signature is not checked."))
            return
        from cryptography import x509

        if isinstance(self.certificate, x509.Certificate):
            detail = self.tr("{subject}, SHA-256 {fp}").format(
                subject=self.certificate.subject.rfc4514_string(),
                fp=breakable(sha256_fingerprint(self.certificate)),  # wraps between bytes
            )
        else:
            detail = self.tr("RSA public key")
        self.cert_label.setText(
            self.tr("Verifying with {source}: {detail}").format(source=self._source_text(), detail=detail)
        )

    def choose_certificate(self) -> None:
        """Pick a certificate file."""
        path = choose_open_path(self, self.tr("Certificate to verify with"), certificate_file_filter())
        if path is not None:
            self.load_certificate_file(path)

    def load_certificate_file(self, path: Path) -> None:
        """Read a certificate file in the background and verify against it."""
        start(
            self,
            read_certificate,
            Path(path),
            on_done=lambda cert: self.set_certificate(cert, Path(path).name),
            on_error=self._show_error,
        )

    def use_session_certificate(self) -> None:
        """Verify with the certificate uploaded to Salesforce if known, else the current key's certificate."""
        uploaded = self.state.uploaded_certificate
        if uploaded is not None:
            self.set_certificate(uploaded, IN_SALESFORCE)
        elif self.state.certificate is not None:
            self.set_certificate(self.state.certificate, SESSION)

    def _source_text(self) -> str:
        """Where the certificate came from, in the current language (a file keeps its name)."""
        names = {
            IN_SALESFORCE: self.tr("the certificate in Salesforce"),
            SESSION: self.tr("the current key's certificate"),
            PASTED: self.tr("the pasted certificate"),
        }
        return names.get(self.certificate_source, self.certificate_source)

    def _show_error(self, error: BaseException) -> None:
        self._status_error = error
        self._render_status()

    def _render_status(self) -> None:
        """The status line in the window's language: the last error, else the decoded token's note (e.g. a JWT
        access token, not an assertion), else nothing."""
        lang = self.state.lang()
        note = self.decoded.kind_note(lang) if self.decoded is not None else ""
        if self._status_error is not None:
            self.status.show_message(Kind.ERROR, *error_parts(self._status_error, lang))
        else:
            self.status.show_message(Kind.INFO, note)

    # ----------------------------------------------------------------------------------------------------------------

    def open_dropped_file(self, path: Path) -> None:
        """Read a dropped file (background) and use it as token text or as the certificate."""
        start(
            self,
            read_dropped_file,
            Path(path),
            on_done=lambda result: self._dropped(result, Path(path)),
            on_error=self._show_error,
        )

    def _dropped(self, result: tuple[str, Any], path: Path) -> None:
        kind, value = result
        if kind == "token":
            self.set_text(value)
        else:
            self.set_certificate(value, path.name)
