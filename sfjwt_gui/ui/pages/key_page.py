"""Step 1, Key & certificate: generate or import the signing key, keep it in the OS keyring (or use one that stays in a
hardware token or AWS KMS), export it, compare it with the certificate uploaded to Salesforce, and follow the Setup
checklist."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.core.keyring_status import VaultAction
from sfjwt_gui.ui.errors import error_parts
from sfjwt_gui.ui.pages.key_cert_save import CertificateSaveFlow
from sfjwt_gui.ui.pages.key_checklist import ChecklistFlow
from sfjwt_gui.ui.pages.key_compare import CompareFlow
from sfjwt_gui.ui.pages.key_csr_flow import KeyCsrFlow
from sfjwt_gui.ui.pages.key_current import CurrentKeyFlow
from sfjwt_gui.ui.pages.key_duplicates import DuplicateFlow
from sfjwt_gui.ui.pages.key_export_flow import ExportFlow
from sfjwt_gui.ui.pages.key_external import ExternalKeyFlow, external_signer
from sfjwt_gui.ui.pages.key_generate import GenerateFlow
from sfjwt_gui.ui.pages.key_import import ImportFlow
from sfjwt_gui.ui.state import AppState, Field, listens
from sfjwt_gui.ui.steps import key_step
from sfjwt_gui.ui.widgets.keyring_banner import KeyringBannerLine, gate_button
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget, page_title
from sfjwt_gui.ui.widgets.paste_box import DropTarget
from sfjwt_gui.ui.widgets.reserved_status import ReservedStatusLine
from sfjwt_gui.ui.widgets.status_line import Kind
from sfjwt_gui.ui.worker import start

#: What the window and the tests reach through the page; each lives in one workflow.
PUBLIC = (
    "generate",
    "cancel_generation",
    "make_certificate",
    "bits_combo",
    "cn_edit",
    "days_spin",
    "generate_button",
    "cancel_button",
    "progress",
    "choose_import_file",
    "start_import",
    "import_file",
    "import_pasted",
    "open_button",
    "paste_edit",
    "import_paste_button",
    "save_to_keyring",
    "summary_label",
    "expiry_label",
    "sha1_edit",
    "sha256_edit",
    "copy_sha1",
    "copy_sha256",
    "make_cert_button",
    "name_edit",
    "save_button",
    "export",
    "export_button",
    "choose_compare_file",
    "compare_with_file",
    "compare_with",
    "compare_frame",
    "compare_button",
    "compare_result",
    "checklist_items",
    "checklist_tabs",
    "save_certificate",
    "save_cert_button",
    "open_folder_button",
    "copy_path_button",
    "csr_button",
    "attach_button",
    "open_external",
    "cancel_external",
    "reference_edit",
    "reference_hint",
    "module_edit",
    "cert_edit",
    "use_external_button",
    "external_progress",
    "cancel_external_button",
)


class KeyPage(TranslatedWidget):
    """Key & certificate (step "key"): the layout and wiring of its workflows (``key_generate``, ``key_import``,
    ``key_current``, ``key_export_flow``, ``key_compare``, ``key_checklist``), keyring status and status line."""

    step_id = "key"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("keyPage")
        self._busy: set[str] = set()
        self.vault_status: Any = None
        self._status_text: Callable[[], tuple[Kind, str, str]] | None = None
        self._build()
        DropTarget(self, on_file=self.importer.import_file, on_text=self.importer._import_dropped_text)
        for name in PUBLIC:  # the page's API for the window and tests: the workflows' actions and widgets
            for flow in self._flows():
                if hasattr(flow, name):
                    setattr(self, name, getattr(flow, name))
        state.changed.connect(self._on_state_changed)
        self.retranslate_ui()
        self.current._render_material()
        self.refresh_vault_status()

    def _build(self) -> None:
        self.heading = page_title(self)  # every page starts with its name, as the step list shows it
        self.keyring_status = KeyringBannerLine(self)
        self.keyring_status.setObjectName("keyringStatus")
        self.recheck_button = QPushButton(self)
        self.recheck_button.setObjectName("recheckKeyringButton")
        self.recheck_button.clicked.connect(self.refresh_vault_status)
        self.recheck_button.hide()
        # one fixed-height area for the keyring banner and the page's messages: neither the keyring's answer at
        # start-up (one line, or several when there is no keyring) nor a message ever moves what is below
        self.status = ReservedStatusLine(self, lines=4, above=self.keyring_status)
        self.status.setObjectName("keyPageStatus")

        self.exporter = ExportFlow(self)  # each workflow owns its box, widgets, slots and texts
        self.generator = GenerateFlow(self)
        self.importer = ImportFlow(self)
        self.current = CurrentKeyFlow(self)
        self.comparer = CompareFlow(self)
        self.checklist = ChecklistFlow(self)
        self.cert_out = CertificateSaveFlow(self)
        self.csr = KeyCsrFlow(self)
        self.duplicates = DuplicateFlow(self)
        self.external = ExternalKeyFlow(self)  # a key that stays in a token or KMS

        # Page layout: two columns inside a scroll area.
        content = QWidget(self)
        grid = QGridLayout(content)
        keyring_row = QHBoxLayout()
        keyring_row.addWidget(self.status.frame, 1)
        keyring_row.addWidget(self.recheck_button, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.heading, 0, 0, 1, 2)
        grid.addLayout(keyring_row, 1, 0, 1, 2)
        left = QVBoxLayout()
        left.addWidget(self.generator.generate_box)
        left.addWidget(self.importer.import_box)
        left.addWidget(self.current.current_box)
        left.addWidget(self.external.external_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.cert_out.cert_box)  # the certificate out: visible without scrolling after Generate
        right.addWidget(self.comparer.compare_box)
        right.addWidget(self.checklist.checklist_box, 1)
        grid.addLayout(left, 2, 0)
        grid.addLayout(right, 2, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 6)
        outer = QVBoxLayout(self)  # the window's page frame scrolls the whole page when it does not fit
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(content)

        # Ctrl+G (generate) and Ctrl+O (import) are the main window's actions, which call generate()/start_import().
        QShortcut(
            QKeySequence("Ctrl+E"), self, self.exporter.export, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )

    def _flows(self) -> tuple[Any, ...]:
        return (
            self.generator,
            self.importer,
            self.current,
            self.exporter,
            self.comparer,
            self.checklist,
            self.cert_out,
            self.csr,
            self.external,
        )

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.heading.setText(self.tr("Key & certificate"))
        self.generator.retranslate()
        self.importer.retranslate()
        self.current.retranslate()
        self.exporter.retranslate()
        self.comparer.retranslate()
        self.cert_out.retranslate()
        self.csr.retranslate()
        self.external.retranslate()
        self.recheck_button.setText(self.tr("Check &again"))
        self.recheck_button.setAccessibleName(self.tr("Check the OS keyring again"))
        self.recheck_button.setToolTip(self.tr("After unlocking or installing a keyring, check again."))
        self.checklist.retranslate()
        self.current._render_material()
        self._render_vault_status()
        self.comparer._render_compare()
        self._render_status()

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
        self.generator.progress.setVisible(generating)
        self.generator.cancel_button.setEnabled(generating)
        self.generator.generate_button.setEnabled(not generating)
        gate_button(
            self.current.save_button,
            self._gate_status(),
            VaultAction.SAVE,
            self.state.lang(),
            enabled_tip=self.tr("Stores the private key in the OS keyring under this name."),
            busy="save" in self._busy,
        )
        if self.state.private_key is None and self._keyring_available():
            self.current.save_button.setEnabled(False)
            self.current.save_button.setToolTip(self.tr("There is no key to save yet: generate or import one first."))
        elif external_signer(self.state.private_key) is not None:
            self.current.save_button.setEnabled(False)
            self.current.save_button.setToolTip(
                self.tr("This key stays in its token or KMS: save a profile to remember its reference.")
            )
        self.exporter.export_button.setEnabled("export" not in self._busy and self._has_material())
        for widget in (self.importer.open_button, self.importer.import_paste_button):
            widget.setEnabled("import" not in self._busy)

    def _gate_status(self) -> Any:
        """The keyring status the buttons are gated on (None: no keyring configured; assume usable while checking)."""
        from sfjwt_gui.core.vault import VaultStatus

        if self.state.vault is None:
            return None
        return self.vault_status if self.vault_status is not None else VaultStatus(True, "", "", "")

    def _has_material(self) -> bool:
        return self.state.private_key is not None or self.state.certificate is not None

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
        """What to do about the missing keyring, in the window's language (core's plain-words banner)."""
        from sfjwt_gui.core.keyring_status import keyring_banner

        banner = keyring_banner(self.vault_status if self.state.vault is not None else None, self.state.lang())
        return " ".join(part for part in (banner.why, banner.how) if part)

    def _render_vault_status(self) -> None:
        status = self.vault_status
        self.recheck_button.setVisible(self.state.vault is not None and status is not None and not status.available)
        if status is None and self.state.vault is not None:
            self.keyring_status.show_status(None, self.state.lang(), checking_text=self.tr("Checking the OS keyring…"))
            return
        self.keyring_status.show_status(status, self.state.lang())

    def _keyring_available(self) -> bool:
        return self.state.vault is not None and (self.vault_status is None or self.vault_status.available)

    @listens(Field.PRIVATE_KEY, Field.CERTIFICATE, Field.KEY_NAME, Field.UPLOADED_CERTIFICATE, Field.LANGUAGE)
    def _on_state_changed(self, field: str) -> None:
        if field == "certificate":
            self.cert_out.certificate_changed()
        if field in ("private_key", "certificate", "key_name"):
            self.current._render_material()
            self.csr.render()
            self.comparer._render_compare()
        elif field == "uploaded_certificate":
            self.comparer._render_compare()
        elif field == "language":  # core's texts follow the session's language (it may change after the Qt event)
            self.checklist._render_checklist()
            self._render_vault_status()
            self._render_status()

    def recolour(self) -> None:
        """The current key's coloured lines (mismatch, expiry) for the current palette (light/dark switch)."""
        self.current._render_material()

    def step_state(self) -> str:
        """This step's state, as the step list shows it (derived from the state, never set here)."""
        return key_step(self.state, time.time())

    @property
    def generating(self) -> bool:
        """True while a generation the page waits for is running."""
        return "generate" in self._busy

    @property
    def last_compare(self) -> tuple[bool, str, str] | None:
        """The last comparison with Salesforce's certificate: (matches, theirs SHA-256, ours)."""
        return self.comparer.last_compare
