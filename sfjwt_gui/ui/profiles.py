"""Connection profiles (several orgs and apps) and window settings in ``QSettings``.

A profile stores names and endpoints only — endpoint, aud, consumer key, username and the *name* of a key in the
vault. Never a private key, passphrase or token: the ``Profile`` type has no field that could hold one.
``SFJWT_SETTINGS_DIR`` puts the settings in an INI file in that directory (tests, portable use).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QSettings

_PROFILE_FIELDS = ("preset", "endpoint", "audience", "consumer_key", "username", "key_name")


def app_settings() -> QSettings:
    """The application's settings store."""
    folder = os.environ.get("SFJWT_SETTINGS_DIR")
    if folder:
        return QSettings(str(Path(folder) / "sfjwt-gui.ini"), QSettings.Format.IniFormat)
    return QSettings("sfjwt-gui", "sfjwt-gui")


class Profile(NamedTuple):
    """One saved connection: where to send, which app and user, which key (by name)."""

    name: str
    preset: str = "production"
    endpoint: str = ""
    audience: str = ""
    consumer_key: str = ""
    username: str = ""
    key_name: str = ""

    @classmethod
    def from_session(cls, name: str, state: Any) -> Profile:
        """Capture the session's connection fields (no secrets exist in a profile)."""
        values = {f: str(getattr(state, f) or "") for f in _PROFILE_FIELDS}
        return cls(name=name, **values)

    def apply_to(self, state: Any) -> None:
        """Fill the session's connection fields from this profile (the key itself is loaded from the vault by the
        window, which then sets ``key_name``)."""
        for f in _PROFILE_FIELDS:
            if f != "key_name":
                setattr(state, f, getattr(self, f) or None)


class ProfileStore:
    """Profiles under the ``profiles/`` group of the settings, plus the name of the last one used."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or app_settings()

    def names(self) -> list[str]:
        """Saved profile names, sorted."""
        self.settings.beginGroup("profiles")
        try:
            return sorted(self.settings.childGroups(), key=str.casefold)
        finally:
            self.settings.endGroup()

    def get(self, name: str) -> Profile | None:
        """The profile called ``name``, or None."""
        if name not in self.names():
            return None
        self.settings.beginGroup(f"profiles/{name}")
        try:
            values = {f: str(self.settings.value(f, "") or "") for f in Profile._fields if f != "name"}
        finally:
            self.settings.endGroup()
        return Profile(name=name, **values)

    def save(self, profile: Profile) -> None:
        """Create or replace a profile."""
        if not profile.name.strip() or "/" in profile.name or "\\" in profile.name:
            raise ValueError(f"profile name {profile.name!r} must be non-empty and contain no slashes")
        self.settings.beginGroup(f"profiles/{profile.name}")
        try:
            for key, value in profile._asdict().items():
                if key != "name":
                    self.settings.setValue(key, value)
        finally:
            self.settings.endGroup()
        self.settings.sync()

    def delete(self, name: str) -> None:
        """Remove a profile (no error if it does not exist)."""
        self.settings.remove(f"profiles/{name}")
        if self.last == name:
            self.last = ""
        self.settings.sync()

    @property
    def last(self) -> str:
        """Name of the profile used last ("" if none)."""
        return str(self.settings.value("last_profile", "") or "")

    @last.setter
    def last(self, name: str) -> None:
        self.settings.setValue("last_profile", name)
        self.settings.sync()
