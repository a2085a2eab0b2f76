"""Import a key or certificate: a file (dropped or chosen), or pasted text; passphrases and keystore aliases asked for.

One workflow of the Key & certificate page (``key_page``).

It owns its widgets, slots and texts; the page places its box and wires it to the shared status line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from sfjwt_gui.core.errors import PassphraseRequiredError, WrongPassphraseError
from sfjwt_gui.core.fingerprints import key_matches_certificate
from sfjwt_gui.core.key_jobs import AliasChoice, load_source
from sfjwt_gui.ui.dialogs.confirm import choose_alias
from sfjwt_gui.ui.dialogs.files import choose_open_path, key_file_filter
from sfjwt_gui.ui.dialogs.passphrase import ask_passphrase
from sfjwt_gui.ui.widgets.page_parts import text_label
from sfjwt_gui.ui.widgets.status_line import Kind
from sfjwt_gui.ui.worker import start

if TYPE_CHECKING:
    from sfjwt_gui.ui.pages.key_page import KeyPage


class ImportFlow(QObject):
    """Import a key or certificate: a file (dropped or chosen) or pasted text; asks for passphrases and aliases."""

    def __init__(self, page: KeyPage) -> None:
        super().__init__(page)
        self.page = page
        self.state = page.state
        # Import
        self.import_box = QGroupBox(self.page)
        self.open_button = QPushButton(self.page)
        self.open_button.setObjectName("openKeyFileButton")
        self.open_button.clicked.connect(self.choose_import_file)
        self.paste_edit = QPlainTextEdit(self.page)
        self.paste_edit.setObjectName("pasteKeyEdit")
        self.paste_edit.setAcceptDrops(False)  # the page takes drops (files and text) and imports them
        self.paste_edit.setTabChangesFocus(True)
        self.paste_edit.setMaximumHeight(80)
        self.import_paste_button = QPushButton(self.page)
        self.import_paste_button.setObjectName("importPasteButton")
        self.import_paste_button.clicked.connect(self.import_pasted)
        self._drop_hint = text_label(self.page, "dropHint")
        import_layout = QVBoxLayout(self.import_box)
        import_row = QHBoxLayout()
        import_row.addWidget(self.open_button)
        import_row.addWidget(self._drop_hint, 1)
        import_layout.addLayout(import_row)
        import_layout.addWidget(self.paste_edit)
        import_layout.addWidget(self.import_paste_button, 0, Qt.AlignmentFlag.AlignRight)

    def retranslate(self) -> None:
        """Set this workflow's texts in the current language."""
        self.import_box.setTitle(self.tr("Import an existing key or certificate"))
        self.open_button.setText(self.tr("&Open file…"))
        self.open_button.setAccessibleName(self.tr("Open a key, certificate or keystore file"))
        self.open_button.setToolTip(
            self.tr("PEM, DER, PKCS#12 (.p12/.pfx), JKS, OpenSSH keys and certificates (Ctrl+O).")
        )
        self._drop_hint.setText(self.tr("…or drop a file anywhere on this page, or paste the text below."))
        self.paste_edit.setPlaceholderText(self.tr("-----BEGIN PRIVATE KEY-----\n…"))
        self.paste_edit.setAccessibleName(self.tr("Pasted key or certificate text"))
        self.import_paste_button.setText(self.tr("&Import pasted text"))
        self.import_paste_button.setAccessibleName(self.tr("Import the pasted key or certificate"))

    def choose_import_file(self) -> None:
        """Pick a key/certificate/keystore file and import it."""
        path = choose_open_path(self.page, self.tr("Import a key or certificate"), key_file_filter())
        if path is not None:
            self.import_file(path)

    def start_import(self) -> None:
        """The main window's Ctrl+O: pick a file and import it."""
        self.choose_import_file()

    def import_file(self, path: Path) -> None:
        """Import key material from a file (asks for a passphrase when needed)."""
        self._start_import(Path(path), None)

    def import_pasted(self) -> None:
        """Import the text in the paste box."""
        text = self.paste_edit.toPlainText()
        if not text.strip():
            self.page._set_status(
                lambda: (
                    Kind.ERROR,
                    self.tr("Nothing to import: the paste box is empty."),
                    self.tr("Paste a PEM key or certificate."),
                )
            )
            return
        self._start_import(text, None)

    def _start_import(self, source: Path | str, passphrase: bytes | None, alias: str | None = None) -> None:
        self.page._set_busy("import", True)
        start(
            self,
            load_source,
            source,
            passphrase,
            alias,
            on_done=lambda material: self._imported(material, source, passphrase),
            on_error=lambda error: self._import_failed(error, source, passphrase),
        )

    def _source_label(self, source: Path | str) -> str:
        return source.name if isinstance(source, Path) else self.tr("the pasted text")

    def _import_failed(self, error: BaseException, source: Path | str, passphrase: bytes | None) -> None:
        self.page._set_busy("import", False)
        if isinstance(error, PassphraseRequiredError | WrongPassphraseError):
            wrong = isinstance(error, WrongPassphraseError) and passphrase is not None
            answer = ask_passphrase(
                self.page,
                self.tr("{source} is encrypted. Type its passphrase:").format(source=self._source_label(source)),
                error=self.tr("That passphrase does not open it. Try again.") if wrong else "",
            )
            if answer is None:
                self.page._set_status(lambda: (Kind.INFO, self.tr("Import cancelled: no passphrase given."), ""))
                return
            self._start_import(source, answer)
            return
        self.page._show_error(error)  # the paste box keeps its text so the user can correct it

    def _imported(self, material: Any, source: Path | str, passphrase: bytes | None = None) -> None:
        self.page._set_busy("import", False)
        if isinstance(material, AliasChoice):
            alias = choose_alias(self.page, self._source_label(source), material.aliases)
            if alias is None:
                self.page._set_status(lambda: (Kind.INFO, self.tr("Import cancelled: no key chosen."), ""))
            else:
                self._start_import(source, passphrase, alias)
            return
        label = self._source_label(source)
        fmt = material.source_format
        key, certificate = material.private_key, material.certificate
        if key is not None:
            current_cert = self.state.certificate
            if certificate is None and current_cert is not None and key_matches_certificate(key, current_cert):
                certificate = current_cert  # keep the certificate that belongs to this key
            stem = source.stem if isinstance(source, Path) else ""
            self.page.current._adopt(key, certificate, suggested_name=stem)
            if isinstance(source, str):
                self.paste_edit.clear()  # the private key text should not linger on screen
        elif certificate is not None:
            self.state.certificate = certificate
            self.page.current._render_material()
        self.page._set_status(
            lambda: (
                Kind.OK,
                self.tr("Imported {what} from {source} ({fmt}).").format(
                    what=self._material_kind(key, certificate), source=label, fmt=fmt
                ),
                self._repairs_text(material),
            )
        )

    def _repairs_text(self, material: Any) -> str:
        """What core repaired in the pasted or read text, in the window's language ("" when nothing)."""
        repairs = material.repairs_in(self.state.lang())
        if not repairs:
            return ""
        joined = "; ".join(repairs) if self.state.lang() == "en" else "。".join(repairs) + "。"
        return self.tr("Repaired: {repairs}").format(repairs=joined)

    def _material_kind(self, key: Any, certificate: Any) -> str:
        if key is not None and certificate is not None:
            return self.tr("a key and its certificate")
        if key is not None:
            return self.tr("a private key")
        return self.tr("a certificate")

    def _import_dropped_text(self, text: str) -> None:
        """Import text dropped on the page (a file dropped goes to ``import_file``)."""
        self.paste_edit.setPlainText(text)
        self.import_pasted()
