"""Connection profiles shared by the window and the CLI: one JSON file per profile in the user config folder.

A profile holds only names and public values: endpoint, ``aud``, consumer key, username, the key's *name* in the
vault or its reference (``pkcs11:…``, ``awskms:…``, with the PKCS#11 module path) and the uploaded certificate's
SHA-256 fingerprint. Never a key, passphrase, PIN or token: ``Profile`` has no such
field and ``profile_from_dict`` drops anything else. Folder: ``$SFJWT_CONFIG_DIR/profiles`` if set, else
``platformdirs.user_config_dir("sfjwt-gui")/profiles``.

Writes are atomic (a temporary file in the same folder, then ``os.replace``) and only ever replace a regular file
whose JSON says it is one of ours; files are bounded to ``MAX_FILE`` bytes and names to ``MAX_NAME`` characters.
``import_legacy_profiles(records)`` is the one-time migration of the window's QSettings profiles (the window reads
QSettings and passes plain dicts); ``profile_from_sf_org`` makes a profile from a Salesforce CLI JWT org.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sfjwt_gui.core import safe_json
from sfjwt_gui.core.errors import ProfileError
from sfjwt_gui.core.key_texts import error

FORMAT = "sfjwt-profile/1"
MAX_FILE = 64 * 1024
MAX_NAME = 100
MAX_PROFILES = 1000


@dataclass(frozen=True)
class Profile:
    """One connection: where to send, what to claim, which key (by name) signs."""

    name: str
    endpoint: str = ""  # login host or token URL
    aud: str = ""
    consumer_key: str = ""
    username: str = ""
    key_name: str = ""  # the key's name in the vault, or its reference (pkcs11:…, awskms:…); never the key
    pkcs11_module: str = ""  # the PKCS#11 module a pkcs11: key opens with (never the PIN)
    certificate_sha256: str = ""  # the uploaded certificate's fingerprint
    gov_cloud: bool = False  # the org is on Government Cloud (not derivable from the URLs: the lint checks the split)

    def to_json(self) -> dict[str, Any]:
        """The file's JSON."""
        return {"format": FORMAT, **dataclasses.asdict(self)}


_FIELDS = [f.name for f in dataclasses.fields(Profile) if f.type in (str, "str")]


def _text(value: Any, what: str, limit: int = 2048) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > limit or any(ord(ch) < 32 for ch in value):
        raise error(ProfileError, "profile-bad-value", field=what)
    return value.strip()


def check_name(name: str) -> str:
    """A usable profile name (1–100 printable characters) or ProfileError."""
    name = (name or "").strip()
    if not name or len(name) > MAX_NAME or any(ord(ch) < 32 for ch in name) or "/" in name or "\\" in name:
        raise error(ProfileError, "profile-bad-name", name=repr(name), limit=str(MAX_NAME))
    return name


def profile_from_dict(data: Any) -> Profile:
    """A Profile from JSON-ish data; unknown fields (and any secret someone put there) are dropped."""
    if not isinstance(data, dict):
        raise error(ProfileError, "profile-not-object")
    values = {f: _text(data.get(f), f) for f in _FIELDS if f != "name"}
    gov_cloud = data.get("gov_cloud", False)
    if not isinstance(gov_cloud, bool):
        raise error(ProfileError, "profile-bad-value", field="gov_cloud")
    return Profile(name=check_name(str(data.get("name") or "")), gov_cloud=gov_cloud, **values)


