"""Where a save dialog starts: the last folder the user chose, else their Documents folder, else home — never the
process's working directory (for the window, that is wherever it was started from, e.g. a source checkout).

Contract: pure apart from ``is_dir`` checks; returns a suggested path, creates nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_file_stem(name: str, fallback: str = "certificate") -> str:
    """``name`` as a file name stem: runs of anything but letters, digits, ``.``, ``_`` and ``-`` become ``-``."""
    stem = _UNSAFE.sub("-", name).strip("-.")
    return stem[:64] or fallback


def start_folder(last_folder: str | Path | None = None, *, documents: str | Path | None = None) -> Path:
    """The folder a save dialog opens in: ``last_folder`` when it still exists, else Documents, else home."""
    if last_folder and Path(last_folder).is_dir():
        return Path(last_folder)
    if documents is None:
        import platformdirs

        documents = platformdirs.user_documents_dir()
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def suggested_path(key_name: str, suffix: str = ".crt", last_folder: str | Path | None = None) -> Path:
    """The full path a "Save certificate for Salesforce" dialog proposes for key ``key_name``."""
    return start_folder(last_folder) / f"{safe_file_stem(key_name)}{suffix}"
