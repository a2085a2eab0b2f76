"""Step 1, Key & certificate: generate or import the signing key, keep it in the OS keyring, export it, compare it
with the certificate uploaded to Salesforce, and follow the Setup checklist."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFontDatabase,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
    QShortcut,
    QTextOption,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.core.errors import KeyExistsError, PassphraseRequiredError, WrongPassphraseError
from sfjwt_gui.core.expiry import whole_days_left
from sfjwt_gui.core.fingerprints import key_matches_certificate, sha1_fingerprint, sha256_fingerprint
from sfjwt_gui.core.policy import ALLOWED_KEY_BITS, MAX_VALIDITY_DAYS, expiry_is_warning
from sfjwt_gui.core.text_data import load_json
from sfjwt_gui.ui.dialogs.confirm import choose_alias, confirm_overwrite
from sfjwt_gui.ui.dialogs.export_dialog import start_export
from sfjwt_gui.ui.dialogs.files import certificate_file_filter, choose_open_path, key_file_filter
from sfjwt_gui.ui.dialogs.passphrase import ask_passphrase
from sfjwt_gui.ui.errors import error_parts
from sfjwt_gui.ui.state import AppState, Field, listens
from sfjwt_gui.ui.steps import key_step
from sfjwt_gui.ui.widgets.drop_frame import DropFrame
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget, text_label
from sfjwt_gui.ui.widgets.paste_box import DropTarget, read_dropped_bytes
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine, copy_to_clipboard, kind_colour
from sfjwt_gui.ui.worker import start

CHECKLIST_SETTING = "setup_checklist/ticked"
BITS_CHOICES = ALLOWED_KEY_BITS


def load_checklist() -> dict[str, Any]:
    """The Setup checklist (resources/setup/checklist.json)."""
    data: dict[str, Any] = load_json("setup", "checklist.json")
    return data


def generate_pair(bits: int, cn: str, days: int) -> tuple[Any, Any, list[Any]]:
    """Background job: a new key, its self-signed certificate, and core's warnings about the validity chosen
    (``key_texts.Note``s: the page shows them in the window's language)."""
    from sfjwt_gui.core.key_generation import (
        Subject,
        generate_private_key,
        self_signed_certificate,
        validity_notes,
    )

    Subject(cn).to_name()  # fail on a bad CN or validity before spending seconds on the key
    warnings = validity_notes(days)
    key = generate_private_key(bits)
    return key, self_signed_certificate(key, Subject(cn), days), warnings


def make_certificate(key: Any, cn: str, days: int) -> Any:
    """Background job: a self-signed certificate for an imported key that came without one."""
    from sfjwt_gui.core.key_generation import Subject, self_signed_certificate

    return self_signed_certificate(key, Subject(cn), days)


@dataclass(frozen=True)
class AliasChoice:
    """A Java keystore holding several private keys (Salesforce's keystore export holds all of the org's)."""

    aliases: list[str]


def load_source(source: Path | str, passphrase: bytes | None, alias: str | None = None) -> Any:
    """Background job: key material from a file path or pasted text (decryption can be slow).

    Returns LoadedMaterial, or AliasChoice when a keystore holds several keys and no alias was given."""
    from sfjwt_gui.core.errors import KeyFormatError
    from sfjwt_gui.core.key_loading import load_file, load_material

    try:
        if isinstance(source, Path):
            return load_file(source, passphrase, alias=alias)
        return load_material(source, passphrase, alias=alias)
    except KeyFormatError:
        if alias is None and passphrase is not None and isinstance(source, Path):
            aliases = _keystore_aliases(source, passphrase)
            if len(aliases) > 1:
                return AliasChoice(aliases)
        raise


def _keystore_aliases(path: Path, passphrase: bytes) -> list[str]:
    """Private-key aliases of a JKS file ([] when it is not one or cannot be read)."""
    from sfjwt_gui.core import jks
    from sfjwt_gui.core.errors import SfjwtError

    try:
        data = path.read_bytes()
        if not jks.is_jks(data):
            return []
        store = jks.read_jks(data, passphrase.decode("utf-8", "replace"))
    except (OSError, SfjwtError):
        return []
    return sorted((entry.alias for entry in store.private_keys), key=str.casefold)


def read_certificate_file(path: Path) -> Any:
    """Background job: one certificate from a .crt/.cer/.pem file."""
    from sfjwt_gui.core.key_loading import load_certificate

    return load_certificate(read_dropped_bytes(path), source_name=path.name)


def days_left(certificate: Any, now: dt.datetime | None = None) -> int:
    """Whole days until the certificate expires (negative once expired)."""
    return whole_days_left(certificate.not_valid_after_utc, now)


class FingerprintView(QTextEdit):
    """A read-only, selectable fingerprint that wraps anywhere, so the whole value is always visible."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.setAcceptRichText(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedColumnWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit()

    def _fit(self) -> None:
        """Wrap after whole bytes ("AB:" groups) and grow to as many lines as the fingerprint needs."""
        metrics = self.fontMetrics()
        usable = self.viewport().width() - 2 * int(self.document().documentMargin()) - 12  # margins and cursor
        char_width = max(1.0, metrics.horizontalAdvance("0A:" * 16) / 48)
        per_line = max(3, int(usable / char_width) // 3 * 3)
        if self.lineWrapColumnOrWidth() != per_line:
            self.setLineWrapColumnOrWidth(per_line)
        lines = max(1, -(-len(self.toPlainText()) // per_line))
        self.setFixedHeight(metrics.lineSpacing() * lines + 2 * self.frameWidth() + 10)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit after a width change."""
        super().resizeEvent(event)
        self._fit()

    def text(self) -> str:
        """The fingerprint."""
        return self.toPlainText()

    def setText(self, text: str) -> None:
        """Show a fingerprint (and refit: the height depends on the text's length, not only the width)."""
        self.setPlainText(text)
        self._fit()


class ClickableLabel(QLabel):
    """A wrapping label that toggles its checkbox when clicked (QCheckBox itself cannot wrap text)."""

    def __init__(self, check: QCheckBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Toggle the checkbox."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._check.toggle()
        super().mouseReleaseEvent(event)


class KeyPage(TranslatedWidget):
    """Key & certificate (step "key")."""

    step_id = "key"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("keyPage")
        DropTarget(self, on_file=self.import_file, on_text=self._import_dropped_text)
        self._keygen_serial = 0  # id of the generation the UI waits for; results of abandoned ones are dropped
        self._busy: set[str] = set()
        self.vault_status: Any = None
        self.last_compare: tuple[bool, str, str] | None = None  # (matches, uploaded sha256, ours)
        self._status_text: Callable[[], tuple[Kind, str, str]] | None = None
        self._build()
        state.changed.connect(self._on_state_changed)
        self.retranslate_ui()
        self._render_material()
        self.refresh_vault_status()

    # ------------------------------------------------------------------------------------------------ construction --

    def _build(self) -> None:
        self.keyring_status = StatusLine(self)
        self.keyring_status.setObjectName("keyringStatus")
        self.recheck_button = QPushButton(self)
        self.recheck_button.setObjectName("recheckKeyringButton")
        self.recheck_button.clicked.connect(self.refresh_vault_status)
        self.recheck_button.hide()
        self.status = StatusLine(self)
        self.status.setObjectName("keyPageStatus")

        # Generate
        self.generate_box = QGroupBox(self)
        self.bits_combo = QComboBox(self)
        self.bits_combo.setObjectName("bitsCombo")
        for bits in BITS_CHOICES:
            self.bits_combo.addItem(str(bits), bits)
        self.cn_edit = QLineEdit("sfjwt-integration", self)
        self.cn_edit.setObjectName("cnEdit")
        self.days_spin = QSpinBox(self)
        self.days_spin.setObjectName("validityDays")
        self.days_spin.setRange(1, MAX_VALIDITY_DAYS)
        self.days_spin.setValue(365)
        self.generate_button = QPushButton(self)
        self.generate_button.setObjectName("generateButton")
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelGenerateButton")
        self.cancel_button.clicked.connect(self.cancel_generation)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("generateProgress")
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress.setTextVisible(False)
        self._bits_label, self._cn_label, self._days_label = QLabel(self), QLabel(self), QLabel(self)
        form = QFormLayout()
        form.addRow(self._bits_label, self.bits_combo)
        form.addRow(self._cn_label, self.cn_edit)
        form.addRow(self._days_label, self.days_spin)
        gen_buttons = QHBoxLayout()
        gen_buttons.addWidget(self.generate_button)
        gen_buttons.addWidget(self.cancel_button)
        gen_buttons.addWidget(self.progress, 1)
        gen_layout = QVBoxLayout(self.generate_box)
        gen_layout.addLayout(form)
        gen_layout.addLayout(gen_buttons)

        # Import
        self.import_box = QGroupBox(self)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openKeyFileButton")
        self.open_button.clicked.connect(self.choose_import_file)
        self.paste_edit = QPlainTextEdit(self)
        self.paste_edit.setObjectName("pasteKeyEdit")
        self.paste_edit.setAcceptDrops(False)  # the page takes drops (files and text) and imports them
        self.paste_edit.setTabChangesFocus(True)
        self.paste_edit.setMaximumHeight(80)
        self.import_paste_button = QPushButton(self)
        self.import_paste_button.setObjectName("importPasteButton")
        self.import_paste_button.clicked.connect(self.import_pasted)
        self._drop_hint = text_label(self, "dropHint")
        import_layout = QVBoxLayout(self.import_box)
        import_row = QHBoxLayout()
        import_row.addWidget(self.open_button)
        import_row.addWidget(self._drop_hint, 1)
        import_layout.addLayout(import_row)
        import_layout.addWidget(self.paste_edit)
        import_layout.addWidget(self.import_paste_button, 0, Qt.AlignmentFlag.AlignRight)

        # Current key
        self.current_box = QGroupBox(self)
        self.summary_label = text_label(self, "keySummary", selectable=True)
        self.expiry_label = text_label(self, "expiryLabel")
        self.sha1_edit = FingerprintView(self)
        self.sha1_edit.setObjectName("sha1Fingerprint")
        self.sha256_edit = FingerprintView(self)
        self.sha256_edit.setObjectName("sha256Fingerprint")
        self.copy_sha1 = QPushButton(self)
        self.copy_sha1.setObjectName("copySha1")
        self.copy_sha1.clicked.connect(lambda: copy_to_clipboard(self.sha1_edit.text()))
        self.copy_sha256 = QPushButton(self)
        self.copy_sha256.setObjectName("copySha256")
        self.copy_sha256.clicked.connect(lambda: copy_to_clipboard(self.sha256_edit.text()))
        self.make_cert_button = QPushButton(self)
        self.make_cert_button.setObjectName("makeCertificateButton")
        self.make_cert_button.clicked.connect(self.make_certificate)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("keyNameEdit")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveKeyButton")
        self.save_button.clicked.connect(self.save_to_keyring)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        self._sha1_label, self._sha256_label, self._name_label = QLabel(self), QLabel(self), QLabel(self)
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
        current.addLayout(name_row)
        current.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)

        # Compare
        self.compare_box = QGroupBox(self)
        self.compare_frame = DropFrame(self)
        self.compare_frame.setObjectName("compareDropFrame")
        self.compare_frame.files_dropped.connect(lambda paths: self.compare_with_file(paths[0]))
        self.compare_button = QPushButton(self)
        self.compare_button.setObjectName("compareButton")
        self.compare_button.clicked.connect(self.choose_compare_file)
        self._compare_hint = text_label(self, "compareHint")
        self.compare_result = StatusLine(self)
        self.compare_result.setObjectName("compareResult")
        frame_layout = QVBoxLayout(self.compare_frame)
        frame_layout.addWidget(self._compare_hint)
        frame_layout.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignLeft)
        compare_layout = QVBoxLayout(self.compare_box)
        compare_layout.addWidget(self.compare_frame)
        compare_layout.addWidget(self.compare_result)

        # Checklist
        self.checklist_box = QGroupBox(self)
        self.checklist_tabs = QTabWidget(self)
        self.checklist_tabs.setObjectName("checklistTabs")
        self.checklist_items: dict[str, QCheckBox] = {}
        self._checklist_labels: dict[str, QLabel] = {}
        self._checklist_notes: list[QLabel] = []
        ticked = self._load_checklist_ticks()
        for app in load_checklist()["apps"]:
            tab = QWidget(self)
            note = text_label(tab, f"checklistNote_{app['id']}")
            tab_layout = QGridLayout(tab)
            tab_layout.addWidget(note, 0, 0, 1, 2)
            for row, entry in enumerate(app["items"], start=1):
                check = QCheckBox(tab)
                check.setObjectName(f"check_{entry['id']}")
                label = ClickableLabel(check, tab)
                label.setWordWrap(True)
                tab_layout.addWidget(check, row, 0, Qt.AlignmentFlag.AlignTop)
                tab_layout.addWidget(label, row, 1)
                self.checklist_items[entry["id"]] = check
                check.setChecked(entry["id"] in ticked)
                check.toggled.connect(self._save_checklist)
                self._checklist_labels[entry["id"]] = label
            tab_layout.setColumnStretch(1, 1)
            tab_layout.setRowStretch(len(app["items"]) + 1, 1)
            self.checklist_tabs.addTab(tab, "")
            self._checklist_notes.append(note)
        QVBoxLayout(self.checklist_box).addWidget(self.checklist_tabs)

        # Page layout: two columns inside a scroll area.
        content = QWidget(self)
        grid = QGridLayout(content)
        keyring_row = QHBoxLayout()
        keyring_row.addWidget(self.keyring_status, 1)
        keyring_row.addWidget(self.recheck_button, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(keyring_row, 0, 0, 1, 2)
        grid.addWidget(self.status, 1, 0, 1, 2)
        left = QVBoxLayout()
        left.addWidget(self.generate_box)
        left.addWidget(self.import_box)
        left.addWidget(self.current_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.compare_box)
        right.addWidget(self.checklist_box, 1)
        grid.addLayout(left, 2, 0)
        grid.addLayout(right, 2, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 6)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

        # Ctrl+G (generate) and Ctrl+O (import) are the main window's actions, which call generate()/start_import().
        QShortcut(QKeySequence("Ctrl+E"), self, self.export, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # ------------------------------------------------------------------------------------------------ translation --

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.generate_box.setTitle(self.tr("Create a new key and certificate"))
        self._bits_label.setText(self.tr("Key &size (bits):"))
        self._bits_label.setBuddy(self.bits_combo)
        self.bits_combo.setAccessibleName(self.tr("Key size in bits"))
        self.bits_combo.setToolTip(self.tr("2048 bits is the usual choice; Salesforce accepts 2048, 3072 and 4096."))
        self._cn_label.setText(self.tr("Common &name (CN):"))
        self._cn_label.setBuddy(self.cn_edit)
        self.cn_edit.setAccessibleName(self.tr("Certificate common name"))
        self.cn_edit.setToolTip(self.tr("Any label that tells you later what this certificate is for."))
        self._days_label.setText(self.tr("&Validity (days):"))
        self._days_label.setBuddy(self.days_spin)
        self.days_spin.setAccessibleName(self.tr("Certificate validity in days"))
        self.days_spin.setToolTip(self.tr("365 days with a calendar reminder to rotate is a good default."))
        self.generate_button.setText(self.tr("&Generate"))
        self.generate_button.setAccessibleName(self.tr("Generate a new key and certificate"))
        self.generate_button.setToolTip(self.tr("Generate a new RSA key and a self-signed certificate (Ctrl+G)."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel key generation"))
        self.cancel_button.setToolTip(
            self.tr(
                "Key generation cannot be interrupted: Cancel abandons it. The computation finishes in the "
                "background and its result is thrown away."
            )
        )
        self.progress.setAccessibleName(self.tr("Key generation in progress"))

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
        self.export_button.setText(self.tr("E&xport…"))
        self.export_button.setAccessibleName(self.tr("Export the key or certificate to a file"))
        self.export_button.setToolTip(self.tr("Certificate (.crt/.cer), PKCS#8, PKCS#12 or JKS (Ctrl+E)."))

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

        self.recheck_button.setText(self.tr("Check &again"))
        self.recheck_button.setAccessibleName(self.tr("Check the OS keyring again"))
        self.recheck_button.setToolTip(self.tr("After unlocking or installing a keyring, check again."))
        self.checklist_box.setTitle(self.tr("Setup checklist"))
        self.checklist_tabs.setAccessibleName(self.tr("Setup checklist: Connected App or External Client App"))
        self._render_checklist()
        self._render_material()
        self._render_vault_status()
        self._render_compare()
        self._render_status()

    def _render_checklist(self) -> None:
        lang = self.state.lang()
        for index, app in enumerate(load_checklist()["apps"]):
            self.checklist_tabs.setTabText(index, app["title"][lang])
            self._checklist_notes[index].setText(app["note"][lang])
            for row, entry in enumerate(app["items"], start=1):
                text = entry["text"][lang]
                self._checklist_labels[entry["id"]].setText(f"{row}. {text}")
                self.checklist_items[entry["id"]].setAccessibleName(text)

    def _load_checklist_ticks(self) -> set[str]:
        from sfjwt_gui.ui.profiles import app_settings

        value = app_settings().value(CHECKLIST_SETTING, [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            return {value}
        return {str(item) for item in value} if isinstance(value, list | tuple) else set()

    def _save_checklist(self) -> None:
        """Remember the ticked Setup steps (ids only) across sessions."""
        from sfjwt_gui.ui.profiles import app_settings

        ticked = sorted(item for item, check in self.checklist_items.items() if check.isChecked())
        app_settings().setValue(CHECKLIST_SETTING, ticked)

    # ------------------------------------------------------------------------------------------------ status --

    def _set_status(self, producer: Callable[[], tuple[Kind, str, str]] | None) -> None:
        """Show a status message; ``producer`` is re-run on a language switch so the text follows it."""
        self._status_text = producer
        self._render_status()

    def _render_status(self) -> None:
        if self._status_text is None:
            self.status.show_message(Kind.INFO, "")
            return
        kind, message, fix = self._status_text()
        self.status.show_message(kind, message, fix)

    def _error_parts(self, error: BaseException) -> tuple[str, str]:
        """Message and fix of an error in the window's language (core's keys/vault texts have en and ja)."""
        return error_parts(error, self.state.lang())

    def _show_error(self, error: BaseException) -> None:
        self._set_status(lambda: (Kind.ERROR, *self._error_parts(error)))

    def _set_busy(self, what: str, busy: bool) -> None:
        if busy:
            self._busy.add(what)
        else:
            self._busy.discard(what)
        generating = "generate" in self._busy
        self.progress.setVisible(generating)
        self.cancel_button.setEnabled(generating)
        self.generate_button.setEnabled(not generating)
        self.save_button.setEnabled(
            "save" not in self._busy and self.state.private_key is not None and self._keyring_available()
        )
        self.export_button.setEnabled("export" not in self._busy and self._has_material())
        for widget in (self.open_button, self.import_paste_button):
            widget.setEnabled("import" not in self._busy)

    def _has_material(self) -> bool:
        return self.state.private_key is not None or self.state.certificate is not None

    # ------------------------------------------------------------------------------------------------ keyring --

    def refresh_vault_status(self) -> None:
        """Ask the vault (in the background: it may touch the keyring) whether keys can be stored."""
        vault = self.state.vault
        if vault is None:
            self.vault_status = None
            self._render_vault_status()
            return
        start(self, vault.status, on_done=self._vault_status_ready, on_error=self._vault_status_failed)

    def _vault_status_ready(self, status: Any) -> None:
        self.vault_status = status
        self._render_vault_status()
        self._set_busy("", False)

    def _vault_status_failed(self, error: BaseException) -> None:
        from sfjwt_gui.core.errors import SfjwtError
        from sfjwt_gui.core.vault import VaultStatus

        if isinstance(error, SfjwtError):
            self.vault_status = VaultStatus.from_error(error)
        else:
            message, fix = error_parts(error, self.state.lang())
            self.vault_status = VaultStatus(False, "", message, fix)
        self._render_vault_status()

    def _vault_fix(self) -> str:
        """What to do about the missing keyring, in the window's language (core's text, plus the button to press)."""
        status = self.vault_status
        if status is None:
            return ""
        lang = self.state.lang()
        fix: str = status.fix_in(lang)
        if lang != "en" and fix:  # the English text stays core's own, as the CLI prints it
            hint = self.tr("Then press Check again.")
            fix = f"{fix} {hint}"
        return fix

    def _render_vault_status(self) -> None:
        status = self.vault_status
        self.recheck_button.setVisible(status is not None and not status.available)
        if status is None:
            if self.state.vault is None:
                self.keyring_status.show_message(
                    Kind.WARNING,
                    self.tr("No keyring is configured: the key stays in memory only and is gone when you quit."),
                )
            else:
                self.keyring_status.show_message(Kind.INFO, self.tr("Checking the OS keyring…"))
            return
        if status.available:
            self.keyring_status.show_message(
                Kind.OK,
                self.tr("Keyring: {backend}. Saved keys are kept there, never in files.").format(
                    backend=status.backend_name
                ),
            )
        else:
            self.keyring_status.show_message(
                Kind.WARNING,
                self.tr(
                    "No usable keyring ({backend}): {message} The app still works; the key stays in memory only "
                    "and nothing is written in plain text."
                ).format(backend=status.backend_name or "-", message=status.message_in(self.state.lang())),
                self._vault_fix(),
            )

    def _keyring_available(self) -> bool:
        return self.state.vault is not None and (self.vault_status is None or self.vault_status.available)

    def save_to_keyring(self, *, overwrite: bool = False) -> None:
        """Store the current key (and certificate) in the keyring under the name typed."""
        key = self.state.private_key
        name = self.name_edit.text().strip()
        if key is None:
            self._set_status(
                lambda: (Kind.ERROR, self.tr("There is no key to save."), self.tr("Generate or import one first."))
            )
            return
        if not name:
            self._set_status(
                lambda: (Kind.ERROR, self.tr("The key needs a name."), self.tr("Type a name, e.g. acme-prod."))
            )
            self.name_edit.setFocus()
            return
        vault = self.state.vault
        if vault is None or not self._keyring_available():
            self._set_status(
                lambda: (Kind.ERROR, self.tr("The key cannot be saved: no usable keyring."), self._vault_fix())
            )
            return
        self._set_busy("save", True)
        start(
            self,
            partial(vault.save, overwrite=overwrite),
            name,
            key,
            self.state.certificate,
            on_done=self._saved,
            on_error=lambda error: self._save_failed(error, name),
        )

    def _saved(self, record: Any) -> None:
        self._set_busy("save", False)
        self.state.key_name = record.name
        name = record.name
        self._set_status(lambda: (Kind.OK, self.tr("Saved “{name}” in the keyring.").format(name=name), ""))
        self._render_material()

    def _save_failed(self, error: BaseException, name: str) -> None:
        self._set_busy("save", False)
        if isinstance(error, KeyExistsError) and confirm_overwrite(self, name):
            self.save_to_keyring(overwrite=True)
            return
        self._show_error(error)

    # ------------------------------------------------------------------------------------------------ generate --

    def generate(self) -> None:
        """Generate a key and certificate in the background (the window stays responsive)."""
        if "generate" in self._busy:
            return
        bits = int(self.bits_combo.currentData())
        cn = self.cn_edit.text().strip()
        days = self.days_spin.value()
        if not cn:
            self._set_status(
                lambda: (
                    Kind.ERROR,
                    self.tr("The common name (CN) is empty."),
                    self.tr("Type a CN, e.g. acme-integration."),
                )
            )
            self.cn_edit.setFocus()
            return
        self._keygen_serial += 1
        serial = self._keygen_serial
        self._set_busy("generate", True)
        self._set_status(lambda: (Kind.INFO, self.tr("Generating a {bits}-bit RSA key…").format(bits=bits), ""))
        start(
            self,
            generate_pair,
            bits,
            cn,
            days,
            on_done=lambda pair: self._generated(serial, pair, cn),
            on_error=lambda error: self._generate_failed(serial, error),
        )

    def cancel_generation(self) -> None:
        """Abandon the running generation: its result will be discarded when it arrives."""
        if "generate" not in self._busy:
            return
        self._keygen_serial += 1
        self._set_busy("generate", False)
        self._set_status(
            lambda: (
                Kind.INFO,
                self.tr("Key generation cancelled. It finishes in the background; its result is discarded."),
                "",
            )
        )

    @property
    def generating(self) -> bool:
        """True while a generation the page waits for is running."""
        return "generate" in self._busy

    def _generated(self, serial: int, result: tuple[Any, Any, list[Any]], cn: str) -> None:
        if serial != self._keygen_serial:
            return  # abandoned by Cancel
        self._set_busy("generate", False)
        key, certificate, warnings = result
        self._adopt(key, certificate, suggested_name=cn)
        bits = key.key_size
        self._set_status(
            lambda: (
                Kind.WARNING if warnings else Kind.OK,
                self.tr("Generated a {bits}-bit key and a self-signed certificate.").format(bits=bits),
                "\n".join(
                    [
                        *(warning.text(self.state.lang()) for warning in warnings),
                        self.tr("Save it to the keyring, then export the .crt and upload it to Salesforce."),
                    ]
                ),
            )
        )

    def _generate_failed(self, serial: int, error: BaseException) -> None:
        if serial != self._keygen_serial:
            return
        self._set_busy("generate", False)
        self._show_error(error)

    def make_certificate(self) -> None:
        """Make a self-signed certificate for a key that has none (CN and validity from the generate form)."""
        key = self.state.private_key
        if key is None:
            return
        cn = self.cn_edit.text().strip() or "sfjwt-integration"
        start(
            self,
            make_certificate,
            key,
            cn,
            self.days_spin.value(),
            on_done=self._certificate_made,
            on_error=self._show_error,
        )

    def _certificate_made(self, certificate: Any) -> None:
        self.state.certificate = certificate
        self._set_status(lambda: (Kind.OK, self.tr("Made a self-signed certificate for the key."), ""))
        self._render_material()

    # ------------------------------------------------------------------------------------------------ import --

    def choose_import_file(self) -> None:
        """Pick a key/certificate/keystore file and import it."""
        path = choose_open_path(self, self.tr("Import a key or certificate"), key_file_filter())
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
            self._set_status(
                lambda: (
                    Kind.ERROR,
                    self.tr("Nothing to import: the paste box is empty."),
                    self.tr("Paste a PEM key or certificate."),
                )
            )
            return
        self._start_import(text, None)

    def _start_import(self, source: Path | str, passphrase: bytes | None, alias: str | None = None) -> None:
        self._set_busy("import", True)
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
        self._set_busy("import", False)
        if isinstance(error, PassphraseRequiredError | WrongPassphraseError):
            wrong = isinstance(error, WrongPassphraseError) and passphrase is not None
            answer = ask_passphrase(
                self,
                self.tr("{source} is encrypted. Type its passphrase:").format(source=self._source_label(source)),
                error=self.tr("That passphrase does not open it. Try again.") if wrong else "",
            )
            if answer is None:
                self._set_status(lambda: (Kind.INFO, self.tr("Import cancelled: no passphrase given."), ""))
                return
            self._start_import(source, answer)
            return
        self._show_error(error)  # the paste box keeps its text so the user can correct it

    def _imported(self, material: Any, source: Path | str, passphrase: bytes | None = None) -> None:
        self._set_busy("import", False)
        if isinstance(material, AliasChoice):
            alias = choose_alias(self, self._source_label(source), material.aliases)
            if alias is None:
                self._set_status(lambda: (Kind.INFO, self.tr("Import cancelled: no key chosen."), ""))
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
            self._adopt(key, certificate, suggested_name=stem)
            if isinstance(source, str):
                self.paste_edit.clear()  # the private key text should not linger on screen
        elif certificate is not None:
            self.state.certificate = certificate
            self._render_material()
        self._set_status(
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

    # ------------------------------------------------------------------------------------------------ drag & drop --

    def _import_dropped_text(self, text: str) -> None:
        """Import text dropped on the page (a file dropped goes to ``import_file``)."""
        self.paste_edit.setPlainText(text)
        self.import_pasted()

    # ------------------------------------------------------------------------------------------------ export --

    def export(self) -> None:
        """Export the current key and/or certificate (format dialog, file dialog, background write)."""
        key, certificate = self.state.private_key, self.state.certificate
        if key is None and certificate is None:
            self._set_status(
                lambda: (
                    Kind.ERROR,
                    self.tr("There is nothing to export yet."),
                    self.tr("Generate or import a key first."),
                )
            )
            return
        base = self.state.key_name or self.name_edit.text().strip() or "sfjwt"
        job = start_export(
            self, key=key, certificate=certificate, base_name=base, on_done=self._exported, on_error=self._export_failed
        )
        if job is not None:
            self._set_busy("export", True)

    def _exported(self, path: Path) -> None:
        self._set_busy("export", False)
        self._set_status(lambda: (Kind.OK, self.tr("Exported to {path}.").format(path=path), ""))

    def _export_failed(self, error: BaseException) -> None:
        self._set_busy("export", False)
        self._show_error(error)

    # ------------------------------------------------------------------------------------------------ compare --

    def choose_compare_file(self) -> None:
        """Pick the certificate downloaded from Salesforce."""
        path = choose_open_path(self, self.tr("Certificate downloaded from Salesforce"), certificate_file_filter())
        if path is not None:
            self.compare_with_file(path)

    def compare_with_file(self, path: Path) -> None:
        """Read a certificate file (background) and compare it with the current key."""
        start(self, read_certificate_file, Path(path), on_done=self.compare_with, on_error=self._compare_failed)

    def _compare_failed(self, error: BaseException) -> None:
        self.last_compare = None
        self.compare_result.show_message(Kind.ERROR, *self._error_parts(error))

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
        public = key if key is not None else ours.public_key() if ours is not None else None
        matches = isinstance(public, RSAPrivateKey | RSAPublicKey) and key_matches_certificate(public, uploaded)
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

    # ------------------------------------------------------------------------------------------------ rendering --

    @listens(Field.PRIVATE_KEY, Field.CERTIFICATE, Field.KEY_NAME, Field.UPLOADED_CERTIFICATE, Field.LANGUAGE)
    def _on_state_changed(self, field: str) -> None:
        if field in ("private_key", "certificate", "key_name"):
            self._render_material()
            self._render_compare()
        elif field == "uploaded_certificate":
            self._render_compare()
        elif field == "language":  # core's texts follow the session's language (it may change after the Qt event)
            self._render_checklist()
            self._render_vault_status()
            self._render_status()

    def _render_material(self) -> None:
        key, certificate = self.state.private_key, self.state.certificate
        has_cert = certificate is not None
        self.sha1_edit.setText(sha1_fingerprint(certificate) if certificate is not None else "")
        self.sha256_edit.setText(sha256_fingerprint(certificate) if certificate is not None else "")
        for button in (self.copy_sha1, self.copy_sha256):
            button.setEnabled(has_cert)
        self.make_cert_button.setVisible(key is not None and not has_cert)
        self._set_busy("", False)
        saved_name = self.state.key_name
        if saved_name and not self.name_edit.text().strip():
            self.name_edit.setText(saved_name)
        if key is None and not has_cert:
            self.summary_label.setText(
                self.tr("No key yet. Generate a new one, import a file, or load one from the Keys tool.")
            )
            self.expiry_label.setText("")
            return
        lines = []
        if key is not None:
            name = self.state.key_name
            where = (
                self.tr("saved in the keyring as “{name}”").format(name=name)
                if name
                else self.tr("not saved: in memory only")
            )
            lines.append(self.tr("RSA {bits}-bit private key, {where}.").format(bits=key.key_size, where=where))
        if certificate is not None:
            lines.append(self.tr("Certificate: {subject}").format(subject=certificate.subject.rfc4514_string()))
            if key is not None and not key_matches_certificate(key, certificate):
                lines.append(
                    "<span style='color:{c}'>{t}</span>".format(
                        c=kind_colour(Kind.ERROR),
                        t=self.tr("The certificate does not belong to this key."),
                    )
                )
        else:
            lines.append(self.tr("No certificate: make one to upload to Salesforce."))
        self.summary_label.setText("<br>".join(lines))
        self._render_expiry(certificate)

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

    def step_state(self) -> str:
        """This step's state, as the step list shows it (derived from the state, never set here)."""
        return key_step(self.state, time.time())
