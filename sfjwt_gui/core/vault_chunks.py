"""How one private key is laid out in the keyring: base64 chunks that fit every backend, plus a manifest.

Windows Credential Manager holds at most 2,560 bytes per entry, stored as UTF-16, so an RSA-2048 PEM does not fit.
The key is stored as PKCS#8 DER in base64, cut into chunks of at most ``CHUNK_CHARS`` characters (2,000 bytes in
UTF-16). The manifest (JSON, also small) records the chunk count, the generation id the chunks are filed under and
the SHA-256 of the DER, so loading can prove it got every byte back.

Keyring entries of the service (usernames; prefixes keep the three kinds apart whatever a key is called):
``manifest:NAME`` the current manifest · ``backup:NAME`` the previous manifest while a save is switching ·
``chunk:GENERATION:INDEX`` one piece of base64 (a generation id is never reused).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import secrets
from dataclasses import dataclass

from sfjwt_gui.core import safe_json
from sfjwt_gui.core.errors import VaultCorruptError
from sfjwt_gui.core.key_texts import error

CHUNK_CHARS = 1000
MANIFEST_VERSION = 1
MAX_CHUNKS = 64  # an RSA-4096 key needs 4; anything near this is not ours
_GENERATION = re.compile(r"^[0-9a-f]{32}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def manifest_username(name: str) -> str:
    """Keyring username of a key's current manifest."""
    return f"manifest:{name}"


def backup_username(name: str) -> str:
    """Keyring username of a key's previous manifest, kept only while a save switches over."""
    return f"backup:{name}"


def chunk_username(generation: str, index: int) -> str:
    """Keyring username of one chunk."""
    return f"chunk:{generation}:{index}"


def new_generation() -> str:
    """A fresh, never-reused generation id."""
    return secrets.token_hex(16)


@dataclass(frozen=True)
class Manifest:
    """What the ``manifest:NAME`` entry holds (no key material: a count, an id and a checksum)."""

    generation: str
    chunks: int
    sha256: str
    version: int = MANIFEST_VERSION

    def chunk_usernames(self) -> list[str]:
        """Usernames of every chunk this manifest points at, in order."""
        return [chunk_username(self.generation, i) for i in range(self.chunks)]

    def to_text(self) -> str:
        """Compact JSON for the keyring entry."""
        return json.dumps(
            {"version": self.version, "format": "pkcs8-der-base64", "generation": self.generation,
             "chunks": self.chunks, "sha256": self.sha256},
            separators=(",", ":"),
        )  # fmt: skip

    @classmethod
    def from_text(cls, text: str, *, name: str) -> Manifest:
        """Parse and validate a manifest entry; VaultCorruptError when it is not one of ours."""
        try:
            data = safe_json.loads(text)
        except ValueError as exc:
            raise error(VaultCorruptError, "vault-manifest-not-json", shown=repr(name)) from exc
        if not isinstance(data, dict):
            raise error(VaultCorruptError, "vault-manifest-not-object", shown=repr(name))
        version, generation, chunks, sha256 = (data.get(k) for k in ("version", "generation", "chunks", "sha256"))
        if version != MANIFEST_VERSION:
            raise error(
                VaultCorruptError,
                "vault-manifest-version",
                shown=repr(name),
                version=repr(version),
                supported=str(MANIFEST_VERSION),
            )
        valid = (
            isinstance(generation, str)
            and _GENERATION.match(generation)
            and isinstance(chunks, int)
            and not isinstance(chunks, bool)
            and 1 <= chunks <= MAX_CHUNKS
            and isinstance(sha256, str)
            and _SHA256.match(sha256)
        )
        if not valid:
            raise error(VaultCorruptError, "vault-manifest-invalid", shown=repr(name))
        assert isinstance(generation, str)
        assert isinstance(chunks, int)
        assert isinstance(sha256, str)
        return cls(generation=generation, chunks=chunks, sha256=sha256)


def split_der(der: bytes, generation: str) -> tuple[Manifest, list[str]]:
    """The manifest and the base64 chunks for one DER blob."""
    text = base64.b64encode(der).decode("ascii")
    pieces = [text[i : i + CHUNK_CHARS] for i in range(0, len(text), CHUNK_CHARS)]
    manifest = Manifest(generation=generation, chunks=len(pieces), sha256=hashlib.sha256(der).hexdigest())
    return manifest, pieces


def join_chunks(manifest: Manifest, pieces: list[str | None], *, name: str) -> bytes:
    """Reassemble and verify the DER; VaultCorruptError for a missing chunk or a checksum mismatch."""
    missing = [i for i, piece in enumerate(pieces) if piece is None]
    if missing:
        raise error(
            VaultCorruptError,
            "vault-chunk-missing",
            shown=repr(name),
            index=str(missing[0] + 1),
            count=str(manifest.chunks),
        )
    text = "".join(piece for piece in pieces if piece is not None)
    try:
        der = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise error(VaultCorruptError, "vault-chunk-not-base64", shown=repr(name)) from exc
    if hashlib.sha256(der).hexdigest() != manifest.sha256:
        raise error(VaultCorruptError, "vault-checksum", shown=repr(name), count=str(manifest.chunks))
    return der
