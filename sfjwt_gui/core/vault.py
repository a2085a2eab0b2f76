"""The keyring vault: private keys by name in the OS keyring (service ``sfjwt-gui``), metadata in a JSON index.

Each key is PKCS#8 DER, base64, in chunks that fit every backend, behind a manifest with a SHA-256 (see
``vault_chunks``). Nothing is lost on failure, even when the process is killed at any instant. A save:

1. records the new generation as *pending* in the index (before any chunk exists, so none can be orphaned);
2. writes the new chunks under that generation;
3. keeps the old manifest as ``backup:NAME`` and switches ``manifest:NAME`` to the new generation;
4. commits: the index record names the new generation (the record is the truth: until this atomic file replace
   the old key is the one described, and loading uses ``backup:NAME`` when the manifest is already ahead);
5. only then removes the old entries.

A delete first marks the record ``deleting`` (listed as "deletion incomplete"), then removes the entries, then the
record. Every change starts by finishing what a killed process left: pending generations that were never committed
are rolled back (manifest restored, chunks removed) and marked deletions are completed. Every load compares the
loaded key's public-key SHA-256 with the record and refuses a mismatch. Entries that could not be removed are
remembered in the index and removed later. Plain-text keyring backends are refused.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import threading
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sfjwt_gui.core.errors import (
    CertificateError,
    DuplicateKeyError,
    InputError,
    KeyExistsError,
    KeyNotFoundError,
    SfjwtError,
    VaultCorruptError,
    VaultError,
)
from sfjwt_gui.core.key_texts import describe_error, error, render
from sfjwt_gui.core.keyring_access import KeyringAccess
from sfjwt_gui.core.vault_chunks import (
    Manifest,
    backup_username,
    chunk_username,
    join_chunks,
    manifest_username,
    new_generation,
    split_der,
)
from sfjwt_gui.core.vault_index import IndexData, KeyRecord, Pending, VaultIndex, default_index_dir

if TYPE_CHECKING:  # cryptography is imported where needed: `sfjwt keys list` reads only the index
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from keyring.backend import KeyringBackend

__all__ = ["KeyRecord", "Vault", "VaultStatus", "default_index_dir", "describe_error", "validate_name"]

SERVICE = "sfjwt-gui"
MAX_NAME_LENGTH = 64
_PROBE_USERNAME = "probe:sfjwt-gui"
Usernames = list[str]  # keyring usernames (an alias: the class below has a method called list)
ManifestTexts = list[str | None]  # the texts of manifest:NAME and backup:NAME


@dataclass(frozen=True)
class VaultStatus:
    """One line for the window: can keys be stored, where, and what to do if not.

    ``message``/``fix`` are English; ``message_in(lang)``/``fix_in(lang)`` give them in ``en`` or ``ja`` (``code``
    and ``params`` name the text in resources/keys/texts.json).
    """

    available: bool
    backend_name: str
    message: str
    fix: str
    code: str = ""
    params: Mapping[str, str] = field(default_factory=dict, hash=False)

    @classmethod
    def from_error(cls, exc: SfjwtError, backend_name: str = "") -> VaultStatus:
        """The status for a keyring that failed with ``exc``."""
        return cls(False, backend_name, exc.message, exc.fix, exc.code, dict(exc.params))

    def message_in(self, lang: str = "en") -> str:
        """``message`` in ``lang``."""
        text = render("errors", self.code, self.params, lang, "message") if self.code else None
        return self.message if text is None else text

    def fix_in(self, lang: str = "en") -> str:
        """``fix`` in ``lang``."""
        text = render("errors", self.code, self.params, lang, "fix") if self.code else None
        return self.fix if text is None else text


def validate_name(name: str) -> str:
    """Return ``name`` if it can name a key (1-64 characters, no control characters, no outer spaces)."""
    if not isinstance(name, str) or not name:
        raise error(InputError, "vault-name-empty")
    if len(name) > MAX_NAME_LENGTH:
        raise error(
            InputError, "vault-name-too-long", shown=repr(name[:20]), length=str(len(name)), max=str(MAX_NAME_LENGTH)
        )
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: bytes of a command-line argument that are not UTF-8
        raise error(InputError, "vault-name-encoding", shown=repr(name)) from None
    if name != name.strip() or any(unicodedata.category(ch).startswith("C") for ch in name):
        raise error(InputError, "vault-name-characters", shown=repr(name))
    return name


def _utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _public_key_sha256(key: RSAPrivateKey) -> str:
    from sfjwt_gui.core.fingerprints import colon_hex, public_key_der

    return colon_hex(hashlib.sha256(public_key_der(key)).digest())


def _with_certificate(record: KeyRecord, cert: x509.Certificate | None) -> KeyRecord:
    from cryptography.hazmat.primitives import serialization

    from sfjwt_gui.core.fingerprints import sha1_fingerprint, sha256_fingerprint

    if cert is None:
        return replace(
            record, certificate_pem=None, sha1_fingerprint=None, sha256_fingerprint=None, not_after=None, subject=None
        )
    return replace(
        record,
        certificate_pem=cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        sha1_fingerprint=sha1_fingerprint(cert),
        sha256_fingerprint=sha256_fingerprint(cert),
        not_after=cert.not_valid_after_utc.isoformat(),
        subject=cert.subject.rfc4514_string(),
    )


def _unmark_manifests(data: IndexData, name: str) -> None:
    """``name``'s manifest and backup entries are in use again: no longer garbage to collect."""
    for username in (manifest_username(name), backup_username(name)):
        if username in data.garbage:
            data.garbage.remove(username)


