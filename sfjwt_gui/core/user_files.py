"""The user's files, read and written safely: the one way every front end touches a path it was given.

Reading (``read_bounded``, ``read_stream_bounded``): a FIFO, device, socket or directory is refused before it is
opened (and re-checked on the open handle, opened non-blocking, so a swap in between cannot block), and never more
than the limit + 1 bytes are read, whatever ``st_size`` claims (it is 0 for ``/dev/zero``).

Writing (``check_output``, ``write_files``): only a regular file is ever replaced. Each file is written to a temporary
file in the target's folder (its mode set at creation, flushed to disk) and moved into place with ``os.replace``
(``os.link`` when the target must not exist, so a file that appears meanwhile is not overwritten). A device, FIFO,
socket, symbolic link or directory at the target is refused. Every target is checked and every temporary file
written before the first one is moved; if a later move fails, the earlier ones are undone (the replaced file put
back), so a command writing two files never leaves one of them behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sfjwt_gui.core.errors import InputError
from sfjwt_gui.core.key_texts import error

# Read limits (bytes) of each kind of input; a limit is what the README documents.
KEY_FILE_LIMIT = 10 * 1024 * 1024  # keys, certificates, keystores (also key_loading.MAX_INPUT_BYTES)
PASSPHRASE_FILE_LIMIT = 64 * 1024
ORG_FILE_LIMIT = 4 * 1024 * 1024
TEXT_INPUT_LIMIT = 1_000_000  # a JWT, an error body or a log excerpt on standard input

_READ_CHUNK = 1 << 20


def file_kind(mode: int) -> str:
    """The ``file-kind`` term id of a stat mode (regular, directory, fifo, device, socket, symlink, other)."""
    if stat.S_ISREG(mode):
        return "regular"
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISLNK(mode):
        return "symlink"
    return "other"


def _shown(path: str | Path) -> str:
    return repr(os.fsdecode(path))


def _not_regular(path: str | Path, mode: int, cls: type[InputError]) -> InputError:
    return error(cls, "file-not-regular", path=_shown(path), file_kind=file_kind(mode))


def _too_large(source: str, limit: int, cls: type[InputError]) -> InputError:
    return error(cls, "file-too-large", path=source, limit=str(limit))


def read_bounded(path: str | Path, *, limit: int, cls: type[InputError] = InputError) -> bytes:
    """The bytes of the regular file ``path``; ``cls`` (an InputError) when it is not one, cannot be read or holds
    more than ``limit`` bytes."""
    nonblock = getattr(os, "O_NONBLOCK", 0)
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(path, mode, cls)
        fd = os.open(path, os.O_RDONLY | nonblock | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise error(cls, "file-unreadable", path=_shown(path), detail=str(exc.strerror or exc)) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # replaced between stat and open
            raise _not_regular(path, mode, cls)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = _read_upto(handle, limit)
    except OSError as exc:
        raise error(cls, "file-unreadable", path=_shown(path), detail=str(exc.strerror or exc)) from exc
    finally:
        os.close(fd)
    if len(data) > limit:
        raise _too_large(_shown(path), limit, cls)
    return data


def read_stream_bounded(stream: BinaryIO, *, limit: int, cls: type[InputError] = InputError) -> bytes:
    """At most ``limit`` bytes of a stream (standard input); ``cls`` when it holds more."""
    data = _read_upto(stream, limit)
    if len(data) > limit:
        raise error(cls, "stdin-too-large", limit=str(limit))
    return data


def _read_upto(stream: BinaryIO, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes (one more than allowed, to tell "exactly the limit" from "more")."""
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = stream.read(min(_READ_CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


# ----- writing ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewFile:
    """One file to write: where, what and with which mode (0600 for keys)."""

    path: Path
    data: bytes
    mode: int


def check_output(path: str | Path, *, force: bool) -> Path:
    """``path`` if a file may be written there: its folder exists, and nothing is there, or (with ``force``) a regular
    file. A directory, device, FIFO, socket or symbolic link is never replaced."""
    target = Path(path)
    try:
        mode: int | None = os.lstat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise error(InputError, "output-unwritable", path=_shown(target), detail=str(exc.strerror or exc)) from exc
    if mode is not None:
        if not stat.S_ISREG(mode):
            raise error(InputError, "output-not-regular", path=_shown(target), file_kind=file_kind(mode))
        if not force:
            raise error(InputError, "output-exists", path=_shown(target))
    if not target.parent.is_dir():
        raise error(InputError, "output-no-folder", path=_shown(target))
    return target


def write_files(files: Sequence[NewFile], *, force: bool) -> None:
    """Write every file of ``files`` or none of them (see the module docstring)."""
    for item in files:
        check_output(item.path, force=force)
    staged: list[tuple[NewFile, str]] = []
    try:
        for item in files:
            staged.append((item, _stage(item)))
    except BaseException:
        for _, tmp in staged:
            _unlink_quietly(tmp)
        raise
    done: list[tuple[Path, str | None]] = []  # (target, backup of the file it replaced)
    try:
        for item, tmp in staged:
            done.append((item.path, _commit(item.path, tmp, force=force)))
    except BaseException:
        for target, backup in reversed(done):
            with contextlib.suppress(OSError):
                if backup is None:
                    os.unlink(target)
                else:
                    os.replace(backup, target)
        for _, tmp in staged:
            _unlink_quietly(tmp)
        raise
    for _, backup in done:
        if backup is not None:
            _unlink_quietly(backup)


def _stage(item: NewFile) -> str:
    """Write ``item`` to a temporary file beside its target; returns the temporary path."""
    folder = item.path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{item.path.name[:40]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise error(InputError, "output-unwritable", path=_shown(item.path), detail=str(exc.strerror or exc)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), item.mode)  # exact: umask does not apply to fchmod
            handle.write(item.data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        _unlink_quietly(tmp)
        raise error(InputError, "output-unwritable", path=_shown(item.path), detail=str(exc.strerror or exc)) from exc
    return tmp


def _commit(target: Path, tmp: str, *, force: bool) -> str | None:
    """Move ``tmp`` to ``target``; returns a backup of the regular file it replaced (None if there was none)."""
    try:
        try:
            mode: int | None = os.lstat(target).st_mode
        except FileNotFoundError:
            mode = None
        if mode is None:
            try:
                os.link(tmp, target)  # fails if something appeared at target meanwhile: nothing is overwritten
            except FileExistsError:
                raise error(InputError, "output-exists", path=_shown(target)) from None
            except OSError:  # a file system without hard links: a plain move
                os.replace(tmp, target)
                return None
            os.unlink(tmp)
            return None
        if not stat.S_ISREG(mode):
            raise error(InputError, "output-not-regular", path=_shown(target), file_kind=file_kind(mode))
        if not force:
            raise error(InputError, "output-exists", path=_shown(target))
        backup = tmp + ".old"
        try:
            os.link(target, backup)
        except OSError:
            backup = ""
        os.replace(tmp, target)
        return backup or None
    except OSError as exc:
        raise error(InputError, "output-unwritable", path=_shown(target), detail=str(exc.strerror or exc)) from exc


def _unlink_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
