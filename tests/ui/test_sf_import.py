"""File → Import from the Salesforce CLI, in the real window, against a fake ``sf`` on PATH: a profile per JWT org,
the key file in the keyring only when the box is ticked; without ``sf`` the dialog says how to install it."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from fake_sf import ORG_LIST, fake_sf
from PySide6.QtCore import Qt

from sfjwt_gui.ui.main_window import MainWindow


@pytest.fixture
def sf_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rsa_key: Any) -> Path:
    key_file = tmp_path / "server.key"
    key_file.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    answers = copy.deepcopy(ORG_LIST)
    answers["result"]["nonScratchOrgs"][0]["privateKey"] = str(key_file)  # type: ignore[index]
    folder = tmp_path / "bin"
    folder.mkdir()
    fake_sf(folder, {"org list": answers})
    monkeypatch.setenv("PATH", str(folder) + os.pathsep + os.environ.get("PATH", ""))
    return key_file


def _open(qtbot: Any, window: MainWindow) -> Any:
    window.act_import_sf.trigger()
    dialog = window.profiles_menu.sf_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20_000)
    return dialog


def _import(qtbot: Any, dialog: Any) -> list[Any]:
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    done: list[Any] = blocker.args[0]
    return done


def test_import_profiles_and_key_only_when_agreed(
    qtbot: Any, main_window: MainWindow, sf_on_path: Path, rsa_key: Any
) -> None:
    dialog = _open(qtbot, main_window)
    assert [o.name for o in dialog.orgs] == ["ci-jwt"]  # the non-JWT "admin" org is not offered
    assert "1 other org" in dialog.message.plain_text()
    assert not dialog.import_keys.isChecked()  # no key leaves its file without the user's say-so
    done = _import(qtbot, dialog)
    assert done[0].entry["result"] == "saved"
    assert "key_imported" not in done[0].entry
    assert main_window.state.vault.list() == []
    profile = main_window.profiles.get("ci-jwt")
    assert profile is not None
    assert profile.consumer_key.startswith("3MVG9Acme")
    assert profile.username == "integration@acme.com"
    assert profile.aud == "https://login.salesforce.com"
    assert profile.key_name == ""
    assert "not imported" in dialog.table.topLevelItem(0).text(3)
    shots = Path(os.environ.get("SFJWT_SHOTS_DIR") or sf_on_path.parent)
    assert dialog.grab().save(str(shots / "en-sf-import.png"))  # for a human look
    # again, agreeing to the key import and replacing the profile
    dialog.overwrite.setChecked(True)
    dialog.import_keys.setChecked(True)
    done = _import(qtbot, dialog)
    assert done[0].entry["key_imported"] == "ci-jwt"
    assert main_window.profiles.get("ci-jwt").key_name == "ci-jwt"
    stored = main_window.state.vault.load("ci-jwt")
    assert stored.private_numbers() == rsa_key.private_numbers()
    assert sf_on_path.exists()  # the file is left as it is
    main_window.load_profile("ci-jwt")
    qtbot.waitUntil(lambda: main_window.state.key_name == "ci-jwt", timeout=10_000)
    assert main_window.state.username == "integration@acme.com"


def test_existing_profile_is_kept_and_unticked(qtbot: Any, main_window: MainWindow, sf_on_path: Path) -> None:
    main_window.state.username = "someone@else.com"
    main_window.save_profile("ci-jwt")
    dialog = _open(qtbot, main_window)
    item = dialog.table.topLevelItem(0)
    assert item.checkState(0) == Qt.CheckState.Unchecked
    assert "exists" in item.text(3)
    assert dialog.chosen() == []
    item.setCheckState(0, Qt.CheckState.Checked)
    done = _import(qtbot, dialog)
    assert done[0].entry["result"] == "exists"
    assert main_window.profiles.get("ci-jwt").username == "someone@else.com"


def test_no_sf_says_how_to_install(qtbot: Any, main_window: MainWindow, tmp_path: Path, monkeypatch: Any) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    dialog = _open(qtbot, main_window)
    text = dialog.message.plain_text()
    assert "not on PATH" in text
    assert "npm install --global @salesforce/cli" in text
    assert not dialog.run_button.isEnabled()
    # the org inspector's Salesforce CLI option says the same
    page = main_window.show_step("org")
    box = page.access_box
    box.source.setCurrentIndex(box.source.findData("sf"))
    qtbot.waitUntil(lambda: box._sf_job is None, timeout=20_000)
    assert "@salesforce/cli" in box.sf_message.plain_text()
