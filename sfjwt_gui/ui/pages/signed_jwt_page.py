"""Step 4, Signed JWT: the token signed with the current key, decoded and checked, plus "Copy as" snippets.

Signing RS256 takes about a millisecond, so it happens right here whenever the claims or the key change. The decoded
view of the token (parts, times, signature check) is drawn while the page is on screen, else when it is next shown
(``ui.pacing``): a send re-stamps the claims while the user looks at the Send page.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.core.errors import SfjwtError
from sfjwt_gui.core.snippets import SnippetInput, SnippetKind, render
from sfjwt_gui.ui import theme
from sfjwt_gui.ui.errors import render_error
from sfjwt_gui.ui.i18n import current_language
from sfjwt_gui.ui.pacing import RenderWhenShown
from sfjwt_gui.ui.state import AppState, Field, listens
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget, named, page_title, text_label
from sfjwt_gui.ui.widgets.token_view import TokenView

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

    from sfjwt_gui.core.claims import Claims
    from sfjwt_gui.core.signer import SigningKey

log = logging.getLogger(__name__)


class SignedJwtPage(TranslatedWidget):
    """The assertion itself."""

    step_id = "token"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        # how the last signing went ("no-key", "no-claims", "outside" (a token or KMS key signing in the
        # background), "signed" or its error): the status is rendered from it, in the language shown
        self._signing: str | BaseException | None = None
        self._sign_serial = 0  # the background signature (token or KMS key) the page waits for
        self.title = page_title(self)
        self.status = text_label(self, "sign_status")
        self.token_view = named(TokenView(self), "token_view")

        self.snippet_box = QGroupBox(self)
        self.snippet_kind = named(QComboBox(self), "snippet_kind")
        for kind in SnippetKind:
            self.snippet_kind.addItem("", kind.value)
        self.copy_snippet = named(QPushButton(self), "copy_snippet")
        self.export_key_file = named(QPushButton(self), "export_key_for_command")
        self.export_key_file.clicked.connect(self.export_key_for_command)
        self.key_file: Path | None = None  # the unencrypted key file written for the command, once exported
        self.key_file_status = text_label(self, "key_file_status", selectable=True)
        self.snippet = named(QPlainTextEdit(self), "snippet")
        self.snippet.setReadOnly(True)
        self.snippet.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.snippet.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        snippet_row = QHBoxLayout()
        self.snippet_label = QLabel(self)
        snippet_row.addWidget(self.snippet_label)
        snippet_row.addWidget(self.snippet_kind)
        snippet_row.addWidget(self.copy_snippet)
        snippet_row.addStretch(1)
        snippet_row.addWidget(self.export_key_file)
        snippet_layout = QVBoxLayout(self.snippet_box)
        snippet_layout.addLayout(snippet_row)
        snippet_layout.addWidget(self.key_file_status)
        snippet_layout.addWidget(self.snippet)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.token_view, 3)  # it has a Copy button for the token, the header and the payload
        layout.addWidget(self.snippet_box, 2)

        self.token_refresh = RenderWhenShown(self, self._render_token_view)
        self.copy_snippet.clicked.connect(lambda: self._copy(self.snippet.toPlainText()))
        self.snippet_kind.currentIndexChanged.connect(self.update_snippet)
        state.changed.connect(self._on_state_changed)
        self.retranslate_ui()
        self.sign_now()

    # ------------------------------------------------------------------ signing

    def sign_now(self) -> str | None:
        """Sign the session's claims with the session's key; sets the session token (None when it cannot)."""
        from sfjwt_gui.ui.steps import signed_token

        claims = self.state.claims
        key = self.state.private_key
        token: str | None = None
        if key is None:
            self._signing = "no-key"
        elif claims is None:
            self._signing = "no-claims"
        elif self._sign_outside(claims, key):
            self._signing = "outside"  # a token or KMS signs in the background: never blocks the window
        else:
            try:
                token = signed_token(claims, key)  # once per claims and key (Send's flow signs them too)
            except SfjwtError as exc:
                self._signing = exc
            else:
                self._signing = "signed"
        self._render_status()
        self.state.token = token
        self._show_token()
        return token

    def _render_status(self) -> None:
        """The signing status in the window's language (a language switch re-renders it; it never signs again)."""
        outcome = self._signing
        if outcome is None:
            return
        if isinstance(outcome, BaseException):
            self._set_status("failed", render_error(outcome))  # in the window's language
        elif outcome == "no-key":
            self._set_status(
                "none", self.tr("No private key yet: generate or import one on the Key & certificate page.")
            )
        elif outcome == "no-claims":
            self._set_status("none", self.tr("No claims yet: fill the Connection and Claims pages."))
        elif outcome == "outside":
            self._set_status("none", self.tr("Signing in the token or KMS…"))
        else:
            self._set_status("ok", self.tr("Signed with RS256. It is valid until exp; Send re-stamps iat/exp."))

    def _sign_outside(self, claims: Claims, key: SigningKey) -> bool:
        """Start signing with a token or KMS key off the GUI thread (False for a key in this process)."""
        from sfjwt_gui.core.jwt_codec import sign
        from sfjwt_gui.ui.pages.key_external import external_signer
        from sfjwt_gui.ui.worker import start

        self._sign_serial += 1
        if external_signer(key) is None:
            return False
        serial = self._sign_serial
        start(
            self,
            sign,
            claims.to_payload(),
            key,
            on_done=lambda token: self._signed_outside(serial, token),
            on_error=lambda error: self._signed_outside(serial, None, error),
        )
        return True

    def _signed_outside(self, serial: int, token: str | None, error: BaseException | None = None) -> None:
        if serial != self._sign_serial:
            return  # the claims or the key changed meanwhile: a newer signature is on its way
        self._signing = error if error is not None else "signed"
        self._render_status()
        self.state.token = token
        self._show_token()

    def _show_token(self) -> None:
        self.token_refresh.request()
        self.update_snippet()

    def _render_token_view(self) -> None:
        token = self.state.token
        if token:
            self.token_view.show_token(token, self.state.certificate)
        else:
            self.token_view.show_token("", None)

    def _set_status(self, state: str, text: str) -> None:
        self.status.setText(text)
        theme.set_state_colour(self.status, state)
        self.status.setProperty("state", state)

    @listens(Field.CLAIMS, Field.PRIVATE_KEY, Field.CERTIFICATE, Field.ENDPOINT, Field.CA_FILE, Field.KEY_NAME)
    def _on_state_changed(self, field: str) -> None:
        if field == "private_key" and self.key_file is not None:  # that file holds another key now
            self.key_file = None
            self.key_file_status.clear()
        if field in ("claims", "private_key"):
            self.sign_now()
        elif field == "certificate":
            self._show_token()
        elif field in ("endpoint", "ca_file", "key_name"):
            self.update_snippet()

    # ------------------------------------------------------------------ copying

    def _copy(self, text: str) -> None:
        if text:
            QGuiApplication.clipboard().setText(text)

    def snippet_input(self) -> SnippetInput | None:
        """The values the snippets use, from the session (None until there is an endpoint)."""
        from sfjwt_gui.core.connection import token_url

        endpoint = self.state.endpoint
        if not endpoint:
            return None
        try:
            url = token_url(endpoint)
        except SfjwtError:
            return None
        claims = self.state.claims
        lifetime = 180
        if claims is not None and claims.exp is not None and claims.iat is not None and claims.exp > claims.iat:
            lifetime = claims.exp - claims.iat
        return SnippetInput(
            token_url=url,
            consumer_key=self.state.consumer_key or "",
            username=self.state.username or "",
            audience=self.state.audience or "",
            lifetime=lifetime,
            assertion=self.state.token,
            key_file=str(self.key_file) if self.key_file is not None else None,  # only a file that was written
            ca_file=self.state.ca_file,
        )

    def update_snippet(self) -> str:
        """Render the chosen "Copy as" snippet."""
        values = self.snippet_input()
        if values is None:
            text = self.tr("Fill the Connection page to get ready-to-run code.")
        else:
            from sfjwt_gui.ui.pages.key_external import signer_snippet  # a token/KMS key: same backend

            kind, key = str(self.snippet_kind.currentData()), self.state.private_key
            text = signer_snippet(key, kind, values, self.state.pkcs11_module) or render(
                kind, values, current_language()
            )
        self.snippet.setPlainText(text)
        self.export_key_file.setEnabled(self._key_in_memory() is not None)  # a token or KMS key has no file
        return text

    def export_key_for_command(self) -> None:
        """Write the key unencrypted for ``sf`` / the Python snippet after an explicit confirmation."""
        from sfjwt_gui.ui.pages.snippet_key_file import start_key_file_export

        key = self._key_in_memory()
        if key is None:
            return
        name = self.state.key_name or "salesforce-jwt"
        start_key_file_export(
            self, key, name, self.state.lang(), on_done=self._key_file_written, on_error=self._key_file_failed
        )

    def _key_in_memory(self) -> RSAPrivateKey | None:
        """The private key when it is in this process (None for none, or for a key in a token or KMS)."""
        from sfjwt_gui.core.signer import private_key_of

        return private_key_of(self.state.private_key)

    def _key_file_written(self, path: Path) -> None:
        from sfjwt_gui.ui.pages.key_cert_save import remember_folder

        remember_folder(path)
        self.key_file = path
        self.key_file_status.setText(
            self.tr("Key file written: {path} (mode 0600, no passphrase; delete it when you are done).").format(
                path=path
            )
        )
        theme.set_state_colour(self.key_file_status, "warning")
        self.update_snippet()

    def _key_file_failed(self, error: BaseException) -> None:
        self.key_file_status.setText(render_error(error, self.state.lang()))
        theme.set_state_colour(self.key_file_status, "failed")

    # ------------------------------------------------------------------ i18n

    def showEvent(self, event: QShowEvent) -> None:
        """Coming on screen: draw what changed while the page was hidden, before it is painted."""
        self.token_refresh.flush()
        super().showEvent(event)

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.title.setText(self.tr("Signed JWT"))
        self.snippet_box.setTitle(self.tr("Copy as code"))
        self.snippet_label.setText(self.tr("Language:"))
        self.copy_snippet.setText(self.tr("Copy"))
        self.export_key_file.setText(self.tr("Export the key for this command…"))
        self.export_key_file.setToolTip(
            self.tr(
                "sf org login jwt and the Python snippet read an unencrypted PEM key file: write one (mode 0600) "
                "after a confirmation, and the snippet names it."
            )
        )
        names = {
            SnippetKind.CURL.value: "curl",
            SnippetKind.PYTHON.value: self.tr("Python (httpx)"),
            SnippetKind.APEX.value: self.tr("Apex (Auth.JWT / Auth.JWS)"),
            SnippetKind.SF_CLI.value: "sf org login jwt",
        }
        for i in range(self.snippet_kind.count()):
            self.snippet_kind.setItemText(i, names[str(self.snippet_kind.itemData(i))])
        for widget, name in (
            (self.snippet_kind, self.tr("Snippet language")),
            (self.copy_snippet, self.tr("Copy the snippet")),
            (self.export_key_file, self.tr("Export the key as an unencrypted file for this command")),
            (self.snippet, self.tr("Code snippet")),
            (self.token_view, self.tr("Signed JWT, decoded")),
        ):
            widget.setAccessibleName(name)
        self._render_status()  # the token view re-renders itself; nothing is signed or decoded again
        if getattr(self, "state", None) is not None:
            self.update_snippet()
