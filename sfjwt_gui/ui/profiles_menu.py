"""File → profiles: save the connection as a named profile, load one (and its key from the vault), delete one,
import profiles from the Salesforce CLI.

The window owns one ``ProfilesMenu``; profiles hold names and endpoints only (``ui.profiles`` over
``core.profiles``: the same JSON files the CLI reads), never secrets. A profile naming a token or KMS key
(``pkcs11:…``, ``awskms:…``) opens it through the Key page, which asks for the PIN when the token needs one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from sfjwt_gui.ui.profiles import ProfileStore, apply_profile, profile_from_state

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from cryptography.x509 import Certificate

    from sfjwt_gui.core.profiles import Profile
    from sfjwt_gui.ui.dialogs.sf_import_dialog import SfImportDialog
    from sfjwt_gui.ui.main_window import MainWindow


class ProfilesMenu:
    """The profile actions of one window: "Load profile" and "Delete profile" submenus, save, load."""

    def __init__(self, window: MainWindow, store: ProfileStore) -> None:
        self.window = window
        self.store = store
        self.pending_key: str | None = None
        self.sf_dialog: SfImportDialog | None = None
        self.load_menu = QMenu(window)
        self.load_menu.setObjectName("profiles_menu")
        self.load_menu.aboutToShow.connect(self._fill_load_menu)
        self.delete_menu = QMenu(window)
        self.delete_menu.aboutToShow.connect(self._fill_delete_menu)

    def retranslate(self) -> None:
        """Menu titles in the current language."""
        self.load_menu.setTitle(QCoreApplication.translate("MainWindow", "Load profile"))
        self.delete_menu.setTitle(QCoreApplication.translate("MainWindow", "Delete profile"))

    def save_dialog(self) -> None:
        """Ask for a name and save the connection (never secrets)."""
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(
            self.window,
            QCoreApplication.translate("MainWindow", "Save profile"),
            QCoreApplication.translate("MainWindow", "Profile name:"),
            text=self.store.last or "my-org",
        )
        if ok and name.strip():
            from sfjwt_gui.core.errors import ProfileError

            try:
                self.save(name.strip())
            except ProfileError as exc:
                from sfjwt_gui.ui.errors import render_error

                self.window.statusBar().showMessage(render_error(exc, self.window.state.lang()), 15000)

    def save(self, name: str) -> Profile:
        """Save the state's connection fields as a profile and make it the last one used (``ProfileError`` for a
        bad name or an unwritable folder)."""
        profile = profile_from_state(name, self.window.state)
        self.store.save(profile)
        self.store.last = profile.name
        self.window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Profile {name} saved.").format(name=name), 4000
        )
        return profile

    def import_from_sf(self) -> SfImportDialog:
        """Open "Import from the Salesforce CLI" (non-blocking; one dialog per window)."""
        from sfjwt_gui.ui.dialogs.sf_import_dialog import SfImportDialog

        if self.sf_dialog is None:
            self.sf_dialog = SfImportDialog(self.window.state, self.window)
        else:
            self.sf_dialog.list_orgs()
        self.sf_dialog.open()
        return self.sf_dialog

    def load(self, name: str) -> None:
        """Fill the connection from a saved profile (and load its key once the vault is there)."""
        profile = self.store.get(name)
        if profile is None:
            return
        apply_profile(profile, self.window.state)
        self.store.last = name
        if profile.key_name and profile.key_name != self.window.state.key_name:
            from sfjwt_gui.core.key_refs import is_external_reference

            if is_external_reference(profile.key_name):  # a token or KMS key: opened there, PIN asked when needed
                self.window.page("key").external.open_reference(profile.key_name, profile.pkcs11_module or None)
                return
            self.pending_key = profile.key_name
            self.vault_ready()

    def vault_ready(self) -> None:
        """Load the key a profile names, once the vault exists (the application opens it after the first frame)."""
        name, vault = self.pending_key, self.window.state.vault
        if not name or vault is None:
            return
        self.pending_key = None
        from sfjwt_gui.ui.pages.keys_tool import load_key_and_certificate
        from sfjwt_gui.ui.worker import start

        start(
            self.window,
            load_key_and_certificate,
            vault,
            name,
            on_done=lambda pair: self._key_loaded(name, pair),
            on_error=lambda exc: self._key_failed(name, exc),
        )

    def _key_loaded(self, name: str, pair: tuple[RSAPrivateKey, Certificate | None]) -> None:
        state = self.window.state
        state.private_key, state.certificate = pair
        state.key_name = name
        self.window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Key {name} loaded from the keyring.").format(name=name), 6000
        )

    def _key_failed(self, name: str, exc: BaseException) -> None:
        from sfjwt_gui.ui.errors import render_error

        error = render_error(exc, self.window.state.lang())
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "The profile's key {name} could not be loaded from the keyring: {error}"
            ).format(name=name, error=error),
            15000,
        )

    def _fill_load_menu(self) -> None:
        self.load_menu.clear()
        names = self.store.names()
        if not names:
            empty = self.load_menu.addAction(QCoreApplication.translate("MainWindow", "(no saved profiles)"))
            empty.setEnabled(False)
        for name in names:
            act = self.load_menu.addAction(name)
            act.triggered.connect(lambda _checked=False, n=name: self.load(n))

    def _fill_delete_menu(self) -> None:
        self.delete_menu.clear()
        for name in self.store.names():
            act = self.delete_menu.addAction(name)
            act.triggered.connect(lambda _checked=False, n=name: self.store.delete(n))