def _forget_pending(generation: str) -> Callable[[IndexData], None]:
    """An index change: ``generation`` is no longer being written."""

    def change(data: IndexData) -> None:
        data.pending.pop(generation, None)

    return change


def _check_pair(name: str, key: RSAPrivateKey, cert: x509.Certificate) -> None:
    from sfjwt_gui.core.fingerprints import key_matches_certificate, sha256_fingerprint

    if not key_matches_certificate(key, cert):
        raise error(CertificateError, "vault-pair-mismatch", fingerprint=sha256_fingerprint(cert), shown=repr(name))


class Vault:
    """Named private keys in the OS keyring; see the module docstring for the storage protocol."""

    def __init__(
        self,
        *,
        backend: KeyringBackend | None = None,
        index_dir: Path | None = None,
        service: str = SERVICE,
        platform: str | None = None,
    ) -> None:
        self.service = service
        self._keyring = KeyringAccess(backend, service, platform=platform)
        self._index = VaultIndex(index_dir if index_dir is not None else default_index_dir())
        self._lock = threading.RLock()

    @property
    def index_path(self) -> Path:
        """The JSON index file (non-secret metadata)."""
        return self._index.path

    # ----- status -------------------------------------------------------------------------------------------------

    def status(self, *, probe: bool = True) -> VaultStatus:
        """Whether keys can be stored; with ``probe`` one harmless read checks the keyring is unlocked."""
        try:
            backend_name = self._keyring.backend_name
            self.check_available(probe=probe)
        except VaultError as exc:
            return VaultStatus.from_error(exc, self._keyring.backend_name)
        available = error(VaultError, "vault-available", backend=backend_name)
        return VaultStatus(True, backend_name, available.message, "", available.code, available.params)

    def check_available(self, *, probe: bool = True) -> None:
        """Raise the keyring's own error (unavailable, locked …) now, before slow work that ends in a save."""
        self._keyring.backend  # noqa: B018 - raises when the backend is refused
        if probe:
            self._keyring.get(_PROBE_USERNAME)

    # ----- reading ------------------------------------------------------------------------------------------------

    def list(self) -> list[KeyRecord]:
        """Every stored key's record, sorted by name (reads only the index: no keyring prompt)."""
        keys = self._read_index().keys  # the file is replaced atomically: no lock needed to read it
        return [keys[name] for name in sorted(keys, key=str.casefold)]

    def get(self, name: str) -> KeyRecord:
        """The record of one key."""
        record = self._read_index().keys.get(name)
        if record is None:
            raise self._not_found(name)
        return record

    def load(self, name: str) -> RSAPrivateKey:
        """The private key, read from the keyring and checked against its SHA-256."""
        with self._lock:
            self._keyring.check_backend("load", name)
            record = self._read_index().keys.get(name)
            if record is None:
                self._keyring.get(manifest_username(name))  # a keyring that fails says so before "not found"
                raise self._not_found(name)  # an unlisted manifest is half-made: the next change removes it
            try:
                key = self._load_record(record)
            except VaultCorruptError:
                # another process may have committed a new key between our reads: retry once on its record
                latest = self._read_index().keys.get(name)
                if latest is None or latest == record:
                    raise
                record = latest
                key = self._load_record(record)
            found = _public_key_sha256(key)
            if record.public_key_sha256 and found != record.public_key_sha256:
                raise error(
                    VaultCorruptError,
                    "vault-key-mismatch",
                    shown=repr(name),
                    name=name,
                    found=found,
                    expected=record.public_key_sha256,
                )
            return key

    def _load_record(self, record: KeyRecord) -> RSAPrivateKey:
        """The key ``record`` describes: its generation's manifest (``backup:NAME`` while a switch is uncommitted)."""
        name = record.name
        if record.deleting:
            raise error(VaultCorruptError, "vault-deletion-incomplete", shown=repr(name), name=name)
        manifest = self._record_manifest(record)
        if manifest is None:
            raise self._listed_but_missing(name)
        return self._load_manifest(name, manifest)

    def _record_manifest(self, record: KeyRecord) -> Manifest | None:
        manifest = self._current_manifest(record.name)
        if manifest is not None and record.generation and manifest.generation != record.generation:
            backup = self._parse_or_none(record.name, self._keyring.get(backup_username(record.name)))
            if backup is not None and backup.generation == record.generation:
                return backup  # a save killed after its switch and before its commit: the record's key is the old one
        return manifest

    def load_certificate(self, name: str) -> x509.Certificate | None:
        """The certificate stored with the key, if any."""
        pem = self.get(name).certificate_pem
        if not pem:
            return None
        from cryptography import x509

        return x509.load_pem_x509_certificate(pem.encode("ascii"))

    # ----- changing -----------------------------------------------------------------------------------------------

    def find_duplicate(self, key: RSAPrivateKey, *, besides: str = "") -> KeyRecord | None:
        """The stored key (other than ``besides``) with the same public key as ``key``, if any (index only)."""
        wanted = _public_key_sha256(key)
        for record in self.list():
            if record.name != besides and record.public_key_sha256 == wanted and not record.deleting:
                return record
        return None

    def save(
        self,
        name: str,
        key: RSAPrivateKey,
        certificate: x509.Certificate | None = None,
        *,
        overwrite: bool = False,
        allow_duplicate: bool = False,
    ) -> KeyRecord:
        """Store ``key`` (and its certificate's metadata) under ``name``; KeyExistsError unless ``overwrite``;
        DuplicateKeyError (naming the stored entry in ``existing``) when the same public key is already stored under
        another name, unless ``allow_duplicate``."""
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

        validate_name(name)
        if not isinstance(key, RSAPrivateKey):
            raise error(InputError, "vault-not-rsa", type=type(key).__name__)
        if certificate is not None:
            _check_pair(name, key, certificate)
        der = key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        record = _with_certificate(
            KeyRecord(name=name, created=_utc_now(), key_bits=key.key_size, public_key_sha256=_public_key_sha256(key)),
            certificate,
        )
        self._keyring.check_backend("save", name)
        with self._changing():
            self._recover()
            primary = self._keyring.get(manifest_username(name))
            if not overwrite and self._exists(name, primary):
                raise error(KeyExistsError, "vault-key-exists", shown=repr(name))
            duplicate = None if allow_duplicate else self.find_duplicate(key, besides=name)
            if duplicate is not None:
                raised = error(
                    DuplicateKeyError,
                    "duplicate-key",
                    existing=repr(duplicate.name),
                    shown=repr(name),
                    fingerprint=record.public_key_sha256 or "",
                )
                raised.existing = duplicate.name
                raise raised
            listed = self._read_index().keys.get(name)
            old_text = primary if primary is not None else self._keyring.get(backup_username(name))
            old = self._parse_or_none(name, old_text)
            if listed is not None:  # the chunks the record describes, whatever the manifest says (a killed save)
                described = self._record_manifest(listed)
                old = described if described is not None else old
            manifest, new_chunks = self._write_chunks(name, der)
            if old_text is not None:
                self._guarded(lambda: self._keyring.set(backup_username(name), old_text), manifest)
            self._switch_manifest(name, manifest)
            record = replace(record, generation=manifest.generation)

            def commit(data: IndexData) -> None:
                data.keys[name] = record
                data.garbage.extend(old.chunk_usernames() if old else [])
                data.pending.pop(manifest.generation, None)
                _unmark_manifests(data, name)
                if old_text is not None:  # committed: the backup is not needed any more, even if we die next
                    data.garbage.append(backup_username(name))

            try:
                self._update_index(commit)
            except BaseException:
                # put the old manifest back (or remove the new one), then drop the new chunks
                with contextlib.suppress(VaultError):
                    if old_text is not None:
                        self._keyring.set(manifest_username(name), old_text)
                    else:
                        self._keyring.delete(manifest_username(name))
                    self._discard(new_chunks)
                raise
            if old_text is not None:  # otherwise there was no backup entry to begin with
                with contextlib.suppress(VaultError):
                    self._keyring.delete(backup_username(name))
            self._collect_garbage()
        return record

    def rename(self, old: str, new: str) -> KeyRecord:
        """Give a key a new name: copy its chunks under the new name, switch the index, then remove the old entries."""
        validate_name(new)
        self._keyring.check_backend("rename", old)
        with self._changing():
            self._recover()
            record = self.get(old)
            if new == old:
                return record
            if self._exists(new, self._keyring.get(manifest_username(new))):
                raise error(KeyExistsError, "vault-rename-target-exists", shown=repr(new))
            if record.deleting:
                raise error(VaultCorruptError, "vault-deletion-incomplete", shown=repr(old), name=old)
            current = self._record_manifest(record)
            if current is None:
                raise self._listed_but_missing(old)
            der = self._read_der(old, current)
            manifest, new_chunks = self._write_chunks(new, der)
            self._switch_manifest(new, manifest)
            renamed = replace(record, name=new, generation=manifest.generation)

            def commit(data: IndexData) -> None:
                data.keys.pop(old, None)
                data.keys[new] = renamed
                data.garbage.extend([*current.chunk_usernames(), backup_username(old), manifest_username(old)])
                data.pending.pop(manifest.generation, None)
                _unmark_manifests(data, new)

            try:
                self._update_index(commit)
            except BaseException:
                with contextlib.suppress(VaultError):
                    self._keyring.delete(manifest_username(new))
                    self._discard(new_chunks)
                raise
            self._collect_garbage()
        return renamed

    def delete(self, name: str) -> None:
        """Remove the key: every chunk, both manifests, then its record. A failed delete can simply be retried."""
        self._keyring.check_backend("delete", name)
        with self._changing():
            before = self._read_index().keys.get(name)
            self._recover()  # finishes an interrupted deletion of this very key too
            data = self._read_index()
            texts = [self._keyring.get(manifest_username(name)), self._keyring.get(backup_username(name))]
            record = data.keys.get(name)
            if record is None and all(t is None for t in texts):
                if before is not None and before.deleting:
                    return  # "run `keys delete` again" did what it said
                raise self._not_found(name)
            unmarked = record if record is not None and not record.deleting else None
            if unmarked is not None:
                marked = replace(unmarked, deleting=True)  # a kill from here on lists it as "deletion incomplete"
                self._update_index(lambda fresh: fresh.keys.__setitem__(name, marked))
            self._finish_delete(name, texts, whole=unmarked)

    def _finish_delete(self, name: str, texts: ManifestTexts, *, whole: KeyRecord | None = None) -> None:
        """Remove every entry of ``name`` (chunks of both manifests, then the manifests), then its record.
        ``whole``: the record before this deletion marked it, put back if not even the first entry goes."""
        doomed: Usernames = []
        for text in texts:
            manifest = self._parse_or_none(name, text)
            if manifest is not None:
                doomed.extend(manifest.chunk_usernames())
        for number, username in enumerate([*doomed, backup_username(name), manifest_username(name)]):
            try:
                self._keyring.delete(username)
            except VaultError:
                if number == 0 and whole is not None:  # nothing removed: the key is whole, not half-deleted
                    with contextlib.suppress(VaultError):
                        self._update_index(lambda data: data.keys.__setitem__(name, whole))
                raise
        self._update_index(lambda data: data.keys.pop(name, None))

    def set_certificate(self, name: str, cert: x509.Certificate) -> KeyRecord:
        """Attach (or replace) the certificate of a stored key; it must carry the key's public half."""
        with self._changing():
            record = self.get(name)
            _check_pair(name, self.load(name), cert)
            updated = _with_certificate(record, cert)

            def commit(data: IndexData) -> None:
                data.keys[name] = updated

            self._update_index(commit)
        return updated

    def collect_garbage(self) -> Usernames:
        """Retry removing keyring entries left over by earlier failures; returns those still left."""
        with self._changing():
            self._recover()
            return self._collect_garbage()

    # ----- internals ----------------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _changing(self) -> Iterator[None]:
        """One change at a time: across threads (RLock) and across processes (the index's file lock)."""
        with self._lock, contextlib.ExitStack() as stack:
            try:
                stack.enter_context(self._index.locked())
            except OSError as exc:
                raise error(
                    VaultError,
                    "vault-index-lock",
                    directory=repr(str(self._index.directory)),
                    detail=str(exc.strerror or exc),
                ) from exc
            yield

    def _not_found(self, name: str) -> KeyNotFoundError:
        names = ", ".join(sorted(self._read_index().keys))
        if not names:
            return error(KeyNotFoundError, "vault-not-found-empty", shown=repr(name))
        return error(KeyNotFoundError, "vault-not-found", shown=repr(name), names=names)

    def _listed_but_missing(self, name: str) -> VaultCorruptError:
        return error(VaultCorruptError, "vault-listed-missing", shown=repr(name), backend=self._keyring.backend_name)

    def _read_index(self) -> IndexData:
        return self._index.read()

    def _update_index(self, change: Callable[[IndexData], object]) -> None:
        data = self._read_index()
        change(data)
        try:
            self._index.write(data)
        except OSError as exc:
            raise error(
                VaultError, "vault-index-write", path=repr(str(self._index.path)), detail=str(exc.strerror or exc)
            ) from exc

    def _exists(self, name: str, primary: str | None) -> bool:
        """Listed, or a manifest in the keyring (``primary``) that is not a leftover waiting for removal."""
        data = self._read_index()
        return name in data.keys or (primary is not None and manifest_username(name) not in data.garbage)

    def _parse_or_none(self, name: str, text: str | None) -> Manifest | None:
        if text is None:
            return None
        try:
            return Manifest.from_text(text, name=name)
        except VaultCorruptError:
            return None

    def _current_manifest(self, name: str) -> Manifest | None:
        text = self._keyring.get(manifest_username(name))
        if text is None:  # a save switching over on a backend whose "replace" is delete + add
            text = self._keyring.get(backup_username(name))
        return None if text is None else Manifest.from_text(text, name=name)

    def _read_der(self, name: str, manifest: Manifest) -> bytes:
        pieces = [self._keyring.get(username) for username in manifest.chunk_usernames()]
        return join_chunks(manifest, pieces, name=name)

    def _load_manifest(self, name: str, manifest: Manifest) -> RSAPrivateKey:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

        der = self._read_der(name, manifest)
        try:
            # The bytes match the SHA-256 of what save() serialised from a validated key object, so the slow RSA
            # consistency check (tens of ms per load) would only re-prove that.
            key = serialization.load_der_private_key(der, password=None, unsafe_skip_rsa_key_validation=True)
        except ValueError as exc:
            raise error(VaultCorruptError, "vault-not-readable", shown=repr(name)) from exc
        if not isinstance(key, RSAPrivateKey):
            raise error(VaultCorruptError, "vault-stored-not-rsa", shown=repr(name))
        return key

    def _write_chunks(self, name: str, der: bytes) -> tuple[Manifest, Usernames]:
        manifest, pieces = split_der(der, new_generation())
        pending = Pending(name, manifest.chunks)
        self._update_index(lambda data: data.pending.__setitem__(manifest.generation, pending))  # before any chunk
        written: Usernames = []
        try:
            for username, piece in zip(manifest.chunk_usernames(), pieces, strict=True):
                written.append(username)  # before the write: a failed write may still have stored something
                self._keyring.set(username, piece)
        except BaseException:
            self._discard(written)
            raise
        return manifest, written

    def _guarded(self, step: Callable[[], object], manifest: Manifest) -> None:
        """Run ``step``; on failure drop the new (still unused) chunks and re-raise."""
        try:
            step()
        except BaseException:
            self._discard(manifest.chunk_usernames())
            raise

    def _switch_manifest(self, name: str, manifest: Manifest) -> None:
        text = manifest.to_text()
        try:
            self._keyring.set(manifest_username(name), text)
        except VaultError:
            with contextlib.suppress(VaultError):
                if self._keyring.get(manifest_username(name)) == text:
                    return  # the backend stored it and still reported an error: the switch happened
            self._discard(manifest.chunk_usernames())
            raise

    def _discard(self, usernames: Usernames) -> None:
        """Best-effort removal of unused chunks; what fails is remembered as garbage."""
        left = []
        for username in usernames:
            try:
                self._keyring.delete(username)
            except VaultError:
                left.append(username)
        if left:
            with contextlib.suppress(VaultError, VaultCorruptError):
                self._update_index(lambda data: data.garbage.extend(left))

    def _recover(self) -> None:
        """Finish what a killed or failed change left: complete marked deletions, roll back uncommitted generations
        (the manifest put back, the chunks removed). Runs under the change lock at the start of every change."""
        data = self._read_index()
        for name, record in list(data.keys.items()):
            if record.deleting:
                texts = [self._keyring.get(manifest_username(name)), self._keyring.get(backup_username(name))]
                self._finish_delete(name, texts)
        committed = {record.generation for record in data.keys.values() if record.generation}
        for generation, pending in data.pending.items():
            if generation not in committed:
                self._roll_back(generation, pending, data.keys.get(pending.name))
            self._update_index(_forget_pending(generation))
        self._collect_garbage()

    def _roll_back(self, generation: str, pending: Pending, record: KeyRecord | None) -> None:
        """Undo an uncommitted save or rename: the name's manifest back to what its record describes, chunks gone."""
        name = pending.name
        current = self._parse_or_none(name, self._keyring.get(manifest_username(name)))
        if current is not None and current.generation == generation:
            backup = self._keyring.get(backup_username(name))
            if record is not None and backup is not None:
                self._keyring.set(manifest_username(name), backup)
            else:
                self._keyring.delete(manifest_username(name))
        for index in range(pending.chunks):
            self._keyring.delete(chunk_username(generation, index))

    def _collect_garbage(self) -> Usernames:
        data = self._read_index()
        if not data.garbage:
            return []
        left: Usernames = []
        for username in data.garbage:
            kind, _, rest = username.partition(":")
            if kind == "manifest" and rest in data.keys:
                continue  # the name is in use again: that entry is live now (a backup is only live inside a save)
            try:
                self._keyring.delete(username)
            except VaultError:
                left.append(username)
        with contextlib.suppress(VaultError):
            self._update_index(lambda fresh: setattr(fresh, "garbage", [g for g in fresh.garbage if g in left]))
        return left
