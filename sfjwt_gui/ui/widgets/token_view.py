"""A JWT shown three ways: the encoded token coloured by part, the decoded header and payload (with readable times),
and the signature status against a chosen certificate. Copy buttons for each."""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.core.errors import SfjwtError
from sfjwt_gui.ui.errors import error_parts
from sfjwt_gui.ui.i18n import current_language
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine, copy_to_clipboard
from sfjwt_gui.ui.widgets.wrap_label import WrapLabel

# jwt.io's colours: known to people who debug tokens, readable on light and dark backgrounds.
PART_COLOURS = ("#e0245e", "#a335ee", "#0095d9")  # header, payload, signature on a light background
DARK_PART_COLOURS = ("#ff6b8b", "#c58cff", "#4fc3f7")  # the same hues, light enough for a dark background


def part_colours() -> tuple[str, str, str]:
    """The header, payload and signature colours readable on the current palette (contrast 4.5:1 or more)."""
    from sfjwt_gui.ui import theme

    return DARK_PART_COLOURS if theme.is_dark() else PART_COLOURS


class TokenView(TranslatedWidget):
    """Shows one JWT. ``show_token(text, certificate)`` decodes (and verifies when a certificate is given)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decoded: Any = None  # core.jwt_codec.DecodedToken of the shown token
        self.verification: Any = None  # core.jwt_codec.Verification, when a certificate was given
        self.certificate: Any = None
        self._text = ""
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        self.token_edit = QTextEdit(self)
        self.token_edit.setObjectName("tokenText")
        self.token_edit.setReadOnly(True)
        self.token_edit.setFont(mono)
        self.token_edit.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.token_edit.setWordWrapMode(self.token_edit.wordWrapMode().WrapAnywhere)
        self.token_edit.setMinimumHeight(70)
        self.token_edit.setMaximumHeight(110)
        self.token_edit.setTabChangesFocus(True)
        self.repairs_line = StatusLine(self)
        self.repairs_line.setObjectName("tokenRepairs")
        self.error_line = StatusLine(self)
        self.error_line.setObjectName("tokenError")
        self.header_edit = QPlainTextEdit(self)
        self.header_edit.setObjectName("headerJson")
        self.payload_edit = QPlainTextEdit(self)
        self.payload_edit.setObjectName("payloadJson")
        for edit in (self.header_edit, self.payload_edit):
            edit.setReadOnly(True)
            edit.setFont(mono)
            edit.setTabChangesFocus(True)
        lines = self.header_edit.fontMetrics().lineSpacing()
        self.header_edit.setMinimumHeight(3 * lines + 12)
        self.payload_edit.setMinimumHeight(7 * lines + 12)  # the decoded payload gets the most room
        self.times_label = WrapLabel(self)  # wraps in Japanese: its lines must not run over the payload
        self.times_label.setObjectName("timesLabel")
        self.times_label.setTextFormat(Qt.TextFormat.RichText)
        self.times_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signature_line = StatusLine(self)
        self.signature_line.setObjectName("signatureStatus")

        self.copy_token = QPushButton(self)
        self.copy_token.setObjectName("copyToken")
        self.copy_token.clicked.connect(lambda: copy_to_clipboard(self.decoded.token if self.decoded else self._text))
        self.copy_header = QPushButton(self)
        self.copy_header.setObjectName("copyHeader")
        self.copy_header.clicked.connect(lambda: copy_to_clipboard(self.header_edit.toPlainText()))
        self.copy_payload = QPushButton(self)
        self.copy_payload.setObjectName("copyPayload")
        self.copy_payload.clicked.connect(lambda: copy_to_clipboard(self.payload_edit.toPlainText()))

        self._token_box = QGroupBox(self)
        token_layout = QVBoxLayout(self._token_box)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token_edit, 1)
        token_row.addWidget(self.copy_token, 0, Qt.AlignmentFlag.AlignTop)
        token_layout.addLayout(token_row)
        token_layout.addWidget(self.repairs_line)
        token_layout.addWidget(self.error_line)

        self._header_box = QGroupBox(self)
        header_layout = QGridLayout(self._header_box)
        header_layout.addWidget(self.header_edit, 0, 0)
        header_layout.addWidget(self.copy_header, 0, 1, Qt.AlignmentFlag.AlignTop)
        self._payload_box = QGroupBox(self)
        payload_layout = QGridLayout(self._payload_box)
        payload_layout.addWidget(self.payload_edit, 0, 0)
        payload_layout.addWidget(self.copy_payload, 0, 1, Qt.AlignmentFlag.AlignTop)
        payload_layout.addWidget(self.times_label, 1, 0, 1, 2)
        self._signature_box = QGroupBox(self)
        QVBoxLayout(self._signature_box).addWidget(self.signature_line)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)  # the user can give any part more room
        self.splitter.setObjectName("tokenSplitter")
        for box in (self._token_box, self._header_box, self._payload_box):
            self.splitter.addWidget(box)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self._signature_box)
        layout.addStretch(0)  # takes the free space while there is no payload to show
        self._layout = layout

        # "expires in 2 min 10 s" keeps counting while the token is on screen.
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._render_times)
        self.retranslate_ui()
        self._render()

    # -- public API ---------------------------------------------------------------------------------------------------

    def show_token(self, text: str, certificate: Any = None) -> Any:
        """Decode and show ``text``; verify against ``certificate`` when given. Returns the DecodedToken or None."""
        self._text = text or ""
        self.certificate = certificate
        self._decode()
        self._render()
        return self.decoded

    def set_certificate(self, certificate: Any) -> None:
        """Verify the shown token against another certificate (None clears the check)."""
        self.certificate = certificate
        self._verify()
        self._render_signature()

    def clear(self) -> None:
        """Show the empty state."""
        self.show_token("", self.certificate)

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self._token_box.setTitle(self.tr("Encoded token"))
        self._header_box.setTitle(self.tr("Header"))
        self._payload_box.setTitle(self.tr("Payload"))
        self._signature_box.setTitle(self.tr("Signature"))
        self.token_edit.setAccessibleName(self.tr("Encoded token, coloured by part"))
        self.token_edit.setToolTip(self.tr("Red: header · Purple: payload · Blue: signature"))
        self.header_edit.setAccessibleName(self.tr("Decoded header JSON"))
        self.payload_edit.setAccessibleName(self.tr("Decoded payload JSON"))
        self.times_label.setAccessibleName(self.tr("Times of the date claims"))
        for button, what in (
            (self.copy_token, self.tr("Copy the token")),
            (self.copy_header, self.tr("Copy the header JSON")),
            (self.copy_payload, self.tr("Copy the payload JSON")),
        ):
            button.setText(self.tr("Copy"))
            button.setAccessibleName(what)
            button.setToolTip(what)
        self.token_edit.setPlaceholderText(self.tr("No token yet."))
        if hasattr(self, "_clock"):
            self._render()

    # -- internals ----------------------------------------------------------------------------------------------------

    def _decode(self) -> None:
        from sfjwt_gui.core.jwt_codec import decode

        self.decoded = None
        self._error: BaseException | None = None
        if self._text.strip():
            try:
                self.decoded = decode(self._text)
            except SfjwtError as exc:
                self._error = exc
        self._verify()

    def _verify(self) -> None:
        self.verification = None
        self._verify_error: BaseException | None = None
        if self.decoded is None or self.certificate is None:
            return
        from sfjwt_gui.core.jwt_codec import verify

        try:
            self.verification = verify(self.decoded, self.certificate)
        except SfjwtError as exc:
            self._verify_error = exc

    def _render(self) -> None:
        decoded = self.decoded
        self._header_box.setVisible(decoded is not None)  # empty boxes would only add noise
        self._payload_box.setVisible(decoded is not None)
        self._layout.setStretch(0, 1 if decoded is not None else 0)
        self._layout.setStretch(self._layout.count() - 1, 0 if decoded is not None else 1)
        buttons = (self.copy_token, self.copy_header, self.copy_payload)
        for button in buttons:
            button.setEnabled(decoded is not None)
        error = getattr(self, "_error", None)
        if error is not None and self.opaque_access_token:  # not a broken JWT: say what it is, underline nothing
            self.error_line.show_message(Kind.INFO, *error_parts(error, current_language()))
            self.token_edit.setPlainText(self._text.strip())
        elif error is not None:
            self._show_decode_error(error)
            part = getattr(error, "part", "token")
            self.token_edit.setHtml(self._coloured(self._text.strip(), bad_part=part))
        else:
            self.error_line.show_message(Kind.INFO, "")
        if decoded is None:
            if error is None:
                self.token_edit.clear()
            self.header_edit.clear()
            self.payload_edit.clear()
            self.repairs_line.show_message(Kind.INFO, "")
            self._clock.stop()
        else:
            self.token_edit.setHtml(self._coloured(decoded.token))
            self.header_edit.setPlainText(json.dumps(decoded.header, indent=2, ensure_ascii=False))
            self.payload_edit.setPlainText(json.dumps(decoded.payload, indent=2, ensure_ascii=False))
            repairs = "; ".join(decoded.repair_texts(current_language()))
            self.repairs_line.show_message(
                Kind.INFO, self.tr("Repaired the pasted text: {repairs}").format(repairs=repairs) if repairs else ""
            )
        self._render_times()
        self._render_signature()

    @property
    def opaque_access_token(self) -> bool:
        """True when the text is a Salesforce access token (opaque: nothing to decode), not a broken JWT."""
        return getattr(getattr(self, "_error", None), "code", "") == "opaque-access-token"

    def _show_decode_error(self, error: BaseException) -> None:
        """A decode error in the window's language (core keeps the texts of its codes in both languages)."""
        self.error_line.show_error(error, current_language())

    def _coloured(self, token: str, bad_part: str = "") -> str:
        parts = token.split(".")
        if len(parts) != 3:
            colour = part_colours()[0] if bad_part else ""
            style = f"color:{colour};text-decoration:underline" if colour else ""
            return f'<span style="{style}">{html.escape(token)}</span>'
        spans = []
        for index, (part, colour) in enumerate(zip(parts, part_colours(), strict=True)):
            underline = (
                ";text-decoration:underline wavy" if bad_part == ("header", "payload", "signature")[index] else ""
            )
            spans.append(f'<span style="color:{colour}{underline}">{html.escape(part)}</span>')
        return "<span>.</span>".join(spans)

    def recolour(self) -> None:
        """Paint the token's parts again in the current palette's colours (light/dark switch)."""
        self._render()

    def _render_times(self) -> None:
        if self.decoded is None:
            self.times_label.clear()
            self.times_label.hide()
            return
        from sfjwt_gui.core.timefmt import annotate_times

        times = annotate_times(self.decoded.payload, lang=current_language())
        if not times:
            self.times_label.hide()
            self._clock.stop()
            return
        rows = []
        for claim, info in times.items():
            note = f" <i>({html.escape(info.note)})</i>" if info.note else ""
            rows.append(
                f"<tr><td><b>{html.escape(claim)}</b>&nbsp;</td><td>{html.escape(info.utc)}&nbsp;</td>"
                f"<td>{html.escape(info.local)}&nbsp;</td><td>{html.escape(info.relative)}{note}</td></tr>"
            )
        head = "<tr><th></th><th align=left>{}</th><th align=left>{}</th><th align=left>{}</th></tr>".format(
            self.tr("UTC"), self.tr("Local time"), self.tr("Relative")
        )
        self.times_label.setText(f"<table>{head}{''.join(rows)}</table>")
        self.times_label.show()
        if not self._clock.isActive() and self.isVisible():
            self._clock.start()

    def showEvent(self, event: Any) -> None:
        """Resume the countdown when shown."""
        super().showEvent(event)
        if self.decoded is not None:
            self._clock.start()

    def hideEvent(self, event: Any) -> None:
        """Stop the countdown while hidden."""
        super().hideEvent(event)
        self._clock.stop()

    def _render_signature(self) -> None:
        line = self.signature_line
        if self.decoded is None:
            line.show_message(Kind.INFO, "")
            self._signature_box.setVisible(False)
            return
        self._signature_box.setVisible(True)
        verify_error = getattr(self, "_verify_error", None)
        if verify_error is not None:
            line.show_error(verify_error)
        elif self.verification is None:
            line.show_message(
                Kind.INFO,
                self.tr("Not checked: choose the certificate uploaded to Salesforce to verify the signature."),
            )
        elif self.verification.verified:
            line.show_message(
                Kind.OK,
                self.tr("Signature verified with the certificate (SHA-256 {fp}).").format(
                    fp=self.verification.certificate_sha256 or self.verification.key_sha256
                ),
            )
        else:
            line.show_message(
                Kind.ERROR,
                self.tr("The signature does NOT verify with this certificate: {reason}.").format(
                    reason=self.verification.reason_in(current_language())
                ),
                self.tr(
                    "Salesforce would answer “invalid assertion”. Sign with the key that belongs to the uploaded "
                    "certificate, or upload the certificate of this key."
                ),
            )
