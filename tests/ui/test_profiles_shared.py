"""Connection profiles in the window are core's JSON files, the same the CLI reads; profiles older versions kept in
QSettings are migrated once; secrets never reach either."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from sfjwt_gui.cli import main
from sfjwt_gui.ui.main_window import MainWindow


def _legacy_settings(folder: Path) -> None:
    settings = QSettings(str(folder / "sfjwt-gui.ini"), QSettings.Format.IniFormat)
    for name, host in (
        ("old-prod", "https://login.salesforce.com"),
        ("old-uat", "https://acme--uat.sandbox.my.salesforce.com"),
    ):
        settings.beginGroup(f"profiles/{name}")
        settings.setValue("preset", "production")
        settings.setValue("endpoint", host)
        settings.setValue("audience", host)
        settings.setValue("consumer_key", "3MVG9legacy")
        settings.setValue("username", f"{name}@acme.com")
        settings.setValue("key_name", "legacy-key")
        settings.setValue("passphrase", "never-migrated")  # something that must not travel
        settings.endGroup()
    settings.setValue("last_profile", "old-uat")
    settings.sync()


def test_legacy_qsettings_profiles_are_migrated_once(
    qtbot: Any, session: Any, ui_settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _legacy_settings(ui_settings)
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert sorted(window.profiles.migrated) == ["old-prod", "old-uat"]
    assert window.profiles.names() == ["old-prod", "old-uat"]
    assert session.endpoint == "https://acme--uat.sandbox.my.salesforce.com"  # the last profile, now from a file
    assert session.preset == "custom"
    assert session.username == "old-uat@acme.com"
    files = sorted((ui_settings.parent / "config" / "profiles").glob("*.json"))
    assert len(files) == 2
    assert all("never-migrated" not in f.read_text() for f in files)
    window.profiles_menu.store.delete("old-prod")
    window.close()
    again = MainWindow(session)  # a second start migrates nothing: the deleted profile stays deleted
    qtbot.addWidget(again)
    assert again.profiles.migrated == []
    assert again.profiles.names() == ["old-uat"]
    again.close()
    # the CLI reads the very same profile
    assert main(["profiles", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    names = [p["name"] for p in (listed["profiles"] if isinstance(listed, dict) else listed)]
    assert names == ["old-uat"]


def test_window_profile_round_trips_through_the_cli(
    qtbot: Any, main_window: MainWindow, rsa_cert: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    s = main_window.state
    s.endpoint = s.audience = "https://login.salesforce.com"
    s.consumer_key, s.username, s.certificate = "3MVG9window", "int@acme.com", rsa_cert
    main_window.save_profile("from-window")
    assert main(["profiles", "show", "from-window", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    shown = shown.get("profile", shown)
    assert shown["consumer_key"] == "3MVG9window"
    assert shown["aud"] == "https://login.salesforce.com"
    assert len(shown["certificate_sha256"].split(":")) == 32
    s.endpoint = None
    main_window.load_profile("from-window")
    assert s.endpoint == "https://login.salesforce.com"
    assert s.preset == "production"


def test_government_cloud_profile_comes_back_as_government_cloud(qtbot: Any, main_window: MainWindow) -> None:
    s = main_window.state
    s.preset = "govcloud"
    s.endpoint = "https://acme.my.salesforce.com"
    s.audience = "https://login.salesforce.com"
    main_window.save_profile("gov")
    s.preset, s.endpoint = "production", "https://login.salesforce.com"
    main_window.load_profile("gov")
    assert (s.preset, s.endpoint, s.audience) == (
        "govcloud",
        "https://acme.my.salesforce.com",
        "https://login.salesforce.com",
    )


def test_bad_profile_name_is_reported_not_raised(qtbot: Any, main_window: MainWindow, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("a/b", True))
    main_window.save_profile_dialog()
    message = main_window.statusBar().currentMessage()
    assert "'a/b'" in message
    assert main_window.profiles.names() == []