def _file_name(name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")[:40] or "profile"
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    return f"{slug}-{digest}.json"


def default_folder() -> Path:
    """``$SFJWT_CONFIG_DIR/profiles``, else the platform's user config folder for sfjwt-gui."""
    override = os.environ.get("SFJWT_CONFIG_DIR")
    if override:
        return Path(override) / "profiles"
    import platformdirs

    return Path(platformdirs.user_config_dir("sfjwt-gui", appauthor=False)) / "profiles"


class ProfileStore:
    """The profile folder (``folder`` is a seam for tests)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_folder()

    def _read(self, path: Path) -> Profile | None:
        try:
            info = path.lstat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE:
                return None
            data = safe_json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        try:
            return profile_from_dict(data)
        except ProfileError:
            return None

    def list(self) -> list[Profile]:
        """Every readable profile, sorted by name (unreadable or foreign files are skipped)."""
        if not self.folder.is_dir():
            return []
        found = [self._read(p) for p in sorted(self.folder.glob("*.json"))[:MAX_PROFILES]]
        return sorted((p for p in found if p is not None), key=lambda p: p.name.casefold())

    def get(self, name: str) -> Profile:
        """The profile called ``name`` (ProfileError listing the names otherwise)."""
        profile = self._read(self.folder / _file_name(check_name(name)))
        if profile is None or profile.name != name.strip():
            names = ", ".join(p.name for p in self.list()) or "none yet"
            raise error(ProfileError, "profile-missing", name=repr(name), names=names)
        return profile

    def exists(self, name: str) -> bool:
        """Whether a profile called ``name`` exists."""
        try:
            self.get(name)
        except ProfileError:
            return False
        return True

    def save(self, profile: Profile) -> Path:
        """Write ``profile`` atomically; replaces only a regular profile file of ours."""
        check_name(profile.name)
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = self.folder / _file_name(profile.name)
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise error(ProfileError, "profile-not-regular", path=str(target))
        if target.exists() and self._read(target) is None:
            raise error(ProfileError, "profile-foreign", path=str(target))
        data = json.dumps(profile.to_json(), ensure_ascii=False, indent=2).encode() + b"\n"
        fd, temp = tempfile.mkstemp(prefix=".profile-", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
        except OSError as exc:
            Path(temp).unlink(missing_ok=True)
            raise error(ProfileError, "profile-write-failed", path=str(target), reason=str(exc.strerror)) from exc
        return target

    def delete(self, name: str) -> None:
        """Delete the profile called ``name`` (ProfileError if there is none)."""
        self.get(name)
        (self.folder / _file_name(name.strip())).unlink()


def import_legacy_profiles(records: Iterable[dict[str, Any]], store: ProfileStore | None = None) -> list[str]:
    """Migrate the window's QSettings profiles once: each dict becomes a profile unless one of that name exists.

    Accepted keys: the ``Profile`` fields plus the window's older names (``iss`` / ``client_id`` → consumer key,
    ``sub`` → username, ``token_url`` / ``login_url`` → endpoint, ``key`` → key name, ``certificate_fingerprint``).
    Anything else (a passphrase, a token) is dropped. Returns the names imported.
    """
    store = store or ProfileStore()
    aliases = {
        "iss": "consumer_key",
        "client_id": "consumer_key",
        "sub": "username",
        "token_url": "endpoint",
        "login_url": "endpoint",
        "key": "key_name",
        "certificate_fingerprint": "certificate_sha256",
    }
    imported = []
    for record in records:
        data = {aliases.get(k, k): v for k, v in record.items() if aliases.get(k, k) in _FIELDS}
        try:
            profile = profile_from_dict(data)
        except ProfileError:
            continue
        if not store.exists(profile.name):
            store.save(profile)
            imported.append(profile.name)
    return imported


def profile_from_sf_org(
    name: str, *, client_id: str, username: str, instance_url: str, login_url: str = "", key_name: str = ""
) -> Profile:
    """A profile for an org the Salesforce CLI authorised with JWT (the CLI's login URL is its ``aud``)."""
    return profile_from_dict(
        {
            "name": name,
            "endpoint": login_url or instance_url,
            "aud": login_url or instance_url,
            "consumer_key": client_id,
            "username": username,
            "key_name": key_name,
        }
    )


def import_key_file(path: str, name: str, *, vault: Any = None) -> str:
    """Import the key file a Salesforce CLI JWT org names into the OS keyring as ``name`` (only on the user's say-so;
    the window and ``sfjwt profiles import-sf`` ask first). Returns the key name; the file is left as it is."""
    from sfjwt_gui.core.errors import InputError
    from sfjwt_gui.core.key_loading import load_file
    from sfjwt_gui.core.vault import Vault

    material = load_file(path, None)
    if material.private_key is None:
        raise error(InputError, "sf-key-file-no-key", path=path)
    (vault or Vault()).save(name, material.private_key, material.certificate)
    return name


def import_sf_org(
    org: Any, *, store: ProfileStore | None = None, import_key: bool = False, overwrite: bool = False, vault: Any = None
) -> dict[str, Any]:
    """Make the profile of one Salesforce CLI JWT org (``sf_cli.SfOrg``); with ``import_key`` (the user agreed) its
    key file goes into the keyring first. An existing profile is kept unless ``overwrite``. Returns the report entry
    ``{name, username, key_file, result: "saved" | "exists", key_imported?}`` that ``profiles import-sf`` prints and
    the window shows."""
    store = store or ProfileStore()
    entry: dict[str, Any] = {"name": org.name, "username": org.username, "key_file": org.private_key}
    if store.exists(org.name) and not overwrite:
        entry["result"] = "exists"
        return entry
    key_name = ""
    if import_key:
        key_name = import_key_file(org.private_key, org.name, vault=vault)
        entry["key_imported"] = key_name
    profile = profile_from_sf_org(
        org.name,
        client_id=org.client_id,
        username=org.username,
        instance_url=org.instance_url,
        login_url=org.login_url,
        key_name=key_name,
    )
    store.save(profile)
    entry["result"] = "saved"
    return entry
