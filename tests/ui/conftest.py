"""Fixtures for the UI tests: an in-memory keyring, a vault on it, a session, the practice org and the main window.

Every fixture uses the real code (core Vault, PracticeServer, MainWindow); only the OS keyring is replaced by a real
``keyring.backend.KeyringBackend`` that keeps its secrets in a dict, so tests never touch the user's keyring.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from drops import send_drop
from memory_backend import MemoryKeyring

# The offscreen platform plugin warns that it cannot propagate size hints whenever a top-level window's size
# constraints change; it is a limitation of the test platform, not of the app, so UI tests ignore only that line.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Ignore the offscreen plugin's size-hint warning in the UI tests (every other Qt warning still fails)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    """A fresh in-memory keyring backend."""
    return MemoryKeyring()


@pytest.fixture
def ui_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep QSettings (geometry) and the profile folder in a tmp dir: tests never touch the user's settings."""
    path = tmp_path / "qsettings"
    path.mkdir()
    monkeypatch.setenv("SFJWT_SETTINGS_DIR", str(path))
    monkeypatch.setenv("SFJWT_CONFIG_DIR", str(tmp_path / "config"))  # connection profiles (core.profiles)
    return path


@pytest.fixture
def vault(memory_keyring: MemoryKeyring, data_dir: Path) -> Any:
    """The core Vault on the in-memory keyring, its index in the test's data dir."""
    from sfjwt_gui.core.vault import Vault

    return Vault(backend=memory_keyring, index_dir=data_dir)


@pytest.fixture
def session(qtbot: Any, vault: Any) -> Any:
    """A Session holding the test vault."""
    from sfjwt_gui.ui.state import AppState

    session = AppState()
    session.vault = vault
    return session


@pytest.fixture
def practice_server() -> Iterator[Any]:
    """The practice org over TLS on 127.0.0.1 (scenario "healthy", no certificate uploaded yet)."""
    from sfjwt_gui.practice import PracticeServer

    with PracticeServer(tls=True) as server:
        yield server


@pytest.fixture
def main_window(qtbot: Any, session: Any, ui_settings: Path) -> Iterator[Any]:
    """The real main window on the test session, shown offscreen; closed and its jobs drained afterwards."""
    from sfjwt_gui.ui.main_window import MainWindow
    from sfjwt_gui.ui.worker import wait_for_all

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    wait_for_all()


@pytest.fixture
def drop_file() -> Any:
    """``drop_file(widget, path)``: drop a local file on a widget."""
    from PySide6.QtCore import QMimeData, QUrl

    def drop(widget: Any, path: Path) -> None:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        send_drop(widget, mime)

    return drop


@pytest.fixture
def drop_text() -> Any:
    """``drop_text(widget, text)``: drop plain text on a widget."""
    from PySide6.QtCore import QMimeData

    def drop(widget: Any, text: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        send_drop(widget, mime)

    return drop
