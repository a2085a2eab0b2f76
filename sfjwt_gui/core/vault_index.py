"""The vault's non-secret index: one JSON file with each key's name, certificate and fingerprints.

It never holds key material. Besides the records it keeps ``garbage``: keyring usernames of entries that are no longer
used (old chunks after a save or rename) and could not be deleted yet; the vault retries them on every change. And
``pending``: generations whose chunks are being written (recorded before the first chunk), so that chunks a killed
process left behind are found and removed on the next change.
Writes are atomic (temp file in the same directory + ``os.replace``), so a crash leaves the old or the new file, and
changes hold an exclusive lock on ``vault-index.lock`` so the window and a ``sfjwt`` process never lose each other's.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from sfjwt_gui.core import safe_json
from sfjwt_gui.core.errors import VaultCorruptError

INDEX_FILE = "vault-index.json"
LOCK_FILE = "vault-index.lock"
INDEX_VERSION = 1


def default_index_dir() -> Path:
    """Where the index lives: ``$SFJWT_DATA_DIR`` if set, else the platform's user data dir for sfjwt-gui."""
    override = os.environ.get("SFJWT_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("sfjwt-gui", appauthor=False))


@dataclass(frozen=True)
class KeyRecord:
    """Non-secret facts about one stored key (what the list shows; the key itself is in the keyring)."""

    name: str
    created: str  # ISO 8601, UTC
    key_bits: int
    certificate_pem: str | None = None
    sha1_fingerprint: str | None = None
    sha256_fingerprint: str | None = None
    not_after: str | None = None  # ISO 8601, UTC
    public_key_sha256: str | None = None  # SHA-256 of the SubjectPublicKeyInfo, colon hex
    subject: str | None = None  # the certificate's subject, RFC 4514 (records written before it lack it)
    generation: str | None = None  # the chunks this record describes (None: written before generations were kept)
    deleting: bool = False  # a deletion started and did not finish: listed as such, finished on the next change

    def to_json(self) -> dict[str, Any]:
        """The record as a JSON object (stable keys)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeyRecord:
        """Read a record, ignoring fields a newer version may have added."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True)
class Pending:
    """Chunks being written under one generation for key ``name`` (not yet committed to a record)."""

    name: str
    chunks: int


@dataclass
class IndexData:
    """Contents of the index file."""

    keys: dict[str, KeyRecord] = field(default_factory=dict)
    garbage: list[str] = field(default_factory=list)
    pending: dict[str, Pending] = field(default_factory=dict)  # generation -> what it is being written for


class VaultIndex:
    """Reads and atomically rewrites the index file in ``directory``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / INDEX_FILE

    def read(self) -> IndexData:
        """The current contents (empty when there is no file yet)."""
        try:
            raw_bytes = self.path.read_bytes()
        except FileNotFoundError:
            return IndexData()
        except OSError as exc:
            from sfjwt_gui.core.key_texts import error

            raise error(VaultCorruptError, "vault-index-invalid", path=repr(str(self.path)), detail=str(exc)) from exc
        try:
            raw = safe_json.loads(raw_bytes.decode("utf-8"))  # undecodable bytes are damage too
            keys = {name: KeyRecord.from_json(rec) for name, rec in raw.get("keys", {}).items()}
            garbage = [str(g) for g in raw.get("garbage", [])]
            pending = {
                str(gen): Pending(str(item["name"]), int(item["chunks"]))
                for gen, item in raw.get("pending", {}).items()
            }
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            from sfjwt_gui.core.key_texts import error

            raise error(VaultCorruptError, "vault-index-invalid", path=repr(str(self.path)), detail=str(exc)) from exc
        return IndexData(keys=keys, garbage=garbage, pending=pending)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the inter-process lock of this index (blocks while another process changes the vault)."""
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(self.directory / LOCK_FILE, "a+b") as handle:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                try:
                    yield
                finally:
                    handle.seek(0)
                    msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def write(self, data: IndexData) -> None:
        """Replace the file atomically (0600 in a 0700 directory)."""
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        payload = {
            "version": INDEX_VERSION,
            "keys": {name: rec.to_json() for name, rec in sorted(data.keys.items())},
            "garbage": list(dict.fromkeys(data.garbage)),
        }
        if data.pending:
            payload["pending"] = {gen: asdict(item) for gen, item in data.pending.items()}
        fd, tmp = tempfile.mkstemp(prefix=".vault-index-", suffix=".tmp", dir=self.directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False, indent=2)
                handle.write("\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
