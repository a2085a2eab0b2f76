"""The start-up path after the first frame: a pool thread opens the keyring while every page is built;
``--quit-when-ready`` (the start-up benchmark's "ready") waits for both. The network and diagnosis modules (httpx)
are not needed to build a page: they are imported in the background once the window is ready. Start-up
shortcuts change no answer: httpx's own CLI (click, rich) is never loaded, and the quicker PySide6 feature check
answers like PySide6's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DRIVER = """
import sys
from sfjwt_gui.ui import application
from sfjwt_gui.ui.main_window import MainWindow
from PySide6.QtWidgets import QApplication

code = application.run(["sfjwt-gui", "--quit-when-ready"])
window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
print("pages", window.pages_ready(), "keyring", "keyring" in sys.modules, "click", "click" in sys.modules)
print("httpx", "httpx" in sys.modules)
print("exit", code)
"""


def test_ready_means_every_page_built_and_the_keyring_opened(ui_settings: Path, data_dir: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    done = subprocess.run([sys.executable, "-c", DRIVER], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[0] == "ready"
    assert lines[1] == "pages True keyring True click False"
    assert lines[2] == "httpx False"
    assert lines[3] == "exit 0"


WARMED = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sfjwt_gui.ui import application

def poll():
    if all(name in sys.modules for name in application.WARM_UP):
        print("warmed")
        QApplication.quit()
    else:
        QTimer.singleShot(20, poll)

QTimer.singleShot(0, poll)
QTimer.singleShot(60000, QApplication.quit)
print("exit", application.run(["sfjwt-gui"]))
"""


def test_the_first_send_finds_its_modules_imported_after_ready(ui_settings: Path, data_dir: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    done = subprocess.run([sys.executable, "-c", WARMED], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["warmed", "exit", "0"]


def test_httpx_keeps_its_api_without_its_command_line_client() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, sfjwt_gui.core.exchange, httpx; print(httpx.Client.__name__, 'click' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["Client", "False"]


def test_quick_feature_check_answers_like_pyside() -> None:
    import json

    import sfjwt_gui.core.claims
    import sfjwt_gui.ui.main_window
    from sfjwt_gui.ui.application import _quick_feature_check

    feature = sys.modules["shibokensupport.feature"]
    upstream = feature._mod_uses_pyside
    _quick_feature_check()
    quick = feature._mod_uses_pyside
    try:
        for module in (sfjwt_gui.ui.main_window, sfjwt_gui.core.claims, json, os, sys):
            assert quick(module) == upstream(module), module.__name__
        assert quick(sfjwt_gui.ui.main_window)
        assert not quick(sfjwt_gui.core.claims)
    finally:
        feature._mod_uses_pyside = upstream
