"""File pickers (one place, so tests can answer them) and a writer that keeps secret files private."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def key_file_filter() -> str:
    """Filter for key, certificate and keystore files."""
    return ";;".join(
        (
            QCoreApplication.translate(
                "FileDialogs",
                "Keys and certificates (*.pem *.key *.crt *.cer *.der *.p12 *.pfx *.jks *.keystore *.txt)",
            ),
            QCoreApplication.translate("FileDialogs", "All files (*)"),
        )
    )


def certificate_file_filter() -> str:
    """Filter for certificate files."""
    return ";;".join(
        (
            QCoreApplication.translate("FileDialogs", "Certificates (*.crt *.cer *.pem *.der)"),
            QCoreApplication.translate("FileDialogs", "All files (*)"),
        )
    )


def choose_open_path(parent: QWidget | None, caption: str, file_filter: str) -> Path | None:
    """Ask for a file to open; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, caption, "", file_filter)
    return Path(path) if path else None


def choose_save_path(parent: QWidget | None, caption: str, suggested: str, file_filter: str) -> Path | None:
    """Ask where to save; None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
    return Path(path) if path else None


def write_file(path: Path, data: bytes, *, private: bool) -> Path:
    """Write bytes; private files (keys, keystores) are created readable by the owner only (0600)."""
    if not private:
        path.write_bytes(data)
        return path
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # an existing file keeps its old mode through O_CREAT
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
    return path
