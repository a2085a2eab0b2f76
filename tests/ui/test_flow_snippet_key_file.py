"""Issue 10 on the Signed JWT page: a snippet names only files that exist. Until the key is exported it says which
file it needs; "Export the key for this command…" asks where, shows core's confirmation, writes the key (0600) and
the snippet names that real path; the Python snippet taken from the window then gets a token from the practice org."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog
from ui_flow import start_practice

from sfjwt_gui.core.key_file import confirmation_text, needed_text
from sfjwt_gui.core.snippets import SnippetKind
from sfjwt_gui.ui.dialogs.confirm import ConfirmDialog
from sfjwt_gui.ui.main_window import MainWindow
from sfjwt_gui.ui.pages import snippet_key_file
from sfjwt_gui.ui.worker import wait_for_all

TIMEOUT = 30_000


def _choose(page: Any, kind: SnippetKind) -> str:
    page.snippet_kind.setCurrentIndex(page.snippet_kind.findData(kind.value))
    return str(page.snippet.toPlainText())


def test_export_the_key_for_the_command_then_the_snippet_runs(
    qtbot: Any, main_window: MainWindow, tmp_path: Path, monkeypatch: Any
) -> None:
    start_practice(qtbot, main_window)
    page = main_window.show_step("token")
    before = _choose(page, SnippetKind.SF_CLI)
    assert "server.pass.key" not in before
    assert "server.key" not in before
    assert needed_text("en").split(":")[0] in " ".join(before.split())  # says plainly which file it needs

    target = tmp_path / "for-sf.pem"
    questions: list[str] = []
    answers = [QDialog.DialogCode.Rejected, QDialog.DialogCode.Accepted]

    def confirm(dialog: ConfirmDialog) -> int:
        questions.append(dialog.question_label.text())
        return answers.pop(0)

    monkeypatch.setattr(snippet_key_file, "choose_save_path", lambda *a: target)
    monkeypatch.setattr(ConfirmDialog, "exec", confirm)
    page.export_key_file.click()  # cancelled at the confirmation: nothing written
    wait_for_all()
    assert not target.exists()
    name = main_window.state.key_name or "salesforce-jwt"
    assert questions[0] == confirmation_text(name, target, "en")
    page.export_key_file.click()
    qtbot.waitUntil(lambda: page.key_file is not None, timeout=TIMEOUT)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    after = _choose(page, SnippetKind.SF_CLI)
    assert str(target.resolve()) in after
    script = tmp_path / "snippet.py"
    script.write_text(_choose(page, SnippetKind.PYTHON))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr + done.stdout
    assert "instance_url:" in done.stdout
