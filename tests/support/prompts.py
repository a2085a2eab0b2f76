"""Answer the app's secret prompts (passphrase, token PIN) as a user would, without a modal loop."""

from __future__ import annotations

from typing import Any

import pytest


def answer_secret_prompts(monkeypatch: pytest.MonkeyPatch, answers: list[str], dialog: Any = None) -> list[str]:
    """Answer ``dialog`` prompts (default: every ``PassphraseDialog``, the PIN dialog included) in order, checking
    each is masked; cancel once the answers run out. Returns the error text each prompt showed."""
    from PySide6.QtWidgets import QDialog

    from sfjwt_gui.ui.dialogs.passphrase import PassphraseDialog

    shown: list[str] = []

    def fake_exec(prompt: PassphraseDialog) -> int:
        assert prompt.passphrase_edit.echoMode() == prompt.passphrase_edit.EchoMode.Password  # masked
        shown.append(prompt.error_line.plain_text())
        if not answers:
            return QDialog.DialogCode.Rejected
        prompt.passphrase_edit.setText(answers.pop(0))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialog or PassphraseDialog, "exec", fake_exec)
    return shown
