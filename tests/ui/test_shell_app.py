"""The entry point: ``sfjwt-gui --practice`` starts the practice org and fills the connection; Ctrl+G generates."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from sfjwt_gui.ui.application import parse_args
from sfjwt_gui.ui.main_window import MainWindow


def test_parse_args_reads_our_flags_and_leaves_qts() -> None:
    opts = parse_args(["sfjwt-gui", "--practice", "--scenario", "user-not-approved", "--lang=ja", "-platform", "x"])
    assert opts.practice
    assert opts.scenario == "user-not-approved"
    assert opts.lang == "ja"
    with pytest.raises(SystemExit, match="--lang must be one of en, ja"):
        parse_args(["sfjwt-gui", "--lang", "de"])


DRIVER = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sfjwt_gui.ui import application
from sfjwt_gui.ui.main_window import MainWindow

seen = {}

def poll():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    window = windows[0] if windows else None
    if window is not None and window.state.practice is not None:
        seen["step_after_start"] = window.current_step()
        window.page("send").exchange_finished.connect(lambda result: finish(window, result))
        window.send()
        return
    QTimer.singleShot(50, poll)

def finish(window, result):
    seen["description"] = result.error_description
    seen["step"] = window.current_step()
    seen["title"] = window.page("diagnosis").view.title.text()
    window.close()

QTimer.singleShot(0, poll)
QTimer.singleShot(60_000, QApplication.quit)
seen["exit"] = application.run(["sfjwt-gui", "--practice", "--scenario", "user-not-approved"])
print(json.dumps(seen))
"""


def test_practice_flag_runs_the_app_with_the_practice_org(ui_settings: Path, data_dir: Path) -> None:
    """``sfjwt-gui --practice --scenario user-not-approved`` in a fresh process: the real ``run()``; the driver
    waits for the practice org, presses Send and closes the window."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    done = subprocess.run([sys.executable, "-c", DRIVER], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["exit"] == 0
    assert seen["step_after_start"] == "send"  # practice mode lands where the next action is
    assert seen["description"] == "user hasn't approved this consumer"
    assert seen["step"] == "diagnosis"
    assert seen["title"] == "The user has not approved this app"


def test_ctrl_g_generates_a_key_in_the_background(qtbot: Any, main_window: MainWindow) -> None:
    from PySide6.QtWidgets import QLineEdit

    session = main_window.state
    main_window.page("key").findChild(QLineEdit, "cnEdit").setText("shortcut-test")
    qtbot.keyClick(main_window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_step() == "key"
    qtbot.waitUntil(lambda: session.private_key is not None, timeout=60_000)
    assert session.certificate is not None
