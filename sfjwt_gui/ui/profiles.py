"""Window settings in ``QSettings``; connection profiles in ``core.profiles`` (one JSON file each, shared with the CLI).

A profile stores names and public values only — endpoint, aud, consumer key, username, the *name* of a key in the
vault and the uploaded certificate's SHA-256. Never a private key, passphrase or token: ``core.profiles.Profile`` has
no field that could hold one. ``ProfileStore`` is the window's view of the profile folder plus the name of the last
profile used (a window setting); on first use it migrates the profiles older versions kept in ``QSettings``, once
(``core.profiles.import_legacy_profiles``). ``SFJWT_SETTINGS_DIR`` puts the settings in an INI file in that directory
and ``SFJWT_CONFIG_DIR`` the profiles (tests, portable use).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from sfjwt_gui.core import profiles as core_profiles
    from sfjwt_gui.core.profiles import Profile

__all__ = ["ProfileStore", "app_settings", "apply_profile", "profile_from_state"]

log = logging.getLogger(__name__)

_LEGACY_FIELDS = ("preset", "endpoint", "audience", "consumer_key", "username", "key_name")
_MIGRATED = "profiles_migrated_to_files"


def app_settings() -> QSettings:
    """The application's settings store."""
    folder = os.environ.get("SFJWT_SETTINGS_DIR")
    if folder:
        return QSettings(str(Path(folder) / "sfjwt-gui.ini"), QSettings.Format.IniFormat)
    return QSettings("sfjwt-gui", "sfjwt-gui")


def profile_from_state(name: str, state: Any) -> Profile:
    """The session's connection as a profile (``ProfileError`` for a bad name or value)."""
    from sfjwt_gui.core import profiles as core_profiles
    from sfjwt_gui.core.connection import is_gov_cloud
    from sfjwt_gui.core.fingerprints import sha256_fingerprint

    certificate = state.uploaded_certificate or state.certificate
    return core_profiles.profile_from_dict(
        {
            "name": name,
            "endpoint": state.endpoint or "",
            "aud": state.audience or "",
            "consumer_key": state.consumer_key or "",
            "username": state.username or "",
            "key_name": state.key_name or "",  # a keyring name, or a token/KMS key's reference (never its PIN)
            "pkcs11_module": state.pkcs11_module or "",
            "certificate_sha256": sha256_fingerprint(certificate) if certificate is not None else "",
            "gov_cloud": is_gov_cloud(state.preset),
        }
    )


def preset_of(profile: Profile) -> str:
    """The connection preset a profile amounts to: Government Cloud when it says so, production or sandbox when
    endpoint and aud are both that login host, else ``custom``."""
    from sfjwt_gui.core.connection import PRODUCTION_URL, SANDBOX_URL, Preset

    if profile.gov_cloud:
        return Preset.GOVCLOUD.value
    endpoint, aud = profile.endpoint.rstrip("/"), profile.aud.rstrip("/")
    if endpoint == aud == PRODUCTION_URL:
        return Preset.PRODUCTION.value
    if endpoint == aud == SANDBOX_URL:
        return Preset.SANDBOX.value
    return Preset.CUSTOM.value


def apply_profile(profile: Profile, state: Any) -> None:
    """Fill the session's connection fields from ``profile`` (the window then loads the key it names)."""
    state.preset = preset_of(profile)
    state.endpoint = profile.endpoint or None
    state.audience = profile.aud or None
    state.consumer_key = profile.consumer_key or None
    state.username = profile.username or None


class ProfileStore:
    """The profile folder as the window uses it, plus the last profile's name (kept in the settings).

    ``core.profiles`` is imported on first use of the folder, not at start-up (the first frame does not need it)."""

    def __init__(self, settings: QSettings | None = None, files: core_profiles.ProfileStore | None = None) -> None:
        self.settings = settings or app_settings()
        self._files = files
        self.migrated = self.migrate_legacy()

    @property
    def files(self) -> core_profiles.ProfileStore:
        """The profile folder (``core.profiles.ProfileStore``)."""
        if self._files is None:
            from sfjwt_gui.core import profiles as core_profiles

            self._files = core_profiles.ProfileStore()
        return self._files

    def legacy_records(self) -> list[dict[str, str]]:
        """The profiles older versions kept under ``profiles/`` in the settings, as plain dicts."""
        self.settings.beginGroup("profiles")
        try:
            names = self.settings.childGroups()
        finally:
            self.settings.endGroup()
        records = []
        for name in names:
            self.settings.beginGroup(f"profiles/{name}")
            try:
                values = {f: str(self.settings.value(f, "") or "") for f in _LEGACY_FIELDS}
            finally:
                self.settings.endGroup()
            values["aud"] = values.pop("audience")
            values.pop("preset")
            records.append({"name": name, **values})
        return records

    def migrate_legacy(self) -> list[str]:
        """Move the settings' profiles into the profile folder, once (a profile of the same name there wins)."""
        if str(self.settings.value(_MIGRATED, "") or "") == "1":
            return []
        records = self.legacy_records()
        imported: list[str] = []
        if records:
            from sfjwt_gui.core import profiles as core_profiles
            from sfjwt_gui.core.errors import ProfileError

            try:
                imported = core_profiles.import_legacy_profiles(records, self.files)
            except ProfileError as exc:  # an unwritable folder: try again next start
                log.warning("profiles not migrated yet: %s", exc.code)
                return []
        self.settings.setValue(_MIGRATED, "1")
        self.settings.sync()
        if imported:
            log.info("migrated %d profile(s) from the window settings to %s", len(imported), self.files.folder)
        return imported

    def names(self) -> list[str]:
        """Saved profile names, sorted."""
        return [p.name for p in self.files.list()]

    def get(self, name: str) -> Profile | None:
        """The profile called ``name``, or None."""
        from sfjwt_gui.core.errors import ProfileError

        try:
            return self.files.get(name)
        except ProfileError:
            return None

    def save(self, profile: Profile) -> None:
        """Create or replace a profile (``ProfileError`` when it cannot be written)."""
        self.files.save(profile)

    def delete(self, name: str) -> None:
        """Remove a profile (no error if it does not exist)."""
        if self.files.exists(name):
            self.files.delete(name)
        if self.last == name:
            self.last = ""

    @property
    def last(self) -> str:
        """Name of the profile used last ("" if none)."""
        return str(self.settings.value("last_profile", "") or "")

    @last.setter
    def last(self, name: str) -> None:
        self.settings.setValue("last_profile", name)
        self.settings.sync()
