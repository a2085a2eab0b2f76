"""The one unencrypted key file sfjwt-gui writes: for tools that read nothing else (``sf org login jwt
--jwt-key-file``, the Python snippet), and only after the caller has asked the user.

Contract: ``write_key_for_command`` refuses without ``confirmed=True`` (the caller shows ``confirmation_text`` first);
writes PKCS#8 PEM with mode 0600 through a temporary file in the same folder and ``os.replace``, so a reader sees the
old file or the new one, never half of one; replaces only a regular file owned by this user that already holds an
unencrypted PEM private key (what this function writes), never a link, a folder, a device or anyone's other file.
Errors are ``ExportError`` with codes (``resources/keys/certificates.json``).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sfjwt_gui.core.errors import ExportError
from sfjwt_gui.core.key_texts import check_language, error, render

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

_PEM_KEY_HEADERS = (b"-----BEGIN PRIVATE KEY-----", b"-----BEGIN RSA PRIVATE KEY-----")
_MAX_EXISTING = 64 * 1024  # an RSA-4096 PEM is about 3.3 KB: anything far larger is not a key file of ours


def confirmation_text(name: str, path: str | Path, lang: str = "en") -> str:
    """What the user must confirm before ``write_key_for_command`` (for a dialog or a terminal prompt)."""
    text = render("prompts", "key-file-confirm", {"shown": repr(name), "path": str(path)}, check_language(lang))
    assert text is not None
    return text


def needed_text(lang: str = "en") -> str:
    """What a snippet says while no key file has been written: which file it needs and how to get it."""
    text = render("prompts", "key-file-needed", {}, check_language(lang))
    assert text is not None
    return text


def is_unencrypted_pem_key(path: str | Path) -> bool:
    """True when ``path`` is a regular file (not a link) starting with an unencrypted PEM private key header."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_EXISTING:
            return False
        with open(path, "rb") as handle:
            head = handle.read(_MAX_EXISTING).lstrip()
    except OSError:
        return False
    return head.startswith(_PEM_KEY_HEADERS) and b"ENCRYPTED" not in head


def _refusal(path: Path) -> str | None:
    """Why ``path`` must not be replaced (a ``not_ours`` term id), or None when it is absent or a key file of ours."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError:
        return "not-regular"
    if not stat.S_ISREG(info.st_mode):
        return "not-regular"
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return "not-owner"
    return None if is_unencrypted_pem_key(path) else "not-key"


def write_key_for_command(key: RSAPrivateKey, path: str | Path, *, name: str, confirmed: bool) -> Path:
    """Write ``key`` unencrypted (PKCS#8 PEM, mode 0600) to ``path`` after the user confirmed; returns the path."""
    from cryptography.hazmat.primitives import serialization

    target = Path(path).expanduser()
    if not confirmed:
        raise error(ExportError, "key-file-unconfirmed", shown=repr(name), path=repr(str(target)))
    reason = _refusal(target)
    if reason is not None:
        raise error(ExportError, "key-file-not-ours", path=repr(str(target)), not_ours=reason)
    data = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, temporary = tempfile.mkstemp(prefix=".sfjwt-key-", suffix=".tmp", dir=folder)  # created 0600
    except OSError as exc:
        raise error(ExportError, "key-file-write", path=repr(str(target)), detail=str(exc.strerror or exc)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), 0o600)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if _refusal(target) is not None:  # something else took the name meanwhile: leave it alone
            raise error(ExportError, "key-file-not-ours", path=repr(str(target)), not_ours=_refusal(target) or "")
        os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise error(ExportError, "key-file-write", path=repr(str(target)), detail=str(exc.strerror or exc)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return target.resolve()
